"""Publishing routes: relay an event to a room, read presence, and serve the event catalogue's JSON Schema."""

from __future__ import annotations

import hmac

from flask import Blueprint, g, request

from workmonitor import eventcatalog, events
from workmonitor.config import settings
from workmonitor.errors import ApiError, Forbidden, Unauthorized, ValidationFailed
from workmonitor.messaging import realtime
from workmonitor.messaging.models import EventIn, Presence, Published
from workmonitor.redis_client import client as redis_client
from workmonitor.web import body, caller, db, public, responds

bp = Blueprint("publish", __name__)


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


def _check_event(data: EventIn) -> str:
    """Return the canonical room; raise 400 for a bad room, a reserved name or a catalogued event's bad payload."""
    found = realtime.parse_room(data.room)
    if found is None:
        raise ValidationFailed(
            "room must be user:<uuid>, company:<uuid> or channel:<uuid>.",
            fields={"room": "user:<uuid>, company:<uuid> or channel:<uuid>"},
        )
    if data.event.lower() in realtime.RESERVED_EVENTS:
        raise ValidationFailed("That event name is reserved by Socket.IO.", fields={"event": "reserved name"})
    if data.event in eventcatalog.SERVER_EVENTS:
        wrong = eventcatalog.violations(data.event, data.payload)
        if wrong:
            raise ValidationFailed("The payload does not match the event's model.", fields={"payload": wrong[0]})
    return f"{found[0]}:{found[1]}"


@bp.post("/events")
@public
@responds(Published, 202, body=EventIn)
def publish_event():
    """Relay an event to a room (X-WM-Secret: any room; an admin token: its own company's rooms)."""
    trusted = _trusted()
    if not trusted and g.get("caller") is None:
        raise Unauthorized("Send X-WM-Secret, or an admin's Authorization: Bearer token.", code="auth_required")
    data = body(EventIn)
    room = _check_event(data)
    if not trusted:
        me = caller()
        if me.role != "admin":
            raise Forbidden("Only an admin (or a trusted caller with X-WM-Secret) may publish.", code="role_required")
        if not realtime.room_in_company(db(), me.company_id, *room.split(":")):
            raise Forbidden("That room belongs to no one in your company.", code="room_forbidden")
    if not events.emit(room, data.event, data.payload):
        raise ApiError("The event could not be published; retry shortly.", status=503, code="publish_unavailable")
    return {"published": True, "room": room, "event": data.event}, 202


@bp.get("/presence")
@responds(Presence)
def presence():
    """Who of the caller's company is online (a live socket) and who is working now (a running timer)."""
    me = caller()
    return realtime.presence(db(), redis_client(), me.company_id)


@bp.get("/event-catalog")
@public
@responds(None, media_type="application/json", summary="JSON Schema of every WebSocket event and its payload")
def event_catalog():
    """The JSON Schema of every WebSocket event (server and client) and its payload."""
    return eventcatalog.json_schema()
