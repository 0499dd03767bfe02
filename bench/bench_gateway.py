"""Gateway: publish→deliver latency with 2,000 sockets on one gateway process, and the raw Redis PUBLISH ceiling.

Events are emitted exactly as functions do (python-socketio's Redis manager, write-only) with a send timestamp in
the payload; every socket records when each event arrived. Figures are printed, never asserted (target p99 < 50 ms).
Knobs: BENCH_GATEWAY_SOCKETS (2000), BENCH_GATEWAY_USER_EVENTS (1000), BENCH_GATEWAY_COMPANY_EVENTS (40).
"""

from __future__ import annotations

import asyncio
import gc
import os
import resource
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp
import socketio

from gateway import harness
from gateway.probe import Probe
from workmonitor import keys, security
from workmonitor.config import settings
from workmonitor.redis_client import client as redis_client

USERS_PER_COMPANY = 100
CONNECT_CONCURRENCY = 50


def _raise_fd_limit(need: int) -> int:
    """Raise the soft open-files limit towards `need` (never above the hard limit); return the new soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = need if hard == resource.RLIM_INFINITY else min(need, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def _fmt(name: str, ms: list[float], expected: int) -> str:
    if not ms:
        return f"  {name}: no deliveries (expected {expected})"
    return (
        f"  {name}: {len(ms)}/{expected} delivered  p50 {_pct(ms, 0.5):.1f} ms  p99 {_pct(ms, 0.99):.1f} ms"
        f"  max {max(ms):.1f} ms  mean {statistics.fmean(ms):.1f} ms"
    )


async def _connect_all(url: str, n: int, http: aiohttp.ClientSession, on_event) -> tuple[list, list[dict], float]:
    """Connect n sockets (100 users per company); return (probes, claims per socket, seconds taken)."""
    companies = [str(uuid.uuid4()) for _ in range(max(1, n // USERS_PER_COMPANY))]
    claims = [
        {"sub": str(uuid.uuid4()), "cid": companies[i % len(companies)], "sid": str(uuid.uuid4())} for i in range(n)
    ]
    probes = [
        Probe(
            url,
            security.issue_access_token(c["sub"], c["cid"], "employee", c["sid"], ttl=3600),
            on_event=on_event,
            http_session=http,
        )
        for c in claims
    ]
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)

    async def one(p: Probe) -> bool:
        async with gate:
            return await p.connect(timeout=20)

    started = time.perf_counter()
    ok = await asyncio.wait_for(asyncio.gather(*(one(p) for p in probes)), timeout=180)
    took = time.perf_counter() - started
    if not all(ok):
        print(f"  warning: {ok.count(False)} sockets were refused", flush=True)
    return probes, claims, took


async def _publish_phase(
    manager, rooms: list[str], rate: float, per_event: int, lat: list[float], wait: float = 10
) -> None:
    """Emit one event per room at `rate`/s, then wait until every delivery arrived (or `wait` s passed)."""
    expected = len(lat) + len(rooms) * per_event
    interval = 1.0 / rate
    t0 = time.perf_counter()
    for i, room in enumerate(rooms):
        delay = t0 + i * interval - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        await manager.emit("bench", {"t": time.perf_counter(), "i": i}, room=room)
    deadline = time.perf_counter() + wait
    while len(lat) < expected and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)


async def _latency(url: str, n: int, user_events: int, company_events: int) -> None:
    lat: list[float] = []
    by_event: dict[int, list[float]] = {}

    def on_event(event, data, _now):
        if event == "bench" and isinstance(data, dict):
            lat.append((time.perf_counter() - data["t"]) * 1000)
            by_event.setdefault(data["i"], []).append(lat[-1])

    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        probes, claims, took = await _connect_all(url, n, http, on_event)
        print(
            f"  connected {sum(p.client.connected for p in probes)} sockets in {took:.1f} s ({n / took:.0f}/s)",
            flush=True,
        )
        manager = socketio.AsyncRedisManager(settings().redis_url, write_only=True)
        # The 2,000 clients share this process; a cyclic-GC pass over them stalls every receiver for hundreds of
        # ms and would be measured as gateway latency. Collect now and keep the collector off while measuring.
        gc.collect()
        gc.disable()
        await asyncio.sleep(1)
        users = [f"user:{claims[i % n]['sub']}" for i in range(user_events)]
        await _publish_phase(manager, users, 500, 1, lat)
        user_lat, lat[:] = list(lat), []
        by_event.clear()
        companies = sorted({c["cid"] for c in claims})
        rooms = [f"company:{companies[i % len(companies)]}" for i in range(company_events)]
        per_company = n // len(companies)
        await _publish_phase(manager, rooms, 10, per_company, lat)
        print(_fmt(f"user rooms, {user_events} events at 500/s (1 socket each)", user_lat, user_events))
        print(
            _fmt(
                f"company rooms, {company_events} events at 10/s ({per_company} sockets each)",
                lat,
                company_events * per_company,
            )
        )
        gc.enable()
        first, last = [min(v) for v in by_event.values()], [max(v) for v in by_event.values()]
        print(
            f"  company rooms, per event: first socket p50 {_pct(first, 0.5):.1f} ms p99 {_pct(first, 0.99):.1f} ms;"
            f" last socket p50 {_pct(last, 0.5):.1f} ms p99 {_pct(last, 0.99):.1f} ms"
            " (the spread is the fan-out plus 100 receivers decoding in this one process)"
        )
        print(_fmt("all deliveries", user_lat + lat, user_events + company_events * per_company))
        gate = asyncio.Semaphore(200)

        async def close(p: Probe) -> None:
            async with gate:
                await p.close()

        await asyncio.wait_for(asyncio.gather(*(close(p) for p in probes), return_exceptions=True), 60)
        Probe.opened.clear()


def _publish_ceiling(seconds: float = 2.0, batch: int = 100) -> None:
    """Print raw Redis PUBLISH throughput: one round trip per message, then pipelined batches."""
    r = redis_client()
    channel = keys.bench_channel(f"ceiling:{os.getpid()}")
    body = '{"method": "emit", "event": "bench", "data": [{"t": 0}], "room": "user:x"}'
    count, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        r.publish(channel, body)
        count += 1
    single = count / (time.perf_counter() - t0)
    count, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        pipe = r.pipeline(transaction=False)
        for _ in range(batch):
            pipe.publish(channel, body)
        pipe.execute()
        count += batch
    piped = count / (time.perf_counter() - t0)
    print(f"  redis PUBLISH ceiling: {single:,.0f} msg/s one at a time, {piped:,.0f} msg/s pipelined ({batch}/batch)")


def run(env: dict) -> None:
    """Start one gateway, connect the sockets, measure latency, then the PUBLISH ceiling; print the figures."""
    n = int(os.environ.get("BENCH_GATEWAY_SOCKETS", "2000"))
    user_events = int(os.environ.get("BENCH_GATEWAY_USER_EVENTS", "1000"))
    company_events = int(os.environ.get("BENCH_GATEWAY_COMPANY_EVENTS", "40"))
    limit = _raise_fd_limit(2 * n + 512)
    print(f"  sockets {n}, open-files limit {limit}", flush=True)
    logs = Path(tempfile.mkdtemp(prefix="wm-bench-gateway-"))
    gw = harness.start(1, env={"WM_GATEWAY_HEARTBEAT_SECONDS": "10"}, log_dir=logs)[0]
    try:
        asyncio.run(_latency(gw.url, n, user_events, company_events))
    finally:
        gw.stop()
    _publish_ceiling()
    print("  target: p99 < 50 ms (printed, not asserted)")
