"""Single-use secrets: password reset links and sign-in code challenges (sent by email), device pairing codes."""

from __future__ import annotations

from datetime import timedelta

from .. import security
from ..config import settings
from ..db import Claims, Conn, Row, set_claims
from ..errors import Gone, Unauthorized
from .users import now


def create(conn: Conn, user: Row, kind: str, ttl: int, code: str | None = None, token: str | None = None) -> str:
    """Store a new single-use token of `kind` for `user` (claims: the user), voiding older unused ones; return it
    (`token` when given, else a new secret)."""
    conn.execute(
        "UPDATE auth_tokens SET used_at = now() WHERE user_id = %s AND kind = %s AND used_at IS NULL",
        (user["id"], kind),
    )
    token = token or security.new_secret()
    conn.execute(
        "INSERT INTO auth_tokens (company_id, user_id, kind, token_hash, code_hash, expires_at)"
        " VALUES (%s, %s, %s, %s, %s, %s)",
        (
            user["company_id"],
            user["id"],
            kind,
            security.token_hash(token),
            security.token_hash(code) if code else None,
            now() + timedelta(seconds=ttl),
        ),
    )
    return token


def find(conn: Conn, token: str, kind: str | tuple[str, ...]) -> Row:
    """Return the stored token of `kind` (or one of several; claims become its user's), used or not; raise 401
    when unknown."""
    kinds = (kind,) if isinstance(kind, str) else kind
    row = conn.execute("SELECT * FROM app.auth_token_lookup(%s)", (security.token_hash(token),)).fetchone()
    if row is None or row["kind"] not in kinds:
        raise Unauthorized("This link or code is not valid.", code="token_invalid")
    set_claims(conn, Claims(company_id=str(row["company_id"]), user_id=str(row["user_id"]), role="employee"))
    return row


def check(row: Row) -> None:
    """Raise Gone when the token `row` was used already or has expired."""
    if row["used_at"] is not None:
        raise Gone("This link or code has already been used.", code="token_used")
    if row["expires_at"] <= now():
        raise Gone("This link or code has expired.", code="token_expired")


def spend_attempt(conn: Conn, token_id, max_attempts: int) -> bool:
    """Count one attempt at a code (commit it before checking the code); return False when none are left."""
    # The row lock serialises parallel guesses, so no more than `max_attempts` codes are ever compared.
    return (
        conn.execute(
            "UPDATE auth_tokens SET attempts = attempts + 1 WHERE id = %s AND attempts < %s"
            " AND used_at IS NULL RETURNING attempts",
            (token_id, max_attempts),
        ).fetchone()
        is not None
    )


def mark_used(conn: Conn, token_id) -> None:
    """Mark a single-use token used; raise Gone when a parallel request used it first."""
    used = conn.execute(
        "UPDATE auth_tokens SET used_at = now() WHERE id = %s AND used_at IS NULL RETURNING id", (token_id,)
    ).fetchone()
    if used is None:
        raise Gone("This link or code has already been used.", code="token_used")


def reset_link(token: str) -> str:
    """Return the web link that resets a password."""
    return f"{settings().public_url}/reset-password?token={token}"
