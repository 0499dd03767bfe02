"""Message routes: post, history and catch-up, read, edit, delete, read receipts, search and attachments."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, request

from workmonitor.errors import ValidationFailed
from workmonitor.messaging import channels, messages
from workmonitor.messaging.models import (
    Download,
    MessageIn,
    MessageOut,
    MessagePage,
    MessagePatch,
    ReadIn,
    ReceiptOut,
    SearchPage,
    Upload,
    UploadIn,
)
from workmonitor.web import after_commit, body, caller, db, page, paginated, query_int, responds

bp = Blueprint("messages", __name__)


def _since() -> datetime | None:
    raw = request.args.get("since")
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace(" ", "+"))
    except ValueError as exc:
        raise ValidationFailed("since must be an ISO 8601 timestamp.", fields={"since": "not ISO 8601"}) from exc
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _announce(event: str, message: dict) -> None:
    payload = {"channel_id": message["channel_id"], "message": message}
    after_commit(lambda: channels.announce(message["channel_id"], event, payload))


def _catch_up_page(rows: list[dict], limit: int) -> dict:
    out = paginated(rows, limit, 0, order="oldest_first")
    if out["items"]:
        out["next_since"], out["next_after_id"] = out["items"][-1]["updated_at"], out["items"][-1]["id"]
    return out


@bp.post("/channels/<channel_id>/messages")
@responds(MessageOut, (200, 201), body=MessageIn)
def post_message(channel_id: str):
    """Post a message (201; 200 when `client_id` names one already sent)."""
    data = body(MessageIn)
    me = caller()
    attachment_ids = [str(a) for a in data.attachment_ids]
    message, created = messages.post(
        db(), me.company_id, me.user_id, channel_id, data.body, attachment_ids, data.client_id, after_commit
    )
    if created:
        _announce("chat.message", message)
    return {"message": message}, 201 if created else 200


@bp.get("/channels/<channel_id>/messages")
@responds(MessagePage)
def list_messages(channel_id: str):
    """History, newest first (?before=<id>), or catch-up since a time, oldest first (?since=&after_id=)."""
    limit = query_int("limit", 50, 1, 200)
    before = query_int("before", 0, 1, 2**62) if request.args.get("before") else None
    after_id = query_int("after_id", 0, 0, 2**62)
    rows, order = messages.history(db(), channel_id, caller().user_id, _since(), after_id, before, limit)
    if order == "oldest_first":
        return _catch_up_page(rows, limit)
    out = paginated(rows, limit, 0, order=order)
    if out["has_more"]:
        out["next_before"] = out["items"][-1]["id"]
    return out


@bp.get("/messages")
@responds(MessagePage)
def catch_up():
    """Every message of the caller's channels changed since a time, oldest first."""
    since = _since()
    if since is None:
        raise ValidationFailed("Give since=<ISO 8601 timestamp>.", fields={"since": "required"})
    limit = query_int("limit", 100, 1, 500)
    return _catch_up_page(messages.changes_since(db(), since, query_int("after_id", 0, 0, 2**62), limit), limit)


@bp.get("/messages/<message_id>")
@responds(MessageOut)
def get_message(message_id: str):
    """Read one message."""
    return {"message": messages.get(db(), message_id)}


@bp.patch("/messages/<message_id>")
@responds(MessageOut, body=MessagePatch)
def edit_message(message_id: str):
    """Edit your own message."""
    message = messages.edit(db(), message_id, caller().user_id, body(MessagePatch).body, after_commit)
    _announce("chat.message_updated", message)
    return {"message": message}


@bp.delete("/messages/<message_id>")
@responds(None, 204)
def delete_message(message_id: str):
    """Soft-delete a message (its author, or an admin)."""
    me = caller()
    _announce("chat.message_deleted", messages.delete(db(), message_id, me.user_id, me.role))
    return "", 204


@bp.post("/channels/<channel_id>/read")
@responds(ReceiptOut, body=ReadIn)
def mark_read(channel_id: str):
    """Move the caller's read marker forward."""
    receipt = channels.mark_read(db(), channel_id, caller().user_id, body(ReadIn).message_id)
    after_commit(lambda: channels.announce(receipt["channel_id"], "chat.read", receipt))
    return {"receipt": receipt}


@bp.get("/search")
@responds(SearchPage)
def search():
    """Full-text search in the caller's channels (?q=, ?channel_id=)."""
    q = (request.args.get("q") or "").strip()
    if not q or len(q) > 200:
        raise ValidationFailed("Give a search text of 1 to 200 characters.", fields={"q": "1-200 characters"})
    channel_id = request.args.get("channel_id")
    limit, offset = page()
    rows = messages.search(db(), q, channel_id and channels.as_uuid(channel_id), limit, offset)
    return paginated(rows, limit, offset)


@bp.post("/channels/<channel_id>/attachments")
@responds(Upload, 201, body=UploadIn)
def create_upload(channel_id: str):
    """Register an attachment and answer a presigned upload URL."""
    data = body(UploadIn)
    me = caller()
    return messages.create_upload(
        db(), me.company_id, me.user_id, channel_id, data.filename, data.content_type, data.size_bytes
    ), 201


@bp.get("/attachments/<attachment_id>")
@responds(Download)
def download(attachment_id: str):
    """Answer a short-lived download URL of an attachment."""
    return messages.download(db(), caller().company_id, attachment_id)
