"""Validated input types shared by every function (pydantic), so bad input is a 400 naming the field."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

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


class Input(BaseModel):
    """Base for request bodies: unknown fields are refused, not silently ignored."""

    model_config = ConfigDict(extra="forbid")
