"""Client invoices paid online with the company's OWN Stripe account (issue 16).

An admin stores the company's Stripe secret key (and the signing secret of the webhook endpoint it adds in its
Stripe dashboard, https://<host>/function/stripe-webhook/companies/<company_id>). An open finance invoice then
gets a "Pay online" link: a Checkout Session in payment mode for the invoice's open amount, made with the
company's key. The company's webhook records the payment on the invoice (workmonitor.finance.invoices), and
moves the payouts made through Stripe Connect (workmonitor.billing.connect). An invoice email carries a stable,
signed link to a public endpoint that makes a session when the client opens it (workmonitor.finance.paylink and
`checkout_or_message` here).

What must stay true:
- the key and the webhook secret are stored only encrypted (workmonitor.integrations.crypto, bound to the purpose
  and the company id, so a ciphertext moved to another company does not decrypt); they are never answered back:
  only whether they are configured and the key's last 4 characters;
- one Checkout Session per invoice and open amount (idempotency key): a double click makes one session, a
  session after a partial payment asks for the new open amount;
- a payment is recorded with the PaymentIntent id as its reference, so checkout.session.completed and
  payment_intent.succeeded of the same payment, and any replay, record it once;
- an event names its invoice and company in metadata; it is applied only for the company whose secret verified
  it, with that company's 'job' claims (RLS hides every other company's invoices).
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import stripe

from ..config import settings
from ..db import Claims, Conn, set_claims
from ..errors import ApiError, Conflict, NotFound, ValidationFailed
from ..finance import invoices
from ..integrations import crypto
from . import stripe_api

if TYPE_CHECKING:
    from stripe.params.checkout import SessionCreateParams

log = logging.getLogger("workmonitor.billing")
KEY_RE = re.compile(r"^(sk|rk)_(test|live)_[A-Za-z0-9]{8,240}$")
WEBHOOK_RE = re.compile(r"^whsec_[A-Za-z0-9+/=]{8,240}$")
PAYMENT_EVENTS = ("checkout.session.completed", "payment_intent.succeeded")


def _purpose(kind: str, company_id: str) -> str:
    return f"stripe-{kind}:{company_id}"


def account(conn: Conn, company_id: str) -> dict:
    """Return what the admins may see of the company's Stripe account (never the secrets themselves)."""
    row = conn.execute(
        "SELECT key_last4, webhook_secret_enc IS NOT NULL AS webhook, updated_at FROM company_stripe_accounts"
        " WHERE company_id = %s",
        (company_id,),
    ).fetchone()
    return {
        "configured": row is not None,
        "key_last4": row["key_last4"] if row else None,
        "webhook_configured": bool(row and row["webhook"]),
        "webhook_url": f"{settings().public_url}/function/stripe-webhook/companies/{company_id}",
        "updated_at": row["updated_at"] if row else None,
    }


def save_account(conn: Conn, company_id: str, user_id: str, secret_key: str, webhook_secret: str | None) -> dict:
    """Store the company's Stripe secret key (and webhook signing secret) encrypted; return `account`."""
    fields = {}
    if not KEY_RE.match(secret_key):
        fields["secret_key"] = "a Stripe secret or restricted key (sk_live_…, sk_test_…, rk_…)"
    if webhook_secret is not None and not WEBHOOK_RE.match(webhook_secret):
        fields["webhook_secret"] = "a webhook signing secret (whsec_…)"
    if fields:
        raise ValidationFailed("Not a Stripe key.", fields=fields)
    key_enc, _ = crypto.encrypt(secret_key.encode(), _purpose("key", company_id))
    hook_enc = crypto.encrypt(webhook_secret.encode(), _purpose("webhook", company_id))[0] if webhook_secret else None
    conn.execute(
        "INSERT INTO company_stripe_accounts (company_id, secret_key_enc, key_last4, webhook_secret_enc, updated_by)"
        " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (company_id) DO UPDATE SET secret_key_enc = EXCLUDED.secret_key_enc,"
        " key_last4 = EXCLUDED.key_last4,"
        " webhook_secret_enc = coalesce(EXCLUDED.webhook_secret_enc, company_stripe_accounts.webhook_secret_enc),"
        " updated_by = EXCLUDED.updated_by, updated_at = now()",
        (company_id, key_enc, secret_key[-4:], hook_enc, user_id),
    )
    return account(conn, company_id)


def delete_account(conn: Conn, company_id: str) -> None:
    """Forget the company's Stripe key and webhook secret."""
    conn.execute("DELETE FROM company_stripe_accounts WHERE company_id = %s", (company_id,))


def configured(conn: Conn, company_id: str) -> bool:
    """Return whether the company stored its own Stripe key (invoices paid online, Connect payouts)."""
    row = conn.execute("SELECT 1 FROM company_stripe_accounts WHERE company_id = %s", (company_id,)).fetchone()
    return row is not None


def company_client(conn: Conn, company_id: str) -> stripe.StripeClient:
    """Return a Stripe client acting with the company's own key; raise 409 stripe_not_configured."""
    row = conn.execute(
        "SELECT secret_key_enc FROM company_stripe_accounts WHERE company_id = %s", (company_id,)
    ).fetchone()
    if row is None:
        raise Conflict("Add the company's Stripe key in Billing first.", code="stripe_not_configured")
    try:
        key = crypto.decrypt(row["secret_key_enc"], _purpose("key", company_id)).decode()
    except crypto.CredentialUnreadable as exc:
        raise Conflict("The stored Stripe key cannot be read; save it again.", code="stripe_key_unreadable") from exc
    base = settings().stripe_api_base
    addresses: Any = {"api": base} if base else None
    return stripe.StripeClient(key, base_addresses=addresses, max_network_retries=1)


def pay_link(conn: Conn, company_id: str, invoice_id: str, day: date | None = None) -> dict:
    """Create (once per invoice and open amount, and per UTC `day` when given) a Checkout Session for the invoice's
    open amount; return {url, id, amount_minor, currency}. Raise 404, 409 (not open, nothing due, no key)."""
    inv = invoices.get(conn, invoice_id)
    if inv["kind"] != "invoice" or inv["status"] not in invoices.OPEN:
        raise Conflict(f"A {inv['status']} invoice cannot be paid online.", code="invalid_state")
    due = int(inv["total_minor"] - inv["paid_minor"])
    if due <= 0:
        raise Conflict("Nothing is due on this invoice.", code="nothing_due")
    client = company_client(conn, company_id)
    currency = inv["currency"].strip()
    meta = {"invoice_id": str(inv["id"]), "company_id": company_id, "invoice_number": inv["number"]}
    base = settings().public_url
    params: SessionCreateParams = {
        "mode": "payment",
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": currency.lower(),
                    "unit_amount": due,
                    "product_data": {"name": f"Invoice {inv['number']}"},
                },
            }
        ],
        "client_reference_id": str(inv["id"]),
        "metadata": meta,
        "payment_intent_data": {"metadata": meta, "description": f"Invoice {inv['number']}"},
        "success_url": f"{base}/pay/done?invoice={inv['number']}",
        "cancel_url": f"{base}/pay/canceled?invoice={inv['number']}",
    }
    bill_to = inv["bill_to"] or {}
    if isinstance(bill_to, dict) and bill_to.get("email"):
        params["customer_email"] = str(bill_to["email"])
    # Per day for the email's link: a session made today is answered again only today, so never once expired (24h).
    idem = f"wm-invoice-{inv['id']}-{due}-{currency}" + (f"-{day.isoformat()}" if day else "")
    session = stripe_api.call(lambda: client.v1.checkout.sessions.create(params, options={"idempotency_key": idem}))
    return {"url": session.url, "id": session.id, "amount_minor": due, "currency": currency}


def checkout_or_message(conn: Conn, company_id: str, invoice_id: str) -> dict:
    """For a client who follows an invoice email's Pay online link (the company's job claims): return {url} of a
    Checkout Session for today's open amount, or {title, message} saying why nothing is paid online. Raise 404."""
    inv = invoices.get(conn, invoice_id)
    title = f"Invoice {inv['number'] or ''}".strip()
    if inv["kind"] != "invoice" or inv["status"] == "draft":
        return {"title": title, "message": "There is nothing to pay online for this document."}
    if inv["status"] == "void":
        return {"title": title, "message": "This invoice was voided: nothing is due."}
    if inv["status"] not in invoices.OPEN or inv["total_minor"] <= inv["paid_minor"]:
        return {"title": title, "message": "This invoice is paid. Thank you!"}
    if not configured(conn, company_id):
        return {"title": title, "message": "This invoice can no longer be paid online; please pay as it says."}
    return {"url": pay_link(conn, company_id, str(inv["id"]), datetime.now(UTC).date())["url"]}


# --- the company's webhook ---------------------------------------------------------------------------------------


def verify(conn: Conn, company_id: str, payload: bytes, header: str | None) -> dict:
    """Verify a Stripe event sent for company `company_id` with its webhook secret; return the event dict.
    Raise 404 (no such endpoint) or 400 (bad signature)."""
    found = conn.execute("SELECT app.company_stripe_webhook_secret(%s) AS enc", (company_id,)).fetchone()
    if found is None or not found["enc"]:
        raise NotFound("No Stripe webhook is configured here.", code="webhook_not_configured")
    try:
        secret = crypto.decrypt(found["enc"], _purpose("webhook", company_id)).decode()
    except crypto.CredentialUnreadable as exc:
        raise ApiError("The webhook secret cannot be read.", status=409, code="stripe_key_unreadable") from exc
    try:
        stripe.Webhook.construct_event(payload, header, secret)
    except stripe.SignatureVerificationError as exc:
        raise ValidationFailed("The Stripe signature is missing or invalid.", code="signature_invalid") from exc
    except ValueError as exc:
        raise ValidationFailed("The event is not valid JSON.", code="invalid_json") from exc
    from . import webhook  # the envelope check is shared with the operator's endpoint

    return webhook.parse(payload)


def payment_of(event: dict) -> dict | None:
    """Return {invoice_id, company_id, reference, amount_minor, currency} of a paid client-invoice event, else None."""
    obj = event["data"]["object"]
    meta = obj.get("metadata") or {}
    if event["type"] == "checkout.session.completed":
        if obj.get("mode") != "payment" or obj.get("payment_status") != "paid":
            return None
        intent = obj.get("payment_intent")
        reference = intent.get("id") if isinstance(intent, dict) else intent
        amount = obj.get("amount_total")
    elif event["type"] == "payment_intent.succeeded":
        reference, amount = obj.get("id"), obj.get("amount_received")
    else:
        return None
    if not (meta.get("invoice_id") and meta.get("company_id") and reference and isinstance(amount, int)):
        return None
    return {
        "invoice_id": str(meta["invoice_id"]),
        "company_id": str(meta["company_id"]),
        "reference": str(reference),
        "amount_minor": amount,
        "currency": str(obj.get("currency") or "").upper(),
    }


def process(conn: Conn, company_id: str, event: dict) -> str:
    """Apply one verified event of the company's account once; return applied, unchanged, replayed, ignored,
    unknown_transfer or refused (a payment that cannot be recorded: logged and acknowledged, never retried forever).
    Transfer events (Stripe Connect payouts) go to billing.connect."""
    from . import accounts, connect

    at = accounts.stamp(event["created"])
    claimed = conn.execute(
        "SELECT app.stripe_event_claim(%s, %s, %s) AS new", (f"{company_id}:{event['id']}", event["type"], at)
    ).fetchone()
    if claimed is None or not claimed["new"]:
        return "replayed"
    if event["type"] in connect.TRANSFER_EVENTS:
        return connect.apply_event(conn, company_id, event)
    pay = payment_of(event) if event["type"] in PAYMENT_EVENTS else None
    if pay is None:
        return "ignored"
    if pay["company_id"] != company_id:
        log.warning("stripe event names another company", extra={"fields": {"event": event["id"]}})
        return "refused"
    set_claims(conn, Claims.job(company_id))
    try:
        out = invoices.record_payment(
            conn, pay["invoice_id"], pay["amount_minor"], pay["currency"], "stripe", pay["reference"], at
        )
    except ApiError as exc:
        log.warning(
            "online payment not recorded",
            extra={"fields": {"event": event["id"], "invoice": pay["invoice_id"], "error": str(exc)}},
        )
        return "refused"
    return "applied" if out["created"] else "unchanged"
