"""Start real gateway processes on free loopback ports (tests and benchmarks), with the caller's environment."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class GatewayProcess:
    """One `python -m gateway.server` subprocess; `url` is what a Socket.IO client connects to."""

    def __init__(self, env: dict[str, str] | None = None, log_path: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = open(log_path, "wb") if log_path else subprocess.DEVNULL  # noqa: SIM115 -- closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gateway.server", "--port", str(self.port)],
            env={**os.environ, **(env or {})},
            stdout=self._log,
            stderr=self._log,
            cwd=ROOT,
        )

    def wait_ready(self, timeout: float = 20) -> dict:
        """Block until /readyz answers 200 (subscribed to Redis); return its body or raise RuntimeError."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gateway exited with {self.proc.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/readyz", timeout=1) as resp:
                    return json.loads(resp.read())
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        raise RuntimeError(f"gateway on port {self.port} not ready after {timeout}s")

    def stop(self) -> None:
        """Terminate the process (SIGTERM, then SIGKILL after 10 s)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if not isinstance(self._log, int):  # subprocess.DEVNULL is an int; a log file is ours to close
            self._log.close()


def start(n: int = 1, env: dict[str, str] | None = None, log_dir: Path | None = None) -> list[GatewayProcess]:
    """Start `n` gateway processes and wait until every one is ready; stop them all if one fails."""
    procs = [GatewayProcess(env, log_dir / f"gateway-{i}.log" if log_dir else None) for i in range(n)]
    try:
        for p in procs:
            p.wait_ready()
    except Exception:
        for p in procs:
            p.stop()
        raise
    return procs
