"""The Stripe endpoint: verify the Stripe-Signature header with the SDK (default tolerance), apply the event once.

A missing or bad signature is a 400 and changes nothing. The answer is quick: emails and notifications are RQ
jobs recorded in the same transaction. Without a webhook secret configured nothing can be verified: every event
is a 400 billing_off (Stripe retries for days, so events sent before the operator sets it still arrive).
"""

from __future__ import annotations

import stripe
from flask import Blueprint, request

from workmonitor import errors
from workmonitor.billing import client_pay, stripe_api, webhook
from workmonitor.billing.models import WebhookAck
from workmonitor.config import settings
from workmonitor.db import Claims
from workmonitor.errors import id_or_404
from workmonitor.web import after_commit, db, public, raw_body, responds

bp = Blueprint("stripe_webhook", __name__)


@bp.post("/")
@public
@responds(WebhookAck)
def receive():
    """Apply one signed Stripe event (idempotent by event id; unknown types acknowledged)."""
    cfg = settings()
    if not cfg.stripe_webhook_secret:
        raise errors.ValidationFailed(
            "Billing is off: no Stripe webhook secret is configured, so no event can be verified.", code="billing_off"
        )
    payload = raw_body()
    try:
        stripe.Webhook.construct_event(payload, request.headers.get("Stripe-Signature"), cfg.stripe_webhook_secret)
    except stripe.SignatureVerificationError as exc:
        raise errors.ValidationFailed("The Stripe signature is missing or invalid.", code="signature_invalid") from exc
    except ValueError as exc:
        raise errors.ValidationFailed("The event is not valid JSON.", code="invalid_json") from exc
    event = webhook.parse(payload)  # verified: exactly the bytes Stripe signed
    conn = db(Claims())
    outcome = webhook.process(conn, event, cfg.billing_grace_days, stripe_api.fetch_subscription, after_commit)
    return {"received": True, "outcome": outcome}


@bp.post("/companies/<company_id>")
@public
@responds(WebhookAck)
def receive_company(company_id: str):
    """Apply one Stripe event of a company's OWN account (client invoices paid online), verified with that
    company's webhook signing secret; a payment is recorded once whatever the replays and event types."""
    company_id = id_or_404(company_id, "webhook", code="webhook_not_configured")
    payload = raw_body()
    conn = db(Claims())
    event = client_pay.verify(conn, company_id, payload, request.headers.get("Stripe-Signature"))
    return {"received": True, "outcome": client_pay.process(conn, company_id, event)}
