"""Request and response models of the attendance domain (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import date, time
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AwareDatetime, ConfigDict, Field, StringConstraints, model_validator

from ..schemas import Input, Name
from ..wire import ClockTime, Day, DecimalStr, Id, Model, Page, Timestamp
from . import geo

# --- requests ---------------------------------------------------------------------------------------------------

Lat = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Lng = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
Accuracy = Annotated[float, Field(ge=0, le=100_000, allow_inf_nan=False)]
Note = Annotated[str, StringConstraints(max_length=2000)]
DeviceId = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Source = Literal["web", "mobile", "desktop", "browser"]
Policy = Literal["off", "flag", "require"]
LeaveStatus = Literal["pending", "approved", "rejected", "cancelled"]


class Location(Input):
    lat: Lat
    lng: Lng
    accuracy: Accuracy | None = None


class ClockInIn(Input):
    location: Location | None = None
    source: Source = "web"
    note: Note | None = None


class ClockOutIn(Input):
    location: Location | None = None
    note: Note | None = None


class BreakIn(Input):
    paid: bool = False


class ManualRecordIn(Input):
    user_id: uuid.UUID
    clock_in_at: AwareDatetime
    clock_out_at: AwareDatetime
    note: Note | None = None

    @model_validator(mode="after")
    def _order(self):
        if self.clock_out_at <= self.clock_in_at:
            raise ValueError("clock_out_at must be after clock_in_at")
        return self


class SettingsIn(Input):
    grace_minutes: Annotated[int, Field(ge=0, le=240)] | None = None
    geofence_policy: Policy | None = None


class ShiftIn(Input):
    user_id: uuid.UUID
    date: dt.date
    start_time: time
    end_time: time
    note: Note | None = None

    @model_validator(mode="after")
    def _times(self):
        if self.start_time == self.end_time:
            raise ValueError("end_time must differ from start_time")
        if self.start_time.tzinfo or self.end_time.tzinfo:
            raise ValueError("shift times are local wall-clock times without an offset")
        return self


class ShiftPatch(Input):
    date: dt.date | None = None
    start_time: time | None = None
    end_time: time | None = None
    note: Note | None = None


class LeaveTypeIn(Input):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    paid: bool = True
    allowance_days: Annotated[Decimal, Field(ge=0, le=366, decimal_places=1)] | None = None


class LeaveTypePatch(Input):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)] | None = None
    paid: bool | None = None
    allowance_days: Annotated[Decimal, Field(ge=0, le=366, decimal_places=1)] | None = None
    archived: bool | None = None


class LeaveRequestIn(Input):
    leave_type_id: uuid.UUID
    start_date: date
    end_date: date
    start_half: bool = False
    end_half: bool = False
    reason: Note | None = None
    user_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _range(self):
        if self.end_date < self.start_date:
            raise ValueError("end_date must not be before start_date")
        if (self.end_date - self.start_date).days > 366:
            raise ValueError("a leave request may span at most one year")
        if self.start_date == self.end_date and self.start_half and self.end_half:
            raise ValueError("a single day is either a half day (one flag) or a full day (no flag)")
        return self


class DecisionIn(Input):
    comment: Note | None = None


class GeofenceIn(Input):
    name: Name
    kind: Literal["circle", "polygon"]
    center_lat: Lat | None = None
    center_lng: Lng | None = None
    radius_m: Annotated[float, Field(gt=0, le=100_000, allow_inf_nan=False)] | None = None
    polygon: list | None = None
    active: bool = True

    @model_validator(mode="after")
    def _shape(self):
        geo.check_shape(self.kind, self.center_lat, self.center_lng, self.radius_m, self.polygon)
        if self.polygon is not None:
            self.polygon = geo.validate_polygon(self.polygon)
        return self


class GeofencePatch(Input):
    name: Name | None = None
    center_lat: Lat | None = None
    center_lng: Lng | None = None
    radius_m: Annotated[float, Field(gt=0, le=100_000, allow_inf_nan=False)] | None = None
    polygon: list | None = None
    active: bool | None = None

    @model_validator(mode="after")
    def _polygon(self):
        if self.polygon is not None:
            self.polygon = geo.validate_polygon(self.polygon)
        return self


class PointIn(Input):
    lat: Lat
    lng: Lng
    accuracy: Accuracy | None = None
    recorded_at: AwareDatetime


class PointsIn(Input):
    device_id: DeviceId = ""
    points: Annotated[list[PointIn], Field(min_length=1, max_length=1000)]


# --- responses --------------------------------------------------------------------------------------------------


class Settings(Model):
    grace_minutes: int
    geofence_policy: Policy


class SettingsOut(Model):
    settings: Settings


class Break(Model):
    id: Id
    record_id: Id
    user_id: Id
    started_at: Timestamp
    ended_at: Timestamp | None
    paid: bool


class BreakOut(Model):
    """`{"break": ...}`: the field is spelled `break_` in Python (a keyword) and `break` on the wire."""

    model_config = ConfigDict(extra="forbid", serialize_by_alias=True)
    break_: Break = Field(alias="break")


class OpenedRecord(Model):
    """An attendance record as clock-in opens it (no breaks yet, nothing worked yet)."""

    id: Id
    user_id: Id
    clock_in_at: Timestamp
    clock_out_at: Timestamp | None
    clock_in_lat: float | None
    clock_in_lng: float | None
    clock_in_accuracy: float | None
    clock_out_lat: float | None
    clock_out_lng: float | None
    geofence_id: Id | None
    flags: list[str]
    source: str
    note: str | None
    created_by: Id | None
    created_at: Timestamp
    breaks: list[Break]


class Record(OpenedRecord):
    """A record with its breaks and seconds worked (open records counted up to now)."""

    paid_break_seconds: int
    unpaid_break_seconds: int
    worked_seconds: int


class ListedRecord(Record):
    local_date: Day


class ShiftAttendance(Model):
    status: Literal["scheduled", "absent", "on_leave", "working", "present"]
    late: bool
    late_minutes: int
    left_early: bool
    early_minutes: int
    absent: bool
    on_leave: bool
    first_clock_in: Timestamp | None
    last_clock_out: Timestamp | None


class Shift(Model):
    """A planned shift in the employee's local time, its UTC window and its computed attendance."""

    id: Id
    user_id: Id
    shift_date: Day
    start_time: ClockTime
    end_time: ClockTime
    timezone: str
    starts_at: Timestamp
    ends_at: Timestamp
    note: str | None
    created_by: Id | None
    created_at: Timestamp
    attendance: ShiftAttendance


class ShiftOut(Model):
    shift: Shift


class GeofenceCheck(Model):
    status: Literal["not_checked", "no_location", "no_geofences", "inside", "outside"]
    geofence_id: Id | None


class ClockInOut(Model):
    record: OpenedRecord
    geofence: GeofenceCheck
    shift: Shift | None


class ClockOutOut(Model):
    record: Record
    geofence: GeofenceCheck
    shift: Shift | None


class Status(Model):
    clocked_in: bool
    on_break: bool
    record: Record | None
    shift: Shift | None


class RecordOut(Model):
    record: Record


class DayTotals(Model):
    """Seconds on one local day of the employee (split at local midnight)."""

    date: Day
    present_seconds: int
    paid_break_seconds: int
    unpaid_break_seconds: int
    worked_seconds: int


class Days(Model):
    user_id: Id
    days: list[DayTotals]


class LeaveType(Model):
    id: Id
    name: str
    paid: bool
    allowance_days: DecimalStr | None
    archived: bool
    created_at: Timestamp


class LeaveTypeOut(Model):
    leave_type: LeaveType


class LeaveRequest(Model):
    id: Id
    user_id: Id
    leave_type_id: Id
    start_date: Day
    end_date: Day
    start_half: bool
    end_half: bool
    days: DecimalStr
    reason: str | None
    status: LeaveStatus
    decided_by: Id | None
    decided_at: Timestamp | None
    decision_comment: str | None
    created_at: Timestamp


class LeaveRequestOut(Model):
    request: LeaveRequest


class Balance(Model):
    """Days of one leave type in a year: allowance (null: no limit), approved (used), pending and what remains."""

    leave_type_id: Id
    name: str
    paid: bool
    allowance_days: DecimalStr | None
    used_days: DecimalStr
    pending_days: DecimalStr
    remaining_days: DecimalStr | None


class Balances(Model):
    user_id: Id
    year: int
    balances: list[Balance]


class Transition(Model):
    geofence_id: Id
    event: Literal["enter", "exit"]
    recorded_at: Timestamp
    lat: float
    lng: float


class Upload(Model):
    received: int
    stored: int
    duplicates: int
    events: list[Transition]


class Point(Model):
    id: int
    user_id: Id
    device_id: str
    recorded_at: Timestamp
    lat: float
    lng: float
    accuracy: float | None
    received_at: Timestamp


class FenceEvent(Transition):
    id: int
    user_id: Id
    device_id: str
    created_at: Timestamp


class Geofence(Model):
    id: Id
    name: str
    kind: Literal["circle", "polygon"]
    center_lat: float | None
    center_lng: float | None
    radius_m: float | None
    polygon: list[list[float]] | None
    active: bool
    created_by: Id | None
    created_at: Timestamp
    updated_at: Timestamp


class GeofenceOut(Model):
    geofence: Geofence


RecordPage = Page[ListedRecord]
ShiftPage = Page[Shift]
LeaveTypePage = Page[LeaveType]
LeaveRequestPage = Page[LeaveRequest]
PointPage = Page[Point]
FenceEventPage = Page[FenceEvent]
GeofencePage = Page[Geofence]
