"""Timesheet routes of the time function: the week view, submit, approve, reject, reopen and history."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from flask import Blueprint, request
from pydantic import StringConstraints

from workmonitor import events, notify, timecalc
from workmonitor.errors import ValidationFailed
from workmonitor.schemas import Input
from workmonitor.web import after_commit, body, caller, db, page, paginated, query_date, query_uuid, roles

from . import entries as entries
from . import sheets as sheets

bp = Blueprint("timesheets", __name__)
Comment = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]


class SubmitIn(Input):
    date: dt.date | None = None
    comment: Comment | None = None


class DecisionIn(Input):
    comment: Comment | None = None


class RejectIn(Input):
    comment: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


def _notify(room_ids: list, event: str, row: dict) -> None:
    payload = {"timesheet": row}
    after_commit(lambda: [events.publish(events.user_room(uid), event, payload) for uid in room_ids])


def _note_data(row: dict) -> dict:
    return {"timesheet_id": str(row["id"]), "user_id": str(row["user_id"]), "period_start": str(row["period_start"])}


@bp.get("/timesheets")
def list_timesheets():
    limit, offset = page()
    status = request.args.get("status")
    if status and status not in ("open", "submitted", "approved", "rejected"):
        raise ValidationFailed("Unknown status.", fields={"status": "open, submitted, approved or rejected"})
    rows = (
        db()
        .execute(
            f"SELECT {sheets.SHEET_COLUMNS} FROM timesheets WHERE (%(u)s::uuid IS NULL OR user_id = %(u)s)"
            " AND (%(s)s::text IS NULL OR status = %(s)s) AND (%(f)s::date IS NULL OR period_start >= %(f)s)"
            " AND (%(t)s::date IS NULL OR period_start <= %(t)s)"
            " ORDER BY period_start DESC, user_id LIMIT %(limit)s OFFSET %(offset)s",
            {
                "u": query_uuid("user_id"),
                "s": status,
                "f": query_date("from"),
                "t": query_date("to"),
                "limit": limit + 1,
                "offset": offset,
            },
        )
        .fetchall()
    )
    return paginated(rows, limit, offset)


@bp.get("/timesheets/week")
def get_week():
    conn, me = db(), caller()
    user = entries.target_user(conn, me, query_uuid("user_id"))
    day = query_date("date") or timecalc.local_date(entries.now(), user["timezone"])
    return sheets.week(conn, user, entries.settings(conn, me.company_id), day)


@bp.post("/timesheets/submit")
def submit():
    data = body(SubmitIn)
    conn, me = db(), caller()
    user = entries.target_user(conn, me, me.user_id)
    day = data.date or timecalc.local_date(entries.now(), user["timezone"])
    row = sheets.submit(conn, me, entries.settings(conn, me.company_id), user, day, data.comment)
    _notify([me.user_id, *sheets.managers_of(conn, me.user_id)], "timesheet.submitted", row)
    name = conn.execute("SELECT name FROM users WHERE id = %s", (me.user_id,)).fetchone()["name"]
    for uid in notify.approvers_of(conn, me.user_id):
        notify.notify(
            conn,
            uid,
            "timesheet_submitted",
            f"{name} submitted the week of {row['period_start']}",
            data.comment or "",
            _note_data(row),
        )
    return {"timesheet": row, "history": sheets.history(conn, row["id"])}, 201


@bp.get("/timesheets/<sheet_id>")
def get_timesheet(sheet_id: str):
    conn = db()
    row = sheets.sheet(conn, sheet_id)
    return {"timesheet": row, "history": sheets.history(conn, row["id"])}


def _decide(sheet_id: str, action: str, comment: str | None):
    conn, me = db(), caller()
    row = sheets.decide(conn, me, sheet_id, action, comment)
    _notify([row["user_id"]], f"timesheet.{action}", row)
    notify.notify(
        conn,
        row["user_id"],
        f"timesheet_{action}",
        f"Your week of {row['period_start']} was {action}",
        comment or "",
        {**_note_data(row), "comment": comment},
    )
    return {"timesheet": row, "history": sheets.history(conn, row["id"])}


@bp.post("/timesheets/<sheet_id>/approve")
@roles("admin", "manager")
def approve(sheet_id: str):
    return _decide(sheet_id, "approved", body(DecisionIn).comment)


@bp.post("/timesheets/<sheet_id>/reject")
@roles("admin", "manager")
def reject(sheet_id: str):
    return _decide(sheet_id, "rejected", body(RejectIn).comment)


@bp.post("/timesheets/<sheet_id>/reopen")
@roles("admin")
def reopen(sheet_id: str):
    conn, me = db(), caller()
    row = sheets.reopen(conn, me, sheet_id, body(DecisionIn).comment)
    _notify([row["user_id"]], "timesheet.reopened", row)
    return {"timesheet": row, "history": sheets.history(conn, row["id"])}
