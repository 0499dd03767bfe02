"""Which rooms a socket belongs to: its user, its company and the chat channels its user is a member of.

Channel membership lives in the messaging function's table `chat_channel_members (channel_id, user_id, ...)`.
Until that table exists every lookup answers "no channels". Both lookups are pluggable (`use(...)`) so the
messaging function can swap in its own rule (e.g. public channels) without touching the gateway.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import psycopg

from workmonitor import db as dbmod

log = logging.getLogger("workmonitor.gateway")
MEMBERS_TABLE = "chat_channel_members"


def base_rooms(user_id: str, company_id: str) -> list[str]:
    """Return the rooms every socket of a user joins."""
    return [f"user:{user_id}", f"company:{company_id}"]


def _table_exists(conn: psycopg.Connection, name: str) -> bool:
    return conn.execute("SELECT to_regclass(%s) IS NOT NULL AS ok", (f"public.{name}",)).fetchone()["ok"]


def member_channels(conn: psycopg.Connection, user_id: str) -> list[str]:
    """Return the ids of the channels `user_id` is a member of ([] until the members table exists)."""
    if not _table_exists(conn, MEMBERS_TABLE):
        return []
    rows = conn.execute(f"SELECT DISTINCT channel_id FROM {MEMBERS_TABLE} WHERE user_id = %s", (user_id,)).fetchall()
    return [str(r["channel_id"]) for r in rows]


def is_member(conn: psycopg.Connection, user_id: str, channel_id: str) -> bool:
    """Return True when `user_id` is a member of `channel_id` (False until the members table exists)."""
    if not _table_exists(conn, MEMBERS_TABLE):
        return False
    row = conn.execute(
        f"SELECT 1 FROM {MEMBERS_TABLE} WHERE user_id = %s AND channel_id = %s LIMIT 1", (user_id, channel_id)
    ).fetchone()
    return row is not None


_channels: Callable[[psycopg.Connection, str], list[str]] = member_channels
_member: Callable[[psycopg.Connection, str, str], bool] = is_member


def use(channels: Callable | None = None, member: Callable | None = None) -> None:
    """Replace the channel lookups: channels(conn, user_id) -> [channel_id], member(conn, user_id, cid) -> bool."""
    global _channels, _member
    _channels = channels or member_channels
    _member = member or is_member


def channel_rooms(claims: dbmod.Claims) -> list[str]:
    """Return the channel rooms of the user in `claims`, read as that user under RLS (blocking: run in a thread)."""
    try:
        with dbmod.transaction(claims) as conn:
            return [f"channel:{c}" for c in _channels(conn, claims.user_id)]
    except (psycopg.errors.UndefinedColumn, psycopg.errors.UndefinedTable) as exc:
        # A schema the lookup does not understand must not lock everyone out of user/company events.
        log.error("channel lookup failed; joining no channels", extra={"fields": {"error": str(exc)}})
        return []


def may_join(claims: dbmod.Claims, room: str) -> bool:
    """Return True when the user in `claims` may be in `room` now (re-checked against the database)."""
    kind, _, ident = room.partition(":")
    if kind == "user":
        return ident == claims.user_id
    if kind == "company":
        return ident == claims.company_id
    if kind != "channel":
        return False
    try:
        with dbmod.transaction(claims) as conn:
            return bool(_member(conn, claims.user_id, ident))
    except (psycopg.errors.UndefinedColumn, psycopg.errors.UndefinedTable) as exc:
        log.error("channel membership check failed", extra={"fields": {"error": str(exc)}})
        return False
