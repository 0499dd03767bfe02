"""A manager approves a finished week that was never submitted (or was rejected): submitted on the person's behalf
and approved in one transaction, both steps in the timesheet's history.

What must stay true:
- Only a week that has ended: the current week is the person's to submit (its lock reaches only up to the
  submission, so tracking goes on); approving it from outside would lock time the person has not finished.
- Only the person's assigned manager or an admin (never themselves), as for any decision; a running timer that
  started inside the week refuses it, as it refuses a submission.
"""

from __future__ import annotations

from datetime import date

from ..db import Conn, Row
from ..errors import Conflict, Forbidden, Unprocessable
from . import entries, reports, sheets
from .rules import Actor
from .settings import rounding

_SUBMIT_SQL = (
    f"INSERT INTO timesheets (company_id, user_id, period_start, period_end, timezone, starts_at, ends_at, status,"
    f" total_seconds, submitted_at, comment) VALUES (%(c)s, %(u)s, %(ps)s, %(pe)s, %(tz)s, %(sa)s, %(ea)s,"
    f" 'submitted', %(total)s, now(), %(comment)s) ON CONFLICT (user_id, period_start) DO UPDATE"
    f" SET status = 'submitted', total_seconds = EXCLUDED.total_seconds, submitted_at = now(),"
    f" comment = EXCLUDED.comment, decided_by = NULL, decided_at = NULL RETURNING {sheets.SHEET_COLUMNS}"
)


def approve_week(conn: Conn, me: Actor, user_id, day: date, comment: str | None) -> Row:
    """Approve `user_id`'s ended week containing `day`, submitting it first unless it is submitted; return it.
    Raises 403 (not their manager), 404, 409 (approved already, timer running) or 422 (the week has not ended)."""
    user, cfg = entries.writer(conn, me, user_id)
    if not sheets.may_decide(conn, me, {"user_id": user["id"]}):
        raise Forbidden("Only the assigned manager or an admin may approve this week.", code="not_your_team")
    per = sheets.period(day, cfg["week_start"], user["timezone"])
    if per["ends_at"] > entries.now():
        raise Unprocessable(
            "Only a week that has ended can be approved without its submission; the person submits the current week.",
            code="period_not_ended",
        )
    existing = conn.execute(
        "SELECT id, status FROM timesheets WHERE user_id = %s AND period_start = %s", (user["id"], per["period_start"])
    ).fetchone()
    if existing and existing["status"] == "approved":
        raise Conflict("This week is already approved.", code="already_approved")
    if existing and existing["status"] == "submitted":
        return sheets.decide(conn, me, existing["id"], "approved", comment)
    run = entries.running(conn, user["id"])
    if run and run["started_at"] < per["ends_at"]:
        raise Conflict("A timer started in this week is still running.", code="timer_running")
    total = reports.daily(conn, user["id"], user["timezone"], per["period_start"], per["period_end"], rounding(cfg))
    params = {"c": me.company_id, "u": user["id"], "ps": per["period_start"], "pe": per["period_end"]}
    params.update({"tz": per["timezone"], "sa": per["starts_at"], "ea": per["ends_at"], "comment": None})
    params["total"] = total["totals"]["rounded_seconds"]
    row = sheets._transition(conn, me, _SUBMIT_SQL, params, "submitted", "Submitted by the approver.")
    return sheets.decide(conn, me, row["id"], "approved", comment)
