"""Billing (issue 16): Stripe subscriptions per seat through the real SDK against a local Stripe peer, the
stripe-webhook function with events signed as Stripe signs them, and the entitlements every function enforces."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import pytest
import stripe_peer
from factories import drain, invite_and_accept, signup
from stripe_peer import deliver, event

from workmonitor import keys

B = "/function/billing"


@pytest.fixture()
def peer():
    with stripe_peer.running() as p:
        yield p
    assert not p.problems, p.problems


def billing_row(owner_conn, company_id: str) -> dict:
    cur = owner_conn.execute(
        "SELECT status, stripe_customer_id, stripe_subscription_id, seats, grace_until, state_at"
        " FROM billing_accounts WHERE company_id = %s",
        (company_id,),
    )
    row = cur.fetchone()
    return dict(zip([c.name for c in cur.description], row, strict=True)) if row else {}


def subscribe(api, peer, admin) -> tuple[dict, dict]:
    """Run Checkout as the admin and complete it on Stripe's side; return (completed session, subscription)."""
    r = api.post(f"{B}/checkout", json={"plan": "team", "interval": "month"}, token=admin["token"])
    assert r.status_code == 201, r.json
    session = peer.complete_checkout(r.json["id"])
    r = deliver(api, event("checkout.session.completed", session))
    assert r.status_code == 200 and r.json == {"received": True, "outcome": "applied"}, r.json
    return session, peer.subscriptions[session["subscription"]]


def sub_event(kind: str, sub: dict, created: int, **changes) -> dict:
    return event(kind, {**json.loads(json.dumps(sub)), **changes}, created=created)


def test_billing_off_grants_everything_and_says_so(api, owner_conn):
    admin = signup(api)
    r = api.get(f"{B}/", token=admin["token"])
    assert r.status_code == 200 and r.json["enabled"] is False and "no Stripe key" in r.json["message"]
    r = api.post(f"{B}/checkout", json={"plan": "team"}, token=admin["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "billing_off"
    assert api.post(f"{B}/portal", token=admin["token"]).json["error"]["code"] == "billing_off"
    assert api.get(f"{B}/invoices", token=admin["token"]).json["error"]["code"] == "billing_off"
    assert api.get(f"{B}/entitlement", token=admin["token"]).json == {
        "enabled": False,
        "access": "full",
        "reason": None,
        "status": None,
    }
    assert api.post("/function/projects/projects", json={"name": "Free"}, token=admin["token"]).status_code == 201
    assert owner_conn.execute("SELECT count(*) FROM billing_accounts").fetchone()[0] == 0
    r = api.post("/function/stripe-webhook/", data="{}", headers={"Stripe-Signature": "t=1,v1=00"})
    assert r.status_code == 400 and r.json["error"]["code"] == "billing_off"


def test_checkout_portal_and_invoices_send_what_stripe_expects(api, peer, owner_conn):
    admin = signup(api)
    employee = invite_and_accept(api, admin)
    r = api.get(f"{B}/", token=admin["token"])
    assert r.status_code == 200, r.json
    assert r.json["enabled"] and r.json["status"] == "trialing" and r.json["access"] == "full"
    assert r.json["active_members"] == 2 and {p["interval"] for p in r.json["plans"]} == {"month", "year"}
    assert api.get(f"{B}/", token=employee["token"]).status_code == 403
    assert api.post(f"{B}/checkout", json={"plan": "gold"}, token=admin["token"]).status_code == 400

    r = api.post(f"{B}/checkout", json={"plan": "team", "interval": "year"}, token=admin["token"])
    assert r.status_code == 201 and r.json["url"].startswith("https://checkout.stripe.com/"), r.json
    customer, session = [q for q in peer.requests if q["method"] == "POST"][-2:]
    assert customer["path"] == "/v1/customers" and customer["params"]["metadata[company_id]"] == admin["company"]["id"]
    assert customer["headers"]["idempotency-key"] == f"wm-customer-{admin['company']['id']}"
    assert customer["params"]["email"] == admin["email"]
    p = session["params"]
    assert (p["mode"], p["line_items[0][price]"], p["line_items[0][quantity]"]) == (
        "subscription",
        "price_team_year",
        "2",
    )
    assert p["client_reference_id"] == admin["company"]["id"] and "subscription_data[trial_end]" in p
    assert session["headers"]["authorization"] == f"Bearer {stripe_peer.KEY}"
    assert session["headers"]["user-agent"].startswith("Stripe/v1 PythonBindings/")

    r = api.post(f"{B}/portal", token=admin["token"])
    assert r.status_code == 201 and r.json["url"].startswith("https://billing.stripe.com/p/session/"), r.json
    assert len(peer.customers) == 1  # the customer is made once per company
    peer.complete_checkout(list(peer.sessions)[0])
    r = api.get(f"{B}/invoices?limit=5", token=admin["token"])
    assert r.status_code == 200 and r.json["has_more"] is False, r.json
    [inv] = r.json["items"]
    assert inv["hosted_invoice_url"].startswith("https://invoice.stripe.com/i/") and inv["currency"] == "USD"
    assert api.get(f"{B}/invoices?starting_after=x%20y", token=admin["token"]).status_code == 400


def test_webhook_refuses_unsigned_and_forged_events_and_changes_nothing(api, peer, owner_conn):
    admin = signup(api)
    api.get(f"{B}/", token=admin["token"])  # a billing row with a customer below
    api.post(f"{B}/portal", token=admin["token"])
    customer = billing_row(owner_conn, admin["company"]["id"])["stripe_customer_id"]
    sub = {"id": "sub_forged", "object": "subscription", "customer": customer, "status": "canceled", "items": {}}
    evt = event("customer.subscription.deleted", sub)
    payload = json.dumps(evt)
    cases = [
        {},  # no header at all
        {"Stripe-Signature": "t=123,v1=deadbeef"},
        {"Stripe-Signature": stripe_peer.sign(payload, secret="whsec_" + "x" * 32)},  # someone else's secret
        {"Stripe-Signature": stripe_peer.sign(payload, at=int(time.time()) - 3600)},  # outside the tolerance
        {"Stripe-Signature": stripe_peer.sign(payload.replace("canceled", "active"))},  # signed other bytes
    ]
    for headers in cases:
        r = api.call("POST", "/function/stripe-webhook/", data=payload, headers=headers)
        assert r.status_code == 400 and r.json["error"]["code"] == "signature_invalid", (headers, r.json)
    for broken in ({**evt, "data": "x"}, {**evt, "created": "yesterday"}, {k: v for k, v in evt.items() if k != "id"}):
        r = deliver(api, broken)  # signed, but no event Stripe would send
        assert r.status_code == 400 and r.json["error"]["code"] == "invalid_event", r.json
    assert owner_conn.execute("SELECT count(*) FROM stripe_events").fetchone()[0] == 0
    assert billing_row(owner_conn, admin["company"]["id"])["status"] == "trialing"
    # Signed, with no JWT at all: accepted; an unknown type is acknowledged and ignored.
    r = deliver(api, event("customer.tax_id.created", {"id": "txi_1", "customer": customer}))
    assert r.status_code == 200 and r.json["outcome"] == "ignored"


def test_checkout_completion_applies_once_replays_and_duplicates_change_nothing(api, peer, owner_conn):
    admin = signup(api)
    session, sub = subscribe(api, peer, admin)
    row = billing_row(owner_conn, admin["company"]["id"])
    assert (row["status"], row["stripe_subscription_id"], row["seats"]) == ("active", sub["id"], 1)
    assert api.get(f"{B}/", token=admin["token"]).json["plan"] == "team"

    replay = event("checkout.session.completed", session)
    assert deliver(api, replay).json["outcome"] == "unchanged"  # a second event for the same session
    assert deliver(api, replay).json["outcome"] == "replayed"  # the same event id again
    after = billing_row(owner_conn, admin["company"]["id"])
    assert after.pop("state_at") >= row.pop("state_at") and after == row  # only "known as of" may move on
    r = api.post(f"{B}/checkout", json={"plan": "team"}, token=admin["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "already_subscribed"
    drain(keys.DEFAULT_QUEUE)
    kinds = [k for (k,) in owner_conn.execute("SELECT kind FROM notifications WHERE kind LIKE 'billing%'").fetchall()]
    assert kinds == ["billing_subscribed"]  # one notice for the admin, whatever Stripe repeated


def test_subscription_created_before_checkout_completed_links_once(api, peer, owner_conn):
    admin = signup(api)
    r = api.post(f"{B}/checkout", json={"plan": "team", "interval": "month"}, token=admin["token"])
    session = peer.complete_checkout(r.json["id"])
    sub = peer.subscriptions[session["subscription"]]
    assert deliver(api, event("customer.subscription.created", sub)).json["outcome"] == "applied"
    assert deliver(api, event("checkout.session.completed", session)).json["outcome"] == "unchanged"
    assert billing_row(owner_conn, admin["company"]["id"])["stripe_subscription_id"] == sub["id"]
    drain(keys.DEFAULT_QUEUE)
    kinds = [k for (k,) in owner_conn.execute("SELECT kind FROM notifications WHERE kind LIKE 'billing%'").fetchall()]
    assert kinds == ["billing_subscribed"]


def test_out_of_order_updates_and_deletes_never_move_back(api, peer, owner_conn):
    admin = signup(api)
    _, sub = subscribe(api, peer, admin)
    cid, t = admin["company"]["id"], int(time.time())
    assert deliver(api, sub_event("customer.subscription.updated", sub, t + 20, status="active")).json["outcome"] in (
        "applied",
        "unchanged",
    )
    # An older past_due arriving late is news from the past.
    r = deliver(api, sub_event("customer.subscription.updated", sub, t + 10, status="past_due"))
    assert r.json["outcome"] == "unchanged" and billing_row(owner_conn, cid)["status"] == "active"
    # Deleted, then an update created before the deletion: the subscription stays canceled.
    assert (
        deliver(api, sub_event("customer.subscription.deleted", sub, t + 40, status="canceled")).json["outcome"]
        == "applied"
    )
    late = sub_event("customer.subscription.updated", sub, t + 30, status="active")
    assert deliver(api, late).json["outcome"] == "unchanged"
    # Even one stamped later cannot revive a canceled subscription id.
    assert (
        deliver(api, sub_event("customer.subscription.updated", sub, t + 50, status="active")).json["outcome"]
        == "unchanged"
    )
    assert billing_row(owner_conn, cid)["status"] == "canceled"
    r = api.post("/function/projects/projects", json={"name": "Locked"}, token=admin["token"])
    assert r.status_code == 402 and r.json["error"]["code"] == "payment_required"


def test_seats_follow_invite_accept_deactivate_and_a_stripe_outage_blocks_nothing(api, peer, owner_conn):
    admin = signup(api)
    _, sub = subscribe(api, peer, admin)
    employee = invite_and_accept(api, admin)
    drain(keys.DEFAULT_QUEUE)
    updates = [q for q in peer.requests if q["method"] == "POST" and q["path"] == f"/v1/subscriptions/{sub['id']}"]
    assert [u["params"]["items[0][quantity]"] for u in updates] == ["2"]  # invite (still 1 seat) + accept → 2
    assert updates[0]["params"]["proration_behavior"] == "create_prorations"
    assert updates[0]["headers"]["idempotency-key"].startswith(f"wm-seats-{sub['id']}-2-")
    assert sub["items"]["data"][0]["quantity"] == 2 and billing_row(owner_conn, admin["company"]["id"])["seats"] == 2

    r = api.post(f"/function/team/users/{employee['user']['id']}/deactivate", token=admin["token"])
    assert r.status_code == 200
    drain(keys.DEFAULT_QUEUE)
    assert sub["items"]["data"][0]["quantity"] == 1

    # Stripe down: the team change still succeeds at once; the sync job waits for its retry.
    import os

    from workmonitor.config import settings

    os.environ["STRIPE_API_BASE"] = "http://127.0.0.1:9"
    settings.cache_clear()
    started = time.monotonic()
    r = api.post(f"/function/team/users/{employee['user']['id']}/reactivate", token=admin["token"])
    assert r.status_code == 200 and time.monotonic() - started < 2
    assert (
        owner_conn.execute(
            "SELECT count(*) FROM job_outbox WHERE job = 'workmonitor.billing.seats.sync_seats' AND done_at IS NULL"
        ).fetchone()[0]
        == 1
    )


def test_past_due_grace_read_only_then_paid_restores_everything(api, peer, owner_conn):
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager")
    _, sub = subscribe(api, peer, admin)
    cid, t = admin["company"]["id"], int(time.time())
    failed = stripe_peer.invoice(sub["customer"], sub["id"], paid=False)
    assert deliver(api, event("invoice.payment_failed", failed, created=t + 5)).json["outcome"] == "applied"
    row = billing_row(owner_conn, cid)
    assert row["status"] == "past_due" and row["grace_until"] > datetime.now(UTC) + timedelta(days=6)
    ent = api.get(f"{B}/entitlement", token=manager["token"]).json
    assert ent["access"] == "warning" and "payment failed" in ent["reason"]
    assert api.post("/function/projects/projects", json={"name": "In grace"}, token=admin["token"]).status_code == 201

    # The grace period passes: management is read-only, capture and reads go on.
    owner_conn.execute(
        "UPDATE billing_accounts SET grace_until = now() - interval '1 minute' WHERE company_id = %s", (cid,)
    )
    assert api.get(f"{B}/entitlement", token=admin["token"]).json["access"] == "read_only"
    for who, path, body in [
        (admin, "/function/projects/projects", {"name": "Blocked"}),
        (manager, "/function/team/invitations", {"email": "late@example.com"}),
    ]:
        r = api.post(path, json=body, token=who["token"])
        assert r.status_code == 402 and r.json["error"]["code"] == "payment_required", r.json
        assert "read-only" in r.json["error"]["message"]
    assert api.post("/function/time/timer/start", json={}, token=manager["token"]).status_code == 201
    assert api.post("/function/time/timer/stop", json={}, token=manager["token"]).status_code == 200
    assert api.post("/function/attendance/clock-in", json={}, token=admin["token"]).status_code in (200, 201)
    assert api.get("/function/projects/projects", token=admin["token"]).status_code == 200
    assert api.get(f"{B}/invoices", token=admin["token"]).status_code == 200  # paying stays possible
    assert api.post(f"{B}/portal", token=admin["token"]).status_code == 201

    paid = stripe_peer.invoice(sub["customer"], sub["id"], paid=True)
    assert deliver(api, event("invoice.payment_succeeded", paid, created=t + 60)).json["outcome"] == "applied"
    # The past_due update Stripe sent before the payment arrives late and changes nothing.
    assert (
        deliver(api, sub_event("customer.subscription.updated", sub, t + 6, status="past_due")).json["outcome"]
        == "unchanged"
    )
    assert billing_row(owner_conn, cid)["status"] == "active"
    assert api.get(f"{B}/entitlement", token=admin["token"]).json["access"] == "full"
    assert api.post("/function/projects/projects", json={"name": "Paid"}, token=admin["token"]).status_code == 201
    drain(keys.DEFAULT_QUEUE)
    kinds = sorted(k for (k,) in owner_conn.execute("SELECT kind FROM notifications WHERE kind LIKE 'billing%'"))
    assert kinds == ["billing_payment_failed", "billing_payment_succeeded", "billing_subscribed"]


def test_the_gate_reads_the_billing_row_in_the_round_trip_that_opens_the_transaction(api, monkeypatch):
    from roundtrips import counting

    admin = signup(api)
    with counting(monkeypatch) as seen:
        assert api.post("/function/projects/projects", json={"name": "X"}, token=admin["token"]).status_code == 201
    assert "set_config" in seen[0] and "stripe_customer_id" in seen[0], seen
    assert not any("stripe_customer_id" in s for s in seen[1:]), seen
    with counting(monkeypatch) as seen:  # reads and capture never read it
        assert api.post("/function/time/timer/start", json={}, token=admin["token"]).status_code == 201
        assert api.get("/function/projects/projects", token=admin["token"]).status_code == 200
    assert not any("stripe_customer_id" in s for s in seen), seen


def test_trial_starts_with_the_admin_and_an_ended_trial_is_read_only_until_subscribed(api, peer, owner_conn):
    admin = signup(api)
    employee = invite_and_accept(api, admin)
    assert api.get(f"{B}/entitlement", token=employee["token"]).json["status"] is None  # no row yet
    r = api.get(f"{B}/entitlement", token=admin["token"])  # the admin's app: the trial row from now on
    assert r.json == {"enabled": True, "access": "full", "reason": None, "status": "trialing"}
    cid = admin["company"]["id"]
    owner_conn.execute("UPDATE billing_accounts SET trial_end = now() - interval '1 day' WHERE company_id = %s", (cid,))
    r = api.post("/function/projects/projects", json={"name": "After trial"}, token=admin["token"])
    assert r.status_code == 402 and "trial has ended" in r.json["error"]["message"]
    assert api.post("/function/time/timer/start", json={}, token=employee["token"]).status_code == 201
    subscribe(api, peer, admin)
    assert api.post("/function/projects/projects", json={"name": "Subscribed"}, token=admin["token"]).status_code == 201


@pytest.mark.parametrize(
    "status, sub, trial_days, grace_days, expected",
    [
        ("trialing", None, 3, None, "full"),
        ("trialing", None, -1, None, "read_only"),  # the trial ended without a subscription
        ("trialing", "sub_1", -1, None, "full"),  # Stripe's own trial: Stripe says when it ends
        ("active", "sub_1", None, None, "full"),
        ("past_due", "sub_1", None, 2, "warning"),
        ("past_due", "sub_1", None, -1, "read_only"),
        ("incomplete", "sub_1", None, 1, "warning"),
        ("unpaid", "sub_1", None, 5, "read_only"),
        ("canceled", "sub_1", None, None, "read_only"),
        ("paused", "sub_1", None, None, "read_only"),
    ],
)
def test_access_from_each_subscription_state(status, sub, trial_days, grace_days, expected):
    from workmonitor.billing.entitlements import access

    now = datetime.now(UTC)
    row = {
        "status": status,
        "stripe_subscription_id": sub,
        "trial_end": now + timedelta(days=trial_days) if trial_days is not None else None,
        "grace_until": now + timedelta(days=grace_days) if grace_days is not None else None,
    }
    level, reason = access(row, now)
    assert level == expected and (reason is None) == (level == "full")
    assert access(None) == ("full", None)  # billing off, or never started
