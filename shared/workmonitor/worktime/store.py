"""Working-time rules in the database: the company's rule set, work intervals from time entries and attendance,
violations per user and period, flags on submission, automatic break deductions, the monthly report."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from psycopg.types.json import Jsonb

from ..db import Conn, Row
from . import rules

MAX_DAYS = 92


def rule_row(conn: Conn) -> Row:
    """Return the company's rule set: preset, overrides and the effective rules."""
    row = conn.execute(
        "SELECT preset, overrides, updated_at FROM working_time_rules WHERE company_id = app.company_id()"
    ).fetchone()
    preset, overrides = (row["preset"], row["overrides"]) if row else ("de_arbzg", {})
    return {
        "preset": preset,
        "overrides": overrides,
        "rules": rules.ruleset(preset, overrides).as_dict(),
        "updated_at": row["updated_at"] if row else None,
    }


def save_rules(conn: Conn, admin_id: str, preset: str, overrides: dict) -> Row:
    """Store the company's preset and overrides (admin claims); return the rule set."""
    conn.execute(
        "INSERT INTO working_time_rules (company_id, preset, overrides, updated_by)"
        " VALUES (app.company_id(), %s, %s, %s)"
        " ON CONFLICT (company_id) DO UPDATE SET preset = EXCLUDED.preset, overrides = EXCLUDED.overrides,"
        " updated_by = EXCLUDED.updated_by, updated_at = now()",
        (preset, Jsonb(overrides), admin_id),
    )
    return rule_row(conn)


def intervals(conn: Conn, user_id: str, since: datetime, until: datetime) -> list[rules.Interval]:
    """Return the user's work between the instants: time entries and attendance (clock-in to clock-out less breaks;
    an open one up to now)."""
    found = [
        (r["a"], r["b"])
        for r in conn.execute(
            "SELECT started_at AS a, coalesce(ended_at, now()) AS b FROM time_entries"
            " WHERE user_id = %(u)s AND started_at < %(until)s AND coalesce(ended_at, now()) > %(since)s"
            " UNION ALL SELECT clock_in_at, coalesce(clock_out_at, now()) FROM attendance_records"
            " WHERE user_id = %(u)s AND clock_in_at < %(until)s AND coalesce(clock_out_at, now()) > %(since)s",
            {"u": user_id, "since": since, "until": until},
        ).fetchall()
    ]
    pauses = conn.execute(
        "SELECT b.started_at AS a, coalesce(b.ended_at, now()) AS b FROM attendance_breaks b"
        " WHERE b.user_id = %s AND b.started_at < %s AND coalesce(b.ended_at, now()) > %s",
        (user_id, until, since),
    ).fetchall()
    return _minus(found, [(p["a"], p["b"]) for p in pauses])


def _minus(work: list[rules.Interval], pauses: list[rules.Interval]) -> list[rules.Interval]:
    """Return `work` with the attendance breaks cut out (a break inside a time entry's span is a break too)."""
    out = rules.merge(work)
    for p_start, p_end in rules.merge(pauses):
        cut: list[rules.Interval] = []
        for a, b in out:
            if p_end <= a or p_start >= b:
                cut.append((a, b))
                continue
            if a < p_start:
                cut.append((a, p_start))
            if p_end < b:
                cut.append((p_end, b))
        out = cut
    return out


def violations(conn: Conn, user: Row, first: date, last: date, week_start_iso: int = 1) -> list[dict]:
    """Return the violations and flags of `user` (id, timezone) on local days first..last under the company's
    rules; the intervals are read from the reference period before `first` on."""
    rs = rules.ruleset(**_preset(conn))
    tz = ZoneInfo(user["timezone"])
    since = datetime.combine(first - timedelta(weeks=max(rs.reference_weeks, 1)), time(0), tz).astimezone(UTC)
    until = datetime.combine(last + timedelta(days=2), time(0), tz).astimezone(UTC)
    found = intervals(conn, str(user["id"]), since, until)
    return rules.check(found, user["timezone"], rs, first, last, week_start_iso - 1)


def _preset(conn: Conn) -> dict:
    row = conn.execute(
        "SELECT preset, overrides FROM working_time_rules WHERE company_id = app.company_id()"
    ).fetchone()
    return {"preset": row["preset"], "overrides": row["overrides"]} if row else {"preset": "de_arbzg"}


def deductions(conn: Conn, user_id: str, first: date, last: date) -> list[Row]:
    """Return the unpaid breaks deducted from the user's days first..last."""
    return conn.execute(
        "SELECT day, minutes, rule, created_at FROM break_deductions WHERE user_id = %s AND day BETWEEN %s AND %s"
        " ORDER BY day",
        (user_id, first, last),
    ).fetchall()


def flag_submission(conn: Conn, user: Row, first: date, last: date, week_start_iso: int) -> list[dict]:
    """On submitting the week first..last (the employee's own claims): record its violations and, when the rules
    say so, deduct each missing break as unpaid; return the violations."""
    found = violations(conn, user, first, last, week_start_iso)
    if found:
        conn.execute(
            "INSERT INTO worktime_flags (company_id, user_id, period_start, period_end, violations)"
            " VALUES (app.company_id(), %s, %s, %s, %s)",
            (user["id"], first, last, Jsonb([{**v, "date": v["date"].isoformat()} for v in found])),
        )
    if rules.ruleset(**_preset(conn)).auto_deduct_breaks:
        for v in found:
            if v["rule"] == "break":
                conn.execute(
                    "INSERT INTO break_deductions (company_id, user_id, day, minutes, rule)"
                    " VALUES (app.company_id(), %s, %s, %s, 'break') ON CONFLICT (user_id, day) DO NOTHING",
                    (user["id"], v["date"], v["limit_minutes"] - v["value_minutes"]),
                )
    return found


def flags(conn: Conn, user_id: str, first: date, last: date) -> list[Row]:
    """Return the flags recorded when the user's weeks overlapping first..last were submitted."""
    return conn.execute(
        "SELECT period_start, period_end, violations, flagged_at FROM worktime_flags WHERE user_id = %s"
        " AND period_end >= %s AND period_start <= %s ORDER BY flagged_at DESC",
        (user_id, first, last),
    ).fetchall()


def monthly_report(conn: Conn, month: date) -> list[dict]:
    """Return, per visible active user, the month's violations counted by rule and listed (admin: everyone)."""
    first = month.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    people = conn.execute(
        "SELECT id, name, timezone FROM users WHERE status = 'active' AND app.can_see_user(id) ORDER BY lower(name)"
    ).fetchall()
    week_start = conn.execute("SELECT week_start FROM companies WHERE id = app.company_id()").fetchone()
    out = []
    for person in people:
        found = violations(conn, person, first, last, week_start["week_start"] if week_start else 1)
        counts: dict[str, int] = {}
        for v in found:
            counts[v["rule"]] = counts.get(v["rule"], 0) + 1
        deducted = sum(d["minutes"] for d in deductions(conn, str(person["id"]), first, last))
        out.append(
            {
                "user_id": person["id"],
                "name": person["name"],
                "counts": counts,
                "violations": found,
                "deducted_minutes": deducted,
            }
        )
    return out
