"""Timesheet logic (no Flask): a user's week (company week start, user's time zone), submit, approve, reject.

Submitting or approving a week locks its entries through the database trigger on time_entries; every
transition is written to timesheet_events, so the history survives resubmissions.
"""

from __future__ import annotations

from datetime import date

import psycopg

from workmonitor import timecalc
from workmonitor.errors import Conflict, Forbidden, NotFound, Unprocessable, id_or_404

from . import entries as entries
from . import reports as reports

SHEET_COLUMNS = (
    "id, user_id, period_start, period_end, timezone, starts_at, ends_at, status, total_seconds,"
    " submitted_at, decided_by, decided_at, comment, created_at, updated_at"
)


def period(day: date, week_start: int, tz: str) -> dict:
    """Return the week containing local `day`: first/last local dates and their UTC bounds."""
    first, last = timecalc.week_of(day, week_start)
    starts_at, ends_at = timecalc.local_range(first, last, tz)
    return {"period_start": first, "period_end": last, "timezone": tz, "starts_at": starts_at, "ends_at": ends_at}


def sheet(conn: psycopg.Connection, sheet_id) -> dict:
    """Return the visible timesheet `sheet_id`; raise NotFound."""
    sheet_id = id_or_404(sheet_id, "timesheet", code="timesheet_not_found")
    row = conn.execute(f"SELECT {SHEET_COLUMNS} FROM timesheets WHERE id = %s", (sheet_id,)).fetchone()
    if row is None:
        raise NotFound("No such timesheet.", code="timesheet_not_found")
    return row


def history(conn: psycopg.Connection, sheet_id) -> list[dict]:
    """Return the timesheet's events, oldest first."""
    return conn.execute(
        "SELECT id, actor_id, action, comment, created_at FROM timesheet_events WHERE timesheet_id = %s ORDER BY id",
        (sheet_id,),
    ).fetchall()


def week(conn: psycopg.Connection, user: dict, cfg: dict, day: date) -> dict:
    """Return the week of `user` containing `day`: its timesheet (or an open one), days, totals and history."""
    per = period(day, cfg["week_start"], user["timezone"])
    row = conn.execute(
        f"SELECT {SHEET_COLUMNS} FROM timesheets WHERE user_id = %s AND period_start = %s",
        (user["id"], per["period_start"]),
    ).fetchone()
    report = reports.daily(
        conn, user["id"], user["timezone"], per["period_start"], per["period_end"], entries.rounding(cfg)
    )
    sheet_out = row or {"id": None, "user_id": user["id"], **per, "status": "open"}
    return {
        "timesheet": sheet_out,
        "days": report["days"],
        "totals": report["totals"],
        "history": history(conn, row["id"]) if row else [],
    }


def _event(conn: psycopg.Connection, me, row: dict, action: str, comment: str | None) -> None:
    conn.execute(
        "INSERT INTO timesheet_events (company_id, timesheet_id, user_id, actor_id, action, comment)"
        " VALUES (%s, %s, %s, %s, %s, %s)",
        (me.company_id, row["id"], row["user_id"], me.user_id, action, comment),
    )


def submit(conn: psycopg.Connection, me, cfg: dict, user: dict, day: date, comment: str | None) -> dict:
    """Submit the caller's week containing `day`; return the timesheet. Raises 409 when submitted or running."""
    entries.lock_user(conn, user["id"])
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
    total = reports.daily(
        conn, user["id"], user["timezone"], per["period_start"], per["period_end"], entries.rounding(cfg)
    )["totals"]["rounded_seconds"]
    row = conn.execute(
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
    ).fetchone()
    _event(conn, me, row, "submitted", comment)
    return row


def may_decide(conn: psycopg.Connection, me, row: dict) -> bool:
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


def decide(conn: psycopg.Connection, me, sheet_id, action: str, comment: str | None) -> dict:
    """Approve or reject a submitted timesheet (`action` approved/rejected); return it. Raises 403/409."""
    row = sheet(conn, sheet_id)
    if not may_decide(conn, me, row):
        raise Forbidden("Only the assigned manager or an admin may decide this timesheet.", code="not_your_team")
    if row["status"] != "submitted":
        raise Conflict(f"This timesheet is {row['status']}, not submitted.", code="invalid_state")
    row = conn.execute(
        f"UPDATE timesheets SET status = %s, decided_by = %s, decided_at = now(), comment = %s"
        f" WHERE id = %s RETURNING {SHEET_COLUMNS}",
        (action, me.user_id, comment, row["id"]),
    ).fetchone()
    _event(conn, me, row, action, comment)
    return row


def reopen(conn: psycopg.Connection, me, sheet_id, comment: str | None) -> dict:
    """Reopen an approved or submitted timesheet (admin), unlocking its entries; return it."""
    row = sheet(conn, sheet_id)
    if row["status"] not in ("approved", "submitted"):
        raise Conflict(f"This timesheet is {row['status']}.", code="invalid_state")
    row = conn.execute(
        f"UPDATE timesheets SET status = 'open', decided_by = %s, decided_at = now(), comment = %s"
        f" WHERE id = %s RETURNING {SHEET_COLUMNS}",
        (me.user_id, comment, row["id"]),
    ).fetchone()
    _event(conn, me, row, "reopened", comment)
    return row


def managers_of(conn: psycopg.Connection, user_id) -> list[str]:
    """Return the ids of the managers assigned to `user_id` (to notify them)."""
    return [
        str(r["manager_id"])
        for r in conn.execute(
            "SELECT manager_id FROM manager_assignments WHERE employee_id = %s", (user_id,)
        ).fetchall()
    ]
