"""Leave routes: types (admins), requests (employees), decisions (assigned manager or admin), balances."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.attendance import common, leave
from workmonitor.attendance.models import (
    Balances,
    DecisionIn,
    LeaveRequestIn,
    LeaveRequestOut,
    LeaveRequestPage,
    LeaveTypeIn,
    LeaveTypeOut,
    LeaveTypePage,
    LeaveTypePatch,
)
from workmonitor.errors import ValidationFailed, id_or_404
from workmonitor.publicapi import webhooks
from workmonitor.web import audit, body, caller, date_range, db, page, paginated, query_int, query_uuid, responds, roles

from .common import PLANNERS, notify

bp = Blueprint("leave", __name__, url_prefix="/leave")
STATUSES = ("pending", "approved", "rejected", "cancelled")


@bp.get("/types")
@responds(LeaveTypePage)
def list_types():
    """List the company's leave types (?archived=true: archived ones too)."""
    limit, offset = page()
    rows = leave.list_types(db(), request.args.get("archived") == "true", limit, offset)
    return paginated(rows, limit, offset)


@bp.post("/types")
@roles("admin")
@responds(LeaveTypeOut, 201, body=LeaveTypeIn)
def create_type():
    """Create a leave type (audited)."""
    data = body(LeaveTypeIn)
    conn = db()
    row = leave.create_type(conn, caller().company_id, data.name, data.paid, data.allowance_days)
    audit(conn, "leave.type_created", "leave_type", row["id"], dict(name=data.name))
    return {"leave_type": row}, 201


@bp.patch("/types/<type_id>")
@roles("admin")
@responds(LeaveTypeOut, body=LeaveTypePatch)
def patch_type(type_id: str):
    """Rename a leave type, change its allowance or archive it (audited)."""
    changes = body(LeaveTypePatch).model_dump(exclude_unset=True)
    if any(changes.get(k) is None for k in ("name", "paid", "archived") if k in changes):
        raise ValidationFailed("name, paid and archived cannot be null.", fields={"_": "null not allowed"})
    conn = db()
    row = leave.update_type(conn, id_or_404(type_id, "leave type"), changes)
    audit(conn, "leave.type_changed", "leave_type", row["id"], dict(changes=changes))
    return {"leave_type": row}


@bp.post("/requests")
@responds(LeaveRequestOut, 201, body=LeaveRequestIn)
def create_request():
    """Request leave (admins may for anyone); its approvers are notified."""
    data = body(LeaveRequestIn)
    me = caller()
    return {"request": leave.request_leave(db(), me.company_id, me.user_id, me.role, data)}, 201


@bp.get("/requests")
@responds(LeaveRequestPage)
def list_requests():
    """List visible leave requests (?user_id, ?status, ?from, ?to)."""
    limit, offset = page()
    frm, to = date_range(max_days=3660)
    status = request.args.get("status") or None
    if status and status not in STATUSES:
        raise ValidationFailed("Unknown status.", fields={"status": ", ".join(STATUSES)})
    rows = leave.list_requests(db(), caller().company_id, query_uuid("user_id"), status, frm, to, limit, offset)
    return paginated(rows, limit, offset)


@bp.get("/requests/<request_id>")
@responds(LeaveRequestOut)
def get_request(request_id: str):
    """Read one leave request."""
    return {"request": leave.get_request(db(), id_or_404(request_id, "leave request"))}


def _decide(request_id: str, approve: bool) -> dict:
    data = body(DecisionIn)
    conn = db()
    row = leave.decide(conn, id_or_404(request_id, "leave request"), caller().user_id, approve, data.comment)
    audit(
        conn,
        f"leave.{row['status']}",
        "leave_request",
        row["id"],
        dict(user_id=str(row["user_id"]), comment=data.comment, days=float(row["days"])),
    )
    result = {"request": row}
    notify(row["user_id"], f"leave.{row['status']}", result)
    webhooks.emit(conn, caller().company_id, "leave.decided", result)
    return result


@bp.post("/requests/<request_id>/approve")
@roles(*PLANNERS)
@responds(LeaveRequestOut, body=DecisionIn)
def approve(request_id: str):
    """Approve a pending request (the employee's manager or an admin)."""
    return _decide(request_id, True)


@bp.post("/requests/<request_id>/reject")
@roles(*PLANNERS)
@responds(LeaveRequestOut, body=DecisionIn)
def reject(request_id: str):
    """Reject a pending request (the employee's manager or an admin)."""
    return _decide(request_id, False)


@bp.post("/requests/<request_id>/cancel")
@responds(LeaveRequestOut)
def cancel(request_id: str):
    """Cancel a request (its owner before it starts, a manager or admin any time; audited)."""
    conn = db()
    row = leave.cancel(conn, id_or_404(request_id, "leave request"), caller().user_id)
    audit(conn, "leave.cancelled", "leave_request", row["id"], dict(user_id=str(row["user_id"])))
    return {"request": row}


@bp.get("/balances")
@responds(Balances)
def balances():
    """Allowance, used, pending and remaining days per leave type in a year (?year, ?user_id)."""
    year = query_int("year", common.now().year, 2000, 2100)
    user_id = query_uuid("user_id") or caller().user_id
    return {"user_id": user_id, "year": year, "balances": leave.balances(db(), user_id, year)}
