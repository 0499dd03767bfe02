"""Consent checks: capture is allowed only while the employee's accepted work agreement covers it."""

from __future__ import annotations

from .db import Conn
from .errors import Forbidden

KINDS = ("screenshots", "activity", "gps")


def has(conn: Conn, user_id, kind: str) -> bool:
    """Return True when `user_id` has accepted an agreement covering `kind` that is still in force."""
    if kind not in KINDS:
        raise ValueError(kind)
    row = conn.execute(
        f"SELECT {kind} AS ok FROM work_agreements WHERE user_id = %s AND status = 'accepted'", (user_id,)
    ).fetchone()
    return bool(row and row["ok"])


def require(conn: Conn, user_id, kind: str) -> None:
    """Raise Forbidden (code consent_required) unless `user_id` consented to `kind`."""
    if not has(conn, user_id, kind):
        raise Forbidden(
            f"No {kind} consent is recorded for this employee.", code="consent_required", fields={"consent": kind}
        )
