"""Request and response models of the messaging domain: chat, notifications, devices, publishing and presence."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from ..schemas import Input
from ..wire import Id, Model, Page, Timestamp

ChannelName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Topic = Annotated[str, StringConstraints(max_length=500)]
Text = Annotated[str, StringConstraints(max_length=10000)]
PushToken = Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=4096)]

# --- requests ---------------------------------------------------------------------------------------------------


class NoBody(Input):
    """Routes that take no fields still refuse a malformed or unexpected body."""


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


class MessageIn(Input):
    body: Text = ""
    attachment_ids: Annotated[list[uuid.UUID], Field(max_length=20, default_factory=list)]
    client_id: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None


class MessagePatch(Input):
    body: Text


class ReadIn(Input):
    message_id: Annotated[int, Field(ge=1)] | None = None


class UploadIn(Input):
    filename: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
    content_type: Annotated[str, StringConstraints(pattern=r"^[\w.+-]+/[\w.+-]+$", max_length=200)]
    size_bytes: Annotated[int, Field(ge=1)]


class ChannelPrefs(Input):
    in_app: bool | None = None
    email: bool | None = None
    push: bool | None = None


class PrefsIn(Input):
    preferences: dict[str, ChannelPrefs]


class DeviceIn(Input):
    platform: Literal["fcm", "apns"]
    token: PushToken
    label: Annotated[str, StringConstraints(max_length=200)] | None = None


class DeviceTokenIn(Input):
    token: PushToken


class EventIn(Input):
    room: str = Field(max_length=80)
    event: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_.:-]{0,63}$")
    payload: dict[str, Any] = Field(default_factory=dict)


# --- chat -------------------------------------------------------------------------------------------------------


class Channel(Model):
    """A channel as the caller sees it (`is_member` and the caller's read marker)."""

    id: Id
    kind: Literal["public", "private", "dm"]
    name: str | None
    topic: str | None
    created_by: Id | None
    archived_at: Timestamp | None
    created_at: Timestamp
    member_count: int
    is_member: bool
    last_read_message_id: int | None
    last_read_at: Timestamp | None


class ChannelListItem(Channel):
    unread_count: int
    last_message_id: int | None
    dm_user_id: Id | None


class Member(Model):
    user_id: Id
    name: str
    joined_at: Timestamp
    last_read_message_id: int | None
    last_read_at: Timestamp | None


class Attachment(Model):
    id: Id
    message_id: int | None
    filename: str
    content_type: str
    size_bytes: int
    created_at: Timestamp


class Message(Model):
    """A chat message; a deleted one keeps its row with an empty body (`deleted_at` set)."""

    id: int
    channel_id: Id
    author_id: Id | None
    body: str
    mentions: list[Id]
    client_id: str | None
    edited_at: Timestamp | None
    deleted_at: Timestamp | None
    deleted_by: Id | None
    created_at: Timestamp
    updated_at: Timestamp
    attachments: list[Attachment]


class Receipt(Model):
    """A member's read marker in a channel (it never moves back)."""

    channel_id: Id
    user_id: Id
    last_read_message_id: int | None
    last_read_at: Timestamp | None


class SearchHit(Model):
    id: int
    channel_id: Id
    channel_kind: str
    channel_name: str | None
    author_id: Id | None
    body: str
    snippet: str
    rank: float
    created_at: Timestamp


class ChannelOut(Model):
    channel: Channel


class ChannelCreated(Model):
    channel: Channel
    member_ids: list[Id]


class ChannelDetail(Model):
    channel: Channel
    members: list[Member]


class Members(Model):
    items: list[Member]


class Added(Model):
    added: list[Id]


class MessageOut(Model):
    message: Message


class MessagePage(Page[Message]):
    """History (`newest_first`, `next_before`) or catch-up (`oldest_first`, `next_since` + `next_after_id`)."""

    order: Literal["newest_first", "oldest_first"]
    next_since: Timestamp | None = None
    next_after_id: int | None = None
    next_before: int | None = None


class ReceiptOut(Model):
    receipt: Receipt


class Upload(Model):
    attachment: Attachment
    upload_url: str
    upload_headers: dict[str, str]
    expires_in: int


class Download(Model):
    attachment: Attachment
    url: str
    expires_in: int


# --- notifications and devices -----------------------------------------------------------------------------------


class Notification(Model):
    id: Id
    kind: str
    title: str
    body: str
    data: dict[str, Any]
    read_at: Timestamp | None
    created_at: Timestamp


class NotificationPage(Page[Notification]):
    unread_count: int


class NotificationOut(Model):
    notification: Notification


class UnreadCount(Model):
    unread_count: int


class Badges(Model):
    """Unread chat messages per channel and in total, and unread notifications."""

    chat: dict[str, int]
    chat_total: int
    notifications: int


class Marked(Model):
    marked: int


class Prefs(Model):
    in_app: bool
    email: bool
    push: bool


class PrefsOut(Model):
    preferences: dict[str, Prefs]


class PrefsDetail(PrefsOut):
    kinds: list[str]
    channels: list[str]


class Device(Model):
    id: Id
    platform: Literal["fcm", "apns"]
    label: str | None
    created_at: Timestamp
    last_seen_at: Timestamp | None


class Devices(Model):
    items: list[Device]


class DeviceOut(Model):
    device: Device


# --- publishing and presence ------------------------------------------------------------------------------------


class Published(Model):
    published: bool
    room: str
    event: str


class OnlineUser(Model):
    user_id: Id
    name: str


class WorkingUser(Model):
    """A user with a running timer (`online`: they also have a live socket)."""

    user_id: Id
    name: str
    entry_id: Id
    project_id: Id | None
    task_id: Id | None
    started_at: Timestamp
    online: bool


class Presence(Model):
    company_id: Id
    online: list[OnlineUser]
    working: list[WorkingUser]
    online_count: int
    working_count: int


ChannelPage = Page[ChannelListItem]
SearchPage = Page[SearchHit]
