"""What the attendance routes share: who plans, the date-range query, audit rows and live events for the caller."""

from __future__ import annotations

from typing import Any

from workmonitor import events, wire
from workmonitor.web import after_commit

PLANNERS = ("admin", "manager")


def notify(user_id: Any, event: str, payload: dict) -> None:
    """Publish `event` (payload in the wire dialect) to the user's devices once the transaction has committed."""
    data = wire.jsonable(payload)
    after_commit(lambda: events.publish(events.user_room(user_id), event, data))
