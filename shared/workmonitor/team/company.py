"""The company profile: name, time zone, week start and currency (admins change it; everyone reads it)."""

from __future__ import annotations

from ..db import Conn
from ..errors import Forbidden, NotFound

COLUMNS = "id, name, timezone, week_start, currency, created_at"


def get_company(conn: Conn, company_id) -> dict:
    """Return the caller's company; NotFound when RLS hides it."""
    row = conn.execute(f"SELECT {COLUMNS} FROM companies WHERE id = %s", (str(company_id),)).fetchone()
    if row is None:
        raise NotFound("No such company.")
    return row


def update_company(conn: Conn, company_id, changes: dict) -> tuple[dict, dict]:
    """Apply `changes` (name, timezone, week_start, currency); return (before, after). Forbidden unless admin (RLS)."""
    before = get_company(conn, company_id)
    row = conn.execute(
        "UPDATE companies SET name = coalesce(%(name)s, name), timezone = coalesce(%(timezone)s, timezone),"
        " week_start = coalesce(%(week_start)s, week_start), currency = coalesce(%(currency)s, currency)"
        f" WHERE id = %(id)s RETURNING {COLUMNS}",
        {
            "id": str(company_id),
            "name": changes.get("name"),
            "timezone": changes.get("timezone"),
            "week_start": changes.get("week_start"),
            "currency": changes.get("currency"),
        },
    ).fetchone()
    if row is None:
        raise Forbidden("Only an admin may change the company profile.", code="role_required")
    return before, row
