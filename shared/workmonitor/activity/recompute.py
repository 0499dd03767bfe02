"""Rollup recompute: after a rule edit only the days the rule can change, in small batches that ingest barely notices.

What must stay true:
- one batch = one (user, day) in one short transaction holding that pair's EXCLUSIVE advisory lock; ingest and
  heartbeats hold the SHARED lock of the pairs they add to (see `capture`). The batch reads raw data and rules
  in statements after the lock is granted, so it sees every committed ingest and none is counted twice;
  an ingest that waits meanwhile adds to the replaced rows once the batch commits.
- a batch replaces that day's rows (never adds to them), so a job is safe to run twice, or killed and rerun.
- a rule edit is committed before its job is enqueued, so every batch classifies with it (or a newer rule).
"""

from __future__ import annotations

from datetime import date

from ..db import Claims, Conn, transaction
from .capture import DAY_LOCK
from .productivity import Rule, add_daily, daily_increments, matches, normalize_domain, rules_for_user

# The day's rollup rows rebuilt from raw samples and events ([lo, hi) = the local day in the user's time zone).
_REBUILD = """
WITH b AS (SELECT (%(day)s::date::timestamp AT TIME ZONE u.timezone) AS lo,
                  ((%(day)s::date + 1)::timestamp AT TIME ZONE u.timezone) AS hi FROM users u WHERE u.id = %(uid)s)
INSERT INTO activity_daily (company_id, user_id, day, app, domain, seconds, active_seconds, idle_seconds, samples)
SELECT %(cid)s, %(uid)s, %(day)s, app, domain, sum(seconds), sum(active), sum(idle), sum(n) FROM (
  SELECT s.app, coalesce(s.domain, '') AS domain, sum(s.duration) AS seconds, sum(s.active_seconds) AS active,
         coalesce(sum(s.duration) FILTER (WHERE s.idle), 0) AS idle, count(*) AS n
  FROM activity_samples s, b WHERE s.company_id = %(cid)s AND s.user_id = %(uid)s
    AND s.started_at >= b.lo AND s.started_at < b.hi GROUP BY 1, 2
  UNION ALL
  SELECT e.app, e.domain, sum(e.duration), 0, 0, count(*)
  FROM activity_events e, b WHERE e.company_id = %(cid)s AND e.user_id = %(uid)s
    AND e.started_at >= b.lo AND e.started_at < b.hi AND (e.app <> '' OR e.domain <> '') GROUP BY 1, 2
) x GROUP BY app, domain ORDER BY app, domain
"""

# Every (user, day) with raw data or a rollup row after the raw floor (days before it lost their raw samples to
# retention: their rollups are the record and stay): what a full recompute visits.
_ALL_DAYS = """
SELECT user_id::text AS user_id, day FROM activity_daily WHERE company_id = %(cid)s
  AND day > coalesce((SELECT since FROM activity_raw_floor)::date, '-infinity')
UNION
SELECT s.user_id::text, (s.started_at AT TIME ZONE u.timezone)::date FROM activity_samples s
  JOIN users u ON u.id = s.user_id WHERE s.company_id = %(cid)s
UNION
SELECT e.user_id::text, (e.started_at AT TIME ZONE u.timezone)::date FROM activity_events e
  JOIN users u ON u.id = e.user_id WHERE e.company_id = %(cid)s AND (e.app <> '' OR e.domain <> '')
ORDER BY 2, 1
"""


def recompute_day(conn: Conn, company_id: str, user_id: str, day: date, raw: bool = False) -> None:
    """Rebuild one (user, day)'s productivity row from its rollup (and the rollup from raw data when `raw`).

    Run it in a transaction of its own: it holds the pair's exclusive lock until that transaction ends.
    """
    args = {"cid": company_id, "uid": user_id, "day": day}
    conn.execute(f"SELECT pg_advisory_xact_lock({DAY_LOCK.format(day='%(day)s::date')})", args)
    if raw:
        conn.execute("DELETE FROM activity_daily WHERE user_id = %(uid)s AND day = %(day)s", args)
        conn.execute(_REBUILD, args)
    rows = conn.execute(
        "SELECT day, app, domain, seconds, active_seconds, idle_seconds FROM activity_daily"
        " WHERE user_id = %(uid)s AND day = %(day)s",
        args,
    ).fetchall()
    increments = daily_increments(rules_for_user(conn, user_id), rows)
    if increments:
        add_daily(conn, company_id, user_id, increments, replace=True)
    else:
        conn.execute("DELETE FROM productivity_daily WHERE user_id = %(uid)s AND day = %(day)s", args)


def affected_days(conn: Conn, company_id: str, rules: list[dict]) -> list[tuple[str, date]]:
    """Return the (user, day) pairs whose rollups hold an app or domain that one of `rules` matches, day order.

    `rules` are {target, match_type, pattern} (the old and the new version of an edited rule).
    """
    days: set[tuple[str, date]] = set()
    for target in ("app", "domain"):
        mine = [Rule(target, r["match_type"], r["pattern"], "", False) for r in rules if r["target"] == target]
        if not mine:
            continue
        names = conn.execute(
            f"SELECT DISTINCT {target} AS name FROM activity_daily WHERE company_id = %s AND {target} <> ''",
            (company_id,),
        ).fetchall()
        norm = normalize_domain if target == "domain" else str
        hit = [n["name"] for n in names if any(matches(r, norm(n["name"])) for r in mine)]
        if hit:
            rows = conn.execute(
                f"SELECT DISTINCT user_id::text AS user_id, day FROM activity_daily"
                f" WHERE company_id = %s AND {target} = ANY(%s)",
                (company_id, hit),
            ).fetchall()
            days.update((r["user_id"], r["day"]) for r in rows)
    return sorted(days, key=lambda p: (p[1], p[0]))


def run_batches(company_id: str, days: list[tuple[str, date]], raw: bool = False) -> int:
    """Recompute each (user, day) in a transaction of its own; return how many."""
    for user_id, day in days:
        with transaction(Claims.job(company_id)) as conn:
            recompute_day(conn, company_id, user_id, day, raw)
    return len(days)


def recompute_rule_change(company_id: str, rules: list[dict]) -> dict:
    """RQ job (queue "reports"): recompute the days an edited rule (old and new version) can change; idempotent."""
    with transaction(Claims.job(company_id)) as conn:
        days = affected_days(conn, str(company_id), rules)
    return {"days": run_batches(str(company_id), days)}


def recompute_company(company_id: str) -> dict:
    """RQ job (queue "reports"): rebuild every day of one company's rollups from raw data, day by day; idempotent."""
    with transaction(Claims.job(company_id)) as conn:
        days = [(r["user_id"], r["day"]) for r in conn.execute(_ALL_DAYS, {"cid": str(company_id)}).fetchall()]
    return {"days": run_batches(str(company_id), days, raw=True)}
