"""The audit log as admins read it (rows are written by `workmonitor.audit`, through `web.audit` in requests)."""

from __future__ import annotations

from datetime import datetime

from ..db import Conn


def list_entries(
    conn: Conn,
    company_id: str,
    action: str | None,
    limit: int,
    offset: int,
    *,
    actor_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[dict]:
    """Return up to limit + 1 audit rows of the company, newest first, filtered by action (exact, or a prefix
    ending in "."), actor and [since, until) when given."""
    prefix = action is not None and action.endswith(".")
    return conn.execute(
        "SELECT a.id, a.actor_id, u.name AS actor_name, a.action, a.target_type, a.target_id, host(a.ip) AS ip,"
        " a.request_id, a.details, a.created_at"
        " FROM audit_logs a LEFT JOIN users u ON u.id = a.actor_id"
        " WHERE a.company_id = %(company)s"
        " AND (%(action)s::text IS NULL OR (CASE WHEN %(prefix)s THEN starts_with(a.action, %(action)s)"
        "      ELSE a.action = %(action)s END))"
        " AND (%(actor)s::uuid IS NULL OR a.actor_id = %(actor)s::uuid)"
        " AND (%(since)s::timestamptz IS NULL OR a.created_at >= %(since)s)"
        " AND (%(until)s::timestamptz IS NULL OR a.created_at < %(until)s)"
        " ORDER BY a.id DESC LIMIT %(limit)s OFFSET %(offset)s",
        {
            "company": company_id,
            "action": action,
            "prefix": prefix,
            "actor": actor_id,
            "since": since,
            "until": until,
            "limit": limit + 1,
            "offset": offset,
        },
    ).fetchall()


def actions(conn: Conn, company_id: str) -> list[str]:
    """Return the distinct actions recorded for the company (for the audit page's filter), sorted."""
    rows = conn.execute(
        "SELECT DISTINCT action FROM audit_logs WHERE company_id = %s ORDER BY action LIMIT 500", (company_id,)
    ).fetchall()
    return [r["action"] for r in rows]
