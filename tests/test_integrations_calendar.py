"""Calendar sync against a real CalDAV server (Radicale on loopback): entries become events exactly once, events
become suggestions incrementally, credentials are encrypted and rotatable, and a failing calendar never blocks
time tracking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from calendarpeer import PASSWORD, USER, Calendar, radicale
from factories import drain, invite_and_accept, signup

from workmonitor import keys
from workmonitor.db import Claims, transaction
from workmonitor.integrations import crypto, sync
from workmonitor.jobs import outbox

KEY_OLD = "test1:" + "A" * 43


@pytest.fixture(scope="module")
def caldav_base(tmp_path_factory):
    with radicale(tmp_path_factory.mktemp("radicale")) as base:
        yield base


@pytest.fixture()
def team(api):
    admin = signup(api, company="CalCo")
    employee = invite_and_accept(api, admin, role="employee", name="Eve Calendar")
    return {"admin": admin, "employee": employee, "company_id": admin["company"]["id"]}


def run_jobs() -> None:
    """Push the job outbox (entry changes queue syncs from a trigger: the worker's drainer pushes them), run them."""
    with transaction(Claims()) as conn:
        outbox.drain(conn)
    drain(keys.DEFAULT_QUEUE)


def connect(api, who: dict, url: str, **options) -> dict:
    r = api.post(
        "/function/integrations/calendars/caldav",
        json={"url": url, "username": USER, "password": PASSWORD, **options},
        token=who["token"],
    )
    assert r.status_code == 201, r.json
    return r.json["connection"]


def connection(api, who: dict) -> dict:
    r = api.get("/function/integrations/calendars", token=who["token"])
    assert r.status_code == 200, r.json
    return r.json["items"][0]


def at(days: int, hour: int, minute: int = 0) -> datetime:
    """An instant `days` from today at hour:minute UTC."""
    return (datetime.now(UTC) + timedelta(days=days)).replace(hour=hour, minute=minute, second=0, microsecond=0)


def ours(cal: Calendar) -> dict[str, str]:
    return {n: t for n, t in cal.resources().items() if n.startswith("wm-entry-")}


def test_entries_become_events_exactly_once_and_follow_edits_and_deletes(api, team, caldav_base, owner_conn):
    cal = Calendar(caldav_base)
    emp = team["employee"]
    conn_row = connect(api, emp, cal.url, pull_events=False)
    assert conn_row["state"] == "pending" and "password" not in str(conn_row)
    run_jobs()
    assert connection(api, emp)["state"] == "active"

    start = at(-1, 9)
    r = api.post(
        "/function/time/entries",
        json={
            "started_at": start.isoformat(),
            "ended_at": (start + timedelta(hours=2)).isoformat(),
            "description": "Spec review",
        },
        token=emp["token"],
    )
    assert r.status_code == 201, r.json
    entry_id = r.json["entry"]["id"]
    run_jobs()  # the sync was queued in the entry's transaction (a trigger) and pushed after its commit
    events = ours(cal)
    assert list(events) == [f"wm-entry-{entry_id}.ics"]
    text = events[f"wm-entry-{entry_id}.ics"]
    assert f"UID:wm-entry-{entry_id}@workmonitor" in text and "SUMMARY:Spec review" in text
    assert f"DTSTART:{start.strftime('%Y%m%dT%H%M%SZ')}" in text

    # Retries: the job again, and a crash after the PUT before the link was recorded: still one event.
    cid = conn_row["id"]
    assert sync.sync_connection(team["company_id"], cid)["push"] == {"put": 0, "deleted": 0, "unchanged": 1}
    owner_conn.execute("DELETE FROM calendar_event_links WHERE connection_id = %s", (cid,))
    assert sync.sync_connection(team["company_id"], cid)["push"]["put"] == 1
    assert list(ours(cal)) == [f"wm-entry-{entry_id}.ics"]

    r = api.patch(
        f"/function/time/entries/{entry_id}", json={"description": "Spec review, round 2"}, token=emp["token"]
    )
    assert r.status_code == 200, r.json
    run_jobs()
    events = ours(cal)
    assert len(events) == 1 and "SUMMARY:Spec review\\, round 2" in events[f"wm-entry-{entry_id}.ics"]

    assert api.delete(f"/function/time/entries/{entry_id}", token=emp["token"]).status_code == 204
    run_jobs()
    assert ours(cal) == {}
    assert owner_conn.execute("SELECT count(*) FROM calendar_event_links").fetchone()[0] == 0


def test_new_calendar_events_become_suggestions_incrementally_and_accept_in_one_click(api, team, caldav_base):
    cal = Calendar(caldav_base)
    emp = team["employee"]
    cid = connect(api, emp, cal.url)["id"]
    meeting = at(-1, 14)
    cal.put(
        "standup.ics",
        "standup-1",
        meeting.strftime("%Y%m%dT%H%M%SZ"),
        (meeting + timedelta(minutes=30)).strftime("%Y%m%dT%H%M%SZ"),
        "Team standup",
    )
    run_jobs()
    r = api.get("/function/integrations/suggestions", token=emp["token"])
    assert r.status_code == 200, r.json
    [s] = r.json["items"]
    assert s["title"] == "Team standup" and s["state"] == "new"
    assert s["started_at"] == meeting.strftime("%Y-%m-%dT%H:%M:%S.000000Z")

    # Incremental: an unchanged calendar (same ctag) is not read; a new event is the only one fetched.
    assert sync.sync_connection(team["company_id"], cid)["pull"] == {"fetched": 0, "unchanged_calendar": 1}
    review = at(-1, 16)
    cal.put(
        "review.ics",
        "review-1",
        review.strftime("%Y%m%dT%H%M%S"),
        (review + timedelta(hours=1)).strftime("%Y%m%dT%H%M%S"),
        "Design review",
        tzid="Europe/Berlin",
    )
    assert sync.sync_connection(team["company_id"], cid)["pull"] == {"fetched": 1, "gone": 0}
    items = api.get("/function/integrations/suggestions", token=emp["token"]).json["items"]
    assert [i["title"] for i in items] == ["Design review", "Team standup"]
    berlin = review.replace(tzinfo=None)  # 16:00 in Berlin is 15:00 UTC (winter) or 14:00 (summer)
    assert items[0]["started_at"] != berlin.strftime("%Y-%m-%dT%H:%M:%S.000000Z")

    # One click: the entry exists; a second click returns the same entry; it is never mirrored back.
    r = api.post(f"/function/integrations/suggestions/{s['id']}/accept", token=emp["token"])
    assert r.status_code == 201, r.json
    entry = r.json["entry"]
    assert entry["description"] == "Team standup" and entry["started_at"] == s["started_at"]
    again = api.post(f"/function/integrations/suggestions/{s['id']}/accept", token=emp["token"])
    assert again.status_code == 201 and again.json["entry"]["id"] == entry["id"]
    run_jobs()
    assert ours(cal) == {}
    r = api.post(f"/function/integrations/suggestions/{items[0]['id']}/dismiss", token=emp["token"])
    assert r.status_code == 200 and r.json["suggestion"]["state"] == "dismissed"
    assert api.get("/function/integrations/suggestions", token=emp["token"]).json["items"] == []
    # Another user sees none of it.
    r = api.get("/function/integrations/suggestions?state=accepted", token=team["admin"]["token"])
    assert r.status_code == 200 and r.json["items"] == []
    r = api.post(f"/function/integrations/suggestions/{s['id']}/accept", token=team["admin"]["token"])
    assert r.status_code == 404


def test_a_failing_calendar_never_blocks_time_tracking(api, team):
    emp = team["employee"]
    connect(api, emp, "http://127.0.0.1:9/nobody/cal/")
    r = api.post("/function/time/timer/start", json={"description": "work"}, token=emp["token"])
    assert r.status_code == 201, r.json
    assert api.post("/function/time/timer/stop", token=emp["token"]).status_code == 200
    run_jobs()
    row = connection(api, emp)
    assert row["state"] == "error" and "unreachable" in row["last_error"]


def test_credentials_are_encrypted_rotated_and_deleted_on_disconnect(api, team, caldav_base, owner_conn, monkeypatch):
    cal = Calendar(caldav_base)
    emp = team["employee"]
    cid = connect(api, emp, cal.url)["id"]
    stored, kid = owner_conn.execute("SELECT credentials, key_id FROM calendar_connections").fetchone()
    assert PASSWORD not in stored and kid == "test1" and stored.startswith("v1:test1:")

    # Rotation: a new key first, the old one still listed; the next sync re-encrypts under the new one.
    new = crypto.new_key()
    monkeypatch.setenv("INTEGRATIONS_KEYS", f"k2:{new},{KEY_OLD}")
    assert crypto.stale(stored)
    assert "error" not in sync.sync_connection(team["company_id"], cid)
    stored2, kid2 = owner_conn.execute("SELECT credentials, key_id FROM calendar_connections").fetchone()
    assert kid2 == "k2" and stored2 != stored
    # Without the key it was written under, a credential does not open; nor after tampering.
    monkeypatch.setenv("INTEGRATIONS_KEYS", KEY_OLD)
    with pytest.raises(crypto.CredentialUnreadable):
        crypto.decrypt(stored2, "calendar")
    with pytest.raises(crypto.CredentialUnreadable):
        crypto.decrypt(stored.replace("v1:test1:", "v1:test1:A"), "calendar")
    with pytest.raises(crypto.CredentialUnreadable):
        crypto.decrypt(stored, "another-purpose")
    assert sync.sync_connection(team["company_id"], cid)["error"]  # recorded, not raised

    assert api.delete(f"/function/integrations/calendars/{cid}", token=emp["token"]).status_code == 204
    assert owner_conn.execute("SELECT count(*) FROM calendar_connections").fetchone()[0] == 0
    assert api.get("/function/integrations/calendars", token=emp["token"]).json["items"] == []


def test_without_a_key_nothing_is_stored(api, team, monkeypatch):
    monkeypatch.delenv("INTEGRATIONS_KEYS")
    r = api.post(
        "/function/integrations/calendars/caldav",
        json={"url": "http://127.0.0.1:9/c/", "username": "u", "password": "p"},
        token=team["employee"]["token"],
    )
    assert r.status_code == 409 and r.json["error"]["code"] == "integrations_off"
    r = api.get("/function/integrations/calendars", token=team["employee"]["token"])
    assert r.json == {"items": [], "encryption_configured": False, "oauth_providers": []}
