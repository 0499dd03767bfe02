"""attendance: clock in/out, breaks, shifts with late/early/absent flags, leave, GPS points and geofences.

Routes (under /function/attendance):
  GET|PATCH /settings                      grace_minutes, geofence_policy off|flag|require (PATCH: admin)
  POST /clock-in, /clock-out               optional location {lat, lng, accuracy} (needs GPS consent)
  POST /breaks/start {paid}, /breaks/end   only inside an open clock-in
  GET /status                              the caller's open record, break and current shift
  GET|POST /records, GET /records/<id>     by local day of each user, ?open=true: clocked in now; POST: manual
  GET /days?from&to[&user_id]              worked/break seconds per local day, split at local midnight
  GET|POST /shifts, GET|PATCH|DELETE /shifts/<id>   planned shifts with computed attendance flags
  /leave/types, /leave/requests[/<id>[/approve|/reject|/cancel]], /leave/balances?year&user_id
  POST|GET /locations, GET /geofence-events, GET|POST /geofences, GET|PATCH|DELETE /geofences/<id>
"""

from __future__ import annotations

from flask import request

from workmonitor.errors import NotFound, ValidationFailed
from workmonitor.web import body, caller, create_function, db, page, paginated, query_uuid, roles

from . import clock as clock
from . import common as common
from . import shifts as shifts
from .gps_routes import bp as gps_bp
from .inputs import (
    BreakIn,
    ClockInIn,
    ClockOutIn,
    ManualRecordIn,
    SettingsIn,
    ShiftIn,
    ShiftPatch,
    date_range,
    parse_uuid,
)
from .leave_routes import bp as leave_bp
from .web import notify, record_audit

app = create_function("attendance")
app.register_blueprint(leave_bp)
app.register_blueprint(gps_bp)
out = common.out


# --- settings ----------------------------------------------------------------------------------------------


@app.get("/settings")
def get_settings():
    return {"settings": common.company_settings(db(), caller().company_id)}


@app.patch("/settings")
@roles("admin")
def patch_settings():
    changes = body(SettingsIn).model_dump(exclude_none=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give grace_minutes or geofence_policy"})
    conn = db()
    before = common.company_settings(conn, caller().company_id)
    after = common.update_settings(conn, caller().company_id, changes)
    record_audit(conn, "attendance.settings_changed", "company", caller().company_id, before=before, after=after)
    return {"settings": after}


# --- clock -------------------------------------------------------------------------------------------------


@app.post("/clock-in")
def clock_in():
    data = body(ClockInIn)
    me = caller()
    record, details = clock.clock_in(db(), me.company_id, me.user_id, data.location, data.source, data.note)
    result = out({"record": record, **details})
    notify(me.user_id, "attendance.clocked_in", {"record": result["record"]})
    return result, 201


@app.post("/clock-out")
def clock_out():
    data = body(ClockOutIn)
    me = caller()
    record, details = clock.clock_out(db(), me.company_id, me.user_id, data.location, data.note)
    result = out({"record": record, **details})
    notify(me.user_id, "attendance.clocked_out", {"record": result["record"]})
    return result


@app.get("/status")
def status():
    conn = db()
    me = caller()
    record = clock.open_record(conn, me.user_id)
    if record:
        clock.with_breaks(conn, [record])
    on_break = bool(record and any(b["ended_at"] is None for b in record["breaks"]))
    shift = shifts.current_shift(conn, me.user_id, common.now())
    if shift:
        shifts.with_attendance(conn, me.company_id, [shift])
    return out({"clocked_in": record is not None, "on_break": on_break, "record": record, "shift": shift})


@app.post("/breaks/start")
def break_start():
    data = body(BreakIn)
    me = caller()
    result = out({"break": clock.start_break(db(), me.company_id, me.user_id, data.paid)})
    notify(me.user_id, "attendance.break_started", result)
    return result, 201


@app.post("/breaks/end")
def break_end():
    result = out({"break": clock.end_break(db(), caller().user_id)})
    notify(caller().user_id, "attendance.break_ended", result)
    return result


@app.get("/records")
def list_records():
    limit, offset = page()
    frm, to = date_range()
    rows = clock.listing(
        db(),
        caller().company_id,
        query_uuid("user_id"),
        frm,
        to,
        limit,
        offset,
        open_only=request.args.get("open") == "true",
    )
    return out(paginated(rows, limit, offset))


@app.get("/records/<record_id>")
def get_record(record_id: str):
    return out({"record": clock.get(db(), parse_uuid(record_id, "attendance record"))})


@app.post("/records")
@roles("admin", "manager")
def create_record():
    data = body(ManualRecordIn)
    me = caller()
    conn = db()
    row = clock.create_manual(
        conn, me.company_id, me.user_id, data.user_id, data.clock_in_at, data.clock_out_at, data.note
    )
    record_audit(conn, "attendance.record_created", "attendance_record", row["id"], user_id=str(data.user_id))
    return out({"record": row}), 201


@app.get("/days")
def days():
    frm, to = date_range(max_days=92)
    if not frm or not to:
        raise ValidationFailed("Give from and to dates.", fields={"from": "required", "to": "required"})
    conn = db()
    user_id = query_uuid("user_id") or caller().user_id
    if not common.can_see(conn, common.user(conn, user_id)["id"]):
        raise NotFound("No such user.")
    return out({"user_id": user_id, "days": clock.daily(conn, user_id, frm, to)})


# --- shifts ------------------------------------------------------------------------------------------------


@app.post("/shifts")
@roles("admin", "manager")
def create_shift():
    data = body(ShiftIn)
    me = caller()
    conn = db()
    row = shifts.create(
        conn, me.company_id, me.user_id, data.user_id, data.date, data.start_time, data.end_time, data.note
    )
    return out({"shift": shifts.with_attendance(conn, me.company_id, [row])[0]}), 201


@app.get("/shifts")
def list_shifts():
    limit, offset = page()
    frm, to = date_range()
    rows = shifts.listing(db(), caller().company_id, query_uuid("user_id"), frm, to, limit, offset)
    return out(paginated(rows, limit, offset))


@app.get("/shifts/<shift_id>")
def get_shift(shift_id: str):
    conn = db()
    row = shifts.get(conn, parse_uuid(shift_id, "shift"))
    return out({"shift": shifts.with_attendance(conn, caller().company_id, [row])[0]})


@app.patch("/shifts/<shift_id>")
@roles("admin", "manager")
def patch_shift(shift_id: str):
    data = body(ShiftPatch)
    conn = db()
    row = shifts.update(conn, parse_uuid(shift_id, "shift"), data.model_dump(exclude_unset=True))
    return out({"shift": shifts.with_attendance(conn, caller().company_id, [row])[0]})


@app.delete("/shifts/<shift_id>")
@roles("admin", "manager")
def delete_shift(shift_id: str):
    shifts.delete(db(), parse_uuid(shift_id, "shift"))
    return "", 204
