"""Outgoing webhook routes (admins): register endpoints, change, delete, read the delivery log, list the events."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.publicapi import webhooks
from workmonitor.reports.models import (
    DeliveryPage,
    EventList,
    WebhookCreated,
    WebhookIn,
    WebhookOut,
    WebhookPage,
    WebhookPatch,
)
from workmonitor.web import audit, body, caller, db, page, paginated, responds, roles

bp = Blueprint("webhooks", __name__)


@bp.get("/webhooks/events")
@responds(EventList)
def list_events():
    """Every event an endpoint may subscribe to ('*' subscribes to all)."""
    return {"events": list(webhooks.EVENTS)}


@bp.post("/webhooks")
@roles("admin")
@responds(WebhookCreated, 201, body=WebhookIn)
def create_webhook():
    """Register an HTTPS endpoint for events; its signing secret is in this answer only."""
    data = body(WebhookIn)
    conn, me = db(), caller()
    row, secret = webhooks.create(conn, me.company_id, me.user_id, data.url, data.events, data.description)
    audit(conn, "webhook.created", "webhook_endpoint", row["id"], {"url": data.url, "events": row["events"]})
    return {"webhook": row, "secret": secret}, 201


@bp.get("/webhooks")
@roles("admin")
@responds(WebhookPage)
def list_webhooks():
    """The company's endpoints, newest first."""
    limit, offset = page()
    return paginated(webhooks.list_endpoints(db(), limit, offset), limit, offset)


@bp.patch("/webhooks/<uuid:endpoint_id>")
@roles("admin")
@responds(WebhookOut, body=WebhookPatch)
def update_webhook(endpoint_id):
    """Change an endpoint's URL, events or description, or enable/disable it."""
    changes = body(WebhookPatch).model_dump(exclude_none=True)
    conn = db()
    row = webhooks.update(conn, str(endpoint_id), changes)
    audit(conn, "webhook.updated", "webhook_endpoint", row["id"], changes)
    return {"webhook": row}


@bp.delete("/webhooks/<uuid:endpoint_id>")
@roles("admin")
@responds(None, 204)
def delete_webhook(endpoint_id):
    """Delete an endpoint and its delivery log."""
    conn = db()
    webhooks.delete(conn, str(endpoint_id))
    audit(conn, "webhook.deleted", "webhook_endpoint", str(endpoint_id))
    return "", 204


@bp.get("/webhooks/<uuid:endpoint_id>/deliveries")
@roles("admin")
@responds(DeliveryPage)
def list_deliveries(endpoint_id):
    """An endpoint's deliveries, newest first: status code, duration, attempts and the next retry."""
    limit, offset = page()
    return paginated(webhooks.deliveries(db(), str(endpoint_id), limit, offset), limit, offset)
