"""Clock routes: clock in/out, breaks, the caller's status, attendance records (manual ones too) and days."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.attendance import clock
from workmonitor.attendance.models import (
    BreakIn,
    BreakOut,
    ClockInIn,
    ClockInOut,
    ClockOutIn,
    ClockOutOut,
    Days,
    ManualRecordIn,
    RecordOut,
    RecordPage,
    Status,
)
from workmonitor.errors import ValidationFailed, id_or_404
from workmonitor.web import audit, body, caller, capturing, date_range, db, page, paginated, query_uuid, responds, roles

from .common import PLANNERS, notify

bp = Blueprint("clock", __name__)


@bp.post("/clock-in")
@capturing
@responds(ClockInOut, 201, body=ClockInIn)
def clock_in():
    """Clock in (optionally with a location, checked against the geofence policy)."""
    data = body(ClockInIn)
    me = caller()
    result = clock.clock_in(db(), me.company_id, me.user_id, data.location, data.source, data.note)
    notify(me.user_id, "attendance.clocked_in", {"record": result["record"]})
    return result, 201


@bp.post("/clock-out")
@capturing
@responds(ClockOutOut, body=ClockOutIn)
def clock_out():
    """Clock out, ending an open break."""
    data = body(ClockOutIn)
    me = caller()
    result = clock.clock_out(db(), me.company_id, me.user_id, data.location, data.note)
    notify(me.user_id, "attendance.clocked_out", {"record": result["record"]})
    return result


@bp.get("/status")
@responds(Status)
def status():
    """The caller's open record, break and current shift."""
    me = caller()
    return clock.status(db(), me.company_id, me.user_id)


@bp.post("/breaks/start")
@capturing
@responds(BreakOut, 201, body=BreakIn)
def break_start():
    """Start a break inside the open clock-in."""
    data = body(BreakIn)
    me = caller()
    result = {"break": clock.start_break(db(), me.company_id, me.user_id, data.paid)}
    notify(me.user_id, "attendance.break_started", result)
    return result, 201


@bp.post("/breaks/end")
@capturing
@responds(BreakOut)
def break_end():
    """End the open break."""
    me = caller()
    result = {"break": clock.end_break(db(), me.user_id)}
    notify(me.user_id, "attendance.break_ended", result)
    return result


@bp.get("/records")
@responds(RecordPage)
def list_records():
    """List visible records by local day of each user (?from, ?to, ?user_id, ?open=true: clocked in now)."""
    limit, offset = page()
    frm, to = date_range()
    open_only = request.args.get("open") == "true"
    rows = clock.listing(db(), caller().company_id, query_uuid("user_id"), frm, to, limit, offset, open_only)
    return paginated(rows, limit, offset)


@bp.get("/records/<record_id>")
@responds(RecordOut)
def get_record(record_id: str):
    """Read one record with its breaks."""
    return {"record": clock.get(db(), id_or_404(record_id, "attendance record"))}


@bp.post("/records")
@roles(*PLANNERS)
@responds(RecordOut, 201, body=ManualRecordIn)
def create_record():
    """Record a completed attendance for an employee (their manager or an admin; audited)."""
    data = body(ManualRecordIn)
    me, conn = caller(), db()
    row = clock.create_manual(
        conn, me.company_id, me.user_id, data.user_id, data.clock_in_at, data.clock_out_at, data.note
    )
    audit(conn, "attendance.record_created", "attendance_record", row["id"], dict(user_id=str(data.user_id)))
    return {"record": row}, 201


@bp.get("/days")
@responds(Days)
def days():
    """Worked and break seconds per local day (?from, ?to: at most 92 days apart, ?user_id)."""
    frm, to = date_range(max_days=92)
    if not frm or not to:
        raise ValidationFailed("Give from and to dates.", fields={"from": "required", "to": "required"})
    user_id = query_uuid("user_id") or caller().user_id
    return {"user_id": user_id, "days": clock.daily(db(), user_id, frm, to)}
