"""Listing and reporting time (no Flask): filters, totals with the company's rounding, per-day reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..db import Conn, Row
from . import timecalc
from .rules import ENTRY_COLUMNS

LIST_COLUMNS = f"{ENTRY_COLUMNS}, p.name AS project_name, p.color AS project_color, p.client_id, t.name AS task_name"
LIST_FROM = (
    "time_entries e LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN tasks t ON t.id = e.task_id"
    " LEFT JOIN project_members m ON m.project_id = e.project_id AND m.user_id = e.user_id"
)


@dataclass(frozen=True)
class Filters:
    """Entry filters; dates are local days of `tz`, `start`/`end` their UTC bounds."""

    user_id: str | None = None
    project_id: str | None = None
    task_id: str | None = None
    client_id: str | None = None
    billable: bool | None = None
    start: datetime | None = None
    end: datetime | None = None

    def where(self) -> tuple[str, dict]:
        """Return the SQL condition of the filters given, and its parameters (entries that start inside the range).

        Only the filters set become conditions: a "match anything when the parameter is NULL" condition lets a
        prepared statement switch to a generic plan after a few calls on one connection (10x slower).
        """
        given = {
            "u": (self.user_id, "e.user_id = %(u)s"),
            "p": (self.project_id, "e.project_id = %(p)s"),
            "t": (self.task_id, "e.task_id = %(t)s"),
            "c": (self.client_id, "p.client_id = %(c)s"),
            "b": (self.billable, "e.billable = %(b)s"),
            "s": (self.start, "e.started_at >= %(s)s"),
            "e": (self.end, "e.started_at < %(e)s"),
        }
        params = {k: v for k, (v, _) in given.items() if v is not None}
        return " AND ".join([sql for k, (_, sql) in given.items() if k in params] or ["true"]), params


def day_bounds(first: date | None, last: date | None, tz: str) -> tuple[datetime | None, datetime | None]:
    """Return the UTC bounds of local days first..last (either may be open)."""
    return (
        timecalc.local_midnight(first, tz) if first else None,
        timecalc.local_range(last, last, tz)[1] if last else None,
    )


def list_entries(conn: Conn, flt: Filters, rule: timecalc.Rounding, limit: int, offset: int) -> list[Row]:
    """Return one page (limit + 1 rows) of entries, newest first, each with its rounded duration."""
    cond, params = flt.where()
    rows = conn.execute(
        f"SELECT {LIST_COLUMNS} FROM {LIST_FROM} WHERE {cond}"
        " ORDER BY e.started_at DESC, e.id LIMIT %(limit)s OFFSET %(offset)s",
        {**params, "limit": limit + 1, "offset": offset},
        prepare=False,  # planned with the values on every call (no generic plan on a warm connection)
    ).fetchall()
    for row in rows:
        row["rounded_seconds"] = rule.apply(row["duration_seconds"])
    return rows


def running_timers(conn: Conn, limit: int, offset: int) -> list[Row]:
    """Return one page (limit + 1 rows) of running timers the caller may see, oldest first, with user names."""
    return conn.execute(
        f"SELECT {LIST_COLUMNS}, u.name AS user_name FROM {LIST_FROM} JOIN users u ON u.id = e.user_id"
        " WHERE e.ended_at IS NULL ORDER BY e.started_at, e.id LIMIT %s OFFSET %s",
        (limit + 1, offset),
    ).fetchall()


GROUPS = {
    "project": ("e.project_id", "p.name"),
    "user": ("e.user_id", "u.name"),
    "client": ("p.client_id", "c.name"),
    "task": ("e.task_id", "t.name"),
}


# Per-entry rounding in SQL (`secs` is the entry's whole seconds, %(step)s the rule's step in seconds).
_ROUNDED = {
    "none": "secs",
    "up": "ceil(secs / %(step)s::numeric)::bigint * %(step)s",
    "down": "(secs / %(step)s) * %(step)s",
    "nearest": "((secs + %(step)s / 2) / %(step)s) * %(step)s",
}

# Totals per (group, currency) of the matching entries, or of one page of them. Money is billable rounded time at
# the member's rate, else the project's (half away from zero, as app.project_usage), and only for planners: an
# employee sees no rate (projects hide it), so no amount computed from one either.
_TOTALS = """
WITH x AS (
  SELECT greatest(0, extract(epoch FROM coalesce(e.ended_at, now()) - e.started_at)::bigint) AS secs, e.billable,
         CASE WHEN app.is_planner() THEN coalesce(m.hourly_rate, p.hourly_rate) END AS rate,
         nullif(trim(p.currency), '') AS currency, {group} AS key, {name} AS name
  FROM {source} WHERE {cond} {page}
), r AS (SELECT *, {rounded} AS rounded FROM x)
SELECT key, name, currency, count(*) AS count, sum(secs) AS seconds, sum(rounded) AS rounded_seconds,
       coalesce(sum(secs) FILTER (WHERE billable), 0) AS billable_seconds,
       coalesce(sum(rounded) FILTER (WHERE billable), 0) AS billable_rounded_seconds,
       sum(round(rounded::numeric * rate / 3600)) FILTER (WHERE billable AND rate IS NOT NULL AND currency IS NOT NULL)
         AS amount
FROM r GROUP BY key, name, currency
"""
_SUMS = ("count", "seconds", "rounded_seconds", "billable_seconds", "billable_rounded_seconds")


def _blank() -> dict:
    return {k: 0 for k in _SUMS} | {"amounts": {}}


def _add(acc: dict, row: dict) -> None:
    for k in _SUMS:
        acc[k] += int(row[k])
    if row["amount"] is not None:
        acc["amounts"][row["currency"]] = acc["amounts"].get(row["currency"], 0) + int(row["amount"])


def _totals_rows(
    conn: Conn,
    flt: Filters,
    rule: timecalc.Rounding,
    group: str = "NULL::uuid",
    name: str = "NULL",
    window: tuple[int, int] | None = None,
) -> list[dict]:
    """Return the (group, currency) totals of the matching entries, or of the page `window` = (limit, offset)."""
    cond, params = flt.where()
    page = "ORDER BY e.started_at DESC, e.id LIMIT %(limit)s OFFSET %(offset)s" if window else ""
    sql = _TOTALS.format(
        group=group,
        name=name,
        source=f"{LIST_FROM} LEFT JOIN clients c ON c.id = p.client_id LEFT JOIN users u ON u.id = e.user_id",
        cond=cond,
        page=page,
        rounded=_ROUNDED[rule.mode],
    )
    limit, offset = window or (0, 0)
    params |= {"step": rule.minutes * 60, "limit": limit, "offset": offset}
    return conn.execute(sql, params, prepare=False).fetchall()


def totals(conn: Conn, flt: Filters, rule: timecalc.Rounding, limit: int, offset: int) -> dict:
    """Return raw and rounded seconds, billable time and money per currency (planners only), summed in SQL.

    The sum covers every match when the filters start at a date (`from`), else only the page (limit, offset),
    so a list without a range never totals a user's whole history. Rounding applies to each entry; money is
    billable rounded time at the member's rate, else the project's.
    """
    acc = _blank()
    for row in _totals_rows(conn, flt, rule, window=None if flt.start else (limit, offset)):
        _add(acc, row)
    return acc


def summary(conn: Conn, flt: Filters, rule: timecalc.Rounding, group_by: str) -> dict:
    """Return the matching time grouped by project, user, client or task, biggest first, with the overall totals."""
    key, name = GROUPS[group_by]
    groups: dict = {}
    overall = _blank()
    for row in _totals_rows(conn, flt, rule, key, name):
        _add(groups.setdefault(row["key"], {"key": row["key"], "name": row["name"], **_blank()}), row)
        _add(overall, row)
    items = sorted(groups.values(), key=lambda g: (-g["seconds"], str(g["name"])))
    return {"group_by": group_by, "groups": items, "totals": overall}


def daily(conn: Conn, user_id, tz: str, first: date, last: date, rule: timecalc.Rounding) -> dict:
    """Return the user's time per local day first..last, entries split at local midnight (DST-correct)."""
    start, end = timecalc.local_range(first, last, tz)
    rows = conn.execute(
        "SELECT started_at, ended_at, billable FROM time_entries WHERE user_id = %s"
        " AND started_at < %s AND coalesce(ended_at, now()) > %s ORDER BY started_at",
        (user_id, end, start),
    ).fetchall()
    days = timecalc.daily_totals(rows, tz, rule, first, last)
    total = {k: sum(d[k] for d in days) for k in ("seconds", "rounded_seconds", "billable_seconds")}
    return {"user_id": str(user_id), "timezone": tz, "from": first, "to": last, "days": days, "totals": total}
