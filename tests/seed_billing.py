"""Seed for the RLS suite: the company's billing row (billing turned on against the local Stripe peer for the
call; the stripe_events table has no company_id and is reached only through a SECURITY DEFINER function)."""

from __future__ import annotations

import stripe_peer


def seed(api, ctx) -> None:
    """Create the billing_accounts row of the company in `ctx` through the API (and a Stripe customer)."""
    with stripe_peer.running():
        r = api.get("/function/billing/", token=ctx["admin"]["token"])
        assert r.status_code == 200 and r.json["enabled"], r.json
        r = api.post("/function/billing/portal", token=ctx["admin"]["token"])
        assert r.status_code == 201, r.json
        # The company's own Stripe account for client invoices (company_stripe_accounts), encrypted at rest.
        key = "sk_test_" + "s" * 24
        r = api.put("/function/billing/stripe-account", json={"secret_key": key}, token=ctx["admin"]["token"])
        assert r.status_code == 200 and r.json["configured"], r.json
