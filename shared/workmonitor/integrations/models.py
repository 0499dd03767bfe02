"""Request and response models of the integrations function (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from ..schemas import Input
from ..time.models import Description, Entry
from ..wire import Day, Id, Model, Page, Timestamp

Provider = Literal["caldav", "google", "microsoft"]
SyncState = Literal["pending", "active", "error"]
SuggestionState = Literal["new", "accepted", "dismissed", "gone"]
AlertState = Literal["new", "acknowledged"]
AlertKind = Literal[
    "new_device_sign_in",
    "failed_sign_ins",
    "two_factor_changed",
    "api_token_created",
    "mass_deletion",
    "mass_export",
    "agent_silent",
    "role_changed",
    "consent_changed",
]

# --- requests ---------------------------------------------------------------------------------------------------


class CalDavIn(Input):
    """Connect a CalDAV calendar: the calendar collection's URL and the account's credentials."""

    url: Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=2000)]
    username: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=320)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    push_entries: bool = True
    pull_events: bool = True


class OAuthStartIn(Input):
    """Nothing to send: the redirect goes back to this installation's web app."""


class OAuthFinishIn(Input):
    state: Annotated[str, StringConstraints(min_length=8, max_length=200)]
    code: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    push_entries: bool = True
    pull_events: bool = True


class ConnectionPatch(Input):
    push_entries: bool | None = None
    pull_events: bool | None = None


class AcceptIn(Input):
    """Optional details for the entry made from a suggestion (the event's title is the default description)."""

    project_id: uuid.UUID | None = None
    task_id: uuid.UUID | None = None
    description: Description | None = None
    billable: bool | None = None


# --- responses --------------------------------------------------------------------------------------------------


class Connection(Model):
    """A calendar connection of the caller (its credential is never sent back)."""

    id: Id
    user_id: Id
    provider: Provider
    calendar_url: str
    username: str | None
    push_entries: bool
    pull_events: bool
    state: SyncState
    last_sync_at: Timestamp | None
    last_error: str | None
    created_at: Timestamp
    updated_at: Timestamp


class ConnectionOut(Model):
    connection: Connection


class ConnectionList(Model):
    """The caller's connections; whether credentials can be stored at all, and which OAuth providers are set up."""

    items: list[Connection]
    encryption_configured: bool
    oauth_providers: list[Literal["google", "microsoft"]]


class OAuthStart(Model):
    """Send the browser to `authorize_url`; `state` comes back with the code."""

    authorize_url: str
    state: str


class SyncQueued(Model):
    job_id: str | None


class Suggestion(Model):
    """A calendar event offered as a time entry."""

    id: Id
    connection_id: Id
    title: str
    started_at: Timestamp
    ended_at: Timestamp
    state: SuggestionState
    entry_id: Id | None
    created_at: Timestamp


class SuggestionPage(Page[Suggestion]):
    pass


class SuggestionOut(Model):
    suggestion: Suggestion


class AcceptOut(Model):
    suggestion: Suggestion
    entry: Entry


class Alert(Model):
    id: Id
    kind: AlertKind
    title: str
    subject_user_id: Id | None
    actor_id: Id | None
    ip: str | None
    details: dict[str, Any]
    state: AlertState
    acknowledged_by: Id | None
    acknowledged_at: Timestamp | None
    created_at: Timestamp


class AlertPage(Page[Alert]):
    counts: dict[str, Annotated[int, Field(ge=0)]]


class AlertOut(Model):
    alert: Alert


class WeekHours(Model):
    week: Day
    seconds: int


class Insights(Model):
    """One person's work patterns over `from`..`to` (local days), computed from tracked time; no model involved."""

    user_id: Id
    first_day: Day
    last_day: Day
    tracked_seconds: int
    days_worked: int
    weeks: list[WeekHours]
    rising_hours: bool
    focus_blocks: int
    focus_seconds: int
    meeting_seconds: int
    long_days: int
    weekend_days: int
    late_seconds: int
    missed_breaks: int
    definitions: dict[str, str]


class InsightsOut(Model):
    insights: Insights


class TeamInsights(Model):
    items: list[Insights]


# --- AI insights (workmonitor.integrations.ai) ---------------------------------------------------------------------

AiDataKind = Literal["aggregates", "aggregates_and_titles"]


class NarrativeIn(Input):
    """Whose insights to summarise (default: oneself) over which local days (default: the last 28)."""

    user_id: uuid.UUID | None = None
    from_: Day | None = Field(default=None, alias="from")
    to: Day | None = None


class NarrativeOut(Model):
    """The SQL numbers and, on top, a model's narrative: `generated` marks the text as written by `model`."""

    numbers: Insights
    narrative: str
    generated: Literal[True]
    model: str
    data_kind: AiDataKind


class AiSettingsIn(Input):
    enabled: bool
    allow_titles: bool = False


class AiSettings(Model):
    """Whether the company's AI summaries are on and what may be sent; `configured`: a model is set up at all."""

    configured: bool
    model: str | None
    enabled: bool
    allow_titles: bool
    updated_at: Timestamp | None


class AiSettingsOut(Model):
    settings: AiSettings


class AiRequest(Model):
    id: Id
    requested_by: Id
    subject_user_id: Id
    data_kind: AiDataKind
    model: str
    status: Literal["ok", "failed"]
    prompt_tokens: int | None
    completion_tokens: int | None
    created_at: Timestamp


class AiRequestPage(Page[AiRequest]):
    pass
