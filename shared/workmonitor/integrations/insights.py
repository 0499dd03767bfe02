"""Work-pattern insights of one person, computed in SQL from their time entries (no model involved): hours per
week and their trend, focus blocks, meeting load, and burnout-risk indicators (long days, weekend and late work,
missed breaks). Days and hours are the person's local ones.

Definitions (shown to users next to the numbers):
- a stretch is tracked time with no gap over BREAK_MINUTES; a focus block is a stretch of FOCUS_MINUTES or more
  with no meeting in it;
- a long day has more than LONG_DAY_HOURS tracked; late work is tracked time between LATE_HOUR and midnight;
- a missed break is a stretch longer than NO_BREAK_HOURS;
- meetings are entries made from calendar events (accepted suggestions);
- rising hours: the last full week is more than 10 % above the mean of the weeks before it.
"""

from __future__ import annotations

from datetime import date

from ..db import Conn, Row

BREAK_MINUTES = 15
FOCUS_MINUTES = 90
LONG_DAY_HOURS = 10
LATE_HOUR = 20
NO_BREAK_HOURS = 6

INSIGHTS_SQL = """
WITH u AS (SELECT id, timezone FROM users WHERE id = %(uid)s AND app.can_see_user(id)),
e AS (
  SELECT (e.started_at AT TIME ZONE u.timezone) AS s, (e.ended_at AT TIME ZONE u.timezone) AS f,
         app.calendar_entry(e.id) AS meeting
  FROM time_entries e JOIN u ON u.id = e.user_id
  WHERE e.ended_at IS NOT NULL
    AND e.started_at < ((%(last)s::date + 1)::timestamp AT TIME ZONE u.timezone)
    AND e.ended_at > (%(first)s::date::timestamp AT TIME ZONE u.timezone)
),
-- each entry cut at local midnights: (day, start, end) in local wall time
pieces AS (
  SELECT d::date AS day, greatest(e.s, d) AS s, least(e.f, d + interval '1 day') AS f, e.meeting
  FROM e, generate_series(date_trunc('day', e.s), date_trunc('day', e.f - interval '1 microsecond'), interval '1 day') d
  WHERE d::date BETWEEN %(first)s AND %(last)s
),
days AS (
  SELECT day, sum(extract(epoch FROM f - s)) AS secs,
         sum(extract(epoch FROM greatest(interval '0', f - greatest(s, day + make_interval(hours => %(late)s)))))
           AS late
  FROM pieces GROUP BY day
),
-- stretches: entries joined while the gap to the previous one is at most BREAK_MINUTES
marked AS (
  SELECT s, f, meeting,
         CASE WHEN s - lag(f) OVER (ORDER BY s) <= make_interval(mins => %(gap)s) THEN 0 ELSE 1 END AS new
  FROM e
),
grouped AS (SELECT s, f, meeting, sum(new) OVER (ORDER BY s) AS g FROM marked),
stretches AS (
  SELECT min(s) AS s, max(f) AS f, bool_or(meeting) AS has_meeting, sum(extract(epoch FROM f - s)) AS secs
  FROM grouped GROUP BY g
),
weeks AS (
  SELECT date_trunc('week', day)::date AS week, sum(secs) AS secs FROM days GROUP BY 1
)
SELECT
  (SELECT coalesce(sum(secs), 0) FROM days) AS tracked_seconds,
  (SELECT count(*) FROM days) AS days_worked,
  (SELECT count(*) FROM days WHERE secs > %(long)s * 3600) AS long_days,
  (SELECT count(*) FROM days WHERE extract(isodow FROM day) >= 6) AS weekend_days,
  (SELECT coalesce(sum(late), 0) FROM days) AS late_seconds,
  (SELECT count(*) FROM stretches WHERE extract(epoch FROM f - s) > %(nobreak)s * 3600) AS missed_breaks,
  (SELECT count(*) FROM stretches WHERE NOT has_meeting AND secs >= %(focus)s * 60) AS focus_blocks,
  (SELECT coalesce(sum(secs), 0) FROM stretches WHERE NOT has_meeting AND secs >= %(focus)s * 60) AS focus_seconds,
  (SELECT coalesce(sum(extract(epoch FROM f - s)), 0) FROM pieces WHERE meeting) AS meeting_seconds,
  (SELECT coalesce(json_agg(json_build_object('week', week, 'seconds', round(secs)) ORDER BY week), '[]')
   FROM weeks) AS weeks,
  (SELECT count(*) FROM u) AS visible
"""


def person(conn: Conn, user_id: str, first: date, last: date) -> Row | None:
    """Return the insights of `user_id` over local days first..last, or None when the caller may not see them."""
    row = conn.execute(
        INSIGHTS_SQL,
        {
            "uid": user_id,
            "first": first,
            "last": last,
            "late": LATE_HOUR,
            "gap": BREAK_MINUTES,
            "long": LONG_DAY_HOURS,
            "nobreak": NO_BREAK_HOURS,
            "focus": FOCUS_MINUTES,
        },  # fmt: skip
    ).fetchone()
    if row is None or not row.pop("visible"):
        return None
    weeks = row["weeks"]
    row["rising_hours"] = _rising([w["seconds"] for w in weeks])
    row["tracked_seconds"] = round(row["tracked_seconds"])
    for key in ("late_seconds", "focus_seconds", "meeting_seconds"):
        row[key] = round(row[key])
    return row


def _rising(seconds: list[float]) -> bool:
    """Return whether the last week's hours exceed the mean of the weeks before it by more than 10 %."""
    if len(seconds) < 2:
        return False
    earlier = seconds[:-1]
    return seconds[-1] > 1.1 * (sum(earlier) / len(earlier))


DEFINITIONS = {
    "stretch": f"tracked time with no gap over {BREAK_MINUTES} minutes",
    "focus_block": f"a stretch of {FOCUS_MINUTES} minutes or more with no meeting in it",
    "long_day": f"more than {LONG_DAY_HOURS} hours tracked in one day",
    "late_work": f"time tracked between {LATE_HOUR}:00 and midnight",
    "missed_break": f"a stretch longer than {NO_BREAK_HOURS} hours",
    "meeting": "an entry made from a calendar event",
    "rising_hours": "the last week is more than 10 % above the mean of the weeks before it",
}


def shaped(row: Row, user_id: str, first: date, last: date) -> dict:
    """Return the wire shape of `person`'s row."""
    return {"user_id": user_id, "first_day": first, "last_day": last, "definitions": DEFINITIONS, **row}


def team(conn: Conn, first: date, last: date, limit: int = 200) -> list[dict]:
    """Return the insights of every active person the caller sees (a manager: their employees and themselves)."""
    ids = [
        str(r["id"])
        for r in conn.execute(
            "SELECT id FROM users WHERE status = 'active' AND app.can_see_user(id) ORDER BY name LIMIT %s", (limit,)
        ).fetchall()
    ]
    out = []
    for uid in ids:
        row = person(conn, uid, first, last)
        if row is not None:
            out.append(shaped(row, uid, first, last))
    return out
