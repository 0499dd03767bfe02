"""Productivity rule routes: /rules CRUD (admins company-wide or per team, managers their own team) and
POST /rules/recompute. Each change recomputes, in a job, only the days the rule can change."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.activity import rules
from workmonitor.activity.models import Queued, Rule, RuleIn, RuleOut, RulePatch
from workmonitor.errors import id_or_404
from workmonitor.jobs import registry
from workmonitor.web import audit, body, caller, db, page, paginated, responds, roles
from workmonitor.wire import Page

bp = Blueprint("activity_rules", __name__)
EDITORS = ("admin", "manager")


def _recompute(*versions: dict) -> None:
    """After commit, recompute the days that any of the rule's `versions` matches."""
    company_id, specs = caller().company_id, [rules.spec(v) for v in versions]
    registry.RECOMPUTE_RULE_CHANGE.enqueue(db(), company_id, specs)


def _editable(rule_id: str) -> dict:
    me = caller()
    return rules.editable(db(), id_or_404(rule_id, "rule"), me.user_id, me.role)


@bp.get("/rules")
@responds(Page[Rule])
def list_rules():
    """The company's rules."""
    limit, offset = page()
    return paginated(rules.list_rules(db(), caller().company_id, limit, offset), limit, offset)


@bp.post("/rules")
@roles(*EDITORS)
@responds(RuleOut, 201, body=RuleIn)
def create_rule():
    """Create a rule (a manager's applies to their team)."""
    data = body(RuleIn)
    me = caller()
    conn = db()
    row = rules.create(conn, me.company_id, me.user_id, me.role, data)
    audit(
        conn,
        "productivity.rule_created",
        "productivity_rule",
        row["id"],
        dict(pattern=data.pattern, category=data.category),
    )
    _recompute(row)
    return {"rule": row}, 201


@bp.patch("/rules/<rule_id>")
@roles(*EDITORS)
@responds(RuleOut, body=RulePatch)
def update_rule(rule_id: str):
    """Change a rule's match type, pattern or category."""
    data = body(RulePatch)
    rule = _editable(rule_id)
    changes = data.model_dump(exclude_none=True)
    conn = db()
    row = rules.update(conn, rule, changes)
    audit(conn, "productivity.rule_updated", "productivity_rule", rule["id"], changes)
    _recompute(rule, row)
    return {"rule": row}


@bp.delete("/rules/<rule_id>")
@roles(*EDITORS)
@responds(None, 204)
def delete_rule(rule_id: str):
    """Delete a rule."""
    rule = _editable(rule_id)
    conn = db()
    rules.delete(conn, rule)
    audit(conn, "productivity.rule_deleted", "productivity_rule", rule["id"], dict(pattern=rule["pattern"]))
    _recompute(rule)
    return "", 204


@bp.post("/rules/recompute")
@roles("admin")
@responds(Queued, 202)
def recompute():
    """Rebuild every day of the company's rollups from raw data (in the background, day by day)."""
    company_id = caller().company_id
    registry.RECOMPUTE_ACTIVITY.enqueue(db(), company_id)
    return {"status": "queued"}, 202
