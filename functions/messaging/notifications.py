"""Notification routes: the caller's in-app notifications, unread badges and notification preferences."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor import notify
from workmonitor.messaging import channels, inbox
from workmonitor.messaging.models import (
    Badges,
    Marked,
    NoBody,
    NotificationOut,
    NotificationPage,
    PrefsDetail,
    PrefsIn,
    PrefsOut,
    UnreadCount,
)
from workmonitor.web import body, caller, db, page, paginated, responds

bp = Blueprint("notifications", __name__)


@bp.get("/notifications")
@responds(NotificationPage)
def list_notifications():
    """List the caller's notifications, newest first (?unread=true), with the unread count."""
    limit, offset = page()
    conn, me = db(), caller()
    rows = inbox.list_for(conn, me.user_id, limit, offset, request.args.get("unread") == "true")
    return paginated(rows, limit, offset, unread_count=inbox.unread_count(conn, me.user_id))


@bp.get("/notifications/unread-count")
@responds(UnreadCount)
def notifications_unread_count():
    """Count the caller's unread notifications."""
    return {"unread_count": inbox.unread_count(db(), caller().user_id)}


@bp.post("/notifications/<notification_id>/read")
@responds(NotificationOut, body=NoBody)
def read_notification(notification_id: str):
    """Mark one notification read."""
    body(NoBody)
    return {"notification": inbox.mark_read(db(), caller().user_id, notification_id)}


@bp.get("/unread")
@responds(Badges)
def unread_badges():
    """Unread chat messages per channel and unread notifications."""
    conn, me = db(), caller()
    chat = channels.unread(conn, me.user_id)
    return {"chat": chat, "chat_total": sum(chat.values()), "notifications": inbox.unread_count(conn, me.user_id)}


@bp.delete("/notifications/<notification_id>")
@responds(None, 204)
def delete_notification(notification_id: str):
    """Delete one notification."""
    inbox.delete(db(), caller().user_id, notification_id)
    return "", 204


@bp.post("/notifications/read-all")
@responds(Marked, body=NoBody)
def read_all_notifications():
    """Mark every notification read."""
    body(NoBody)
    return {"marked": inbox.mark_all_read(db(), caller().user_id)}


@bp.get("/notification-preferences")
@responds(PrefsDetail)
def get_preferences():
    """The caller's preferences per kind and channel, with every kind and channel."""
    prefs = notify.preferences(db(), caller().user_id)
    return {"preferences": prefs, "kinds": list(notify.KINDS), "channels": list(notify.CHANNELS)}


@bp.put("/notification-preferences")
@responds(PrefsOut, body=PrefsIn)
def put_preferences():
    """Change the caller's preferences (channels not given keep their value)."""
    changes = {k: v.model_dump(exclude_none=True) for k, v in body(PrefsIn).preferences.items()}
    me, conn = caller(), db()
    inbox.set_preferences(conn, me.company_id, me.user_id, changes)
    return {"preferences": notify.preferences(conn, me.user_id)}
