"""Serve a WSGI app with gunicorn as deployed, and drive it open loop (requests on a schedule, latency from the
scheduled send time, so a slow server cannot slow the client down and hide its queue) or closed loop (N clients,
each waiting for its answer: the most the server answers per second)."""

from __future__ import annotations

import asyncio
import http.client
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import services

from bench.report import pct

ROOT = Path(__file__).resolve().parents[1]
GUNICORN_CONF = ROOT / "template" / "workmonitor-python3-http" / "gunicorn.conf.py"
# One request: (method, path, headers, body bytes).
Request = tuple[str, str, dict, bytes]


def tree_cpu(pid: int) -> float:
    """Return user+system CPU seconds of process `pid` and its direct children (Linux /proc; 0 elsewhere)."""
    total = 0.0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for p in [str(pid), *children]:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        pass
    return total


@dataclass
class Server:
    """A running gunicorn: its base URL and process."""

    url: str
    proc: subprocess.Popen
    log: Path

    def cpu(self) -> float:
        """Return CPU seconds used so far by the master and its workers."""
        return tree_cpu(self.proc.pid)


@contextmanager
def gunicorn(app_spec: str, env: dict | None = None):
    """Serve `app_spec` (e.g. "bench.wsgi:bare_app()") with the function image's gunicorn settings on a free port."""
    port = services.free_port()
    log = Path(tempfile.mkstemp(prefix="wm-bench-gunicorn-", suffix=".log")[1])
    pythonpath = os.pathsep.join([str(ROOT / "shared"), str(ROOT), os.environ.get("PYTHONPATH", "")])
    full_env = {
        **os.environ,
        "PYTHONPATH": pythonpath,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_LOG_LEVEL": "warning",
        **(env or {}),
    }
    cmd = [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF), app_spec]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, env=full_env, cwd=str(ROOT), stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(port, proc, log)
        yield Server(f"http://127.0.0.1:{port}", proc, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def _wait_healthy(port: int, proc: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError(f"gunicorn did not become healthy: {log.read_text()[-2000:]}")


def post_once(server: Server, path: str, headers: dict, body: bytes) -> int:
    """POST `body` to the server once; return the status."""
    host, port = server.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.request("POST", path, body=body, headers=headers)
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp.status


@dataclass
class Run:
    """What one load run saw: latencies (s) of answered requests, statuses, give-ups, wall time, server CPU."""

    offered: float
    sent: int
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    gave_up: int = 0
    seconds: float = 0.0
    server_cpu: float = 0.0

    def line(self, ok: int) -> str:
        """Return the printed summary; `ok` is the success status."""
        good = self.statuses.get(ok, 0)
        others = {k: v for k, v in self.statuses.items() if k != ok}
        lat = [x * 1000 for x in self.latencies]
        offered = f"{self.offered:>4.0f}/s offered" if self.offered else "closed loop   "
        return (
            f"{offered}  sent {self.sent:>5}  {ok}: {good:>5}  other {others or '-'}  gave up {self.gave_up:>4}"
            f"  answered {good / self.seconds:>6.1f}/s  p50 {pct(lat, 0.5):>7.1f} ms  p99 {pct(lat, 0.99):>7.1f} ms"
            f"  max {max(lat, default=float('nan')):>7.1f} ms"
            f"  gunicorn CPU {1000 * self.server_cpu / max(1, self.sent):.1f} ms/req"
        )


async def _send(session: aiohttp.ClientSession, base: str, req: Request, timeout: float) -> int | None:
    method, path, headers, body = req
    try:
        async with session.request(
            method, base + path, data=body, headers=headers, timeout=aiohttp.ClientTimeout(total=timeout)
        ) as r:
            await r.read()
            return r.status
    except (TimeoutError, aiohttp.ClientError):
        return None


async def _open_loop(server: Server, make: Callable[[int], Request], rate: float, n: int, timeout: float) -> Run:
    run = Run(offered=rate, sent=n)
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        t0 = loop.time() + 0.1

        async def one(i: int) -> None:
            scheduled = t0 + i / rate
            await asyncio.sleep(max(0.0, scheduled - loop.time()))
            status = await _send(session, server.url, make(i), timeout)
            if status is None:
                run.gave_up += 1
            else:
                run.statuses[status] += 1
                run.latencies.append(loop.time() - scheduled)

        cpu0 = server.cpu()
        await asyncio.gather(*(one(i) for i in range(n)))
        run.seconds = loop.time() - t0
        run.server_cpu = server.cpu() - cpu0
    return run


async def _closed_loop(server: Server, make: Callable[[int, int], Request], clients: int, seconds: float) -> Run:
    run = Run(offered=0, sent=0)
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        t0 = loop.time()
        end = t0 + seconds

        async def client(c: int) -> None:
            k = 0
            while loop.time() < end:
                started = loop.time()
                status = await _send(session, server.url, make(c, k), 30)
                run.sent += 1
                k += 1
                if status is None:
                    run.gave_up += 1
                else:
                    run.statuses[status] += 1
                    run.latencies.append(loop.time() - started)

        cpu0 = server.cpu()
        await asyncio.gather(*(client(c) for c in range(clients)))
        run.seconds = loop.time() - t0
        run.server_cpu = server.cpu() - cpu0
    return run


def open_loop(server: Server, make: Callable[[int], Request], rate: float, seconds: float, timeout: float) -> Run:
    """Send request make(i) at t0 + i/rate for `seconds`, whatever the answers; give up on one after `timeout`."""
    return asyncio.run(_open_loop(server, make, rate, int(rate * seconds), timeout))


def closed_loop(server: Server, make: Callable[[int, int], Request], clients: int, seconds: float) -> Run:
    """Run `clients` clients sending make(client, k) one after another for `seconds`."""
    return asyncio.run(_closed_loop(server, make, clients, seconds))
