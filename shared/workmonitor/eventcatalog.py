"""The event catalogue: every WebSocket event WorkMonitor sends or accepts, and the model of its payload.

What must stay true:
- `events.publish(room, event, payload)` sends only events named in SERVER_EVENTS; in tests
  (`WM_CHECK_CONTRACT=1`) an unknown name or a payload that does not match its model is a contract violation
  (tests/test_events.py also finds every name the code publishes and checks it is here);
- payloads are encoded with the one encoder (`wire.jsonable`), so a payload model uses the wire types;
- `json_schema()` is the source of the clients' event types (served at `/function/publish/event-catalog`).
Inner objects owned by another domain (`Foreign`) are declared loosely until that domain's response model
exists; the envelope (which keys an event carries) is declared here either way.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from .messaging.models import Channel, Message, Notification, Receipt
from .wire import Id, Model

# A row of another domain's response model (time entry, timesheet, attendance record...), declared loosely.
Foreign = dict[str, Any]


class ChatMessage(Model):
    channel_id: Id
    message: Message


class ChatMember(Model):
    channel_id: Id
    user_id: Id


class ChatChannel(Model):
    channel: Channel


class EntryEvent(Model):
    entry: Foreign


class EntryRef(Model):
    id: Id
    user_id: Id


class EntryDeleted(Model):
    entry: EntryRef


class TimesheetEvent(Model):
    timesheet: Foreign


class ConsentChanged(Model):
    agreement: Foreign


class LeaveDecided(Model):
    request: Foreign


class AttendanceRecord(Model):
    record: Foreign


class AttendanceBreak(Model):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    break_: Foreign = Field(alias="break")


class AuthClosed(Model):
    """Sent to one socket just before the gateway closes it."""

    code: Literal["token_expired", "token_revoked"]


class ChannelRef(Model):
    channel_id: Id


class TokenIn(Model):
    token: str


class Ack(Model):
    """The answer to a client event: `ok`, and `error` (a code) when not; `room` or `exp` on success."""

    ok: bool
    error: str | None = None
    room: str | None = None
    exp: int | None = None


# Server -> client: event name -> payload model. Rooms: user:<id>, company:<id>, channel:<id>.
SERVER_EVENTS: dict[str, type[BaseModel]] = {
    "chat.message": ChatMessage,
    "chat.message_updated": ChatMessage,
    "chat.message_deleted": ChatMessage,
    "chat.read": Receipt,
    "chat.typing": ChatMember,
    "chat.member_added": ChatMember,
    "chat.member_removed": ChatMember,
    "chat.channel_updated": ChatChannel,
    "notification": Notification,
    "consent.changed": ConsentChanged,
    "entry.created": EntryEvent,
    "entry.updated": EntryEvent,
    "entry.deleted": EntryDeleted,
    "timer.started": EntryEvent,
    "timer.stopped": EntryEvent,
    "timesheet.submitted": TimesheetEvent,
    "timesheet.approved": TimesheetEvent,
    "timesheet.rejected": TimesheetEvent,
    "timesheet.reopened": TimesheetEvent,
    "leave.approved": LeaveDecided,
    "leave.rejected": LeaveDecided,
    "attendance.clocked_in": AttendanceRecord,
    "attendance.clocked_out": AttendanceRecord,
    "attendance.break_started": AttendanceBreak,
    "attendance.break_ended": AttendanceBreak,
    "auth:closed": AuthClosed,
}
# Client -> server (the gateway's handlers): event name -> (payload model, acknowledgement model).
CLIENT_EVENTS: dict[str, tuple[type[BaseModel], type[BaseModel]]] = {
    "channel:join": (ChannelRef, Ack),
    "channel:leave": (ChannelRef, Ack),
    "auth:refresh": (TokenIn, Ack),
}


@functools.cache
def _validator(model: type[BaseModel]) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(model.model_json_schema(mode="serialization"), format_checker=FormatChecker())


def violations(event: str, data: Any) -> list[str]:
    """Return what is wrong with sending `event` with JSON-ready `data` (empty when it matches the catalogue)."""
    model = SERVER_EVENTS.get(event)
    if model is None:
        return [f"event {event!r} is not in workmonitor.eventcatalog"]
    found = _validator(model).iter_errors(data)
    return [f"{event}: {'/'.join(str(p) for p in e.absolute_path) or '<payload>'}: {e.message}" for e in found][:10]


def json_schema() -> dict[str, Any]:
    """Return one JSON Schema (2020-12) of every event: `server` and `client` map names to payload models."""
    models: list[tuple[type[BaseModel], JsonSchemaMode]] = [(m, "serialization") for m in SERVER_EVENTS.values()]
    for payload, ack in CLIENT_EVENTS.values():
        models += [(payload, "validation"), (ack, "serialization")]
    keys, schema = models_json_schema(list(dict.fromkeys(models)), ref_template="#/$defs/{model}")

    def mapping(props: dict[str, Any]) -> dict[str, Any]:
        return {"type": "object", "properties": props, "required": sorted(props), "additionalProperties": False}

    server = {name: keys[(m, "serialization")] for name, m in SERVER_EVENTS.items()}
    client = {
        name: mapping({"payload": keys[(p, "validation")], "ack": keys[(a, "serialization")]})
        for name, (p, a) in CLIENT_EVENTS.items()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "WorkMonitorEvents",
        **mapping({"server": mapping(server), "client": mapping(client)}),
        "$defs": schema.get("$defs", {}),
    }
