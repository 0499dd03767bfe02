"""Notifications: mentions, in-app list/read, preferences, live events, email via a real SMTP server, push adapters
against local HTTP servers that check the FCM HTTP v1 and APNs request shapes."""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import jwt
import pytest
from aiosmtpd.controller import Controller
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from factories import drain
from test_messaging import Listener, M, build_team, make_channel, payload, say, socketio_event, uid

from workmonitor import notify
from workmonitor.config import settings
from workmonitor.db import Claims, transaction
from workmonitor.jobs import registry
from workmonitor.jobs.notifications import send_push
from workmonitor.messaging import push
from workmonitor.queue import queue

PUSH_ENV = (
    "FCM_PROJECT_ID",
    "FCM_SERVICE_ACCOUNT",
    "FCM_BASE_URL",
    "FCM_TOKEN_URL",
    "APNS_KEY_ID",
    "APNS_TEAM_ID",
    "APNS_TOPIC",
    "APNS_KEY",
    "APNS_BASE_URL",
    "SMTP_HOST",
    "SMTP_PORT",
    "SMTP_STARTTLS",
)


@contextmanager
def env(**values: str):
    """Set environment variables (and refresh the settings) for the block; restore them afterwards."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    settings.cache_clear()
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        settings.cache_clear()


@pytest.fixture()
def team(api):
    """Company A (admin, manager, two employees) and company B (admin)."""
    return build_team(api)


@pytest.fixture(autouse=True)
def no_push_config():
    """Every test starts with the push adapters unconfigured."""
    saved = {k: os.environ.pop(k) for k in PUSH_ENV if k in os.environ}
    settings.cache_clear()
    yield
    os.environ.update(saved)
    settings.cache_clear()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder(ThreadingHTTPServer):
    """A local HTTP server recording each request; `answer(req)` returns (status, json body)."""

    def __init__(self, answer):
        self.requests: list[dict] = []
        self.answer = answer
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                req = {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "raw": raw}
                server.requests.append(req)
                status, body = server.answer(req)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def mention_manager(api, team, text="@Mia Manager please review") -> str:
    ch = make_channel(api, team["admin"], members=[team["manager"], team["emp"]])
    say(api, team["emp"], ch, text)
    return ch


def test_mention_creates_a_notification_and_a_live_event(api, team):
    listener = Listener("socketio")
    try:
        ch = mention_manager(api, team)
        event = listener.wait_for(socketio_event("notification", f"user:{uid(team['manager'])}"))
    finally:
        listener.close()
    note = payload(event)
    assert note["kind"] == "chat_mention" and note["title"] == "Eve Employee mentioned you in #general"
    assert note["data"]["channel_id"] == ch
    r = api.get(f"{M}/notifications", token=team["manager"]["token"])
    assert r.status_code == 200 and r.json["unread_count"] == 1
    assert [(n["id"], n["kind"], n["body"]) for n in r.json["items"]] == [
        (note["id"], "chat_mention", "@Mia Manager please review")
    ]
    # Mentions by email work too; the author and non-members are never notified.
    say(api, team["manager"], ch, f"thanks @{team['emp']['email']} and @Mia Manager, cc @{team['emp2']['email']}")
    assert api.get(f"{M}/notifications/unread-count", token=team["emp"]["token"]).json["unread_count"] == 1
    assert api.get(f"{M}/notifications/unread-count", token=team["manager"]["token"]).json["unread_count"] == 1
    assert api.get(f"{M}/notifications", token=team["emp2"]["token"]).json["items"] == []


def test_edit_notifies_only_newly_mentioned_members(api, team):
    ch = mention_manager(api, team)
    msg = api.get(f"{M}/channels/{ch}/messages", token=team["emp"]["token"]).json["items"][0]
    api.patch(f"{M}/messages/{msg['id']}", json={"body": "@Mia Manager and @Ada Admin"}, token=team["emp"]["token"])
    assert api.get(f"{M}/notifications/unread-count", token=team["manager"]["token"]).json["unread_count"] == 1
    assert api.get(f"{M}/notifications/unread-count", token=team["admin"]["token"]).json["unread_count"] == 1


def test_list_mark_read_and_mark_all_read(api, team):
    ch = mention_manager(api, team)
    say(api, team["emp"], ch, "@Mia Manager again")
    tok = team["manager"]["token"]
    items = api.get(f"{M}/notifications", token=tok).json["items"]
    assert len(items) == 2
    assert api.post(f"{M}/notifications/{items[0]['id']}/read", token=team["emp"]["token"]).status_code == 404
    r = api.post(f"{M}/notifications/{items[0]['id']}/read", token=tok)
    assert r.status_code == 200 and r.json["notification"]["read_at"]
    assert api.get(f"{M}/notifications?unread=true", token=tok).json["items"][0]["id"] == items[1]["id"]
    r = api.get(f"{M}/notifications?limit=1", token=tok)
    assert r.json["has_more"] and r.json["unread_count"] == 1
    assert api.post(f"{M}/notifications/read-all", token=tok).json == {"marked": 1}
    assert api.get(f"{M}/notifications/unread-count", token=tok).json["unread_count"] == 0
    assert api.post(f"{M}/notifications/not-a-uuid/read", token=tok).status_code == 404
    assert api.delete(f"{M}/notifications/{items[0]['id']}", token=team["emp"]["token"]).status_code == 404
    assert api.delete(f"{M}/notifications/{items[0]['id']}", token=tok).status_code == 204
    assert len(api.get(f"{M}/notifications", token=tok).json["items"]) == 1


def test_unread_badges_cover_chat_and_notifications(api, team):
    ch = mention_manager(api, team)
    say(api, team["emp"], ch, "second")
    r = api.get(f"{M}/unread", token=team["manager"]["token"])
    assert r.json == {"chat": {ch: 2}, "chat_total": 2, "notifications": 1}
    assert api.get(f"{M}/unread", token=team["emp"]["token"]).json == {"chat": {}, "chat_total": 0, "notifications": 0}


def test_preferences_decide_the_channels(api, team):
    tok = team["manager"]["token"]
    prefs = api.get(f"{M}/notification-preferences", token=tok).json
    assert prefs["preferences"]["chat_mention"] == {"in_app": True, "email": True, "push": True}
    assert set(prefs["kinds"]) >= {
        "timesheet_submitted",
        "timesheet_approved",
        "timesheet_rejected",
        "leave_decided",
        "chat_mention",
        "task_assigned",
    }
    r = api.put(
        f"{M}/notification-preferences",
        json={"preferences": {"chat_mention": {"in_app": False, "email": False}}},
        token=tok,
    )
    assert r.status_code == 200 and r.json["preferences"]["chat_mention"] == {
        "in_app": False,
        "email": False,
        "push": True,
    }
    assert (
        api.put(
            f"{M}/notification-preferences", json={"preferences": {"nope": {"email": False}}}, token=tok
        ).status_code
        == 400
    )
    before_email = queue("email").count
    mention_manager(api, team)
    assert api.get(f"{M}/notifications", token=tok).json["items"] == []
    assert queue("email").count == before_email
    assert queue("default").count == 1  # push is still on


def test_notify_from_library_code_outside_a_request(api, team):
    pending: list = []
    with transaction(Claims.job(team["company_id"])) as conn:
        note = notify.notify(
            conn,
            uid(team["emp"]),
            "timesheet_approved",
            "Your timesheet was approved",
            "Week 12",
            {"timesheet_id": "t-1"},
            defer=pending.append,
        )
        with pytest.raises(ValueError):
            notify.notify(conn, uid(team["emp"]), "no_such_kind", "x", defer=pending.append)
        with pytest.raises(RuntimeError):
            notify.notify(conn, uid(team["emp"]), "leave_decided", "x")
    assert len(pending) == 3  # live event, email, push: run only after the commit
    for task in pending:
        task()
    items = api.get(f"{M}/notifications", token=team["emp"]["token"]).json["items"]
    assert [(n["id"], n["kind"], n["data"]) for n in items] == [
        (note["id"], "timesheet_approved", {"timesheet_id": "t-1"})
    ]


class Sink:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def test_mention_email_is_sent_through_a_real_smtp_server(api, team):
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with env(SMTP_HOST="127.0.0.1", SMTP_PORT=str(controller.port), SMTP_STARTTLS="false"):
            mention_manager(api, team, "@Mia Manager the invoice is ready")
            drain("email", "default")
            drain("email")  # a second run of the same job is a no-op (idempotent by message id)
    finally:
        controller.stop()
    mails = [e for e in sink.messages if team["manager"]["email"] in e.rcpt_tos]
    assert len(mails) == 1
    text = mails[0].content.decode()
    assert "Subject: Eve Employee mentioned you in #general" in text
    assert "the invoice is ready" in text and "Message-ID: <notification-" in text


def rsa_account() -> tuple[dict, object]:
    """Return (a service-account dict without token_uri, its public key)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return {
        "type": "service_account",
        "client_email": "push@demo.iam.gserviceaccount.com",
        "private_key": pem,
        "private_key_id": "kid-1",
    }, key.public_key()


def fcm_server(public_key) -> Recorder:
    """A fake FCM: /token checks the signed assertion; messages:send checks the bearer token and the body."""

    def answer(req):
        if req["path"] == "/token":
            form = parse_qs(req["raw"].decode())
            assert form["grant_type"] == ["urn:ietf:params:oauth:grant-type:jwt-bearer"]
            claims = jwt.decode(form["assertion"][0], public_key, algorithms=["RS256"], audience=server.url + "/token")
            assert claims["iss"] == "push@demo.iam.gserviceaccount.com" and "firebase.messaging" in claims["scope"]
            return 200, {"access_token": "ya29.local-token", "expires_in": 3600, "token_type": "Bearer"}
        if req["headers"].get("authorization") != "Bearer ya29.local-token":
            return 401, {"error": {"status": "UNAUTHENTICATED"}}
        if json.loads(req["raw"])["message"]["token"] == "dead-fcm-token":
            return 404, {"error": {"status": "NOT_FOUND", "details": [{"errorCode": "UNREGISTERED"}]}}
        return 200, {"name": "projects/demo/messages/1"}

    server = Recorder(answer)
    return server


def test_fcm_push_job_against_a_local_server(api, team):
    account, public_key = rsa_account()
    server = fcm_server(public_key)
    for tok in ("live-fcm-token", "dead-fcm-token"):
        r = api.post(
            f"{M}/devices", json={"platform": "fcm", "token": tok, "label": "Pixel"}, token=team["manager"]["token"]
        )
        assert r.status_code == 201
    try:
        with env(
            FCM_PROJECT_ID="demo",
            FCM_SERVICE_ACCOUNT=json.dumps(account),
            FCM_BASE_URL=server.url,
            FCM_TOKEN_URL=server.url + "/token",
        ):
            mention_manager(api, team, "@Mia Manager ship it")
            drain("default")
    finally:
        server.stop()
    sends = [r for r in server.requests if r["path"] == "/v1/projects/demo/messages:send"]
    assert [r["path"] for r in server.requests if r["path"] == "/token"] == ["/token"]  # token fetched once
    bodies = sorted((json.loads(r["raw"])["message"] for r in sends), key=lambda m: m["token"])
    assert [b["token"] for b in bodies] == ["dead-fcm-token", "live-fcm-token"]
    assert bodies[1]["notification"] == {
        "title": "Eve Employee mentioned you in #general",
        "body": "@Mia Manager ship it",
    }
    assert set(bodies[1]["data"]) == {"channel_id", "message_id"}
    assert all(r["headers"]["authorization"] == "Bearer ya29.local-token" for r in sends)
    devices = api.get(f"{M}/devices", token=team["manager"]["token"]).json["items"]
    assert len(devices) == 1  # the dead token was removed


def test_apns_push_against_a_local_server():
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()

    def answer(req):
        h = req["headers"]
        assert h["authorization"].startswith("bearer ")
        token = h["authorization"].split(" ", 1)[1]
        assert (
            jwt.get_unverified_header(token)["kid"] == "KEY123" and jwt.get_unverified_header(token)["alg"] == "ES256"
        )
        assert jwt.decode(token, key.public_key(), algorithms=["ES256"])["iss"] == "TEAM42"
        if req["path"] == "/3/device/gone-token":
            return 410, {"reason": "Unregistered"}
        return 200, {}

    server = Recorder(answer)
    try:
        with env(
            APNS_KEY_ID="KEY123",
            APNS_TEAM_ID="TEAM42",
            APNS_TOPIC="com.example.workmonitor",
            APNS_KEY=pem,
            APNS_BASE_URL=server.url,
        ):
            assert push.apns_send("abc123device", "Hi", "There", {"channel_id": "c1"}, push_id="p1") == "sent"
            assert push.apns_send("gone-token", "Hi", "There") == "invalid"
    finally:
        server.stop()
    req = server.requests[0]
    assert req["path"] == "/3/device/abc123device"
    assert req["headers"]["apns-topic"] == "com.example.workmonitor"
    assert req["headers"]["apns-push-type"] == "alert" and req["headers"]["apns-priority"] == "10"
    assert len(req["headers"]["apns-id"]) == 36
    assert json.loads(req["raw"]) == {
        "aps": {"alert": {"title": "Hi", "body": "There"}, "sound": "default"},
        "channel_id": "c1",
    }


def test_push_adapters_are_off_and_say_so_when_unconfigured(api, team):
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("workmonitor.push")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        assert push.fcm_send("some-device-token", "t", "b") == "disabled"
        assert push.apns_send("some-device-token", "t", "b") == "disabled"
        api.post(f"{M}/devices", json={"platform": "apns", "token": "iphone-token-1"}, token=team["manager"]["token"])
        mention_manager(api, team)
        job = queue("default").jobs[0]
        assert job.func_name == registry.SEND_PUSH.path
        assert list(send_push(*job.args).values()) == ["disabled"]
    finally:
        logger.removeHandler(handler)
    text = " ".join(r.getMessage() for r in records)
    assert "FCM push is off" in text and "APNs push is off" in text


def test_device_tokens_register_and_unregister(api, team):
    tok = team["emp"]["token"]
    r = api.post(f"{M}/devices", json={"platform": "apns", "token": "iphone-token-1"}, token=tok)
    again = api.post(f"{M}/devices", json={"platform": "apns", "token": "iphone-token-1", "label": "iPhone"}, token=tok)
    assert r.json["device"]["id"] == again.json["device"]["id"] and again.json["device"]["label"] == "iPhone"
    assert api.post(f"{M}/devices", json={"platform": "sms", "token": "x" * 10}, token=tok).status_code == 400
    assert api.get(f"{M}/devices", token=team["emp2"]["token"]).json["items"] == []
    assert api.delete(f"{M}/devices/{r.json['device']['id']}", token=team["emp2"]["token"]).status_code == 404
    api.post(f"{M}/devices", json={"platform": "fcm", "token": "android-token-1"}, token=tok)
    assert api.delete(f"{M}/devices/{r.json['device']['id']}", token=tok).status_code == 204
    assert api.post(f"{M}/devices/unregister", json={"token": "android-token-1"}, token=tok).status_code == 204
    assert api.get(f"{M}/devices", token=tok).json["items"] == []
