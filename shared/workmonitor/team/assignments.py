"""Manager assignments: which employees a manager sees (RLS reads them through app.can_see_user)."""

from __future__ import annotations

from typing import Any

from ..accounts import user_by_id
from ..db import Conn
from ..errors import Conflict, NotFound, ValidationFailed, id_or_404


def list_assignments(conn: Conn, company_id: str, manager_id: str | None, limit: int, offset: int) -> list[dict]:
    """Return up to limit + 1 visible assignments, oldest first, of one manager when `manager_id` is given."""
    return conn.execute(
        "SELECT manager_id, employee_id, created_at FROM manager_assignments WHERE company_id = %s"
        " AND (%s::uuid IS NULL OR manager_id = %s::uuid) ORDER BY created_at, employee_id LIMIT %s OFFSET %s",
        (company_id, manager_id, manager_id, limit + 1, offset),
    ).fetchall()


def _manager(conn: Conn, manager_id: Any) -> dict:
    """Return the user `manager_id` when they may be assigned employees; raise 404, or 400 for an employee."""
    manager = user_by_id(conn, manager_id)
    if manager["role"] not in ("manager", "admin"):
        raise ValidationFailed(
            "Only a manager or admin can be assigned employees.", fields={"manager_id": "not a manager"}
        )
    return manager


def assign(conn: Conn, company_id: str, manager_id: Any, employee_id: Any) -> dict:
    """Assign an employee to a manager (or admin); return the assignment. 404 for unknown users, 400 when the
    manager is an employee or the same person, 409 when it exists already."""
    _manager(conn, manager_id)
    user_by_id(conn, employee_id)
    if str(manager_id) == str(employee_id):
        raise ValidationFailed("Nobody manages themselves.", fields={"employee_id": "same as manager"})
    row = conn.execute(
        "INSERT INTO manager_assignments (company_id, manager_id, employee_id) VALUES (%s, %s, %s)"
        " ON CONFLICT DO NOTHING RETURNING manager_id, employee_id, created_at",
        (company_id, manager_id, employee_id),
    ).fetchone()
    if row is None:
        raise Conflict("This assignment exists already.", code="already_exists")
    return row


def unassign(conn: Conn, manager_id: Any, employee_id: Any) -> None:
    """Remove an assignment; raise NotFound when there is none."""
    row = conn.execute(
        "DELETE FROM manager_assignments WHERE manager_id = %s AND employee_id = %s RETURNING 1",
        (id_or_404(manager_id), id_or_404(employee_id)),
    ).fetchone()
    if row is None:
        raise NotFound("No such assignment.")


def set_team(conn: Conn, company_id: str, manager_id: Any, employee_ids: list) -> dict:
    """Make `employee_ids` exactly the employees of manager `manager_id`; return {manager_id, employee_ids, added,
    removed}. 404 naming unknown users, 400 when the manager is an employee or among the ids."""
    manager = _manager(conn, manager_id)
    wanted = sorted({str(e) for e in employee_ids})
    if str(manager["id"]) in wanted:
        raise ValidationFailed("Nobody manages themselves.", fields={"employee_ids": "contains the manager"})
    found = {
        str(r["id"]) for r in conn.execute("SELECT id FROM users WHERE id = ANY(%s::uuid[])", (wanted,)).fetchall()
    }
    unknown = [e for e in wanted if e not in found]
    if unknown:
        raise NotFound(
            f"No such user: {', '.join(unknown)}.", code="user_not_found", fields={"employee_ids": ", ".join(unknown)}
        )
    removed = conn.execute(
        "DELETE FROM manager_assignments WHERE manager_id = %s AND employee_id <> ALL(%s::uuid[])"
        " RETURNING employee_id::text AS id",
        (manager["id"], wanted),
    ).fetchall()
    added = conn.execute(
        "INSERT INTO manager_assignments (company_id, manager_id, employee_id)"
        " SELECT %s, %s, e FROM unnest(%s::uuid[]) AS e ON CONFLICT DO NOTHING RETURNING employee_id::text AS id",
        (company_id, manager["id"], wanted),
    ).fetchall()
    return {
        "manager_id": manager["id"],
        "employee_ids": wanted,
        "added": sorted(r["id"] for r in added),
        "removed": sorted(r["id"] for r in removed),
    }
