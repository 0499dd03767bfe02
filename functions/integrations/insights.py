"""Insights routes: one person's work patterns (oneself; managers their employees; admins anyone) and the team's."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint

from workmonitor.errors import NotFound
from workmonitor.integrations import insights
from workmonitor.integrations.models import InsightsOut, TeamInsights
from workmonitor.time.entries import timezone_of
from workmonitor.web import caller, date_range, db, query_uuid, responds, roles

bp = Blueprint("insights", __name__)


def _days() -> tuple[date, date]:
    """Return ?from..?to (local days), by default the last 28 days up to today in the caller's time zone."""
    first, last = date_range(max_days=366)
    today = datetime.now(ZoneInfo(timezone_of(db(), caller().user_id))).date()
    last = last or today
    return first or last - timedelta(days=27), last


@bp.get("/insights")
@responds(InsightsOut)
def person_insights():
    """Work patterns of ?user_id (default: oneself): hours per week, focus, meetings, burnout-risk indicators."""
    first, last = _days()
    uid = query_uuid("user_id") or caller().user_id
    row = insights.person(db(), uid, first, last)
    if row is None:
        raise NotFound("No such user.", code="user_not_found")
    return {"insights": insights.shaped(row, uid, first, last)}


@bp.get("/insights/team")
@roles("admin", "manager")
@responds(TeamInsights)
def team_insights():
    """The same for everyone the caller manages (admins: the whole company), one item per person."""
    first, last = _days()
    return {"items": insights.team(db(), first, last)}
