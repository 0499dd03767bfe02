"""The audit log as admins read it (rows are written by `workmonitor.audit`, through `web.audit` in requests)."""

from __future__ import annotations

from ..db import Conn


def list_entries(conn: Conn, company_id: str, action: str | None, limit: int, offset: int) -> list[dict]:
    """Return up to limit + 1 audit rows of the company, newest first, of one `action` when given."""
    return conn.execute(
        "SELECT id, actor_id, action, target_type, target_id, ip::text AS ip, request_id, details, created_at"
        " FROM audit_logs WHERE company_id = %s AND (%s::text IS NULL OR action = %s)"
        " ORDER BY id DESC LIMIT %s OFFSET %s",
        (company_id, action, action, limit + 1, offset),
    ).fetchall()
