"""Every RQ job, declared once: its function, queue, timeout and retry backoff.

Callers and the scheduler enqueue through these objects (`registry.SEND_EMAIL.enqueue(conn, to, ...)`), never
with a dotted-path string or a queue name of their own; tests/test_jobs.py checks that each path imports and that
nothing else in the tree enqueues. Functions are named by path so a caller does not import Pillow or boto3 to
enqueue; the worker imports them (workmonitor.jobs.rqconfig preloads the heavy ones).
Enqueueing writes an outbox row in the caller's transaction (workmonitor.jobs.outbox); RQ gets the job after
commit, under the row's id, and again from the drainer whenever Redis lost it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rq import Callback, Retry
from rq.job import Job as RqJob

from .. import keys
from ..db import Claims, Conn, transaction
from ..queue import queue
from . import outbox

# Seconds between attempts; the job fails for good after len(BACKOFF) retries.
BACKOFF: tuple[int, ...] = (5, 30, 120, 600, 1800)


@dataclass(frozen=True)
class Job:
    """One kind of background job: what runs, where, for how long, how often retried."""

    path: str  # module.function, importable by the worker
    queue: str  # one of keys.QUEUES
    timeout: int  # seconds before the work horse is killed
    backoff: tuple[int, ...] = BACKOFF

    def enqueue(self, conn: Conn, *args: Any, key: str | None = None, defer: outbox.Defer | None = None) -> str | None:
        """Record one run with `args` (JSON values: ids, strings) in `conn`'s transaction; RQ gets it after commit
        (through `defer`, else the request's after_commit, else the drainer). Return the job id; None when `key`
        was enqueued before."""
        return outbox.add(conn, self, args, key=key, defer=defer)

    def enqueue_now(self, *args: Any) -> str:
        """Record one run in a transaction of its own and push it at once (after a commit, scripts); return its id."""
        later: list = []
        with transaction(Claims()) as conn:
            job_id = outbox.add(conn, self, args, defer=later.append)
        for task in later:
            task()
        assert job_id is not None  # no key: always a new row
        return job_id

    def submit(self, job_id: str, args: tuple) -> RqJob:
        """Put outbox row `job_id` on the RQ queue (workmonitor.jobs.outbox.push calls this, nothing else)."""
        retry = Retry(max=len(self.backoff), interval=list(self.backoff)) if self.backoff else None
        return queue(self.queue).enqueue_call(
            self.path,
            args=args,
            timeout=self.timeout,
            job_id=job_id,
            retry=retry,
            on_success=Callback(outbox.job_succeeded),
        )

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
RENDER_PAYSLIPS = Job("workmonitor.finance.jobs.render_payslips", keys.REPORTS_QUEUE, timeout=1800)
RENDER_INVOICE = Job("workmonitor.finance.jobs.render_invoice", keys.REPORTS_QUEUE, timeout=300)
SEND_INVOICE = Job("workmonitor.finance.jobs.send_invoice", keys.EMAIL_QUEUE, timeout=300)
SYNC_SEATS = Job("workmonitor.billing.seats.sync_seats", keys.DEFAULT_QUEUE, timeout=120)
BILLING_NOTICE = Job("workmonitor.billing.notices.notify_admins", keys.DEFAULT_QUEUE, timeout=120)
EXPORT_REPORT = Job("workmonitor.reports.exportjob.run_export", keys.REPORTS_QUEUE, timeout=1800, backoff=(10, 60, 300))
IMPORT_TIME = Job("workmonitor.reports.importjob.run_import", keys.REPORTS_QUEUE, timeout=1800, backoff=(10, 60, 300))
WEEKLY_SUMMARY = Job("workmonitor.reports.weekly.send_weekly_summaries", keys.REPORTS_QUEUE, timeout=1800)
# Webhook deliveries: exponential backoff, about 1.8 days in all (webhooks.MAX_FAILING disables the endpoint).
DELIVER_WEBHOOK = Job(
    "workmonitor.publicapi.delivery.deliver",
    keys.DEFAULT_QUEUE,
    timeout=60,
    backoff=(30, 120, 600, 3600, 14400, 43200, 86400),
)
BUILD_EXPORT = Job("workmonitor.privacy.export.build_export", keys.REPORTS_QUEUE, timeout=1800)
ERASE_PERSON = Job("workmonitor.privacy.erasure.erase_person", keys.MEDIA_QUEUE, timeout=1800)
# Also queued by the trigger time_entries_calendar_sync (migrations/0042_integrations.sql), under this same path.
SYNC_CALENDAR = Job("workmonitor.integrations.sync.sync_connection", keys.DEFAULT_QUEUE, timeout=300)
SYNC_ALL_CALENDARS = Job("workmonitor.integrations.sync.sync_all", keys.DEFAULT_QUEUE, timeout=3600)
REVOKE_CALENDAR = Job("workmonitor.integrations.oauth.revoke", keys.DEFAULT_QUEUE, timeout=120)
CHECK_AGENTS = Job("workmonitor.integrations.watchdog.check_agents", keys.DEFAULT_QUEUE, timeout=600)
SEND_DIGESTS = Job("workmonitor.integrations.digest.send_digests", keys.EMAIL_QUEUE, timeout=1800)
MAIL_ALERT = Job("workmonitor.integrations.alert_mail.mail_admins", keys.EMAIL_QUEUE, timeout=120)

JOBS: tuple[Job, ...] = (
    SEND_EMAIL,
    SEND_PUSH,
    MAKE_THUMBNAIL,
    DELETE_OBJECTS,
    APPLY_RETENTION,
    EXPIRE_IDEMPOTENCY_KEYS,
    RECOMPUTE_ACTIVITY,
    RECOMPUTE_RULE_CHANGE,
    RENDER_PAYSLIPS,
    RENDER_INVOICE,
    SEND_INVOICE,
    SYNC_SEATS,
    BILLING_NOTICE,
    EXPORT_REPORT,
    WEEKLY_SUMMARY,
    DELIVER_WEBHOOK,
    BUILD_EXPORT,
    ERASE_PERSON,
    SYNC_CALENDAR,
    SYNC_ALL_CALENDARS,
    REVOKE_CALENDAR,
    MAIL_ALERT,
    CHECK_AGENTS,
    IMPORT_TIME,
    SEND_DIGESTS,
)

BY_PATH: dict[str, Job] = {j.path: j for j in JOBS}
