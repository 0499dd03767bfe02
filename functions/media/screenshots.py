"""Screenshot routes: upload (multipart, idempotent per capture), list, read, delete."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor import storage
from workmonitor.errors import ValidationFailed
from workmonitor.integrations import alerts
from workmonitor.jobs import media as media_jobs
from workmonitor.media import screenshots
from workmonitor.media.models import FORM_OVERHEAD, ScreenshotForm, ScreenshotOut, ScreenshotPage
from workmonitor.media.settings import company_settings
from workmonitor.privacy import access
from workmonitor.web import (
    after_commit,
    caller,
    capturing,
    db,
    form_data,
    page,
    paginated,
    query_int,
    release_db,
    responds,
    validate,
)

from .common import filters, record, remove_objects, view

bp = Blueprint("media_screenshots", __name__)


def _expires() -> int:
    return query_int("expires_in", storage.DEFAULT_URL_TTL, 1, storage.MAX_URL_TTL)


@bp.post("/screenshots")
@capturing
@responds(ScreenshotOut, (200, 201))
def upload_screenshot():
    """Store a screenshot (multipart: file, device_id, taken_at, monitor, activity_percent); 200 for a retry."""
    me = caller()
    cfg = screenshots.upload_policy(db(), me.user_id, me.company_id)
    limit = int(cfg["screenshot_max_bytes"])
    screenshots.check_size(request.content_length or 0, limit + FORM_OVERHEAD)
    release_db()  # reading the body, decoding and storing it in S3 need no database connection
    fields, files = form_data()
    form = validate(ScreenshotForm, {k: v for k, v in fields.items()})
    upload = files.get("file")
    if upload is None:
        raise ValidationFailed("Attach the image as multipart field 'file'.", fields={"file": "missing"})
    data = upload.read(limit + 1)
    screenshots.check_size(len(data), limit)
    info = screenshots.inspect_image(data)
    cap = screenshots.Capture(me.user_id, form.device_id, form.taken_at, form.monitor, form.activity_percent)
    row, created = screenshots.store_screenshot(
        db,
        me.company_id,
        cap,
        data,
        info,
        lambda conn, new: media_jobs.enqueue_thumbnail(conn, new["id"], me.company_id),
    )
    return {"screenshot": view(row, bool(cfg["blur_screenshots"]))}, 201 if created else 200


@bp.get("/screenshots")
@responds(ScreenshotPage)
def list_screenshots():
    """Visible screenshots, newest first (?user_id, ?date, ?expires_in)."""
    conn = db()
    limit, offset = page()
    expires = _expires()
    user_id, start, end = filters(conn)
    rows = screenshots.list_screenshots(conn, user_id=user_id, start=start, end=end, limit=limit, offset=offset)
    blur_on = bool(company_settings(conn, caller().company_id)["blur_screenshots"])
    access.record_views(conn, caller().user_id, "screenshot", rows[:limit])
    return paginated([view(r, blur_on, expires) for r in rows], limit, offset)


@bp.get("/screenshots/<shot_id>")
@responds(ScreenshotOut)
def get_screenshot(shot_id: str):
    """One screenshot with presigned URLs."""
    conn = db()
    blur_on = bool(company_settings(conn, caller().company_id)["blur_screenshots"])
    expires = _expires()
    row = screenshots.get_screenshot(conn, shot_id)
    access.record_views(conn, caller().user_id, "screenshot", [row])
    return {"screenshot": view(row, blur_on, expires)}


@bp.delete("/screenshots/<shot_id>")
@responds(None, 204)
def delete_screenshot(shot_id: str):
    """Delete a screenshot (own ones within the grace window; admins and managers any visible one)."""
    me = caller()
    conn = db()
    cfg = company_settings(conn, me.company_id)
    row = screenshots.delete_screenshot(
        conn, shot_id, actor_id=me.user_id, actor_role=me.role, grace_minutes=int(cfg["delete_grace_minutes"])
    )
    record(
        conn,
        "media.screenshot_deleted",
        "screenshot",
        row["id"],
        user_id=str(row["user_id"]),
        taken_at=row["taken_at"].isoformat(),
        own=str(row["user_id"]) == me.user_id,
    )
    alerts.records_removed(conn, me.company_id, me.user_id, "mass_deletion")  # many in an hour: admins are told
    keys = screenshots.all_keys(row)
    after_commit(lambda: remove_objects(me.company_id, keys))
    return "", 204
