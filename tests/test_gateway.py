"""The WebSocket gateway with real sockets: two gateway processes, one Redis, events emitted through Redis."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from pathlib import Path

import jwt
import pytest
import socketio

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gateway import control, harness
from gateway.probe import Probe, eventually
from workmonitor import keys, security
from workmonitor.config import settings
from workmonitor.redis_client import client as redis_client

FAST = {"WM_GATEWAY_RECHECK_SECONDS": "1", "WM_GATEWAY_HEARTBEAT_SECONDS": "1", "WM_GATEWAY_PRESENCE_TTL": "3"}


@pytest.fixture(scope="module")
def gateways(stack, tmp_path_factory):
    """Two gateway processes sharing this run's Redis and database."""
    procs = harness.start(2, env=FAST, log_dir=tmp_path_factory.mktemp("gateway-logs"))
    yield procs
    for p in procs:
        p.stop()


def token(user_id=None, company_id=None, role="employee", session_id=None, ttl=None) -> tuple[str, dict]:
    """Return (access token, claims) for a membership created as needed (the gateway asks the database whether
    the token's membership and session are live)."""
    claims = {
        "sub": str(user_id or uuid.uuid4()),
        "cid": str(company_id or uuid.uuid4()),
        "role": role,
        "sid": str(session_id or uuid.uuid4()),
    }
    _member(claims["sub"], claims["cid"], role)
    return security.issue_access_token(claims["sub"], claims["cid"], role, claims["sid"], ttl=ttl), claims


def _member(user_id: str, company_id: str, role: str) -> None:
    """Create company `company_id` and its member `user_id` (with a person) unless they exist."""
    import os

    import psycopg

    with psycopg.connect(os.environ["OWNER_DATABASE_URL"], autocommit=True) as conn:
        conn.execute("INSERT INTO companies (id, name) VALUES (%s, 'Gateway Co') ON CONFLICT DO NOTHING", (company_id,))
        if conn.execute("SELECT 1 FROM users WHERE id = %s", (user_id,)).fetchone():
            return
        person = conn.execute(
            "INSERT INTO people (email) VALUES (%s) RETURNING id", (f"gw-{user_id}@example.com",)
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO users (id, company_id, email, name, role, person_id) VALUES (%s, %s, %s, 'Gee', %s, %s)",
            (user_id, company_id, f"gw-{user_id}@example.com", role, person),
        )


def emit(event: str, payload: dict, room: str) -> None:
    """Publish exactly as shared/workmonitor/events.py does: a write-only Redis manager on channel "socketio"."""
    socketio.RedisManager(settings().redis_url, write_only=True).emit(event, payload, room=room)


async def connected(url: str, tok: str) -> Probe:
    probe = Probe(url, tok)
    assert await probe.connect(), probe.refused
    return probe


def run(coro):
    async def main():
        try:
            await coro
        finally:
            await Probe.close_all()

    asyncio.run(main())


def test_event_arrives_once_per_socket_across_two_gateways(gateways):
    a, b = uuid.uuid4(), uuid.uuid4()
    tok_a1, ca1 = token(company_id=a)
    tok_a2, _ = token(company_id=a)
    tok_b, _ = token(company_id=b)

    async def scenario():
        # user a1 has a socket on each gateway; a2 and b one each, on different gateways
        socks = {
            "a1@0": await connected(gateways[0].url, tok_a1),
            "a1@1": await connected(gateways[1].url, tok_a1),
            "a2@1": await connected(gateways[1].url, tok_a2),
            "b@0": await connected(gateways[0].url, tok_b),
        }
        emit("note", {"n": 1}, f"company:{a}")
        emit("note", {"n": 2}, f"user:{ca1['sub']}")
        emit("note", {"n": 3}, f"company:{b}")
        want = {"a1@0": [1, 2], "a1@1": [1, 2], "a2@1": [1], "b@0": [3]}
        assert await eventually(lambda: all(len(s.got("note")) >= len(want[k]) for k, s in socks.items()))
        await asyncio.sleep(0.5)  # long enough for any duplicate to show up
        for name, sock in socks.items():
            assert sorted(p["n"] for p in sock.got("note")) == want[name], name
        for sock in socks.values():
            await sock.close()

    run(scenario())


def test_a_company_never_receives_another_companys_events(gateways):
    a, b = uuid.uuid4(), uuid.uuid4()
    tok_a, _ = token(company_id=a, role="admin")
    tok_b, cb = token(company_id=b, role="admin")

    async def scenario():
        sa, sb = await connected(gateways[0].url, tok_a), await connected(gateways[1].url, tok_b)
        for i in range(5):
            emit("secret", {"i": i}, f"company:{b}")
            emit("secret", {"i": i}, f"user:{cb['sub']}")
        emit("done", {}, f"company:{a}")
        assert await eventually(lambda: sa.got("done") and len(sb.got("secret")) == 10)
        await asyncio.sleep(0.3)
        assert sa.got("secret") == [] and len(sb.got("secret")) == 10
        await sa.close()
        await sb.close()

    run(scenario())


def test_expired_forged_and_missing_tokens_are_refused(gateways):
    expired, _ = token(ttl=-30)
    now_claims = {
        "sub": str(uuid.uuid4()),
        "cid": str(uuid.uuid4()),
        "role": "admin",
        "sid": str(uuid.uuid4()),
        "typ": "access",
        "iat": 1,
        "exp": 4_000_000_000,
    }
    forged = jwt.encode(now_claims, "not-the-secret-" + "y" * 32, algorithm="HS256")
    unsigned = jwt.encode(now_claims, None, algorithm="none")
    refresh_typ = jwt.encode({**now_claims, "typ": "refresh"}, os.environ["JWT_SECRET"], algorithm="HS256")

    async def scenario():
        for tok, code in [
            (expired, "token_expired"),
            (forged, "token_invalid"),
            (unsigned, "token_invalid"),
            (refresh_typ, "token_invalid"),
            ("", "auth_required"),
        ]:
            probe = Probe(gateways[0].url, tok)
            assert not await probe.connect(), code
            assert probe.refused and probe.refused.get("data", {}).get("code") == code, (code, probe.refused)

    run(scenario())


def test_revoked_tokens_are_refused_at_connect(gateways):
    tok_s, cs = token()
    tok_u, cu = token()
    redis_client().set(keys.revoked_session(cs["sid"]), "1", ex=60)
    redis_client().set(keys.revoked_user(cu["sub"]), "1", ex=60)

    async def scenario():
        for tok in (tok_s, tok_u):
            probe = Probe(gateways[1].url, tok)
            assert not await probe.connect()
            assert probe.refused["data"]["code"] == "token_revoked"

    run(scenario())


def test_socket_closes_when_its_token_expires(gateways):
    tok, _ = token(ttl=2)

    async def scenario():
        probe = await connected(gateways[0].url, tok)
        await asyncio.wait_for(probe.disconnected.wait(), 6)
        assert probe.got("auth:closed") == [{"code": "token_expired"}]

    run(scenario())


def test_refreshed_token_keeps_the_socket_open(gateways):
    tok, claims = token(ttl=2)
    fresh = security.issue_access_token(claims["sub"], claims["cid"], "employee", claims["sid"], ttl=60)
    stranger, _ = token(ttl=60)

    async def scenario():
        probe = await connected(gateways[0].url, tok)
        assert (await probe.call("auth:refresh", {"token": stranger}))["ok"] is False
        assert (await probe.call("auth:refresh", {"token": fresh}))["ok"] is True
        await asyncio.sleep(3)
        assert probe.client.connected and not probe.disconnected.is_set()
        await probe.close()

    run(scenario())


def test_revoked_session_is_disconnected_by_a_control_notice(gateways):
    user, company = uuid.uuid4(), uuid.uuid4()
    tok_1, c1 = token(user, company)
    tok_2, _ = token(user, company)

    async def scenario():
        one = await connected(gateways[0].url, tok_1)
        one_b = await connected(gateways[1].url, tok_1)
        two = await connected(gateways[1].url, tok_2)
        control.revoke(redis_client(), session_id=c1["sid"])
        await asyncio.wait_for(asyncio.gather(one.disconnected.wait(), one_b.disconnected.wait()), 3)
        assert one.got("auth:closed") == [{"code": "token_revoked"}]
        emit("still", {}, f"user:{user}")
        assert await eventually(lambda: two.got("still"))
        await two.close()

    run(scenario())


def test_revocation_key_alone_disconnects_within_the_recheck_interval(gateways):
    tok_u, cu = token()
    tok_s, cs = token()

    async def scenario():
        by_user, by_session = await connected(gateways[0].url, tok_u), await connected(gateways[1].url, tok_s)

        def revoke():
            redis_client().set(keys.revoked_user(cu["sub"]), "1", ex=60)  # what sessions.block_user does
            redis_client().set(keys.revoked_session(cs["sid"]), "1", ex=60)  # what sessions.revoke_family does
            return by_user.disconnected.is_set() and by_session.disconnected.is_set()

        # re-set the keys while waiting: a parallel run sharing this Redis db may flush it
        assert await eventually(revoke, timeout=8, interval=0.5)
        assert by_user.got("auth:closed") == [{"code": "token_revoked"}]

    run(scenario())


def test_revoked_sessions_stay_refused_after_redis_loses_its_data(gateways, api):
    """Issue 11: the database decides, at connect and in the periodic re-check; Redis only caches revocations."""
    from factories import invite_and_accept, signup

    admin = signup(api, company="Sockets")
    emp = invite_and_accept(api, admin)
    r = api.post(f"/function/team/users/{emp['user']['id']}/deactivate", token=admin["token"])
    assert r.status_code == 200, r.json
    relogin = api.post("/function/auth/login", json={"email": admin["email"], "password": "correct horse battery"})
    assert api.post("/function/auth/logout", token=admin["token"]).status_code == 204
    redis_client().flushdb()  # Redis restarted empty

    async def scenario():
        for tok in (admin["token"], emp["token"]):
            probe = Probe(gateways[0].url, tok)
            assert not await probe.connect()
            assert probe.refused["data"]["code"] == "token_revoked", probe.refused
        live = await connected(gateways[1].url, relogin.json["access_token"])
        await live.close()

    run(scenario())


def test_a_session_revoked_only_in_the_database_is_closed_by_the_recheck(gateways, api, owner_conn):
    """No Redis key and no control notice (both lost): the periodic re-check asks the database."""
    from factories import signup

    admin = signup(api, company="Quiet")
    sid = jwt.decode(admin["token"], options={"verify_signature": False})["sid"]

    async def scenario():
        probe = await connected(gateways[0].url, admin["token"])
        owner_conn.execute("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = %s", (sid,))
        await asyncio.wait_for(probe.disconnected.wait(), 8)
        assert probe.got("auth:closed") == [{"code": "token_revoked"}]

    run(scenario())


@pytest.fixture()
def channel(owner_conn, api):
    """Two real users of one company, a private channel with only the first as member, and one outsider."""
    from factories import invite_and_accept, signup

    admin = signup(api, company="Chatty")
    member = invite_and_accept(api, admin, name="Mia Member")
    other = invite_and_accept(api, admin, name="Otto Other")
    outsider = signup(api, company="Elsewhere")
    company = admin["company"]["id"]
    channel_id = str(uuid.uuid4())
    owner_conn.execute(
        "INSERT INTO chat_channels (id, company_id, kind, name) VALUES (%s, %s, 'private', 'ops')",
        (channel_id, company),
    )
    owner_conn.execute(
        "INSERT INTO chat_channel_members (company_id, channel_id, user_id) VALUES (%s, %s, %s)",
        (company, channel_id, member["user"]["id"]),
    )
    return {"id": channel_id, "member": member, "other": other, "outsider": outsider, "company": company}


def test_channel_rooms_follow_membership_and_control_notices(gateways, channel, owner_conn):
    room = f"channel:{channel['id']}"
    member, other, outsider = channel["member"], channel["other"], channel["outsider"]

    async def scenario():
        m = await connected(gateways[0].url, member["token"])
        o = await connected(gateways[1].url, other["token"])
        x = await connected(gateways[0].url, outsider["token"])
        assert (await o.call("channel:join", {"channel_id": channel["id"]})) == {"ok": False, "error": "forbidden"}
        assert (await x.call("channel:join", {"channel_id": channel["id"]}))["ok"] is False
        assert (await o.call("channel:join", {"channel_id": "not-a-uuid"}))["error"] == "invalid_channel"
        emit("msg", {"n": 1}, room)
        assert await eventually(lambda: m.got("msg"))
        # the other user is added (persisted first), then asks to join explicitly
        owner_conn.execute(
            "INSERT INTO chat_channel_members (company_id, channel_id, user_id) VALUES (%s, %s, %s)",
            (channel["company"], channel["id"], other["user"]["id"]),
        )
        assert (await o.call("channel:join", {"channel_id": channel["id"]}))["ok"] is True
        emit("msg", {"n": 2}, room)
        assert await eventually(lambda: len(m.got("msg")) == 2 and o.got("msg"))
        # the member is removed: delete the row, then tell every gateway
        owner_conn.execute(
            "DELETE FROM chat_channel_members WHERE channel_id = %s AND user_id = %s",
            (channel["id"], member["user"]["id"]),
        )
        control.leave(redis_client(), member["user"]["id"], room)
        await asyncio.sleep(0.3)
        emit("msg", {"n": 3}, room)
        assert await eventually(lambda: len(o.got("msg")) == 2)
        await asyncio.sleep(0.3)
        assert [p["n"] for p in m.got("msg")] == [1, 2] and x.got("msg") == []
        # a channel deleted: every socket leaves its room
        control.close_room(redis_client(), room)
        await asyncio.sleep(0.3)
        emit("msg", {"n": 4}, room)
        emit("ping", {}, f"user:{other['user']['id']}")
        assert await eventually(lambda: o.got("ping"))
        await asyncio.sleep(0.2)
        assert [p["n"] for p in o.got("msg")] == [2, 3]
        for sock in (m, o, x):
            await sock.close()

    run(scenario())


def test_channel_rooms_are_joined_at_connect(gateways, channel):
    async def scenario():
        m = await connected(gateways[1].url, channel["member"]["token"])
        emit("msg", {"hello": True}, f"channel:{channel['id']}")
        assert await eventually(lambda: m.got("msg"))
        await m.close()

    run(scenario())


def test_malformed_control_notices_are_ignored():
    assert control.parse(b"not json") is None
    assert control.parse('{"type": "leave", "user_id": "x", "room": "channel:1"}') is None
    assert control.parse('{"type": "revoke"}') is None
    assert control.parse(f'{{"type": "explode", "user_id": "{uuid.uuid4()}"}}') is None
    uid = str(uuid.uuid4())
    assert control.parse(f'{{"type": "leave", "user_id": "{uid}", "room": "channel:{uid}"}}')["type"] == "leave"
    with pytest.raises(ValueError):
        control.leave(redis_client(), "nobody", "channel:nope")
