"""Request and response models of reports, exports, share links, API tokens and webhooks (see workmonitor.wire)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from ..schemas import Input, Name, TimeZone
from ..wire import Day, Id, Model, Page, Timestamp

Source = Literal["time", "attendance", "activity", "expenses", "payroll"]
Grouping = Literal["person", "project", "client", "task", "category", "period", "day", "week", "month"]
ExpenseStatus = Literal["submitted", "approved", "rejected"]
Format = Literal["csv", "xlsx", "pdf"]
Ids = Annotated[list[uuid.UUID], Field(max_length=500)]


class ReportIn(Input):
    """What a report covers: local days from..to (at most 366), filters, and one or two grouping levels.

    Expenses count only when approved unless `statuses` names the states wanted; payroll counts finalized runs only.
    Groupings and filters depend on the source (a missing one is a 400): time by person, project, client, task and
    calendar; attendance and activity by person and calendar; expenses by person, project, client, category and
    calendar; payroll by person, pay period and calendar."""

    source: Source = "time"
    from_: dt.date = Field(alias="from")
    to: dt.date
    # Omitted: by project for time, by person for the other sources.
    group_by: Annotated[list[Grouping], Field(min_length=1, max_length=2)] | None = None
    user_ids: Ids = []
    team_of: uuid.UUID | None = None
    project_ids: Ids = []
    client_ids: Ids = []
    task_ids: Ids = []
    billable: bool | None = None
    statuses: Annotated[list[ExpenseStatus], Field(max_length=3)] = []
    timezone: TimeZone | None = None

    @model_validator(mode="after")
    def _range(self) -> ReportIn:
        if self.to < self.from_:
            raise ValueError("'to' is before 'from'")
        if (self.to - self.from_).days > 366:
            raise ValueError("a report covers at most 366 days")
        if self.group_by is None:
            self.group_by = ["project" if self.source == "time" else "person"]
        if len(set(self.group_by)) != len(self.group_by):
            raise ValueError("group_by names a grouping twice")
        return self


class ExportIn(ReportIn):
    format: Format = "csv"
    background: bool = False  # force the job even for a small export


class SavedIn(Input):
    name: Name
    spec: ReportIn


class ShareIn(Input):
    """A client's read-only link: their projects' time, or their projects' approved billable expenses (never
    payroll, never other expenses). Tasks group time only, categories expenses only."""

    client_id: uuid.UUID
    name: Name
    source: Literal["time", "expenses"] = "time"
    group_by: Literal["project", "task", "category", "day", "week", "month"] = "project"
    expires_in_days: Annotated[int, Field(ge=1, le=365)] = 30

    @model_validator(mode="after")
    def _grouping(self) -> ShareIn:
        if (self.source, self.group_by) in (("time", "category"), ("expenses", "task")):
            raise ValueError(f"a {self.source} share cannot group by {self.group_by}")
        return self


# --- responses --------------------------------------------------------------------------------------------------


class Money(Model):
    """Sums in one currency, integer minor units (cents); which sums depends on the source. `count` records are in
    this currency. Expenses: amount, billable and reimbursable parts. Payroll: the components, gross (all but
    reimbursements) and total (gross plus reimbursements)."""

    currency: str
    count: int
    amount_minor: int | None = None
    billable_minor: int | None = None
    reimbursable_minor: int | None = None
    regular_minor: int | None = None
    overtime_minor: int | None = None
    premium_minor: int | None = None
    salary_minor: int | None = None
    leave_minor: int | None = None
    adjustment_minor: int | None = None
    gross_minor: int | None = None
    reimbursement_minor: int | None = None
    total_minor: int | None = None


class Totals(Model):
    """Count and sums; which sums depends on the source. Seconds for time, attendance, activity and payroll (hours
    paid); `money` for expenses and payroll, one entry per currency (amounts are never added across currencies)."""

    count: int
    seconds: int | None = None
    billable_seconds: int | None = None
    productive_seconds: int | None = None
    unproductive_seconds: int | None = None
    money: list[Money] | None = None


class SubGroup(Model):
    key: str | None
    label: str
    totals: Totals
    subgroups: list[SubGroup]


class Series(Model):
    """One measure's values per group: hours, or (money) major units of the currency `unit`, for display only."""

    name: str
    unit: str
    values: list[float]


class Chart(Model):
    kind: Literal["bar", "line"]
    labels: list[str]
    series: list[Series]


class ReportOut(Model):
    source: Source
    from_: Day = Field(alias="from")
    to: Day
    timezone: str
    group_by: list[Grouping]
    groups: list[SubGroup]
    totals: Totals
    chart: Chart


class SavedReport(Model):
    id: Id
    name: str
    spec: dict
    created_at: Timestamp
    updated_at: Timestamp


class SavedOut(Model):
    report: SavedReport


class SavedPage(Page[SavedReport]):
    pass


class Export(Model):
    """An export job: progress in percent; `url` (presigned, short-lived) once done."""

    id: Id
    format: Format
    status: Literal["queued", "running", "done", "failed"]
    progress: int
    row_count: int | None
    error: str | None
    created_at: Timestamp
    finished_at: Timestamp | None
    url: str | None


class ExportOut(Model):
    export: Export


class Share(Model):
    id: Id
    client_id: Id
    name: str
    source: Literal["time", "expenses"]
    group_by: str
    expires_at: Timestamp
    revoked_at: Timestamp | None
    last_viewed_at: Timestamp | None
    created_at: Timestamp


class ShareOut(Model):
    share: Share


class ShareCreated(Model):
    """The link is shown once: only its hash is stored."""

    share: Share
    token: str
    url: str


class SharePage(Page[Share]):
    pass


class SharedView(Model):
    company: str
    client: str
    name: str
    expires_at: Timestamp
    report: ReportOut


# --- API tokens and webhooks -------------------------------------------------------------------------------------

Scope = Annotated[str, StringConstraints(pattern=r"^([a-z-]{1,30}:)?(read|write)$")]


class TokenIn(Input):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    scopes: Annotated[list[Scope], Field(min_length=1, max_length=40)]
    expires_in_days: Annotated[int, Field(ge=1, le=3650)] | None = None


class ApiToken(Model):
    id: Id
    user_id: Id
    user_name: str
    name: str
    prefix: str
    scopes: list[str]
    expires_at: Timestamp | None
    last_used_at: Timestamp | None
    revoked_at: Timestamp | None
    created_at: Timestamp


class TokenCreated(Model):
    """The token itself is shown once, here; only its hash is stored."""

    api_token: ApiToken
    token: str


class TokenOut(Model):
    api_token: ApiToken


class TokenPage(Page[ApiToken]):
    pass


class WebhookIn(Input):
    url: Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=2000)]
    events: Annotated[list[Annotated[str, StringConstraints(max_length=100)]], Field(min_length=1, max_length=50)]
    description: Annotated[str, StringConstraints(max_length=500)] | None = None


class WebhookPatch(Input):
    url: Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=2000)] | None = None
    events: (
        Annotated[list[Annotated[str, StringConstraints(max_length=100)]], Field(min_length=1, max_length=50)] | None
    ) = None
    description: Annotated[str, StringConstraints(max_length=500)] | None = None
    enabled: bool | None = None


class Webhook(Model):
    id: Id
    url: str
    description: str | None
    events: list[str]
    enabled: bool
    disabled_reason: str | None
    failing_since: Timestamp | None
    created_at: Timestamp
    updated_at: Timestamp


class WebhookCreated(Model):
    """The signing secret is shown once, here."""

    webhook: Webhook
    secret: str


class WebhookOut(Model):
    webhook: Webhook


class WebhookPage(Page[Webhook]):
    pass


class Delivery(Model):
    id: Id
    event: str
    status: Literal["pending", "delivered", "retrying", "failed"]
    attempts: int
    response_status: int | None
    duration_ms: int | None
    last_error: str | None
    next_retry_at: Timestamp | None
    created_at: Timestamp
    delivered_at: Timestamp | None


class DeliveryPage(Page[Delivery]):
    pass


class EventList(Model):
    events: list[str]


# --- imports ------------------------------------------------------------------------------------------------------

ImportFormat = Literal["toggl", "clockify", "kimai", "harvest"]


class ImportIn(Input):
    """A CSV export of one of the tools, as text; `mapping` overrides detected columns (field -> header, "" unmaps)."""

    format: ImportFormat
    csv: Annotated[str, StringConstraints(min_length=1, max_length=900_000)]
    filename: Annotated[str, StringConstraints(max_length=255)] | None = None
    mapping: Annotated[dict[str, Annotated[str, StringConstraints(max_length=200)]], Field(max_length=20)] = {}


class PreviewRow(Model):
    line: int
    person: str
    user_id: Id | None
    date: Day
    start: str | None
    end: str | None
    seconds: int | None
    client: str | None
    project: str | None
    task: str | None
    description: str | None
    billable: bool


class MatchedPerson(Model):
    source: str
    user_id: Id | None
    name: str | None


class Problem(Model):
    line: int
    message: str


class ImportPreview(Model):
    format: ImportFormat
    columns: list[str]
    mapping: dict[str, str]
    total: int
    rows: list[PreviewRow]
    people: list[MatchedPerson]
    problems: list[Problem]


class ImportJob(Model):
    id: Id
    format: ImportFormat
    filename: str | None
    status: Literal["queued", "running", "done", "failed"]
    progress: int
    total: int | None
    created: int
    duplicates: int
    skipped: int
    problems: list[Problem]
    created_at: Timestamp
    finished_at: Timestamp | None


class ImportOut(Model):
    import_: ImportJob = Field(alias="import")
