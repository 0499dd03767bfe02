"""Working-time rule routes: the company's rule set, a person's violations in the timesheet, the monthly report."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, request

from workmonitor.errors import ValidationFailed
from workmonitor.time import entries, settings, timecalc
from workmonitor.web import audit, body, caller, date_range, db, query_uuid, responds, roles
from workmonitor.worktime import rules, store
from workmonitor.worktime.models import ComplianceReport, ViolationsOut, WorkRulesIn, WorkRulesOut

bp = Blueprint("compliance", __name__)


def _rules_out(row: dict) -> dict:
    return {**row, "presets": {name: r.as_dict() for name, r in rules.PRESETS.items()}}


@bp.get("/worktime/rules")
@responds(WorkRulesOut)
def get_rules():
    """The company's working-time rules (its preset and overrides) and the presets to choose from."""
    return _rules_out(store.rule_row(db()))


@bp.put("/worktime/rules")
@roles("admin")
@responds(WorkRulesOut, body=WorkRulesIn)
def put_rules():
    """Choose a preset and override some of its limits."""
    data = body(WorkRulesIn)
    conn = db()
    overrides = data.overrides.model_dump(exclude_none=True)
    row = store.save_rules(conn, caller().user_id, data.preset, overrides)
    audit(conn, "worktime.rules_changed", "company", caller().company_id, {"preset": data.preset, **overrides})
    return _rules_out(row)


@bp.get("/worktime/violations")
@responds(ViolationsOut)
def get_violations():
    """A visible person's violations and flags (?user_id, ?from, ?to: default this week, at most 92 days), the
    unpaid breaks deducted and what was flagged when weeks were submitted."""
    conn, me = db(), caller()
    user = entries.target_user(conn, me, query_uuid("user_id"))
    cfg = settings.settings(conn, me.company_id)
    first, last = date_range(store.MAX_DAYS)
    if first is None or last is None:
        first, last = timecalc.week_of(timecalc.local_date(entries.now(), user["timezone"]), cfg["week_start"])
    uid = str(user["id"])
    return {
        "user_id": uid,
        "items": store.violations(conn, user, first, last, cfg["week_start"]),
        "deductions": store.deductions(conn, uid, first, last),
        "flagged_on_submission": store.flags(conn, uid, first, last),
    }


@bp.get("/worktime/report")
@roles("admin", "manager")
@responds(ComplianceReport)
def report():
    """The month's (?month=YYYY-MM, default this one) violations of everyone the caller sees, counted by rule."""
    raw = request.args.get("month") or date.today().strftime("%Y-%m")
    try:
        month = date.fromisoformat(raw + "-01")
    except ValueError as exc:
        raise ValidationFailed("month must be YYYY-MM.", fields={"month": "not a month"}) from exc
    if not date(1900, 1, 1) <= month <= date(2999, 12, 1) or month > date.today() + timedelta(days=31):
        raise ValidationFailed("month is out of range.", fields={"month": "out of range"})
    return {"month": raw, "items": store.monthly_report(db(), month)}
