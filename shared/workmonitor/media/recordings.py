"""Screen recordings: open, upload numbered chunks (idempotent retries), complete; same storage rules as screenshots."""

from __future__ import annotations

import hashlib
from datetime import datetime

from .. import storage
from ..db import Conn
from ..errors import Conflict, Forbidden, NotFound, ValidationFailed, id_or_404
from .screenshots import UnsupportedMedia, list_by_time

CONTENT_TYPES = ("video/webm", "video/mp4")
MAX_CHUNKS = 10_000
REC_COLUMNS = (
    "id, user_id, device_id, started_at, monitor, content_type, state, chunk_count, size_bytes,"
    " duration_ms, completed_at, created_at"
)


def sniff_video(data: bytes) -> str | None:
    """Return 'video/webm' or 'video/mp4' from the magic bytes of a stream's first chunk, else None."""
    if data[:4] == b"\x1a\x45\xdf\xa3":  # EBML header (Matroska/WebM)
        return "video/webm"
    if len(data) >= 12 and data[4:8] in (b"ftyp", b"styp"):  # ISO BMFF: box size, then 'ftyp'
        return "video/mp4"
    return None


def open_recording(
    conn: Conn,
    company_id,
    user_id,
    *,
    device_id: str,
    started_at: datetime,
    monitor: int,
    content_type: str,
) -> tuple[dict, bool]:
    """Return (recording, created); opening the same (device, start, monitor) again returns the existing one."""
    row = conn.execute(
        "INSERT INTO screen_recordings (company_id, user_id, device_id, started_at, monitor, content_type)"
        " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (user_id, device_id, started_at, monitor) DO NOTHING"
        f" RETURNING {REC_COLUMNS}",
        (company_id, user_id, device_id, started_at, monitor, content_type),
    ).fetchone()
    if row is not None:
        return row, True
    row = conn.execute(
        f"SELECT {REC_COLUMNS} FROM screen_recordings WHERE user_id = %s AND device_id = %s"
        " AND started_at = %s AND monitor = %s",
        (user_id, device_id, started_at, monitor),
    ).fetchone()
    if row is None:  # the conflicting recording was deleted before we could read it
        raise Conflict("This recording was removed while it was opened; open it again.", code="recording_gone")
    if row["content_type"] != content_type:
        raise Conflict("This recording was opened with another content type.", code="content_type_mismatch")
    return row, False


def get_recording(conn: Conn, rec_id: str, lock: bool = False) -> dict:
    """Return one visible recording; raise NotFound."""
    row = conn.execute(
        f"SELECT {REC_COLUMNS} FROM screen_recordings WHERE id = %s" + (" FOR UPDATE" if lock else ""),
        (id_or_404(rec_id, "recording"),),
    ).fetchone()
    if row is None:
        raise NotFound("No such recording.")
    return row


def _own_open_recording(conn: Conn, rec_id: str, user_id) -> dict:
    rec = get_recording(conn, rec_id, lock=True)
    if str(rec["user_id"]) != str(user_id):
        raise Forbidden("Only the recording's owner uploads to it.", code="not_yours")
    return rec


def put_chunk(conn: Conn, company_id, user_id, rec_id: str, seq: int, data: bytes) -> tuple[dict, bool]:
    """Store chunk `seq` and commit; return (chunk, created). A retry with the same bytes is a no-op, others 409."""
    if not 0 <= seq < MAX_CHUNKS:
        raise ValidationFailed("Chunk number out of range.", fields={"n": f"0..{MAX_CHUNKS - 1}"})
    if not data:
        raise ValidationFailed("The chunk is empty.", fields={"body": "empty"})
    rec = _own_open_recording(conn, rec_id, user_id)  # row lock: one chunk writer at a time per recording
    digest = hashlib.sha256(data).hexdigest()
    found = conn.execute(
        "SELECT seq, size_bytes, sha256, created_at FROM recording_chunks WHERE recording_id = %s AND seq = %s",
        (rec["id"], seq),
    ).fetchone()
    if found is not None:
        if found["sha256"] != digest:
            raise Conflict("This chunk was already uploaded with other content.", code="chunk_conflict")
        return found, False
    if rec["state"] != "uploading":
        raise Conflict("This recording is complete.", code="invalid_state")
    if seq == 0 and sniff_video(data) != rec["content_type"]:
        raise UnsupportedMedia(f"The first chunk is not {rec['content_type']}.", fields={"body": "wrong magic bytes"})
    key = storage.key(company_id, "recordings", str(rec["user_id"]), str(rec["id"]), f"{seq:05d}")
    storage.put(key, data, rec["content_type"])
    try:
        row = conn.execute(
            "INSERT INTO recording_chunks (company_id, recording_id, user_id, seq, object_key, size_bytes, sha256)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING seq, size_bytes, sha256, created_at",
            (company_id, rec["id"], rec["user_id"], seq, key, len(data), digest),
        ).fetchone()
        assert row is not None  # INSERT ... RETURNING yields the row
        conn.commit()
    except BaseException:
        conn.rollback()
        storage.delete(key)
        raise
    return row, True


def complete(conn: Conn, rec_id: str, user_id, duration_ms: int | None) -> dict:
    """Close the recording once chunks 0..n-1 are all present; return it (completing twice returns it again)."""
    rec = _own_open_recording(conn, rec_id, user_id)
    if rec["state"] == "complete":
        return rec
    stats = conn.execute(
        "SELECT count(*) AS n, coalesce(max(seq), -1) AS top, coalesce(sum(size_bytes), 0) AS size"
        " FROM recording_chunks WHERE recording_id = %s",
        (rec["id"],),
    ).fetchone()
    assert stats is not None  # an aggregate without GROUP BY yields one row
    if stats["n"] == 0 or stats["n"] != stats["top"] + 1:
        raise Conflict(f"Chunks are missing: have {stats['n']}, highest number {stats['top']}.", code="chunks_missing")
    done = conn.execute(
        "UPDATE screen_recordings SET state = 'complete', chunk_count = %s, size_bytes = %s, duration_ms = %s,"
        f" completed_at = now() WHERE id = %s RETURNING {REC_COLUMNS}",
        (stats["n"], stats["size"], duration_ms, rec["id"]),
    ).fetchone()
    assert done is not None  # the row is ours and locked FOR UPDATE by _own_open_recording
    return done


def chunks(conn: Conn, rec_id) -> list[dict]:
    """Return the recording's chunks in order (with their keys)."""
    return conn.execute(
        "SELECT seq, object_key, size_bytes, sha256, created_at FROM recording_chunks"
        " WHERE recording_id = %s ORDER BY seq",
        (rec_id,),
    ).fetchall()


def playback(conn: Conn, company_id, rec_id: str, *, is_admin: bool, blur_on: bool, expires: int) -> dict:
    """Return a visible recording with presigned chunk URLs; raise NotFound, or Forbidden (blur_on) for non-admins.

    With the company's blur setting on, non-admins get blurred screenshots only. Video chunks cannot be blurred
    cheaply (a chunk past the first is not decodable on its own), so they get no raw chunk either: only admins
    play recordings then, as only admins see unblurred screenshots.
    """
    rec = get_recording(conn, rec_id)
    if blur_on and not is_admin:
        raise Forbidden(
            "Blurring is on: screen recordings cannot be blurred, so only admins may play them.", code="blur_on"
        )
    items = [
        {
            "seq": c["seq"],
            "size_bytes": c["size_bytes"],
            "sha256": c["sha256"],
            "url": storage.presign(company_id, c["object_key"], expires),
        }
        for c in chunks(conn, rec["id"])
    ]
    return {"recording": rec, "chunks": items, "url_expires_in": expires}


def list_recordings(
    conn: Conn,
    *,
    user_id: str | None,
    start: datetime | None,
    end: datetime | None,
    limit: int,
    offset: int,
) -> list[dict]:
    """Return up to limit + 1 visible recordings, newest first."""
    return list_by_time(conn, "screen_recordings", REC_COLUMNS, "started_at", user_id, start, end, limit, offset)


def delete_recording(conn: Conn, rec_id: str) -> list[str]:
    """Delete a visible recording and its chunk rows; return the chunk keys to remove from S3."""
    rec = get_recording(conn, rec_id)
    keys = [c["object_key"] for c in chunks(conn, rec["id"])]
    conn.execute("DELETE FROM screen_recordings WHERE id = %s", (rec["id"],))
    return keys
