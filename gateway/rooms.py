"""Which rooms a socket belongs to: its user, its company and the chat channels its user is a member of.

Channel membership is the messaging domain's table `chat_channel_members (channel_id, user_id, ...)`, read as
the socket's user under RLS.
"""

from __future__ import annotations

from workmonitor import db as dbmod
from workmonitor.accounts import sessions


def base_rooms(user_id: str, company_id: str) -> list[str]:
    """Return the rooms every socket of a user joins."""
    return [f"user:{user_id}", f"company:{company_id}"]


def member_channels(conn: dbmod.Conn, user_id: str) -> list[str]:
    """Return the ids of the channels `user_id` is a member of."""
    rows = conn.execute("SELECT DISTINCT channel_id FROM chat_channel_members WHERE user_id = %s", (user_id,))
    return [str(r["channel_id"]) for r in rows.fetchall()]


def is_member(conn: dbmod.Conn, user_id: str, channel_id: str) -> bool:
    """Return True when `user_id` is a member of `channel_id`."""
    row = conn.execute(
        "SELECT 1 FROM chat_channel_members WHERE user_id = %s AND channel_id = %s LIMIT 1", (user_id, channel_id)
    ).fetchone()
    return row is not None


def channel_rooms(claims: dbmod.Claims) -> list[str]:
    """Return the channel rooms of the user in `claims`, read as that user under RLS (blocking: run in a thread)."""
    if claims.user_id is None:  # no user, no membership (the query would match nothing)
        return []
    with dbmod.transaction(claims) as conn:
        return [f"channel:{c}" for c in member_channels(conn, claims.user_id)]


def may_join(claims: dbmod.Claims, room: str) -> bool:
    """Return True when the user in `claims` may be in `room` now (re-checked against the database)."""
    kind, _, ident = room.partition(":")
    if kind == "user":
        return ident == claims.user_id
    if kind == "company":
        return ident == claims.company_id
    if kind != "channel" or claims.user_id is None:
        return False
    with dbmod.transaction(claims) as conn:
        return is_member(conn, claims.user_id, ident)


def session_state(user_id: str, company_id: str, session_id: str) -> str:
    """Return the database's word on an access token's session ('live', 'gone', ...) (blocking: run in a thread)."""
    with dbmod.transaction(dbmod.Claims()) as conn:
        return sessions.session_state(conn, user_id, company_id, session_id)


def dead_sessions(held: list[tuple[str, str, str]]) -> set[str]:
    """Return the session ids among `held` (user, company, session) no longer live (blocking: run in a thread)."""
    with dbmod.transaction(dbmod.Claims()) as conn:
        return sessions.dead_sessions(conn, held)
