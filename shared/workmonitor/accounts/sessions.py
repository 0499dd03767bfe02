"""Sessions: refresh-token families (one per signed-in device) with rotation, reuse detection and revocation.

A sign-in starts a family, which records the device (a client-sent id and name, the user agent). Each refresh
rotates: the presented token is marked rotated and a successor issued in the same family. A rotated token
presented again within REFRESH_GRACE_SECONDS, while none of its successors has been used yet, is a concurrent
refresh of the same device (a service worker and a popup, a phone's background task): it gets a fresh pair in
the same family. Presented later, or after a successor was used, it is a stolen copy or a replay: the whole
family is revoked and its access tokens stop working at once: every request asks the database about its session
in the statement that sets its claims (`app.session_state`); Redis keeps a copy for early refusal and the
gateways, so losing Redis brings no revoked session back.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import redis

from .. import keys, security
from ..config import settings
from ..db import Claims, Conn, Row, set_claims
from ..errors import NotFound, Unauthorized
from ..redis_client import client as redis_client

log = logging.getLogger("workmonitor")
# The gateways' control channel (format in gateway/README.md); a "revoke" notice closes live sockets at once.
GATEWAY_CONTROL = keys.GATEWAY_CONTROL


@dataclass(frozen=True)
class Device:
    """What a session records about the device that signed in."""

    user_agent: str | None = None
    ip: str | None = None
    device_id: str | None = None
    device_name: str | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def start(conn: Conn, user: Row, device: Device) -> dict:
    """Start a new session family for `user` on `device` (claims must be the user's); return the token pair."""
    return _issue(conn, user, uuid.uuid4(), device, None)


def _issue(conn: Conn, user: Row, family_id: uuid.UUID, device: Device, rotated_from: uuid.UUID | None) -> dict:
    cfg = settings()
    refresh = security.new_secret()
    conn.execute(
        "INSERT INTO refresh_tokens (company_id, user_id, family_id, token_hash, expires_at, user_agent, ip,"
        " device_id, device_name, rotated_from) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (
            user["company_id"],
            user["id"],
            family_id,
            security.token_hash(refresh),
            _now() + timedelta(seconds=cfg.refresh_ttl),
            (device.user_agent or "")[:300] or None,
            device.ip,
            device.device_id,
            device.device_name,
            rotated_from,
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

    def __init__(self, token: Row):
        super().__init__("refresh token reuse")
        self.token = token


class RefreshRefused(Unauthorized):
    """A known refresh token was refused (signed out, expired, account deactivated); `token` names its owner."""

    def __init__(self, token: Row, message: str, code: str):
        super().__init__(message, code=code)
        self.token = token


def rotate(conn: Conn, refresh: str, device: Device) -> tuple[dict, Row]:
    """Rotate `refresh`; return (tokens, user). Raises Unauthorized, or RefreshReused after revoking the family."""
    token = conn.execute("SELECT * FROM app.refresh_token_lookup(%s)", (security.token_hash(refresh),)).fetchone()
    if token is None:
        raise Unauthorized("The refresh token is not valid.", code="refresh_invalid")
    set_claims(conn, Claims(company_id=str(token["company_id"]), user_id=str(token["user_id"]), role="employee"))
    if token["revoked_at"] is not None:
        raise RefreshRefused(token, "This session has been signed out.", "refresh_revoked")
    if token["rotated_at"] is not None:
        _reuse_or_grace(conn, token)
    elif token["expires_at"] <= _now():
        raise RefreshRefused(token, "The refresh token has expired.", "refresh_expired")
    else:
        # The row lock serialises two refreshes with one token: the loser sees it rotated and is judged by grace.
        claimed = conn.execute(
            "UPDATE refresh_tokens SET rotated_at = now() WHERE id = %s AND rotated_at IS NULL"
            " AND revoked_at IS NULL RETURNING id",
            (token["id"],),
        ).fetchone()
        if claimed is None:
            _reuse_or_grace(conn, token)
    user = conn.execute(
        "SELECT id, company_id, role, status, email, name FROM users WHERE id = %s", (token["user_id"],)
    ).fetchone()
    if user is None or user["status"] != "active":
        raise RefreshRefused(token, "This account is deactivated.", "account_deactivated")
    kept = Device(device.user_agent, device.ip, token["device_id"], token["device_name"])
    return _issue(conn, user, token["family_id"], kept, token["id"]), user


def _reuse_or_grace(conn: Conn, token: Row) -> None:
    """Return when the rotated `token` is within its grace window; otherwise revoke the family and raise."""
    fresh = conn.execute(
        "SELECT 1 FROM refresh_tokens t WHERE t.id = %s AND t.revoked_at IS NULL AND t.expires_at > now()"
        " AND t.rotated_at > clock_timestamp() - make_interval(secs => %s)"
        " AND NOT EXISTS (SELECT 1 FROM refresh_tokens s WHERE s.rotated_from = t.id AND s.rotated_at IS NOT NULL)",
        (token["id"], settings().refresh_grace),
    ).fetchone()
    if fresh is None:
        revoke_family(conn, token["family_id"])
        raise RefreshReused(token)


def session_state(conn: Conn, user_id: str, company_id: str, session_id: str) -> str:
    """Return what the database says of an access token's session: 'live', 'gone', 'deactivated' or 'revoked'."""
    row = conn.execute("SELECT app.session_state(%s, %s, %s) AS state", (user_id, company_id, session_id)).fetchone()
    assert row is not None  # a SELECT without FROM yields one row
    return str(row["state"])


def dead_sessions(conn: Conn, held: list[tuple[str, str, str]]) -> set[str]:
    """Return the session ids among `held` (user_id, company_id, session_id) that are no longer live."""
    if not held:
        return set()
    users, companies, families = (list(col) for col in zip(*held, strict=True))
    rows = conn.execute("SELECT family_id FROM app.dead_sessions(%s::uuid[], %s::uuid[], %s::uuid[])",
                        (users, companies, families)).fetchall()  # fmt: skip
    return {str(r["family_id"]) for r in rows}


def list_sessions(conn: Conn, user_id: str) -> list[Row]:
    """Return the user's live sessions (one per family: its device, start and last refresh), newest first."""
    return conn.execute(
        "SELECT id, device_id, device_name, user_agent, ip, started_at, last_used_at, expires_at FROM ("
        "  SELECT DISTINCT ON (family_id) family_id AS id, device_id, device_name, user_agent, host(ip) AS ip,"
        "         min(created_at) OVER (PARTITION BY family_id) AS started_at, created_at AS last_used_at,"
        "         expires_at"
        "  FROM refresh_tokens WHERE user_id = %s AND revoked_at IS NULL"
        "  ORDER BY family_id, created_at DESC) s"
        " WHERE expires_at > now() ORDER BY last_used_at DESC",
        (user_id,),
    ).fetchall()


def revoke_session(conn: Conn, user_id: str, family_id: str) -> None:
    """Sign out one of the user's sessions; raise NotFound when it is not theirs or already signed out."""
    live = conn.execute(
        "SELECT 1 FROM refresh_tokens WHERE family_id = %s AND user_id = %s AND revoked_at IS NULL LIMIT 1",
        (family_id, user_id),
    ).fetchone()
    if live is None:
        raise NotFound("No such session.", code="session_not_found")
    revoke_family(conn, family_id)


def revoke_family(conn: Conn, family_id) -> None:
    """Revoke every refresh token of a family and block its access tokens."""
    conn.execute(
        "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = %s AND revoked_at IS NULL", (family_id,)
    )
    _block_families([family_id])
    _close_sockets(session_id=family_id)


def revoke_user(conn: Conn, user_id) -> None:
    """Revoke every session of one membership (role change, deactivation): refresh and live access tokens."""
    families = conn.execute(
        "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = %s AND revoked_at IS NULL RETURNING family_id",
        (user_id,),
    ).fetchall()
    _block_families(row["family_id"] for row in families)
    _close_sockets(user_id=user_id)


def revoke_person(conn: Conn, keep: str | None = None) -> None:
    """Revoke every session of the signed-in person in every company (claims: one of their memberships), except
    the session `keep` (the one changing the password)."""
    found = conn.execute("SELECT family_id FROM app.revoke_my_sessions(%s::uuid)", (keep,))
    families = {row["family_id"] for row in found}
    _block_families(families)
    for fam in families:
        _close_sockets(session_id=fam)


def _block_families(families) -> None:
    # Redis holds a copy for early refusal and the gateways; the truth is the revoked rows (app.session_state).
    try:
        pipe = redis_client().pipeline()
        for fam in set(families):
            pipe.set(keys.revoked_session(fam), "1", ex=settings().access_ttl + 60)
        pipe.execute()
    except redis.RedisError as exc:
        log.warning("revocation not cached; the database still refuses", extra={"fields": {"error": str(exc)}})


def block_user(user_id, blocked: bool) -> None:
    """Block (or unblock) every access token of a user, e.g. on deactivation."""
    key = keys.revoked_user(user_id)
    try:
        if blocked:
            redis_client().set(key, "1", ex=settings().access_ttl + 60)
        else:
            redis_client().delete(key)
    except redis.RedisError as exc:  # the database (users.status) still refuses a deactivated user
        log.warning("user block not cached", extra={"fields": {"error": str(exc)}})
    if blocked:
        _close_sockets(user_id=user_id)


def _close_sockets(*, session_id=None, user_id=None) -> None:
    # Published directly (functions are built without gateway/): {"type": "revoke", "session_id" | "user_id"}.
    notice = {"type": "revoke"}
    if session_id is not None:
        notice["session_id"] = str(session_id)
    if user_id is not None:
        notice["user_id"] = str(user_id)
    try:
        redis_client().publish(GATEWAY_CONTROL, json.dumps(notice))
    except redis.RedisError as exc:  # the gateways' periodic re-check asks the database and closes it anyway
        log.warning("gateway revoke notice lost", extra={"fields": {"error": str(exc)}})
