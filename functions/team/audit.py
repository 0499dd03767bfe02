"""Audit log route: admins read the company's audit rows."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.team import auditlog
from workmonitor.team.models import AuditPage
from workmonitor.web import caller, db, page, paginated, responds, roles

bp = Blueprint("audit", __name__)


@bp.get("/audit")
@roles("admin")
@responds(AuditPage)
def audit_log():
    """The audit log, newest first (?action= one action)."""
    limit, offset = page()
    return paginated(
        auditlog.list_entries(db(), caller().company_id, request.args.get("action"), limit, offset), limit, offset
    )
