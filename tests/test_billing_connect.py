"""Stripe Connect payouts (issue 16): a contract's connected account (admins only, audited, per company), a milestone
release that makes exactly one Stripe Transfer with the company's own key (the real SDK against the local Stripe
peer, answers lost and refusals included), and the company's transfer events moving the payout only forward."""

from __future__ import annotations

import json

import pytest
import stripe_peer
from factories import invite_and_accept, signup
from seed_finance import F, ok
from stripe_peer import event, sign

B = "/function/billing"
COMPANY_KEY = "sk_test_" + "c" * 20 + "Cn01"
COMPANY_HOOK = "whsec_" + "k" * 32
ACCT = "acct_1Contractor0001"


@pytest.fixture()
def peer():
    with stripe_peer.running() as p:
        p.company_keys.add(COMPANY_KEY)
        p.accounts.add(ACCT)
        yield p
    assert not p.problems, p.problems


def with_stripe(api, admin) -> None:
    """Store the company's own Stripe key and webhook secret (Billing)."""
    ok(api.put(f"{B}/stripe-account", json={"secret_key": COMPANY_KEY, "webhook_secret": COMPANY_HOOK},
               token=admin["token"]))  # fmt: skip


def funded_milestone(api, admin, contractor, amount: int = 50000, acct: str | None = ACCT) -> tuple[dict, dict]:
    """A milestone contract for `contractor` (its connected account set when `acct`), one funded milestone."""
    a = admin["token"]
    body = {"user_id": contractor["user"]["id"], "title": "Logo", "kind": "milestone", "currency": "USD"}
    contract = ok(api.post(f"{F}/contracts", json=body, token=a), 201)["contract"]
    if acct:
        ok(api.put(f"{F}/contracts/{contract['id']}/connect-account", json={"account_id": acct}, token=a))
    ms = ok(api.post(f"{F}/contracts/{contract['id']}/milestones", json={"title": "Draft", "amount_minor": amount},
                     token=a), 201)["milestone"]  # fmt: skip
    ok(api.post(f"{F}/milestones/{ms['id']}/fund", json={}, token=a))
    return contract, ms


def connected(api) -> tuple[dict, dict, dict]:
    """A company with its Stripe key and a contractor whose contract has a connected account and a funded milestone;
    return (admin, contractor, milestone)."""
    admin = signup(api)
    contractor = invite_and_accept(api, admin, name="Carl Contractor")
    with_stripe(api, admin)
    return admin, contractor, funded_milestone(api, admin, contractor)[1]


def transfer_posts(peer) -> list[dict]:
    return [q for q in peer.requests if (q["method"], q["path"]) == ("POST", "/v1/transfers")]


def deliver_company(api, company_id: str, evt: dict, secret: str = COMPANY_HOOK):
    payload = json.dumps(evt)
    headers = {"Stripe-Signature": sign(payload, secret), "Content-Type": "application/json"}
    return api.call("POST", f"/function/stripe-webhook/companies/{company_id}", data=payload, headers=headers)


def payout_rows(owner_conn, milestone_id: str) -> list[tuple]:
    return owner_conn.execute(
        "SELECT state, method, stripe_transfer_id, reversed_minor FROM payouts WHERE milestone_id = %s",
        (milestone_id,),
    ).fetchall()


def trail(owner_conn, milestone_id: str) -> list[tuple]:
    return owner_conn.execute(
        "SELECT action, amount_minor, actor_id IS NULL FROM payout_events WHERE milestone_id = %s ORDER BY id",
        (milestone_id,),
    ).fetchall()


def test_connected_account_is_validated_admin_only_audited_and_per_company(api, owner_conn):
    admin, other = signup(api), signup(api)
    contractor = invite_and_accept(api, admin, name="Carl Contractor")
    contract, _ = funded_milestone(api, admin, contractor, acct=None)
    path = f"{F}/contracts/{contract['id']}/connect-account"
    for bad in ("acct_", "acct_12 34", "pk_test_123456", "acct_abc/../x", "ACCT_1234567"):
        r = api.put(path, json={"account_id": bad}, token=admin["token"])
        assert r.status_code == 400 and "account_id" in r.json["error"]["fields"], (bad, r.json)
    assert api.put(path, json={}, token=admin["token"]).status_code == 400  # explicit null clears; absent is a mistake
    r = api.put(path, json={"account_id": f" {ACCT} "}, token=admin["token"])
    assert r.status_code == 200 and r.json["contract"]["stripe_account_id"] == ACCT, r.json
    # The contractor sees the account of their own contract but cannot change it; another company sees nothing.
    mine = ok(api.get(f"{F}/contracts/{contract['id']}", token=contractor["token"]))
    assert mine["contract"]["stripe_account_id"] == ACCT
    assert api.put(path, json={"account_id": "acct_1Thief00000"}, token=contractor["token"]).status_code == 403
    r = api.put(path, json={"account_id": "acct_1Thief00000"}, token=other["token"])
    assert r.status_code == 404 and r.json["error"]["code"] == "contract_not_found"
    assert api.get(f"{F}/contracts/{contract['id']}", token=other["token"]).status_code == 404
    assert all(c["id"] != contract["id"] for c in ok(api.get(f"{F}/contracts", token=other["token"]))["items"])
    assert ok(api.put(path, json={"account_id": None}, token=admin["token"]))["contract"]["stripe_account_id"] is None
    rows = owner_conn.execute(
        "SELECT action, actor_id, details->>'account_id' FROM audit_logs WHERE target_id = %s ORDER BY created_at",
        (contract["id"],),
    ).fetchall()
    assert [(a, str(u), d) for a, u, d in rows] == [
        ("finance.contract_connect_set", admin["user"]["id"], ACCT),
        ("finance.contract_connect_cleared", admin["user"]["id"], None),
    ]
    assert owner_conn.execute(
        "SELECT stripe_account_id FROM contracts WHERE id = %s", (contract["id"],)
    ).fetchone() == (None,)


def test_release_makes_one_transfer_even_when_the_answer_is_lost_and_retried(api, peer, owner_conn):
    admin, contractor, ms = connected(api)
    release = f"{F}/milestones/{ms['id']}/release"

    peer.drop_answers = 2  # Stripe makes the transfer, but neither the SDK's try nor its retry hears back
    r = api.post(release, json={}, token=admin["token"])
    assert r.status_code == 503 and r.json["error"]["code"] == "unavailable" and r.headers["Retry-After"], r.json
    assert len(peer.transfers) == 1 and payout_rows(owner_conn, ms["id"]) == []  # money moved, nothing recorded
    assert (
        ok(api.get(f"{F}/contracts/{ms['contract_id']}", token=admin["token"]))["milestones"][0]["released_minor"] == 0
    )

    out = ok(api.post(release, json={}, token=admin["token"]))  # the admin tries again: the very same request
    [transfer] = peer.transfers.values()
    payout = out["payout"]
    assert (payout["state"], payout["method"], payout["stripe_transfer_id"]) == (
        "paid",
        "stripe_connect",
        transfer["id"],
    )
    assert out["milestone"]["status"] == "released" and payout["amount_minor"] == 50000
    posts = transfer_posts(peer)
    assert len(posts) == 3 and len({q["headers"]["idempotency-key"] for q in posts}) == 1
    assert len({json.dumps(q["params"], sort_keys=True) for q in posts}) == 1
    p = posts[0]["params"]
    assert (p["amount"], p["currency"], p["destination"]) == ("50000", "usd", ACCT)
    assert (p["metadata[payout_id]"], p["metadata[milestone_id]"]) == (payout["id"], ms["id"])
    assert p["metadata[company_id]"] == admin["company"]["id"] and p["transfer_group"] == f"milestone_{ms['id']}"
    assert posts[0]["headers"]["authorization"] == f"Bearer {COMPANY_KEY}"  # the company's account
    assert posts[0]["headers"]["idempotency-key"] == f"wm-release-{ms['id']}-0-0"
    assert transfer["metadata"]["payout_id"] == payout["id"]

    # Nothing is held any more: a third click pays nothing and asks Stripe nothing.
    r = api.post(release, json={}, token=admin["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "not_funded" and len(transfer_posts(peer)) == 3
    assert payout_rows(owner_conn, ms["id"]) == [("paid", "stripe_connect", transfer["id"], 0)]
    assert [a for a, _, _ in trail(owner_conn, ms["id"])] == ["milestone_created", "funded", "released", "payout_paid"]
    listed = ok(api.get(f"{F}/payouts", token=contractor["token"]))["items"]
    assert [(x["id"], x["stripe_transfer_id"]) for x in listed] == [(payout["id"], transfer["id"])]


def test_a_refused_transfer_releases_nothing_and_the_fixed_retry_is_a_new_request(api, peer, owner_conn):
    admin, _, ms = connected(api)
    release = f"{F}/milestones/{ms['id']}/release"
    peer.balance = {"usd": 10000}
    r = api.post(release, json={"amount_minor": 30000}, token=admin["token"])
    assert r.status_code == 502 and r.json["error"]["code"] == "transfer_refused", r.json
    assert "insufficient" in r.json["error"]["message"] and "nothing was released" in r.json["error"]["message"]
    assert payout_rows(owner_conn, ms["id"]) == [] and peer.transfers == {}
    held = ok(api.get(f"{F}/contracts/{ms['contract_id']}", token=admin["token"]))["milestones"][0]
    assert (held["released_minor"], held["status"]) == (0, "funded")
    assert trail(owner_conn, ms["id"])[-1] == ("transfer_refused", 30000, False)  # kept, by the admin

    peer.balance["usd"] = 100000  # topped up: the same release is a fresh request (Stripe replays a key's error)
    out = ok(api.post(release, json={"amount_minor": 30000}, token=admin["token"]))
    assert out["payout"]["state"] == "paid" and out["milestone"]["status"] == "partially_released"
    keys = [q["headers"]["idempotency-key"] for q in transfer_posts(peer)]
    assert keys == [f"wm-release-{ms['id']}-0-0", f"wm-release-{ms['id']}-0-1"]
    # The rest, to an account Stripe does not know: refused, and the 30000 released stay the only release.
    owner_conn.execute(
        "UPDATE contracts SET stripe_account_id = 'acct_1Unknown0000' WHERE id = %s", (ms["contract_id"],)
    )
    r = api.post(release, json={}, token=admin["token"])
    assert r.status_code == 502 and "acct_1Unknown0000" not in json.dumps(peer.transfers), r.json
    assert len(peer.transfers) == 1 and [s for s, *_ in payout_rows(owner_conn, ms["id"])] == ["paid"]


def test_without_connect_a_release_is_manual_and_stripe_is_not_called(api, peer, owner_conn):
    admin = signup(api)
    contractor = invite_and_accept(api, admin, name="Carl Contractor")
    _, with_account = funded_milestone(api, admin, contractor)  # an account, but the company has no Stripe key
    out = ok(api.post(f"{F}/milestones/{with_account['id']}/release", json={"method": "bank"}, token=admin["token"]))
    assert (out["payout"]["state"], out["payout"]["method"], out["payout"]["stripe_transfer_id"]) == (
        "pending",
        "bank",
        None,
    )
    with_stripe(api, admin)
    _, no_account = funded_milestone(api, admin, contractor, acct=None)  # a key, but no account on the contract
    out = ok(api.post(f"{F}/milestones/{no_account['id']}/release", json={}, token=admin["token"]))
    assert (out["payout"]["state"], out["payout"]["method"]) == ("pending", "manual")
    assert transfer_posts(peer) == []
    paid = ok(api.post(f"{F}/payouts/{out['payout']['id']}/state", json={"state": "paid"}, token=admin["token"]))
    assert paid["payout"]["state"] == "paid"  # marked by hand, as before


def test_transfer_events_move_the_payout_forward_once_and_never_back(api, peer, owner_conn):
    (admin, _, ms), other = connected(api), signup(api)
    cid = admin["company"]["id"]
    payout = ok(api.post(f"{F}/milestones/{ms['id']}/release", json={}, token=admin["token"]))["payout"]
    tr = peer.transfers[payout["stripe_transfer_id"]]
    created = event("transfer.created", json.loads(json.dumps(tr)))
    assert deliver_company(api, cid, created).json["outcome"] == "unchanged"  # the release recorded it already

    partial = event("transfer.reversed", peer.reverse_transfer(tr["id"], 20000))
    r = deliver_company(api, cid, partial)
    assert r.status_code == 200 and r.json["outcome"] == "applied", r.json
    assert payout_rows(owner_conn, ms["id"]) == [("paid", "stripe_connect", tr["id"], 20000)]
    assert deliver_company(api, cid, partial).json["outcome"] == "replayed"
    whole = event("transfer.reversed", peer.reverse_transfer(tr["id"]))
    assert deliver_company(api, cid, whole).json["outcome"] == "applied"
    assert payout_rows(owner_conn, ms["id"]) == [("reversed", "stripe_connect", tr["id"], 50000)]
    # Late news from before the reversals changes nothing, whatever its type.
    for kind in ("transfer.created", "transfer.updated"):
        late = event(kind, json.loads(json.dumps(created["data"]["object"])), created=created["created"] - 60)
        assert deliver_company(api, cid, late).json["outcome"] == "unchanged"
    assert (
        deliver_company(api, cid, event("transfer.reversed", dict(tr, amount_reversed=20000, reversed=False))).json[
            "outcome"
        ]
        == "unchanged"
    )
    assert payout_rows(owner_conn, ms["id"]) == [("reversed", "stripe_connect", tr["id"], 50000)]
    listed = ok(api.get(f"{F}/payouts", token=admin["token"]))["items"]
    assert [(x["state"], x["reversed_minor"]) for x in listed] == [("reversed", 50000)]
    r = api.post(f"{F}/payouts/{payout['id']}/state", json={"state": "paid"}, token=admin["token"])
    assert r.status_code == 409  # nobody marks a reversed transfer paid by hand either
    # Audited in the trail, by nobody (Stripe's word through the company's webhook).
    assert trail(owner_conn, ms["id"])[-2:] == [("payout_reversed", 20000, True), ("payout_reversed", 30000, True)]

    # Another company's webhook cannot touch this payout; a transfer of no payout of ours is acknowledged.
    ok(api.put(f"{B}/stripe-account", json={"secret_key": COMPANY_KEY, "webhook_secret": "whsec_" + "o" * 32},
               token=other["token"]))  # fmt: skip
    foreign = deliver_company(api, other["company"]["id"], event("transfer.updated", tr), "whsec_" + "o" * 32)
    assert foreign.status_code == 200 and foreign.json["outcome"] == "refused"
    stranger = dict(tr, id="tr_1NotOurs", metadata={})
    assert deliver_company(api, cid, event("transfer.created", stranger)).json["outcome"] == "unknown_transfer"
    assert payout_rows(owner_conn, ms["id"]) == [("reversed", "stripe_connect", tr["id"], 50000)]
