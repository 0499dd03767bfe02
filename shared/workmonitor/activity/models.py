"""Request and response models of the activity domain (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel, StringConstraints

from ..schemas import DatesInRange, Input
from ..wire import Day, Id, Model, Page, Timestamp

MAX_SAMPLES = 1000
Text = Annotated[str, StringConstraints(max_length=1000)]
DeviceId = Annotated[str, StringConstraints(min_length=1, max_length=100)]
MatchType = Annotated[str, StringConstraints(pattern="^(exact|glob|regex)$")]
Pattern = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Category = Annotated[str, StringConstraints(pattern="^(productive|neutral|unproductive)$")]

# --- requests ---------------------------------------------------------------------------------------------------


class SampleIn(DatesInRange):
    """One activity interval as the desktop agent or browser extension sends it (strict JSON types)."""

    # Strict: PostgreSQL reads the same JSON (json_to_recordset), so both must accept exactly the same values.
    model_config = ConfigDict(extra="forbid", strict=True)
    seq: int = Field(ge=0, le=2**62)
    device_id: DeviceId | None = None
    started_at: AwareDatetime
    duration: int = Field(ge=1, le=3600)
    app: Annotated[str, StringConstraints(max_length=200)] = ""
    title: Text = ""
    url: Annotated[str, StringConstraints(max_length=2048)] | None = None
    domain: Annotated[str, StringConstraints(max_length=253)] | None = None
    keyboard: int = Field(default=0, ge=0, le=1_000_000)
    mouse: int = Field(default=0, ge=0, le=1_000_000)
    idle: bool = False
    active_seconds: int | None = Field(default=None, ge=0, le=3600)
    source: Literal["desktop", "browser"] | None = None


class SampleBatch(BaseModel):
    """A batch of samples; `device_id` applies to samples that do not name their own."""

    model_config = ConfigDict(extra="forbid")
    device_id: DeviceId | None = None
    samples: list[SampleIn] = Field(min_length=1, max_length=MAX_SAMPLES)


class HeartbeatIn(DatesInRange):
    """An ActivityWatch event sent as a heartbeat."""

    model_config = ConfigDict(extra="forbid")
    id: int | None = None
    timestamp: AwareDatetime
    duration: float = Field(default=0, ge=0, le=86_400)
    data: dict[str, Any] = Field(default_factory=dict)


class BucketIn(Input):
    client: Annotated[str, StringConstraints(max_length=200)] = ""
    type: Annotated[str, StringConstraints(max_length=100)] = "currentwindow"
    hostname: Annotated[str, StringConstraints(max_length=200)] = ""


class TimelineArgs(DatesInRange):
    start: AwareDatetime
    end: AwareDatetime


class RuleIn(Input):
    target: Annotated[str, StringConstraints(pattern="^(app|domain)$")]
    match_type: MatchType = "exact"
    pattern: Pattern
    category: Category
    manager_id: uuid.UUID | None = None


class RulePatch(Input):
    match_type: MatchType | None = None
    pattern: Pattern | None = None
    category: Category | None = None


# --- responses --------------------------------------------------------------------------------------------------


class IngestResult(Model):
    received: int
    accepted: int
    duplicates: int


class Event(Model):
    id: int
    timestamp: Timestamp
    duration: float
    data: dict[str, Any]


class HeartbeatOut(Event):
    merged: bool


class Bucket(Model):
    id: str
    type: str
    client: str
    hostname: str
    created: Timestamp


class Buckets(RootModel[dict[str, Bucket]]):
    """aw-server's bucket map: bucket name -> bucket."""


class Events(RootModel[list[Event]]):
    """aw-server's event list (newest first)."""


class Usage(Model):
    user_id: Id | None = None
    day: Day | None = None
    name: str
    seconds: float
    active_seconds: float
    idle_seconds: float
    activity_pct: float | None


class UsagePage(Page[Usage]):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    by: str
    from_: Day = Field(alias="from")
    to: Day


class DailyTotal(Model):
    user_id: Id | None  # None when ?per=day (the day's total over everyone the caller sees)
    day: Day
    seconds: float
    active_seconds: float
    idle_seconds: float
    activity_pct: float | None


class DailyTotals(Page[DailyTotal]):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    per: str
    from_: Day = Field(alias="from")
    to: Day


class DailyProductivity(Model):
    user_id: Id
    day: Day
    productive_seconds: float
    neutral_seconds: float
    unproductive_seconds: float
    idle_seconds: float
    active_seconds: float
    score: float | None


class ProductivityReport(Page[DailyProductivity]):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    from_: Day = Field(alias="from")
    to: Day


class Bin(Model):
    start: Timestamp
    seconds: int
    active_seconds: int
    idle_seconds: int
    keyboard: int
    mouse: int
    activity_pct: float | None


class Timeline(Model):
    items: list[Bin]
    interval: int


class Rule(Model):
    id: Id
    manager_id: Id | None
    target: str
    match_type: str
    pattern: str
    category: str
    created_by: Id | None
    created_at: Timestamp
    updated_at: Timestamp


class RuleOut(Model):
    rule: Rule


class Queued(Model):
    status: str
