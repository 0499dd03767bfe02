"""Request and response models of the media domain (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

import os
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints

from ..schemas import Input
from ..wire import Id, Model, Page, Timestamp
from .settings import MB

# Uploads are bigger than JSON bodies; the company's own (smaller) limits are checked per request.
MAX_UPLOAD = int(os.environ.get("MEDIA_MAX_BODY_BYTES") or 64 * MB)
FORM_OVERHEAD = 64 * 1024
DeviceId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Monitor = Annotated[int, Field(ge=0, le=63)]
RetentionDay = Annotated[int, Field(ge=1, le=3650)]

# --- requests ---------------------------------------------------------------------------------------------------


class ScreenshotForm(Input):
    device_id: DeviceId
    taken_at: AwareDatetime
    monitor: Monitor = 0
    activity_percent: Annotated[int, Field(ge=0, le=100)] | None = None


# Days to keep activity samples, GPS points and chat; 0 keeps them for good.
KeepDays = Annotated[int, Field(ge=0, le=3650)]


class RetentionDays(Input):
    screenshots: RetentionDay | None = None
    recordings: RetentionDay | None = None
    activity: KeepDays | None = None
    gps: KeepDays | None = None
    chat: KeepDays | None = None


class SettingsPatch(Input):
    screenshot_max_bytes: Annotated[int, Field(ge=64 * 1024, le=MAX_UPLOAD - FORM_OVERHEAD)] | None = None
    recording_chunk_max_bytes: Annotated[int, Field(ge=64 * 1024, le=MAX_UPLOAD)] | None = None
    blur_screenshots: bool | None = None
    delete_grace_minutes: Annotated[int, Field(ge=0, le=7 * 24 * 60)] | None = None
    retention_days: RetentionDays | None = None
    # Capture policy the desktop agent reads from the company settings (GET /function/auth/me).
    screenshot_interval_minutes: Annotated[int, Field(ge=1, le=120)] | None = None
    idle_threshold_minutes: Annotated[int, Field(ge=1, le=120)] | None = None
    browser_capture: Literal["domain", "full"] | None = None


class RecordingIn(Input):
    device_id: DeviceId
    started_at: AwareDatetime
    monitor: Monitor = 0
    content_type: Literal["video/webm", "video/mp4"]


class CompleteIn(Input):
    duration_ms: Annotated[int, Field(ge=0, le=24 * 3600 * 1000)] | None = None


# --- responses --------------------------------------------------------------------------------------------------


class Retention(Model):
    """Days each kind of capture is kept (0: kept for good)."""

    screenshots: int
    recordings: int
    activity: int
    gps: int
    chat: int


class MediaSettings(Model):
    screenshot_max_bytes: int
    blur_screenshots: bool
    delete_grace_minutes: int
    recording_chunk_max_bytes: int
    retention_days: Retention
    screenshot_interval_minutes: int
    idle_threshold_minutes: int
    browser_capture: str


class SettingsOut(Model):
    settings: MediaSettings


class Screenshot(Model):
    """A screenshot with presigned URLs; with blur on, non-admins get the blurred copy only."""

    id: Id
    user_id: Id
    device_id: str
    taken_at: Timestamp
    monitor: int
    activity_percent: int | None
    content_type: str
    size_bytes: int
    width: int
    height: int
    sha256: str
    state: str
    created_at: Timestamp
    url: str | None
    thumbnail_url: str | None
    blurred: bool
    url_expires_in: int
    blurred_url: str | None = None
    app: str | None = None  # of the activity sample at taken_at (lists only)
    title: str | None = None


class ScreenshotOut(Model):
    screenshot: Screenshot


class Recording(Model):
    id: Id
    user_id: Id
    device_id: str
    started_at: Timestamp
    monitor: int
    content_type: str
    state: str
    chunk_count: int
    size_bytes: int
    duration_ms: int | None
    completed_at: Timestamp | None
    created_at: Timestamp


class RecordingOut(Model):
    recording: Recording


class Chunk(Model):
    seq: int
    size_bytes: int
    sha256: str
    created_at: Timestamp


class ChunkOut(Model):
    chunk: Chunk


class ChunkLink(Model):
    seq: int
    size_bytes: int
    sha256: str
    url: str


class RecordingDetail(Model):
    recording: Recording
    chunks: list[ChunkLink]
    url_expires_in: int


class RetentionRun(Model):
    job_id: str
    scope: str


ScreenshotPage = Page[Screenshot]
RecordingPage = Page[Recording]
