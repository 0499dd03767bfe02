"""Sessions: refresh-token families with rotation and reuse detection, and access-token revocation.

A login starts a family. Each refresh rotates: the presented token is marked rotated and a new one issued in
the same family. Presenting a token that was already rotated (a stolen copy, or a replay) revokes the whole
family, and the family's access tokens stop working at once through a Redis revocation key.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import psycopg

from . import security
from .config import settings
from .db import Claims, set_claims
from .errors import Unauthorized
from .redis_client import client as redis_client

# The gateways' control channel (format in gateway/README.md); a "revoke" notice closes live sockets at once.
GATEWAY_CONTROL = "wm:gateway:control"


def _now() -> datetime:
    return datetime.now(UTC)


def start(conn: psycopg.Connection, user: dict, user_agent: str | None, ip: str | None) -> dict:
    """Start a new session family for `user` (claims must be the user's); return the token pair."""
    return _issue(conn, user, uuid.uuid4(), user_agent, ip)


def _issue(conn: psycopg.Connection, user: dict, family_id: uuid.UUID, user_agent: str | None, ip: str | None) -> dict:
    cfg = settings()
    refresh = security.new_secret()
    conn.execute(
        "INSERT INTO refresh_tokens (company_id, user_id, family_id, token_hash, expires_at, user_agent, ip)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s)",
        (
            user["company_id"],
            user["id"],
            family_id,
            security.token_hash(refresh),
            _now() + timedelta(seconds=cfg.refresh_ttl),
            (user_agent or "")[:300] or None,
            ip,
        ),
    )
    access = security.issue_access_token(str(user["id"]), str(user["company_id"]), user["role"], str(family_id))
    return {
        "access_token": access,
        "refresh_token": refresh,
        "token_type": "Bearer",
        "expires_in": cfg.access_ttl,
        "refresh_expires_in": cfg.refresh_ttl,
    }


class RefreshReused(Exception):
    """A rotated refresh token was presented again; the family has been revoked (commit, then answer 401)."""

    def __init__(self, token: dict):
        super().__init__("refresh token reuse")
        self.token = token


class RefreshRefused(Unauthorized):
    """A known refresh token was refused (signed out, expired, account deactivated); `token` names its owner."""

    def __init__(self, token: dict, message: str, code: str):
        super().__init__(message, code=code)
        self.token = token


def rotate(conn: psycopg.Connection, refresh: str, user_agent: str | None, ip: str | None) -> tuple[dict, dict]:
    """Rotate `refresh`; return (tokens, user). Raises Unauthorized, or RefreshReused after revoking the family."""
    set_claims(conn, Claims(lookup_token=security.token_hash(refresh)))
    token = conn.execute(
        "SELECT id, company_id, user_id, family_id, expires_at, rotated_at, revoked_at FROM refresh_tokens"
        " WHERE token_hash = app.lookup_token()"
    ).fetchone()
    if token is None:
        raise Unauthorized("The refresh token is not valid.", code="refresh_invalid")
    set_claims(conn, Claims(company_id=str(token["company_id"]), user_id=str(token["user_id"]), role="employee"))
    if token["rotated_at"] is not None or token["revoked_at"] is not None:
        if token["rotated_at"] is not None and token["revoked_at"] is None:
            revoke_family(conn, token["family_id"])
            raise RefreshReused(token)
        raise RefreshRefused(token, "This session has been signed out.", "refresh_revoked")
    if token["expires_at"] <= _now():
        raise RefreshRefused(token, "The refresh token has expired.", "refresh_expired")
    # Lock the row: two concurrent refreshes with one token must not both succeed.
    claimed = conn.execute(
        "UPDATE refresh_tokens SET rotated_at = now() WHERE id = %s AND rotated_at IS NULL"
        " AND revoked_at IS NULL RETURNING id",
        (token["id"],),
    ).fetchone()
    if claimed is None:
        revoke_family(conn, token["family_id"])
        raise RefreshReused(token)
    user = conn.execute(
        "SELECT id, company_id, role, status, email, name FROM users WHERE id = %s", (token["user_id"],)
    ).fetchone()
    if user is None or user["status"] != "active":
        raise RefreshRefused(token, "This account is deactivated.", "account_deactivated")
    return _issue(conn, user, token["family_id"], user_agent, ip), user


def revoke_family(conn: psycopg.Connection, family_id) -> None:
    """Revoke every refresh token of a family and block its access tokens."""
    conn.execute(
        "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = %s AND revoked_at IS NULL", (family_id,)
    )
    redis_client().set(f"wm:revoked:sid:{family_id}", "1", ex=settings().access_ttl + 60)
    _close_sockets(session_id=family_id)


def revoke_user(conn: psycopg.Connection, user_id) -> None:
    """Revoke every session of a user (deactivation, password reset): refresh tokens and live access tokens."""
    families = conn.execute(
        "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = %s AND revoked_at IS NULL RETURNING family_id",
        (user_id,),
    ).fetchall()
    pipe = redis_client().pipeline()
    for fam in {row["family_id"] for row in families}:
        pipe.set(f"wm:revoked:sid:{fam}", "1", ex=settings().access_ttl + 60)
    pipe.execute()
    _close_sockets(user_id=user_id)


def block_user(user_id, blocked: bool) -> None:
    """Block (or unblock) every access token of a user, e.g. on deactivation."""
    key = f"wm:revoked:user:{user_id}"
    if blocked:
        redis_client().set(key, "1", ex=settings().access_ttl + 60)
        _close_sockets(user_id=user_id)
    else:
        redis_client().delete(key)


def _close_sockets(*, session_id=None, user_id=None) -> None:
    # Published directly (functions are built without gateway/): {"type": "revoke", "session_id" | "user_id"}.
    notice = {"type": "revoke"}
    if session_id is not None:
        notice["session_id"] = str(session_id)
    if user_id is not None:
        notice["user_id"] = str(user_id)
    redis_client().publish(GATEWAY_CONTROL, json.dumps(notice))
