"""The agent watchdog (scheduled): a desktop timer that runs while its agent has gone quiet is reported to the
company's admins once per entry (possible tampering: the agent killed or blocked while time keeps counting)."""

from __future__ import annotations

import psycopg

from ..config import settings
from ..db import Claims, transaction
from .alerts import raise_alert

SILENT_MINUTES = 15

# Running desktop timers older than the silence, with the last moment their user's agents reported since the start.
QUIET_SQL = """
SELECT e.id, e.user_id, e.started_at, s.last_seen
FROM time_entries e
LEFT JOIN LATERAL (
  SELECT max(a.started_at + make_interval(secs => a.duration)) AS last_seen FROM activity_samples a
  WHERE a.user_id = e.user_id AND a.started_at >= e.started_at - interval '1 hour'
) s ON true
WHERE e.ended_at IS NULL AND e.source = 'desktop'
  AND e.started_at < now() - make_interval(mins => %(m)s)
  AND coalesce(s.last_seen, e.started_at) < now() - make_interval(mins => %(m)s)
"""


def check_agents() -> dict[str, int]:
    """Alert on every running desktop timer whose agent stopped reporting; return counts (the scheduler's job)."""
    with psycopg.connect(settings().owner_database_url) as conn:
        companies = [
            str(r[0])
            for r in conn.execute(
                "SELECT DISTINCT company_id FROM time_entries WHERE ended_at IS NULL AND source = 'desktop'"
            ).fetchall()
        ]
    raised = 0
    for company_id in companies:
        raised += len(check_company(company_id))
    return {"companies": len(companies), "alerts": raised}


def check_company(company_id: str) -> list[str]:
    """Alert on one company's quiet agents (once per entry); return the new alerts' ids."""
    out = []
    with transaction(Claims.job(company_id)) as conn:
        for row in conn.execute(QUIET_SQL, {"m": SILENT_MINUTES}).fetchall():
            alert_id = raise_alert(
                conn,
                company_id,
                "agent_silent",
                subject_user_id=row["user_id"],
                details={
                    "timer_started_at": row["started_at"].isoformat(),
                    "last_report_at": row["last_seen"].isoformat() if row["last_seen"] else "none since the start",
                },
                dedup=f"agent_silent:{row['id']}",
            )
            if alert_id:
                out.append(alert_id)
    return out
