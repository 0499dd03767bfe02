"""Real-time events: publish to Socket.IO rooms through Redis; the WebSocket gateway relays them to clients.

Call `publish` only after the change committed (handlers wrap it in `web.after_commit`), so no client ever
hears of a change that was rolled back. Clients catch up from the database, so a lost event loses nothing.
Every event and its payload model is declared in `workmonitor.eventcatalog`; payloads are encoded with the one
encoder (`wire.jsonable`), and in tests (`WM_CHECK_CONTRACT=1`) an undeclared event or a payload that does not
match its model is recorded as a contract violation (which fails the test), like a drifting HTTP response.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

import socketio

from . import wire
from .config import settings

log = logging.getLogger("workmonitor")
_managers: dict[str, socketio.RedisManager] = {}
_lock = threading.Lock()


def user_room(user_id: object) -> str:
    """Return the room of one user's devices."""
    return f"user:{user_id}"


def company_room(company_id: object) -> str:
    """Return the room of a whole company."""
    return f"company:{company_id}"


def _manager() -> socketio.RedisManager:
    url = settings().redis_url
    mgr = _managers.get(url)
    if mgr is None:
        with _lock:
            mgr = _managers.get(url)
            if mgr is None:
                mgr = _managers[url] = socketio.RedisManager(url, write_only=True)
    return mgr


def publish(room: str, event: str, payload: dict) -> bool:
    """Emit catalogued `event` with `payload` (wire-encoded) to `room`; return False, logged, when Redis is down."""
    data = wire.jsonable(payload)
    if os.environ.get("WM_CHECK_CONTRACT") == "1":
        _check(event, data)
    return emit(room, event, data)


def emit(room: str, event: str, data: Any) -> bool:
    """Emit JSON-ready `data` as `event` to `room` unchecked (the publish function's relay checks its own input)."""
    try:
        _manager().emit(event, data, room=room)
    except Exception as exc:  # noqa: BLE001 -- the change is committed already: a lost event must never fail the request
        log.warning("event not published", extra={"fields": {"event": event, "room": room, "error": str(exc)}})
        return False
    return True


def _check(event: str, data: Any) -> None:
    """Test mode: record (and log) a publish the catalogue does not declare, like web's response check."""
    from . import eventcatalog
    from .web import CONTRACT_VIOLATIONS  # only in tests, where Flask is loaded anyway

    found = eventcatalog.violations(event, data)
    if found:
        CONTRACT_VIOLATIONS.extend(f"event {event}: {v}" for v in found)
        log.error("event contract violation", extra={"fields": {"event": event, "violations": found}})
