"""Security alerts for admins: list (with counts per state) and acknowledge."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.errors import ValidationFailed
from workmonitor.integrations import alerts
from workmonitor.integrations.models import AlertOut, AlertPage
from workmonitor.web import audit, caller, db, page, paginated, responds, roles

bp = Blueprint("alerts", __name__)


def _shaped(row: dict) -> dict:
    return {**row, "title": alerts.TITLES[row["kind"]]}


@bp.get("/alerts")
@roles("admin")
@responds(AlertPage)
def list_alerts():
    """The company's security alerts, newest first (?state=new|acknowledged)."""
    state = request.args.get("state") or None
    if state not in (None, "new", "acknowledged"):
        raise ValidationFailed("state must be new or acknowledged.", fields={"state": "unknown"})
    limit, offset = page()
    conn = db()
    rows = [_shaped(r) for r in alerts.alerts(conn, state, limit, offset)]
    return paginated(rows, limit, offset, counts=alerts.counts(conn))


@bp.post("/alerts/<alert_id>/acknowledge")
@roles("admin")
@responds(AlertOut)
def acknowledge(alert_id: str):
    """Mark an alert as seen and dealt with."""
    conn = db()
    row = alerts.acknowledge(conn, caller().user_id, alert_id)
    audit(conn, "alert.acknowledged", "security_alert", row["id"], {"kind": row["kind"]})
    return {"alert": _shaped(row)}
