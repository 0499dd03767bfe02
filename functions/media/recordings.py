"""Screen recording routes: open, upload numbered chunks (idempotent retries), complete, list, read, delete."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor import consent, storage
from workmonitor.integrations import alerts
from workmonitor.media import recordings, screenshots
from workmonitor.media.models import ChunkOut, CompleteIn, RecordingDetail, RecordingIn, RecordingOut, RecordingPage
from workmonitor.media.settings import company_settings
from workmonitor.privacy import access
from workmonitor.web import (
    after_commit,
    body,
    caller,
    capturing,
    db,
    page,
    paginated,
    query_int,
    raw_body,
    responds,
    roles,
)

from .common import filters, record, remove_objects

bp = Blueprint("media_recordings", __name__)


@bp.post("/recordings")
@capturing
@responds(RecordingOut, (200, 201), body=RecordingIn)
def open_recording():
    """Open a recording (200 when this device, start and monitor already have one)."""
    data = body(RecordingIn)
    me = caller()
    conn = db()
    consent.require(conn, me.user_id, "screenshots")
    rec, created = recordings.open_recording(
        conn,
        me.company_id,
        me.user_id,
        device_id=data.device_id,
        started_at=data.started_at,
        monitor=data.monitor,
        content_type=data.content_type,
    )
    return {"recording": rec}, 201 if created else 200


@bp.put("/recordings/<rec_id>/chunks/<int:n>")
@capturing
@responds(ChunkOut, (200, 201))
def put_chunk(rec_id: str, n: int):
    """Upload chunk n (raw body); a retry with the same bytes answers 200."""
    me = caller()
    conn = db()
    consent.require(conn, me.user_id, "screenshots")
    limit = int(company_settings(conn, me.company_id)["recording_chunk_max_bytes"])
    screenshots.check_size(request.content_length or 0, limit, "body")
    data = raw_body(cache=False)
    screenshots.check_size(len(data), limit, "body")
    chunk, created = recordings.put_chunk(conn, me.company_id, me.user_id, rec_id, n, data)
    return {"chunk": chunk}, 201 if created else 200


@bp.post("/recordings/<rec_id>/complete")
@capturing
@responds(RecordingOut, body=CompleteIn)
def complete_recording(rec_id: str):
    """Close a recording once all its chunks are there."""
    data = body(CompleteIn)
    return {"recording": recordings.complete(db(), rec_id, caller().user_id, data.duration_ms)}


@bp.get("/recordings")
@responds(RecordingPage)
def list_recordings():
    """Visible recordings, newest first (?user_id, ?date)."""
    conn = db()
    limit, offset = page()
    user_id, start, end = filters(conn)
    rows = recordings.list_recordings(conn, user_id=user_id, start=start, end=end, limit=limit, offset=offset)
    return paginated(rows, limit, offset)


@bp.get("/recordings/<rec_id>")
@responds(RecordingDetail)
def get_recording(rec_id: str):
    """One recording with presigned chunk URLs (admins only while blurring is on: video is never blurred)."""
    conn, me = db(), caller()
    expires = query_int("expires_in", storage.DEFAULT_URL_TTL, 1, storage.MAX_URL_TTL)
    blur_on = bool(company_settings(conn, me.company_id)["blur_screenshots"])
    out = recordings.playback(
        conn, me.company_id, rec_id, is_admin=me.role == "admin", blur_on=blur_on, expires=expires
    )
    access.record_views(conn, me.user_id, "recording", [out["recording"]])
    return out


@bp.delete("/recordings/<rec_id>")
@roles("admin", "manager")
@responds(None, 204)
def delete_recording(rec_id: str):
    """Delete a recording and its chunks."""
    me = caller()
    conn = db()
    keys = recordings.delete_recording(conn, rec_id)
    record(conn, "media.recording_deleted", "recording", rec_id, chunks=len(keys))
    alerts.records_removed(conn, me.company_id, me.user_id, "mass_deletion")
    after_commit(lambda: remove_objects(me.company_id, keys))
    return "", 204
