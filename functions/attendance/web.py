"""Route helpers shared by the attendance blueprints (the only sibling module besides routes that uses Flask)."""

from __future__ import annotations

from flask import g

from workmonitor import audit, events
from workmonitor.web import after_commit, caller, client_ip


def record_audit(conn, action: str, target_type: str, target_id, **details) -> None:
    """Write an audit row for the caller's action in the request's transaction."""
    me = caller()
    audit.record(
        conn,
        action,
        company_id=me.company_id,
        actor_id=me.user_id,
        target_type=target_type,
        target_id=target_id,
        ip=client_ip(),
        request_id=g.get("request_id"),
        details=details,
    )


def notify(user_id, event: str, payload: dict) -> None:
    """Publish `event` to the user's devices once the request's transaction has committed."""
    after_commit(lambda: events.publish(events.user_room(user_id), event, payload))
