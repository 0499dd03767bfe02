"""A local Stripe peer for tests: the real `stripe` SDK talks to it (STRIPE_API_BASE), it checks the request shapes
the SDK sends (bearer key, API version, form-encoded params, idempotency keys on POST) and answers with realistic
objects it keeps (customers, sessions, subscriptions, invoices; Connect transfers to the accounts a test adds).
An idempotency key is bound to its first parameters, and for transfers an error is stored like a success, as
Stripe does. Webhook events are built and signed here exactly as Stripe signs them (HMAC-SHA256 over
`{t}.{payload}`, header `t=...,v1=...`); our side verifies them with the real SDK.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import http.server
import json
import os
import threading
import time
import uuid
from urllib.parse import parse_qsl, urlsplit

import stripe

from workmonitor.config import settings

KEY = "sk_test_" + "k" * 24
WEBHOOK_SECRET = "whsec_" + "w" * 32
PLANS = "team:month:price_team_month,team:year:price_team_year"


def _id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:14]}"


class Peer:
    """The peer's state: customers, sessions, subscriptions, invoices; every request seen; every shape problem."""

    def __init__(self) -> None:
        self.customers: dict[str, dict] = {}
        self.sessions: dict[str, dict] = {}
        self.subscriptions: dict[str, dict] = {}
        self.invoices: list[dict] = []
        self.requests: list[dict] = []
        self.problems: list[str] = []
        self.idempotent: dict[tuple[str, str], tuple[dict, tuple[int, dict]]] = {}  # (path, key) -> params, answer
        self.company_keys: set[str] = set()  # companies' own accounts (client invoices paid online)
        self.intents: dict[str, dict] = {}
        self.transfers: dict[str, dict] = {}
        self.accounts: set[str] = set()  # connected accounts (Connect) that transfers may go to
        self.balance: dict[str, int] | None = None  # the platform's available balance per currency (None: plenty)
        self.drop_answers = 0  # answer nothing to the next N requests (after handling them): a lost response

    # --- what tests do on Stripe's side -------------------------------------------------------------------

    def complete_checkout(self, session_id: str, status: str = "active") -> dict:
        """Pay a subscription Checkout Session: create its subscription; return the completed session."""
        session = self.sessions[session_id]
        now = int(time.time())
        sub = {
            "id": _id("sub"),
            "object": "subscription",
            "customer": session["customer"],
            "status": status,
            "cancel_at_period_end": False,
            "created": now,
            "trial_end": None,
            "metadata": session.get("_sub_metadata", {}),
            "items": {
                "object": "list",
                "data": [
                    {
                        "id": _id("si"),
                        "object": "subscription_item",
                        "price": {"id": session["_price"], "object": "price", "recurring": {"interval": "month"}},
                        "quantity": session["_quantity"],
                        "current_period_start": now,
                        "current_period_end": now + 30 * 86400,
                    }
                ],
            },
        }
        self.subscriptions[sub["id"]] = sub
        session.update(status="complete", payment_status="paid", subscription=sub["id"])
        self.invoices.insert(0, invoice(session["customer"], sub["id"], paid=True))
        return {k: v for k, v in session.items() if not k.startswith("_")}

    def pay_checkout(self, session_id: str) -> tuple[dict, dict]:
        """Pay a payment-mode Checkout Session: make its PaymentIntent; return (completed session, intent)."""
        session = self.sessions[session_id]
        intent = {
            "id": _id("pi"),
            "object": "payment_intent",
            "amount": session["amount_total"],
            "amount_received": session["amount_total"],
            "currency": session["currency"],
            "status": "succeeded",
            "metadata": session["_pi_metadata"],
            "created": int(time.time()),
        }
        self.intents[intent["id"]] = intent
        session.update(status="complete", payment_status="paid", payment_intent=intent["id"])
        return {k: v for k, v in session.items() if not k.startswith("_")}, intent

    def reverse_transfer(self, transfer_id: str, amount: int | None = None) -> dict:
        """Take (part of) a transfer back from the connected account; return the transfer as it now is."""
        tr = self.transfers[transfer_id]
        amount = amount if amount is not None else tr["amount"] - tr["amount_reversed"]
        reversal = {
            "id": _id("trr"),
            "object": "transfer_reversal",
            "amount": amount,
            "created": int(time.time()),
            "currency": tr["currency"],
            "metadata": {},
            "transfer": transfer_id,
        }
        tr["reversals"]["data"].insert(0, reversal)
        tr["reversals"]["total_count"] += 1
        tr["amount_reversed"] += amount
        tr["reversed"] = tr["amount_reversed"] >= tr["amount"]
        return json.loads(json.dumps(tr))

    def take_drop(self) -> bool:
        """Return whether to lose the answer to the request just handled (counting down `drop_answers`)."""
        if self.drop_answers > 0:
            self.drop_answers -= 1
            return True
        return False

    # --- the HTTP side --------------------------------------------------------------------------------------

    def handle(self, method: str, path: str, headers: dict, params: dict) -> tuple[int, dict]:
        self.requests.append({"method": method, "path": path, "headers": headers, "params": params})
        if headers.get("authorization") not in {f"Bearer {k}" for k in (KEY, *self.company_keys)}:
            return 401, _error("invalid_request_error", "Invalid API Key provided.")
        if not headers.get("stripe-version"):
            self.problems.append(f"{method} {path}: no Stripe-Version header")
        if method == "POST":
            if headers.get("content-type", "").split(";")[0] != "application/x-www-form-urlencoded":
                self.problems.append(f"POST {path}: not form-encoded ({headers.get('content-type')})")
            key = headers.get("idempotency-key")
            if not key:
                self.problems.append(f"POST {path}: no Idempotency-Key")
            elif (path, key) in self.idempotent:
                first_params, first = self.idempotent[(path, key)]
                if first_params != params:  # as Stripe: a key is bound to the parameters it was first used with
                    return 400, _error("idempotency_error", "Keys for idempotent requests can only be used with the"
                                       " same parameters they were first used with.")  # fmt: skip
                return first
        status, body = self._route(method, path, params)
        # Stripe stores a result once the endpoint ran, errors included (transfers: a refusal replays for the key).
        if method == "POST" and headers.get("idempotency-key") and (status == 200 or path == "/v1/transfers"):
            self.idempotent[(path, headers["idempotency-key"])] = (params, (status, body))
        return status, body

    def _route(self, method: str, path: str, p: dict) -> tuple[int, dict]:
        parts = path.strip("/").split("/")
        if (method, path) == ("POST", "/v1/customers"):
            cus = {
                "id": _id("cus"),
                "object": "customer",
                "email": p.get("email"),
                "name": p.get("name"),
                "metadata": {"company_id": p.get("metadata[company_id]")},
            }
            self.customers[cus["id"]] = cus
            return 200, cus
        if (method, path) == ("POST", "/v1/checkout/sessions"):
            return self._checkout(p)
        if (method, path) == ("POST", "/v1/transfers"):
            return self._transfer(p)
        if method == "GET" and len(parts) == 3 and parts[:2] == ["v1", "transfers"] and parts[2] in self.transfers:
            return 200, self.transfers[parts[2]]
        if (method, path) == ("POST", "/v1/billing_portal/sessions"):
            if p.get("customer") not in self.customers:
                return 400, _error("invalid_request_error", "No such customer.")
            sid = _id("bps")
            return 200, {
                "id": sid,
                "object": "billing_portal.session",
                "customer": p["customer"],
                "return_url": p.get("return_url"),
                "url": f"https://billing.stripe.com/p/session/{sid}",
            }
        if (method, path) == ("GET", "/v1/invoices"):
            mine = [i for i in self.invoices if i["customer"] == p.get("customer")]
            limit = int(p.get("limit", 10))
            return 200, {"object": "list", "url": "/v1/invoices", "data": mine[:limit], "has_more": len(mine) > limit}
        if len(parts) == 3 and parts[:2] == ["v1", "subscriptions"] and parts[2] in self.subscriptions:
            sub = self.subscriptions[parts[2]]
            if method == "POST":
                item = sub["items"]["data"][0]
                if p.get("items[0][id]") != item["id"] or not p.get("items[0][quantity]", "").isdigit():
                    return 400, _error("invalid_request_error", "items[0] must name the item and a quantity.")
                item["quantity"] = int(p["items[0][quantity]"])
            return 200, sub
        return 404, _error("invalid_request_error", f"Unrecognized request URL ({method}: {path}).")

    def _checkout(self, p: dict) -> tuple[int, dict]:
        if p.get("mode") == "payment":
            return self._payment_checkout(p)
        if p.get("mode") != "subscription" or p.get("customer") not in self.customers:
            return 400, _error("invalid_request_error", "mode subscription and a known customer are required.")
        if not p.get("line_items[0][price]") or not p.get("line_items[0][quantity]", "").isdigit():
            return 400, _error("invalid_request_error", "line_items[0] needs a price and a quantity.")
        if not (p.get("success_url") and p.get("cancel_url")):
            return 400, _error("invalid_request_error", "success_url and cancel_url are required.")
        sid = _id("cs_test")
        session = {
            "id": sid,
            "object": "checkout.session",
            "mode": "subscription",
            "customer": p["customer"],
            "client_reference_id": p.get("client_reference_id"),
            "status": "open",
            "payment_status": "unpaid",
            "subscription": None,
            "url": f"https://checkout.stripe.com/c/pay/{sid}",
            "_price": p["line_items[0][price]"],
            "_quantity": int(p["line_items[0][quantity]"]),
            "_sub_metadata": {"company_id": p.get("subscription_data[metadata][company_id]")},
        }
        self.sessions[sid] = session
        return 200, {k: v for k, v in session.items() if not k.startswith("_")}

    def _payment_checkout(self, p: dict) -> tuple[int, dict]:
        item = "line_items[0]"
        amount, currency = p.get(f"{item}[price_data][unit_amount]", ""), p.get(f"{item}[price_data][currency]", "")
        if not amount.isdigit() or int(amount) <= 0 or len(currency) != 3 or currency != currency.lower():
            return 400, _error("invalid_request_error", "price_data needs a positive unit_amount and a currency.")
        if not p.get(f"{item}[price_data][product_data][name]") or p.get(f"{item}[quantity]") != "1":
            return 400, _error("invalid_request_error", "price_data.product_data.name and quantity 1 are required.")
        if not (p.get("success_url") and p.get("cancel_url")):
            return 400, _error("invalid_request_error", "success_url and cancel_url are required.")
        meta = {k[len("metadata[") : -1]: v for k, v in p.items() if k.startswith("metadata[")}
        pi_meta = {
            k[len("payment_intent_data[metadata][") : -1]: v
            for k, v in p.items()
            if k.startswith("payment_intent_data[metadata][")
        }
        sid = _id("cs_test")
        session = {
            "id": sid,
            "object": "checkout.session",
            "mode": "payment",
            "customer": None,
            "customer_email": p.get("customer_email"),
            "client_reference_id": p.get("client_reference_id"),
            "status": "open",
            "payment_status": "unpaid",
            "payment_intent": None,
            "amount_total": int(amount),
            "currency": currency,
            "metadata": meta,
            "url": f"https://checkout.stripe.com/c/pay/{sid}",
            "_name": p[f"{item}[price_data][product_data][name]"],
            "_pi_metadata": pi_meta,
        }
        self.sessions[sid] = session
        return 200, {k: v for k, v in session.items() if not k.startswith("_")}

    def _transfer(self, p: dict) -> tuple[int, dict]:
        amount, currency, destination = p.get("amount", ""), p.get("currency", ""), p.get("destination", "")
        if not amount.isdigit() or int(amount) <= 0 or len(currency) != 3 or currency != currency.lower():
            return 400, _error("invalid_request_error", "amount (a positive integer) and currency are required.")
        if destination not in self.accounts:
            return 400, _error("invalid_request_error", f"No such destination: '{destination}'", "resource_missing")
        if self.balance is not None:
            if self.balance.get(currency, 0) < int(amount):
                message = "You have insufficient available funds in your Stripe account."
                return 400, _error("invalid_request_error", message, "balance_insufficient")
            self.balance[currency] -= int(amount)
        tid = _id("tr")
        transfer = {
            "id": tid,
            "object": "transfer",
            "amount": int(amount),
            "amount_reversed": 0,
            "balance_transaction": _id("txn"),
            "created": int(time.time()),
            "currency": currency,
            "description": p.get("description"),
            "destination": destination,
            "destination_payment": _id("py"),
            "livemode": False,
            "metadata": {k[len("metadata[") : -1]: v for k, v in p.items() if k.startswith("metadata[")},
            "reversals": {
                "object": "list",
                "data": [],
                "has_more": False,
                "total_count": 0,
                "url": f"/v1/transfers/{tid}/reversals",
            },  # fmt: skip
            "reversed": False,
            "source_transaction": None,
            "source_type": "card",
            "transfer_group": p.get("transfer_group"),
        }
        self.transfers[tid] = transfer
        return 200, json.loads(json.dumps(transfer))


def invoice(customer: str, subscription: str, paid: bool, amount: int = 2400) -> dict:
    """Return a realistic Invoice object (the 2025+ shape: the subscription under `parent`)."""
    iid = _id("in")
    return {
        "id": iid,
        "object": "invoice",
        "customer": customer,
        "number": f"WM-{iid[-6:].upper()}",
        "status": "paid" if paid else "open",
        "currency": "usd",
        "amount_due": amount,
        "amount_paid": amount if paid else 0,
        "created": int(time.time()),
        "hosted_invoice_url": f"https://invoice.stripe.com/i/{iid}",
        "invoice_pdf": f"https://pay.stripe.com/invoice/{iid}/pdf",
        "parent": {"type": "subscription_details", "subscription_details": {"subscription": subscription}},
    }


def _error(kind: str, message: str, code: str | None = None) -> dict:
    return {"error": {"type": kind, "message": message, **({"code": code} if code else {})}}


def _handler(peer: Peer):
    class Handler(http.server.BaseHTTPRequestHandler):
        def _serve(self, method: str) -> None:
            url = urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            params = dict(parse_qsl(raw if method == "POST" else url.query, keep_blank_values=True))
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, body = peer.handle(method, url.path, headers, params)
            if peer.take_drop():  # handled, but the answer is lost on the way (the client sees the socket close)
                self.close_connection = True
                return
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Request-Id", _id("req"))
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802 (http.server's naming)
            self._serve("GET")

        def do_POST(self):  # noqa: N802
            self._serve("POST")

        def log_message(self, *args):
            pass

    return Handler


@contextlib.contextmanager
def running(**env: str):
    """Start a peer and turn billing on against it (settings re-read); yield the Peer; restore everything."""
    peer = Peer()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(peer))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    values = {
        "STRIPE_SECRET_KEY": KEY,
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_API_BASE": f"http://127.0.0.1:{server.server_port}",
        "BILLING_PLANS": PLANS,
        **env,
    }
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    settings.cache_clear()
    try:
        yield peer
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        settings.cache_clear()
        server.shutdown()
        server.server_close()


# --- webhook events, signed as Stripe signs them ------------------------------------------------------------------


def event(kind: str, obj: dict, created: int | None = None, event_id: str | None = None) -> dict:
    """Return a Stripe Event object of type `kind` about `obj`."""
    return {
        "id": event_id or _id("evt"),
        "object": "event",
        "api_version": stripe.api_version,
        "created": created if created is not None else int(time.time()),
        "data": {"object": obj},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": kind,
    }


def sign(payload: str, secret: str = WEBHOOK_SECRET, at: int | None = None) -> str:
    """Return the Stripe-Signature header for `payload`: t=<unix>,v1=<HMAC-SHA256 of "t.payload">."""
    t = at if at is not None else int(time.time())
    mac = hmac.new(secret.encode(), f"{t}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def deliver(api, evt: dict, secret: str = WEBHOOK_SECRET, at: int | None = None):
    """POST a signed event to the stripe-webhook function (no JWT); return the response."""
    payload = json.dumps(evt)
    headers = {"Stripe-Signature": sign(payload, secret, at), "Content-Type": "application/json"}
    return api.call("POST", "/function/stripe-webhook/", data=payload, headers=headers)
