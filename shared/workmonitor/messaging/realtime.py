"""Real time over HTTP: which rooms an admin may publish to, and who is online or working (presence).

Presence is written by the WebSocket gateway (gateway/presence.py): one Redis sorted set per company,
`keys.presence(company_id)`, member `<user_id>|<gateway_id>`, score = the Unix time the entry lapses.
"""

from __future__ import annotations

import re
import time
from typing import Any

from .. import keys
from ..db import Conn

PRESENCE_PREFIX = keys.PRESENCE_PREFIX
ROOM = re.compile(r"^(user|company|channel):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")
# Socket.IO reserves these names on the client; an event with one of them would never reach application code.
RESERVED_EVENTS = frozenset(
    {"connect", "connect_error", "disconnect", "disconnecting", "newlistener", "removelistener"}
)


def presence_key(company_id: str) -> str:
    """Return the presence key of a company."""
    return f"{PRESENCE_PREFIX}{company_id}"


def parse_room(room: str) -> tuple[str, str] | None:
    """Return (kind, id) of `user:<uuid>`, `company:<uuid>` or `channel:<uuid>` (any case), else None."""
    match = ROOM.match(room.lower())
    return (match.group(1), match.group(2)) if match else None


def room_in_company(conn: Conn, company_id: str, kind: str, ident: str) -> bool:
    """Return True when room `kind:ident` belongs to company `company_id` (its own room, a user, a channel)."""
    if kind == "company":
        return ident == company_id
    table = "users" if kind == "user" else "chat_channels"
    sql = f"SELECT 1 FROM {table} WHERE id = %s AND company_id = %s"
    return conn.execute(sql, (ident, company_id)).fetchone() is not None


def online_ids(redis: Any, company_id: str) -> list[str]:
    """Return the ids of the users of `company_id` with a live socket on any gateway."""
    members = redis.zrangebyscore(presence_key(company_id), time.time(), "+inf")
    return sorted({(m.decode() if isinstance(m, bytes) else m).split("|", 1)[0] for m in members})


def presence(conn: Conn, redis: Any, company_id: str) -> dict:
    """Return who of the company is online (a live socket) and who is working (a running timer), with names."""
    ids = online_ids(redis, company_id)
    names = {}
    if ids:
        rows = conn.execute(
            "SELECT id, name FROM users WHERE company_id = %s AND id = ANY(%s::uuid[])", (company_id, ids)
        ).fetchall()
        names = {str(r["id"]): r["name"] for r in rows}
    online = [{"user_id": uid, "name": names[uid]} for uid in ids if uid in names]
    working = [
        {
            "user_id": r["user_id"],
            "name": r["name"],
            "entry_id": r["id"],
            "project_id": r["project_id"],
            "task_id": r["task_id"],
            "started_at": r["started_at"],
            "online": str(r["user_id"]) in names,
        }
        for r in conn.execute(
            "SELECT t.id, t.user_id, t.project_id, t.task_id, t.started_at, u.name FROM time_entries t"
            " JOIN users u ON u.company_id = t.company_id AND u.id = t.user_id"
            " WHERE t.company_id = %s AND t.ended_at IS NULL ORDER BY t.started_at",
            (company_id,),
        ).fetchall()
    ]
    return {
        "company_id": company_id,
        "online": online,
        "working": working,
        "online_count": len(online),
        "working_count": len(working),
    }
