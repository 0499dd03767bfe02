"""Request bodies and query parsing for the attendance function (pydantic; bad input is a 400 naming the field)."""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints, model_validator

from workmonitor import geo
from workmonitor.errors import ValidationFailed
from workmonitor.errors import id_or_404 as parse_uuid  # noqa: F401  (re-exported to the route modules)
from workmonitor.schemas import Input, Name
from workmonitor.web import query_date

Lat = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Lng = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
Accuracy = Annotated[float, Field(ge=0, le=100_000, allow_inf_nan=False)]
Note = Annotated[str, StringConstraints(max_length=2000)]
DeviceId = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Source = Literal["web", "mobile", "desktop", "browser"]


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
    geofence_policy: Literal["off", "flag", "require"] | None = None


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
        check_shape(self.kind, self.center_lat, self.center_lng, self.radius_m, self.polygon)
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


def check_shape(kind: str, lat, lng, radius, polygon) -> None:
    """Raise ValueError unless the fields given fit the fence kind exactly."""
    if kind == "circle" and (lat is None or lng is None or radius is None or polygon is not None):
        raise ValueError("a circle needs center_lat, center_lng and radius_m, and no polygon")
    if kind == "polygon" and (polygon is None or lat is not None or lng is not None or radius is not None):
        raise ValueError("a polygon needs polygon [[lat, lng], ...] with at least 3 points, and no centre or radius")


class PointIn(Input):
    lat: Lat
    lng: Lng
    accuracy: Accuracy | None = None
    recorded_at: AwareDatetime


class PointsIn(Input):
    device_id: DeviceId = ""
    points: Annotated[list[PointIn], Field(min_length=1, max_length=1000)]


# --- query-string helpers ----------------------------------------------------------------------------------


def query_datetime(args, name: str) -> datetime | None:
    """Return query parameter `name` as an aware datetime or None; raise 400 when malformed or naive."""
    raw = args.get(name)
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00").replace(" ", "+"))
    except ValueError as exc:
        raise ValidationFailed(f"{name} must be an ISO 8601 time.", fields={name: "not a time"}) from exc
    if value.tzinfo is None:
        raise ValidationFailed(f"{name} needs a UTC offset.", fields={name: "needs a UTC offset"})
    return value


def date_range(max_days: int = 400) -> tuple[date | None, date | None]:
    """Return (from, to) dates from the query string; raise 400 when reversed or longer than `max_days`."""
    frm, to = query_date("from"), query_date("to")
    if frm and to and to < frm:
        raise ValidationFailed("to must not be before from.", fields={"to": "before from"})
    if frm and to and (to - frm).days > max_days:
        raise ValidationFailed(f"The range may span at most {max_days} days.", fields={"to": "range too long"})
    return frm, to
