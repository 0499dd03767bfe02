"""The team dashboard's numbers: per visible person, today and this week, activity %, and what runs now.

What must stay true:
- One statement, read under RLS: the people are the caller's visible set (app.visible_users(): everyone for an
  admin, the assigned employees for a manager), minus the caller; a manager never sees anyone else's numbers.
- "Today" and "this week" are each person's own local day and week (their time zone, the company's week start),
  the same periods their timesheet uses; a running timer counts up to now.
"""

from __future__ import annotations

from ..db import Conn, Row

_OVERLAP = (
    "(SELECT coalesce(sum(extract(epoch FROM least(coalesce(e.ended_at, now()), b.day_end)"
    " - greatest(e.started_at, {start}))), 0)::bigint FROM time_entries e WHERE e.user_id = b.id"
    " AND e.started_at < b.day_end AND coalesce(e.ended_at, now()) > {start})"
)

SUMMARY_SQL = f"""
WITH people AS (
  SELECT u.id, u.name, u.email, u.role, u.timezone, (now() AT TIME ZONE u.timezone)::date AS today
    FROM users u
   WHERE u.status = 'active' AND u.id <> app.user_id()
     AND ((SELECT app.visible_users()) IS NULL OR u.id = ANY ((SELECT app.visible_users())::uuid[]))
), b AS (
  SELECT p.*, (p.today::timestamp AT TIME ZONE p.timezone) AS day_start,
         ((p.today + 1)::timestamp AT TIME ZONE p.timezone) AS day_end,
         ((p.today - ((extract(isodow FROM p.today)::int - %(ws)s + 7) %% 7))::timestamp AT TIME ZONE p.timezone)
           AS week_start
    FROM people p
)
SELECT b.id AS user_id, b.name, b.email, b.role, b.timezone, b.today AS date,
       {_OVERLAP.format(start="b.day_start")} AS today_seconds,
       {_OVERLAP.format(start="b.week_start")} AS week_seconds,
       act.activity_pct, act.idle_seconds, act.last_seen_at,
       shots.last_screenshot_at, coalesce(shots.screenshots_today, 0) AS screenshots_today,
       r.id AS entry_id, r.started_at AS running_since, r.project_id, pr.name AS project_name,
       pr.color AS project_color, r.description
  FROM b
  LEFT JOIN time_entries r ON r.user_id = b.id AND r.ended_at IS NULL
  LEFT JOIN projects pr ON pr.id = r.project_id
  LEFT JOIN LATERAL (
    SELECT round(100.0 * sum(s.active_seconds) / nullif(sum(s.duration), 0), 1)::float8 AS activity_pct,
           coalesce(sum(s.duration) FILTER (WHERE s.idle), 0)::bigint AS idle_seconds,
           max(s.started_at + make_interval(secs => s.duration)) AS last_seen_at
      FROM activity_samples s
     WHERE s.company_id = app.company_id() AND s.user_id = b.id
       AND s.started_at >= b.day_start AND s.started_at < b.day_end
  ) act ON true
  LEFT JOIN LATERAL (
    SELECT max(sc.taken_at) AS last_screenshot_at, count(*) AS screenshots_today
      FROM screenshots sc
     WHERE sc.user_id = b.id AND sc.taken_at >= b.day_start AND sc.taken_at < b.day_end
  ) shots ON true
 ORDER BY (r.id IS NULL), lower(b.name), b.id
"""


def team_summary(conn: Conn, week_start: int) -> list[Row]:
    """Return one row per visible active person (not the caller): today/week seconds, activity, running timer."""
    return conn.execute(SUMMARY_SQL, {"ws": week_start}, prepare=False).fetchall()
