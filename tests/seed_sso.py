"""Seed the single sign-on tables: the company's OpenID Connect provider and one email domain (no network: the
provider is only contacted at sign-in)."""

from __future__ import annotations

import uuid


def seed(api, ctx) -> None:
    """Create one row in sso_providers and sso_domains for ctx's company."""
    cfg = {
        "issuer": f"https://id.{ctx['name'].lower()}.example",
        "client_id": "workmonitor",
        "client_secret": "seed-secret",
        "email_domains": [f"{ctx['name'].lower()}-{uuid.uuid4().hex[:6]}.test"],
    }
    r = api.put("/function/auth/sso/config", json=cfg, token=ctx["admin"]["token"])
    assert r.status_code == 200, r.json
