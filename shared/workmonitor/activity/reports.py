"""Activity reports: usage per app/domain and productivity from the rollups, activity % timelines from samples.

Row Level Security decides whose rows a caller sees (admins everyone, managers assigned employees, everyone
themselves); the filters here only narrow that down.
"""

from __future__ import annotations

from datetime import date, datetime

from ..db import Conn
from ..errors import NotFound, ValidationFailed

MAX_DAYS = 366
MAX_TIMELINE_BINS = 2000


def check_range(start: date, end: date) -> None:
    """Raise ValidationFailed unless start <= end and the range is at most MAX_DAYS long."""
    if end < start:
        raise ValidationFailed("'from' must not be after 'to'.", fields={"from": "after to"})
    if (end - start).days >= MAX_DAYS:
        raise ValidationFailed(f"At most {MAX_DAYS} days at once.", fields={"to": f"range over {MAX_DAYS} days"})


def scope(conn: Conn, user_id: str | None, team: str | None) -> list[str] | None:
    """Return the user ids to report on (None = everyone the caller may see); NotFound for a hidden user."""
    if user_id:
        row = conn.execute("SELECT app.can_see_user(id) AS ok FROM users WHERE id = %s", (user_id,)).fetchone()
        if row is None or not row["ok"]:
            raise NotFound("No such user.")
        return [user_id]
    if team:
        rows = conn.execute(
            "SELECT employee_id::text AS id FROM manager_assignments WHERE manager_id = %s", (team,)
        ).fetchall()
        return [r["id"] for r in rows]
    return None


def _narrow(users: list[str] | None) -> str:
    """Return the user condition for `users` (None = everyone visible: no condition, so no catch-all parameter)."""
    return "" if users is None else " AND user_id = ANY(%(users)s::uuid[])"


def usage(
    conn: Conn,
    by: str,
    start: date,
    end: date,
    users: list[str] | None,
    per_user: bool,
    per_day: bool,
    limit: int,
    offset: int,
) -> list[dict]:
    """Return seconds, active and idle seconds and activity % per app or domain (optionally per user and day)."""
    name, table = {"app": ("app", "activity_app_daily"), "domain": ("domain", "activity_domain_daily")}[by]
    groups = (["user_id"] if per_user else []) + (["day"] if per_day else [])
    keys = ", ".join(groups + [name])
    return conn.execute(
        f"SELECT {', '.join(groups + [name + ' AS name'])}, sum(seconds)::float8 AS seconds,"
        " sum(active_seconds)::float8 AS active_seconds, sum(idle_seconds)::float8 AS idle_seconds,"
        " round(100 * sum(active_seconds) / nullif(sum(seconds), 0), 1)::float8 AS activity_pct"
        f" FROM {table} WHERE company_id = app.company_id() AND day BETWEEN %(start)s AND %(end)s{_narrow(users)}"
        f" GROUP BY {keys} ORDER BY {', '.join(groups + ['seconds DESC', name])} LIMIT %(limit)s OFFSET %(offset)s",
        {"start": start, "end": end, "users": users, "limit": limit, "offset": offset},
        prepare=False,
    ).fetchall()


# Per user and day from the user/day rollup (productivity_daily: its four parts add up to the tracked seconds).
_DAILY = """
SELECT {key}, sum(productive_seconds + neutral_seconds + unproductive_seconds + idle_seconds)::float8 AS seconds,
  sum(active_seconds)::float8 AS active_seconds, sum(idle_seconds)::float8 AS idle_seconds,
  round(100 * sum(active_seconds) / nullif(sum(productive_seconds + neutral_seconds + unproductive_seconds
    + idle_seconds), 0), 1)::float8 AS activity_pct
FROM productivity_daily WHERE company_id = app.company_id() AND day BETWEEN %(start)s AND %(end)s{narrow}
GROUP BY {group} ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s
"""


def daily_totals(
    conn: Conn, start: date, end: date, users: list[str] | None, per_user: bool, limit: int, offset: int
) -> list[dict]:
    """Return one page of tracked, active and idle seconds and activity % per user and day (or per day)."""
    sql = _DAILY.format(
        key="user_id, day" if per_user else "NULL::uuid AS user_id, day",
        narrow=_narrow(users),
        group="user_id, day" if per_user else "day",
        order="day, user_id" if per_user else "day",
    )
    params = {"start": start, "end": end, "users": users, "limit": limit, "offset": offset}
    return conn.execute(sql, params, prepare=False).fetchall()


def productivity(conn: Conn, start: date, end: date, users: list[str] | None, limit: int, offset: int) -> list[dict]:
    """Return one page of productive / neutral / unproductive / idle seconds and the score per user and day."""
    return conn.execute(
        "SELECT user_id, day, productive_seconds::float8 AS productive_seconds,"
        " neutral_seconds::float8 AS neutral_seconds, unproductive_seconds::float8 AS unproductive_seconds,"
        " idle_seconds::float8 AS idle_seconds, active_seconds::float8 AS active_seconds, score::float8 AS score"
        f" FROM productivity_daily WHERE company_id = app.company_id() AND day BETWEEN %(start)s AND %(end)s"
        f"{_narrow(users)} ORDER BY day, user_id LIMIT %(limit)s OFFSET %(offset)s",
        {"start": start, "end": end, "users": users, "limit": limit, "offset": offset},
        prepare=False,
    ).fetchall()


def timeline(conn: Conn, user_id: str, start: datetime, end: datetime, interval: int) -> list[dict]:
    """Return activity % and idle seconds per `interval` seconds between start and end for one user's samples."""
    if end <= start:
        raise ValidationFailed("'from' must be before 'to'.", fields={"from": "not before to"})
    if (end - start).total_seconds() / interval > MAX_TIMELINE_BINS:
        raise ValidationFailed(
            "Too many intervals; widen 'interval' or narrow the range.",
            fields={"interval": f"at most {MAX_TIMELINE_BINS} intervals"},
        )
    return conn.execute(
        "SELECT date_bin(make_interval(secs => %(iv)s), started_at, %(start)s) AS start,"
        " sum(duration) AS seconds, sum(active_seconds) AS active_seconds,"
        " coalesce(sum(duration) FILTER (WHERE idle), 0) AS idle_seconds,"
        " sum(keyboard) AS keyboard, sum(mouse) AS mouse,"
        " round(100.0 * sum(active_seconds) / sum(duration), 1)::float8 AS activity_pct"
        " FROM activity_samples WHERE company_id = app.company_id() AND user_id = %(uid)s"
        " AND started_at >= %(start)s AND started_at < %(end)s GROUP BY 1 ORDER BY 1",
        {"iv": interval, "start": start, "end": end, "uid": user_id},
        prepare=False,
    ).fetchall()
