"""Planned shifts and the late / left-early / absent flags computed against them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from .. import wire
from ..db import Conn
from ..errors import Conflict, NotFound, ValidationFailed
from . import common

SHIFT_COLUMNS = (
    "id, user_id, shift_date, start_time, end_time, timezone, starts_at, ends_at, note, created_by, created_at"
)


def window(day: date, start: time, end: time, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Return the UTC (starts_at, ends_at) of a local shift; an end at or before the start is on the next day."""
    end_day = day + timedelta(days=1) if end <= start else day
    starts = datetime.combine(day, start, tzinfo=zone).astimezone(UTC)
    ends = datetime.combine(end_day, end, tzinfo=zone).astimezone(UTC)
    return starts, ends


def status(shift: dict, records: Iterable[dict], grace_minutes: int, at: datetime, on_leave: bool = False) -> dict:
    """Return the attendance of `shift` given the user's clock `records`: status, late and left-early flags."""
    grace = timedelta(minutes=grace_minutes)
    starts, ends = shift["starts_at"], shift["ends_at"]
    matched = [r for r in records if r["clock_in_at"] < ends and (r["clock_out_at"] or at) > starts]
    out = {
        "status": "scheduled",
        "late": False,
        "late_minutes": 0,
        "left_early": False,
        "early_minutes": 0,
        "absent": False,
        "on_leave": on_leave,
        "first_clock_in": None,
        "last_clock_out": None,
    }
    if not matched:
        if on_leave:
            out["status"] = "on_leave"
        elif at >= starts + grace:
            out.update(status="absent", absent=True)
        return out
    first_in = min(r["clock_in_at"] for r in matched)
    still_open = any(r["clock_out_at"] is None for r in matched)
    last_out = None if still_open else max(r["clock_out_at"] for r in matched)
    out.update(status="working" if still_open else "present", first_clock_in=first_in, last_clock_out=last_out)
    if first_in > starts + grace:
        out.update(late=True, late_minutes=int((first_in - starts).total_seconds() // 60))
    if last_out is not None and last_out < ends - grace:
        out.update(left_early=True, early_minutes=int((ends - last_out).total_seconds() // 60))
    return out


def current_shift(conn: Conn, user_id: str | UUID, at: datetime) -> dict | None:
    """Return the user's shift running at `at` or starting within the next two hours, if any."""
    return conn.execute(
        f"SELECT {SHIFT_COLUMNS} FROM shifts WHERE user_id = %s AND starts_at - interval '2 hours' <= %s"
        f" AND ends_at > %s ORDER BY starts_at LIMIT 1",
        (user_id, at, at),
    ).fetchone()


def _check_overlap(
    conn: Conn, user_id: str | UUID, starts: datetime, ends: datetime, skip_id: UUID | None = None
) -> None:
    clash = conn.execute(
        f"SELECT {SHIFT_COLUMNS} FROM shifts WHERE user_id = %s AND starts_at < %s AND ends_at > %s"
        " AND id IS DISTINCT FROM %s LIMIT 1",
        (user_id, ends, starts, skip_id),
    ).fetchone()
    if clash:
        raise Conflict(
            "This shift overlaps another shift of the employee.",
            code="shift_overlap",
            extra={"conflict": wire.jsonable(clash)},
        )


def create(
    conn: Conn,
    company_id: str,
    actor_id: str,
    user_id: str | UUID,
    day: date,
    start: time,
    end: time,
    note: str | None,
) -> dict:
    """Create a shift for `user_id` (caller must manage them); return it with its attendance. Raises 403/404/409."""
    target = common.user(conn, user_id)
    common.require_manage(conn, target["id"])
    zone = common.zone_of(target["timezone"])
    starts, ends = window(day, start, end, zone)
    common.lock_user(conn, target["id"], "shifts")
    _check_overlap(conn, target["id"], starts, ends)
    row = conn.execute(
        f"INSERT INTO shifts (company_id, user_id, shift_date, start_time, end_time, timezone, starts_at, ends_at,"
        f" note, created_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING {SHIFT_COLUMNS}",
        (company_id, target["id"], day, start, end, zone.key, starts, ends, note, actor_id),
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    return with_attendance(conn, company_id, [row])[0]


def get(conn: Conn, shift_id: str) -> dict:
    """Return a visible shift or raise NotFound."""
    row = conn.execute(f"SELECT {SHIFT_COLUMNS} FROM shifts WHERE id = %s", (shift_id,)).fetchone()
    if row is None:
        raise NotFound("No such shift.")
    return row


def shift(conn: Conn, company_id: str, shift_id: str) -> dict:
    """Return a visible shift with its attendance, or raise NotFound."""
    return with_attendance(conn, company_id, [get(conn, shift_id)])[0]


def update(conn: Conn, company_id: str, shift_id: str, changes: dict) -> dict:
    """Change a shift's date, times or note (caller must manage its employee); return it with its attendance."""
    row = get(conn, shift_id)
    common.require_manage(conn, row["user_id"])
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give date, start_time, end_time or note"})
    day = changes.get("date") or row["shift_date"]
    start, end = changes.get("start_time") or row["start_time"], changes.get("end_time") or row["end_time"]
    if start == end:
        raise ValidationFailed("end_time must differ from start_time.", fields={"end_time": "same as start_time"})
    zone = common.zone_of(row["timezone"])
    starts, ends = window(day, start, end, zone)
    common.lock_user(conn, row["user_id"], "shifts")
    _check_overlap(conn, row["user_id"], starts, ends, skip_id=row["id"])
    updated = conn.execute(
        f"UPDATE shifts SET shift_date = %s, start_time = %s, end_time = %s, starts_at = %s, ends_at = %s,"
        f" note = %s WHERE id = %s RETURNING {SHIFT_COLUMNS}",
        (day, start, end, starts, ends, changes.get("note", row["note"]), row["id"]),
    ).fetchone()
    if updated is None:  # deleted since `get` read it
        raise NotFound("No such shift.")
    row = updated
    return with_attendance(conn, company_id, [row])[0]


def delete(conn: Conn, shift_id: str) -> None:
    """Delete a shift (caller must manage its employee)."""
    row = get(conn, shift_id)
    common.require_manage(conn, row["user_id"])
    conn.execute("DELETE FROM shifts WHERE id = %s", (row["id"],))


def listing(
    conn: Conn,
    company_id: str,
    user_id: str | None,
    day_from: date | None,
    day_to: date | None,
    limit: int,
    offset: int,
) -> list[dict]:
    """Return up to limit + 1 visible shifts, each with its computed attendance."""
    rows = conn.execute(
        f"SELECT {SHIFT_COLUMNS} FROM shifts WHERE company_id = %(cid)s"
        " AND (%(uid)s::uuid IS NULL OR user_id = %(uid)s::uuid)"
        " AND (%(frm)s::date IS NULL OR shift_date >= %(frm)s) AND (%(to)s::date IS NULL OR shift_date <= %(to)s)"
        " ORDER BY starts_at, user_id LIMIT %(limit)s OFFSET %(offset)s",
        {"cid": company_id, "uid": user_id, "frm": day_from, "to": day_to, "limit": limit + 1, "offset": offset},
    ).fetchall()
    return with_attendance(conn, company_id, rows)


def with_attendance(conn: Conn, company_id: str, shifts: list[dict]) -> list[dict]:
    """Return `shifts` each with an "attendance" dict computed from clock records and approved leave."""
    if not shifts:
        return shifts
    grace = common.company_settings(conn, company_id)["grace_minutes"]
    lo = min(s["starts_at"] for s in shifts) - timedelta(days=2)
    hi = max(s["ends_at"] for s in shifts)
    users = list({str(s["user_id"]) for s in shifts})
    records = conn.execute(
        "SELECT user_id, clock_in_at, clock_out_at FROM attendance_records WHERE user_id = ANY(%s::uuid[])"
        " AND clock_in_at < %s AND (clock_out_at IS NULL OR clock_out_at > %s)",
        (users, hi, lo),
    ).fetchall()
    leave = conn.execute(
        "SELECT user_id, start_date, end_date FROM leave_requests WHERE user_id = ANY(%s::uuid[])"
        " AND status = 'approved' AND start_date <= %s AND end_date >= %s",
        (users, max(s["shift_date"] for s in shifts), min(s["shift_date"] for s in shifts)),
    ).fetchall()
    at = common.now()
    for s in shifts:
        mine = [r for r in records if r["user_id"] == s["user_id"]]
        on_leave = any(
            lv["user_id"] == s["user_id"] and lv["start_date"] <= s["shift_date"] <= lv["end_date"] for lv in leave
        )
        s["attendance"] = status(s, mine, grace, at, on_leave)
    return shifts
