"""Saved reports, client share links and export rows (no Flask): plain functions over a connection."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from psycopg.types.json import Jsonb

from .. import security, storage
from ..db import Conn, Row
from ..errors import NotFound, ValidationFailed
from .builder import GROUPINGS, Spec
from .finance import FILTERS
from .models import ReportIn

SHARE_PREFIX = "wmshare_"


def spec_of(conn: Conn, data: ReportIn, user_id: str) -> Spec:
    """Return the builder spec of request `data`: the viewer's time zone unless one is given, the company's week.

    Raises ValidationFailed for a grouping or a filter the source does not have."""
    row = conn.execute(
        "SELECT u.timezone, u.role, c.week_start FROM users u JOIN companies c ON c.id = u.company_id WHERE u.id = %s",
        (user_id,),
    ).fetchone()
    assert row is not None  # the caller themselves
    _check(data)
    return Spec(
        first=data.from_,
        last=data.to,
        source=data.source,
        group_by=tuple(data.group_by or ()),
        user_ids=tuple(str(u) for u in data.user_ids),
        team_of=str(data.team_of) if data.team_of else None,
        project_ids=tuple(str(u) for u in data.project_ids),
        client_ids=tuple(str(u) for u in data.client_ids),
        task_ids=tuple(str(u) for u in data.task_ids),
        billable=data.billable,
        statuses=tuple(data.statuses) or ("approved",),
        # Payroll as the finance routes show it: an admin sees everyone's, anyone else only their own.
        only_user=user_id if data.source == "payroll" and row["role"] != "admin" else None,
        timezone=data.timezone or row["timezone"],
        week_start=int(row["week_start"]),
    )


def _check(data: ReportIn) -> None:
    allowed = GROUPINGS[data.source]
    if any(g not in allowed for g in data.group_by or ()):
        raise ValidationFailed(
            f"A {data.source} report groups by {', '.join(allowed)}.", fields={"group_by": ", ".join(allowed)}
        )
    given = {
        "project_ids": data.project_ids,
        "client_ids": data.client_ids,
        "task_ids": data.task_ids,
        "billable": data.billable is not None,
        "statuses": data.statuses,
    }
    named = [name for name, value in given.items() if value]
    known = FILTERS.get(data.source)
    # time, attendance and activity keep their old leniency (only time reads the project filters); states are new
    wrong = [n for n in named if n == "statuses"] if known is None else [n for n in named if n not in known]
    if wrong:
        raise ValidationFailed(
            f"A {data.source} report has no {', '.join(wrong)} filter.",
            fields=dict.fromkeys(wrong, "not a filter here"),
        )


# --- saved reports ----------------------------------------------------------------------------------------------

SAVED_COLUMNS = "id, name, spec, created_at, updated_at"


def save(conn: Conn, company_id: str, user_id: str, name: str, spec: dict) -> Row:
    """Store a report definition for the user; return it."""
    row = conn.execute(
        "INSERT INTO saved_reports (company_id, user_id, name, spec) VALUES (%s, %s, %s, %s)"
        f" RETURNING {SAVED_COLUMNS}",
        (company_id, user_id, name, Jsonb(spec)),
    ).fetchone()
    assert row is not None
    return row


def update_saved(conn: Conn, report_id: str, name: str, spec: dict) -> Row:
    """Replace a saved report's name and definition; raise NotFound when it is not the caller's."""
    row = conn.execute(
        f"UPDATE saved_reports SET name = %s, spec = %s, updated_at = now() WHERE id = %s RETURNING {SAVED_COLUMNS}",
        (name, Jsonb(spec), report_id),
    ).fetchone()
    if row is None:
        raise NotFound("No such saved report.")
    return row


def list_saved(conn: Conn, limit: int, offset: int) -> list[Row]:
    """Return one page (limit + 1 rows) of the caller's saved reports by name."""
    return conn.execute(
        f"SELECT {SAVED_COLUMNS} FROM saved_reports ORDER BY lower(name), id LIMIT %s OFFSET %s", (limit + 1, offset)
    ).fetchall()


def get_saved(conn: Conn, report_id: str) -> Row:
    """Return one of the caller's saved reports; raise NotFound otherwise."""
    row = conn.execute(f"SELECT {SAVED_COLUMNS} FROM saved_reports WHERE id = %s", (report_id,)).fetchone()
    if row is None:
        raise NotFound("No such saved report.")
    return row


def delete_saved(conn: Conn, report_id: str) -> None:
    """Delete one of the caller's saved reports; raise NotFound otherwise."""
    if conn.execute("DELETE FROM saved_reports WHERE id = %s RETURNING id", (report_id,)).fetchone() is None:
        raise NotFound("No such saved report.")


# --- client share links -----------------------------------------------------------------------------------------

SHARE_COLUMNS = "id, client_id, name, source, group_by, expires_at, revoked_at, last_viewed_at, created_at"


def create_share(
    conn: Conn, company_id: str, user_id: str, client_id: str, name: str, source: str, group_by: str, days: int
):
    """Create a share link for a client's projects (their time or their billable expenses); return (row, token).
    Raise NotFound for an unknown client."""
    if conn.execute("SELECT 1 FROM clients WHERE id = %s", (client_id,)).fetchone() is None:
        raise NotFound("No such client.", fields={"client_id": "not found"})
    token = SHARE_PREFIX + security.new_secret(32)
    row = conn.execute(
        "INSERT INTO report_shares (company_id, client_id, created_by, name, token_hash, source, group_by, expires_at)"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING {SHARE_COLUMNS}",
        (
            company_id,
            client_id,
            user_id,
            name,
            security.token_hash(token),
            source,
            group_by,
            datetime.now(UTC) + timedelta(days=days),
        ),
    ).fetchone()
    return row, token


def list_shares(conn: Conn, limit: int, offset: int) -> list[Row]:
    """Return one page (limit + 1) of the company's share links, newest first."""
    return conn.execute(
        f"SELECT {SHARE_COLUMNS} FROM report_shares ORDER BY created_at DESC, id LIMIT %s OFFSET %s",
        (limit + 1, offset),
    ).fetchall()


def revoke_share(conn: Conn, share_id: str) -> Row:
    """Revoke a share link now (idempotent); raise NotFound for an unknown one."""
    row = conn.execute(
        f"UPDATE report_shares SET revoked_at = coalesce(revoked_at, now()) WHERE id = %s RETURNING {SHARE_COLUMNS}",
        (share_id,),
    ).fetchone()
    if row is None:
        raise NotFound("No such share link.")
    return row


def shared(conn: Conn, token: str) -> Row | None:
    """Return the live share of `token` (company, client, names), or None when unknown, revoked or expired."""
    if not token.startswith(SHARE_PREFIX) or len(token) > 200:
        return None
    return conn.execute("SELECT * FROM app.report_share_lookup(%s)", (security.token_hash(token),)).fetchone()


def shared_rows(conn: Conn, token: str, spec: Spec) -> list[Row]:
    """Return the share's client's finished entries (or, for an expense share, approved billable expenses) in the
    spec's range, through the SECURITY DEFINER functions; never a person."""
    if spec.source == "expenses":
        # Every shared expense is billable; whether it is reimbursed to the employee is not the client's business.
        return conn.execute(
            "SELECT *, amount_minor AS billable_minor, NULL::uuid AS user_id, NULL::text AS user_name"
            " FROM app.report_share_expenses(%s, %s, %s)",
            (security.token_hash(token), spec.first, spec.last),
        ).fetchall()
    start, end = spec.bounds()
    rows = conn.execute(
        "SELECT * FROM app.report_share_entries(%s, %s, %s)", (security.token_hash(token), start, end)
    ).fetchall()
    for row in rows:
        row["seconds"] = max(0, int((row["ended_at"] - row["started_at"]).total_seconds()))
        row["user_id"], row["user_name"] = None, None  # a client sees projects and tasks, not people
    return rows


# --- export rows ------------------------------------------------------------------------------------------------

EXPORT_COLUMNS = "id, format, status, progress, row_count, error, created_at, finished_at, object_key"


def create_export(conn: Conn, company_id: str, user_id: str, fmt: str, spec: dict) -> Row:
    """Record a queued export; return it."""
    row = conn.execute(
        "INSERT INTO report_exports (company_id, user_id, format, spec) VALUES (%s, %s, %s, %s)"
        f" RETURNING {EXPORT_COLUMNS}",
        (company_id, user_id, fmt, Jsonb(json.loads(json.dumps(spec, default=str)))),
    ).fetchone()
    assert row is not None
    return row


def get_export(conn: Conn, export_id: str) -> Row:
    """Return one of the caller's exports; raise NotFound otherwise."""
    row = conn.execute(f"SELECT {EXPORT_COLUMNS} FROM report_exports WHERE id = %s", (export_id,)).fetchone()
    if row is None:
        raise NotFound("No such export.")
    return row


def export_out(row: Row, company_id: str) -> dict:
    """Return the wire shape of an export row, with a presigned URL once its file is stored."""
    out = {k: v for k, v in row.items() if k != "object_key"}
    out["url"] = storage.presign(company_id, row["object_key"], 900) if row["status"] == "done" else None
    return out
