"""Every RQ job, declared once: its function, queue, timeout and retry backoff.

Callers and the scheduler enqueue through these objects (`registry.SEND_EMAIL.enqueue(to, ...)`), never with
a dotted-path string or a queue name of their own; tests/test_jobs.py checks that each path imports and that
nothing else in the tree enqueues. Functions are named by path so a caller does not import Pillow or boto3 to
enqueue; the worker imports them (workmonitor.jobs.rqconfig preloads the heavy ones).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rq import Retry
from rq.job import Job as RqJob

from .. import keys
from ..queue import queue

# Seconds between attempts; the job fails for good after len(BACKOFF) retries.
BACKOFF: tuple[int, ...] = (5, 30, 120, 600, 1800)


@dataclass(frozen=True)
class Job:
    """One kind of background job: what runs, where, for how long, how often retried."""

    path: str  # module.function, importable by the worker
    queue: str  # one of keys.QUEUES
    timeout: int  # seconds before the work horse is killed
    backoff: tuple[int, ...] = BACKOFF

    def enqueue(self, *args: Any, job_id: str | None = None) -> RqJob:
        """Enqueue one run with `args` (plain values: ids, strings); return the RQ job."""
        retry = Retry(max=len(self.backoff), interval=list(self.backoff)) if self.backoff else None
        return queue(self.queue).enqueue_call(self.path, args=args, timeout=self.timeout, job_id=job_id, retry=retry)

    def function(self) -> Callable[..., Any]:
        """Import and return the job's function."""
        module, _, name = self.path.rpartition(".")
        func: Callable[..., Any] = getattr(importlib.import_module(module), name)
        return func


SEND_EMAIL = Job("workmonitor.jobs.email.send_email", keys.EMAIL_QUEUE, timeout=120)
SEND_PUSH = Job("workmonitor.jobs.notifications.send_push", keys.DEFAULT_QUEUE, timeout=120)
MAKE_THUMBNAIL = Job("workmonitor.jobs.media.make_thumbnail", keys.MEDIA_QUEUE, timeout=180)
DELETE_OBJECTS = Job("workmonitor.jobs.media.delete_objects", keys.MEDIA_QUEUE, timeout=180)
APPLY_RETENTION = Job("workmonitor.jobs.retention.apply_retention", keys.MEDIA_QUEUE, timeout=1800)
EXPIRE_IDEMPOTENCY_KEYS = Job("workmonitor.jobs.cleanup.expire_idempotency_keys", keys.DEFAULT_QUEUE, timeout=600)
RECOMPUTE_ACTIVITY = Job("workmonitor.activity.recompute.recompute_company", keys.REPORTS_QUEUE, timeout=600)
RECOMPUTE_RULE_CHANGE = Job("workmonitor.activity.recompute.recompute_rule_change", keys.REPORTS_QUEUE, timeout=600)

JOBS: tuple[Job, ...] = (
    SEND_EMAIL,
    SEND_PUSH,
    MAKE_THUMBNAIL,
    DELETE_OBJECTS,
    APPLY_RETENTION,
    EXPIRE_IDEMPOTENCY_KEYS,
    RECOMPUTE_ACTIVITY,
    RECOMPUTE_RULE_CHANGE,
)
