"""Scheduled maintenance: each task is enqueued at most once per schedule slot (a Redis SET NX claim).

The cron-connector cannot send credentials, so whoever calls the cron target only ever enqueues these
idempotent jobs, and calling it more often than the schedule does no extra work.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from .. import keys
from ..jobs import registry
from ..redis_client import client as redis_client


@dataclass(frozen=True)
class Task:
    """One scheduled task: the registered job and the slot length in seconds."""

    job: registry.Job
    every_seconds: int


TASKS = {
    "retention": Task(registry.APPLY_RETENTION, 3600),
    "idempotency-keys": Task(registry.EXPIRE_IDEMPOTENCY_KEYS, 86400),
}


def run_due(now: float | None = None) -> dict[str, str | None]:
    """Enqueue every task whose current slot has not been claimed yet; return task -> job id (None: already done)."""
    now = time.time() if now is None else now
    out: dict[str, str | None] = {}
    for name, task in TASKS.items():
        slot = int(now // task.every_seconds)
        claimed = redis_client().set(keys.cron_slot(name, slot), "1", nx=True, ex=task.every_seconds * 2)
        out[name] = task.job.enqueue(job_id=f"cron-{name}-{slot}").id if claimed else None
    return out


def schedule() -> dict[str, dict]:
    """Return every task with its queue, job and slot length."""
    return {
        name: {"queue": t.job.queue, "job": t.job.path, "every_seconds": t.every_seconds} for name, t in TASKS.items()
    }
