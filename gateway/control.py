"""Control notices for the gateways: leave/join a room, revoke sessions, close a room — JSON on one Redis channel.

Library-free on purpose (only `json` and a redis-py client you pass in), so any function, RQ job or script can
tell every gateway replica at once. The format is documented in gateway/README.md.
"""

from __future__ import annotations

import json
import re
from typing import Any

from workmonitor import keys

CHANNEL = keys.GATEWAY_CONTROL
ROOM = re.compile(r"^(user|company|channel):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TYPES = ("leave", "join", "revoke", "close_room")


def leave(redis, user_id, room: str) -> int:
    """Make every socket of `user_id` leave `room` on every gateway; return how many gateways heard it."""
    return _send(redis, {"type": "leave", "user_id": str(user_id), "room": room})


def join(redis, user_id, room: str) -> int:
    """Make every socket of `user_id` join `room` (channel rooms are re-checked against the database)."""
    return _send(redis, {"type": "join", "user_id": str(user_id), "room": room})


def revoke(redis, *, session_id=None, user_id=None) -> int:
    """Disconnect every socket of a session (refresh-token family) or of a user, on every gateway."""
    msg: dict[str, Any] = {"type": "revoke"}
    if session_id is not None:
        msg["session_id"] = str(session_id)
    if user_id is not None:
        msg["user_id"] = str(user_id)
    return _send(redis, msg)


def close_room(redis, room: str) -> int:
    """Make every socket leave `room` (e.g. a deleted channel), on every gateway."""
    return _send(redis, {"type": "close_room", "room": room})


def _send(redis, message: dict) -> int:
    if parse(json.dumps(message)) is None:
        raise ValueError(f"not a valid gateway control notice: {message!r}")
    return int(redis.publish(CHANNEL, json.dumps(message)))


def parse(raw: str | bytes) -> dict | None:
    """Return the notice as a dict when it is well formed, else None (malformed notices are ignored)."""
    try:
        msg = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(msg, dict) or msg.get("type") not in TYPES:
        return None
    for field in ("user_id", "session_id"):
        if field in msg and not (isinstance(msg[field], str) and _UUID.match(msg[field])):
            return None
    if "room" in msg and not (isinstance(msg["room"], str) and ROOM.match(msg["room"])):
        return None
    kind = msg["type"]
    if kind in ("leave", "join") and not ("user_id" in msg and "room" in msg):
        return None
    if kind == "revoke" and not ("user_id" in msg or "session_id" in msg):
        return None
    if kind == "close_room" and "room" not in msg:
        return None
    return msg
