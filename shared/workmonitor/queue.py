"""RQ queues by name (the names live in workmonitor.keys; the jobs and their retry policy in jobs/registry.py)."""

from __future__ import annotations

from typing import Any

from rq import Queue

from . import keys
from .redis_client import client

QUEUES = keys.QUEUES


def queue(name: str) -> Queue:
    """Return RQ queue `name` on the shared Redis connection."""
    if name not in QUEUES:
        raise ValueError(f"unknown queue {name}")
    return Queue(name, connection=client())


def enqueue(name: str, func: str, *args: Any) -> str:
    """Enqueue the registered job at dotted path `func` on queue `name` (through the outbox, in a transaction of
    its own); return its id. Raise ValueError for anything else.

    Kept for callers not yet moved to `jobs.registry.<JOB>.enqueue(conn, ...)`, which new code uses instead.
    """
    from .jobs import registry

    job = next((j for j in registry.JOBS if j.path == func and j.queue == name), None)
    if job is None:
        raise ValueError(f"no registered job {func} on queue {name}")
    return job.enqueue_now(*args)
