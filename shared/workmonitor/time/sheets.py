"""Timesheet logic (no Flask): a user's week (company week start, user's time zone), submit, approve, reject.

Submitting or approving a week locks its entries through the database trigger on time_entries, up to
`locked_until`: the week's end, or the instant it was submitted when that was earlier (the current week), so
tracking goes on after it. Every transition is written to timesheet_events, so the history survives
resubmissions.
"""

from __future__ import annotations

from datetime import date

from .. import notify
from ..db import Conn, Row
from ..errors import Conflict, Forbidden, NotFound, Unprocessable, ValidationFailed, id_or_404
from . import entries, reports, timecalc
from .rules import Actor
from .settings import rounding

SHEET_COLUMNS = (
    "id, user_id, period_start, period_end, timezone, starts_at, ends_at, locked_until, status, total_seconds,"
    " submitted_at, decided_by, decided_at, comment, created_at, updated_at"
)
STATUSES = ("open", "submitted", "approved", "rejected")


def period(day: date, week_start: int, tz: str) -> dict:
    """Return the week containing local `day`: first/last local dates and their UTC bounds."""
    first, last = timecalc.week_of(day, week_start)
    starts_at, ends_at = timecalc.local_range(first, last, tz)
    return {"period_start": first, "period_end": last, "timezone": tz, "starts_at": starts_at, "ends_at": ends_at}


def sheet(conn: Conn, sheet_id) -> Row:
    """Return the visible timesheet `sheet_id`; raise NotFound."""
    sheet_id = id_or_404(sheet_id, "timesheet", code="timesheet_not_found")
    row = conn.execute(f"SELECT {SHEET_COLUMNS} FROM timesheets WHERE id = %s", (sheet_id,)).fetchone()
    if row is None:
        raise NotFound("No such timesheet.", code="timesheet_not_found")
    return row


def history(conn: Conn, sheet_id) -> list[dict]:
    """Return the timesheet's events, oldest first."""
    return conn.execute(
        "SELECT id, actor_id, action, comment, created_at FROM timesheet_events WHERE timesheet_id = %s ORDER BY id",
        (sheet_id,),
    ).fetchall()


def week(conn: Conn, user: dict, cfg: dict, day: date) -> dict:
    """Return the week of `user` containing `day`: its timesheet (or an open one), days, totals and history."""
    per = period(day, cfg["week_start"], user["timezone"])
    row = conn.execute(
        f"SELECT {SHEET_COLUMNS} FROM timesheets WHERE user_id = %s AND period_start = %s",
        (user["id"], per["period_start"]),
    ).fetchone()
    report = reports.daily(conn, user["id"], user["timezone"], per["period_start"], per["period_end"], rounding(cfg))
    sheet_out = row or {"id": None, "user_id": user["id"], **per, "status": "open"}
    return {
        "timesheet": sheet_out,
        "days": report["days"],
        "totals": report["totals"],
        "history": history(conn, row["id"]) if row else [],
    }


def _transition(conn: Conn, me: Actor, sql: str, params: dict | tuple, action: str, comment: str | None) -> Row:
    """Write a timesheet change (`sql` returns the sheet), record it in the history and return the sheet."""
    row = conn.execute(sql, params).fetchone()
    assert row is not None  # the statement targets a visible sheet (or creates one)
    conn.execute(
        "INSERT INTO timesheet_events (company_id, timesheet_id, user_id, actor_id, action, comment)"
        " VALUES (%s, %s, %s, %s, %s, %s)",
        (me.company_id, row["id"], row["user_id"], me.user_id, action, comment),
    )
    return row


def submit(conn: Conn, me: Actor, day: date | None, comment: str | None) -> Row:
    """Submit the caller's week containing `day` (today); return the timesheet. Raises 409 when submitted or running."""
    user, cfg = entries.writer(conn, me, me.user_id)
    day = day or timecalc.local_date(entries.now(), user["timezone"])
    per = period(day, cfg["week_start"], user["timezone"])
    if per["period_start"] > timecalc.local_date(entries.now(), user["timezone"]):
        raise Unprocessable("A week that has not started cannot be submitted.", code="future_period")
    existing = conn.execute(
        "SELECT status FROM timesheets WHERE user_id = %s AND period_start = %s", (user["id"], per["period_start"])
    ).fetchone()
    if existing and existing["status"] in ("submitted", "approved"):
        raise Conflict(f"This week is already {existing['status']}.", code=f"already_{existing['status']}")
    run = entries.running(conn, user["id"])
    if run and run["started_at"] < per["ends_at"]:
        raise Conflict("Stop the running timer before submitting this week.", code="timer_running")
    total = reports.daily(conn, user["id"], user["timezone"], per["period_start"], per["period_end"], rounding(cfg))[
        "totals"
    ]["rounded_seconds"]
    return _transition(
        conn,
        me,
        f"INSERT INTO timesheets (company_id, user_id, period_start, period_end, timezone, starts_at, ends_at, status,"
        f" total_seconds, submitted_at, comment) VALUES (%(c)s, %(u)s, %(ps)s, %(pe)s, %(tz)s, %(sa)s, %(ea)s,"
        f" 'submitted', %(total)s, now(), %(comment)s) ON CONFLICT (user_id, period_start) DO UPDATE"
        f" SET status = 'submitted', total_seconds = EXCLUDED.total_seconds, submitted_at = now(),"
        f" comment = EXCLUDED.comment, decided_by = NULL, decided_at = NULL RETURNING {SHEET_COLUMNS}",
        {
            "c": me.company_id,
            "u": user["id"],
            "ps": per["period_start"],
            "pe": per["period_end"],
            "tz": per["timezone"],
            "sa": per["starts_at"],
            "ea": per["ends_at"],
            "total": total,
            "comment": comment,
        },
        "submitted",
        comment,
    )


def may_decide(conn: Conn, me: Actor, row: dict) -> bool:
    """Return True when the caller is an admin or the assigned manager of the timesheet's user (not themselves)."""
    if me.role == "admin":
        return True
    if me.role != "manager" or str(row["user_id"]) == me.user_id:
        return False
    return bool(
        conn.execute(
            "SELECT 1 FROM manager_assignments WHERE manager_id = %s AND employee_id = %s", (me.user_id, row["user_id"])
        ).fetchone()
    )


def decide(conn: Conn, me: Actor, sheet_id, action: str, comment: str | None) -> Row:
    """Approve or reject a submitted timesheet (`action` approved/rejected); return it. Raises 403/409."""
    row = sheet(conn, sheet_id)
    if not may_decide(conn, me, row):
        raise Forbidden("Only the assigned manager or an admin may decide this timesheet.", code="not_your_team")
    if row["status"] != "submitted":
        raise Conflict(f"This timesheet is {row['status']}, not submitted.", code="invalid_state")
    return _transition(
        conn,
        me,
        f"UPDATE timesheets SET status = %s, decided_by = %s, decided_at = now(), comment = %s"
        f" WHERE id = %s RETURNING {SHEET_COLUMNS}",
        (action, me.user_id, comment, row["id"]),
        action,
        comment,
    )


def reopen(conn: Conn, me: Actor, sheet_id, comment: str | None) -> Row:
    """Reopen an approved or submitted timesheet (admin), unlocking its entries; return it."""
    row = sheet(conn, sheet_id)
    if row["status"] not in ("approved", "submitted"):
        raise Conflict(f"This timesheet is {row['status']}.", code="invalid_state")
    return _transition(
        conn,
        me,
        f"UPDATE timesheets SET status = 'open', decided_by = %s, decided_at = now(), comment = %s"
        f" WHERE id = %s RETURNING {SHEET_COLUMNS}",
        (me.user_id, comment, row["id"]),
        "reopened",
        comment,
    )


def managers_of(conn: Conn, user_id) -> list[str]:
    """Return the ids of the managers assigned to `user_id` (to notify them)."""
    return [
        str(r["manager_id"])
        for r in conn.execute(
            "SELECT manager_id FROM manager_assignments WHERE employee_id = %s", (user_id,)
        ).fetchall()
    ]


def watchers_of(conn: Conn, user_id) -> list[str]:
    """Return the ids of who watches `user_id` live: their assigned managers and the company's active admins."""
    return [
        str(r["id"])
        for r in conn.execute(
            "SELECT manager_id AS id FROM manager_assignments WHERE employee_id = %s"
            " UNION SELECT id FROM users WHERE role = 'admin' AND status = 'active' AND id <> %s",
            (user_id, user_id),
        ).fetchall()
    ]


def list_timesheets(
    conn: Conn, user_id: str | None, status: str | None, first: date | None, last: date | None, limit: int, offset: int
) -> list[Row]:
    """Return one page (limit + 1 rows) of visible timesheets, newest week first, filtered when given."""
    if status and status not in STATUSES:
        raise ValidationFailed("Unknown status.", fields={"status": "open, submitted, approved or rejected"})
    return conn.execute(
        f"SELECT {SHEET_COLUMNS} FROM timesheets WHERE (%(u)s::uuid IS NULL OR user_id = %(u)s)"
        " AND (%(s)s::text IS NULL OR status = %(s)s) AND (%(f)s::date IS NULL OR period_start >= %(f)s)"
        " AND (%(t)s::date IS NULL OR period_start <= %(t)s)"
        " ORDER BY period_start DESC, user_id LIMIT %(limit)s OFFSET %(offset)s",
        {"u": user_id, "s": status, "f": first, "t": last, "limit": limit + 1, "offset": offset},
    ).fetchall()


def _note_data(row: Row) -> dict:
    return {"timesheet_id": str(row["id"]), "user_id": str(row["user_id"]), "period_start": str(row["period_start"])}


def notify_submitted(conn: Conn, me: Actor, row: Row, comment: str | None) -> None:
    """Notify whoever may approve the caller's submitted week."""
    user = conn.execute("SELECT name FROM users WHERE id = %s", (me.user_id,)).fetchone()
    title = f"{user['name'] if user else 'Someone'} submitted the week of {row['period_start']}"
    for uid in notify.approvers_of(conn, me.user_id):
        notify.notify(conn, uid, "timesheet_submitted", title, comment or "", _note_data(row))


def notify_decided(conn: Conn, row: Row, action: str, comment: str | None) -> None:
    """Notify the timesheet's owner that it was approved or rejected."""
    notify.notify(
        conn,
        row["user_id"],
        f"timesheet_{action}",
        f"Your week of {row['period_start']} was {action}",
        comment or "",
        {**_note_data(row), "comment": comment},
    )
