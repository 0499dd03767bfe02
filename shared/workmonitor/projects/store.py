"""Projects domain logic (no Flask): clients, projects, members, tasks and budget consumption, all under RLS.

Every function takes the request's connection (its transaction carries the caller's claims), so RLS decides
what is visible; functions raise the library's errors, which the factory renders.
"""

from __future__ import annotations

from typing import Any

from .. import notify
from ..db import Conn, like_pattern
from ..errors import Conflict, Forbidden, NotFound, Unprocessable, ValidationFailed, id_or_404
from .models import ClientIn, ProjectIn, TaskIn

CLIENT_COLUMNS = "id, name, email, notes, archived, created_at, updated_at"
PROJECT_COLUMNS = (
    "p.id, p.client_id, c.name AS client_name, p.name, p.color, p.billable, p.hourly_rate, p.currency,"
    " p.budget_hours, p.budget_amount, p.archived, p.created_by, p.created_at,"
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


def client(conn: Conn, client_id) -> dict:
    """Return the visible client `client_id`; raise NotFound."""
    row = conn.execute(
        f"SELECT {CLIENT_COLUMNS} FROM clients WHERE id = %s", (as_uuid(client_id, "client"),)
    ).fetchone()
    if row is None:
        raise NotFound("No such client.", code="client_not_found")
    return row


def project(conn: Conn, project_id) -> dict:
    """Return the visible project `project_id` (members only for employees); raise NotFound."""
    row = conn.execute(
        f"SELECT {PROJECT_COLUMNS} FROM {PROJECT_FROM} WHERE p.id = %s", (as_uuid(project_id, "project"),)
    ).fetchone()
    if row is None:
        raise NotFound("No such project.", code="project_not_found")
    return row


def task(conn: Conn, task_id) -> dict:
    """Return the visible task `task_id` with its assignee ids; raise NotFound."""
    row = conn.execute(f"SELECT {TASK_COLUMNS} FROM tasks t WHERE t.id = %s", (as_uuid(task_id, "task"),)).fetchone()
    if row is None:
        raise NotFound("No such task.", code="task_not_found")
    return row


def budget(conn: Conn, proj: dict) -> dict:
    """Return the budget and its consumption (raw hours and money of every entry, running ones up to now)."""
    used = conn.execute("SELECT seconds, billable_seconds, amount FROM app.project_usage(%s)", (proj["id"],)).fetchone()
    assert used is not None  # app.project_usage is one aggregate row
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
        out["hours_percent"] = round(100 * hours / float(proj["budget_hours"]), 1)
    if proj["budget_amount"]:
        out["amount_percent"] = round(100 * used["amount"] / proj["budget_amount"], 1)
    return out


def check_users(conn: Conn, user_ids, field: str) -> list[str]:
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


def add_members(conn: Conn, company_id: str, project_id, user_ids, rate: int | None = None) -> None:
    """Make each of `user_ids` a member of `project_id` (existing memberships keep their rate unless `rate`)."""
    for uid in user_ids:
        conn.execute(
            "INSERT INTO project_members (company_id, project_id, user_id, hourly_rate)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT (project_id, user_id)"
            " DO UPDATE SET hourly_rate = coalesce(EXCLUDED.hourly_rate, project_members.hourly_rate)",
            (company_id, project_id, uid, rate),
        )


def members(conn: Conn, project_id) -> list[dict]:
    """Return the project's members with names (employees see only their own membership)."""
    return conn.execute(
        "SELECT m.user_id, u.name, u.email, m.hourly_rate, m.created_at FROM project_members m"
        " JOIN users u ON u.id = m.user_id WHERE m.project_id = %s ORDER BY lower(u.name), m.user_id",
        (project_id,),
    ).fetchall()


def set_assignees(conn: Conn, company_id: str, task_row: dict, user_ids) -> list[str]:
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


def update_row(conn: Conn, table: str, row_id, changes: dict) -> None:
    """Apply `changes` (column -> value, names from a validated model) to row `row_id` of `table`."""
    if changes:
        sets = ", ".join(f"{col} = %({col})s" for col in changes)
        conn.execute(f"UPDATE {table} SET {sets}, updated_at = now() WHERE id = %(_id)s", {**changes, "_id": row_id})


def list_clients(conn: Conn, archived: bool | None, limit: int, offset: int) -> list[dict]:
    """Return up to `limit` + 1 clients by name (`archived` None: both)."""
    return conn.execute(
        f"SELECT {CLIENT_COLUMNS} FROM clients WHERE (%(a)s::boolean IS NULL OR archived = %(a)s)"
        " ORDER BY lower(name), id LIMIT %(limit)s OFFSET %(offset)s",
        {"a": archived, "limit": limit + 1, "offset": offset},
    ).fetchall()


def create_client(conn: Conn, company_id: str, data: ClientIn) -> dict:
    """Create a client; return it."""
    row = conn.execute(
        f"INSERT INTO clients (company_id, name, email, notes) VALUES (%s, %s, %s, %s) RETURNING {CLIENT_COLUMNS}",
        (company_id, data.name, data.email, data.notes),
    ).fetchone()
    assert row is not None
    return row


def list_projects(
    conn: Conn, archived: bool | None, client_id: str | None, q: str, limit: int, offset: int
) -> list[dict]:
    """Return up to `limit` + 1 visible projects by name, filtered by archive state, client and name text."""
    return conn.execute(
        f"SELECT {PROJECT_COLUMNS} FROM {PROJECT_FROM}"
        " WHERE (%(a)s::boolean IS NULL OR p.archived = %(a)s) AND (%(c)s::uuid IS NULL OR p.client_id = %(c)s)"
        " AND (%(q)s = '' OR p.name ILIKE '%%' || %(q)s || '%%')"
        " ORDER BY lower(p.name), p.id LIMIT %(limit)s OFFSET %(offset)s",
        {"a": archived, "c": client_id, "q": like_pattern(q), "limit": limit + 1, "offset": offset},
    ).fetchall()


def create_project(conn: Conn, company_id: str, user_id: str, data: ProjectIn) -> dict:
    """Create a project (currency defaults to the company's) with its first members; return it."""
    if data.client_id:
        client(conn, data.client_id)
    member_ids = check_users(conn, data.member_ids, "member_ids")
    row = conn.execute(
        "INSERT INTO projects (company_id, client_id, name, color, billable, hourly_rate, currency, budget_hours,"
        " budget_amount, archived, created_by) VALUES (%s, %s, %s, coalesce(%s, '#4f46e5'), coalesce(%s, true),"
        " %s, coalesce(%s, (SELECT currency FROM companies WHERE id = %s)), %s, %s, coalesce(%s, false), %s)"
        " RETURNING id",
        (
            company_id,
            data.client_id,
            data.name,
            data.color,
            data.billable,
            data.hourly_rate,
            data.currency,
            company_id,
            data.budget_hours,
            data.budget_amount,
            data.archived,
            user_id,
        ),
    ).fetchone()
    assert row is not None
    add_members(conn, company_id, row["id"], member_ids)
    return project(conn, row["id"])


def update_project(conn: Conn, project_id: str, changes: dict[str, Any]) -> dict:
    """Apply validated `changes` to a project (null only where a column allows it); return it."""
    proj = project(conn, project_id)
    if changes.get("client_id"):
        client(conn, changes["client_id"])
    if "currency" in changes and changes["currency"] is None:
        raise ValidationFailed("A project needs a currency.", fields={"currency": "may not be null"})
    for col in ("name", "color", "billable", "archived"):
        if col in changes and changes[col] is None:
            raise ValidationFailed(f"{col} may not be null.", fields={col: "may not be null"})
    update_row(conn, "projects", proj["id"], changes)
    return project(conn, proj["id"])


def remove_member(conn: Conn, project_id: str, user_id: str) -> None:
    """Remove a member (and their task assignments) from a project; raise NotFound when not a member."""
    proj = project(conn, project_id)
    row = conn.execute(
        "DELETE FROM project_members WHERE project_id = %s AND user_id = %s RETURNING user_id",
        (proj["id"], as_uuid(user_id, "member")),
    ).fetchone()
    if row is None:
        raise NotFound("This user is not a member of the project.", code="member_not_found")
    conn.execute("DELETE FROM task_assignees WHERE project_id = %s AND user_id = %s", (proj["id"], row["user_id"]))


def list_tasks(
    conn: Conn, project_id: str, status: str | None, assignee_id: str | None, limit: int, offset: int
) -> list[dict]:
    """Return up to `limit` + 1 tasks of a visible project, by due date then name."""
    proj = project(conn, project_id)
    if status and status not in ("todo", "in_progress", "done"):
        raise ValidationFailed("Unknown status.", fields={"status": "todo, in_progress or done"})
    return conn.execute(
        f"SELECT {TASK_COLUMNS} FROM tasks t WHERE t.project_id = %(p)s"
        " AND (%(s)s::text IS NULL OR t.status = %(s)s) AND (%(a)s::uuid IS NULL OR EXISTS"
        " (SELECT 1 FROM task_assignees x WHERE x.task_id = t.id AND x.user_id = %(a)s))"
        " ORDER BY t.due_date NULLS LAST, lower(t.name), t.id LIMIT %(limit)s OFFSET %(offset)s",
        {"p": proj["id"], "s": status or None, "a": assignee_id, "limit": limit + 1, "offset": offset},
    ).fetchall()


def create_task(conn: Conn, company_id: str, user_id: str, project_id: str, data: TaskIn) -> dict:
    """Create a task in an open project, assign it and notify the new assignees; return it."""
    proj = project(conn, project_id)
    if proj["archived"]:
        raise Conflict("This project is archived.", code="project_archived")
    row = conn.execute(
        "INSERT INTO tasks (company_id, project_id, name, description, status, due_date, estimate_minutes, created_by)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id, project_id",
        (
            company_id,
            proj["id"],
            data.name,
            data.description,
            data.status,
            data.due_date,
            data.estimate_minutes,
            user_id,
        ),
    ).fetchone()
    assert row is not None
    added = set_assignees(conn, company_id, row, data.assignee_ids or [])
    out = task(conn, row["id"])
    notify_assigned(conn, user_id, out, added)
    return out


def update_task(conn: Conn, company_id: str, user_id: str, task_id: str, changes: dict[str, Any]) -> dict:
    """Apply validated `changes` (assignees included) to a task, notify new assignees; return it."""
    row = task(conn, task_id)
    assignees = changes.pop("assignee_ids", None)
    for col in ("name", "status"):
        if col in changes and changes[col] is None:
            raise ValidationFailed(f"{col} may not be null.", fields={col: "may not be null"})
    update_row(conn, "tasks", row["id"], changes)
    added = set_assignees(conn, company_id, row, assignees) if assignees is not None else []
    out = task(conn, row["id"])
    notify_assigned(conn, user_id, out, added)
    return out


def set_task_status(conn: Conn, task_id: str, status: str) -> dict:
    """Move a task to `status`; raise Forbidden unless the caller is a planner or an assignee (RLS decides)."""
    row = task(conn, task_id)
    done = conn.execute("UPDATE tasks SET status = %s WHERE id = %s RETURNING id", (status, row["id"])).fetchone()
    if done is None:
        raise Forbidden("Only an assignee, a manager or an admin may change this task.", code="not_assigned")
    return task(conn, row["id"])


def delete_task(conn: Conn, task_id: str) -> None:
    """Delete a visible task; raise NotFound."""
    row = task(conn, task_id)
    conn.execute("DELETE FROM tasks WHERE id = %s", (row["id"],))


def notify_assigned(conn: Conn, actor_id: str, task_row: dict, user_ids: list[str]) -> None:
    """Notify each newly added assignee (not the planner who assigned themself) in the caller's transaction."""
    for uid in user_ids:
        if uid != actor_id:
            notify.notify(
                conn,
                uid,
                "task_assigned",
                f"You were assigned to {task_row['name']}",
                task_row["description"] or "",
                {"task_id": str(task_row["id"]), "project_id": str(task_row["project_id"])},
            )
