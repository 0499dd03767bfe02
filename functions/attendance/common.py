"""What the attendance routes share: who plans, the date-range query, audit rows and live events for the caller."""

from __future__ import annotations

from datetime import date
from typing import Any

from workmonitor import events, wire
from workmonitor.errors import ValidationFailed
from workmonitor.web import after_commit, query_date

PLANNERS = ("admin", "manager")


def date_range(max_days: int = 400) -> tuple[date | None, date | None]:
    """Return (from, to) dates from the query string; raise 400 when reversed or longer than `max_days`."""
    frm, to = query_date("from"), query_date("to")
    if frm and to and to < frm:
        raise ValidationFailed("to must not be before from.", fields={"to": "before from"})
    if frm and to and (to - frm).days > max_days:
        raise ValidationFailed(f"The range may span at most {max_days} days.", fields={"to": "range too long"})
    return frm, to


def notify(user_id: Any, event: str, payload: dict) -> None:
    """Publish `event` (payload in the wire dialect) to the user's devices once the transaction has committed."""
    data = wire.jsonable(payload)
    after_commit(lambda: events.publish(events.user_room(user_id), event, data))
