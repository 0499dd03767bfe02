"""Audit log and company profile routes: admins read the company's audit rows and change its profile."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.errors import ValidationFailed
from workmonitor.team import auditlog, company
from workmonitor.team.models import AuditActions, AuditPage, AuditQuery, CompanyOut, CompanyPatch
from workmonitor.web import audit, body, caller, db, page, paginated, query_datetime, query_uuid, responds, roles

bp = Blueprint("audit", __name__)


@bp.get("/audit")
@roles("admin")
@responds(AuditPage, query=AuditQuery)
def audit_log():
    """The audit log, newest first (?action= one action or a prefix "team.", ?actor_id=, ?since=, ?until=)."""
    limit, offset = page()
    rows = auditlog.list_entries(
        db(),
        caller().company_id,
        request.args.get("action") or None,
        limit,
        offset,
        actor_id=query_uuid("actor_id"),
        since=query_datetime("since"),
        until=query_datetime("until"),
    )
    return paginated(rows, limit, offset)


@bp.get("/audit/actions")
@roles("admin")
@responds(AuditActions)
def audit_actions():
    """The actions the company's audit log holds (for a filter)."""
    return {"actions": auditlog.actions(db(), caller().company_id)}


@bp.get("/company")
@responds(CompanyOut)
def get_company():
    """The caller's company profile."""
    return {"company": company.get_company(db(), caller().company_id)}


@bp.patch("/company")
@roles("admin")
@responds(CompanyOut, body=CompanyPatch)
def patch_company():
    """Change the company's name, time zone, week start or currency."""
    changes = body(CompanyPatch).model_dump(exclude_none=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give at least one setting"})
    conn = db()
    before, after = company.update_company(conn, caller().company_id, changes)
    diff = {k: {"old": before[k], "new": after[k]} for k in changes if before[k] != after[k]}
    audit(conn, "team.company_changed", "company", after["id"], diff)
    return {"company": after}
