"""The job outbox: a job is first a database row, written in the transaction of the change that wants it; RQ
only runs it. Redis may lose its data (a restart without persistence, a failover), the database does not.

What must stay true:
- The RQ job id is the outbox row's id. `push` enqueues only when Redis knows no job of that id (a short claim
  key covers the moment between that check and the enqueue), so the after-commit push, the drainer and several
  drainers at once make one run between them.
- A row is closed 'done' by the job's success callback (or by the drainer when it finds the RQ job finished),
  'failed' when RQ gave up on it. An open row whose job Redis does not know is pushed again by `drain`.
- `drain` also hands abandoned executions (a work horse or worker killed mid-job) back to RQ, which retries
  them: a dead worker's job runs again within about a minute, not at RQ's ten-minute maintenance.
- Jobs are idempotent, so the one run that can repeat — one in flight at the very moment Redis lost its data —
  changes nothing twice.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.rows import scalar_row
from psycopg.types.json import Jsonb
from rq.exceptions import NoSuchJobError
from rq.job import Job as RqJob
from rq.job import JobStatus
from rq.registry import ScheduledJobRegistry, StartedJobRegistry

from .. import keys
from ..db import Claims, Conn, transaction
from ..redis_client import client

if TYPE_CHECKING:
    from .registry import Job

log = logging.getLogger("workmonitor.jobs.outbox")
Defer = Callable[[Callable[[], object]], None]
CLAIM_SECONDS = 30  # longer than any enqueue takes; after it, the RQ job exists or the push died
DRAIN_LOCK_SECONDS = 60
CLOSED = {JobStatus.FINISHED: "done", JobStatus.FAILED: "failed", JobStatus.STOPPED: "failed"}


def request_defer() -> Defer | None:
    """Return the request's after_commit inside a Flask request, else None (no Flask import needed)."""
    flask = sys.modules.get("flask")
    if flask is not None and flask.has_request_context():
        from ..web import after_commit  # only inside a request: this module stays usable without Flask

        return after_commit
    return None


def add(conn: Conn, job: Job, args: tuple, key: str | None = None, defer: Defer | None = None) -> str | None:
    """Record one run of `job` in `conn`'s transaction and push it to RQ once that commits; return its id
    (None when `key` was recorded before). Pushed by `defer`, else the request's after_commit, else the drainer."""
    with conn.cursor(row_factory=scalar_row) as cur:
        found = cur.execute("SELECT app.outbox_add(%s, %s, %s)", (job.path, Jsonb(list(args)), key)).fetchone()
    if found is None:
        return None
    job_id = str(found)
    defer = defer or request_defer()
    if defer is not None:
        defer(lambda: push(job, job_id, args))
    return job_id


def push(job: Job, job_id: str, args: tuple | list) -> bool:
    """Enqueue outbox row `job_id` into RQ unless Redis already has (or is being given) it; return whether it did."""
    redis = client()
    if not redis.set(keys.outbox_claim(job_id), "1", nx=True, ex=CLAIM_SECONDS):
        return False
    if RqJob.exists(job_id, connection=redis):
        return False
    job.submit(job_id, tuple(args))
    return True


def close(conn: psycopg.Connection[Any], job_id: str, state: str) -> bool:
    """Close outbox row `job_id` as 'done' or 'failed'; return whether it was open."""
    with conn.cursor(row_factory=scalar_row) as cur:
        return bool(cur.execute("SELECT app.outbox_close(%s, %s)", (job_id, state)).fetchone())


def job_succeeded(job: RqJob, connection: Any, result: Any, *args: Any, **kwargs: Any) -> None:
    """RQ success callback: close the job's outbox row as done (when the database is away, the drainer will)."""
    try:
        with transaction(Claims()) as conn:
            close(conn, job.id, "done")
    except psycopg.Error as exc:
        log.warning("outbox row not closed", extra={"fields": {"job_id": job.id, "error": str(exc)}})


def recover_abandoned() -> list[str]:
    """Hand executions whose worker stopped heartbeating back to RQ and queue them again at once (a dead worker is
    no reason to wait out the retry backoff, nor for a scheduler lock the dead worker held); return their ids."""
    from ..queue import QUEUES, queue

    again = []
    for name in QUEUES:
        started = StartedJobRegistry(name, connection=client())
        expired = started.get_expired_job_ids()
        if not expired:
            continue
        started.cleanup()  # rq's own bookkeeping: retry (into the scheduled registry) or fail for good
        scheduled = ScheduledJobRegistry(name, connection=client())
        for job_id in expired:
            if scheduled.remove(job_id):  # ZREM: exactly one remover wins, the scheduler cannot promote it too
                queue(name).enqueue_job(RqJob.fetch(job_id, connection=client()))
                again.append(job_id)
    return again


def drain(conn: psycopg.Connection[Any], limit: int = 500) -> dict[str, int]:
    """Push every open outbox row that Redis does not know, close the finished ones, recover abandoned runs and
    prune old rows; return counts. One drainer at a time across processes (a Redis lock); {} when another runs."""
    from .registry import BY_PATH

    redis = client()
    if not redis.set(keys.OUTBOX_DRAIN_LOCK, "1", nx=True, ex=DRAIN_LOCK_SECONDS):
        return {}
    counts = {"pushed": 0, "done": 0, "failed": 0}
    try:
        recover_abandoned()
        rows = conn.execute("SELECT id, job, args FROM app.outbox_open(%s)", (limit,)).fetchall()
        for row_id, path, args in (_row(r) for r in rows):
            job = BY_PATH.get(path)
            state = "failed" if job is None else _rq_state(row_id)
            if state is not None:
                counts[state] += close(conn, row_id, state)
            elif job is not None and push(job, row_id, args):
                counts["pushed"] += 1
        conn.execute("SELECT app.outbox_prune()")
    finally:
        redis.delete(keys.OUTBOX_DRAIN_LOCK)
    return counts


def _row(row: Any) -> tuple[str, str, list]:
    values = list(row.values()) if isinstance(row, dict) else list(row)
    return str(values[0]), values[1], values[2]


def _rq_state(job_id: str) -> str | None:
    """Return 'done'/'failed' when RQ finished with the job, None while it is pending, running or unknown."""
    try:
        status = RqJob.fetch(job_id, connection=client()).get_status(refresh=False)
    except NoSuchJobError:
        return None
    return CLOSED.get(status) if status is not None else None
