"""Request and response models of the time domain (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints

from ..schemas import Input
from ..wire import Day, Id, Model, Page, Timestamp

Source = Literal["web", "desktop", "mobile", "browser", "api"]
Description = Annotated[str, StringConstraints(max_length=2000)]
Comment = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
SheetStatus = Literal["open", "submitted", "approved", "rejected"]

# --- requests ---------------------------------------------------------------------------------------------------


class TimerIn(Input):
    project_id: uuid.UUID | None = None
    task_id: uuid.UUID | None = None
    description: Description | None = None
    billable: bool | None = None
    source: Source = "web"


class ResumeIn(Input):
    entry_id: uuid.UUID | None = None
    source: Source = "web"


class EntryIn(TimerIn):
    user_id: uuid.UUID | None = None
    started_at: AwareDatetime
    ended_at: AwareDatetime | None = None
    duration_seconds: Annotated[int, Field(gt=0, le=7 * 86400)] | None = None


class EntryPatch(Input):
    project_id: uuid.UUID | None = None
    task_id: uuid.UUID | None = None
    description: Description | None = None
    billable: bool | None = None
    started_at: AwareDatetime | None = None
    ended_at: AwareDatetime | None = None


class SettingsPatch(Input):
    rounding_mode: Literal["none", "up", "down", "nearest"] | None = None
    rounding_minutes: Literal[1, 5, 6, 10, 15] | None = None
    employees_edit_past: bool | None = None
    week_start: Annotated[int, Field(ge=1, le=7)] | None = None


class SubmitIn(Input):
    date: dt.date | None = None
    comment: Comment | None = None


class DecisionIn(Input):
    comment: Comment | None = None


class ApproveWeekIn(Input):
    """Approve a person's ended week (`date` any day in it), submitting it on their behalf when needed."""

    user_id: uuid.UUID
    date: dt.date
    comment: Comment | None = None


class RejectIn(Input):
    comment: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


# --- responses: entries -----------------------------------------------------------------------------------------


class Entry(Model):
    """A time entry; `duration_seconds` runs up to now while `running`."""

    id: Id
    user_id: Id
    project_id: Id | None
    task_id: Id | None
    description: str | None
    started_at: Timestamp
    ended_at: Timestamp | None
    billable: bool
    source: Source
    created_by: Id | None
    created_at: Timestamp
    updated_at: Timestamp
    running: bool
    duration_seconds: int


class ListedEntry(Entry):
    """An entry in a listing, with its project and task names and its duration under the company's rounding."""

    project_name: str | None
    project_color: str | None
    client_id: Id | None
    task_name: str | None
    rounded_seconds: int


class RunningEntry(Entry):
    """A running timer in the team view."""

    project_name: str | None
    project_color: str | None
    client_id: Id | None
    task_name: str | None
    user_name: str


class EntryOut(Model):
    entry: Entry


class TimerOut(Model):
    entry: Entry | None


class StartOut(Model):
    """A started timer and the one it stopped, if any."""

    entry: Entry
    stopped: Entry | None


class ResumeOut(StartOut):
    resumed_from: Id


# --- responses: reports and settings -----------------------------------------------------------------------------


class RoundingOut(Model):
    mode: str
    minutes: int


class Totals(Model):
    """Raw and rounded seconds, billable time, and money per currency (minor units; empty for employees)."""

    count: int
    seconds: int
    rounded_seconds: int
    billable_seconds: int
    billable_rounded_seconds: int
    amounts: dict[str, int]


class EntryPage(Page[ListedEntry]):
    """A page of entries; `totals` cover every match when `from` is given, else the entries of this page."""

    totals: Totals
    rounding: RoundingOut


class Group(Totals):
    key: Id | None
    name: str | None


class SummaryOut(Model):
    group_by: Literal["project", "user", "client", "task"]
    groups: list[Group]
    totals: Totals
    rounding: RoundingOut


class DayTotal(Model):
    date: Day
    seconds: int
    rounded_seconds: int
    billable_seconds: int


class DayTotals(Model):
    seconds: int
    rounded_seconds: int
    billable_seconds: int


class DailyOut(Model):
    """The time of one user per local day (`from`, `to` are local dates in `timezone`)."""

    user_id: Id
    timezone: str
    from_: Day = Field(alias="from")
    to: Day
    days: list[DayTotal]
    totals: DayTotals


class Settings(Model):
    rounding_mode: Literal["none", "up", "down", "nearest"]
    rounding_minutes: int
    employees_edit_past: bool
    week_start: int
    timezone: str
    currency: str


class SettingsOut(Model):
    settings: Settings


# --- responses: timesheets ---------------------------------------------------------------------------------------


class Week(Model):
    """A user's week: local days period_start..period_end in `timezone`, and their UTC bounds."""

    user_id: Id
    period_start: Day
    period_end: Day
    timezone: str
    starts_at: Timestamp
    ends_at: Timestamp
    status: SheetStatus


class Timesheet(Week):
    """A submitted (or once submitted) week; submitting or approving it locks the week's entries that lie before
    `locked_until` (the week's end, or the submission instant for a week submitted before it ended)."""

    id: Id
    locked_until: Timestamp
    total_seconds: int
    submitted_at: Timestamp | None
    decided_by: Id | None
    decided_at: Timestamp | None
    comment: str | None
    created_at: Timestamp
    updated_at: Timestamp


class WeekSheet(Week):
    """The week's timesheet, or (no `id`, status open) the week not yet submitted, which has only the period."""

    id: Id | None
    locked_until: Timestamp | None = None
    total_seconds: int | None = None
    submitted_at: Timestamp | None = None
    decided_by: Id | None = None
    decided_at: Timestamp | None = None
    comment: str | None = None
    created_at: Timestamp | None = None
    updated_at: Timestamp | None = None


class SheetEvent(Model):
    id: int
    actor_id: Id
    action: Literal["submitted", "approved", "rejected", "reopened"]
    comment: str | None
    created_at: Timestamp


class SheetOut(Model):
    timesheet: Timesheet
    history: list[SheetEvent]


class WeekOut(Model):
    timesheet: WeekSheet
    days: list[DayTotal]
    totals: DayTotals
    history: list[SheetEvent]


TimesheetPage = Page[Timesheet]
RunningPage = Page[RunningEntry]


class TeamMember(Model):
    """One person on the team dashboard: their own today and week, activity today and what runs now."""

    user_id: Id
    name: str
    email: str
    role: Literal["admin", "manager", "employee"]
    timezone: str
    date: Day
    today_seconds: int
    week_seconds: int
    activity_pct: float | None
    idle_seconds: int | None
    last_seen_at: Timestamp | None
    last_screenshot_at: Timestamp | None
    screenshots_today: int
    entry_id: Id | None
    running_since: Timestamp | None
    project_id: Id | None
    project_name: str | None
    project_color: str | None
    description: str | None


class TeamSummary(Model):
    items: list[TeamMember]
    week_start: int
