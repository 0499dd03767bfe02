"""publish: push an event to sockets over HTTP (trusted callers, or a company admin), and read presence.

POST /events {room, event, payload} relays through python-socketio's Redis manager (the gateway delivers it).
Callers authenticate with header X-WM-Secret (the `publish-secret`; any room) or an admin access token (only
rooms of the admin's own company). GET /presence answers who is online and who has a running timer.
"""

from __future__ import annotations

import hmac
import re
import time
from typing import Any

import redis
import socketio
from flask import g, request
from pydantic import Field

from workmonitor import keys
from workmonitor.config import settings
from workmonitor.errors import ApiError, Forbidden, Unauthorized, ValidationFailed
from workmonitor.redis_client import client as redis_client
from workmonitor.schemas import Input
from workmonitor.web import body, caller, create_function, db, public

app = create_function("publish")

ROOM = re.compile(r"^(user|company|channel):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")
# Socket.IO reserves these names on the client; an event with one of them would never reach application code.
RESERVED_EVENTS = {"connect", "connect_error", "disconnect", "disconnecting", "newlistener", "removelistener"}
_manager: socketio.RedisManager | None = None


class EventIn(Input):
    room: str = Field(max_length=80)
    event: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_.:-]{0,63}$")
    payload: dict[str, Any] = Field(default_factory=dict)


def _emit(event: str, payload: dict, room: str) -> None:
    """Emit through the shared library helper when present, else a write-only Redis manager; 503 if Redis fails."""
    global _manager
    try:
        from workmonitor import events
    except ImportError:
        events = None
    if events is not None and hasattr(events, "publish"):
        sent = events.publish(room, event, payload) is not False
    else:
        if _manager is None:
            _manager = socketio.RedisManager(settings().redis_url, write_only=True)
        try:
            _manager.emit(event, payload, room=room)
            sent = True
        except redis.RedisError:
            sent = False
    if not sent:
        raise ApiError("The event could not be published; retry shortly.", status=503, code="publish_unavailable")


def _trusted() -> bool:
    """Return True for a caller presenting the right X-WM-Secret; False when none was presented."""
    presented = request.headers.get("X-WM-Secret")
    if presented is None:
        return False
    expected = settings().publish_secret
    if not expected:
        raise ApiError(
            "Publishing with a shared secret is disabled: configure the publish-secret secret (or PUBLISH_SECRET).",
            status=503,
            code="publish_secret_unset",
        )
    if not hmac.compare_digest(presented.encode(), expected.encode()):
        raise Unauthorized("The X-WM-Secret header is wrong.", code="secret_invalid")
    return True


def _check_admin_room(kind: str, ident: str) -> None:
    """Allow an admin token to publish only to rooms of its own company."""
    me = caller()
    if me.role != "admin":
        raise Forbidden("Only an admin (or a trusted caller with X-WM-Secret) may publish.", code="role_required")
    conn = db()
    if kind == "company":
        allowed = ident == me.company_id
    elif kind == "user":
        allowed = (
            conn.execute("SELECT 1 FROM users WHERE id = %s AND company_id = %s", (ident, me.company_id)).fetchone()
            is not None
        )
    else:
        allowed = (
            _table_exists(conn, "chat_channels")
            and conn.execute(
                "SELECT 1 FROM chat_channels WHERE id = %s AND company_id = %s", (ident, me.company_id)
            ).fetchone()
            is not None
        )
    if not allowed:
        raise Forbidden("That room belongs to no one in your company.", code="room_forbidden")


def _table_exists(conn, name: str) -> bool:
    return conn.execute("SELECT to_regclass(%s) IS NOT NULL AS ok", (f"public.{name}",)).fetchone()["ok"]


@app.post("/events")
@public
def publish_event():
    trusted = _trusted()
    if not trusted and g.get("caller") is None:
        raise Unauthorized("Send X-WM-Secret, or an admin's Authorization: Bearer token.", code="auth_required")
    data = body(EventIn)
    match = ROOM.match(data.room.lower())
    if match is None:
        raise ValidationFailed(
            "room must be user:<uuid>, company:<uuid> or channel:<uuid>.",
            fields={"room": "user:<uuid>, company:<uuid> or channel:<uuid>"},
        )
    if data.event.lower() in RESERVED_EVENTS:
        raise ValidationFailed("That event name is reserved by Socket.IO.", fields={"event": "reserved name"})
    room = match.group(0)
    if not trusted:
        _check_admin_room(match.group(1), match.group(2))
    _emit(data.event, data.payload, room)
    return {"published": True, "room": room, "event": data.event}, 202


@app.get("/presence")
def presence():
    """Who of the caller's company is online (a live socket) and who is working now (a running timer)."""
    me = caller()
    raw = redis_client().zrangebyscore(keys.presence(me.company_id), time.time(), "+inf")
    online_ids = sorted({m.decode().split("|", 1)[0] for m in raw})
    conn = db()
    names = (
        {
            str(r["id"]): r["name"]
            for r in conn.execute(
                "SELECT id, name FROM users WHERE company_id = %s AND id = ANY(%s::uuid[])", (me.company_id, online_ids)
            ).fetchall()
        }
        if online_ids
        else {}
    )
    online = [{"user_id": uid, "name": names[uid]} for uid in online_ids if uid in names]
    working = []
    if _table_exists(conn, "time_entries"):
        working = [
            {
                "user_id": str(r["user_id"]),
                "name": r["name"],
                "entry_id": str(r["id"]),
                "project_id": r["project_id"],
                "task_id": r["task_id"],
                "started_at": r["started_at"],
                "online": str(r["user_id"]) in names,
            }
            for r in conn.execute(
                "SELECT t.id, t.user_id, t.project_id, t.task_id, t.started_at, u.name FROM time_entries t"
                " JOIN users u ON u.company_id = t.company_id AND u.id = t.user_id"
                " WHERE t.company_id = %s AND t.ended_at IS NULL ORDER BY t.started_at",
                (me.company_id,),
            ).fetchall()
        ]
    return {
        "company_id": me.company_id,
        "online": online,
        "working": working,
        "online_count": len(online),
        "working_count": len(working),
    }
