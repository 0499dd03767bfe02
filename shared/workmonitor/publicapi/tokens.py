"""Personal API tokens (no Flask): created with scopes, shown once, stored hashed, revocable at once.

What must stay true:
- A token is `wmp_` + 40 random URL-safe bytes; only its keyed hash (`security.token_hash`) is stored, with a short
  prefix for people to recognise it in the list.
- `authenticate` asks the database on every request (app.api_token_auth), so a revoked token is refused on the next
  request; the claims are the owner's own (user, company, current role).
- Scopes: `read` / `write` for every function, or `<function>:read` / `<function>:write` for one; write implies read.
  GET and HEAD need read, every other method write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .. import security
from ..db import Conn, Row
from ..errors import Forbidden, NotFound, Unauthorized

PREFIX = "wmp_"
COLUMNS = (
    "t.id, t.user_id, u.name AS user_name, t.name, t.prefix, t.scopes, t.expires_at, t.last_used_at, t.revoked_at,"
    " t.created_at"
)


@dataclass(frozen=True)
class TokenClaims:
    """Who a presented token acts for, and what it may do."""

    token_id: str
    user_id: str
    company_id: str
    role: str
    scopes: tuple[str, ...]


def is_api_token(token: str) -> bool:
    """Return True when a bearer token is a personal API token (not a session JWT)."""
    return token.startswith(PREFIX)


def authenticate(conn: Conn, token: str) -> TokenClaims:
    """Return the claims of a live token; raise Unauthorized when unknown, revoked, expired or its user inactive."""
    if len(token) > 200:
        raise Unauthorized("The API token is invalid.", code="token_invalid")
    row = conn.execute("SELECT * FROM app.api_token_auth(%s)", (security.token_hash(token),)).fetchone()
    if row is None:
        raise Unauthorized("This API token is invalid or has been revoked.", code="token_revoked")
    return TokenClaims(
        str(row["token_id"]), str(row["user_id"]), str(row["company_id"]), row["role"], tuple(row["scopes"])
    )


def allows(scopes: tuple[str, ...], function: str, method: str) -> bool:
    """Return True when `scopes` allow `method` on `function`."""
    need = "read" if method in ("GET", "HEAD") else "write"
    accepted = {need, f"{function}:{need}"}
    if need == "read":
        accepted |= {"write", f"{function}:write"}
    return bool(accepted & set(scopes))


def require_scope(claims: TokenClaims, function: str, method: str) -> None:
    """Raise Forbidden when the token's scopes do not allow `method` on `function`."""
    if not allows(claims.scopes, function, method):
        need = "read" if method in ("GET", "HEAD") else "write"
        raise Forbidden(f"This API token lacks the scope {function}:{need} (or {need}).", code="scope_missing")


def create(
    conn: Conn, company_id: str, user_id: str, name: str, scopes: list[str], days: int | None
) -> tuple[Row, str]:
    """Create a token for the user; return (row, the plain token, shown once)."""
    token = PREFIX + security.new_secret(30)
    expires = datetime.now(UTC) + timedelta(days=days) if days else None
    row = conn.execute(
        "INSERT INTO api_tokens (company_id, user_id, name, prefix, token_hash, scopes, expires_at)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
        (company_id, user_id, name, token[:10], security.token_hash(token), sorted(set(scopes)), expires),
    ).fetchone()
    assert row is not None
    return get(conn, str(row["id"])), token


def get(conn: Conn, token_id: str) -> Row:
    """Return a token the caller may see; raise NotFound otherwise."""
    row = conn.execute(
        f"SELECT {COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = %s", (token_id,)
    ).fetchone()
    if row is None:
        raise NotFound("No such API token.")
    return row


def list_tokens(conn: Conn, everyone: bool, user_id: str, limit: int, offset: int) -> list[Row]:
    """Return one page (limit + 1) of tokens: the caller's own, or (an admin asking) the whole company's."""
    cond = "true" if everyone else "t.user_id = %(me)s"
    return conn.execute(
        f"SELECT {COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE {cond}"
        " ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id LIMIT %(limit)s OFFSET %(offset)s",
        {"me": user_id, "limit": limit + 1, "offset": offset},
    ).fetchall()


def revoke(conn: Conn, token_id: str) -> Row:
    """Revoke a token now (idempotent); raise NotFound when the caller may not see it."""
    found = conn.execute(
        "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = %s RETURNING id", (token_id,)
    ).fetchone()
    if found is None:
        raise NotFound("No such API token.")
    return get(conn, token_id)
