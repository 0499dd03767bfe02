"""messaging: chat channels, direct messages, membership, typing; messages and notifications in sibling modules."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from flask import request
from pydantic import Field, StringConstraints

from workmonitor import events
from workmonitor.schemas import Input
from workmonitor.web import after_commit, body, caller, create_function, db, page, paginated, roles

from . import channels as channels
from . import message_routes, notification_routes

app = create_function("messaging")
message_routes.register(app)
notification_routes.register(app)

ChannelName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Topic = Annotated[str, StringConstraints(max_length=500)]


class ChannelIn(Input):
    name: ChannelName
    kind: Literal["public", "private"] = "public"
    topic: Topic | None = None
    member_ids: Annotated[list[uuid.UUID], Field(max_length=500, default_factory=list)]


class ChannelPatch(Input):
    name: ChannelName | None = None
    topic: Topic | None = None
    archived: bool | None = None


class MembersIn(Input):
    user_ids: Annotated[list[uuid.UUID], Field(min_length=1, max_length=500)]


class DmIn(Input):
    user_id: uuid.UUID


class NoBody(Input):
    """Routes that take no fields still refuse a malformed or unexpected body."""


def _publish_membership(channel_id, user_ids: list[str], joined: bool) -> None:
    """After commit: tell the gateways, the channel and each person's devices about a membership change."""
    kind, event = ("join", "chat.member_added") if joined else ("leave", "chat.member_removed")
    for uid in user_ids:
        channels.control(kind, uid, channel_id)
        payload = {"channel_id": str(channel_id), "user_id": uid}
        events.publish(channels.room(channel_id), event, payload)
        events.publish(events.user_room(uid), event, payload)


@app.get("/channels")
def list_channels():
    limit, offset = page()
    rows = channels.list_for(
        db(),
        caller().user_id,
        request.args.get("joined") == "true",
        request.args.get("archived") == "true",
        limit,
        offset,
    )
    return paginated(rows, limit, offset)


@app.post("/channels")
@roles("admin", "manager")
def create_channel():
    data = body(ChannelIn)
    me = caller()
    channel, ids = channels.create(
        db(), me.company_id, me.user_id, data.kind, data.name, data.topic, [str(u) for u in data.member_ids]
    )
    after_commit(lambda: _publish_membership(channel["id"], ids, True))
    return {"channel": channel, "member_ids": ids}, 201


@app.get("/channels/<channel_id>")
def get_channel(channel_id: str):
    conn = db()
    channel = channels.get(conn, channel_id, caller().user_id)
    return {"channel": channel, "members": channels.members(conn, channel["id"])}


@app.patch("/channels/<channel_id>")
def update_channel(channel_id: str):
    data = body(ChannelPatch)
    me = caller()
    channel = channels.update(db(), channel_id, me.user_id, me.role, data.model_dump(exclude_unset=True))
    after_commit(lambda: events.publish(channels.room(channel["id"]), "chat.channel_updated", {"channel": channel}))
    return {"channel": channel}


@app.get("/channels/<channel_id>/members")
def list_members(channel_id: str):
    conn = db()
    channel = channels.get(conn, channel_id, caller().user_id)
    return {"items": channels.members(conn, channel["id"])}


@app.post("/channels/<channel_id>/members")
def add_members(channel_id: str):
    data = body(MembersIn)
    me = caller()
    added = channels.add_members(db(), me.company_id, channel_id, me.user_id, me.role, [str(u) for u in data.user_ids])
    after_commit(lambda: _publish_membership(channel_id, added, True))
    return {"added": added}


@app.delete("/channels/<channel_id>/members/<user_id>")
def remove_member(channel_id: str, user_id: str):
    me = caller()
    channels.remove_member(db(), channel_id, me.user_id, me.role, user_id)
    after_commit(lambda: _publish_membership(channels.as_uuid(channel_id), [channels.as_uuid(user_id)], False))
    return "", 204


@app.post("/channels/<channel_id>/join")
def join_channel(channel_id: str):
    body(NoBody)
    me = caller()
    if channels.join(db(), me.company_id, channel_id, me.user_id):
        after_commit(lambda: _publish_membership(channels.as_uuid(channel_id), [me.user_id], True))
    return {"channel": channels.get(db(), channel_id, me.user_id)}


@app.post("/channels/<channel_id>/leave")
def leave_channel(channel_id: str):
    body(NoBody)
    me = caller()
    channels.remove_member(db(), channel_id, me.user_id, me.role, me.user_id)
    after_commit(lambda: _publish_membership(channels.as_uuid(channel_id), [me.user_id], False))
    return "", 204


@app.post("/dms")
def open_dm():
    data = body(DmIn)
    me = caller()
    channel, created = channels.open_dm(db(), me.company_id, me.user_id, data.user_id)
    if created:
        after_commit(lambda: _publish_membership(channel["id"], [me.user_id, str(data.user_id)], True))
    return {"channel": channel}, 201 if created else 200


@app.post("/channels/<channel_id>/typing")
def typing(channel_id: str):
    body(NoBody)
    me = caller()
    channel = channels.require_member(db(), channel_id, me.user_id)
    after_commit(
        lambda: events.publish(
            channels.room(channel["id"]), "chat.typing", {"channel_id": str(channel["id"]), "user_id": me.user_id}
        )
    )
    return "", 204
