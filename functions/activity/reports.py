"""Report routes: GET /usage, /daily, /productivity (rollups, days in each user's time zone, ?from&to&user_id|team)
and GET /timeline (activity % per interval from samples)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask import Blueprint, request
from pydantic import ValidationError

from workmonitor.activity import reports
from workmonitor.activity.models import DailyTotals, ProductivityReport, Timeline, TimelineArgs, UsagePage
from workmonitor.errors import ValidationFailed
from workmonitor.web import caller, db, page, paginated, query_date, query_int, query_uuid, responds

bp = Blueprint("activity_reports", __name__)


def _range_and_scope() -> tuple[date, date, list[str] | None]:
    today = datetime.now(UTC).date()
    end = query_date("to") or today
    start = query_date("from") or end - timedelta(days=6)
    reports.check_range(start, end)
    return start, end, reports.scope(db(), query_uuid("user_id"), query_uuid("team"))


@bp.get("/usage")
@responds(UsagePage)
def usage():
    """Seconds and activity % per app or domain (?by=app|domain, ?group=user,day)."""
    by = request.args.get("by", "app")
    if by not in ("app", "domain"):
        raise ValidationFailed("by is app or domain.", fields={"by": "app or domain"})
    group = set(filter(None, request.args.get("group", "").split(",")))
    if not group <= {"user", "day"}:
        raise ValidationFailed("group is a comma list of user, day.", fields={"group": "user and/or day"})
    start, end, users = _range_and_scope()
    limit, offset = page()
    rows = reports.usage(db(), by, start, end, users, "user" in group, "day" in group, limit + 1, offset)
    return paginated(rows, limit, offset, by=by, **{"from": start, "to": end})


@bp.get("/daily")
@responds(DailyTotals)
def daily():
    """Tracked, active and idle seconds per user and day."""
    start, end, users = _range_and_scope()
    return {"items": reports.daily_totals(db(), start, end, users), "from": start, "to": end}


@bp.get("/productivity")
@responds(ProductivityReport)
def productivity_report():
    """Productive, neutral and unproductive seconds and the score per user and day."""
    start, end, users = _range_and_scope()
    return {"items": reports.productivity(db(), start, end, users), "from": start, "to": end}


@bp.get("/timeline")
@responds(Timeline)
def timeline():
    """Activity % per interval for one user (?user_id, ?from, ?to, ?interval seconds)."""
    user_id = query_uuid("user_id") or caller().user_id
    reports.scope(db(), user_id, None)
    interval = query_int("interval", 600, 60, 86_400)
    window = _timeline_window(datetime.now(UTC))
    return {"items": reports.timeline(db(), user_id, window.start, window.end, interval), "interval": interval}


def _timeline_window(now: datetime) -> TimelineArgs:
    data = {
        "start": request.args.get("from") or (now - timedelta(days=1)).isoformat(),
        "end": request.args.get("to") or now.isoformat(),
    }
    try:
        return TimelineArgs.model_validate(data)
    except ValidationError as exc:
        raise ValidationFailed(
            "from and to are ISO date-times with a time zone.",
            fields={"from": "ISO 8601 with offset", "to": "ISO 8601 with offset"},
        ) from exc
