"""messaging routes: messages, catch-up, read receipts, search and attachments (thin; logic in messaging_messages)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from flask import Flask, request
from pydantic import Field, StringConstraints

from workmonitor import events
from workmonitor.errors import ValidationFailed
from workmonitor.schemas import Input
from workmonitor.web import after_commit, body, caller, db, page, paginated, query_int

from . import channels as channels
from . import messages as messages

Body = Annotated[str, StringConstraints(max_length=10000)]


class MessageIn(Input):
    body: Body = ""
    attachment_ids: Annotated[list[uuid.UUID], Field(max_length=20, default_factory=list)]
    client_id: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None


class MessagePatch(Input):
    body: Body


class ReadIn(Input):
    message_id: Annotated[int, Field(ge=1)] | None = None


class UploadIn(Input):
    filename: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
    content_type: Annotated[str, StringConstraints(pattern=r"^[\w.+-]+/[\w.+-]+$", max_length=200)]
    size_bytes: Annotated[int, Field(ge=1)]


def _since() -> datetime | None:
    raw = request.args.get("since")
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace(" ", "+"))
    except ValueError as exc:
        raise ValidationFailed("since must be an ISO 8601 timestamp.", fields={"since": "not ISO 8601"}) from exc
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _publish(channel_id, event: str, message: dict) -> None:
    after_commit(
        lambda: events.publish(channels.room(channel_id), event, {"channel_id": str(channel_id), "message": message})
    )


def register(app: Flask) -> None:
    """Add the message routes to `app`."""

    @app.post("/channels/<channel_id>/messages")
    def post_message(channel_id: str):
        data = body(MessageIn)
        me = caller()
        message, created = messages.post(
            db(),
            me.company_id,
            me.user_id,
            channel_id,
            data.body,
            [str(a) for a in data.attachment_ids],
            data.client_id,
            after_commit,
        )
        if created:
            _publish(message["channel_id"], "chat.message", message)
        return {"message": message}, 201 if created else 200

    @app.get("/channels/<channel_id>/messages")
    def list_messages(channel_id: str):
        limit = query_int("limit", 50, 1, 200)
        before = query_int("before", 0, 1, 2**62) if request.args.get("before") else None
        rows, order = messages.history(
            db(), channel_id, caller().user_id, _since(), query_int("after_id", 0, 0, 2**62), before, limit
        )
        out = paginated(rows, limit, 0, order=order)
        items = out["items"]
        if order == "oldest_first" and items:
            out["next_since"], out["next_after_id"] = items[-1]["updated_at"], items[-1]["id"]
        elif items and out["has_more"]:
            out["next_before"] = items[-1]["id"]
        return out

    @app.get("/messages")
    def catch_up():
        since = _since()
        if since is None:
            raise ValidationFailed("Give since=<ISO 8601 timestamp>.", fields={"since": "required"})
        limit = query_int("limit", 100, 1, 500)
        rows = messages.changes_since(db(), since, query_int("after_id", 0, 0, 2**62), limit)
        out = paginated(rows, limit, 0, order="oldest_first")
        if out["items"]:
            out["next_since"], out["next_after_id"] = out["items"][-1]["updated_at"], out["items"][-1]["id"]
        return out

    @app.get("/messages/<message_id>")
    def get_message(message_id: str):
        return {"message": messages.get(db(), message_id)}

    @app.patch("/messages/<message_id>")
    def edit_message(message_id: str):
        data = body(MessagePatch)
        message = messages.edit(db(), message_id, caller().user_id, data.body, after_commit)
        _publish(message["channel_id"], "chat.message_updated", message)
        return {"message": message}

    @app.delete("/messages/<message_id>")
    def delete_message(message_id: str):
        me = caller()
        message = messages.delete(db(), message_id, me.user_id, me.role)
        _publish(message["channel_id"], "chat.message_deleted", message)
        return "", 204

    @app.post("/channels/<channel_id>/read")
    def mark_read(channel_id: str):
        data = body(ReadIn)
        receipt = channels.mark_read(db(), channel_id, caller().user_id, data.message_id)
        after_commit(lambda: events.publish(channels.room(receipt["channel_id"]), "chat.read", receipt))
        return {"receipt": receipt}

    @app.get("/search")
    def search():
        q = (request.args.get("q") or "").strip()
        if not q or len(q) > 200:
            raise ValidationFailed("Give a search text of 1 to 200 characters.", fields={"q": "1-200 characters"})
        channel_id = request.args.get("channel_id")
        limit, offset = page()
        rows = messages.search(db(), q, channel_id and channels.as_uuid(channel_id), limit, offset)
        return paginated(rows, limit, offset)

    @app.post("/channels/<channel_id>/attachments")
    def create_upload(channel_id: str):
        data = body(UploadIn)
        me = caller()
        return messages.create_upload(
            db(), me.company_id, me.user_id, channel_id, data.filename, data.content_type, data.size_bytes
        ), 201

    @app.get("/attachments/<attachment_id>")
    def download(attachment_id: str):
        return messages.download(db(), caller().company_id, attachment_id)
