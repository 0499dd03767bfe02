"""The publish function: shared-secret and admin-token publishing, room validation, and the presence read API."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from factories import invite_and_accept, signup

from workmonitor.config import settings
from workmonitor.redis_client import client as redis_client

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gateway import harness
from gateway.probe import Probe, eventually

SECRET = "publish-" + "s" * 40


@pytest.fixture()
def publish_secret(stack):
    """Configure the publish-secret as OpenFaaS would: a file in the secrets directory."""
    path = Path(os.environ["WM_SECRETS_DIR"]) / "publish-secret"
    path.write_text(SECRET)
    settings.cache_clear()
    yield SECRET
    path.unlink()
    settings.cache_clear()


class Listener:
    """A raw subscriber on the Socket.IO Redis channel: what the gateways would receive."""

    def __init__(self):
        self.pubsub = redis_client().pubsub(ignore_subscribe_messages=True)
        self.pubsub.subscribe("socketio")

    def messages(self, room: str | None = None, wait: float = 1.0) -> list[dict]:
        """Return the emit messages (for `room`, or all) seen within `wait` seconds."""
        found, deadline = [], time.monotonic() + wait
        while time.monotonic() < deadline:
            msg = self.pubsub.get_message(timeout=0.05)
            if msg and msg["type"] == "message":
                data = json.loads(msg["data"])
                if room is None or data.get("room") == room:
                    found.append(data)
        return found

    def close(self) -> None:
        self.pubsub.close()


@pytest.fixture()
def listener():
    sub = Listener()
    yield sub
    sub.close()


def post_event(api, room: str, event: str = "hello", payload=None, secret: str | None = None, token: str | None = None):
    headers = {"X-WM-Secret": secret} if secret is not None else {}
    return api.post(
        "/function/publish/events",
        json={"room": room, "event": event, "payload": payload or {}},
        headers=headers,
        token=token,
    )


def test_secret_is_required_and_compared(api, publish_secret, listener):
    room = f"company:{uuid.uuid4()}"
    assert post_event(api, room).status_code == 401
    r = post_event(api, room, secret="wrong")
    assert r.status_code == 401 and r.json["error"]["code"] == "secret_invalid"
    r = post_event(api, room, payload={"x": 1}, secret=SECRET)
    assert r.status_code == 202, r.json
    assert r.json == {"published": True, "room": room, "event": "hello"}
    msgs = listener.messages(room)
    assert len(msgs) == 1 and msgs[0]["method"] == "emit" and msgs[0]["event"] == "hello"
    assert msgs[0]["data"] in ({"x": 1}, [{"x": 1}])


def test_no_secret_configured_is_503_with_a_clear_message(api):
    r = post_event(api, f"company:{uuid.uuid4()}", secret="anything")
    assert r.status_code == 503
    assert r.json["error"]["code"] == "publish_secret_unset" and "publish-secret" in r.json["error"]["message"]


@pytest.mark.parametrize(
    "room",
    [
        "company:1",
        "team:09e04946-36c8-4f9d-89c8-31ed660a003d",
        "user:",
        "channel:" + "x" * 36,
        "user:bcb6e0e6-6349-4a79-ae8f-0034dff28942:extra",
    ],
)
def test_room_shape_is_validated(api, publish_secret, room):
    r = post_event(api, room, secret=SECRET)
    assert r.status_code == 400 and "room" in r.json["error"]["fields"]


def test_event_name_and_payload_are_validated(api, publish_secret):
    room = f"user:{uuid.uuid4()}"
    for event in ("disconnect", "connect", "", "has space", "x" * 65):
        assert post_event(api, room, event=event, secret=SECRET).status_code == 400, event
    r = api.post(
        "/function/publish/events", json={"room": room, "event": "e", "payload": [1]}, headers={"X-WM-Secret": SECRET}
    )
    assert r.status_code == 400 and "payload" in r.json["error"]["fields"]
    # a catalogued event (workmonitor.eventcatalog) must carry its declared payload; other names are relayed as is
    r = post_event(api, room, event="chat.typing", payload={"channel_id": "x"}, secret=SECRET)
    assert r.status_code == 400 and "payload" in r.json["error"]["fields"]


def test_admin_token_publishes_only_to_its_own_company(api, listener, owner_conn):
    admin = signup(api, company="Acme")
    employee = invite_and_accept(api, admin)
    other = signup(api, company="Globex")
    own = admin["company"]["id"]
    ok = [f"company:{own}", f"user:{employee['user']['id']}", f"user:{admin['user']['id']}"]
    for room in ok:
        r = post_event(api, room, token=admin["token"])
        assert r.status_code == 202, (room, r.json)
    denied = [
        f"company:{other['company']['id']}",
        f"user:{other['user']['id']}",
        f"user:{uuid.uuid4()}",
        f"channel:{uuid.uuid4()}",
    ]
    for room in denied:
        r = post_event(api, room, token=admin["token"])
        assert r.status_code == 403 and r.json["error"]["code"] == "room_forbidden", room
    assert post_event(api, f"user:{employee['user']['id']}", token=employee["token"]).status_code == 403
    seen = [m["room"] for m in listener.messages(wait=0.5) if m.get("room") in ok + denied]
    assert sorted(seen) == sorted(ok)


def test_admin_token_may_publish_to_its_own_channels_only(api, owner_conn):
    admin, other = signup(api, company="Acme"), signup(api, company="Globex")
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    for cid, company in ((mine, admin), (theirs, other)):
        owner_conn.execute(
            "INSERT INTO chat_channels (id, company_id, kind, name) VALUES (%s, %s, 'public', 'x')",
            (cid, company["company"]["id"]),
        )
    assert post_event(api, f"channel:{mine}", token=admin["token"]).status_code == 202
    assert post_event(api, f"channel:{theirs}", token=admin["token"]).status_code == 403


@pytest.fixture()
def gateway(stack, tmp_path):
    procs = harness.start(
        1, env={"WM_GATEWAY_HEARTBEAT_SECONDS": "1", "WM_GATEWAY_PRESENCE_TTL": "3"}, log_dir=tmp_path
    )
    yield procs[0]
    procs[0].stop()


def test_published_event_reaches_the_socket_through_a_gateway(api, publish_secret, gateway):
    admin = signup(api, company="Acme")
    employee = invite_and_accept(api, admin)

    async def scenario():
        try:
            probe = Probe(gateway.url, employee["token"])
            assert await probe.connect(), probe.refused
            r = post_event(
                api,
                f"user:{employee['user']['id']}",
                event="timer.stopped",
                payload={"entry": {"id": 7}},
                secret=SECRET,
            )
            assert r.status_code == 202
            assert await eventually(lambda: probe.got("timer.stopped"))
            await asyncio.sleep(0.3)
            assert probe.got("timer.stopped") == [{"entry": {"id": 7}}]
        finally:
            await Probe.close_all()

    asyncio.run(scenario())


def test_presence_lists_online_and_working_users_and_drops_them(api, gateway, owner_conn):
    admin = signup(api, company="Acme")
    worker = invite_and_accept(api, admin, name="Wendy Worker")
    idle = invite_and_accept(api, admin, name="Ian Idle")
    other = signup(api, company="Globex")
    started = datetime.now(UTC) - timedelta(minutes=5)
    owner_conn.execute(
        "INSERT INTO time_entries (company_id, user_id, started_at) VALUES (%s, %s, %s)",
        (admin["company"]["id"], worker["user"]["id"], started),
    )

    def presence(who):
        r = api.get("/function/publish/presence", token=who["token"])
        assert r.status_code == 200, r.json
        return r.json

    async def scenario():
        try:
            w1, w2 = Probe(gateway.url, worker["token"]), Probe(gateway.url, worker["token"])
            i, o = Probe(gateway.url, idle["token"]), Probe(gateway.url, other["token"])
            for p in (w1, w2, i, o):
                assert await p.connect(), p.refused
            seen = presence(admin)
            assert {u["user_id"] for u in seen["online"]} == {worker["user"]["id"], idle["user"]["id"]}
            assert [u["name"] for u in seen["online"] if u["user_id"] == idle["user"]["id"]] == ["Ian Idle"]
            assert [(u["user_id"], u["online"]) for u in seen["working"]] == [(worker["user"]["id"], True)]
            assert [u["user_id"] for u in presence(other)["online"]] == [other["user"]["id"]]
            await w1.close()  # one of two sockets: still online
            await i.close()
            await asyncio.sleep(0.2)
            assert {u["user_id"] for u in presence(admin)["online"]} == {worker["user"]["id"]}
            await w2.close()
            await asyncio.sleep(0.2)
            seen = presence(admin)
            assert seen["online"] == [] and [(u["user_id"], u["online"]) for u in seen["working"]] == [
                (worker["user"]["id"], False)
            ]
        finally:
            await Probe.close_all()

    asyncio.run(scenario())


def test_a_crashed_gateways_sockets_lapse_from_presence(api, stack, tmp_path):
    admin = signup(api, company="Acme")
    proc = harness.start(
        1, env={"WM_GATEWAY_HEARTBEAT_SECONDS": "1", "WM_GATEWAY_PRESENCE_TTL": "2"}, log_dir=tmp_path
    )[0]

    async def scenario():
        try:
            probe = Probe(proc.url, admin["token"])
            assert await probe.connect()
            await asyncio.sleep(2.5)  # heartbeats keep it online past the TTL
            assert [
                u["user_id"] for u in api.get("/function/publish/presence", token=admin["token"]).json["online"]
            ] == [admin["user"]["id"]]
            proc.proc.kill()  # no clean shutdown: only the TTL can clear it
            proc.proc.wait()
            assert await eventually(
                lambda: api.get("/function/publish/presence", token=admin["token"]).json["online"] == [],
                timeout=5,
                interval=0.2,
            )
        finally:
            await Probe.close_all()
            proc.stop()

    asyncio.run(scenario())


def test_presence_needs_a_token(api):
    assert api.get("/function/publish/presence").status_code == 401
