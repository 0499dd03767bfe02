"""Scheduled maintenance: each task is enqueued at most once per schedule slot (the job outbox's key).

The cron-connector cannot send credentials, so whoever calls the cron target only ever enqueues these
idempotent jobs, and calling it more often than the schedule does no extra work.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..db import Conn
from ..jobs import registry


@dataclass(frozen=True)
class Task:
    """One scheduled task: the registered job and the slot length in seconds."""

    job: registry.Job
    every_seconds: int
    offset_seconds: int = 0  # where slots start after the epoch (a Thursday, 00:00 UTC)


TASKS = {
    "retention": Task(registry.APPLY_RETENTION, 3600),
    "idempotency-keys": Task(registry.EXPIRE_IDEMPOTENCY_KEYS, 86400),
    # Mondays from 06:00 UTC: the epoch is a Thursday, so four days and six hours after it.
    "weekly-summary": Task(registry.WEEKLY_SUMMARY, 7 * 86400, offset_seconds=4 * 86400 + 6 * 3600),
    "calendar-sync": Task(registry.SYNC_ALL_CALENDARS, 900),
    "agent-watch": Task(registry.CHECK_AGENTS, 300),
    "insights-digest": Task(registry.SEND_DIGESTS, 7 * 86400),
}


def run_due(conn: Conn, now: float | None = None) -> dict[str, str | None]:
    """Enqueue (in `conn`'s transaction) every task whose current slot was not enqueued yet; return task -> job id
    (None: already done)."""
    now = time.time() if now is None else now
    return {
        name: task.job.enqueue(conn, key=f"cron-{name}-{int((now - task.offset_seconds) // task.every_seconds)}")
        for name, task in TASKS.items()
    }


def schedule() -> dict[str, dict]:
    """Return every task with its queue, job and slot length."""
    return {
        name: {"queue": t.job.queue, "job": t.job.path, "every_seconds": t.every_seconds} for name, t in TASKS.items()
    }
