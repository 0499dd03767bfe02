"""Project routes: list, create, read, edit, budget and membership."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.db import Conn
from workmonitor.projects import store
from workmonitor.projects.models import BudgetOut, MemberIn, Members, ProjectIn, ProjectOut, ProjectPage, ProjectPatch
from workmonitor.web import body, caller, db, page, paginated, query_uuid, responds, roles

from .common import PLANNERS, flag, is_planner

bp = Blueprint("projects", __name__)


def _for_caller(proj: dict) -> dict:
    """Return `proj` with rates and money budgets hidden from employees (planners' business)."""
    return proj if is_planner() else {**proj, "hourly_rate": None, "budget_amount": None}


def _project_out(conn: Conn, proj: dict) -> dict:
    return {"project": _for_caller(proj), "budget": store.budget(conn, proj) if is_planner() else None}


@bp.get("/projects")
@responds(ProjectPage)
def list_projects():
    """List visible projects (?archived, ?client_id, ?q)."""
    limit, offset = page()
    rows = store.list_projects(
        db(), flag("archived", False), query_uuid("client_id"), request.args.get("q") or "", limit, offset
    )
    return paginated([_for_caller(r) for r in rows], limit, offset)


@bp.post("/projects")
@roles(*PLANNERS)
@responds(ProjectOut, 201, body=ProjectIn)
def create_project():
    """Create a project with its first members."""
    me, conn = caller(), db()
    return _project_out(conn, store.create_project(conn, me.company_id, me.user_id, body(ProjectIn))), 201


@bp.get("/projects/<project_id>")
@responds(ProjectOut)
def get_project(project_id: str):
    """Read one project (with its budget for planners)."""
    conn = db()
    return _project_out(conn, store.project(conn, project_id))


@bp.patch("/projects/<project_id>")
@roles(*PLANNERS)
@responds(ProjectOut, body=ProjectPatch)
def update_project(project_id: str):
    """Edit or archive a project."""
    conn = db()
    return _project_out(conn, store.update_project(conn, project_id, body(ProjectPatch).model_dump(exclude_unset=True)))


@bp.get("/projects/<project_id>/budget")
@roles(*PLANNERS)
@responds(BudgetOut)
def project_budget(project_id: str):
    """The project's budget consumption."""
    conn = db()
    return {"budget": store.budget(conn, store.project(conn, project_id))}


@bp.get("/projects/<project_id>/members")
@responds(Members)
def list_members(project_id: str):
    """The project's members (employees see only their own membership)."""
    conn = db()
    return {"items": store.members(conn, store.project(conn, project_id)["id"])}


@bp.post("/projects/<project_id>/members")
@roles(*PLANNERS)
@responds(Members, 201, body=MemberIn)
def add_member(project_id: str):
    """Add a member (or change a member's rate)."""
    data = body(MemberIn)
    conn = db()
    proj = store.project(conn, project_id)
    users = store.check_users(conn, [data.user_id], "user_id")
    store.add_members(conn, caller().company_id, proj["id"], users, data.hourly_rate)
    return {"items": store.members(conn, proj["id"])}, 201


@bp.delete("/projects/<project_id>/members/<user_id>")
@roles(*PLANNERS)
@responds(None, 204)
def remove_member(project_id: str, user_id: str):
    """Remove a member and their task assignments."""
    store.remove_member(db(), project_id, user_id)
    return "", 204
