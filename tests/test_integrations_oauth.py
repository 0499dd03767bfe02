"""Google Calendar and Microsoft Graph against a local stand-in of their OAuth and calendar APIs: authorization code
with PKCE, refresh on expiry, sync tokens / delta links, one event per entry across retries, revocation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from factories import drain, invite_and_accept, signup
from oauthpeer import CLIENT_ID, CLIENT_SECRET, Peer, serve

from workmonitor import keys
from workmonitor.db import Claims, transaction
from workmonitor.integrations import crypto, sync
from workmonitor.jobs import outbox

CAL = "/function/integrations/calendars"


@pytest.fixture()
def peer(monkeypatch):
    p = Peer()
    server = serve(p)
    for name in ("GOOGLE", "MICROSOFT"):
        monkeypatch.setenv(f"{name}_CLIENT_ID", CLIENT_ID)
        monkeypatch.setenv(f"{name}_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("GOOGLE_AUTH_URL", p.base + "/auth")
    monkeypatch.setenv("GOOGLE_TOKEN_URL", p.base + "/token")
    monkeypatch.setenv("GOOGLE_OAUTH_REVOKE_URL", p.base + "/revoke")
    monkeypatch.setenv("GOOGLE_CALENDAR_API_URL", p.base + "/calendar/v3")
    monkeypatch.setenv("MICROSOFT_LOGIN_URL", p.base + "/ms")
    monkeypatch.setenv("MICROSOFT_GRAPH_URL", p.base + "/v1.0")
    yield p
    server.shutdown()


@pytest.fixture()
def emp(api):
    admin = signup(api, company="OAuthCo")
    return {**invite_and_accept(api, admin, role="employee", name="Olga Oauth"), "company_id": admin["company"]["id"]}


def run_jobs() -> None:
    with transaction(Claims()) as conn:
        outbox.drain(conn)
    drain(keys.DEFAULT_QUEUE)


def connect(api, peer: Peer, emp: dict, provider: str) -> dict:
    r = api.post(f"{CAL}/oauth/{provider}/start", json={}, token=emp["token"])
    assert r.status_code == 201, r.json
    query = parse_qs(urlsplit(r.json["authorize_url"]).query)
    assert query["state"] == [r.json["state"]] and query["redirect_uri"] == [
        "http://localhost:8080/integrations/callback"
    ]
    peer.authorize(query, "good-code")
    bad = api.post(f"{CAL}/oauth/{provider}/finish", json={"state": "x" * 20, "code": "good-code"}, token=emp["token"])
    assert bad.status_code == 400
    r = api.post(
        f"{CAL}/oauth/{provider}/finish", json={"state": r.json["state"], "code": "good-code"}, token=emp["token"]
    )
    assert r.status_code == 201, r.json
    grant = peer.grants[-1]
    assert grant["grant_type"] == "authorization_code" and len(grant["code_verifier"]) >= 43
    return r.json["connection"]


def add_entry(api, emp: dict, hours_ago: int, text: str) -> str:
    start = (datetime.now(UTC) - timedelta(hours=hours_ago)).replace(microsecond=0)
    r = api.post(
        "/function/time/entries",
        json={
            "started_at": start.isoformat(),
            "ended_at": (start + timedelta(minutes=45)).isoformat(),
            "description": text,
        },
        token=emp["token"],
    )
    assert r.status_code == 201, r.json
    return r.json["entry"]["id"]


def stored_tokens(owner_conn) -> dict:
    (sealed,) = owner_conn.execute("SELECT credentials FROM calendar_connections").fetchone()
    assert "at-" not in sealed and "rt-" not in sealed
    return json.loads(crypto.decrypt(sealed, "calendar"))


def expire(owner_conn, tokens: dict) -> None:
    sealed, _ = crypto.encrypt(json.dumps({**tokens, "expires_at": 0}).encode(), "calendar")
    owner_conn.execute("UPDATE calendar_connections SET credentials = %s", (sealed,))


def test_google_pkce_refresh_sync_tokens_and_revoke(api, peer, emp, owner_conn):
    conn_row = connect(api, peer, emp, "google")
    assert conn_row["provider"] == "google" and stored_tokens(owner_conn)["refresh_token"] == "rt-1"
    soon = (datetime.now(UTC) + timedelta(hours=3)).replace(minute=0, second=0, microsecond=0)
    peer.g_put({"id": "meeting1", "summary": "Client call", "start": {"dateTime": soon.isoformat()},
                "end": {"dateTime": (soon + timedelta(hours=1)).isoformat()}})  # fmt: skip
    entry_id = add_entry(api, emp, 5, "Backlog grooming")
    run_jobs()
    ours = peer.google[entry_id.replace("-", "")]
    assert ours["summary"] == "Backlog grooming" and ours["extendedProperties"]["private"]["workmonitor"] == "entry"
    items = api.get("/function/integrations/suggestions", token=emp["token"]).json["items"]
    assert [i["title"] for i in items] == ["Client call"]
    first_list = [c for c in peer.calls if c[0] == "GET"][0][1]
    assert "timeMin=" in first_list and "syncToken" not in first_list

    # A crash after the insert: the retry's insert meets 409 and updates the same event.
    owner_conn.execute("DELETE FROM calendar_event_links")
    assert sync.sync_connection(emp["company_id"], conn_row["id"])["push"]["put"] == 1
    assert len([e for e in peer.google.values() if e.get("extendedProperties")]) == 1

    # Expired access token: refreshed with the refresh token first, stored encrypted, used for the calls.
    expire(owner_conn, stored_tokens(owner_conn))
    peer.g_put({"id": "meeting2", "summary": "1:1", "start": {"dateTime": (soon + timedelta(hours=2)).isoformat()},
                "end": {"dateTime": (soon + timedelta(hours=3)).isoformat()}})  # fmt: skip
    result = sync.sync_connection(emp["company_id"], conn_row["id"])
    assert result["pull"] == {"fetched": 1, "gone": 0}, result  # incremental: only the new event
    assert peer.grants[-1]["grant_type"] == "refresh_token" and peer.grants[-1]["refresh_token"] == "rt-1"
    assert stored_tokens(owner_conn)["access_token"] == "at-2"
    assert "syncToken=" in [c for c in peer.calls if c[0] == "GET"][-1][1]

    assert api.delete(f"/function/time/entries/{entry_id}", token=emp["token"]).status_code == 204
    run_jobs()
    assert peer.google[entry_id.replace("-", "")]["status"] == "cancelled"

    assert api.delete(f"{CAL}/{conn_row['id']}", token=emp["token"]).status_code == 204
    assert owner_conn.execute("SELECT count(*) FROM calendar_connections").fetchone()[0] == 0
    run_jobs()
    assert peer.revoked == ["rt-1"]


def test_microsoft_graph_delta_and_one_event_per_entry(api, peer, emp, owner_conn):
    conn_row = connect(api, peer, emp, "microsoft")
    soon = (datetime.now(UTC) + timedelta(hours=4)).replace(minute=0, second=0, microsecond=0)
    meeting = peer.graph_add("Planning", soon.strftime("%Y-%m-%dT%H:%M:%S.0000000"),
                             (soon + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%S.0000000"))  # fmt: skip
    entry_id = add_entry(api, emp, 6, "Bug triage")
    run_jobs()
    ours = [e for e in peer.graph.values() if e.get("transactionId") == f"wm-entry-{entry_id}"]
    assert len(ours) == 1 and ours[0]["subject"] == "Bug triage"
    [s] = api.get("/function/integrations/suggestions", token=emp["token"]).json["items"]
    assert s["title"] == "Planning" and s["started_at"] == soon.strftime("%Y-%m-%dT%H:%M:%S.000000Z")

    owner_conn.execute("DELETE FROM calendar_event_links")  # a crash before the link was stored
    sync.sync_connection(emp["company_id"], conn_row["id"])
    assert len([e for e in peer.graph.values() if e.get("transactionId")]) == 1

    # Delta: the meeting cancelled in Outlook takes its suggestion away; nothing else is read again.
    peer.graph[meeting].update({"@removed": {"reason": "deleted"}, "changed": peer.tick()})
    result = sync.sync_connection(emp["company_id"], conn_row["id"])
    assert result["pull"] == {"fetched": 0, "gone": 1}, result
    assert "deltatoken=" in [c for c in peer.calls if c[0] == "GET"][-1][1]
    assert api.get("/function/integrations/suggestions", token=emp["token"]).json["items"] == []

    expire(owner_conn, stored_tokens(owner_conn))
    assert "error" not in sync.sync_connection(emp["company_id"], conn_row["id"])
    assert peer.grants[-1]["grant_type"] == "refresh_token"
    assert api.delete(f"{CAL}/{conn_row['id']}", token=emp["token"]).status_code == 204
    run_jobs()
    assert peer.revoked == []  # Microsoft has no per-grant revocation: the tokens are deleted


def test_a_provider_without_a_client_is_off(api, emp, monkeypatch):
    monkeypatch.delenv("GOOGLE_CLIENT_ID", raising=False)
    r = api.post(f"{CAL}/oauth/google/start", json={}, token=emp["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "provider_off"
    assert api.post(f"{CAL}/oauth/yahoo/start", json={}, token=emp["token"]).status_code == 404
