"""Wire shapes of the privacy center: consent history, current capture, the access log, exports and erasure."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import StringConstraints

from ..schemas import Input
from ..team.models import Agreement
from ..wire import Id, Model, Page, Timestamp

Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]


class ErasureIn(Input):
    reason: Note | None = None


class DecisionIn(Input):
    note: Note | None = None


class Capture(Model):
    """What one client captures about the person now (`active`), and how (`detail`)."""

    client: Literal["desktop_agent", "browser_extension", "phone"]
    kind: Literal["screenshots", "activity", "gps"]
    active: bool
    detail: str


class Held(Model):
    """How much of one kind of captured data is held about the person, and its time span."""

    kind: Literal["screenshots", "recordings", "activity", "gps"]
    count: int
    first_at: Timestamp | None
    last_at: Timestamp | None
    retention_days: int | None


class PrivacyOut(Model):
    consent_history: list[Agreement]
    capture: list[Capture]
    held: list[Held]


class AccessRow(Model):
    id: int
    viewer_id: Id
    viewer_name: str | None
    viewer_role: str | None
    kind: Literal["screenshot", "recording", "gps"]
    target_id: str | None
    items: int
    viewed_at: Timestamp


AccessPage = Page[AccessRow]


class DataExport(Model):
    """An export of everything about the person; `download_url` (short-lived) while it is ready."""

    id: Id
    user_id: Id
    status: Literal["queued", "running", "ready", "failed", "expired"]
    progress: int
    size_bytes: int | None
    error: str | None
    requested_at: Timestamp
    finished_at: Timestamp | None
    expires_at: Timestamp | None
    download_url: str | None = None


class DataExportOut(Model):
    export: DataExport


class DataExports(Model):
    items: list[DataExport]


class ErasureRequest(Model):
    id: Id
    user_id: Id
    user_name: str | None
    requested_by: Id
    reason: str | None
    offboarding: bool
    status: Literal["pending", "approved", "rejected", "completed", "failed"]
    decided_by: Id | None
    decided_at: Timestamp | None
    decision_note: str | None
    completed_at: Timestamp | None
    summary: dict[str, Any]
    requested_at: Timestamp


class ErasureOut(Model):
    request: ErasureRequest


ErasurePage = Page[ErasureRequest]


class RetentionKind(Model):
    """One kind of capture: kept `days` (0: for good); `due_now` items are past the limit and go at `next_run_at`;
    the oldest kept item goes at `oldest_deleted_at`."""

    kind: Literal["screenshots", "recordings", "activity", "gps", "chat"]
    days: int
    what: str
    cutoff: Timestamp | None
    due_now: int
    next_run_at: Timestamp
    oldest_kept_at: Timestamp | None
    oldest_deleted_at: Timestamp | None


class RetentionPreview(Model):
    items: list[RetentionKind]
