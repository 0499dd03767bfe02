"""Seed for integrations: the employee's CalDAV connection (through the API), an event link and a suggestion as the
sync job writes them (its 'job' claims), a security alert raised the way auth and team raise them,
the company's AI settings and one logged model request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from workmonitor.db import Claims, transaction
from workmonitor.integrations.ai import log_request
from workmonitor.integrations.alerts import raise_alert


def seed(api, ctx: dict) -> None:
    """Create one row in every integrations table for the company in `ctx`."""
    employee = ctx["employee"]
    r = api.post(
        "/function/integrations/calendars/caldav",
        json={"url": "http://127.0.0.1:9/cal/", "username": "eve", "password": "secret", "pull_events": True},
        token=employee["token"],
    )
    assert r.status_code == 201, r.json
    connection_id = r.json["connection"]["id"]
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    with transaction(Claims.job(ctx["company_id"])) as conn:
        conn.execute(  # seeders run in name order: no entry exists yet, and a link outlives its entry anyway
            "INSERT INTO calendar_event_links (company_id, connection_id, user_id, entry_id, href, fingerprint)"
            " VALUES (%s, %s, %s, gen_random_uuid(), '/cal/wm-entry-seed.ics', 'seed')",
            (ctx["company_id"], connection_id, employee["user"]["id"]),
        )
        conn.execute(
            "INSERT INTO calendar_suggestions (company_id, connection_id, user_id, href, remote_uid, etag, title,"
            " started_at, ended_at) VALUES (%s, %s, %s, '/cal/standup.ics', 'standup', '\"1\"', 'Standup', %s, %s)",
            (ctx["company_id"], connection_id, employee["user"]["id"], start, start + timedelta(minutes=15)),
        )
        raise_alert(
            conn, ctx["company_id"], "role_changed", subject_user_id=employee["user"]["id"], details={"to": "x"}
        )
    admin = ctx["admin"]
    r = api.put("/function/integrations/ai/settings", json={"enabled": True}, token=admin["token"])
    assert r.status_code == 200, r.json
    with transaction(Claims(company_id=ctx["company_id"], user_id=admin["user"]["id"], role="admin")) as conn:
        log_request(  # as the narrative route logs a request (the model itself is tested in test_integrations_ai)
            conn, admin["user"]["id"], employee["user"]["id"], "aggregates", "seed-model", "ok",
            {"prompt_tokens": 10, "completion_tokens": 5},
        )  # fmt: skip
    ctx["calendar_connection_id"] = connection_id
