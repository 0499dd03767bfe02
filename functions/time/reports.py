"""Report and settings routes: the summary by project, user, client or task; the daily report; time settings."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, request

from workmonitor.errors import ValidationFailed
from workmonitor.schemas import check_range
from workmonitor.time import entries, reports, settings, timecalc
from workmonitor.time.models import DailyOut, SettingsOut, SettingsPatch, SummaryOut
from workmonitor.web import audit, body, caller, db, query_date, query_uuid, responds, roles

from .common import filters

bp = Blueprint("reports", __name__)
DAILY_MAX_DAYS = 366


@bp.get("/reports/summary")
@responds(SummaryOut)
def summary_report():
    """The matching time grouped (?group_by=project|user|client|task), biggest first, with totals."""
    group_by = request.args.get("group_by", "project")
    if group_by not in reports.GROUPS:
        raise ValidationFailed("Unknown grouping.", fields={"group_by": ", ".join(reports.GROUPS)})
    conn = db()
    flt = filters()
    rule = settings.rounding(settings.settings(conn, caller().company_id))
    return {**reports.summary(conn, flt, rule, group_by), "rounding": {"mode": rule.mode, "minutes": rule.minutes}}


@bp.get("/reports/daily")
@responds(DailyOut)
def daily_report():
    """A user's time per local day (default: the last 7 days up to today), at most 366 days."""
    conn, me = db(), caller()
    user = entries.target_user(conn, me, query_uuid("user_id"))
    today = timecalc.local_date(entries.now(), user["timezone"])
    first, last = query_date("from"), query_date("to")
    check_range(first, last, DAILY_MAX_DAYS)
    first, last = first or (last or today) - timedelta(days=6), last or max(first or today, today)
    check_range(first, last, DAILY_MAX_DAYS)
    rule = settings.rounding(settings.settings(conn, me.company_id))
    return reports.daily(conn, user["id"], user["timezone"], first, last, rule)


@bp.get("/settings")
@responds(SettingsOut)
def get_settings():
    """The company's time settings."""
    return {"settings": settings.settings(db(), caller().company_id)}


@bp.patch("/settings")
@roles("admin")
@responds(SettingsOut, body=SettingsPatch)
def update_settings():
    """Change rounding, past edits or the week start (admins)."""
    changes = body(SettingsPatch).model_dump(exclude_none=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give at least one setting"})
    conn, me = db(), caller()
    out = settings.save_settings(conn, me.company_id, changes)
    audit(conn, "time.settings_changed", "company", me.company_id, changes)
    return {"settings": out}
