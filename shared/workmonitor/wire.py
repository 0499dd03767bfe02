"""The wire contract: one JSON dialect for every response, event and job payload, and the types models use.

What must stay true (clients parse these, the generated TypeScript types promise them):
- a timestamp is RFC 3339 in UTC with `Z` and exactly six fractional digits (`2026-11-30T02:33:20.000000Z`):
  lossless for PostgreSQL's microseconds, and one shape to parse;
- a date is `YYYY-MM-DD`, a time of day `HH:MM:SS`, a duration a number of seconds;
- decimals and ids are strings (no float rounding, no 64-bit surprises in JavaScript).
Response models describe bodies; `web.responds` attaches them to routes, `openapi` publishes them, and the
test suite checks every response it sees against its model (`WM_CHECK_CONTRACT=1`).
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, PlainSerializer, WithJsonSchema

TIMESTAMP_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$"
DECIMAL_PATTERN = r"^-?\d+(\.\d+)?$"


def timestamp(value: datetime) -> str:
    """Return `value` as RFC 3339 UTC with `Z` and microseconds (a naive value is taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def default(o: Any) -> Any:
    """Return the JSON form of a value `json` cannot encode by itself (the one encoder's rules)."""
    if isinstance(o, datetime):
        return timestamp(o)
    if isinstance(o, date):
        return o.isoformat()
    if isinstance(o, dtime):
        return o.replace(tzinfo=None).isoformat(timespec="seconds")
    if isinstance(o, timedelta):
        return o.total_seconds()
    if isinstance(o, (uuid.UUID, Decimal)):
        return str(o)
    if isinstance(o, BaseModel):
        return o.model_dump(mode="json")
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    raise TypeError(f"{type(o).__name__} is not JSON serializable")


def dumps(value: Any, **kwargs: Any) -> str:
    """Return `value` as JSON text in the wire dialect."""
    return json.dumps(value, default=default, ensure_ascii=False, **kwargs)


def jsonable(value: Any) -> Any:
    """Return `value` converted to plain JSON types (dict, list, str, number, bool, None) in the wire dialect."""
    return json.loads(dumps(value))


# --- types for response models -----------------------------------------------------------------------------------

Timestamp = Annotated[
    datetime,
    PlainSerializer(timestamp, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": TIMESTAMP_PATTERN}),
]
Day = Annotated[date, WithJsonSchema({"type": "string", "format": "date"})]
ClockTime = Annotated[
    dtime, PlainSerializer(lambda t: default(t), return_type=str), WithJsonSchema({"type": "string", "format": "time"})
]
DecimalStr = Annotated[
    Decimal, PlainSerializer(str, return_type=str), WithJsonSchema({"type": "string", "pattern": DECIMAL_PATTERN})
]
Id = Annotated[uuid.UUID, PlainSerializer(str, return_type=str), WithJsonSchema({"type": "string", "format": "uuid"})]
Seconds = Annotated[float, WithJsonSchema({"type": "number", "description": "seconds"})]


class Model(BaseModel):
    """Base of every response model: a field the model does not name is a contract violation, not a surprise."""

    model_config = ConfigDict(extra="forbid")


T = TypeVar("T")


class Page(Model, Generic[T]):
    """The list envelope of every paginated route (callers fetch limit + 1 rows: no count query)."""

    items: list[T]
    limit: int
    offset: int
    has_more: bool
    next_offset: int | None


class ErrorDetail(Model):
    """`code` is machine-readable, `message` is for people, `fields` names each bad input; some codes add context
    (a conflicting entry, `retry_after`)."""

    model_config = ConfigDict(extra="allow")
    code: str
    message: str
    fields: dict[str, Any]
    request_id: str | None = None


class ErrorBody(Model):
    """Every 4xx/5xx answer: `{"error": {"code", "message", "fields"}}`."""

    error: ErrorDetail


class Ok(Model):
    """A plain acknowledgement."""

    ok: bool


class Health(Model):
    status: str
    function: str
