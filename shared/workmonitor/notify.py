"""Notifications: store an in-app row, then (after commit) publish it live and enqueue email and push jobs.

Any function calls `notify(conn, user_id, kind, title, body, data)` inside its own transaction. What happens
is decided by the recipient's preferences (kind x channel; a missing row means DEFAULTS):
  in_app  a `notifications` row, listed by the messaging function and published to room "user:<id>"
  email   jobs.registry.SEND_EMAIL (SMTP adapter, or the outbox)
  push    jobs.registry.SEND_PUSH (FCM and APNs adapters)
Side effects run only after the transaction commits: inside a request through web.after_commit, elsewhere
through the `defer` callable the caller passes (and runs after its own commit).
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import psycopg

from . import events
from .config import settings
from .jobs import registry

KINDS = (
    "timesheet_submitted",
    "timesheet_approved",
    "timesheet_rejected",
    "leave_requested",
    "leave_decided",
    "chat_mention",
    "task_assigned",
)
CHANNELS = ("in_app", "email", "push")
DEFAULTS = {"in_app": True, "email": True, "push": True}
EVENT = "notification"
COLUMNS = "id, kind, title, body, data, read_at, created_at"

Defer = Callable[[Callable[[], object]], None]


def preferences(conn: psycopg.Connection, user_id) -> dict[str, dict[str, bool]]:
    """Return {kind: {in_app, email, push}} for every known kind, defaults filled in."""
    rows = conn.execute(
        "SELECT kind, in_app, email, push FROM notification_preferences WHERE user_id = %s", (str(user_id),)
    ).fetchall()
    stored = {r["kind"]: {c: r[c] for c in CHANNELS} for r in rows}
    return {kind: stored.get(kind, dict(DEFAULTS)) for kind in KINDS}


def set_preferences(conn: psycopg.Connection, company_id, user_id, changes: dict[str, dict[str, bool]]) -> None:
    """Upsert the caller's preferences for the kinds in `changes` (channels not given keep their value)."""
    current = preferences(conn, user_id)
    for kind, chans in changes.items():
        if kind not in KINDS:
            raise ValueError(f"unknown notification kind {kind}")
        merged = {**current[kind], **{c: bool(v) for c, v in chans.items() if c in CHANNELS}}
        conn.execute(
            "INSERT INTO notification_preferences (company_id, user_id, kind, in_app, email, push)"
            " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (user_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app,"
            " email = EXCLUDED.email, push = EXCLUDED.push, updated_at = now()",
            (str(company_id), str(user_id), kind, merged["in_app"], merged["email"], merged["push"]),
        )


def _request_defer() -> Defer | None:
    flask = sys.modules.get("flask")
    if flask is not None and flask.has_request_context():
        from .web import after_commit  # only inside a request: this module stays usable without Flask

        return after_commit
    return None


def notify(
    conn: psycopg.Connection,
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
    defer = defer or _request_defer()
    if defer is None:
        raise RuntimeError("notify() outside a request needs defer= (run the tasks after your commit)")
    user = conn.execute(
        "SELECT id, company_id, email, name, status FROM users WHERE id = %s", (str(user_id),)
    ).fetchone()
    if user is None or user["status"] != "active":
        return None
    prefs = preferences(conn, user["id"])[kind]
    note = {
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
        defer(
            lambda: registry.SEND_EMAIL.enqueue(
                user["email"],
                note["title"],
                text,
                f"notification-{note['id']}",
            )
        )
    if prefs["push"]:
        defer(
            lambda: registry.SEND_PUSH.enqueue(
                str(user["company_id"]),
                str(user["id"]),
                note["id"],
                note["title"],
                note["body"],
                {k: str(v) for k, v in note["data"].items()},
            )
        )
    return note


def approvers_of(conn: psycopg.Connection, user_id) -> list[str]:
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


def list_for(conn: psycopg.Connection, user_id, limit: int, offset: int, unread_only: bool) -> list[dict]:
    """Return up to limit + 1 of the user's notifications, newest first."""
    return conn.execute(
        f"SELECT {COLUMNS} FROM notifications WHERE user_id = %s AND (NOT %s OR read_at IS NULL)"
        " ORDER BY created_at DESC, id LIMIT %s OFFSET %s",
        (str(user_id), unread_only, limit + 1, offset),
    ).fetchall()


def unread_count(conn: psycopg.Connection, user_id) -> int:
    """Return how many of the user's notifications are unread."""
    return conn.execute(
        "SELECT count(*) AS n FROM notifications WHERE user_id = %s AND read_at IS NULL", (str(user_id),)
    ).fetchone()["n"]


def mark_read(conn: psycopg.Connection, user_id, notification_id: str) -> dict | None:
    """Mark one notification read (idempotent); return it, or None when it is not the user's."""
    return conn.execute(
        f"UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = %s AND user_id = %s"
        f" RETURNING {COLUMNS}",
        (notification_id, str(user_id)),
    ).fetchone()


def mark_all_read(conn: psycopg.Connection, user_id) -> int:
    """Mark every unread notification of the user read; return how many changed."""
    return conn.execute(
        "UPDATE notifications SET read_at = now() WHERE user_id = %s AND read_at IS NULL", (str(user_id),)
    ).rowcount
