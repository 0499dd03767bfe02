"""Admin billing actions: the company's plan and status, Checkout, the Customer Portal, Stripe invoices."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ..config import settings
from ..db import Conn, Row
from ..errors import Conflict
from . import accounts, entitlements, stripe_api

if TYPE_CHECKING:  # the SDK's request shapes, checked by mypy
    from stripe.params import InvoiceListParams
    from stripe.params.billing_portal import SessionCreateParams as PortalParams
    from stripe.params.checkout import SessionCreateParams as CheckoutParams
    from stripe.params.checkout._session_create_params import SessionCreateParamsSubscriptionData


def overview(conn: Conn, company_id: str) -> dict:
    """Return the company's billing overview (plan, seats, status, trial end, access) or, when off, say so."""
    if not stripe_api.enabled():
        return {"enabled": False, "message": stripe_api.OFF_MESSAGE, "access": "full", "reason": None}
    row = accounts.ensure(conn, company_id, settings().billing_trial_days)
    level, reason = entitlements.access(row)
    plan = stripe_api.plan_of_price(row["price_id"])
    return {
        "enabled": True,
        "message": None,
        "access": level,
        "reason": reason,
        "status": row["status"],
        "plan": plan.key if plan else None,
        "plan_name": plan.name if plan else None,
        "interval": plan.interval if plan else None,
        "seats": row["seats"],
        "active_members": accounts.active_members(conn, company_id),
        "trial_end": row["trial_end"],
        "current_period_end": row["current_period_end"],
        "cancel_at_period_end": row["cancel_at_period_end"],
        "grace_until": row["grace_until"],
        "subscribed": row["stripe_subscription_id"] is not None and row["status"] not in accounts.TERMINAL,
        "plans": [{"key": p.key, "name": p.name, "interval": p.interval} for p in stripe_api.plans()],
    }


def entitlement(conn: Conn, company_id: str, role: str) -> dict:
    """Return what any member needs for the banner: access and why (full when billing is off). An admin's app asks
    on every page, so a company's trial row (from its creation) exists from its admin's first visit on."""
    if not stripe_api.enabled():
        return {"enabled": False, "access": "full", "reason": None, "status": None}
    if role == "admin":
        accounts.ensure(conn, company_id, settings().billing_trial_days)
    row = entitlements.account(conn, company_id)
    level, reason = entitlements.access(row)
    return {"enabled": True, "access": level, "reason": reason, "status": row["status"] if row else None}


def _customer(conn: Conn, company_id: str, email: str) -> tuple[Row, str]:
    """Return (billing row, Stripe customer id), creating the customer once (idempotent by company)."""
    stripe_api.client()  # 409 billing_off before anything: no billing row is made while billing is off
    row = accounts.ensure(conn, company_id, settings().billing_trial_days)
    if row["stripe_customer_id"]:
        return row, row["stripe_customer_id"]
    company = conn.execute("SELECT name FROM companies WHERE id = %s", (company_id,)).fetchone()
    assert company is not None
    created = stripe_api.call(
        lambda: stripe_api.client().v1.customers.create(
            params={"name": company["name"], "email": email, "metadata": {"company_id": company_id}},
            options={"idempotency_key": f"wm-customer-{company_id}"},
        )
    )
    accounts.set_customer(conn, company_id, created.id)
    return row, created.id


def checkout(conn: Conn, company_id: str, email: str, plan_key: str, interval: str) -> dict:
    """Start a subscription Checkout Session for the plan, one seat per active member; return {"url", "id"}.
    Raise 409 already_subscribed when a live subscription exists (change it in the portal)."""
    stripe_api.client()  # 409 billing_off before the plan is looked up
    plan = stripe_api.find_plan(plan_key, interval)
    row, customer = _customer(conn, company_id, email)
    if row["stripe_subscription_id"] and row["status"] not in accounts.TERMINAL:
        raise Conflict("The company already has a subscription: change it in the portal.", code="already_subscribed")
    seats = max(accounts.active_members(conn, company_id), 1)
    base = settings().public_url
    trial_end = row["trial_end"]
    subscription_data: SessionCreateParamsSubscriptionData = {"metadata": {"company_id": company_id}}
    if row["status"] == "trialing" and trial_end is not None and trial_end.timestamp() > time.time() + 48 * 3600:
        subscription_data["trial_end"] = int(trial_end.timestamp())  # Stripe wants 48 h at least
    params: CheckoutParams = {
        "mode": "subscription",
        "customer": customer,
        "client_reference_id": company_id,
        "line_items": [{"price": plan.price_id, "quantity": seats}],
        "success_url": f"{base}/billing?checkout=success",
        "cancel_url": f"{base}/billing?checkout=canceled",
        "subscription_data": subscription_data,
    }
    session = stripe_api.call(lambda: stripe_api.client().v1.checkout.sessions.create(params=params))
    return {"url": session.url, "id": session.id}


def portal(conn: Conn, company_id: str, email: str) -> dict:
    """Open a Customer Portal session (payment methods, invoices, cancel); return {"url", "id"}."""
    _, customer = _customer(conn, company_id, email)
    params: PortalParams = {"customer": customer, "return_url": f"{settings().public_url}/billing"}
    session = stripe_api.call(lambda: stripe_api.client().v1.billing_portal.sessions.create(params=params))
    return {"url": session.url, "id": session.id}


def invoices(conn: Conn, company_id: str, limit: int, starting_after: str | None) -> dict:
    """Return a page of the company's Stripe invoices, newest first: {"items", "has_more", "next_cursor"}."""
    stripe_api.client()  # 409 billing_off before anything
    row = accounts.ensure(conn, company_id, settings().billing_trial_days)
    if not row["stripe_customer_id"]:
        return {"items": [], "has_more": False, "next_cursor": None}
    params: InvoiceListParams = {"customer": row["stripe_customer_id"], "limit": limit}
    if starting_after:
        params["starting_after"] = starting_after
    found = stripe_api.call(lambda: stripe_api.client().v1.invoices.list(params=params))
    items = [_invoice(stripe_api.as_dict(i)) for i in found.data]
    return {
        "items": items,
        "has_more": bool(found.has_more),
        "next_cursor": items[-1]["id"] if found.has_more else None,
    }


def _invoice(inv: dict) -> dict:
    return {
        "id": inv["id"],
        "number": inv.get("number"),
        "status": inv.get("status"),
        "currency": (inv.get("currency") or "").upper(),
        "amount_due": inv.get("amount_due") or 0,
        "amount_paid": inv.get("amount_paid") or 0,
        "created": accounts.stamp(inv.get("created")),
        "hosted_invoice_url": inv.get("hosted_invoice_url"),
        "invoice_pdf": inv.get("invoice_pdf"),
    }
