"""Real-time events: publish to Socket.IO rooms through Redis; the WebSocket gateway relays them to clients.

Call `publish` only after the change committed (handlers wrap it in `web.after_commit`), so no client ever
hears of a change that was rolled back. Clients catch up from the database, so a lost event loses nothing.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import date, datetime

import socketio

from .config import settings

log = logging.getLogger("workmonitor")
_managers: dict[str, socketio.RedisManager] = {}
_lock = threading.Lock()


def user_room(user_id) -> str:
    """Return the room of one user's devices."""
    return f"user:{user_id}"


def company_room(company_id) -> str:
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


def _jsonable(o):
    return o.isoformat() if isinstance(o, (datetime, date)) else str(o)


def publish(room: str, event: str, payload: dict) -> bool:
    """Emit `event` with `payload` (made JSON-safe) to `room`; return False, logged, when Redis is unreachable."""
    data = json.loads(json.dumps(payload, default=_jsonable))
    try:
        _manager().emit(event, data, room=room)
    except Exception as exc:  # noqa: BLE001 -- the change is committed already: a lost event must never fail the request
        log.warning("event not published", extra={"fields": {"event": event, "room": room, "error": str(exc)}})
        return False
    return True
