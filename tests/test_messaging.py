"""Chat: channels, DMs, membership and RLS isolation, messages, read receipts, catch-up, search, events, files."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

import psycopg
import pytest
import requests
from factories import invite_and_accept, signup
from psycopg.rows import dict_row

from workmonitor import keys, storage
from workmonitor.db import Claims, set_claims
from workmonitor.redis_client import client as redis_client

M = "/function/messaging"


class Listener:
    """A Redis pub/sub subscriber (confirmed before returning) collecting JSON messages."""

    def __init__(self, *channels: str):
        self.ps = redis_client().pubsub()
        self.ps.subscribe(*channels)
        confirmed = 0
        while confirmed < len(channels):
            msg = self.ps.get_message(timeout=2)
            assert msg is not None, "subscription not confirmed"
            confirmed += msg["type"] == "subscribe"
        self.seen: list[dict] = []

    def wait_for(self, match, timeout: float = 3.0) -> dict:
        """Return the first received message for which match(msg) is true; fail after `timeout`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for msg in self.seen:
                if match(msg):
                    return msg
            raw = self.ps.get_message(timeout=0.1)
            if raw and raw["type"] == "message":
                self.seen.append(json.loads(raw["data"]))
        raise AssertionError(f"no matching message; saw {self.seen}")

    def close(self) -> None:
        self.ps.close()


def socketio_event(event: str, room: str):
    """Return a matcher for a python-socketio RedisManager emit of `event` to `room`."""
    return lambda m: m.get("method") == "emit" and m.get("event") == event and m.get("room") == room


def payload(event: dict) -> dict:
    """Return the payload of a RedisManager emit (python-socketio sends the arguments as a list)."""
    data = event["data"]
    return data[0] if isinstance(data, list) else data


def build_team(api) -> dict:
    """Return company A with an admin, a manager and two employees, and company B's admin as "b"."""
    admin = signup(api, company="A")
    t = {
        "admin": admin,
        "manager": invite_and_accept(api, admin, role="manager", name="Mia Manager"),
        "emp": invite_and_accept(api, admin, role="employee", name="Eve Employee"),
        "emp2": invite_and_accept(api, admin, role="employee", name="Otto Other"),
        "b": signup(api, company="B", name="Bob B"),
    }
    t["company_id"] = admin["company"]["id"]
    return t


@pytest.fixture()
def team(api):
    """Company A (admin, manager, two employees) and company B (admin)."""
    return build_team(api)


def uid(who: dict) -> str:
    return who["user"]["id"]


def make_channel(api, who, name="general", kind="public", members=()) -> str:
    r = api.post(
        f"{M}/channels", json={"name": name, "kind": kind, "member_ids": [uid(m) for m in members]}, token=who["token"]
    )
    assert r.status_code == 201, r.json
    return r.json["channel"]["id"]


def say(api, who, channel_id, text, **extra) -> dict:
    r = api.post(f"{M}/channels/{channel_id}/messages", json={"body": text, **extra}, token=who["token"])
    assert r.status_code in (200, 201), r.json
    return r.json["message"]


def app_conn(stack, team, who: str):
    """An application-role connection with `who`'s RLS claims (to prove RLS, not handler filtering)."""
    conn = psycopg.connect(stack["app_url"], row_factory=dict_row)
    u = team[who]["user"]
    set_claims(conn, Claims(company_id=u["company_id"], user_id=u["id"], role=u["role"]))
    return conn


def test_channels_are_created_by_admins_and_managers_and_members_chat(api, team):
    r = api.post(f"{M}/channels", json={"name": "nope"}, token=team["emp"]["token"])
    assert r.status_code == 403 and r.json["error"]["code"] == "role_required"
    ch = make_channel(api, team["manager"], members=[team["emp"]])
    assert api.post(f"{M}/channels", json={"name": "General"}, token=team["admin"]["token"]).status_code == 409
    msg = say(api, team["emp"], ch, "hello team")
    assert msg["author_id"] == uid(team["emp"]) and msg["body"] == "hello team"
    r = api.get(f"{M}/channels/{ch}/messages", token=team["manager"]["token"])
    assert [m["body"] for m in r.json["items"]] == ["hello team"]
    # Public: the company sees the channel and may join; messages only once a member.
    r = api.get(f"{M}/channels", token=team["emp2"]["token"])
    assert [(c["id"], c["is_member"]) for c in r.json["items"]] == [(ch, False)]
    r = api.get(f"{M}/channels/{ch}/messages", token=team["emp2"]["token"])
    assert r.status_code == 403 and r.json["error"]["code"] == "not_a_member"
    assert api.get(f"{M}/messages/{msg['id']}", token=team["emp2"]["token"]).status_code == 404
    assert api.post(f"{M}/channels/{ch}/join", token=team["emp2"]["token"]).status_code == 200
    r = api.get(f"{M}/channels/{ch}/messages", token=team["emp2"]["token"])
    assert [m["body"] for m in r.json["items"]] == ["hello team"]
    r = api.get(f"{M}/channels/{ch}", token=team["emp2"]["token"])
    assert {m["name"] for m in r.json["members"]} == {"Mia Manager", "Eve Employee", "Otto Other"}
    assert api.post(f"{M}/channels/{ch}/leave", token=team["emp2"]["token"]).status_code == 204
    assert api.get(f"{M}/channels/{ch}/messages", token=team["emp2"]["token"]).status_code == 403


def test_private_channel_is_invisible_to_non_members_even_by_id(api, team, stack):
    ch = make_channel(api, team["manager"], name="secret", kind="private", members=[team["emp"]])
    msg = say(api, team["emp"], ch, "the secret plan")
    outsider = team["emp2"]["token"]
    assert api.get(f"{M}/channels/{ch}", token=outsider).status_code == 404
    assert api.get(f"{M}/channels/{ch}/messages", token=outsider).status_code == 404
    assert api.get(f"{M}/messages/{msg['id']}", token=outsider).status_code == 404
    assert api.post(f"{M}/channels/{ch}/join", token=outsider).status_code == 404
    assert api.post(f"{M}/channels/{ch}/messages", json={"body": "x"}, token=outsider).status_code == 404
    assert api.get(f"{M}/channels", token=outsider).json["items"] == []
    # The database itself refuses: the app role with the outsider's claims sees no row of the channel.
    with app_conn(stack, team, "emp2") as conn:
        for table in ("chat_channels", "chat_messages", "chat_channel_members"):
            col = "id" if table == "chat_channels" else "channel_id"
            n = conn.execute(f"SELECT count(*) AS n FROM {table} WHERE {col} = %s", (ch,)).fetchone()["n"]
            assert n == 0, table
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO chat_messages (company_id, channel_id, author_id, body) VALUES (%s, %s, %s, 'x')",
                (team["company_id"], ch, uid(team["emp2"])),
            )
        # Members cannot smuggle anyone into the membership mirror, nor can an outsider add themselves.
        conn.rollback()
    with app_conn(stack, team, "emp") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(
            "UPDATE chat_channels SET member_ids = member_ids || %s::uuid WHERE id = %s", (uid(team["emp2"]), ch)
        )
    with app_conn(stack, team, "emp2") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(
            "INSERT INTO chat_channel_members (company_id, channel_id, user_id) VALUES (%s, %s, %s)",
            (team["company_id"], ch, uid(team["emp2"])),
        )
    # An admin sees the private channel (to manage it) but not its messages unless a member.
    assert api.get(f"{M}/channels/{ch}", token=team["admin"]["token"]).status_code == 200
    assert api.get(f"{M}/messages/{msg['id']}", token=team["admin"]["token"]).status_code == 404
    with app_conn(stack, team, "admin") as conn:
        assert conn.execute("SELECT count(*) AS n FROM chat_messages WHERE channel_id = %s", (ch,)).fetchone()["n"] == 0


def test_company_b_never_sees_company_a_chat(api, team):
    ch = make_channel(api, team["manager"], members=[team["emp"]])
    msg = say(api, team["emp"], ch, "quarterly numbers")
    b = team["b"]["token"]
    assert api.get(f"{M}/channels", token=b).json["items"] == []
    assert api.get(f"{M}/channels/{ch}", token=b).status_code == 404
    assert api.get(f"{M}/messages/{msg['id']}", token=b).status_code == 404
    assert api.post(f"{M}/channels/{ch}/join", token=b).status_code == 404
    assert api.get(f"{M}/search?q=quarterly", token=b).json["items"] == []
    r = api.post(f"{M}/dms", json={"user_id": uid(team["emp"])}, token=b)
    assert r.status_code == 400 and "user_ids" in r.json["error"]["fields"]
    r = api.post(f"{M}/channels", json={"name": "x", "member_ids": [uid(team["emp"])]}, token=b)
    assert r.status_code == 400


def test_direct_messages_are_unique_per_pair_and_private(api, team):
    r = api.post(f"{M}/dms", json={"user_id": uid(team["emp2"])}, token=team["emp"]["token"])
    assert r.status_code == 201 and r.json["channel"]["kind"] == "dm"
    dm = r.json["channel"]["id"]
    r = api.post(f"{M}/dms", json={"user_id": uid(team["emp"])}, token=team["emp2"]["token"])
    assert r.status_code == 200 and r.json["channel"]["id"] == dm
    say(api, team["emp2"], dm, "psst")
    items = api.get(f"{M}/channels", token=team["emp"]["token"]).json["items"]
    assert [(c["id"], c["dm_user_id"], c["unread_count"]) for c in items] == [(dm, uid(team["emp2"]), 1)]
    for who in ("admin", "manager"):
        assert api.get(f"{M}/channels/{dm}", token=team[who]["token"]).status_code == 404
    r = api.post(f"{M}/channels/{dm}/members", json={"user_ids": [uid(team["manager"])]}, token=team["emp"]["token"])
    assert r.status_code == 403
    assert api.post(f"{M}/channels/{dm}/leave", token=team["emp"]["token"]).status_code == 409
    r = api.post(f"{M}/dms", json={"user_id": uid(team["emp"])}, token=team["emp"]["token"])
    assert r.status_code == 400


def test_search_returns_only_channels_the_caller_is_a_member_of(api, team, stack):
    pub = make_channel(api, team["manager"], members=[team["emp"], team["emp2"]])
    priv = make_channel(api, team["manager"], name="leads", kind="private", members=[team["emp"]])
    say(api, team["emp"], pub, "The budget review is on Monday")
    say(api, team["emp"], priv, "Budgeting for the secret project")
    say(api, team["emp"], pub, "lunch?")
    r = api.get(f"{M}/search?q=budget", token=team["emp"]["token"])
    assert {m["channel_id"] for m in r.json["items"]} == {pub, priv}
    r = api.get(f"{M}/search?q=budget", token=team["emp2"]["token"])
    assert [m["channel_id"] for m in r.json["items"]] == [pub] and "**budget**" in r.json["items"][0]["snippet"]
    r = api.get(f"{M}/search?q=budget&channel_id={priv}", token=team["emp2"]["token"])
    assert r.json["items"] == []
    assert api.get(f"{M}/search?q=", token=team["emp2"]["token"]).status_code == 400
    with app_conn(stack, team, "emp2") as conn:  # RLS, not the handler, filters the full-text search
        rows = conn.execute(
            "SELECT channel_id FROM chat_messages WHERE search @@ websearch_to_tsquery('english', 'budget')"
        ).fetchall()
        assert [str(r["channel_id"]) for r in rows] == [pub]


def test_read_receipts_and_unread_counts(api, team):
    ch = make_channel(api, team["manager"], members=[team["emp"]])
    ids = [say(api, team["emp"], ch, f"m{i}")["id"] for i in range(3)]

    def unread(who):
        items = api.get(f"{M}/channels?joined=true", token=team[who]["token"]).json["items"]
        return {c["id"]: c["unread_count"] for c in items}[ch]

    assert unread("manager") == 3 and unread("emp") == 0  # your own messages are never unread
    r = api.post(f"{M}/channels/{ch}/read", json={"message_id": ids[1]}, token=team["manager"]["token"])
    assert r.status_code == 200 and r.json["receipt"]["last_read_message_id"] == ids[1]
    assert unread("manager") == 1
    # The marker never moves backwards.
    api.post(f"{M}/channels/{ch}/read", json={"message_id": ids[0]}, token=team["manager"]["token"])
    members = api.get(f"{M}/channels/{ch}/members", token=team["emp"]["token"]).json["items"]
    receipt = {m["user_id"]: m for m in members}[uid(team["manager"])]
    assert receipt["last_read_message_id"] == ids[1] and receipt["last_read_at"]
    assert api.post(f"{M}/channels/{ch}/read", json={}, token=team["manager"]["token"]).status_code == 200
    assert unread("manager") == 0
    r = api.post(f"{M}/channels/{ch}/read", json={"message_id": 10**9}, token=team["manager"]["token"])
    assert r.status_code == 400


def test_edit_and_delete_rules(api, team):
    ch = make_channel(api, team["manager"], members=[team["emp"], team["emp2"]])
    msg = say(api, team["emp"], ch, "first draft")
    r = api.patch(f"{M}/messages/{msg['id']}", json={"body": "final text"}, token=team["emp"]["token"])
    assert r.status_code == 200 and r.json["message"]["body"] == "final text" and r.json["message"]["edited_at"]
    r = api.patch(f"{M}/messages/{msg['id']}", json={"body": "hijack"}, token=team["emp2"]["token"])
    assert r.status_code == 403 and r.json["error"]["code"] == "not_author"
    assert api.delete(f"{M}/messages/{msg['id']}", token=team["manager"]["token"]).status_code == 403
    # Admins may delete (once they are members: messages are for members only).
    assert api.delete(f"{M}/messages/{msg['id']}", token=team["admin"]["token"]).status_code == 404
    api.post(f"{M}/channels/{ch}/join", token=team["admin"]["token"])
    r = api.patch(f"{M}/messages/{msg['id']}", json={"body": "admin edit"}, token=team["admin"]["token"])
    assert r.status_code == 403
    assert api.delete(f"{M}/messages/{msg['id']}", token=team["admin"]["token"]).status_code == 204
    gone = api.get(f"{M}/messages/{msg['id']}", token=team["emp"]["token"]).json["message"]
    assert gone["deleted_at"] and gone["body"] == "" and gone["deleted_by"] == uid(team["admin"])
    assert api.get(f"{M}/search?q=final", token=team["emp"]["token"]).json["items"] == []
    r = api.patch(f"{M}/messages/{msg['id']}", json={"body": "back"}, token=team["emp"]["token"])
    assert r.status_code == 409
    own = say(api, team["emp2"], ch, "oops")
    assert api.delete(f"{M}/messages/{own['id']}", token=team["emp2"]["token"]).status_code == 204


def test_catch_up_since_a_timestamp_and_history_pages(api, team):
    ch = make_channel(api, team["manager"], members=[team["emp"]])
    old = say(api, team["emp"], ch, "before the disconnect")
    time.sleep(0.05)
    cut = datetime.now(UTC).isoformat()
    time.sleep(0.05)
    new = say(api, team["manager"], ch, "while you were away")
    api.patch(f"{M}/messages/{old['id']}", json={"body": "edited while away"}, token=team["emp"]["token"])
    r = api.get(f"{M}/channels/{ch}/messages", query_string={"since": cut}, token=team["emp"]["token"])
    assert r.status_code == 200 and r.json["order"] == "oldest_first"
    assert [(m["id"], m["body"]) for m in r.json["items"]] == [
        (new["id"], "while you were away"),
        (old["id"], "edited while away"),
    ]
    r = api.get(f"{M}/channels/{ch}/messages", query_string={"since": cut, "limit": 1}, token=team["emp"]["token"])
    assert r.json["has_more"] and r.json["next_after_id"] == new["id"]
    r = api.get(
        f"{M}/channels/{ch}/messages",
        token=team["emp"]["token"],
        query_string={"since": r.json["next_since"], "after_id": r.json["next_after_id"]},
    )
    assert [m["id"] for m in r.json["items"]] == [old["id"]]
    assert api.get(f"{M}/channels/{ch}/messages?since=yesterday", token=team["emp"]["token"]).status_code == 400
    # Across every channel of the caller at once (RLS keeps other channels out).
    other = make_channel(api, team["manager"], name="other", kind="private", members=[team["emp2"]])
    say(api, team["emp2"], other, "not for emp")
    r = api.get(f"{M}/messages", query_string={"since": cut}, token=team["emp"]["token"])
    assert [m["id"] for m in r.json["items"]] == [new["id"], old["id"]]
    assert api.get(f"{M}/messages", token=team["emp"]["token"]).status_code == 400
    for i in range(3):
        say(api, team["emp"], ch, f"page {i}")
    r = api.get(f"{M}/channels/{ch}/messages?limit=2", token=team["emp"]["token"])
    assert [m["body"] for m in r.json["items"]] == ["page 2", "page 1"] and r.json["has_more"]
    r = api.get(f"{M}/channels/{ch}/messages?limit=10&before={r.json['next_before']}", token=team["emp"]["token"])
    assert [m["body"] for m in r.json["items"]] == ["page 0", "while you were away", "edited while away"]


def test_retried_send_with_client_id_is_one_message(api, team):
    ch = make_channel(api, team["manager"], members=[team["emp"]])
    first = api.post(
        f"{M}/channels/{ch}/messages", json={"body": "once", "client_id": "c-1"}, token=team["emp"]["token"]
    )
    again = api.post(
        f"{M}/channels/{ch}/messages", json={"body": "once", "client_id": "c-1"}, token=team["emp"]["token"]
    )
    assert first.status_code == 201 and again.status_code == 200
    assert first.json["message"]["id"] == again.json["message"]["id"]


def test_new_message_typing_and_read_are_published_after_commit(api, team):
    ch = make_channel(api, team["manager"], members=[team["emp"]])
    listener = Listener("socketio")
    try:
        msg = say(api, team["emp"], ch, "live!")
        event = listener.wait_for(socketio_event("chat.message", f"channel:{ch}"))
        assert payload(event)["message"]["id"] == msg["id"] and payload(event)["message"]["body"] == "live!"
        assert api.post(f"{M}/channels/{ch}/typing", token=team["manager"]["token"]).status_code == 204
        event = listener.wait_for(socketio_event("chat.typing", f"channel:{ch}"))
        assert payload(event) == {"channel_id": ch, "user_id": uid(team["manager"])}
        api.post(f"{M}/channels/{ch}/read", json={}, token=team["manager"]["token"])
        listener.wait_for(socketio_event("chat.read", f"channel:{ch}"))
        # A refused message publishes nothing.
        listener.seen.clear()
        api.post(f"{M}/channels/{ch}/messages", json={"body": ""}, token=team["emp"]["token"])
        with pytest.raises(AssertionError):
            listener.wait_for(socketio_event("chat.message", f"channel:{ch}"), timeout=0.5)
    finally:
        listener.close()
    assert api.post(f"{M}/channels/{ch}/typing", token=team["emp2"]["token"]).status_code == 403


def test_membership_changes_tell_the_gateway(api, team):
    ch = make_channel(api, team["manager"], members=[team["emp"]])
    listener = Listener(keys.GATEWAY_CONTROL)
    try:
        r = api.post(
            f"{M}/channels/{ch}/members", json={"user_ids": [uid(team["emp2"])]}, token=team["manager"]["token"]
        )
        assert r.json["added"] == [uid(team["emp2"])]
        join = {"type": "join", "user_id": uid(team["emp2"]), "room": f"channel:{ch}"}
        assert listener.wait_for(lambda m: m == join)
        r = api.delete(f"{M}/channels/{ch}/members/{uid(team['emp2'])}", token=team["manager"]["token"])
        assert r.status_code == 204
        leave = {"type": "leave", "user_id": uid(team["emp2"]), "room": f"channel:{ch}"}
        assert listener.wait_for(lambda m: m == leave)
    finally:
        listener.close()
    # Only the creator or an admin removes other people.
    r = api.delete(f"{M}/channels/{ch}/members/{uid(team['manager'])}", token=team["emp"]["token"])
    assert r.status_code == 403


def register_upload(api, who: dict, ch: str, filename: str, data: bytes):
    """Register a text attachment of `data` in channel `ch` as `who`; return the response (upload URL inside)."""
    return api.post(
        f"{M}/channels/{ch}/attachments",
        json={"filename": filename, "content_type": "text/plain", "size_bytes": len(data)},
        token=who["token"],
    )


def test_attachments_go_through_presigned_s3_urls(api, team):
    ch = make_channel(api, team["manager"], members=[team["emp"]])
    data = b"quarterly report\n"
    r = register_upload(api, team["emp"], ch, "../report q1.txt", data)
    assert r.status_code == 201, r.json
    att = r.json["attachment"]
    r2 = api.post(f"{M}/channels/{ch}/messages", json={"attachment_ids": [att["id"]]}, token=team["emp"]["token"])
    assert r2.status_code == 409 and r2.json["error"]["code"] == "attachment_not_uploaded"
    put = requests.put(r.json["upload_url"], data=data, headers=r.json["upload_headers"], timeout=10)
    assert put.status_code == 200, put.text
    msg = say(api, team["emp"], ch, "see attached", attachment_ids=[att["id"]])
    assert [a["filename"] for a in msg["attachments"]] == ["../report q1.txt"]
    r = api.get(f"{M}/attachments/{att['id']}", token=team["manager"]["token"])
    assert r.status_code == 200 and f"/{team['company_id']}/chat/{ch}/" in r.json["url"]
    assert requests.get(r.json["url"], timeout=10).content == data
    assert api.get(f"{M}/attachments/{att['id']}", token=team["emp2"]["token"]).status_code == 404
    assert api.get(f"{M}/attachments/{att['id']}", token=team["b"]["token"]).status_code == 404
    r = api.post(f"{M}/channels/{ch}/messages", json={"attachment_ids": [att["id"]]}, token=team["emp"]["token"])
    assert r.status_code == 400  # already used
    assert api.delete(f"{M}/messages/{msg['id']}", token=team["emp"]["token"]).status_code == 204
    assert api.get(f"{M}/attachments/{att['id']}", token=team["manager"]["token"]).status_code == 404
    r = api.post(
        f"{M}/channels/{ch}/attachments",
        json={"filename": "big.bin", "content_type": "application/zip", "size_bytes": 10**12},
        token=team["emp"]["token"],
    )
    assert r.status_code == 400


def test_a_posted_attachment_cannot_be_replaced(api, team):
    """Issue 11 #12: the presigned PUT stayed valid 15 minutes after posting and replaced what readers got."""
    ch = make_channel(api, team["manager"], members=[team["emp"]])
    data = b"the signed contract\n"
    r = register_upload(api, team["emp"], ch, "contract.txt", data)
    upload, att = r.json, r.json["attachment"]
    assert upload["expires_in"] <= 300  # the upload window only
    assert requests.put(upload["upload_url"], data=data, headers=upload["upload_headers"], timeout=10).ok
    say(api, team["emp"], ch, "signed", attachment_ids=[att["id"]])
    forged = b"a different contract\n"[: len(data)]
    replaced = requests.put(upload["upload_url"], data=forged, headers=upload["upload_headers"], timeout=10)
    for who in ("manager", "emp"):
        r = api.get(f"{M}/attachments/{att['id']}", token=team[who]["token"])
        assert r.status_code == 200 and requests.get(r.json["url"], timeout=10).content == data, replaced.status_code
    keys = storage.list_keys(f"{team['company_id']}/chat/{ch}/{att['id']}/")
    assert [k for k in keys if "/posted/" in k] == [f"{team['company_id']}/chat/{ch}/{att['id']}/posted/contract.txt"]


def test_deleting_a_company_cascades_through_chat(api, team, owner_conn):
    ch = make_channel(api, team["manager"], kind="private", members=[team["emp"]])
    say(api, team["emp"], ch, "bye")
    owner_conn.execute("DELETE FROM companies WHERE id = %s", (team["company_id"],))
    for table in ("chat_channels", "chat_channel_members", "chat_messages"):
        assert (
            owner_conn.execute(f"SELECT count(*) FROM {table} WHERE company_id = %s", (team["company_id"],)).fetchone()[
                0
            ]
            == 0
        )
