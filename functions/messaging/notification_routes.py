"""messaging routes: in-app notifications, notification preferences and push device tokens (thin)."""

from __future__ import annotations

from typing import Annotated, Literal

from flask import Flask, request
from pydantic import StringConstraints

from workmonitor import notify
from workmonitor.errors import NotFound, ValidationFailed
from workmonitor.schemas import Input
from workmonitor.web import body, caller, db, page, paginated

from . import channels as channels

DEVICE_COLUMNS = "id, platform, label, created_at, last_seen_at"


class ChannelPrefs(Input):
    in_app: bool | None = None
    email: bool | None = None
    push: bool | None = None


class PrefsIn(Input):
    preferences: dict[str, ChannelPrefs]


class DeviceIn(Input):
    platform: Literal["fcm", "apns"]
    token: Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=4096)]
    label: Annotated[str, StringConstraints(max_length=200)] | None = None


class NoBody(Input):
    """Routes that take no fields still refuse a malformed or unexpected body."""


class DeviceTokenIn(Input):
    token: Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=4096)]


def register(app: Flask) -> None:
    """Add the notification, preference and device routes to `app`."""

    @app.get("/notifications")
    def list_notifications():
        limit, offset = page()
        conn, me = db(), caller()
        rows = notify.list_for(conn, me.user_id, limit, offset, request.args.get("unread") == "true")
        return paginated(rows, limit, offset, unread_count=notify.unread_count(conn, me.user_id))

    @app.get("/notifications/unread-count")
    def notifications_unread_count():
        return {"unread_count": notify.unread_count(db(), caller().user_id)}

    @app.post("/notifications/<notification_id>/read")
    def read_notification(notification_id: str):
        body(NoBody)
        row = notify.mark_read(db(), caller().user_id, channels.as_uuid(notification_id, "notification"))
        if row is None:
            raise NotFound("No such notification.")
        return {"notification": row}

    @app.get("/unread")
    def unread_badges():
        conn, me = db(), caller()
        chat = channels.unread(conn, me.user_id)
        return {"chat": chat, "chat_total": sum(chat.values()), "notifications": notify.unread_count(conn, me.user_id)}

    @app.delete("/notifications/<notification_id>")
    def delete_notification(notification_id: str):
        row = (
            db()
            .execute(
                "DELETE FROM notifications WHERE id = %s AND user_id = %s RETURNING id",
                (channels.as_uuid(notification_id, "notification"), caller().user_id),
            )
            .fetchone()
        )
        if row is None:
            raise NotFound("No such notification.")
        return "", 204

    @app.post("/notifications/read-all")
    def read_all_notifications():
        body(NoBody)
        return {"marked": notify.mark_all_read(db(), caller().user_id)}

    @app.get("/notification-preferences")
    def get_preferences():
        return {
            "preferences": notify.preferences(db(), caller().user_id),
            "kinds": list(notify.KINDS),
            "channels": list(notify.CHANNELS),
        }

    @app.put("/notification-preferences")
    def put_preferences():
        data = body(PrefsIn)
        unknown = [k for k in data.preferences if k not in notify.KINDS]
        if unknown:
            raise ValidationFailed(
                "Unknown notification kinds.", fields={f"preferences.{k}": "unknown kind" for k in unknown}
            )
        me, conn = caller(), db()
        notify.set_preferences(
            conn, me.company_id, me.user_id, {k: v.model_dump(exclude_none=True) for k, v in data.preferences.items()}
        )
        return {"preferences": notify.preferences(conn, me.user_id)}

    @app.get("/devices")
    def list_devices():
        rows = (
            db()
            .execute(
                f"SELECT {DEVICE_COLUMNS} FROM device_tokens WHERE user_id = %s ORDER BY created_at",
                (caller().user_id,),
            )
            .fetchall()
        )
        return {"items": rows}

    @app.post("/devices")
    def register_device():
        data = body(DeviceIn)
        me = caller()
        row = (
            db()
            .execute(
                "INSERT INTO device_tokens (company_id, user_id, platform, token, label) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT (user_id, platform, token) DO UPDATE SET last_seen_at = now(),"
                f" label = coalesce(EXCLUDED.label, device_tokens.label) RETURNING {DEVICE_COLUMNS}",
                (me.company_id, me.user_id, data.platform, data.token, data.label),
            )
            .fetchone()
        )
        return {"device": row}, 201

    @app.delete("/devices/<device_id>")
    def unregister_device(device_id: str):
        row = (
            db()
            .execute(
                "DELETE FROM device_tokens WHERE id = %s AND user_id = %s RETURNING id",
                (channels.as_uuid(device_id, "device"), caller().user_id),
            )
            .fetchone()
        )
        if row is None:
            raise NotFound("No such device.")
        return "", 204

    @app.post("/devices/unregister")
    def unregister_token():
        data = body(DeviceTokenIn)
        db().execute("DELETE FROM device_tokens WHERE token = %s AND user_id = %s", (data.token, caller().user_id))
        return "", 204
