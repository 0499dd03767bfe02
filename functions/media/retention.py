"""Retention route (cron-connector): POST /retention/run with X-WM-Secret (all companies) or an admin's token."""

from __future__ import annotations

import hmac

from flask import Blueprint, g, request

from workmonitor.config import settings
from workmonitor.db import Claims
from workmonitor.errors import Forbidden, Unauthorized
from workmonitor.jobs import registry
from workmonitor.media.models import RetentionRun
from workmonitor.media.settings import company_settings
from workmonitor.privacy import retention
from workmonitor.privacy.models import RetentionPreview
from workmonitor.web import caller, db, public, responds, roles

from .common import record

bp = Blueprint("media_retention", __name__)


@bp.post("/retention/run")
@public
@responds(RetentionRun, 202)
def run_retention():
    """Enqueue the retention job for every company (shared secret) or the admin's own."""
    secret, given = settings().publish_secret, request.headers.get("X-WM-Secret", "")
    found = g.get("caller")
    if secret and given and hmac.compare_digest(given.encode(), secret.encode()):
        ids, scope = None, "all"
    elif found is not None and found.role == "admin":
        ids, scope = [found.company_id], "company"
        record(db(), "media.retention_run", "company", found.company_id)
    elif found is not None:
        raise Forbidden("Only an admin may run retention.", code="role_required")
    else:
        raise Unauthorized("Send X-WM-Secret or an admin's token.", code="auth_required")
    conn = db(Claims()) if scope == "all" else db()
    return {"job_id": registry.APPLY_RETENTION.enqueue(conn, ids), "scope": scope}, 202


@bp.get("/retention/preview")
@roles("admin")
@responds(RetentionPreview)
def retention_preview():
    """What retention will delete when, per kind of capture, with the company's current settings."""
    conn = db()
    days = company_settings(conn, caller().company_id)["retention_days"]
    return {"items": retention.preview(conn, days)}
