"""Run an RQ worker on the configured Redis (secrets included): python -m workmonitor.worker [queue ...].

The rq CLI only knows --url/RQ_REDIS_URL; this reads the same settings as the functions, preloads the job
modules once (workmonitor.jobs.rqconfig) so each forked work horse inherits them, and runs the scheduler for
retries with backoff.

What must stay true:
- Supervised: rq's work loop ends when its Redis connection breaks ("quitting"); `supervise` builds a new
  worker after a backoff and goes on until SIGTERM/SIGINT, so a Redis restart never leaves the queues unworked.
- A drainer thread pushes the job outbox into RQ every --drain-every seconds and hands abandoned executions
  back to RQ (workmonitor.jobs.outbox). It opens a short connection of its own per pass, never the pool: work
  horses are forked from this process and must not inherit a pooled socket.
- A running job is heartbeated every MONITOR_INTERVAL s and counts as abandoned HEARTBEAT_GRACE s after a missed
  beat (rq's default is 90 s, then up to 10 min until its maintenance looks), so a killed worker's job runs
  again within about a minute. Work horses die with the worker (workmonitor.lifeline).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from typing import Any

from rq import Worker, worker_registration

from .queue import QUEUES, queue

log = logging.getLogger("workmonitor.worker")
MONITOR_INTERVAL = 10
MAINTENANCE_INTERVAL = 60  # rq's registry clean-up and scheduler-lock retry (rq: 10 min)
HEARTBEAT_GRACE = 15
BACKOFF_MAX = 30.0
STEADY_SECONDS = 60  # a worker that ran this long before ending starts the backoff over


class SupervisedWorker(Worker):
    """rq's forking worker with a short abandonment window; it notes whether a stop was asked for."""

    stop_asked = False

    def request_stop(self, signum: Any, frame: Any) -> None:
        """Note the stop (the supervisor must not replace this worker), then stop as rq does."""
        self.stop_asked = True
        super().request_stop(signum, frame)

    def register_again(self) -> bool:
        """Register this worker again when Redis forgot it (restarted empty); return whether it had to."""
        if self.connection.sismember(worker_registration.REDIS_WORKER_KEYS, self.key):
            return False
        with self.connection.pipeline() as pipe:
            pipe.hset(self.key, mapping=self.serialize())
            worker_registration.register(self, pipe)
            pipe.expire(self.key, self.worker_ttl + 60)
            pipe.execute()
        return True

    def get_heartbeat_ttl(self, job: Any, working_time: float = 0.0) -> int:
        """Return how long a running job's execution stays alive without the next heartbeat."""
        remaining = job.timeout - working_time if job.timeout and job.timeout > 0 else self.job_monitoring_interval
        return max(1, int(min(remaining, self.job_monitoring_interval))) + HEARTBEAT_GRACE


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


def drain_once() -> dict[str, int]:
    """Run one outbox drainer pass on a connection of its own; return its counts."""
    import psycopg

    from .config import settings
    from .jobs import outbox

    with psycopg.connect(settings().database_url, autocommit=True) as conn:
        return outbox.drain(conn)


def _drain_forever(stop: threading.Event, every: float, current: list[SupervisedWorker]) -> None:
    while True:
        try:
            if current and current[0].register_again():  # a Redis that came back empty lists no worker
                log.warning("worker registered again (Redis had forgotten it)")
            drain_once()
        except Exception as exc:  # Redis or the database away: the next pass tries again
            log.warning("outbox drain failed: %s", exc)
        if stop.wait(every):
            return


def supervise(
    queues: list[str], name: str | None, burst: bool, stop: threading.Event, current: list[SupervisedWorker]
) -> int:
    """Work `queues` until a stop is asked for; a worker whose loop ended otherwise (Redis lost) is replaced
    after a backoff (1 s doubling to BACKOFF_MAX). `current` holds the running worker. Return the exit code."""
    from .redis_client import client

    delay, attempt = 1.0, 0
    while True:
        started = time.monotonic()
        worker = None
        try:
            worker = SupervisedWorker(
                [queue(q) for q in queues],
                connection=client(),
                name=f"{name}.{attempt}" if name and attempt else name,
                job_monitoring_interval=MONITOR_INTERVAL,
                maintenance_interval=MAINTENANCE_INTERVAL,
            )
            current[:] = [worker]
            worker.work(with_scheduler=True, burst=burst)
        except Exception as exc:  # rq's teardown raises when Redis is gone; the loop below starts over
            log.warning("worker ended: %s", exc)
        current.clear()
        if burst or stop.is_set() or (worker is not None and worker.stop_asked):
            return 0
        delay = 1.0 if time.monotonic() - started > STEADY_SECONDS else delay
        attempt += 1
        log.warning("worker lost its loop (Redis?); restarting in %.0f s", delay)
        for sig in (signal.SIGTERM, signal.SIGINT):  # rq's handlers point at the dead worker
            signal.signal(sig, lambda *_: stop.set())
        if stop.wait(delay):
            return 0
        delay = min(delay * 2, BACKOFF_MAX)


def main(argv: list[str] | None = None) -> int:
    """Work the given queues (default: all) until SIGTERM/SIGINT; return the exit code."""
    parser = argparse.ArgumentParser(description="WorkMonitor RQ worker")
    parser.add_argument("queues", nargs="*", default=list(QUEUES))
    parser.add_argument("--name", default=None)
    parser.add_argument("--burst", action="store_true", help="stop when the queues are empty")
    parser.add_argument("--check", action="store_true", help="liveness probe: exit 0 if a worker on this host is alive")
    parser.add_argument("--drain-every", type=float, default=10.0, help="seconds between job outbox passes")
    args = parser.parse_args(argv)
    if args.check:
        return 0 if alive_here() else 1
    unknown = set(args.queues) - set(QUEUES)
    if unknown:
        parser.error(f"unknown queue(s): {', '.join(sorted(unknown))}")
    if not log.handlers:
        log.addHandler(logging.StreamHandler(sys.stderr))
        log.setLevel(logging.INFO)
    from . import lifeline
    from .jobs import rqconfig  # noqa: F401  (preload for the work horses)

    lifeline.children_die_with_me()
    stop = threading.Event()
    current: list[SupervisedWorker] = []
    if args.burst:
        drain_once()  # what Redis lost is queued again before the burst
    else:
        drainer = threading.Thread(target=_drain_forever, args=(stop, args.drain_every, current), daemon=True)
        drainer.start()
    try:
        return supervise(args.queues, args.name, args.burst, stop, current)
    finally:
        stop.set()


if __name__ == "__main__":
    sys.exit(main())
