"""Stripe events, applied once each: the stripe-webhook function verifies the signature, this module applies.

What must stay true:
- an event id is applied at most once (app.stripe_event_claim in the same transaction as the change: a failure
  rolls both back and Stripe's retry applies it then); a replay is acknowledged and changes nothing;
- the company is found by its Stripe customer id (app.billing_company_of_customer), then the work runs with the
  company's 'job' claims; an event for a customer we do not know, or of a type we do not handle, is acknowledged;
- ordering is Stripe's `created`, never arrival (workmonitor.billing.accounts);
- slow work (admin emails, in-app notifications) leaves as an RQ job recorded in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ..db import Claims, Conn, set_claims
from ..errors import ValidationFailed
from ..jobs import registry
from ..jobs.outbox import Defer
from . import accounts

FetchSubscription = Callable[[str], dict]
SUBSCRIPTION_EVENTS = (
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
)
HANDLED = (
    "checkout.session.completed",
    "invoice.payment_succeeded",
    "invoice.payment_failed",
    "payment_intent.succeeded",
    *SUBSCRIPTION_EVENTS,
)


def parse(payload: bytes) -> dict:
    """Return the verified payload as an event dict; raise 400 invalid_event when its envelope is malformed."""
    event = json.loads(payload)
    fields = {"id": str, "type": str, "created": int, "data": dict}
    if not isinstance(event, dict) or not all(isinstance(event.get(k), t) for k, t in fields.items()):
        raise ValidationFailed("The event's id, type, created or data is missing or malformed.", code="invalid_event")
    if not isinstance(event["data"].get("object"), dict):
        raise ValidationFailed("The event's data.object is not an object.", code="invalid_event")
    return event


def process(conn: Conn, event: dict, grace_days: int, fetch: FetchSubscription, defer: Defer | None = None) -> str:
    """Apply one verified Stripe event; return applied, unchanged, replayed, ignored or unknown_customer."""
    at = accounts.stamp(event["created"])
    assert at is not None
    claimed = conn.execute(
        "SELECT app.stripe_event_claim(%s, %s, %s) AS new", (event["id"], event["type"], at)
    ).fetchone()
    if claimed is None or not claimed["new"]:
        return "replayed"
    if event["type"] not in HANDLED:
        return "ignored"
    obj = event["data"]["object"]
    customer = obj.get("customer")
    if isinstance(customer, dict):
        customer = customer.get("id")
    found = conn.execute("SELECT app.billing_company_of_customer(%s) AS cid", (customer,)).fetchone()
    if not customer or found is None or found["cid"] is None:
        return "unknown_customer"  # payment_intent.succeeded of client invoices has its own customers
    company_id = str(found["cid"])
    set_claims(conn, Claims.job(company_id))
    changed = _apply(conn, company_id, event["type"], obj, at, grace_days, fetch, defer)
    return "applied" if changed else "unchanged"


def _apply(
    conn: Conn,
    company_id: str,
    kind: str,
    obj: dict,
    at: datetime,
    grace: int,
    fetch: FetchSubscription,
    defer: Defer | None,
) -> bool:
    if kind.startswith("invoice."):
        paid = kind == "invoice.payment_succeeded"
        moved = accounts.mark_invoice(conn, company_id, invoice_subscription(obj), paid, at, grace)
        _invoice_notice(conn, company_id, obj, paid, defer)
        return moved
    if kind == "checkout.session.completed":
        if obj.get("mode") != "subscription" or not obj.get("subscription"):
            return False  # payment-mode sessions belong to client invoices (the finance function)
        sub = obj["subscription"]
        obj = fetch(sub if isinstance(sub, str) else sub["id"])  # the subscription as it is now
    elif kind not in SUBSCRIPTION_EVENTS:
        return False  # payment_intent.succeeded of the operator's own customers: nothing to record here
    before = accounts.locked(conn, company_id)
    changed = accounts.apply_subscription(conn, company_id, obj, at, grace)
    # Whichever of checkout.session.completed and customer.subscription.created comes first links the subscription.
    if changed and before is not None and before["stripe_subscription_id"] != obj["id"]:
        thanks = "Thank you: the plan is active."
        _notice(conn, company_id, "billing_subscribed", "Subscription started", thanks, defer)
    return changed


def invoice_subscription(invoice: dict) -> str | None:
    """Return the subscription id an invoice bills (its place moved under `parent` in 2025 API versions)."""
    sub: Any = invoice.get("subscription")
    if sub is None:
        details = (invoice.get("parent") or {}).get("subscription_details") or {}
        sub = details.get("subscription")
    if isinstance(sub, dict):
        sub = sub.get("id")
    return sub


def _invoice_notice(conn: Conn, company_id: str, invoice: dict, paid: bool, defer: Defer | None) -> None:
    amount = invoice.get("amount_paid" if paid else "amount_due") or 0
    money = f"{amount / 100:.2f} {str(invoice.get('currency') or '').upper()}".strip()
    link = invoice.get("hosted_invoice_url") or ""
    if paid:
        title, body = "Payment received", f"We received {money} for invoice {invoice.get('number') or ''}. {link}"
        _notice(conn, company_id, "billing_payment_succeeded", title, body, defer)
    else:
        title = "Payment failed"
        body = f"The payment of {money} failed. Update the payment method in Billing to keep full access. {link}"
        _notice(conn, company_id, "billing_payment_failed", title, body, defer)


def _notice(conn: Conn, company_id: str, kind: str, title: str, body: str, defer: Defer | None) -> None:
    registry.BILLING_NOTICE.enqueue(conn, company_id, kind, title, body.strip(), defer=defer)
