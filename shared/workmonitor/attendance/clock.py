"""Clock in / clock out, breaks, manual records and per-day totals in the employee's time zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

from .. import consent
from ..db import Conn
from ..errors import Conflict, Forbidden, NotFound, ValidationFailed
from . import common, geo, shifts
from .gps import active_fences
from .models import Location

RECORD_COLUMNS = (
    "id, user_id, clock_in_at, clock_out_at, clock_in_lat, clock_in_lng, clock_in_accuracy,"
    " clock_out_lat, clock_out_lng, geofence_id, flags, source, note, created_by, created_at"
)
BREAK_COLUMNS = "id, record_id, user_id, started_at, ended_at, paid"
TICK = timedelta(microseconds=1)  # keeps end > start when two calls land in the same microsecond


def open_record(conn: Conn, user_id: str) -> dict | None:
    """Return the user's open attendance record, if any."""
    return conn.execute(
        f"SELECT {RECORD_COLUMNS} FROM attendance_records WHERE user_id = %s AND clock_out_at IS NULL", (user_id,)
    ).fetchone()


def _evaluate(conn: Conn, company_id: str, user_id: str, location: Location | None) -> geo.Evaluation:
    if location is not None:
        consent.require(conn, user_id, "gps")  # a location is GPS data: stored only with consent
    policy = common.company_settings(conn, company_id)["geofence_policy"]
    lat, lng = (location.lat, location.lng) if location is not None else (None, None)
    return geo.evaluate(policy, active_fences(conn) if policy != "off" else [], lat, lng)


def clock_in(
    conn: Conn, company_id: str, user_id: str, location: Location | None, source: str, note: str | None
) -> dict:
    """Open an attendance record for the caller; return {record, geofence, shift}; 403 (geofence, consent), 409."""
    if open_record(conn, user_id):
        raise Conflict("You are already clocked in.", code="already_clocked_in")
    ev = _evaluate(conn, company_id, user_id, location)
    if not ev.allowed:
        if ev.status == "no_location":
            raise Forbidden("Clocking in needs your location.", code="location_required")
        raise Forbidden("You are outside every work site geofence.", code="outside_geofence")
    at = common.now()
    shift = shifts.current_shift(conn, user_id, at)
    grace = common.company_settings(conn, company_id)["grace_minutes"]
    probe = {"clock_in_at": at, "clock_out_at": None}
    att = shifts.status(shift, [probe], grace, at) if shift else None
    flags = [f for f in (ev.flag, "late" if att and att["late"] else None) if f]
    record = conn.execute(
        f"INSERT INTO attendance_records (company_id, user_id, clock_in_at, clock_in_lat, clock_in_lng,"
        f" clock_in_accuracy, geofence_id, flags, source, note, created_by)"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING {RECORD_COLUMNS}",
        (
            company_id,
            user_id,
            at,
            location and location.lat,
            location and location.lng,
            location and location.accuracy,
            ev.geofence_id,
            flags,
            source,
            note,
            user_id,
        ),
    ).fetchone()
    assert record is not None  # INSERT ... RETURNING yields the row
    record["breaks"] = []
    return _outcome(record, ev, shift, att)


def _outcome(record: dict, ev: geo.Evaluation, shift: dict | None, att: dict | None) -> dict:
    return {
        "record": record,
        "geofence": {"status": ev.status, "geofence_id": ev.geofence_id},
        "shift": None if shift is None else {**shift, "attendance": att},
    }


def clock_out(conn: Conn, company_id: str, user_id: str, location: Location | None, note: str | None) -> dict:
    """Close the caller's open record (ending an open break); return {record, geofence, shift}; 409 when not in."""
    record = open_record(conn, user_id)
    if record is None:
        raise Conflict("You are not clocked in.", code="not_clocked_in")
    ev = _evaluate(conn, company_id, user_id, location)  # never refuses a clock-out, only flags it
    at = max(common.now(), record["clock_in_at"] + TICK)
    conn.execute(
        "UPDATE attendance_breaks SET ended_at = %s WHERE record_id = %s AND ended_at IS NULL AND started_at < %s",
        (at, record["id"], at),
    )
    conn.execute("DELETE FROM attendance_breaks WHERE record_id = %s AND ended_at IS NULL", (record["id"],))
    shift = conn.execute(
        f"SELECT {shifts.SHIFT_COLUMNS} FROM shifts WHERE user_id = %s AND starts_at < %s"
        " AND ends_at > %s ORDER BY starts_at DESC LIMIT 1",
        (user_id, at, record["clock_in_at"]),
    ).fetchone()
    grace = common.company_settings(conn, company_id)["grace_minutes"]
    att = shifts.status(shift, [{**record, "clock_out_at": at}], grace, at) if shift else None
    flags = list(record["flags"])
    for flag in (ev.flag and f"clock_out_{ev.flag}", "left_early" if att and att["left_early"] else None):
        if flag and flag not in flags:
            flags.append(flag)
    updated = conn.execute(
        f"UPDATE attendance_records SET clock_out_at = %s, clock_out_lat = %s, clock_out_lng = %s, flags = %s,"
        f" note = coalesce(%s, note) WHERE id = %s AND clock_out_at IS NULL RETURNING {RECORD_COLUMNS}",
        (at, location and location.lat, location and location.lng, flags, note, record["id"]),
    ).fetchone()
    if updated is None:
        raise Conflict("You are not clocked in.", code="not_clocked_in")
    return _outcome(with_breaks(conn, [updated])[0], ev, shift, att)


def status(conn: Conn, company_id: str, user_id: str) -> dict:
    """Return the user's open record (with breaks), whether on a break, and the current shift with its attendance."""
    record = open_record(conn, user_id)
    if record:
        with_breaks(conn, [record])
    on_break = bool(record and any(b["ended_at"] is None for b in record["breaks"]))
    shift = shifts.current_shift(conn, user_id, common.now())
    if shift:
        shifts.with_attendance(conn, company_id, [shift])
    return {"clocked_in": record is not None, "on_break": on_break, "record": record, "shift": shift}


def start_break(conn: Conn, company_id: str, user_id: str, paid: bool) -> dict:
    """Start a break inside the caller's open clock-in; return it. Raises 409 when not in or already on break."""
    record = open_record(conn, user_id)
    if record is None:
        raise Conflict("Breaks happen inside a clock-in; clock in first.", code="not_clocked_in")
    if conn.execute(
        "SELECT 1 FROM attendance_breaks WHERE record_id = %s AND ended_at IS NULL", (record["id"],)
    ).fetchone():
        raise Conflict("You are already on a break.", code="already_on_break")
    row = conn.execute(
        f"INSERT INTO attendance_breaks (company_id, record_id, user_id, started_at, paid)"
        f" VALUES (%s, %s, %s, %s, %s) RETURNING {BREAK_COLUMNS}",
        (company_id, record["id"], user_id, max(common.now(), record["clock_in_at"]), paid),
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    return row


def end_break(conn: Conn, user_id: str) -> dict:
    """End the caller's open break; return it. Raises 409 when there is none."""
    row = conn.execute(
        f"SELECT {BREAK_COLUMNS} FROM attendance_breaks WHERE user_id = %s AND ended_at IS NULL", (user_id,)
    ).fetchone()
    if row is None:
        raise Conflict("You are not on a break.", code="not_on_break")
    at = max(common.now(), row["started_at"] + TICK)
    ended = conn.execute(
        f"UPDATE attendance_breaks SET ended_at = %s WHERE id = %s RETURNING {BREAK_COLUMNS}", (at, row["id"])
    ).fetchone()
    if ended is None:  # its record was deleted since we read it
        raise Conflict("You are not on a break.", code="not_on_break")
    return ended


def with_breaks(conn: Conn, records: list[dict]) -> list[dict]:
    """Return `records` each with its breaks and worked / break seconds (open records counted up to now)."""
    if not records:
        return records
    rows = conn.execute(
        f"SELECT {BREAK_COLUMNS} FROM attendance_breaks WHERE record_id = ANY(%s::uuid[]) ORDER BY started_at",
        ([str(r["id"]) for r in records],),
    ).fetchall()
    at = common.now()
    for r in records:
        r["breaks"] = [b for b in rows if b["record_id"] == r["id"]]
        end = r["clock_out_at"] or at
        paid = sum(((b["ended_at"] or end) - b["started_at"]).total_seconds() for b in r["breaks"] if b["paid"])
        unpaid = sum(((b["ended_at"] or end) - b["started_at"]).total_seconds() for b in r["breaks"] if not b["paid"])
        r["paid_break_seconds"] = int(paid)
        r["unpaid_break_seconds"] = int(unpaid)
        r["worked_seconds"] = max(0, int((end - r["clock_in_at"]).total_seconds() - unpaid))
    return records


def create_manual(
    conn: Conn,
    company_id: str,
    actor_id: str,
    user_id: str | UUID,
    clock_in_at: datetime,
    clock_out_at: datetime,
    note: str | None,
) -> dict:
    """Record a completed attendance for an employee (their manager or an admin); return it. Raises 403/404/409."""
    target = common.user(conn, user_id)
    common.require_manage(conn, target["id"])
    if clock_out_at > common.now():
        raise ValidationFailed("A manual record must be in the past.", fields={"clock_out_at": "in the future"})
    common.lock_user(conn, target["id"], "records")
    clash = conn.execute(
        "SELECT id FROM attendance_records WHERE user_id = %s AND clock_in_at < %s"
        " AND coalesce(clock_out_at, 'infinity') > %s LIMIT 1",
        (target["id"], clock_out_at, clock_in_at),
    ).fetchone()
    if clash:
        raise Conflict(
            "This overlaps another attendance record.", code="record_overlap", extra={"conflict_id": str(clash["id"])}
        )
    row = conn.execute(
        f"INSERT INTO attendance_records (company_id, user_id, clock_in_at, clock_out_at, source, note, created_by)"
        f" VALUES (%s, %s, %s, %s, 'manual', %s, %s) RETURNING {RECORD_COLUMNS}",
        (company_id, target["id"], clock_in_at, clock_out_at, note, actor_id),
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    return with_breaks(conn, [row])[0]


def get(conn: Conn, record_id: str) -> dict:
    """Return a visible record with its breaks, or raise NotFound."""
    row = conn.execute(f"SELECT {RECORD_COLUMNS} FROM attendance_records WHERE id = %s", (record_id,)).fetchone()
    if row is None:
        raise NotFound("No such attendance record.")
    return with_breaks(conn, [row])[0]


def listing(
    conn: Conn,
    company_id: str,
    user_id: str | None,
    day_from: date | None,
    day_to: date | None,
    limit: int,
    offset: int,
    open_only: bool = False,
) -> list[dict]:
    """Return up to limit + 1 visible records whose clock-in falls on the given local days (or only open ones)."""
    rows = conn.execute(
        f"SELECT {', '.join('r.' + c.strip() for c in RECORD_COLUMNS.split(','))},"
        " (r.clock_in_at AT TIME ZONE u.timezone)::date AS local_date"
        " FROM attendance_records r JOIN users u ON u.id = r.user_id WHERE r.company_id = %(cid)s"
        " AND (%(uid)s::uuid IS NULL OR r.user_id = %(uid)s::uuid) AND (NOT %(open)s OR r.clock_out_at IS NULL)"
        " AND (%(frm)s::date IS NULL OR (r.clock_in_at AT TIME ZONE u.timezone)::date >= %(frm)s)"
        " AND (%(to)s::date IS NULL OR (r.clock_in_at AT TIME ZONE u.timezone)::date <= %(to)s)"
        " ORDER BY r.clock_in_at DESC, r.id LIMIT %(limit)s OFFSET %(offset)s",
        {
            "cid": company_id,
            "uid": user_id,
            "frm": day_from,
            "to": day_to,
            "limit": limit + 1,
            "offset": offset,
            "open": open_only,
        },
    ).fetchall()
    return with_breaks(conn, rows)


def daily(conn: Conn, user_id: str, day_from: date, day_to: date) -> list[dict]:
    """Return worked and break seconds per local day of a visible user, split at local midnight (DST-correct).

    Raises NotFound when the caller may not see the user's attendance."""
    target = common.user(conn, user_id)
    if not common.can_see(conn, target["id"]):
        raise NotFound("No such user.")
    zone = common.zone_of(target["timezone"])
    lo, hi = common.local_bounds(day_from, day_to, zone)
    assert lo is not None and hi is not None  # both days are given
    rows = conn.execute(
        f"SELECT {RECORD_COLUMNS} FROM attendance_records WHERE user_id = %s AND clock_in_at < %s"
        " AND coalesce(clock_out_at, 'infinity') > %s",
        (user_id, hi, lo),
    ).fetchall()
    with_breaks(conn, rows)
    at = common.now()
    days: dict[date, dict] = {}
    for r in rows:
        end = min(r["clock_out_at"] or at, hi)
        for d, secs in common.split_by_local_day(max(r["clock_in_at"], lo), end, zone).items():
            days.setdefault(d, {"present_seconds": 0.0, "paid_break_seconds": 0.0, "unpaid_break_seconds": 0.0})
            days[d]["present_seconds"] += secs
        for b in r["breaks"]:
            key = "paid_break_seconds" if b["paid"] else "unpaid_break_seconds"
            b_end = min(b["ended_at"] or end, hi)
            for d, secs in common.split_by_local_day(max(b["started_at"], lo), b_end, zone).items():
                days.setdefault(d, {"present_seconds": 0.0, "paid_break_seconds": 0.0, "unpaid_break_seconds": 0.0})
                days[d][key] += secs
    out = []
    for d in sorted(days):
        v = {k: round(s) for k, s in days[d].items()}
        v["worked_seconds"] = max(0, v["present_seconds"] - v["unpaid_break_seconds"])
        out.append({"date": d, **v})
    return out
