"""Seed for integrations: the employee's CalDAV connection (through the API), an event link and a suggestion as the
sync job writes them (its 'job' claims), and a security alert raised the way auth and team raise them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from workmonitor.db import Claims, transaction
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
    ctx["calendar_connection_id"] = connection_id
