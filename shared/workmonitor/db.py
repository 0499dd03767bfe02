"""PostgreSQL access: one pool per process, one transaction per unit of work carrying the caller's RLS claims.

The application connects as a role that owns nothing and cannot bypass RLS. Every policy reads the claims
set here with set_config(..., is_local => true), so they vanish when the transaction ends and a pooled
connection never leaks one caller's identity to the next.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeAlias

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from .config import settings

# The pool's connections return rows as dicts: annotate connections with `Conn`, never bare psycopg.Connection.
Row: TypeAlias = dict[str, Any]
Conn: TypeAlias = psycopg.Connection[Row]

_pool: ConnectionPool[Conn] | None = None
_pool_lock = threading.Lock()


@dataclass(frozen=True)
class Claims:
    """Who is acting: the RLS context of one transaction."""

    company_id: str | None = None
    user_id: str | None = None
    role: str | None = None

    @classmethod
    def job(cls, company_id: object) -> Claims:
        """Return claims for background work in one company: role 'job', no user (migrations/0009_roles.sql)."""
        return cls(company_id=str(company_id), role="job")


def pool() -> ConnectionPool[Conn]:
    """Return the process-wide pool, creating it on first use."""
    global _pool
    if _pool is None:
        with _pool_lock:
            if _pool is None:
                cfg = settings()
                _pool = ConnectionPool(
                    cfg.database_url,
                    connection_class=Conn,
                    min_size=cfg.pool_min,
                    max_size=cfg.pool_max,
                    kwargs={"row_factory": dict_row, "autocommit": False},
                    reset=_reset,
                    open=True,
                    name="workmonitor",
                )
    return _pool


def _reset(conn: Conn) -> None:
    """Hand a returned connection back in the pool's mode: `begin` may have turned autocommit on for a request."""
    conn.autocommit = False


def close_pool() -> None:
    """Close the process pool (tests and shutdown)."""
    global _pool
    if _pool is not None:
        _pool.close()
        _pool = None


def _claims_statement(claims: Claims, session_id: str | None) -> tuple[str, tuple]:
    """Return the statement (and parameters) setting `claims`, asking for the session's state when given."""
    params: tuple = (claims.company_id or "", claims.user_id or "", claims.role or "")
    sql = (
        "SELECT set_config('app.company_id', %s, true), set_config('app.user_id', %s, true),"
        " set_config('app.role', %s, true)"
    )
    if session_id is not None:
        sql += ", app.session_state(%s, %s, %s) AS state"
        params = (*params, claims.user_id, claims.company_id, session_id)
    return sql, params


def _state(cur: psycopg.Cursor[Any], session_id: str | None) -> str | None:
    row = cur.fetchone()
    assert row is not None  # a SELECT without FROM yields one row
    if session_id is None:
        return None
    return row["state"] if isinstance(row, dict) else row[-1]


def set_claims(conn: psycopg.Connection[Any], claims: Claims, session_id: str | None = None) -> str | None:
    """Set the RLS claims for the current transaction of `conn`. Given the `session_id` of the caller's access
    token, return in the same statement what the database says of that session: 'live', else 'gone' (no such
    membership), 'deactivated' or 'revoked' (the database, not Redis, is the truth about revocation)."""
    return _state(conn.execute(*_claims_statement(claims, session_id)), session_id)


def begin(conn: Conn, claims: Claims, session_id: str | None = None) -> str | None:
    """Open a transaction on idle pooled `conn` with `claims` set, in ONE round trip; return as `set_claims`.

    psycopg sends its own BEGIN and waits for it before the first statement; instead the connection goes to
    autocommit mode (client side only) and BEGIN is pipelined with the claims statement, so the claims stay
    transaction-local. commit()/rollback() end the transaction as usual; the pool's reset turns autocommit off.
    """
    return begin_reading(conn, claims, session_id)[0]


def begin_reading(
    conn: Conn, claims: Claims, session_id: str | None = None, read: tuple[str, tuple] | None = None
) -> tuple[str | None, Row | None]:
    """As `begin`, and run query `read` (sql, params) under the new claims in the same round trip; return
    (session state, the first row of `read` or None)."""
    conn.autocommit = True
    sql, params = _claims_statement(claims, session_id)
    with conn.pipeline():
        conn.execute("BEGIN")
        cur = conn.execute(sql, params)
        extra = conn.cursor().execute(*read) if read is not None else None
    return _state(cur, session_id), extra.fetchone() if extra is not None else None


@contextmanager
def transaction(claims: Claims) -> Iterator[Conn]:
    """Yield a pooled connection inside one transaction with `claims` set; commit on success, roll back on error."""
    with pool().connection() as conn:
        set_claims(conn, claims)
        yield conn
        # pool.connection() commits on clean exit and rolls back on exception.


def like_pattern(text: str, max_len: int = 100) -> str:
    """Return search text for ILIKE: trimmed, at most `max_len` characters, wildcards escaped (backslash first)."""
    return text.strip()[:max_len].replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_")


def one(conn: Conn, sql: str, params: tuple | dict | None = None) -> Row | None:
    """Return the first row of `sql` as a dict, or None."""
    return conn.execute(sql, params).fetchone()


def all_rows(conn: Conn, sql: str, params: tuple | dict | None = None) -> list[Row]:
    """Return every row of `sql` as dicts."""
    return conn.execute(sql, params).fetchall()
