"""`make run`'s child processes (the RQ worker, the WebSocket gateway): started so they die with the runner,
restarted when they die on their own, recorded in a pid file so a runner killed by surprise is cleaned up after.

What must stay true:
- Children get SIGTERM when the runner exits however it exits (kill -9 included): PR_SET_PDEATHSIG, set in the
  child before exec. The kernel ties it to the forking *thread*, so start and restart children from the main
  thread only.
- A child that exits while the runner runs is started again after a backoff (1 s doubling to 30 s, back to 1 s
  once it has run a minute), so a worker that lost Redis, or a crashed gateway, comes back by itself.
- On start, children listed in a stale pid file (their runner is gone) are stopped, so ports are free and
  workers do not pile up; a live runner of the same checkout is refused.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from workmonitor.lifeline import die_with_parent

MARKERS = ("workmonitor.worker", "gateway.server", "run.py")  # what our processes' command lines contain
BACKOFF_MAX = 30.0


@dataclass
class Child:
    """One supervised process: how to start it and its current run."""

    name: str
    argv: list[str]
    cwd: Path
    proc: subprocess.Popen | None = None
    started: float = 0.0
    delay: float = 1.0
    due: float = 0.0


@dataclass
class Children:
    """The runner's children, with their pid file."""

    pidfile: Path
    items: list[Child] = field(default_factory=list)

    def start(self, name: str, argv: list[str], cwd: Path) -> None:
        """Start a supervised child `name`."""
        child = Child(name, argv, cwd)
        self.items.append(child)
        self._spawn(child)

    def _spawn(self, child: Child) -> None:
        parent = os.getpid()
        child.proc = subprocess.Popen(child.argv, cwd=child.cwd, preexec_fn=lambda: die_with_parent(parent))
        child.started = time.monotonic()
        self._record()

    def watch(self) -> None:
        """Restart each child that has exited, once its backoff has passed (call from the main thread)."""
        now = time.monotonic()
        for child in self.items:
            if child.proc is None or child.proc.poll() is None:
                continue
            if child.due == 0.0:
                child.delay = 1.0 if now - child.started > 60 else min(child.delay * 2, BACKOFF_MAX)
                child.due = now + child.delay
                print(
                    f"  {child.name}: exited ({child.proc.returncode}); restarting in {child.delay:.0f} s", flush=True
                )
            elif now >= child.due:
                child.due = 0.0
                self._spawn(child)

    def stop(self, grace: float = 10) -> None:
        """Terminate every child, kill what is still running after `grace` seconds, forget the pid file."""
        running = [c.proc for c in self.items if c.proc is not None and c.proc.poll() is None]
        for proc in running:
            proc.terminate()
        for proc in running:
            try:
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.pidfile.unlink(missing_ok=True)

    def _record(self) -> None:
        pids = [c.proc.pid for c in self.items if c.proc is not None]
        self.pidfile.parent.mkdir(parents=True, exist_ok=True)
        self.pidfile.write_text(json.dumps({"runner": os.getpid(), "children": pids}))


def ours(pid: int) -> bool:
    """Return whether `pid` runs and is one of our processes (a reused pid belongs to someone else)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return False
    return any(m in cmdline for m in MARKERS)


def reap_stale(pidfile: Path) -> list[int]:
    """Stop the children a dead runner left (from its pid file); return their pids. Raise RuntimeError when the
    runner recorded there is still running."""
    try:
        recorded = json.loads(pidfile.read_text())
    except (OSError, ValueError):
        return []
    runner = int(recorded.get("runner", 0))
    if runner and runner != os.getpid() and ours(runner):
        raise RuntimeError(f"WorkMonitor is already running here (pid {runner}); stop it first")
    stale = [int(p) for p in recorded.get("children", []) if ours(int(p))]
    for pid in stale:
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(ours(p) for p in stale):
        time.sleep(0.1)
    for pid in (p for p in stale if ours(p)):
        os.kill(pid, signal.SIGKILL)
    pidfile.unlink(missing_ok=True)
    return stale
