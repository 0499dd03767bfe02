"""Suggested entries from the caller's calendars: list, accept (one click makes the entry), dismiss."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.errors import ValidationFailed
from workmonitor.integrations import calendar
from workmonitor.integrations.models import AcceptIn, AcceptOut, SuggestionOut, SuggestionPage
from workmonitor.web import body, caller, db, page, paginated, responds

bp = Blueprint("suggestions", __name__)
STATES = ("new", "accepted", "dismissed", "gone")


@bp.get("/suggestions")
@responds(SuggestionPage)
def list_suggestions():
    """The caller's suggested entries (?state=new by default), newest first."""
    state = request.args.get("state", "new")
    if state not in STATES:
        raise ValidationFailed(f"state must be one of {', '.join(STATES)}.", fields={"state": "unknown"})
    limit, offset = page()
    return paginated(calendar.suggestions(db(), state, limit, offset), limit, offset)


@bp.post("/suggestions/<suggestion_id>/accept")
@responds(AcceptOut, 201, body=AcceptIn)
def accept(suggestion_id: str):
    """Make the suggestion a time entry of the caller (accepting twice returns the same entry)."""
    data = body(AcceptIn) if request.content_length else AcceptIn()
    suggestion, entry = calendar.accept(db(), caller(), suggestion_id, data.model_dump())
    return {"suggestion": suggestion, "entry": entry}, 201


@bp.post("/suggestions/<suggestion_id>/dismiss")
@responds(SuggestionOut)
def dismiss(suggestion_id: str):
    """Dismiss a suggestion; it is not offered again."""
    return {"suggestion": calendar.dismiss(db(), suggestion_id)}
