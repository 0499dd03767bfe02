"""What the attendance modules share: company attendance settings, user zones, permission checks, locks, local days."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import accounts, keys
from ..db import Conn
from ..errors import Forbidden

DEFAULTS = {"grace_minutes": 5, "geofence_policy": "off"}


def now() -> datetime:
    """Return the current UTC time."""
    return datetime.now(UTC)


def company_settings(conn: Conn, company_id: str) -> dict:
    """Return the company's attendance settings merged over the defaults."""
    row = conn.execute("SELECT settings -> 'attendance' AS a FROM companies WHERE id = %s", (company_id,)).fetchone()
    stored = (row or {}).get("a") or {}
    return {**DEFAULTS, **{k: v for k, v in stored.items() if k in DEFAULTS}}


def update_settings(conn: Conn, company_id: str, changes: dict) -> dict:
    """Merge `changes` into the company's attendance settings (admins only, by RLS); return the new settings."""
    conn.execute(
        "UPDATE companies SET settings = jsonb_set(settings, '{attendance}',"
        " coalesce(settings -> 'attendance', '{}'::jsonb) || %s::jsonb) WHERE id = %s",
        (json.dumps(changes), company_id),
    )
    return company_settings(conn, company_id)


def zone_of(tz_name: str | None) -> ZoneInfo:
    """Return the ZoneInfo for `tz_name`, falling back to UTC for an unknown or empty name."""
    try:
        return ZoneInfo(tz_name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def user(conn: Conn, user_id: str | UUID) -> dict:
    """Return the user row (visible to the caller's company), or raise NotFound."""
    return accounts.user_by_id(conn, user_id)


def user_zone(conn: Conn, user_id: str | UUID) -> ZoneInfo:
    """Return the time zone of `user_id`."""
    return zone_of(user(conn, user_id)["timezone"])


def can_manage(conn: Conn, user_id: str | UUID) -> bool:
    """Return True when the caller is an admin or the assigned manager of `user_id` (and not that user)."""
    row = conn.execute("SELECT app.can_manage_user(%s) AS ok", (str(user_id),)).fetchone()
    assert row is not None  # a SELECT without FROM yields one row
    return bool(row["ok"])


def can_see(conn: Conn, user_id: str | UUID) -> bool:
    """Return True when the caller may see `user_id`'s attendance (self, assigned manager, admin)."""
    row = conn.execute("SELECT app.can_see_user(%s) AS ok", (str(user_id),)).fetchone()
    assert row is not None  # a SELECT without FROM yields one row
    return bool(row["ok"])


def require_manage(conn: Conn, user_id: str | UUID) -> None:
    """Raise Forbidden unless the caller manages `user_id`."""
    if not can_manage(conn, user_id):
        raise Forbidden("Only this employee's manager or an admin may do this.", code="not_your_employee")


def lock_user(conn: Conn, user_id: str | UUID, scope: str) -> None:
    """Serialise writes of one user's `scope` (leave, shifts, ...) until the transaction ends."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (keys.attendance_lock(scope, user_id),))


def local_bounds(day_from: date | None, day_to: date | None, zone: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    """Return the UTC instants of local midnight starting `day_from` and ending `day_to` in `zone`."""
    start = datetime.combine(day_from, time(0), tzinfo=zone).astimezone(UTC) if day_from else None
    end = datetime.combine(day_to + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC) if day_to else None
    return start, end


def split_by_local_day(start: datetime, end: datetime, zone: ZoneInfo) -> dict[date, float]:
    """Return seconds of [start, end) falling on each local day of `zone` (DST days are 23 or 25 hours long)."""
    out: dict[date, float] = {}
    cursor = start
    while cursor < end:
        local_day = cursor.astimezone(zone).date()
        next_midnight = datetime.combine(local_day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
        stop = min(end, next_midnight)
        out[local_day] = out.get(local_day, 0.0) + (stop - cursor).total_seconds()
        cursor = stop
    return out
