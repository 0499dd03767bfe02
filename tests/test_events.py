"""The event catalogue: every event the code publishes is declared, publish checks payloads, one JSON Schema."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from workmonitor import eventcatalog, events
from workmonitor.web import CONTRACT_VIOLATIONS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*ROOT.glob("functions/**/*.py"), *ROOT.glob("shared/workmonitor/**/*.py"), *ROOT.glob("gateway/*.py")]
# Calls that take an event name: events.publish/emit, sio.emit and the helpers wrapping them in functions.
PUBLISHERS = {
    "publish",
    "emit",
    "announce",
    "_announce",
    "_publish",
    "_publish_entry",
    "_publish_timer",
    "publish_timer",
    "publish_entry",
    "_notify",
}
PUBLISHERS |= {"notify"}  # attendance's after-commit wrapper (workmonitor.notify.notify takes kinds: no dots)
EVENT_NAME = re.compile(r"^(notification|[a-z]+[.:][a-z_]+)$")


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _webhook(call: ast.Call) -> bool:
    """webhooks.emit(...) sends an outgoing webhook (its own list, webhooks.EVENTS), not a WebSocket event."""
    return isinstance(call.func, ast.Attribute) and getattr(call.func.value, "id", "") == "webhooks"


def test_every_emitted_webhook_event_is_in_its_list():
    from workmonitor.publicapi import webhooks

    emitted = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and _webhook(node):
                emitted |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    assert {"invoice.issued", "invoice.paid", "timesheet.approved", "leave.decided"} <= emitted
    assert emitted <= set(webhooks.EVENTS)


def published_names() -> tuple[set[str], set[str]]:
    """Return (literal event names, f-string prefixes) passed to publishing calls anywhere in the code."""
    names, prefixes = set(), set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call) or _name(node.func) not in PUBLISHERS or _webhook(node):
                continue
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and EVENT_NAME.match(arg.value):
                    names.add(arg.value)
                elif isinstance(arg, ast.JoinedStr) and re.match(
                    r"^[a-z]+[.:]$", str(getattr(arg.values[0], "value", ""))
                ):
                    prefixes.add(arg.values[0].value)
    return names, prefixes


def test_every_published_event_is_in_the_catalogue():
    names, prefixes = published_names()
    assert {"chat.message", "consent.changed", "timer.started", "auth:closed"} <= names  # the scan sees the code
    assert names - set(eventcatalog.SERVER_EVENTS) == set()
    for prefix in prefixes:
        assert any(e.startswith(prefix) for e in eventcatalog.SERVER_EVENTS), prefix


def test_every_catalogued_event_is_published_somewhere():
    names, prefixes = published_names()
    text = "\n".join(p.read_text() for p in SOURCES if p.name != "eventcatalog.py")
    for event in eventcatalog.SERVER_EVENTS:
        found = event in names or f'"{event}"' in text or any(event.startswith(p) for p in prefixes)
        assert found, f"{event} is declared but nothing publishes it"


def test_publish_records_unknown_events_and_payload_mismatches(stack):
    assert events.publish("user:00000000-0000-0000-0000-000000000001", "chat.typo", {})
    events.publish("user:00000000-0000-0000-0000-000000000001", "chat.typing", {"channel_id": "x"})
    found = list(CONTRACT_VIOLATIONS)
    CONTRACT_VIOLATIONS.clear()
    assert any("chat.typo" in v and "not in workmonitor.eventcatalog" in v for v in found), found
    assert any("user_id" in v for v in found) and any("uuid" in v for v in found), found


def test_publish_encodes_with_the_wire_encoder(stack, monkeypatch):
    import uuid
    from datetime import UTC, datetime

    sent = []
    monkeypatch.setattr(events, "emit", lambda room, event, data: sent.append(data) or True)
    note = {
        "id": uuid.UUID(int=1),
        "kind": "chat_mention",
        "title": "t",
        "body": "",
        "data": {},
        "read_at": None,
        "created_at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
    }
    events.publish("user:00000000-0000-0000-0000-000000000001", "notification", note)
    assert sent == [{**note, "id": "00000000-0000-0000-0000-000000000001", "created_at": "2026-01-02T03:04:05.000000Z"}]
    assert not CONTRACT_VIOLATIONS


def test_json_schema_names_every_event_and_is_valid():
    schema = eventcatalog.json_schema()
    Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]["server"]["properties"]) == set(eventcatalog.SERVER_EVENTS)
    assert set(schema["properties"]["client"]["properties"]) == set(eventcatalog.CLIENT_EVENTS)
    message = {"$ref": "#/$defs/ChatMessage"}
    assert schema["properties"]["server"]["properties"]["chat.message"] == message
    assert schema["$defs"]["AttendanceBreak"]["required"] == ["break"]


@pytest.mark.parametrize("event", sorted(eventcatalog.SERVER_EVENTS))
def test_every_payload_model_has_a_schema(event):
    assert eventcatalog.SERVER_EVENTS[event].model_json_schema(mode="serialization")["type"] == "object"


def test_the_catalogue_is_served(api):
    r = api.get("/function/publish/event-catalog")
    assert r.status_code == 200 and r.json == eventcatalog.json_schema()
