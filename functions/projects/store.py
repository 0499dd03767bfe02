"""Projects domain logic (no Flask): clients, projects, members, tasks and budget consumption, all under RLS."""

from __future__ import annotations

import psycopg

from workmonitor.errors import NotFound, Unprocessable, id_or_404

CLIENT_COLUMNS = "id, name, email, notes, archived, created_at, updated_at"
PROJECT_COLUMNS = (
    "p.id, p.client_id, c.name AS client_name, p.name, p.color, p.billable, p.hourly_rate, p.currency,"
    " p.budget_hours::float8 AS budget_hours, p.budget_amount, p.archived, p.created_by, p.created_at,"
    " p.updated_at"
)
PROJECT_FROM = "projects p LEFT JOIN clients c ON c.id = p.client_id"
TASK_COLUMNS = (
    "t.id, t.project_id, t.name, t.description, t.status, t.due_date, t.estimate_minutes, t.created_by,"
    " t.created_at, t.updated_at, coalesce((SELECT array_agg(a.user_id ORDER BY a.created_at, a.user_id)"
    " FROM task_assignees a WHERE a.task_id = t.id), '{}') AS assignee_ids"
)


def as_uuid(value, what: str) -> str:
    """Return `value` as a UUID string; raise NotFound (an unknown id) when it is not one."""
    return id_or_404(value, what, code=f"{what}_not_found")


def client(conn: psycopg.Connection, client_id) -> dict:
    """Return the visible client `client_id`; raise NotFound."""
    row = conn.execute(
        f"SELECT {CLIENT_COLUMNS} FROM clients WHERE id = %s", (as_uuid(client_id, "client"),)
    ).fetchone()
    if row is None:
        raise NotFound("No such client.", code="client_not_found")
    return row


def project(conn: psycopg.Connection, project_id) -> dict:
    """Return the visible project `project_id` (members only for employees); raise NotFound."""
    row = conn.execute(
        f"SELECT {PROJECT_COLUMNS} FROM {PROJECT_FROM} WHERE p.id = %s", (as_uuid(project_id, "project"),)
    ).fetchone()
    if row is None:
        raise NotFound("No such project.", code="project_not_found")
    return row


def task(conn: psycopg.Connection, task_id) -> dict:
    """Return the visible task `task_id` with its assignee ids; raise NotFound."""
    row = conn.execute(f"SELECT {TASK_COLUMNS} FROM tasks t WHERE t.id = %s", (as_uuid(task_id, "task"),)).fetchone()
    if row is None:
        raise NotFound("No such task.", code="task_not_found")
    return row


def budget(conn: psycopg.Connection, proj: dict) -> dict:
    """Return the budget and its consumption (raw hours and money of every entry, running ones up to now)."""
    used = conn.execute("SELECT seconds, billable_seconds, amount FROM app.project_usage(%s)", (proj["id"],)).fetchone()
    hours = round(used["seconds"] / 3600, 2)
    out = {
        "budget_hours": proj["budget_hours"],
        "budget_amount": proj["budget_amount"],
        "currency": proj["currency"],
        "used_seconds": used["seconds"],
        "used_hours": hours,
        "billable_seconds": used["billable_seconds"],
        "used_amount": used["amount"],
        "hours_percent": None,
        "amount_percent": None,
    }
    if proj["budget_hours"]:
        out["hours_percent"] = round(100 * hours / proj["budget_hours"], 1)
    if proj["budget_amount"]:
        out["amount_percent"] = round(100 * used["amount"] / proj["budget_amount"], 1)
    return out


def check_users(conn: psycopg.Connection, user_ids, field: str) -> list[str]:
    """Return `user_ids` as strings after checking each is an active user of the caller's company (422 otherwise)."""
    ids = list(dict.fromkeys(str(u) for u in user_ids))
    if not ids:
        return []
    found = {
        str(r["id"])
        for r in conn.execute(
            "SELECT id FROM users WHERE id = ANY(%s::uuid[]) AND company_id = app.company_id() AND status = 'active'",
            (ids,),
        ).fetchall()
    }
    missing = [u for u in ids if u not in found]
    if missing:
        raise Unprocessable(
            "Some users do not exist in this company.",
            code="user_not_found",
            fields={field: f"unknown users: {', '.join(missing)}"},
        )
    return ids


def add_members(conn: psycopg.Connection, company_id: str, project_id, user_ids, rate: int | None = None) -> None:
    """Make each of `user_ids` a member of `project_id` (existing memberships keep their rate unless `rate`)."""
    for uid in user_ids:
        conn.execute(
            "INSERT INTO project_members (company_id, project_id, user_id, hourly_rate)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT (project_id, user_id)"
            " DO UPDATE SET hourly_rate = coalesce(EXCLUDED.hourly_rate, project_members.hourly_rate)",
            (company_id, project_id, uid, rate),
        )


def members(conn: psycopg.Connection, project_id) -> list[dict]:
    """Return the project's members with names (employees see only their own membership)."""
    return conn.execute(
        "SELECT m.user_id, u.name, u.email, m.hourly_rate, m.created_at FROM project_members m"
        " JOIN users u ON u.id = m.user_id WHERE m.project_id = %s ORDER BY lower(u.name), m.user_id",
        (project_id,),
    ).fetchall()


def set_assignees(conn: psycopg.Connection, company_id: str, task_row: dict, user_ids) -> list[str]:
    """Replace the task's assignees with `user_ids` (each a member of the task's project); return the newly added."""
    ids = check_users(conn, user_ids, "assignee_ids")
    if ids:
        member_ids = {
            str(r["user_id"])
            for r in conn.execute(
                "SELECT user_id FROM project_members WHERE project_id = %s AND user_id = ANY(%s::uuid[])",
                (task_row["project_id"], ids),
            ).fetchall()
        }
        outsiders = [u for u in ids if u not in member_ids]
        if outsiders:
            raise Unprocessable(
                "Assignees must be members of the project.",
                code="not_a_member",
                fields={"assignee_ids": f"not members: {', '.join(outsiders)}"},
            )
    conn.execute(
        "DELETE FROM task_assignees WHERE task_id = %s AND NOT (user_id = ANY(%s::uuid[]))", (task_row["id"], ids)
    )
    added = []
    for uid in ids:
        if conn.execute(
            "INSERT INTO task_assignees (company_id, task_id, project_id, user_id) VALUES (%s, %s, %s, %s)"
            " ON CONFLICT DO NOTHING RETURNING user_id",
            (company_id, task_row["id"], task_row["project_id"], uid),
        ).fetchone():
            added.append(uid)
    return added


def update_row(conn: psycopg.Connection, table: str, row_id, changes: dict) -> None:
    """Apply `changes` (column -> value, names from a validated model) to row `row_id` of `table`."""
    if changes:
        sets = ", ".join(f"{col} = %({col})s" for col in changes)
        conn.execute(f"UPDATE {table} SET {sets}, updated_at = now() WHERE id = %(_id)s", {**changes, "_id": row_id})
