"""Chat channels and membership: plain SQL under the caller's RLS claims."""

from __future__ import annotations

import json
import uuid

import psycopg

from .. import events, keys
from ..db import Conn
from ..errors import Conflict, Forbidden, NotFound, ValidationFailed, id_or_404
from ..redis_client import client as redis_client

CONTROL_CHANNEL = keys.GATEWAY_CONTROL
CHANNEL_COLUMNS = (
    "c.id, c.kind, c.name, c.topic, c.created_by, c.archived_at, c.created_at,"
    " cardinality(c.member_ids) AS member_count"
)


def room(channel_id) -> str:
    """Return the Socket.IO room of a channel."""
    return f"channel:{channel_id}"


def control(kind: str, user_id: object, channel_id: object) -> None:
    """Tell every gateway process to join/leave the user's sockets to/from the channel room."""
    redis_client().publish(
        CONTROL_CHANNEL, json.dumps({"type": kind, "user_id": str(user_id), "room": room(channel_id)})
    )


def announce_membership(channel_id: object, user_ids: list[str], joined: bool) -> None:
    """After commit: tell the gateways, the channel and each person's devices about a membership change."""
    kind, event = ("join", "chat.member_added") if joined else ("leave", "chat.member_removed")
    for uid in user_ids:
        control(kind, uid, channel_id)
        payload = {"channel_id": channel_id, "user_id": uid}
        events.publish(room(channel_id), event, payload)
        events.publish(events.user_room(uid), event, payload)


def announce(channel_id: object, event: str, payload: dict) -> None:
    """After commit: publish `event` to the channel's room."""
    events.publish(room(channel_id), event, payload)


def as_uuid(value: object, what: str = "channel") -> str:
    """Return `value` as a canonical UUID string; raise NotFound for anything else."""
    return id_or_404(value, what)


def get(conn: Conn, channel_id, me) -> dict:
    """Return the channel as the caller sees it (with is_member); raise NotFound when RLS hides it."""
    row = conn.execute(
        f"SELECT {CHANNEL_COLUMNS}, m.user_id IS NOT NULL AS is_member, m.last_read_message_id, m.last_read_at"
        " FROM chat_channels c LEFT JOIN chat_channel_members m ON m.channel_id = c.id AND m.user_id = %s"
        " WHERE c.id = %s",
        (str(me), as_uuid(channel_id)),
    ).fetchone()
    if row is None:
        raise NotFound("No such channel.")
    return row


def require_member(conn: Conn, channel_id, me) -> dict:
    """Return the channel when the caller is a member; raise NotFound (hidden) or Forbidden (not joined)."""
    channel = get(conn, channel_id, me)
    if not channel["is_member"]:
        raise Forbidden("Join this channel first.", code="not_a_member")
    return channel


def list_for(conn: Conn, me, joined_only: bool, include_archived: bool, limit: int, offset: int) -> list[dict]:
    """Return up to limit + 1 visible channels with membership, unread counts and the DM partner."""
    return conn.execute(
        f"SELECT {CHANNEL_COLUMNS}, m.user_id IS NOT NULL AS is_member, m.last_read_message_id, m.last_read_at,"
        " CASE WHEN m.user_id IS NULL THEN 0 ELSE (SELECT count(*) FROM chat_messages x WHERE x.channel_id = c.id"
        "   AND x.id > coalesce(m.last_read_message_id, 0) AND x.deleted_at IS NULL"
        "   AND x.author_id IS DISTINCT FROM %(me)s) END AS unread_count,"
        " (SELECT max(x.id) FROM chat_messages x WHERE x.channel_id = c.id) AS last_message_id,"
        " CASE WHEN c.kind = 'dm' THEN (SELECT u FROM unnest(c.member_ids) u WHERE u <> %(me)s LIMIT 1) END"
        "   AS dm_user_id"
        " FROM chat_channels c LEFT JOIN chat_channel_members m ON m.channel_id = c.id AND m.user_id = %(me)s"
        " WHERE (NOT %(joined)s OR m.user_id IS NOT NULL) AND (%(archived)s OR c.archived_at IS NULL)"
        " ORDER BY (m.user_id IS NULL), c.kind = 'dm', lower(coalesce(c.name, '')), c.id"
        " LIMIT %(limit)s OFFSET %(offset)s",
        {"me": str(me), "joined": joined_only, "archived": include_archived, "limit": limit + 1, "offset": offset},
    ).fetchall()


def _check_users(conn: Conn, user_ids: list[str]) -> list[str]:
    ids = sorted({as_uuid(u, "user") for u in user_ids})
    found = {
        str(r["id"])
        for r in conn.execute(
            "SELECT id FROM users WHERE id = ANY(%s::uuid[]) AND status = 'active'", (ids,)
        ).fetchall()
    }
    missing = [u for u in ids if u not in found]
    if missing:
        raise ValidationFailed(
            "Some users do not exist here or are deactivated.", fields={"user_ids": ", ".join(missing)}
        )
    return ids


def create(
    conn: Conn, company_id, me, kind: str, name: str, topic: str | None, member_ids: list[str]
) -> tuple[dict, list[str]]:
    """Create a public or private channel with the creator and `member_ids` as members; return (channel, ids)."""
    ids = _check_users(conn, [str(me), *member_ids])
    channel_id = str(uuid.uuid4())
    conn.execute(
        "INSERT INTO chat_channels (id, company_id, kind, name, topic, created_by) VALUES (%s, %s, %s, %s, %s, %s)",
        (channel_id, company_id, kind, name, topic, str(me)),
    )
    _insert_members(conn, company_id, channel_id, [str(me)] + [u for u in ids if u != str(me)])
    return get(conn, channel_id, me), ids


def _insert_members(conn: Conn, company_id, channel_id: str, user_ids: list[str]) -> list[str]:
    added = []
    for uid in user_ids:
        row = conn.execute(
            "INSERT INTO chat_channel_members (company_id, channel_id, user_id) VALUES (%s, %s, %s)"
            " ON CONFLICT DO NOTHING RETURNING user_id",
            (company_id, channel_id, uid),
        ).fetchone()
        if row is not None:
            added.append(uid)
    return added


def open_dm(conn: Conn, company_id, me, other) -> tuple[dict, bool]:
    """Return (the DM channel between the caller and `other`, created now?); one DM per pair."""
    me, other = str(me), as_uuid(other, "user")
    if me == other:
        raise ValidationFailed("A direct message needs another person.", fields={"user_id": "that is you"})
    _check_users(conn, [other])
    key = ":".join(sorted((me, other)))
    found = conn.execute("SELECT id FROM chat_channels WHERE dm_key = %s", (key,)).fetchone()
    if found is not None:
        return get(conn, found["id"], me), False
    channel_id = str(uuid.uuid4())
    try:
        with conn.transaction():
            conn.execute(
                "INSERT INTO chat_channels (id, company_id, kind, dm_key, created_by) VALUES (%s, %s, 'dm', %s, %s)",
                (channel_id, company_id, key, me),
            )
            _insert_members(conn, company_id, channel_id, [me, other])
    except psycopg.errors.UniqueViolation:  # the other person opened the same DM at the same moment
        found = conn.execute("SELECT id FROM chat_channels WHERE dm_key = %s", (key,)).fetchone()
        if found is None:
            raise Conflict("This conversation is being created; try again.", code="retry") from None
        return get(conn, found["id"], me), False
    return get(conn, channel_id, me), True


def _can_manage(channel: dict, me, role: str) -> bool:
    return channel["kind"] != "dm" and (str(channel["created_by"]) == str(me) or role == "admin")


def update(conn: Conn, channel_id, me, role: str, changes: dict) -> dict:
    """Rename, re-topic or (un)archive a channel (admins and the creator); return it."""
    channel = get(conn, channel_id, me)
    if not _can_manage(channel, me, role):
        raise Forbidden("Only an admin or the channel's creator may change it.", code="not_channel_manager")
    sets, params = [], {"id": channel["id"]}
    for col in ("name", "topic"):
        if col in changes:
            sets.append(f"{col} = %({col})s")
            params[col] = changes[col]
    if "archived" in changes:
        sets.append("archived_at = CASE WHEN %(archived)s THEN coalesce(archived_at, now()) END")
        params["archived"] = changes["archived"]
    if sets:
        conn.execute(f"UPDATE chat_channels SET {', '.join(sets)} WHERE id = %(id)s", params)
    return get(conn, channel["id"], me)


def members(conn: Conn, channel_id) -> list[dict]:
    """Return the members with their read receipts (last_read_message_id/at)."""
    return conn.execute(
        "SELECT m.user_id, u.name, m.joined_at, m.last_read_message_id, m.last_read_at"
        " FROM chat_channel_members m JOIN users u ON u.id = m.user_id WHERE m.channel_id = %s"
        " ORDER BY lower(u.name), m.user_id",
        (str(channel_id),),
    ).fetchall()


def add_members(conn: Conn, company_id, channel_id, me, role: str, user_ids: list[str]) -> list[str]:
    """Add people to a channel (admins and the creator); return the ids that were not members yet."""
    channel = get(conn, channel_id, me)
    if channel["archived_at"] is not None:
        raise Conflict("This channel is archived.", code="channel_archived")
    if not _can_manage(channel, me, role):
        raise Forbidden("Only an admin or the channel's creator may add people.", code="not_channel_manager")
    return _insert_members(conn, company_id, str(channel["id"]), _check_users(conn, user_ids))


def join(conn: Conn, company_id, channel_id, me) -> bool:
    """Join a public channel; return True when the caller was not a member yet."""
    channel = get(conn, channel_id, me)
    if channel["kind"] != "public":
        raise Forbidden("Only public channels can be joined; ask to be added.", code="not_public")
    if channel["archived_at"] is not None:
        raise Conflict("This channel is archived.", code="channel_archived")
    return bool(_insert_members(conn, company_id, str(channel["id"]), [str(me)]))


def remove_member(conn: Conn, channel_id, me, role: str, user_id) -> None:
    """Remove `user_id` (yourself: leave; others: admins and the creator); raise NotFound if not a member."""
    channel = get(conn, channel_id, me)
    user_id = as_uuid(user_id, "member")
    if channel["kind"] == "dm":
        raise Conflict("A direct message keeps its two members.", code="dm_members_fixed")
    if user_id != str(me) and not _can_manage(channel, me, role):
        raise Forbidden("Only an admin or the channel's creator may remove people.", code="not_channel_manager")
    row = conn.execute(
        "DELETE FROM chat_channel_members WHERE channel_id = %s AND user_id = %s RETURNING user_id",
        (channel["id"], user_id),
    ).fetchone()
    if row is None:
        raise NotFound("This person is not a member of the channel.")


def mark_read(conn: Conn, channel_id, me, message_id: int | None) -> dict:
    """Move the caller's read marker forward to `message_id` (default: the newest message); return it."""
    require_member(conn, channel_id, me)
    if message_id is None:
        found = conn.execute(
            "SELECT max(id) AS id FROM chat_messages WHERE channel_id = %s", (as_uuid(channel_id),)
        ).fetchone()
        assert found is not None  # an aggregate without GROUP BY yields one row
        message_id = found["id"]
    elif (
        conn.execute(
            "SELECT 1 FROM chat_messages WHERE id = %s AND channel_id = %s", (message_id, as_uuid(channel_id))
        ).fetchone()
        is None
    ):
        raise ValidationFailed("No such message in this channel.", fields={"message_id": "not in this channel"})
    row = conn.execute(
        "UPDATE chat_channel_members SET last_read_message_id = greatest(coalesce(last_read_message_id, 0), %s),"
        " last_read_at = now() WHERE channel_id = %s AND user_id = %s"
        " RETURNING channel_id, user_id, last_read_message_id, last_read_at",
        (message_id or 0, as_uuid(channel_id), str(me)),
    ).fetchone()
    if row is None:  # removed from the channel since require_member
        raise NotFound("This person is not a member of the channel.")
    return row


def unread(conn: Conn, me) -> dict[str, int]:
    """Return {channel_id: unread messages} for every channel the caller is a member of with unread messages."""
    rows = conn.execute(
        "SELECT m.channel_id, count(x.id) AS n FROM chat_channel_members m JOIN chat_messages x"
        " ON x.channel_id = m.channel_id AND x.id > coalesce(m.last_read_message_id, 0) AND x.deleted_at IS NULL"
        " AND x.author_id IS DISTINCT FROM m.user_id WHERE m.user_id = %s GROUP BY m.channel_id",
        (str(me),),
    ).fetchall()
    return {str(r["channel_id"]): r["n"] for r in rows}
