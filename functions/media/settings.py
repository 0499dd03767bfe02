"""Media settings routes: GET and PATCH /settings (admins)."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.errors import ValidationFailed
from workmonitor.media import settings
from workmonitor.media.models import SettingsOut, SettingsPatch
from workmonitor.web import body, caller, db, responds, roles

from .common import record

bp = Blueprint("media_settings", __name__)


@bp.get("/settings")
@responds(SettingsOut)
def get_settings():
    """The company's media settings."""
    return {"settings": settings.company_settings(db(), caller().company_id)}


@bp.patch("/settings")
@roles("admin")
@responds(SettingsOut, body=SettingsPatch)
def patch_settings():
    """Change media settings."""
    changes = body(SettingsPatch).model_dump(exclude_none=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give at least one setting"})
    conn = db()
    new = settings.update_settings(conn, caller().company_id, changes)
    record(conn, "media.settings_changed", "company", caller().company_id, **changes)
    return {"settings": new}
