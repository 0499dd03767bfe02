"""The public API: personal API tokens (scopes, shown once, immediate revocation, admin view) and outgoing webhooks
(signatures verified the documented way, exponential retries, disabling, SSRF refusals at registration and send)."""

from __future__ import annotations

import hashlib
import hmac
import http.server
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from factories import drain, invite_and_accept, last_mail, signup

from workmonitor import keys
from workmonitor.jobs import registry
from workmonitor.publicapi import delivery, webhooks
from workmonitor.worker import drain_once

R = "/function/reports"


@pytest.fixture()
def team(api):
    admin = signup(api, company="Api Co")
    emp = invite_and_accept(api, admin, role="employee", name="Eve Employee")
    return {"admin": admin, "emp": emp}


def _entry(api, token: str, hours_ago: int, expect: int = 201):
    start = (datetime.now(UTC) - timedelta(hours=hours_ago)).replace(microsecond=0)
    r = api.post(
        "/function/time/entries",
        json={"started_at": start.isoformat(), "ended_at": (start + timedelta(minutes=30)).isoformat()},
        token=token,
    )
    assert r.status_code == expect, r.json
    return r


# --- personal API tokens ------------------------------------------------------------------------------------------


def test_token_scopes_are_enforced_per_function_and_method(api, team):
    emp = team["emp"]["token"]
    r = api.post(f"{R}/api-tokens", json={"name": "reader", "scopes": ["time:read"]}, token=emp)
    assert r.status_code == 201, r.json
    reader = r.json["token"]
    assert reader.startswith("wmp_") and r.json["api_token"]["prefix"] == reader[:10]
    assert api.get("/function/time/entries", token=reader).status_code == 200
    r = _entry(api, reader, 3, expect=403)
    assert r.json["error"]["code"] == "scope_missing"
    assert api.get("/function/projects/projects", token=reader).status_code == 403
    writer = api.post(f"{R}/api-tokens", json={"name": "writer", "scopes": ["write"]}, token=emp).json["token"]
    created = _entry(api, writer, 3).json["entry"]
    assert created["user_id"] == team["emp"]["user"]["id"]  # the token acts as its user, with the user's RLS claims
    assert api.get("/function/projects/projects", token=writer).status_code == 200  # write implies read
    # The user's role, not more: an employee's token cannot do admin things.
    assert api.patch("/function/time/settings", json={"week_start": 7}, token=writer).status_code == 403
    # Tokens are managed signed in, never with a token.
    assert api.post(f"{R}/api-tokens", json={"name": "x", "scopes": ["read"]}, token=writer).status_code == 403
    r = api.post(f"{R}/api-tokens", json={"name": "bad", "scopes": ["time:admin"]}, token=emp)
    assert r.status_code == 400


def test_revocation_is_immediate_and_the_token_is_never_shown_again(api, team):
    emp, admin = team["emp"]["token"], team["admin"]["token"]
    r = api.post(f"{R}/api-tokens", json={"name": "laptop", "scopes": ["read"]}, token=emp)
    token, row = r.json["token"], r.json["api_token"]
    assert row["last_used_at"] is None
    assert api.get("/function/time/entries", token=token).status_code == 200
    listed = api.get(f"{R}/api-tokens", token=emp).json["items"]
    assert listed[0]["id"] == row["id"] and listed[0]["last_used_at"] is not None
    assert token not in json.dumps(listed)
    # An admin sees and revokes every token of the company; an employee sees only their own.
    assert api.get(f"{R}/api-tokens?all=true", token=emp).status_code == 403
    everyone = api.get(f"{R}/api-tokens?all=true", token=admin).json["items"]
    assert [t["user_name"] for t in everyone] == ["Eve Employee"]
    assert api.get(f"{R}/api-tokens", token=admin).json["items"] == []
    r = api.post(f"{R}/api-tokens/{row['id']}/revoke", token=admin)
    assert r.status_code == 200 and r.json["api_token"]["revoked_at"]
    r = api.get("/function/time/entries", token=token)
    assert r.status_code == 401 and r.json["error"]["code"] == "token_revoked"
    assert api.get("/function/time/entries", token="wmp_" + "x" * 40).status_code == 401
    other = signup(api, company="Other Co")
    assert api.post(f"{R}/api-tokens/{row['id']}/revoke", token=other["token"]).status_code == 404


# --- webhooks -----------------------------------------------------------------------------------------------------


class Receiver:
    """A local HTTP receiver recording each request; answers `status`."""

    def __init__(self):
        self.requests: list[dict] = []
        self.status = 200
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.requests.append({"headers": dict(self.headers), "body": body, "path": self.path})
                self.send_response(outer.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/wm"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def receiver(monkeypatch):
    monkeypatch.setenv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "1")  # the operator's switch: the receiver is on loopback
    found = Receiver()
    yield found
    found.close()


def _register(api, admin: str, url: str, events=("time_entry.created",)) -> dict:
    r = api.post(f"{R}/webhooks", json={"url": url, "events": list(events)}, token=admin)
    assert r.status_code == 201, r.json
    return r.json


def documented_check(secret: str, body: bytes, header: str) -> bool:
    """The receiver's check as the docs describe it, written independently of webhooks.verify."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    signed = parts["t"].encode() + b"." + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"]) and abs(datetime.now(UTC).timestamp() - int(parts["t"])) < 300


def test_deliveries_are_signed_the_documented_way(api, team, receiver):
    admin = team["admin"]["token"]
    created = _register(api, admin, receiver.url)
    assert created["secret"].startswith("whsec_")
    assert (
        api.post(f"{R}/webhooks", json={"url": receiver.url, "events": ["*"]}, token=team["emp"]["token"]).status_code
        == 403
    )
    entry = _entry(api, team["emp"]["token"], 5).json["entry"]
    drain_once()  # the trigger's outbox rows into RQ (the workers' drainer does this every few seconds)
    drain(keys.DEFAULT_QUEUE)
    assert len(receiver.requests) == 1
    got = receiver.requests[0]
    header = got["headers"][webhooks.SIGNATURE_HEADER]
    assert documented_check(created["secret"], got["body"], header)
    assert webhooks.verify(created["secret"], got["body"], header)
    assert not webhooks.verify(created["secret"], got["body"] + b" ", header)
    assert not webhooks.verify("whsec_wrong", got["body"], header)
    old = webhooks.sign(created["secret"], got["body"], int(datetime.now(UTC).timestamp()) - 3600)
    assert not webhooks.verify(created["secret"], got["body"], old)  # replay window
    payload = json.loads(got["body"])
    assert payload["type"] == "time_entry.created" and payload["data"]["entry"]["id"] == entry["id"]
    assert got["headers"]["WorkMonitor-Event"] == "time_entry.created"
    log = api.get(f"{R}/webhooks/{created['webhook']['id']}/deliveries", token=admin).json["items"]
    assert log[0]["status"] == "delivered" and log[0]["response_status"] == 200 and log[0]["attempts"] == 1
    assert log[0]["duration_ms"] is not None and log[0]["next_retry_at"] is None
    assert created["secret"] not in json.dumps(api.get(f"{R}/webhooks", token=admin).json)


def test_failed_deliveries_back_off_exponentially_then_disable_the_endpoint(api, team, receiver, owner_conn):
    backoff = registry.DELIVER_WEBHOOK.backoff
    assert all(b > a for a, b in zip(backoff, backoff[1:], strict=False)) and backoff[-1] >= 24 * 3600
    admin = team["admin"]["token"]
    hook = _register(api, admin, receiver.url)["webhook"]
    receiver.status = 500
    _entry(api, team["emp"]["token"], 5)
    found = owner_conn.execute("SELECT id, company_id FROM webhook_deliveries").fetchone()
    delivery_id, company_id = str(found[0]), str(found[1])
    waits = []
    for attempt in (1, 2, 3):
        before = datetime.now(UTC)
        with pytest.raises(delivery.DeliveryFailed):
            delivery.deliver(delivery_id, company_id)
        row = api.get(f"{R}/webhooks/{hook['id']}/deliveries", token=admin).json["items"][0]
        assert row["status"] == "retrying" and row["attempts"] == attempt and row["response_status"] == 500
        next_at = datetime.fromisoformat(row["next_retry_at"].replace("Z", "+00:00"))
        waits.append((next_at - before).total_seconds())
    assert [round(w, -1) for w in waits] == [float(b) for b in backoff[:3]]
    assert len(receiver.requests) == 3
    # RQ schedules the retry after the job's backoff: the job is back in the scheduled registry.
    from rq.registry import ScheduledJobRegistry

    from workmonitor.queue import queue

    drain_once()
    drain(keys.DEFAULT_QUEUE)  # the enqueued (first) run fails and is scheduled again
    assert len(ScheduledJobRegistry(queue=queue(keys.DEFAULT_QUEUE))) == 1
    # Failing for days: disabled, and the admins hear of it.
    owner_conn.execute("UPDATE webhook_endpoints SET failing_since = now() - interval '4 days'")
    with pytest.raises(delivery.DeliveryFailed):
        delivery.deliver(delivery_id, company_id)
    hook = api.get(f"{R}/webhooks", token=admin).json["items"][0]
    assert hook["enabled"] is False and hook["disabled_reason"].startswith("failing since")
    assert "was disabled" in last_mail(team["admin"]["user"]["email"])
    # Re-enabled by the admin, it starts fresh.
    r = api.patch(f"{R}/webhooks/{hook['id']}", json={"enabled": True}, token=admin)
    assert r.json["webhook"]["enabled"] and r.json["webhook"]["failing_since"] is None


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://0.0.0.0/hook",
        "http://93.184.216.34/hook",
        "ftp://example.com/hook",
        "https://user:pw@93.184.216.34/hook",
    ],
)
def test_private_targets_are_refused(api, team, url, monkeypatch):
    monkeypatch.delenv("WEBHOOK_ALLOW_PRIVATE_TARGETS", raising=False)
    r = api.post(f"{R}/webhooks", json={"url": url, "events": ["*"]}, token=team["admin"]["token"])
    assert r.status_code == 400, r.json
    assert r.json["error"]["code"] == "unsafe_target"


def test_the_address_is_checked_again_at_send_time(api, team, receiver, monkeypatch):
    hook = _register(api, team["admin"]["token"], receiver.url)["webhook"]
    monkeypatch.delenv("WEBHOOK_ALLOW_PRIVATE_TARGETS")  # as if the name now resolved to a private address
    _entry(api, team["emp"]["token"], 5)
    drain_once()
    drain(keys.DEFAULT_QUEUE)
    assert receiver.requests == []
    row = api.get(f"{R}/webhooks/{hook['id']}/deliveries", token=team["admin"]["token"]).json["items"][0]
    assert row["status"] == "retrying" and row["last_error"].startswith("refused")
    r = api.post(f"{R}/webhooks", json={"url": receiver.url, "events": ["no.such"]}, token=team["admin"]["token"])
    assert r.status_code == 400


def test_members_joining_emit_an_event(api, team, receiver):
    created = _register(api, team["admin"]["token"], receiver.url, events=("member.joined", "member.left"))
    joined = invite_and_accept(api, team["admin"], role="employee", name="Nina New")
    drain_once()
    drain(keys.DEFAULT_QUEUE)
    bodies = [json.loads(r["body"]) for r in receiver.requests]
    assert [b["type"] for b in bodies] == ["member.joined"]
    assert bodies[0]["data"]["member"]["user_id"] == joined["user"]["id"]
    assert webhooks.verify(
        created["secret"], receiver.requests[0]["body"], receiver.requests[0]["headers"][webhooks.SIGNATURE_HEADER]
    )
