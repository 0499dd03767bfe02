"""Run an RQ worker on the configured Redis (secrets included): python -m workmonitor.worker [queue ...].

The rq CLI only knows --url/RQ_REDIS_URL; this reads the same settings as the functions, preloads the job
modules once (workmonitor.jobs.rqconfig) so each forked work horse inherits them, and runs the scheduler for
retries with backoff.
"""

from __future__ import annotations

import argparse
import sys

from rq import Worker

from .queue import QUEUES, queue


def alive_here(host: str | None = None) -> bool:
    """Return whether a worker started on this host (pod) is registered in Redis with a recent heartbeat."""
    import socket
    from datetime import UTC, datetime

    from .redis_client import client

    host = host or socket.gethostname()
    now = datetime.now(UTC)
    for w in Worker.all(connection=client()):
        beat = w.last_heartbeat.replace(tzinfo=UTC) if w.last_heartbeat else None
        # An idle worker blocks on Redis for up to worker_ttl (420 s) between heartbeats; its key expires after that.
        if w.hostname == host and beat and (now - beat).total_seconds() < w.worker_ttl + 60:
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    """Work the given queues (default: all) until SIGTERM/SIGINT; return the exit code."""
    parser = argparse.ArgumentParser(description="WorkMonitor RQ worker")
    parser.add_argument("queues", nargs="*", default=list(QUEUES))
    parser.add_argument("--name", default=None)
    parser.add_argument("--burst", action="store_true", help="stop when the queues are empty")
    parser.add_argument("--check", action="store_true", help="liveness probe: exit 0 if a worker on this host is alive")
    args = parser.parse_args(argv)
    if args.check:
        return 0 if alive_here() else 1
    unknown = set(args.queues) - set(QUEUES)
    if unknown:
        parser.error(f"unknown queue(s): {', '.join(sorted(unknown))}")
    from .jobs import rqconfig  # noqa: F401  (preload for the work horses)
    from .redis_client import client

    worker = Worker([queue(q) for q in args.queues], connection=client(), name=args.name)
    worker.work(with_scheduler=True, burst=args.burst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
