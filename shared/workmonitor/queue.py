"""RQ queues: names, retry policy, and enqueueing jobs by import path."""

from __future__ import annotations

from rq import Queue, Retry

from .redis_client import client

QUEUES = ("email", "media", "reports", "default")
RETRY = Retry(max=5, interval=[5, 30, 120, 600, 1800])


def queue(name: str) -> Queue:
    """Return RQ queue `name` on the shared Redis connection."""
    if name not in QUEUES:
        raise ValueError(f"unknown queue {name}")
    return Queue(name, connection=client())


def enqueue(name: str, func: str, *args, job_id: str | None = None, **kwargs):
    """Enqueue `func` (dotted path) on queue `name` with the standard retry policy; return the job."""
    return queue(name).enqueue(func, *args, job_id=job_id, retry=RETRY, **kwargs)
