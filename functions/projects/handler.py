"""projects: clients, projects (rates, budgets, archive), project membership and tasks with assignees."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from flask import request
from pydantic import Field, StringConstraints

from workmonitor import notify
from workmonitor.errors import Conflict, Forbidden, NotFound, ValidationFailed
from workmonitor.schemas import Email, Input, Name
from workmonitor.web import body, caller, create_function, db, page, paginated, query_uuid, roles

from . import store as store

app = create_function("projects")
PLANNERS = ("admin", "manager")

Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$", to_lower=True)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Rate = Annotated[int, Field(ge=0, le=100_000_000)]
Notes = Annotated[str, StringConstraints(max_length=5000)]
TaskStatus = Literal["todo", "in_progress", "done"]


class ClientIn(Input):
    name: Name
    email: Email | None = None
    notes: Notes | None = None


class ClientPatch(Input):
    name: Name | None = None
    email: Email | None = None
    notes: Notes | None = None
    archived: bool | None = None


class ProjectPatch(Input):
    name: Name | None = None
    client_id: uuid.UUID | None = None
    color: Color | None = None
    billable: bool | None = None
    hourly_rate: Rate | None = None
    currency: Currency | None = None
    budget_hours: Annotated[Decimal, Field(gt=0, lt=100_000_000, decimal_places=2)] | None = None
    budget_amount: Annotated[int, Field(gt=0, le=10**15)] | None = None
    archived: bool | None = None


class ProjectIn(ProjectPatch):
    name: Name
    member_ids: list[uuid.UUID] = Field(default_factory=list, max_length=1000)


class MemberIn(Input):
    user_id: uuid.UUID
    hourly_rate: Rate | None = None


class TaskPatch(Input):
    name: Name | None = None
    description: Notes | None = None
    status: TaskStatus | None = None
    due_date: date | None = None
    estimate_minutes: Annotated[int, Field(gt=0, le=1_000_000)] | None = None
    assignee_ids: list[uuid.UUID] | None = Field(default=None, max_length=200)


class TaskIn(TaskPatch):
    name: Name
    status: TaskStatus = "todo"


def _flag(name: str) -> bool | None:
    raw = request.args.get(name, "")
    if raw in ("", "all"):
        return None
    if raw not in ("true", "false"):
        raise ValidationFailed(f"{name} must be true, false or all.", fields={name: "true, false or all"})
    return raw == "true"


def _for_caller(proj: dict) -> dict:
    """Return `proj` with rates and money budgets hidden from employees (planners' business)."""
    if caller().role in PLANNERS:
        return proj
    return {**proj, "hourly_rate": None, "budget_amount": None}


def _project_out(conn, proj: dict) -> dict:
    planner = caller().role in PLANNERS
    return {"project": _for_caller(proj), "budget": store.budget(conn, proj) if planner else None}


# --- clients -----------------------------------------------------------------------------------------------


@app.get("/clients")
def list_clients():
    limit, offset = page()
    rows = (
        db()
        .execute(
            f"SELECT {store.CLIENT_COLUMNS} FROM clients WHERE (%(a)s::boolean IS NULL OR archived = %(a)s)"
            " ORDER BY lower(name), id LIMIT %(limit)s OFFSET %(offset)s",
            {"a": _flag("archived") if request.args.get("archived") else False, "limit": limit + 1, "offset": offset},
        )
        .fetchall()
    )
    return paginated(rows, limit, offset)


@app.post("/clients")
@roles(*PLANNERS)
def create_client():
    data = body(ClientIn)
    row = (
        db()
        .execute(
            f"INSERT INTO clients (company_id, name, email, notes) VALUES (%s, %s, %s, %s)"
            f" RETURNING {store.CLIENT_COLUMNS}",
            (caller().company_id, data.name, data.email, data.notes),
        )
        .fetchone()
    )
    return {"client": row}, 201


@app.get("/clients/<client_id>")
def get_client(client_id: str):
    return {"client": store.client(db(), client_id)}


@app.patch("/clients/<client_id>")
@roles(*PLANNERS)
def update_client(client_id: str):
    data = body(ClientPatch)
    conn = db()
    row = store.client(conn, client_id)
    store.update_row(conn, "clients", row["id"], data.model_dump(exclude_unset=True))
    return {"client": store.client(conn, row["id"])}


# --- projects ----------------------------------------------------------------------------------------------


@app.get("/projects")
def list_projects():
    limit, offset = page()
    q = (request.args.get("q") or "").strip()[:100].replace("%", r"\%").replace("_", r"\_")
    archived = _flag("archived") if request.args.get("archived") else False
    rows = (
        db()
        .execute(
            f"SELECT {store.PROJECT_COLUMNS} FROM {store.PROJECT_FROM}"
            " WHERE (%(a)s::boolean IS NULL OR p.archived = %(a)s) AND (%(c)s::uuid IS NULL OR p.client_id = %(c)s)"
            " AND (%(q)s = '' OR p.name ILIKE '%%' || %(q)s || '%%')"
            " ORDER BY lower(p.name), p.id LIMIT %(limit)s OFFSET %(offset)s",
            {"a": archived, "c": query_uuid("client_id"), "q": q, "limit": limit + 1, "offset": offset},
        )
        .fetchall()
    )
    return paginated([_for_caller(r) for r in rows], limit, offset)


@app.post("/projects")
@roles(*PLANNERS)
def create_project():
    data = body(ProjectIn)
    me, conn = caller(), db()
    if data.client_id:
        store.client(conn, data.client_id)
    currency = (
        data.currency
        or conn.execute("SELECT currency FROM companies WHERE id = %s", (me.company_id,)).fetchone()["currency"]
    )
    member_ids = store.check_users(conn, data.member_ids, "member_ids")
    row = conn.execute(
        "INSERT INTO projects (company_id, client_id, name, color, billable, hourly_rate, currency, budget_hours,"
        " budget_amount, archived, created_by) VALUES (%s, %s, %s, coalesce(%s, '#4f46e5'), coalesce(%s, true),"
        " %s, %s, %s, %s, coalesce(%s, false), %s) RETURNING id",
        (
            me.company_id,
            data.client_id,
            data.name,
            data.color,
            data.billable,
            data.hourly_rate,
            currency,
            data.budget_hours,
            data.budget_amount,
            data.archived,
            me.user_id,
        ),
    ).fetchone()
    store.add_members(conn, me.company_id, row["id"], member_ids)
    return _project_out(conn, store.project(conn, row["id"])), 201


@app.get("/projects/<project_id>")
def get_project(project_id: str):
    conn = db()
    return _project_out(conn, store.project(conn, project_id))


@app.patch("/projects/<project_id>")
@roles(*PLANNERS)
def update_project(project_id: str):
    data = body(ProjectPatch)
    conn = db()
    proj = store.project(conn, project_id)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("client_id"):
        store.client(conn, changes["client_id"])
    if "currency" in changes and changes["currency"] is None:
        raise ValidationFailed("A project needs a currency.", fields={"currency": "may not be null"})
    for col in ("name", "color", "billable", "archived"):
        if col in changes and changes[col] is None:
            raise ValidationFailed(f"{col} may not be null.", fields={col: "may not be null"})
    store.update_row(conn, "projects", proj["id"], changes)
    return _project_out(conn, store.project(conn, proj["id"]))


@app.get("/projects/<project_id>/budget")
@roles(*PLANNERS)
def project_budget(project_id: str):
    conn = db()
    return {"budget": store.budget(conn, store.project(conn, project_id))}


# --- membership --------------------------------------------------------------------------------------------


@app.get("/projects/<project_id>/members")
def list_members(project_id: str):
    conn = db()
    proj = store.project(conn, project_id)
    return {"items": store.members(conn, proj["id"])}


@app.post("/projects/<project_id>/members")
@roles(*PLANNERS)
def add_member(project_id: str):
    data = body(MemberIn)
    conn = db()
    proj = store.project(conn, project_id)
    store.add_members(
        conn, caller().company_id, proj["id"], store.check_users(conn, [data.user_id], "user_id"), data.hourly_rate
    )
    return {"items": store.members(conn, proj["id"])}, 201


@app.delete("/projects/<project_id>/members/<user_id>")
@roles(*PLANNERS)
def remove_member(project_id: str, user_id: str):
    conn = db()
    proj = store.project(conn, project_id)
    row = conn.execute(
        "DELETE FROM project_members WHERE project_id = %s AND user_id = %s RETURNING user_id",
        (proj["id"], store.as_uuid(user_id, "member")),
    ).fetchone()
    if row is None:
        raise NotFound("This user is not a member of the project.", code="member_not_found")
    conn.execute("DELETE FROM task_assignees WHERE project_id = %s AND user_id = %s", (proj["id"], row["user_id"]))
    return "", 204


# --- tasks -------------------------------------------------------------------------------------------------


@app.get("/projects/<project_id>/tasks")
def list_tasks(project_id: str):
    limit, offset = page()
    conn = db()
    proj = store.project(conn, project_id)
    status = request.args.get("status")
    if status and status not in ("todo", "in_progress", "done"):
        raise ValidationFailed("Unknown status.", fields={"status": "todo, in_progress or done"})
    assignee = query_uuid("assignee_id")
    rows = conn.execute(
        f"SELECT {store.TASK_COLUMNS} FROM tasks t WHERE t.project_id = %(p)s"
        " AND (%(s)s::text IS NULL OR t.status = %(s)s) AND (%(a)s::uuid IS NULL OR EXISTS"
        " (SELECT 1 FROM task_assignees x WHERE x.task_id = t.id AND x.user_id = %(a)s))"
        " ORDER BY t.due_date NULLS LAST, lower(t.name), t.id LIMIT %(limit)s OFFSET %(offset)s",
        {"p": proj["id"], "s": status, "a": assignee, "limit": limit + 1, "offset": offset},
    ).fetchall()
    return paginated(rows, limit, offset)


@app.post("/projects/<project_id>/tasks")
@roles(*PLANNERS)
def create_task(project_id: str):
    data = body(TaskIn)
    me, conn = caller(), db()
    proj = store.project(conn, project_id)
    if proj["archived"]:
        raise Conflict("This project is archived.", code="project_archived")
    row = conn.execute(
        "INSERT INTO tasks (company_id, project_id, name, description, status, due_date, estimate_minutes, created_by)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id, project_id",
        (
            me.company_id,
            proj["id"],
            data.name,
            data.description,
            data.status,
            data.due_date,
            data.estimate_minutes,
            me.user_id,
        ),
    ).fetchone()
    added = store.set_assignees(conn, me.company_id, row, data.assignee_ids or [])
    task = store.task(conn, row["id"])
    _notify_assigned(conn, task, added)
    return {"task": task}, 201


def _notify_assigned(conn, task: dict, user_ids: list[str]) -> None:
    """Notify each newly added assignee (not the planner who assigned themself) in the request's transaction."""
    me = caller().user_id
    for uid in user_ids:
        if uid != me:
            notify.notify(
                conn,
                uid,
                "task_assigned",
                f"You were assigned to {task['name']}",
                task["description"] or "",
                {"task_id": str(task["id"]), "project_id": str(task["project_id"])},
            )


@app.get("/tasks/<task_id>")
def get_task(task_id: str):
    return {"task": store.task(db(), task_id)}


@app.patch("/tasks/<task_id>")
@roles(*PLANNERS)
def update_task(task_id: str):
    data = body(TaskPatch)
    conn = db()
    row = store.task(conn, task_id)
    changes = data.model_dump(exclude_unset=True)
    assignees = changes.pop("assignee_ids", None)
    for col in ("name", "status"):
        if col in changes and changes[col] is None:
            raise ValidationFailed(f"{col} may not be null.", fields={col: "may not be null"})
    store.update_row(conn, "tasks", row["id"], changes)
    added = store.set_assignees(conn, caller().company_id, row, assignees) if assignees is not None else []
    task = store.task(conn, row["id"])
    _notify_assigned(conn, task, added)
    return {"task": task}


class StatusIn(Input):
    status: TaskStatus


@app.post("/tasks/<task_id>/status")
def set_task_status(task_id: str):
    data = body(StatusIn)
    conn = db()
    row = store.task(conn, task_id)
    done = conn.execute("UPDATE tasks SET status = %s WHERE id = %s RETURNING id", (data.status, row["id"])).fetchone()
    if done is None:  # RLS: only planners and the task's assignees may move it
        raise Forbidden("Only an assignee, a manager or an admin may change this task.", code="not_assigned")
    return {"task": store.task(conn, row["id"])}


@app.delete("/tasks/<task_id>")
@roles(*PLANNERS)
def delete_task(task_id: str):
    conn = db()
    row = store.task(conn, task_id)
    conn.execute("DELETE FROM tasks WHERE id = %s", (row["id"],))
    return "", 204
