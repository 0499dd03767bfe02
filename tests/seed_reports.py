"""Seed for reports and the public API: a saved report, a client share link, a background export, an import, a
personal API token, a webhook endpoint and one delivery (this week's timesheet submitted after it exists)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from factories import drain

from workmonitor import keys

R = "/function/reports"


def seed(api, ctx: dict) -> None:
    """Create one row in every reports/public-API table for the company in `ctx`, through the API."""
    admin, employee = ctx["admin"], ctx["employee"]
    today = datetime.now(UTC).date()
    spec = {"from": (today - timedelta(days=14)).isoformat(), "to": today.isoformat(), "group_by": ["project"]}
    r = api.post(f"{R}/saved", json={"name": "Last two weeks", "spec": spec}, token=admin["token"])
    assert r.status_code == 201, r.json
    r = api.post(f"{R}/shares", json={"client_id": ctx["client_id"], "name": "For the client"}, token=admin["token"])
    assert r.status_code == 201, r.json
    r = api.post(f"{R}/exports", json={**spec, "format": "csv", "background": True}, token=admin["token"])
    assert r.status_code == 202, r.json
    csv = (
        "User,Email,Project,Description,Billable,Start date,Start time,End date,End time\n"
        f"Eve,{employee['email']},Imported,From Toggl,No,2026-01-05,09:00:00,2026-01-05,10:00:00\n"
    )
    r = api.post(f"{R}/imports", json={"format": "toggl", "csv": csv}, token=admin["token"])
    assert r.status_code == 202, r.json
    drain(keys.REPORTS_QUEUE)  # the import (and the export above) run: import_keys gets its row
    r = api.post(f"{R}/api-tokens", json={"name": "CI", "scopes": ["time:read"]}, token=employee["token"])
    assert r.status_code == 201, r.json
    old = os.environ.get("WEBHOOK_ALLOW_PRIVATE_TARGETS")
    os.environ["WEBHOOK_ALLOW_PRIVATE_TARGETS"] = "1"
    try:
        r = api.post(f"{R}/webhooks", json={"url": "http://127.0.0.1:9/hook", "events": ["*"]}, token=admin["token"])
    finally:
        if old is None:
            del os.environ["WEBHOOK_ALLOW_PRIVATE_TARGETS"]
        else:
            os.environ["WEBHOOK_ALLOW_PRIVATE_TARGETS"] = old
    assert r.status_code == 201, r.json
    # This week's timesheet submitted: one webhook delivery (last week's is approved, so no entry can go there).
    r = api.post(
        "/function/time/timesheets/submit",
        json={"date": (today + timedelta(days=1)).isoformat()},
        token=employee["token"],
    )
    assert r.status_code == 201, r.json
