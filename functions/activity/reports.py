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
ROWS_DEFAULT, ROWS_MAX = 500, 2000  # a screen's worth of person-days; the web app asks ?per=day for its chart


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


def _rows_page() -> tuple[int, int]:
    """Return (limit, offset) of a per-user-and-day list: up to ROWS_MAX rows (default ROWS_DEFAULT) a page."""
    return query_int("limit", ROWS_DEFAULT, 1, ROWS_MAX), query_int("offset", 0, 0, 10_000_000)


@bp.get("/daily")
@responds(DailyTotals)
def daily():
    """Tracked, active and idle seconds per user and day (?per=day: per day over everyone visible), paginated."""
    per = request.args.get("per", "user,day")
    if per not in ("user,day", "day"):
        raise ValidationFailed("per is user,day or day.", fields={"per": "user,day or day"})
    start, end, users = _range_and_scope()
    limit, offset = _rows_page()
    rows = reports.daily_totals(db(), start, end, users, per == "user,day", limit + 1, offset)
    return paginated(rows, limit, offset, per=per, **{"from": start, "to": end})


@bp.get("/productivity")
@responds(ProductivityReport)
def productivity_report():
    """Productive, neutral and unproductive seconds and the score per user and day, paginated."""
    start, end, users = _range_and_scope()
    limit, offset = _rows_page()
    rows = reports.productivity(db(), start, end, users, limit + 1, offset)
    return paginated(rows, limit, offset, **{"from": start, "to": end})


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
