"""Validated input types shared by every function (pydantic), so bad input is a 400 naming the field."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from .errors import ValidationFailed

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")


def _email(value: str) -> str:
    value = value.strip().lower()
    if len(value) > 254 or not _EMAIL.match(value):
        raise ValueError("not a valid email address")
    return value


def _printable(value: str) -> str:
    # Names end up in mail subjects, CSV exports and PDF headers: no line breaks or other control characters.
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise ValueError("must not contain control characters such as line breaks")
    return value


def _timezone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError("not an IANA time zone, e.g. Europe/Berlin") from exc
    return value


Email = Annotated[str, StringConstraints(max_length=320), AfterValidator(_email)]
Password = Annotated[str, StringConstraints(min_length=8, max_length=256)]
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_printable)
]
TimeZone = Annotated[str, StringConstraints(max_length=64), AfterValidator(_timezone)]
Token = Annotated[str, StringConstraints(min_length=8, max_length=256)]
Role = Annotated[str, Field(pattern="^(admin|manager|employee)$")]


# Dates and instants a request may name. Python's date arithmetic overflows a few hours from 0001-01-01 and
# 9999-12-31 (a week's end, a zone's offset), and no time tracked here lies outside these years.
MIN_DAY, MAX_DAY = date(1900, 1, 1), date(2999, 12, 31)


def in_range(value: date, name: str) -> None:
    """Raise 400 naming `name` when the date (or the UTC date of an instant) `value` is before 1900 or after 2999."""
    day = value.date() if isinstance(value, datetime) else value
    if not MIN_DAY <= day <= MAX_DAY:
        raise ValidationFailed(
            f"{name} must lie between {MIN_DAY} and {MAX_DAY}.",
            fields={name: f"must lie between {MIN_DAY} and {MAX_DAY}"},
        )


def _out_of_range(value: Any) -> bool:
    if isinstance(value, datetime):  # an aware instant counts by its UTC date; a naive one as written
        if value.tzinfo is not None and value.utcoffset() is not None:
            try:
                value = value.astimezone(UTC)
            except OverflowError:
                return True
        return not MIN_DAY <= value.date() <= MAX_DAY
    if isinstance(value, date):
        return not MIN_DAY <= value <= MAX_DAY
    if isinstance(value, (list, tuple, set)):
        return any(_out_of_range(v) for v in value)
    return False


class DatesInRange(BaseModel):
    """Base for request models: every date and instant field (and list of them) lies in MIN_DAY..MAX_DAY."""

    @model_validator(mode="after")
    def _dates_in_range(self):
        bad = [(name, value) for name, value in self.__dict__.items() if _out_of_range(value)]
        if bad:
            message = f"must lie between {MIN_DAY} and {MAX_DAY}"
            raise ValidationError.from_exception_data(
                type(self).__name__,
                [
                    InitErrorDetails(type=PydanticCustomError("date_range", message), loc=(name,), input=value)
                    for name, value in bad
                ],
            )
        return self


class Input(DatesInRange):
    """Base for request bodies: unknown fields are refused, not silently ignored; dates lie in 1900..2999."""

    model_config = ConfigDict(extra="forbid")


# --- instants and date ranges: one rule each, for bodies and query strings alike -----------------------------


def parse_instant(raw: str, name: str) -> datetime:
    """Return ISO 8601 `raw` as an aware UTC datetime; raise 400 naming `name` when malformed or without a zone.

    A time without a zone is refused, never guessed: the caller's zone, the server's and UTC all differ.
    """
    try:
        # A `+` in a query string arrives as a space when the client did not percent-encode it.
        value = datetime.fromisoformat(raw.strip().replace(" ", "+"))
    except ValueError as exc:
        raise ValidationFailed(f"{name} must be an ISO 8601 date-time.", fields={name: "not ISO 8601"}) from exc
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationFailed(f"{name} needs a time zone (Z or an offset).", fields={name: "needs a time zone"})
    if _out_of_range(value):
        in_range(date.min, name)
    return value.astimezone(UTC)


def check_range(first: date | None, last: date | None, max_days: int | None = 400) -> None:
    """Raise 400 when `last` is before `first` or first..last (both days counted) spans more than `max_days`."""
    for value, name in ((first, "from"), (last, "to")):
        if value is not None:
            in_range(value, name)
    if first is None or last is None:
        return
    if last < first:
        raise ValidationFailed("to is before from.", fields={"to": "before from"})
    if max_days is not None and (last - first).days + 1 > max_days:
        raise ValidationFailed(f"The range may span at most {max_days} days.", fields={"to": "range too long"})
