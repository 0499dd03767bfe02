"""Seed for the privacy tables: an access-log row (the admin views the employee's screenshots), an export request
and an erasure request of the employee. Runs after seed_media (module-name order)."""

from __future__ import annotations

P = "/function/team/privacy"


def seed(api, ctx) -> None:
    """Create one row in data_access_log, data_exports and erasure_requests for ctx's company."""
    emp = ctx["employee"]
    r = api.get(f"/function/media/screenshots?user_id={emp['user']['id']}", token=ctx["admin"]["token"])
    assert r.status_code == 200 and r.json["items"], r.json
    r = api.post(f"{P}/exports", token=emp["token"])
    assert r.status_code == 202, r.json
    r = api.post(f"{P}/erasure", json={"reason": "seed"}, token=emp["token"])
    assert r.status_code == 201, r.json
