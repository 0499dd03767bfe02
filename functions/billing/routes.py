"""Billing routes: admins see and change the subscription; every member reads the entitlement."""

from __future__ import annotations

from html import escape

from flask import Blueprint, Response, request

from workmonitor import errors
from workmonitor.billing import client_pay, service
from workmonitor.billing.models import (
    BillingOverview,
    CheckoutIn,
    CompanyStripeIn,
    CompanyStripeOut,
    Entitlement,
    PayLinkOut,
    RedirectOut,
    StripeInvoicePage,
)
from workmonitor.db import Claims
from workmonitor.errors import id_or_404
from workmonitor.finance import paylink
from workmonitor.web import audit, body, caller, db, public, query_int, responds, roles

bp = Blueprint("billing", __name__)


def _admin_email() -> str:
    row = db().execute("SELECT email FROM users WHERE id = %s", (caller().user_id,)).fetchone()
    if row is None:
        raise errors.NotFound("No such user.")
    return str(row["email"])


@bp.get("/")
@roles("admin")
@responds(BillingOverview)
def overview():
    """The plan, seats, status, trial end and access of the company (or that billing is off)."""
    return service.overview(db(), caller().company_id)


@bp.get("/entitlement")
@responds(Entitlement)
def entitlement():
    """Full, warning (past due, in grace) or read-only, and why: for the banner every member sees."""
    me = caller()
    return service.entitlement(db(), me.company_id, me.role)


@bp.post("/checkout")
@roles("admin")
@responds(RedirectOut, 201, body=CheckoutIn)
def checkout():
    """Start a Stripe Checkout Session (subscription, one seat per active member); answer its URL."""
    data = body(CheckoutIn)
    conn = db()
    out = service.checkout(conn, caller().company_id, _admin_email(), data.plan, data.interval)
    audit(
        conn, "billing.checkout_started", "company", caller().company_id, {"plan": data.plan, "interval": data.interval}
    )
    return out, 201


@bp.post("/portal")
@roles("admin")
@responds(RedirectOut, 201)
def portal():
    """Open the Stripe Customer Portal (payment methods, invoices, cancel); answer its URL."""
    return service.portal(db(), caller().company_id, _admin_email()), 201


@bp.get("/invoices")
@roles("admin")
@responds(StripeInvoicePage)
def invoices():
    """The company's Stripe invoices with their hosted links, newest first (?limit, ?starting_after)."""
    after = request.args.get("starting_after") or None
    if after is not None and (len(after) > 255 or not after.replace("_", "").isalnum()):
        raise errors.ValidationFailed("starting_after must be an invoice id.", fields={"starting_after": "not an id"})
    return service.invoices(db(), caller().company_id, query_int("limit", 20, 1, 100), after)


@bp.get("/stripe-account")
@roles("admin")
@responds(CompanyStripeOut)
def stripe_account():
    """The company's own Stripe account for client invoices: configured or not, the key's last 4 (never the key)."""
    return client_pay.account(db(), caller().company_id)


@bp.put("/stripe-account")
@roles("admin")
@responds(CompanyStripeOut, body=CompanyStripeIn)
def save_stripe_account():
    """Store the company's Stripe secret key (and webhook signing secret), encrypted; answer only "configured"."""
    data = body(CompanyStripeIn)
    conn = db()
    me = caller()
    out = client_pay.save_account(conn, me.company_id, me.user_id, data.secret_key, data.webhook_secret)
    details = {"key_last4": out["key_last4"], "webhook": data.webhook_secret is not None}
    audit(conn, "billing.stripe_account_saved", "company", me.company_id, details)
    return out


@bp.delete("/stripe-account")
@roles("admin")
@responds(None, 204)
def delete_stripe_account():
    """Forget the company's Stripe key and webhook secret (client invoices can no longer be paid online)."""
    conn = db()
    client_pay.delete_account(conn, caller().company_id)
    audit(conn, "billing.stripe_account_deleted", "company", caller().company_id)
    return "", 204


@bp.post("/client-invoices/<invoice_id>/pay-online")
@roles("admin")
@responds(PayLinkOut, 201)
def pay_online(invoice_id: str):
    """A "Pay online" link for an open finance invoice: a Stripe Checkout page (the company's own account) for the
    invoice's open amount; the same open amount answers the same session."""
    return client_pay.pay_link(db(), caller().company_id, invoice_id), 201


@bp.get("/pay/<company_id>/<invoice_id>/<signature>")
@public
@responds(None, (200, 303), media_type="text/html")
def pay_from_email(company_id: str, invoice_id: str, signature: str):
    """The Pay online link of an invoice email (no sign-in; signed): 303 to a Stripe Checkout page for the open
    amount made now, or a short page saying the invoice is paid or void. A link that is not ours is a 404."""
    if not paylink.valid(company_id, invoice_id, signature):
        raise errors.NotFound("This payment link is not valid.", code="link_invalid")
    company_id = id_or_404(company_id, "invoice", code="link_invalid")
    out = client_pay.checkout_or_message(db(Claims.job(company_id)), company_id, invoice_id)
    headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
    if "url" in out:
        link = escape(out["url"])
        page = f'<!doctype html><meta charset="utf-8"><title>Pay online</title><a href="{link}">Continue to payment</a>'
        return Response(page, 303, {**headers, "Location": out["url"]}, mimetype="text/html")
    page = (
        f'<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{escape(out['title'])}</title><h1>{escape(out['title'])}</h1><p>{escape(out['message'])}</p></html>"
    )
    return Response(page, 200, headers, mimetype="text/html")
