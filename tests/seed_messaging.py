"""Seed for the RLS suite: a channel with members and messages, a DM, an attachment, a mention notification,
notification preferences and a device token — one row at least in every messaging table."""

from __future__ import annotations

M = "/function/messaging"


def seed(api, ctx) -> None:
    """Create messaging rows for the company in `ctx` through the API."""
    manager, employee, admin = ctx["manager"], ctx["employee"], ctx["admin"]
    r = api.post(
        f"{M}/channels",
        json={"name": f"general-{ctx['name']}", "kind": "public", "member_ids": [employee["user"]["id"]]},
        token=manager["token"],
    )
    assert r.status_code == 201, r.json
    channel_id = r.json["channel"]["id"]
    r = api.post(
        f"{M}/channels/{channel_id}/messages",
        json={"body": f"Hello @{manager['email']}, the deploy is done"},
        token=employee["token"],
    )
    assert r.status_code == 201, r.json
    r = api.post(
        f"{M}/channels/{channel_id}/attachments",
        json={"filename": "notes.txt", "content_type": "text/plain", "size_bytes": 5},
        token=employee["token"],
    )
    assert r.status_code == 201, r.json
    r = api.post(f"{M}/dms", json={"user_id": employee["user"]["id"]}, token=admin["token"])
    assert r.status_code == 201, r.json
    r = api.post(f"{M}/channels/{r.json['channel']['id']}/messages", json={"body": "hi"}, token=admin["token"])
    assert r.status_code == 201, r.json
    r = api.put(
        f"{M}/notification-preferences",
        json={"preferences": {"chat_mention": {"email": False}}},
        token=employee["token"],
    )
    assert r.status_code == 200, r.json
    r = api.post(
        f"{M}/devices", json={"platform": "fcm", "token": f"seed-device-{ctx['name']}-token"}, token=employee["token"]
    )
    assert r.status_code == 201, r.json
    ctx["messaging"] = {"channel_id": channel_id}
