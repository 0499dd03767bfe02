"""Account logic shared by the auth and team functions: signup, login, OTP, password reset, invitations."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import psycopg

from . import security
from .config import settings
from .db import Claims, set_claims
from .errors import Gone, NotFound, Unauthorized, ValidationFailed, id_or_404

USER_COLUMNS = "id, company_id, email, name, role, timezone, status, otp_enabled, last_login_at, created_at"


def now() -> datetime:
    """Return the current UTC time."""
    return datetime.now(UTC)


def check_timezone(name: str) -> str:
    """Return `name` if it is an IANA time zone; raise ValidationFailed otherwise."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationFailed("Unknown time zone.", fields={"timezone": "not an IANA time zone"}) from exc
    return name


def signup(
    conn: psycopg.Connection, company_name: str, name: str, email: str, password: str, tz: str
) -> tuple[dict, dict]:
    """Create a company and its first admin; return (company, user). Claims are set to the new admin."""
    company_id, user_id = str(uuid.uuid4()), str(uuid.uuid4())
    set_claims(conn, Claims(company_id=company_id, user_id=user_id, role="admin"))
    company = conn.execute(
        "INSERT INTO companies (id, name, timezone) VALUES (%s, %s, %s)"
        " RETURNING id, name, timezone, week_start, currency, settings, created_at",
        (company_id, company_name, tz),
    ).fetchone()
    user = conn.execute(
        f"INSERT INTO users (id, company_id, email, name, password_hash, role, timezone)"
        f" VALUES (%s, %s, %s, %s, %s, 'admin', %s) RETURNING {USER_COLUMNS}",
        (user_id, company_id, email.lower(), name, security.hash_password(password), tz),
    ).fetchone()
    return company, user


def find_login(conn: psycopg.Connection, email: str) -> dict | None:
    """Return the user (with password hash) whose email is `email`, looked up before any claims exist."""
    set_claims(conn, Claims(lookup_email=email.lower()))
    return conn.execute(f"SELECT {USER_COLUMNS}, password_hash FROM users WHERE email = app.lookup_email()").fetchone()


def act_as(conn: psycopg.Connection, user: dict) -> None:
    """Set the transaction's claims to `user`."""
    set_claims(conn, Claims(company_id=str(user["company_id"]), user_id=str(user["id"]), role=user["role"]))


def mark_login(conn: psycopg.Connection, user_id) -> None:
    """Record a successful login time."""
    conn.execute("UPDATE users SET last_login_at = now() WHERE id = %s", (user_id,))


def create_single_use(conn: psycopg.Connection, user: dict, kind: str, ttl: int, code: str | None = None) -> str:
    """Store a new single-use token of `kind` for `user` (claims: the user), voiding older unused ones; return it."""
    conn.execute(
        "UPDATE auth_tokens SET used_at = now() WHERE user_id = %s AND kind = %s AND used_at IS NULL",
        (user["id"], kind),
    )
    token = security.new_secret()
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


def find_single_use(conn: psycopg.Connection, token: str, kind: str) -> dict:
    """Return the stored token of `kind` (claims become its user's), used or not; raise 401 when unknown."""
    set_claims(conn, Claims(lookup_token=security.token_hash(token)))
    row = conn.execute(
        "SELECT id, company_id, user_id, kind, code_hash, attempts, expires_at, used_at"
        " FROM auth_tokens WHERE token_hash = app.lookup_token()"
    ).fetchone()
    if row is None or row["kind"] != kind:
        raise Unauthorized("This link or code is not valid.", code="token_invalid")
    set_claims(conn, Claims(company_id=str(row["company_id"]), user_id=str(row["user_id"]), role="employee"))
    return row


def check_single_use(row: dict) -> None:
    """Raise Gone when the token `row` was used already or has expired."""
    if row["used_at"] is not None:
        raise Gone("This link or code has already been used.", code="token_used")
    if row["expires_at"] <= now():
        raise Gone("This link or code has expired.", code="token_expired")


def consume_single_use(conn: psycopg.Connection, token: str, kind: str) -> dict:
    """Find the unused, unexpired token of `kind` (claims become its user's); return the row. Raises 401/410."""
    row = find_single_use(conn, token, kind)
    check_single_use(row)
    return row


def spend_attempt(conn: psycopg.Connection, token_id, max_attempts: int) -> bool:
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


def mark_used(conn: psycopg.Connection, token_id) -> None:
    """Mark a single-use token used; raise Gone when a parallel request used it first."""
    if (
        conn.execute(
            "UPDATE auth_tokens SET used_at = now() WHERE id = %s AND used_at IS NULL RETURNING id", (token_id,)
        ).fetchone()
        is None
    ):
        raise Gone("This link or code has already been used.", code="token_used")


def user_by_id(conn: psycopg.Connection, user_id) -> dict:
    """Return the user row visible to the current claims, or raise NotFound."""
    user_id = id_or_404(user_id, "user")
    row = conn.execute(f"SELECT {USER_COLUMNS} FROM users WHERE id = %s", (str(user_id),)).fetchone()
    if row is None:
        raise NotFound("No such user.")
    return row


def find_invitation(conn: psycopg.Connection, token: str) -> dict:
    """Return the open invitation for `token` with its company name; raise 404/410."""
    set_claims(conn, Claims(lookup_token=security.token_hash(token)))
    inv = conn.execute(
        "SELECT id, company_id, email, name, role, expires_at, accepted_at, revoked_at"
        " FROM invitations WHERE token_hash = app.lookup_token()"
    ).fetchone()
    if inv is None:
        raise NotFound("This invitation does not exist.", code="invitation_not_found")
    if inv["accepted_at"] is not None:
        raise Gone("This invitation has already been accepted.", code="invitation_used")
    if inv["revoked_at"] is not None:
        raise Gone("This invitation was withdrawn.", code="invitation_revoked")
    if inv["expires_at"] <= now():
        raise Gone("This invitation has expired.", code="invitation_expired")
    return inv


def accept_invitation(conn: psycopg.Connection, inv: dict, name: str, password: str, tz: str) -> dict:
    """Create the invited user (acting as the company's system) and close the invitation; return the user."""
    user_id = str(uuid.uuid4())
    set_claims(conn, Claims(company_id=str(inv["company_id"]), user_id=user_id, role="admin"))
    user = conn.execute(
        f"INSERT INTO users (id, company_id, email, name, password_hash, role, timezone)"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING {USER_COLUMNS}",
        (user_id, inv["company_id"], inv["email"], name, security.hash_password(password), inv["role"], tz),
    ).fetchone()
    closed = conn.execute(
        "UPDATE invitations SET accepted_at = now() WHERE id = %s AND accepted_at IS NULL RETURNING id", (inv["id"],)
    ).fetchone()
    if closed is None:
        raise Gone("This invitation has already been accepted.", code="invitation_used")
    return user


def invite_link(token: str) -> str:
    """Return the web link that accepts an invitation."""
    return f"{settings().public_url}/accept-invite?token={token}"


def reset_link(token: str) -> str:
    """Return the web link that resets a password."""
    return f"{settings().public_url}/reset-password?token={token}"
