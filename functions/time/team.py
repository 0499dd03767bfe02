"""Team dashboard route: GET /team/summary, every visible person's today, week, activity and running timer."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.time import settings, team
from workmonitor.time.models import TeamSummary
from workmonitor.web import caller, db, responds

bp = Blueprint("team", __name__)


@bp.get("/team/summary")
@responds(TeamSummary)
def team_summary():
    """The caller's people (a manager's assigned employees, an admin's company): today, week, activity, timer."""
    conn = db()
    week_start = int(settings.settings(conn, caller().company_id)["week_start"])
    return {"items": team.team_summary(conn, week_start), "week_start": week_start}
