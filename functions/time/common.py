"""What the time routes share: the Idempotency-Key header, entry filters from the query, and live events."""

from __future__ import annotations

from flask import request

from workmonitor import events
from workmonitor.errors import ValidationFailed
from workmonitor.time import entries, reports, sheets
from workmonitor.time.reports import Filters
from workmonitor.web import after_commit, caller, date_range, db, query_uuid


def idempotency_key() -> str | None:
    """Return the Idempotency-Key header (1..255 printable characters) or None; raise 400 when malformed."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    key = key.strip()
    if not 0 < len(key) <= 255 or not key.isprintable():
        raise ValidationFailed(
            "Idempotency-Key must be 1 to 255 printable characters.", fields={"Idempotency-Key": "invalid"}
        )
    return key


def created(payload: dict, replayed: bool) -> tuple[dict, int, dict]:
    """Return a 201 answer, marked as a replay when an Idempotency-Key found the earlier result."""
    return payload, 201, ({"Idempotency-Replayed": "true"} if replayed else {})


def filters() -> Filters:
    """Return the entry filters of the query (?user_id, project_id, task_id, client_id, billable, from, to);
    the dates are local days of the caller's time zone."""
    conn = db()
    tz = entries.timezone_of(conn, caller().user_id)
    start, end = reports.day_bounds(*date_range(max_days=None), tz)
    billable = request.args.get("billable")
    if billable not in (None, "", "true", "false"):
        raise ValidationFailed("billable must be true or false.", fields={"billable": "true or false"})
    return Filters(
        user_id=query_uuid("user_id"),
        project_id=query_uuid("project_id"),
        task_id=query_uuid("task_id"),
        client_id=query_uuid("client_id"),
        billable=None if not billable else billable == "true",
        start=start,
        end=end,
    )


def publish_entry(event: str, row: dict) -> None:
    """Tell the entry's user's devices, once the change has committed."""
    after_commit(lambda: events.publish(events.user_room(row["user_id"]), event, {"entry": row}))


def publish_timer(event: str, row: dict) -> None:
    """Tell the user's devices and their managers' dashboards, once the change has committed."""
    rooms = [events.user_room(row["user_id"])]
    rooms += [events.user_room(m) for m in sheets.managers_of(db(), row["user_id"])]
    after_commit(lambda: [events.publish(room, event, {"entry": row}) for room in rooms])
