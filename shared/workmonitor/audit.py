"""Audit log rows for sensitive actions; written in the caller's transaction so they commit with the action."""

from __future__ import annotations

import json

from .db import Conn


def record(
    conn: Conn,
    action: str,
    *,
    company_id: str | None,
    actor_id: str | None = None,
    target_type: str | None = None,
    target_id: str | None = None,
    ip: str | None = None,
    request_id: str | None = None,
    details: dict | None = None,
) -> None:
    """Insert one audit row."""
    conn.execute(
        "INSERT INTO audit_logs (company_id, actor_id, action, target_type, target_id, ip, request_id, details)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        (
            company_id,
            actor_id,
            action,
            target_type,
            None if target_id is None else str(target_id),
            ip,
            request_id,
            json.dumps(details or {}, default=str),
        ),
    )
