"""Timesheet routes: the week view, submit, approve, reject, reopen and history."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor import events
from workmonitor.publicapi import webhooks
from workmonitor.time import approval, entries, settings, sheets, timecalc
from workmonitor.time.models import ApproveWeekIn, DecisionIn, RejectIn, SheetOut, SubmitIn, TimesheetPage, WeekOut
from workmonitor.web import after_commit, body, caller, db, page, paginated, query_date, query_uuid, responds, roles
from workmonitor.worktime import store as worktime

bp = Blueprint("timesheets", __name__)


def _publish(user_ids: list, event: str, row: dict) -> None:
    payload = {"timesheet": row}
    after_commit(lambda: [events.publish(events.user_room(uid), event, payload) for uid in user_ids])


def _with_history(row: dict) -> dict:
    return {"timesheet": row, "history": sheets.history(db(), row["id"])}


@bp.get("/timesheets")
@responds(TimesheetPage)
def list_timesheets():
    """Visible timesheets (?user_id, status, from, to: the week's first day), newest week first."""
    limit, offset = page()
    rows = sheets.list_timesheets(
        db(), query_uuid("user_id"), request.args.get("status"), query_date("from"), query_date("to"), limit, offset
    )
    return paginated(rows, limit, offset)


@bp.get("/timesheets/week")
@responds(WeekOut)
def get_week():
    """The week of a user (?user_id, default the caller) containing ?date (default today)."""
    conn, me = db(), caller()
    user = entries.target_user(conn, me, query_uuid("user_id"))
    day = query_date("date") or timecalc.local_date(entries.now(), user["timezone"])
    return sheets.week(conn, user, settings.settings(conn, me.company_id), day)


@bp.post("/timesheets/submit")
@responds(SheetOut, 201, body=SubmitIn)
def submit():
    """Submit the caller's week containing `date` (default today); its entries lock."""
    data = body(SubmitIn)
    conn, me = db(), caller()
    row = sheets.submit(conn, me, data.date, data.comment)
    week_start = settings.settings(conn, me.company_id)["week_start"]
    user = entries.target_user(conn, me, me.user_id)  # the week's working-time violations are recorded now
    worktime.flag_submission(conn, user, row["period_start"], row["period_end"], week_start)
    _publish([me.user_id, *sheets.managers_of(conn, me.user_id)], "timesheet.submitted", row)
    webhooks.emit(conn, me.company_id, "timesheet.submitted", {"timesheet": row})
    sheets.notify_submitted(conn, me, row, data.comment)
    return _with_history(row), 201


@bp.get("/timesheets/<sheet_id>")
@responds(SheetOut)
def get_timesheet(sheet_id: str):
    """Read one timesheet with its history."""
    return _with_history(sheets.sheet(db(), sheet_id))


def _decide(sheet_id: str, action: str, comment: str | None) -> dict:
    row = sheets.decide(db(), caller(), sheet_id, action, comment)
    _publish([row["user_id"]], f"timesheet.{action}", row)
    if action in ("approved", "rejected"):
        webhooks.emit(db(), caller().company_id, f"timesheet.{action}", {"timesheet": row})
    sheets.notify_decided(db(), row, action, comment)
    return _with_history(row)


@bp.post("/timesheets/<sheet_id>/approve")
@roles("admin", "manager")
@responds(SheetOut, body=DecisionIn)
def approve(sheet_id: str):
    """Approve a submitted week (its assigned manager or an admin)."""
    return _decide(sheet_id, "approved", body(DecisionIn).comment)


@bp.post("/timesheets/approve-week")
@roles("admin", "manager")
@responds(SheetOut, body=ApproveWeekIn)
def approve_week():
    """Approve a person's ended week, submitting it on their behalf when it was open or rejected."""
    data = body(ApproveWeekIn)
    row = approval.approve_week(db(), caller(), data.user_id, data.date, data.comment)
    _publish([row["user_id"]], "timesheet.approved", row)
    sheets.notify_decided(db(), row, "approved", data.comment)
    webhooks.emit(db(), caller().company_id, "timesheet.approved", {"timesheet": row})
    return _with_history(row)


@bp.post("/timesheets/<sheet_id>/reject")
@roles("admin", "manager")
@responds(SheetOut, body=RejectIn)
def reject(sheet_id: str):
    """Reject a submitted week with a comment; its entries unlock."""
    return _decide(sheet_id, "rejected", body(RejectIn).comment)


@bp.post("/timesheets/<sheet_id>/reopen")
@roles("admin")
@responds(SheetOut, body=DecisionIn)
def reopen(sheet_id: str):
    """Reopen an approved or submitted week (admins)."""
    row = sheets.reopen(db(), caller(), sheet_id, body(DecisionIn).comment)
    _publish([row["user_id"]], "timesheet.reopened", row)
    return _with_history(row)
