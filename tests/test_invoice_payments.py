"""Client invoices paid online (issue 16): the company's own Stripe key stored encrypted, a "Pay online" Checkout
Session for the invoice's open amount made with THAT key against the local Stripe peer, and the company's webhook
(events signed as Stripe signs them) recording the payment exactly once."""

from __future__ import annotations

import email
import email.policy
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import stripe_peer
from factories import drain, signup
from seed_finance import F, ok
from stripe_peer import event, sign

B = "/function/billing"
COMPANY_KEY = "sk_test_" + "c" * 20 + "Q7x9"
OTHER_KEY = "sk_test_" + "o" * 20 + "Zz11"
COMPANY_HOOK = "whsec_" + "h" * 32


@pytest.fixture()
def peer():
    with stripe_peer.running() as p:
        p.company_keys.update({COMPANY_KEY, OTHER_KEY})
        yield p
    assert not p.problems, p.problems


def issued_invoice(api, admin, price: str = "250", client_name: str = "Initech") -> dict:
    """An issued invoice of one manual line (2 × price USD, no tax) to a new client; return it."""
    a = admin["token"]
    client = ok(api.post("/function/projects/clients", json={"name": client_name}, token=a), 201)["client"]
    line = {"description": "Consulting", "quantity": "2", "unit_price": price}
    inv = ok(api.post(f"{F}/invoices", json={"client_id": client["id"], "lines": [line]}, token=a), 201)["invoice"]
    return ok(api.post(f"{F}/invoices/{inv['id']}/issue", token=a))["invoice"]


def deliver_company(api, company_id: str, evt: dict, secret: str = COMPANY_HOOK):
    payload = json.dumps(evt)
    headers = {"Stripe-Signature": sign(payload, secret), "Content-Type": "application/json"}
    return api.call("POST", f"/function/stripe-webhook/companies/{company_id}", data=payload, headers=headers)


def test_company_key_is_encrypted_write_only_and_per_company(api, peer, owner_conn):
    admin, other = signup(api), signup(api)
    cid = admin["company"]["id"]
    r = api.get(f"{B}/stripe-account", token=admin["token"])
    assert (
        r.status_code == 200 and r.json["configured"] is False and r.json["webhook_url"].endswith(f"/companies/{cid}")
    )
    bad = api.put(
        f"{B}/stripe-account", json={"secret_key": "pk_test_nope", "webhook_secret": "x"}, token=admin["token"]
    )
    assert bad.status_code == 400 and set(bad.json["error"]["fields"]) == {"secret_key", "webhook_secret"}
    r = api.put(
        f"{B}/stripe-account", json={"secret_key": COMPANY_KEY, "webhook_secret": COMPANY_HOOK}, token=admin["token"]
    )
    assert r.status_code == 200 and r.json["configured"] and r.json["key_last4"] == "Q7x9", r.json
    assert r.json["webhook_configured"] and COMPANY_KEY not in json.dumps(r.json)
    again = api.get(f"{B}/stripe-account", token=admin["token"]).json
    assert (
        again["key_last4"] == "Q7x9" and COMPANY_KEY not in json.dumps(again) and COMPANY_HOOK not in json.dumps(again)
    )
    row = owner_conn.execute(
        "SELECT secret_key_enc, webhook_secret_enc FROM company_stripe_accounts WHERE company_id = %s", (cid,)
    ).fetchone()
    assert row is not None and COMPANY_KEY not in row[0] and "c" * 20 not in row[0] and row[0].startswith("v1:")
    assert COMPANY_HOOK not in row[1] and "h" * 32 not in row[1]
    # Another company sees nothing of it; a ciphertext moved to another company does not decrypt.
    assert api.get(f"{B}/stripe-account", token=other["token"]).json["configured"] is False
    owner_conn.execute(
        "INSERT INTO company_stripe_accounts (company_id, secret_key_enc, key_last4) VALUES (%s, %s, 'Q7x9')",
        (other["company"]["id"], row[0]),
    )
    inv = issued_invoice(api, other)
    r = api.post(f"{B}/client-invoices/{inv['id']}/pay-online", token=other["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "stripe_key_unreadable", r.json
    employee_view = api.get(f"{B}/stripe-account", token=signup(api)["token"]).json
    assert employee_view["configured"] is False
    # Saving again without a webhook secret keeps the one stored; deleting forgets both.
    r = api.put(f"{B}/stripe-account", json={"secret_key": OTHER_KEY}, token=admin["token"])
    assert r.json["key_last4"] == "Zz11" and r.json["webhook_configured"] is True
    assert api.delete(f"{B}/stripe-account", token=admin["token"]).status_code == 204
    assert api.get(f"{B}/stripe-account", token=admin["token"]).json["configured"] is False
    actions = [a for (a,) in owner_conn.execute(
        "SELECT action FROM audit_logs WHERE company_id = %s ORDER BY created_at", (cid,)).fetchall()]  # fmt: skip
    assert actions.count("billing.stripe_account_saved") == 2 and "billing.stripe_account_deleted" in actions


def test_pay_online_records_the_payment_once_with_the_company_key(api, peer, owner_conn):
    admin, other = signup(api), signup(api)
    cid, a = admin["company"]["id"], admin["token"]
    inv = issued_invoice(api, admin)  # 500.00 USD
    r = api.post(f"{B}/client-invoices/{inv['id']}/pay-online", token=a)
    assert r.status_code == 409 and r.json["error"]["code"] == "stripe_not_configured"
    ok(api.put(f"{B}/stripe-account", json={"secret_key": COMPANY_KEY, "webhook_secret": COMPANY_HOOK}, token=a))
    # A manual partial payment first: the link asks for the open amount only.
    pay = {"amount_minor": 12000, "currency": "USD", "method": "bank", "reference": "WIRE-9"}
    ok(api.post(f"{F}/invoices/{inv['id']}/payments", json=pay, token=a), 201)
    link = ok(api.post(f"{B}/client-invoices/{inv['id']}/pay-online", token=a), 201)
    assert link["amount_minor"] == 38000 and link["currency"] == "USD" and link["url"].startswith("https://checkout")
    again = ok(api.post(f"{B}/client-invoices/{inv['id']}/pay-online", token=a), 201)
    assert again["id"] == link["id"]  # the same open amount: the same session (idempotency key)
    [req, req2] = [q for q in peer.requests if q["path"] == "/v1/checkout/sessions"]
    p = req["params"]
    assert req["headers"]["authorization"] == f"Bearer {COMPANY_KEY}"  # the company's account, not the operator's
    assert (
        req["headers"]["idempotency-key"] == req2["headers"]["idempotency-key"] == f"wm-invoice-{inv['id']}-38000-USD"
    )
    assert req["headers"]["content-type"].startswith("application/x-www-form-urlencoded")
    assert (p["mode"], p["line_items[0][price_data][currency]"], p["line_items[0][price_data][unit_amount]"]) == (
        "payment",
        "usd",
        "38000",
    )
    assert p["line_items[0][price_data][product_data][name]"] == f"Invoice {inv['number']}"
    assert (p["metadata[invoice_id]"], p["metadata[company_id]"]) == (inv["id"], cid)
    assert (p["payment_intent_data[metadata][invoice_id]"], p["payment_intent_data[metadata][company_id]"]) == (
        inv["id"],
        cid,
    )
    # Another company can neither make a link for this invoice nor pay into it through its own webhook.
    r = api.post(f"{B}/client-invoices/{inv['id']}/pay-online", token=other["token"])
    assert r.status_code == 404
    ok(api.put(f"{B}/stripe-account", json={"secret_key": OTHER_KEY, "webhook_secret": "whsec_" + "z" * 32},
               token=other["token"]))  # fmt: skip

    session, intent = peer.pay_checkout(link["id"])
    forged = deliver_company(
        api, other["company"]["id"], event("payment_intent.succeeded", intent), "whsec_" + "z" * 32
    )
    assert forged.status_code == 200 and forged.json["outcome"] == "refused"
    wrong_sig = deliver_company(api, cid, event("checkout.session.completed", session), "whsec_" + "z" * 32)
    assert wrong_sig.status_code == 400 and wrong_sig.json["error"]["code"] == "signature_invalid"
    assert deliver_company(api, "not-a-uuid", event("checkout.session.completed", session)).status_code == 404

    completed = event("checkout.session.completed", session)
    r = deliver_company(api, cid, completed)
    assert r.status_code == 200 and r.json["outcome"] == "applied", r.json
    assert deliver_company(api, cid, completed).json["outcome"] == "replayed"  # the same event again
    assert deliver_company(api, cid, event("payment_intent.succeeded", intent)).json["outcome"] == "unchanged"
    full = ok(api.get(f"{F}/invoices/{inv['id']}", token=a))
    assert full["invoice"]["status"] == "paid" and full["invoice"]["paid_minor"] == 50000
    assert sorted((x["method"], x["reference"], x["amount_minor"]) for x in full["payments"]) == [
        ("bank", "WIRE-9", 12000),
        ("stripe", intent["id"], 38000),
    ]
    n = owner_conn.execute("SELECT count(*) FROM invoice_payments WHERE invoice_id = %s", (inv["id"],)).fetchone()[0]
    assert n == 2
    # A paid invoice gets no new link; a second, different payment is acknowledged but never recorded.
    assert api.post(f"{B}/client-invoices/{inv['id']}/pay-online", token=a).json["error"]["code"] == "invalid_state"
    second = dict(intent, id="pi_duplicate_payment")
    assert deliver_company(api, cid, event("payment_intent.succeeded", second)).json["outcome"] == "refused"
    assert ok(api.get(f"{F}/invoices/{inv['id']}", token=a))["invoice"]["paid_minor"] == 50000


def invoice_mail(to: str) -> str:
    """Return the text of the newest invoice email to `to` (runs the email queue first; the PDF is attached)."""
    from workmonitor import keys
    from workmonitor.config import settings

    drain(keys.EMAIL_QUEUE)
    for path in sorted(Path(settings().outbox_dir).glob("*.eml"), reverse=True):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if msg["To"] == to:
            body = msg.get_body(preferencelist=("plain",))
            assert body is not None and [a.get_content_type() for a in msg.iter_attachments()] == ["application/pdf"]
            return str(body.get_content())
    raise AssertionError(f"no mail to {to}")


def pay_link_of(mail_text: str) -> str:
    """Return the path of the Pay online link in an invoice email (the server's own URL, without the host)."""
    from workmonitor.config import settings

    [link] = re.findall(r"Pay online by card: (\S+)", mail_text)
    assert link.startswith(f"{settings().public_url}/function/billing/pay/"), link
    return link[len(settings().public_url) :]


def test_the_invoice_email_carries_a_lasting_pay_online_link(api, peer, owner_conn):
    admin = signup(api)
    cid, a = admin["company"]["id"], admin["token"]
    ok(api.put(f"{B}/stripe-account", json={"secret_key": COMPANY_KEY, "webhook_secret": COMPANY_HOOK}, token=a))
    inv = issued_invoice(api, admin)  # 500.00 USD
    ok(api.post(f"{F}/invoices/{inv['id']}/send", json={"to": "ap@initech.example"}, token=a))
    link = pay_link_of(invoice_mail("ap@initech.example"))
    assert inv["id"] in link and cid in link

    # Followed (days later, nobody signed in): a session made now for the open amount, and a redirect to it.
    ok(api.post(f"{F}/invoices/{inv['id']}/payments", json={"amount_minor": 5000, "currency": "USD", "method": "bank",
                                                           "reference": "W1"}, token=a), 201)  # fmt: skip
    before = datetime.now(UTC).date()
    r = api.get(link)
    days = {before.isoformat(), datetime.now(UTC).date().isoformat()}  # the session is made per UTC day
    assert r.status_code == 303 and r.headers["Location"].startswith("https://checkout.stripe.com/c/pay/"), r.data
    assert r.headers["Cache-Control"] == "no-store"
    [session] = [s for s in peer.sessions.values() if s["url"] == r.headers["Location"]]
    assert (session["amount_total"], session["currency"], session["metadata"]["invoice_id"]) == (
        45000,
        "usd",
        inv["id"],
    )
    [req] = [q for q in peer.requests if q["path"] == "/v1/checkout/sessions"]
    assert req["headers"]["authorization"] == f"Bearer {COMPANY_KEY}"
    assert req["headers"]["idempotency-key"] in {f"wm-invoice-{inv['id']}-45000-USD-{d}" for d in days}
    assert api.get(link).headers["Location"] == r.headers["Location"]  # the same day, the same session
    asked = len(peer.requests)

    # Tampered links are refused and read nothing.
    sig = link.rsplit("/", 1)[1]
    other = issued_invoice(api, admin, client_name="Hooli")
    for bad in (
        link[:-2] + ("AA" if not link.endswith("AA") else "BB"),
        link.replace(inv["id"], other["id"]),
        f"/function/billing/pay/{signup(api)['company']['id']}/{inv['id']}/{sig}",
        link.rsplit("/", 1)[0] + "/",
    ):
        r = api.get(bad)
        assert r.status_code in (404, 405) and r.json["error"]["code"] in ("link_invalid", "not_found"), (bad, r.json)
    assert len(peer.requests) == asked and len(peer.sessions) == 1

    # Paid or void: the link says so instead of taking money.
    session, _ = peer.pay_checkout(session["id"])
    assert deliver_company(api, cid, event("checkout.session.completed", session)).json["outcome"] == "applied"
    r = api.get(link)
    assert r.status_code == 200 and r.mimetype == "text/html" and "is paid" in r.get_data(as_text=True)
    ok(api.post(f"{F}/invoices/{other['id']}/void", token=a))
    r = api.get(link.replace(inv["id"], other["id"]).rsplit("/", 1)[0] + "/" + paylink_signature(cid, other["id"]))
    assert r.status_code == 200 and "voided" in r.get_data(as_text=True)
    assert len(peer.requests) == asked  # neither asked Stripe for anything


def test_no_pay_online_link_without_the_company_stripe_key(api, peer):
    admin = signup(api)
    inv = issued_invoice(api, admin)
    ok(api.post(f"{F}/invoices/{inv['id']}/send", json={"to": "ap@plain.example"}, token=admin["token"]))
    text = invoice_mail("ap@plain.example")
    assert inv["number"] in text and "Pay online" not in text and "/function/billing/pay/" not in text
    # A link made anyway (the key removed after the email went out) says so rather than failing.
    cid = admin["company"]["id"]
    r = api.get(f"/function/billing/pay/{cid}/{inv['id']}/{paylink_signature(cid, inv['id'])}")
    assert r.status_code == 200 and "can no longer be paid online" in r.get_data(as_text=True)


def paylink_signature(company_id: str, invoice_id: str) -> str:
    from workmonitor.finance import paylink

    return paylink.signature(company_id, invoice_id)
