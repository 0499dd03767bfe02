"""Task routes: list and create per project, read, edit, move and delete."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.projects import store
from workmonitor.projects.models import StatusIn, TaskIn, TaskOut, TaskPage, TaskPatch
from workmonitor.web import body, caller, db, page, paginated, query_uuid, responds, roles

from .common import PLANNERS

bp = Blueprint("tasks", __name__)


@bp.get("/projects/<project_id>/tasks")
@responds(TaskPage)
def list_tasks(project_id: str):
    """List a project's tasks (?status, ?assignee_id)."""
    limit, offset = page()
    rows = store.list_tasks(db(), project_id, request.args.get("status"), query_uuid("assignee_id"), limit, offset)
    return paginated(rows, limit, offset)


@bp.post("/projects/<project_id>/tasks")
@roles(*PLANNERS)
@responds(TaskOut, 201, body=TaskIn)
def create_task(project_id: str):
    """Create a task and assign it."""
    me = caller()
    return {"task": store.create_task(db(), me.company_id, me.user_id, project_id, body(TaskIn))}, 201


@bp.get("/tasks/<task_id>")
@responds(TaskOut)
def get_task(task_id: str):
    """Read one task."""
    return {"task": store.task(db(), task_id)}


@bp.patch("/tasks/<task_id>")
@roles(*PLANNERS)
@responds(TaskOut, body=TaskPatch)
def update_task(task_id: str):
    """Edit a task and its assignees."""
    changes = body(TaskPatch).model_dump(exclude_unset=True)
    me = caller()
    return {"task": store.update_task(db(), me.company_id, me.user_id, task_id, changes)}


@bp.post("/tasks/<task_id>/status")
@responds(TaskOut, body=StatusIn)
def set_task_status(task_id: str):
    """Move a task (its assignees may too)."""
    return {"task": store.set_task_status(db(), task_id, body(StatusIn).status)}


@bp.delete("/tasks/<task_id>")
@roles(*PLANNERS)
@responds(None, 204)
def delete_task(task_id: str):
    """Delete a task."""
    store.delete_task(db(), task_id)
    return "", 204
