"""Notifications: store an in-app row, then (after commit) publish it live and enqueue email and push jobs.

Any function calls `notify(conn, user_id, kind, title, body, data)` inside its own transaction. What happens
is decided by the recipient's preferences (kind x channel; a missing row means DEFAULTS):
  in_app  a `notifications` row (read through workmonitor.messaging.inbox), published to room "user:<id>"
  email   workmonitor.jobs.email.send_email on the "email" queue (SMTP adapter, or the outbox)
  push    workmonitor.jobs.notifications.send_push on the "default" queue (FCM and APNs adapters)
Side effects run only after the transaction commits: inside a request through web.after_commit, elsewhere
through the `defer` callable the caller passes (and runs after its own commit).
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from . import events
from .config import settings
from .db import Conn
from .jobs import registry
from .jobs.outbox import Defer, request_defer

KINDS = (
    "timesheet_submitted",
    "timesheet_approved",
    "timesheet_rejected",
    "leave_requested",
    "leave_decided",
    "chat_mention",
    "task_assigned",
    "expense_submitted",
    "expense_decided",
    "billing_subscribed",
    "billing_payment_succeeded",
    "billing_payment_failed",
    "export_ready",
)
CHANNELS = ("in_app", "email", "push")
DEFAULTS = {"in_app": True, "email": True, "push": True}
EVENT = "notification"


def preferences(conn: Conn, user_id) -> dict[str, dict[str, bool]]:
    """Return {kind: {in_app, email, push}} for every known kind, defaults filled in."""
    rows = conn.execute(
        "SELECT kind, in_app, email, push FROM notification_preferences WHERE user_id = %s", (str(user_id),)
    ).fetchall()
    stored = {r["kind"]: {c: r[c] for c in CHANNELS} for r in rows}
    return {kind: stored.get(kind, dict(DEFAULTS)) for kind in KINDS}


def notify(
    conn: Conn,
    user_id,
    kind: str,
    title: str,
    body: str = "",
    data: dict | None = None,
    *,
    defer: Defer | None = None,
) -> dict | None:
    """Notify `user_id` per their preferences; return the notification (None for an unknown/inactive user).

    Raises ValueError for an unknown kind and RuntimeError outside a request when `defer` is not given.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind}")
    defer = defer or request_defer()
    if defer is None:
        raise RuntimeError("notify() outside a request needs defer= (run the tasks after your commit)")
    user = conn.execute(
        "SELECT id, company_id, email, name, status FROM users WHERE id = %s", (str(user_id),)
    ).fetchone()
    if user is None or user["status"] != "active":
        return None
    prefs = preferences(conn, user["id"])[kind]
    note: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "kind": kind,
        "title": title[:200],
        "body": (body or "")[:2000],
        "data": data or {},
        "read_at": None,
        "created_at": datetime.now(UTC),
    }
    if prefs["in_app"]:
        # No RETURNING: the sender may write a colleague's notification but not read it back (RLS).
        conn.execute(
            "INSERT INTO notifications (id, company_id, user_id, kind, title, body, data, created_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (
                note["id"],
                user["company_id"],
                user["id"],
                kind,
                note["title"],
                note["body"],
                json.dumps(note["data"], default=str),
                note["created_at"],
            ),
        )
        defer(lambda: events.publish(events.user_room(user["id"]), EVENT, note))
    if prefs["email"]:
        text = _email_text(note)
        registry.SEND_EMAIL.enqueue(conn, user["email"], note["title"], text, f"notification-{note['id']}", defer=defer)
    if prefs["push"]:
        registry.SEND_PUSH.enqueue(
            conn,
            str(user["company_id"]),
            str(user["id"]),
            note["id"],
            note["title"],
            note["body"],
            {k: str(v) for k, v in note["data"].items()},
            defer=defer,
        )
    return note


def approvers_of(conn: Conn, user_id) -> list[str]:
    """Return the ids of the active managers assigned to `user_id`, else of the company's active admins.

    The user themself is never in the list (an admin's own request goes to the other admins).
    """
    managers = conn.execute(
        "SELECT u.id FROM manager_assignments m JOIN users u ON u.id = m.manager_id"
        " WHERE m.employee_id = %s AND u.status = 'active' AND u.id <> %s ORDER BY u.id",
        (str(user_id), str(user_id)),
    ).fetchall()
    if managers:
        return [str(r["id"]) for r in managers]
    return [
        str(r["id"])
        for r in conn.execute(
            "SELECT id FROM users WHERE company_id = app.company_id() AND role = 'admin' AND status = 'active'"
            " AND id <> %s ORDER BY id",
            (str(user_id),),
        ).fetchall()
    ]


def _email_text(note: dict) -> str:
    url = settings().public_url
    return (
        f"{note['body'] or note['title']}\n\nOpen WorkMonitor: {url}/notifications\n\n"
        f"You get this email because of your notification settings: {url}/settings/notifications"
    )
