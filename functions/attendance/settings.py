"""Settings routes: the company's grace minutes and geofence policy (everyone reads, admins change)."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.attendance import common
from workmonitor.attendance.models import SettingsIn, SettingsOut
from workmonitor.errors import ValidationFailed
from workmonitor.web import audit, body, caller, db, responds, roles

bp = Blueprint("settings", __name__)


@bp.get("/settings")
@responds(SettingsOut)
def get_settings():
    """Read the company's attendance settings."""
    return {"settings": common.company_settings(db(), caller().company_id)}


@bp.patch("/settings")
@roles("admin")
@responds(SettingsOut, body=SettingsIn)
def patch_settings():
    """Change grace_minutes or geofence_policy (audited)."""
    changes = body(SettingsIn).model_dump(exclude_none=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give grace_minutes or geofence_policy"})
    conn, company_id = db(), caller().company_id
    before = common.company_settings(conn, company_id)
    after = common.update_settings(conn, company_id, changes)
    audit(conn, "attendance.settings_changed", "company", company_id, dict(before=before, after=after))
    return {"settings": after}
