"""AI insight routes: a model's narrative on top of one person's insight numbers, the company's AI settings and the
request log (admins)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint

from workmonitor.errors import NotFound, ValidationFailed
from workmonitor.integrations import ai, insights
from workmonitor.integrations.models import AiRequestPage, AiSettingsIn, AiSettingsOut, NarrativeIn, NarrativeOut
from workmonitor.time.entries import timezone_of
from workmonitor.web import audit, body, caller, db, page, paginated, responds, roles

bp = Blueprint("ai", __name__)


def _settings_out(row: dict) -> dict:
    cfg = ai.model_config()
    return {
        "settings": {
            "configured": cfg is not None,
            "model": cfg.model if cfg else None,
            "enabled": row["enabled"],
            "allow_titles": row["allow_titles"],
            "updated_at": row["updated_at"],
        }
    }


@bp.post("/insights/narrative")
@responds(NarrativeOut, body=NarrativeIn)
def narrative():
    """A model's short narrative and recommendations on top of ?user_id's insight numbers (oneself by default;
    managers their employees; admins anyone). 409 ai_off when the company has not turned it on, 409 ai_not_configured
    without a model; 503 when it cannot be reached; 502 when it answers badly. The numbers endpoint is unaffected."""
    data = body(NarrativeIn)
    conn = db()
    me = caller()
    last = data.to or datetime.now(ZoneInfo(timezone_of(conn, me.user_id))).date()
    first = data.from_ or last - timedelta(days=27)
    if first > last or (last - first).days > 366:
        raise ValidationFailed("from must be on or before to, at most 366 days apart.", fields={"from": "range"})
    uid = str(data.user_id or me.user_id)
    row = insights.person(conn, uid, first, last)
    if row is None:
        raise NotFound("No such user.", code="user_not_found")
    numbers = insights.shaped(row, uid, first, last)
    out = ai.narrative(conn, me.claims(), me.user_id, numbers)
    return {"numbers": numbers, "generated": True, **out}


@bp.get("/ai/settings")
@roles("admin")
@responds(AiSettingsOut)
def get_settings():
    """Whether AI summaries are on for the company and what may be sent (aggregates only unless allow_titles)."""
    return _settings_out(ai.settings(db()))


@bp.put("/ai/settings")
@roles("admin")
@responds(AiSettingsOut, body=AiSettingsIn)
def put_settings():
    """Turn AI summaries on or off and choose whether window titles and URLs may be sent (audited)."""
    data = body(AiSettingsIn)
    conn = db()
    before = ai.settings(conn)
    row = ai.save_settings(conn, caller().user_id, data.enabled, data.allow_titles)
    audit(
        conn,
        "ai.settings_changed",
        "ai_settings",
        caller().company_id,
        {
            "enabled": [before["enabled"], row["enabled"]],
            "allow_titles": [before["allow_titles"], row["allow_titles"]],
        },
    )
    return _settings_out(row)


@bp.get("/ai/requests")
@roles("admin")
@responds(AiRequestPage)
def list_requests():
    """Every model request of the company, newest first: who asked, for whom, what kind of data, token counts."""
    limit, offset = page()
    return paginated(ai.requests_log(db(), limit + 1, offset), limit, offset)
