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


def main(argv: list[str] | None = None) -> int:
    """Work the given queues (default: all) until SIGTERM/SIGINT; return the exit code."""
    parser = argparse.ArgumentParser(description="WorkMonitor RQ worker")
    parser.add_argument("queues", nargs="*", default=list(QUEUES))
    parser.add_argument("--name", default=None)
    parser.add_argument("--burst", action="store_true", help="stop when the queues are empty")
    args = parser.parse_args(argv)
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
