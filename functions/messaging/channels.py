"""Channel routes: list, create, read and edit channels; members, join and leave; direct messages; typing."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.messaging import channels
from workmonitor.messaging.models import (
    Added,
    ChannelCreated,
    ChannelDetail,
    ChannelIn,
    ChannelOut,
    ChannelPage,
    ChannelPatch,
    DmIn,
    Members,
    MembersIn,
    NoBody,
)
from workmonitor.web import after_commit, body, caller, db, page, paginated, responds, roles

bp = Blueprint("channels", __name__)


@bp.get("/channels")
@responds(ChannelPage)
def list_channels():
    """List visible channels (?joined=true, ?archived=true) with unread counts."""
    limit, offset = page()
    joined, archived = request.args.get("joined") == "true", request.args.get("archived") == "true"
    return paginated(channels.list_for(db(), caller().user_id, joined, archived, limit, offset), limit, offset)


@bp.post("/channels")
@roles("admin", "manager")
@responds(ChannelCreated, 201, body=ChannelIn)
def create_channel():
    """Create a public or private channel; the creator is a member."""
    data = body(ChannelIn)
    me = caller()
    member_ids = [str(u) for u in data.member_ids]
    channel, ids = channels.create(db(), me.company_id, me.user_id, data.kind, data.name, data.topic, member_ids)
    after_commit(lambda: channels.announce_membership(channel["id"], ids, True))
    return {"channel": channel, "member_ids": ids}, 201


@bp.get("/channels/<channel_id>")
@responds(ChannelDetail)
def get_channel(channel_id: str):
    """Read a channel and its members."""
    conn = db()
    channel = channels.get(conn, channel_id, caller().user_id)
    return {"channel": channel, "members": channels.members(conn, channel["id"])}


@bp.patch("/channels/<channel_id>")
@responds(ChannelOut, body=ChannelPatch)
def update_channel(channel_id: str):
    """Rename, re-topic or (un)archive a channel (admins and the creator)."""
    changes = body(ChannelPatch).model_dump(exclude_unset=True)
    me = caller()
    channel = channels.update(db(), channel_id, me.user_id, me.role, changes)
    after_commit(lambda: channels.announce(channel["id"], "chat.channel_updated", {"channel": channel}))
    return {"channel": channel}


@bp.get("/channels/<channel_id>/members")
@responds(Members)
def list_members(channel_id: str):
    """List a channel's members with their read receipts."""
    conn = db()
    channel = channels.get(conn, channel_id, caller().user_id)
    return {"items": channels.members(conn, channel["id"])}


@bp.post("/channels/<channel_id>/members")
@responds(Added, body=MembersIn)
def add_members(channel_id: str):
    """Add people to a channel (admins and the creator)."""
    user_ids = [str(u) for u in body(MembersIn).user_ids]
    me = caller()
    added = channels.add_members(db(), me.company_id, channel_id, me.user_id, me.role, user_ids)
    after_commit(lambda: channels.announce_membership(channel_id, added, True))
    return {"added": added}


@bp.delete("/channels/<channel_id>/members/<user_id>")
@responds(None, 204)
def remove_member(channel_id: str, user_id: str):
    """Remove someone from a channel (admins and the creator)."""
    me = caller()
    channels.remove_member(db(), channel_id, me.user_id, me.role, user_id)
    gone = [channels.as_uuid(user_id)]
    after_commit(lambda: channels.announce_membership(channels.as_uuid(channel_id), gone, False))
    return "", 204


@bp.post("/channels/<channel_id>/join")
@responds(ChannelOut, body=NoBody)
def join_channel(channel_id: str):
    """Join a public channel."""
    body(NoBody)
    me = caller()
    if channels.join(db(), me.company_id, channel_id, me.user_id):
        after_commit(lambda: channels.announce_membership(channels.as_uuid(channel_id), [me.user_id], True))
    return {"channel": channels.get(db(), channel_id, me.user_id)}


@bp.post("/channels/<channel_id>/leave")
@responds(None, 204, body=NoBody)
def leave_channel(channel_id: str):
    """Leave a channel."""
    body(NoBody)
    me = caller()
    channels.remove_member(db(), channel_id, me.user_id, me.role, me.user_id)
    after_commit(lambda: channels.announce_membership(channels.as_uuid(channel_id), [me.user_id], False))
    return "", 204


@bp.post("/dms")
@responds(ChannelOut, (200, 201), body=DmIn)
def open_dm():
    """Open the direct message with a person (201 when created now, 200 when it exists)."""
    other = str(body(DmIn).user_id)
    me = caller()
    channel, created = channels.open_dm(db(), me.company_id, me.user_id, other)
    if created:
        after_commit(lambda: channels.announce_membership(channel["id"], [me.user_id, other], True))
    return {"channel": channel}, 201 if created else 200


@bp.post("/channels/<channel_id>/typing")
@responds(None, 204, body=NoBody)
def typing(channel_id: str):
    """Tell the channel the caller is typing (nothing is stored)."""
    body(NoBody)
    me = caller()
    channel = channels.require_member(db(), channel_id, me.user_id)
    payload = {"channel_id": channel["id"], "user_id": me.user_id}
    after_commit(lambda: channels.announce(channel["id"], "chat.typing", payload))
    return "", 204
