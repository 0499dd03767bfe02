"""A user's own inbox: in-app notifications, notification preferences and push device tokens.

Sending lives in `workmonitor.notify` (every domain calls it); this module is what the recipient reads and
changes, always their own rows (`user_id` is the caller).
"""

from __future__ import annotations

from ..db import Conn
from ..errors import NotFound, ValidationFailed, id_or_404
from ..notify import CHANNELS, KINDS, preferences

COLUMNS = "id, kind, title, body, data, read_at, created_at"
DEVICE_COLUMNS = "id, platform, label, created_at, last_seen_at"


def list_for(conn: Conn, user_id: str, limit: int, offset: int, unread_only: bool) -> list[dict]:
    """Return up to limit + 1 of the user's notifications, newest first."""
    return conn.execute(
        f"SELECT {COLUMNS} FROM notifications WHERE user_id = %s AND (NOT %s OR read_at IS NULL)"
        " ORDER BY created_at DESC, id LIMIT %s OFFSET %s",
        (user_id, unread_only, limit + 1, offset),
    ).fetchall()


def unread_count(conn: Conn, user_id: str) -> int:
    """Return how many of the user's notifications are unread."""
    row = conn.execute(
        "SELECT count(*) AS n FROM notifications WHERE user_id = %s AND read_at IS NULL", (user_id,)
    ).fetchone()
    assert row is not None  # an aggregate without GROUP BY yields one row
    return row["n"]


def mark_read(conn: Conn, user_id: str, notification_id: str) -> dict:
    """Mark one notification read (idempotent); return it; raise NotFound when it is not the user's."""
    row = conn.execute(
        f"UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = %s AND user_id = %s"
        f" RETURNING {COLUMNS}",
        (id_or_404(notification_id, "notification"), user_id),
    ).fetchone()
    if row is None:
        raise NotFound("No such notification.")
    return row


def mark_all_read(conn: Conn, user_id: str) -> int:
    """Mark every unread notification of the user read; return how many changed."""
    return conn.execute(
        "UPDATE notifications SET read_at = now() WHERE user_id = %s AND read_at IS NULL", (user_id,)
    ).rowcount


def delete(conn: Conn, user_id: str, notification_id: str) -> None:
    """Delete one of the user's notifications; raise NotFound when it is not theirs."""
    _delete_own(conn, "notifications", "notification", user_id, notification_id)


def _delete_own(conn: Conn, table: str, what: str, user_id: str, row_id: str) -> None:
    sql = f"DELETE FROM {table} WHERE id = %s AND user_id = %s RETURNING id"
    if conn.execute(sql, (id_or_404(row_id, what), user_id)).fetchone() is None:
        raise NotFound(f"No such {what}.")


def set_preferences(conn: Conn, company_id: str, user_id: str, changes: dict[str, dict[str, bool]]) -> None:
    """Upsert the user's preferences for the kinds in `changes` (channels not given keep their value).

    Raises ValidationFailed naming every unknown kind.
    """
    unknown = [k for k in changes if k not in KINDS]
    if unknown:
        raise ValidationFailed(
            "Unknown notification kinds.", fields={f"preferences.{k}": "unknown kind" for k in unknown}
        )
    current = preferences(conn, user_id)
    for kind, chans in changes.items():
        merged = {**current[kind], **{c: bool(v) for c, v in chans.items() if c in CHANNELS}}
        conn.execute(
            "INSERT INTO notification_preferences (company_id, user_id, kind, in_app, email, push)"
            " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (user_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app,"
            " email = EXCLUDED.email, push = EXCLUDED.push, updated_at = now()",
            (company_id, user_id, kind, merged["in_app"], merged["email"], merged["push"]),
        )


def devices(conn: Conn, user_id: str) -> list[dict]:
    """Return the user's registered push devices, oldest first."""
    return conn.execute(
        f"SELECT {DEVICE_COLUMNS} FROM device_tokens WHERE user_id = %s ORDER BY created_at", (user_id,)
    ).fetchall()


def register_device(conn: Conn, company_id: str, user_id: str, platform: str, token: str, label: str | None) -> dict:
    """Register (or refresh) a push token of the user; return the device."""
    row = conn.execute(
        "INSERT INTO device_tokens (company_id, user_id, platform, token, label) VALUES (%s, %s, %s, %s, %s)"
        " ON CONFLICT (user_id, platform, token) DO UPDATE SET last_seen_at = now(),"
        f" label = coalesce(EXCLUDED.label, device_tokens.label) RETURNING {DEVICE_COLUMNS}",
        (company_id, user_id, platform, token, label),
    ).fetchone()
    assert row is not None  # INSERT ... ON CONFLICT DO UPDATE ... RETURNING yields the row
    return row


def unregister_device(conn: Conn, user_id: str, device_id: str) -> None:
    """Forget one of the user's devices; raise NotFound when it is not theirs."""
    _delete_own(conn, "device_tokens", "device", user_id, device_id)


def unregister_token(conn: Conn, user_id: str, token: str) -> None:
    """Forget the user's devices with push token `token` (none: nothing happens)."""
    conn.execute("DELETE FROM device_tokens WHERE token = %s AND user_id = %s", (token, user_id))
