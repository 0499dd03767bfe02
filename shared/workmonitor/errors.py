"""The one error vocabulary: every failure a client can see carries a status and a machine-readable code."""

from __future__ import annotations

import uuid
from typing import Any

import psycopg.errors as pgerr

from . import keys


class ApiError(Exception):
    """An error rendered as {"error": {"code", "message", "fields"}} with an HTTP status."""

    status = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        fields: dict[str, Any] | None = None,
        status: int | None = None,
        headers: dict[str, str] | None = None,
        extra: dict | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.code = code or self.code
        self.fields = fields or {}
        self.status = status or self.status
        self.headers = headers or {}
        self.extra = extra or {}

    def body(self) -> dict:
        """Return the JSON body for this error."""
        err = {"code": self.code, "message": self.message, "fields": self.fields}
        err.update(self.extra)
        return {"error": err}


class ValidationFailed(ApiError):
    status, code = 400, "validation_failed"


class Unauthorized(ApiError):
    status, code = 401, "unauthorized"


class Forbidden(ApiError):
    status, code = 403, "forbidden"


class NotFound(ApiError):
    status, code = 404, "not_found"


class Conflict(ApiError):
    status, code = 409, "conflict"


class Gone(ApiError):
    status, code = 410, "gone"


class PayloadTooLarge(ApiError):
    status, code = 413, "payload_too_large"


class Unprocessable(ApiError):
    status, code = 422, "unprocessable"


class TooManyRequests(ApiError):
    status, code = 429, "too_many_requests"

    def __init__(self, message: str, retry_after: int):
        super().__init__(
            message,
            headers={"Retry-After": str(max(1, int(retry_after)))},
            extra={"retry_after": max(1, int(retry_after))},
        )


def id_or_404(value, what: str = "record", code: str | None = None) -> str:
    """Return `value` as a canonical UUID string; raise NotFound (an id that cannot exist) when it is not one."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError as exc:
        raise NotFound(f"No such {what}.", code=code) from exc


# Database refusals ('wm:<code>: ...') that mean "the record's state forbids this" rather than bad values.
CONFLICT_CODES = frozenset({"invoice_immutable"})


def from_database(exc: pgerr.Error) -> ApiError | None:
    """Translate a psycopg error caused by the request's data into an ApiError; None when it is a real bug."""
    # Constraint names stay out of answers: they name tables and columns, and `people_email_key` on signup told
    # anyone whether an address had an account (issue 11). The log keeps them (web._error_response).
    diag = getattr(exc, "diag", None)
    if isinstance(exc, pgerr.UniqueViolation):
        return Conflict("A record with these values already exists.", code="already_exists")
    if isinstance(exc, pgerr.ExclusionViolation):
        return Conflict("This overlaps an existing record.", code="overlap")
    if isinstance(exc, pgerr.ForeignKeyViolation):
        return NotFound("A referenced record does not exist.", code="reference_not_found")
    if isinstance(exc, pgerr.CheckViolation):
        return Unprocessable("The values break a rule.", code="rule_violated")
    if isinstance(exc, pgerr.InsufficientPrivilege):
        return Forbidden("You may not change this record.")
    if isinstance(
        exc,
        (
            pgerr.InvalidTextRepresentation,
            pgerr.InvalidDatetimeFormat,
            pgerr.DatetimeFieldOverflow,
            pgerr.NumericValueOutOfRange,
            pgerr.StringDataRightTruncation,
        ),
    ):
        return ValidationFailed("A value has the wrong format or is out of range.")
    if isinstance(exc, pgerr.DataError):  # any other class 22 error, and NUL bytes refused by the driver
        return ValidationFailed("A value has the wrong format or is out of range.", code="invalid_value")
    if isinstance(exc, pgerr.RaiseException) and (
        diag and (diag.message_primary or "").startswith(keys.DB_MESSAGE_PREFIX)
    ):
        code, _, msg = diag.message_primary[len(keys.DB_MESSAGE_PREFIX) :].partition(":")
        code, msg = code.strip(), msg.strip() or code.strip()
        if code.startswith("period_"):  # a locked period (timesheet, payroll, invoice): 423 Locked
            return ApiError(msg, code=code, status=423)
        if code in CONFLICT_CODES:
            return Conflict(msg, code=code)
        return Unprocessable(msg, code=code)
    return None
