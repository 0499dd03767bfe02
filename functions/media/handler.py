"""media: screenshot upload and listing with presigned URLs, screen recordings in chunks, media settings, retention."""

from __future__ import annotations

import hmac
import logging
import os
import uuid
from datetime import date
from typing import Annotated, Literal

from botocore.exceptions import BotoCoreError, ClientError
from flask import g, request
from pydantic import AwareDatetime, Field, StringConstraints

from workmonitor import audit, consent, media, recordings, storage
from workmonitor.config import settings
from workmonitor.errors import Forbidden, Unauthorized, ValidationFailed
from workmonitor.jobs import media as media_jobs
from workmonitor.jobs import registry
from workmonitor.schemas import Input
from workmonitor.web import (
    after_commit,
    body,
    caller,
    client_ip,
    create_function,
    db,
    form_data,
    page,
    paginated,
    public,
    query_int,
    raw_body,
    roles,
    validate,
)

log = logging.getLogger("workmonitor.media")
app = create_function("media")
# Uploads are bigger than JSON bodies; the company's own (smaller) limits are checked per request.
MAX_UPLOAD = int(os.environ.get("MEDIA_MAX_BODY_BYTES") or 64 * media.MB)
app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD
FORM_OVERHEAD = 64 * 1024

DeviceId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Monitor = Annotated[int, Field(ge=0, le=63)]


class ScreenshotForm(Input):
    device_id: DeviceId
    taken_at: AwareDatetime
    monitor: Monitor = 0
    activity_percent: Annotated[int, Field(ge=0, le=100)] | None = None


class RetentionDays(Input):
    screenshots: Annotated[int, Field(ge=1, le=3650)] | None = None
    recordings: Annotated[int, Field(ge=1, le=3650)] | None = None


class SettingsPatch(Input):
    screenshot_max_bytes: Annotated[int, Field(ge=64 * 1024, le=MAX_UPLOAD - FORM_OVERHEAD)] | None = None
    recording_chunk_max_bytes: Annotated[int, Field(ge=64 * 1024, le=MAX_UPLOAD)] | None = None
    blur_screenshots: bool | None = None
    delete_grace_minutes: Annotated[int, Field(ge=0, le=7 * 24 * 60)] | None = None
    retention_days: RetentionDays | None = None
    # Capture policy the desktop agent reads from the company settings (GET /function/auth/me).
    screenshot_interval_minutes: Annotated[int, Field(ge=1, le=120)] | None = None
    idle_threshold_minutes: Annotated[int, Field(ge=1, le=120)] | None = None


class RecordingIn(Input):
    device_id: DeviceId
    started_at: AwareDatetime
    monitor: Monitor = 0
    content_type: Literal["video/webm", "video/mp4"]


class CompleteIn(Input):
    duration_ms: Annotated[int, Field(ge=0, le=24 * 3600 * 1000)] | None = None


def _audit(conn, action: str, target_type: str, target_id, **details) -> None:
    me = caller()
    audit.record(
        conn,
        action,
        company_id=me.company_id,
        actor_id=me.user_id,
        target_type=target_type,
        target_id=target_id,
        ip=client_ip(),
        request_id=g.get("request_id"),
        details=details,
    )


def _remove_objects(company_id: str, keys: list[str]) -> None:
    """Delete objects now; when S3 is unavailable leave it to a retried job."""
    try:
        storage.delete(*keys)
    except (BotoCoreError, ClientError, RuntimeError) as exc:  # S3 down after the rows are gone: a job retries
        log.warning("object deletion deferred", extra={"fields": {"error": str(exc), "keys": len(keys)}})
        registry.DELETE_OBJECTS.enqueue(company_id, keys)


def _filters(conn) -> tuple[str | None, object, object]:
    """Return (user_id, start, end) from ?user_id=&date= (the date in that user's, else the caller's, time zone)."""
    raw_user, raw_day = request.args.get("user_id"), request.args.get("date")
    user_id = None
    if raw_user:
        try:
            user_id = str(uuid.UUID(raw_user))
        except ValueError as exc:
            raise ValidationFailed("user_id must be a UUID.", fields={"user_id": "not a UUID"}) from exc
    if not raw_day:
        return user_id, None, None
    try:
        day = date.fromisoformat(raw_day)
    except ValueError as exc:
        raise ValidationFailed("date must be YYYY-MM-DD.", fields={"date": "YYYY-MM-DD"}) from exc
    row = conn.execute("SELECT timezone FROM users WHERE id = %s", (user_id or caller().user_id,)).fetchone()
    start, end = media.day_bounds(day, row["timezone"] if row else "UTC")
    return user_id, start, end


def _view(row: dict, blur_on: bool, expires: int = storage.DEFAULT_URL_TTL) -> dict:
    me = caller()
    return media.public_view(
        row, company_id=me.company_id, is_admin=me.role == "admin", blur_on=blur_on, expires=expires
    )


# --- settings ----------------------------------------------------------------------------------------------


@app.get("/settings")
def get_settings():
    return {"settings": media.company_settings(db(), caller().company_id)}


@app.patch("/settings")
@roles("admin")
def patch_settings():
    changes = body(SettingsPatch).model_dump(exclude_none=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give at least one setting"})
    conn = db()
    new = media.update_settings(conn, caller().company_id, changes)
    _audit(conn, "media.settings_changed", "company", caller().company_id, **changes)
    return {"settings": new}


# --- screenshots -------------------------------------------------------------------------------------------


@app.post("/screenshots")
def upload_screenshot():
    me = caller()
    conn = db()
    consent.require(conn, me.user_id, "screenshots")
    cfg = media.company_settings(conn, me.company_id)
    limit = int(cfg["screenshot_max_bytes"])
    media.check_size(request.content_length or 0, limit + FORM_OVERHEAD)
    fields, files = form_data()
    form = validate(ScreenshotForm, {k: v for k, v in fields.items()})
    upload = files.get("file")
    if upload is None:
        raise ValidationFailed("Attach the image as multipart field 'file'.", fields={"file": "missing"})
    data = upload.read(limit + 1)
    media.check_size(len(data), limit)
    info = media.inspect_image(data)
    cap = media.Capture(me.user_id, form.device_id, form.taken_at, form.monitor, form.activity_percent)
    row = media.find_capture(conn, cap)
    created = False
    if row is None:
        row, created = media.store_screenshot(conn, me.company_id, cap, data, info)
    if created:
        shot_id = row["id"]
        after_commit(lambda: media_jobs.enqueue_thumbnail(shot_id, me.company_id, job_id=f"media-thumb-{shot_id}"))
    return {"screenshot": _view(row, bool(cfg["blur_screenshots"]))}, 201 if created else 200


@app.get("/screenshots")
def list_screenshots():
    conn = db()
    limit, offset = page()
    expires = query_int("expires_in", storage.DEFAULT_URL_TTL, 1, storage.MAX_URL_TTL)
    user_id, start, end = _filters(conn)
    rows = media.list_screenshots(conn, user_id=user_id, start=start, end=end, limit=limit, offset=offset)
    blur_on = bool(media.company_settings(conn, caller().company_id)["blur_screenshots"])
    return paginated([_view(r, blur_on, expires) for r in rows], limit, offset)


@app.get("/screenshots/<shot_id>")
def get_screenshot(shot_id: str):
    conn = db()
    blur_on = bool(media.company_settings(conn, caller().company_id)["blur_screenshots"])
    expires = query_int("expires_in", storage.DEFAULT_URL_TTL, 1, storage.MAX_URL_TTL)
    return {"screenshot": _view(media.get_screenshot(conn, shot_id), blur_on, expires)}


@app.delete("/screenshots/<shot_id>")
def delete_screenshot(shot_id: str):
    me = caller()
    conn = db()
    cfg = media.company_settings(conn, me.company_id)
    row = media.delete_screenshot(
        conn, shot_id, actor_id=me.user_id, actor_role=me.role, grace_minutes=int(cfg["delete_grace_minutes"])
    )
    _audit(
        conn,
        "media.screenshot_deleted",
        "screenshot",
        row["id"],
        user_id=str(row["user_id"]),
        taken_at=row["taken_at"].isoformat(),
        own=str(row["user_id"]) == me.user_id,
    )
    keys = media.all_keys(row)
    after_commit(lambda: _remove_objects(me.company_id, keys))
    return "", 204


# --- recordings --------------------------------------------------------------------------------------------


@app.post("/recordings")
def open_recording():
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


@app.put("/recordings/<rec_id>/chunks/<int:n>")
def put_chunk(rec_id: str, n: int):
    me = caller()
    conn = db()
    consent.require(conn, me.user_id, "screenshots")
    limit = int(media.company_settings(conn, me.company_id)["recording_chunk_max_bytes"])
    media.check_size(request.content_length or 0, limit, "body")
    data = raw_body(cache=False)
    media.check_size(len(data), limit, "body")
    chunk, created = recordings.put_chunk(conn, me.company_id, me.user_id, rec_id, n, data)
    return {"chunk": chunk}, 201 if created else 200


@app.post("/recordings/<rec_id>/complete")
def complete_recording(rec_id: str):
    data = body(CompleteIn)
    return {"recording": recordings.complete(db(), rec_id, caller().user_id, data.duration_ms)}


@app.get("/recordings")
def list_recordings():
    conn = db()
    limit, offset = page()
    user_id, start, end = _filters(conn)
    rows = recordings.list_recordings(conn, user_id=user_id, start=start, end=end, limit=limit, offset=offset)
    return paginated(rows, limit, offset)


@app.get("/recordings/<rec_id>")
def get_recording(rec_id: str):
    conn = db()
    rec = recordings.get_recording(conn, rec_id)
    expires = query_int("expires_in", storage.DEFAULT_URL_TTL, 1, storage.MAX_URL_TTL)
    cid = caller().company_id
    items = [
        {
            "seq": c["seq"],
            "size_bytes": c["size_bytes"],
            "sha256": c["sha256"],
            "url": storage.presign(cid, c["object_key"], expires),
        }
        for c in recordings.chunks(conn, rec["id"])
    ]
    return {"recording": rec, "chunks": items, "url_expires_in": expires}


@app.delete("/recordings/<rec_id>")
@roles("admin", "manager")
def delete_recording(rec_id: str):
    me = caller()
    conn = db()
    keys = recordings.delete_recording(conn, rec_id)
    _audit(conn, "media.recording_deleted", "recording", rec_id, chunks=len(keys))
    after_commit(lambda: _remove_objects(me.company_id, keys))
    return "", 204


# --- retention (cron-connector) ----------------------------------------------------------------------------


@app.post("/retention/run")
@public
def run_retention():
    secret, given = settings().publish_secret, request.headers.get("X-WM-Secret", "")
    found = g.get("caller")
    if secret and given and hmac.compare_digest(given.encode(), secret.encode()):
        ids, scope = None, "all"
    elif found is not None and found.role == "admin":
        ids, scope = [found.company_id], "company"
        _audit(db(), "media.retention_run", "company", found.company_id)
    elif found is not None:
        raise Forbidden("Only an admin may run retention.", code="role_required")
    else:
        raise Unauthorized("Send X-WM-Secret or an admin's token.", code="auth_required")
    job = registry.APPLY_RETENTION.enqueue(ids)
    return {"job_id": job.id, "scope": scope}, 202
