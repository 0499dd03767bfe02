"""Manager assignment routes: list (everyone sees what RLS shows them), assign and unassign (admins).

The manager filter is `?manager_id=`; `?team=` is accepted as its synonym, because the activity reports
(`/function/activity/usage|daily|productivity?team=<manager id>`) name the same filter `team`. Giving both with
different values is a 400.
"""

from __future__ import annotations

from flask import Blueprint

from workmonitor.errors import ValidationFailed, id_or_404
from workmonitor.team import assignments
from workmonitor.team.models import AssignmentIn, AssignmentOut, AssignmentPage, AssignmentQuery, TeamIn, TeamOut
from workmonitor.web import audit, body, caller, db, page, paginated, query_uuid, responds, roles

bp = Blueprint("assignments", __name__)


def _manager_filter() -> str | None:
    """Return the manager id of ?manager_id= or its synonym ?team= (400 when malformed or contradictory)."""
    manager, team = query_uuid("manager_id"), query_uuid("team")
    if manager and team and manager != team:
        raise ValidationFailed(
            "manager_id and team name the same filter; give one.", fields={"team": "differs from manager_id"}
        )
    return manager or team


@bp.get("/assignments")
@responds(AssignmentPage, query=AssignmentQuery)
def list_assignments():
    """Manager assignments, oldest first (?manager_id= or ?team=: one manager's)."""
    limit, offset = page()
    rows = assignments.list_assignments(db(), caller().company_id, _manager_filter(), limit, offset)
    return paginated(rows, limit, offset)


@bp.post("/assignments")
@roles("admin")
@responds(AssignmentOut, 201, body=AssignmentIn)
def assign():
    """Assign an employee to a manager."""
    data = body(AssignmentIn)
    conn = db()
    row = assignments.assign(conn, caller().company_id, data.manager_id, data.employee_id)
    audit(conn, "team.manager_assigned", "user", data.employee_id, {"manager_id": str(data.manager_id)})
    return {"assignment": row}, 201


@bp.delete("/assignments/<manager_id>/<employee_id>")
@roles("admin")
@responds(None, 204)
def unassign(manager_id: str, employee_id: str):
    """Remove an assignment."""
    conn = db()
    assignments.unassign(conn, manager_id, employee_id)
    audit(conn, "team.manager_unassigned", "user", employee_id, {"manager_id": manager_id})
    return "", 204


@bp.put("/managers/<manager_id>/employees")
@roles("admin")
@responds(TeamOut, body=TeamIn)
def set_team(manager_id: str):
    """Make the given employees exactly the manager's people (bulk assign and unassign)."""
    data = body(TeamIn)
    conn = db()
    out = assignments.set_team(conn, caller().company_id, id_or_404(manager_id, "user"), data.employee_ids)
    for employee_id in out["added"]:
        audit(conn, "team.manager_assigned", "user", employee_id, {"manager_id": str(out["manager_id"])})
    for employee_id in out["removed"]:
        audit(conn, "team.manager_unassigned", "user", employee_id, {"manager_id": str(out["manager_id"])})
    return out
