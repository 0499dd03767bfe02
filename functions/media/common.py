"""What the media routes share: audit rows, object removal after commit, list filters, the caller's view."""

from __future__ import annotations

import logging
from datetime import datetime

from botocore.exceptions import BotoCoreError, ClientError

from workmonitor import storage
from workmonitor.db import Conn
from workmonitor.jobs import registry
from workmonitor.media import screenshots
from workmonitor.web import audit, caller, query_date, query_uuid

log = logging.getLogger("workmonitor.media")


def record(conn: Conn, action: str, target_type: str, target_id, **details) -> None:
    """Write an audit row for the caller's action (the library's one request-aware audit)."""
    audit(conn, action, target_type, target_id, details)


def remove_objects(company_id: str, keys: list[str]) -> None:
    """Delete objects now; when S3 is unavailable leave it to a retried job."""
    try:
        storage.delete(*keys)
    except (BotoCoreError, ClientError, RuntimeError) as exc:  # S3 down after the rows are gone: a job retries
        log.warning("object deletion deferred", extra={"fields": {"error": str(exc), "keys": len(keys)}})
        registry.DELETE_OBJECTS.enqueue_now(company_id, keys)


def filters(conn: Conn) -> tuple[str | None, datetime | None, datetime | None]:
    """Return (user_id, start, end) from ?user_id=&date= (the date in that user's, else the caller's, time zone)."""
    user_id, day = query_uuid("user_id"), query_date("date")
    if day is None:
        return user_id, None, None
    row = conn.execute("SELECT timezone FROM users WHERE id = %s", (user_id or caller().user_id,)).fetchone()
    start, end = screenshots.day_bounds(day, row["timezone"] if row else "UTC")
    return user_id, start, end


def view(row: dict, blur_on: bool, expires: int = storage.DEFAULT_URL_TTL) -> dict:
    """Return the caller's view of a screenshot row."""
    me = caller()
    return screenshots.public_view(
        row, company_id=me.company_id, is_admin=me.role == "admin", blur_on=blur_on, expires=expires
    )
