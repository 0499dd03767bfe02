"""Chat messages: post, edit, soft delete, catch-up, search, mentions and S3 attachments.

An attachment is uploaded by its author to an upload key through a presigned PUT. Posting the message copies the
upload (server-side) to a key no PUT URL was ever issued for, and readers only ever get that copy: a PUT made
with the upload URL after posting changes nothing anyone downloads. The upload object is deleted once the post
commits; the PUT URL lives only for the upload window (UPLOAD_URL_TTL).
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable
from datetime import datetime

from botocore.exceptions import ClientError

from .. import storage
from ..db import Conn
from ..errors import Conflict, Forbidden, NotFound, ValidationFailed
from ..notify import notify
from . import channels

MESSAGE_COLUMNS = (
    "m.id, m.channel_id, m.author_id, CASE WHEN m.deleted_at IS NULL THEN m.body ELSE '' END AS body,"
    " m.mentions, m.client_id, m.edited_at, m.deleted_at, m.deleted_by, m.created_at, m.updated_at"
)
ATTACHMENT_COLUMNS = "id, message_id, filename, content_type, size_bytes, created_at"
UPLOAD_URL_TTL = 300  # the PUT must start within it (S3 checks the expiry when a request arrives)


def max_attachment_bytes() -> int:
    """Return the largest attachment accepted (CHAT_ATTACHMENT_MAX_BYTES, default 25 MiB)."""
    return int(os.environ.get("CHAT_ATTACHMENT_MAX_BYTES") or 25 * 1024 * 1024)


def _with_attachments(conn: Conn, rows: list[dict]) -> list[dict]:
    ids = [r["id"] for r in rows if r["deleted_at"] is None]
    by_message: dict[int, list[dict]] = {}
    if ids:
        for a in conn.execute(
            f"SELECT {ATTACHMENT_COLUMNS} FROM chat_attachments WHERE message_id = ANY(%s) ORDER BY created_at, id",
            (ids,),
        ).fetchall():
            by_message.setdefault(a["message_id"], []).append(a)
    for r in rows:
        r["attachments"] = by_message.get(r["id"], [])
    return rows


def get(conn: Conn, message_id) -> dict:
    """Return one message the caller can read; raise NotFound otherwise (RLS: members only)."""
    try:
        mid = int(message_id)
    except (TypeError, ValueError) as exc:
        raise NotFound("No such message.") from exc
    if not 0 < mid < 2**63:
        raise NotFound("No such message.")
    row = conn.execute(f"SELECT {MESSAGE_COLUMNS} FROM chat_messages m WHERE m.id = %s", (mid,)).fetchone()
    if row is None:
        raise NotFound("No such message.")
    return _with_attachments(conn, [row])[0]


def mentioned(conn: Conn, channel_id, author_id, body: str) -> list[dict]:
    """Return the channel members (not the author) named in `body` as @Full Name or @email."""
    if "@" not in body:
        return []
    text = body.lower()
    found = []
    for member in conn.execute(
        "SELECT u.id, u.name, u.email FROM chat_channel_members m JOIN users u ON u.id = m.user_id"
        " WHERE m.channel_id = %s AND u.id <> %s AND u.status = 'active'",
        (str(channel_id), str(author_id)),
    ).fetchall():
        for handle in (member["email"], member["name"].lower()):
            if re.search(r"(?<![\w@])@" + re.escape(handle) + r"(?![\w@-]|\.\w)", text):
                found.append(member)
                break
    return found


def _notify_mentions(conn, channel: dict, message: dict, author_name: str, people: list[dict], defer) -> None:
    where = "a direct message" if channel["kind"] == "dm" else f"#{channel['name']}"
    for person in people:
        notify(
            conn,
            person["id"],
            "chat_mention",
            f"{author_name} mentioned you in {where}",
            message["body"][:300],
            {"channel_id": str(channel["id"]), "message_id": message["id"]},
            defer=defer,
        )


def _author_name(conn, user_id) -> str:
    return conn.execute("SELECT name FROM users WHERE id = %s", (str(user_id),)).fetchone()["name"]


def post(
    conn: Conn,
    company_id,
    me,
    channel_id,
    body: str,
    attachment_ids: list[str],
    client_id: str | None,
    defer: Callable,
) -> tuple[dict, bool]:
    """Store a message (linking uploaded attachments, notifying mentions); return (message, created now?)."""
    channel = channels.require_member(conn, channel_id, me)
    if channel["archived_at"] is not None:
        raise Conflict("This channel is archived.", code="channel_archived")
    if client_id:
        dup = conn.execute(
            f"SELECT {MESSAGE_COLUMNS} FROM chat_messages m WHERE m.author_id = %s AND m.client_id = %s",
            (str(me), client_id),
        ).fetchone()
        if dup is not None:
            return _with_attachments(conn, [dup])[0], False
    if not body.strip() and not attachment_ids:
        raise ValidationFailed("A message needs text or an attachment.", fields={"body": "empty"})
    people = mentioned(conn, channel["id"], me, body)
    row = conn.execute(
        "INSERT INTO chat_messages (company_id, channel_id, author_id, body, mentions, client_id)"
        f" VALUES (%s, %s, %s, %s, %s, %s) RETURNING {MESSAGE_COLUMNS.replace('m.', '')}",
        (company_id, channel["id"], str(me), body, [p["id"] for p in people], client_id),
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    _link_attachments(conn, row["id"], channel["id"], me, attachment_ids, defer)
    message = _with_attachments(conn, [row])[0]
    if people:
        _notify_mentions(conn, channel, message, _author_name(conn, me), people, defer)
    return message, True


def _link_attachments(conn, message_id: int, channel_id, me, attachment_ids: list[str], defer: Callable) -> None:
    if not attachment_ids:
        return
    ids = sorted({channels.as_uuid(a, "attachment") for a in attachment_ids})
    rows = conn.execute(
        "UPDATE chat_attachments SET message_id = %s WHERE id = ANY(%s::uuid[]) AND uploader_id = %s"
        " AND channel_id = %s AND message_id IS NULL RETURNING id, object_key, filename, size_bytes",
        (message_id, ids, str(me), channel_id),
    ).fetchall()
    if len(rows) != len(ids):
        raise ValidationFailed(
            "Attach only your own, unused uploads of this channel.",
            fields={"attachment_ids": "unknown, used or of another channel"},
        )
    for r in rows:
        posted, size = _freeze(r)
        conn.execute(
            "UPDATE chat_attachments SET object_key = %s, size_bytes = %s WHERE id = %s", (posted, size, r["id"])
        )
        defer(lambda key=r["object_key"]: storage.delete(key))


def _freeze(attachment: dict) -> tuple[str, int]:
    """Copy an upload to its posted key (which no PUT URL names) and return (that key, its size); 409/400."""
    upload = attachment["object_key"]
    company_id, rest = upload.split("/", 1)
    posted = storage.key(company_id, *rest.split("/")[:3], "posted", _safe_filename(attachment["filename"]))
    try:
        storage.copy(upload, posted)
    except FileNotFoundError:
        raise Conflict(
            "An attachment has not been uploaded yet.",
            code="attachment_not_uploaded",
            extra={"attachment_id": str(attachment["id"])},
        ) from None
    size = _uploaded_size(posted)  # what readers will get, whatever happens to the upload key from now on
    if size is None or size > max(attachment["size_bytes"], 1) or size > max_attachment_bytes():
        storage.delete(posted)
        raise ValidationFailed(
            "An uploaded file is larger than announced.", fields={"attachment_ids": str(attachment["id"])}
        )
    return posted, size


def _uploaded_size(key: str) -> int | None:
    try:
        return int(storage.client().head_object(Bucket=storage.bucket(), Key=key)["ContentLength"])
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "NotFound"):
            return None
        raise


def edit(conn: Conn, message_id, me, body: str, defer: Callable) -> dict:
    """Change the text of your own message (mentions added by the edit are notified); return it."""
    message = get(conn, message_id)
    if str(message["author_id"]) != str(me):
        raise Forbidden("Only the author may edit a message.", code="not_author")
    if message["deleted_at"] is not None:
        raise Conflict("This message was deleted.", code="message_deleted")
    if not body.strip() and not message["attachments"]:
        raise ValidationFailed("A message needs text or an attachment.", fields={"body": "empty"})
    channel = channels.require_member(conn, message["channel_id"], me)
    people = mentioned(conn, channel["id"], me, body)
    conn.execute(
        "UPDATE chat_messages SET body = %s, mentions = %s, edited_at = now() WHERE id = %s",
        (body, [p["id"] for p in people], message["id"]),
    )
    new = [p for p in people if p["id"] not in set(message["mentions"])]
    updated = get(conn, message["id"])
    if new:
        _notify_mentions(conn, channel, updated, _author_name(conn, me), new, defer)
    return updated


def delete(conn: Conn, message_id, me, role: str) -> dict:
    """Soft-delete a message (its author, or an admin who is a member); return the tombstone."""
    message = get(conn, message_id)
    if str(message["author_id"]) != str(me) and role != "admin":
        raise Forbidden("Only the author or an admin may delete a message.", code="not_author")
    if message["deleted_at"] is None:
        conn.execute(
            "UPDATE chat_messages SET body = '', mentions = '{}', deleted_at = now(), deleted_by = %s WHERE id = %s",
            (str(me), message["id"]),
        )
    return get(conn, message["id"])


def history(
    conn: Conn, channel_id, me, since: datetime | None, after_id: int, before: int | None, limit: int
) -> tuple[list[dict], str]:
    """Return (up to limit + 1 messages, order): catch-up since a time (oldest first) or a page (newest first)."""
    channel = channels.require_member(conn, channel_id, me)
    if since is not None:
        rows = conn.execute(
            f"SELECT {MESSAGE_COLUMNS} FROM chat_messages m WHERE m.channel_id = %s AND (m.updated_at, m.id) > (%s, %s)"
            " ORDER BY m.updated_at, m.id LIMIT %s",
            (channel["id"], since, after_id, limit + 1),
        ).fetchall()
        return _with_attachments(conn, rows), "oldest_first"
    rows = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM chat_messages m WHERE m.channel_id = %s AND (%s::bigint IS NULL OR m.id < %s)"
        " ORDER BY m.id DESC LIMIT %s",
        (channel["id"], before, before, limit + 1),
    ).fetchall()
    return _with_attachments(conn, rows), "newest_first"


def changes_since(conn: Conn, since: datetime, after_id: int, limit: int) -> list[dict]:
    """Return up to limit + 1 messages changed since `since` in every channel of the caller (RLS), oldest first."""
    rows = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM chat_messages m WHERE (m.updated_at, m.id) > (%s, %s)"
        " ORDER BY m.updated_at, m.id LIMIT %s",
        (since, after_id, limit + 1),
    ).fetchall()
    return _with_attachments(conn, rows)


def search(conn: Conn, query: str, channel_id: str | None, limit: int, offset: int) -> list[dict]:
    """Return up to limit + 1 matching messages, best first, from channels the caller is a member of (RLS)."""
    return conn.execute(
        "SELECT m.id, m.channel_id, c.kind AS channel_kind, c.name AS channel_name, m.author_id, m.body,"
        " ts_headline('english', m.body, q, 'StartSel=**, StopSel=**, MaxWords=30, MinWords=10') AS snippet,"
        " ts_rank(m.search, q) AS rank, m.created_at"
        " FROM chat_messages m JOIN chat_channels c ON c.id = m.channel_id,"
        " websearch_to_tsquery('english', %(q)s) q"
        " WHERE m.search @@ q AND m.deleted_at IS NULL AND (%(ch)s::uuid IS NULL OR m.channel_id = %(ch)s::uuid)"
        " ORDER BY rank DESC, m.id DESC LIMIT %(limit)s OFFSET %(offset)s",
        {"q": query, "ch": channel_id, "limit": limit + 1, "offset": offset},
    ).fetchall()


def _safe_filename(name: str) -> str:
    clean = re.sub(r"[^\w.\-]+", "_", name.strip()).lstrip(".")[:100]
    return clean or "file"


def create_upload(conn: Conn, company_id, me, channel_id, filename: str, content_type: str, size_bytes: int) -> dict:
    """Register an attachment and return it with a presigned PUT URL (the key lies under the company prefix)."""
    if size_bytes > max_attachment_bytes():
        raise ValidationFailed(
            f"Attachments are limited to {max_attachment_bytes()} bytes.", fields={"size_bytes": "too large"}
        )
    channel = channels.require_member(conn, channel_id, me)
    attachment_id = str(uuid.uuid4())
    key = storage.key(company_id, "chat", str(channel["id"]), attachment_id, _safe_filename(filename))
    row = conn.execute(
        "INSERT INTO chat_attachments (id, company_id, channel_id, uploader_id, object_key, filename, content_type,"
        f" size_bytes) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING {ATTACHMENT_COLUMNS}",
        (attachment_id, company_id, channel["id"], str(me), key, filename, content_type, size_bytes),
    ).fetchone()
    url = storage.signed_url(
        "put_object", {"Bucket": storage.bucket(), "Key": key, "ContentType": content_type}, UPLOAD_URL_TTL
    )
    return {
        "attachment": row,
        "upload_url": url,
        "upload_headers": {"Content-Type": content_type},
        "expires_in": UPLOAD_URL_TTL,
    }


def download(conn: Conn, company_id, attachment_id) -> dict:
    """Return the attachment and a short-lived GET URL; raise NotFound when the caller may not read it."""
    row = conn.execute(  # a deleted message's files are gone for readers too
        "SELECT a.id, a.message_id, a.filename, a.content_type, a.size_bytes, a.created_at, a.object_key"
        " FROM chat_attachments a LEFT JOIN chat_messages m ON m.id = a.message_id"
        " WHERE a.id = %s AND (a.message_id IS NULL OR (m.id IS NOT NULL AND m.deleted_at IS NULL))",
        (channels.as_uuid(attachment_id, "attachment"),),
    ).fetchone()
    if row is None:
        raise NotFound("No such attachment.")
    key = row.pop("object_key")
    return {"attachment": row, "url": storage.presign(company_id, key), "expires_in": storage.DEFAULT_URL_TTL}
