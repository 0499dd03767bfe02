"""Leave routes: types (admins), requests (employees), decisions (assigned manager or admin), balances."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor import notify as notices
from workmonitor.errors import ValidationFailed
from workmonitor.web import body, caller, db, page, paginated, query_int, query_uuid, roles

from . import common as common
from . import leave as leave
from .inputs import (
    DecisionIn,
    LeaveRequestIn,
    LeaveTypeIn,
    LeaveTypePatch,
    date_range,
    parse_uuid,
)
from .web import notify, record_audit

bp = Blueprint("leave", __name__, url_prefix="/leave")
out = common.out
STATUSES = ("pending", "approved", "rejected", "cancelled")


@bp.get("/types")
def list_types():
    limit, offset = page()
    rows = leave.list_types(db(), request.args.get("archived") == "true", limit, offset)
    return out(paginated(rows, limit, offset))


@bp.post("/types")
@roles("admin")
def create_type():
    data = body(LeaveTypeIn)
    conn = db()
    row = leave.create_type(conn, caller().company_id, data.name, data.paid, data.allowance_days)
    record_audit(conn, "leave.type_created", "leave_type", row["id"], name=data.name)
    return out({"leave_type": row}), 201


@bp.patch("/types/<type_id>")
@roles("admin")
def patch_type(type_id: str):
    changes = body(LeaveTypePatch).model_dump(exclude_unset=True)
    if any(changes.get(k) is None for k in ("name", "paid", "archived") if k in changes):
        raise ValidationFailed("name, paid and archived cannot be null.", fields={"_": "null not allowed"})
    conn = db()
    row = leave.update_type(conn, parse_uuid(type_id, "leave type"), changes)
    record_audit(conn, "leave.type_changed", "leave_type", row["id"], changes=changes)
    return out({"leave_type": row})


@bp.post("/requests")
def create_request():
    data = body(LeaveRequestIn)
    me, conn = caller(), db()
    row = leave.request_leave(conn, me.company_id, me.user_id, me.role, data)
    name = common.user(conn, row["user_id"])["name"]
    for uid in notices.approvers_of(conn, row["user_id"]):
        if uid != me.user_id:
            notices.notify(
                conn,
                uid,
                "leave_requested",
                f"{name} requested leave {_span(row)}",
                row["reason"] or "",
                _note_data(row),
            )
    return out({"request": row}), 201


def _span(row: dict) -> str:
    return f"from {row['start_date']} to {row['end_date']}"


def _note_data(row: dict) -> dict:
    return {"leave_request_id": str(row["id"]), "user_id": str(row["user_id"]), "status": row["status"]}


@bp.get("/requests")
def list_requests():
    limit, offset = page()
    frm, to = date_range(max_days=3660)
    status = request.args.get("status") or None
    if status and status not in STATUSES:
        raise ValidationFailed("Unknown status.", fields={"status": ", ".join(STATUSES)})
    rows = leave.list_requests(db(), caller().company_id, query_uuid("user_id"), status, frm, to, limit, offset)
    return out(paginated(rows, limit, offset))


@bp.get("/requests/<request_id>")
def get_request(request_id: str):
    return out({"request": leave.get_request(db(), parse_uuid(request_id, "leave request"))})


def _decide(request_id: str, approve: bool):
    data = body(DecisionIn)
    conn = db()
    row = leave.decide(conn, parse_uuid(request_id, "leave request"), caller().user_id, approve, data.comment)
    record_audit(
        conn,
        f"leave.{row['status']}",
        "leave_request",
        row["id"],
        user_id=str(row["user_id"]),
        comment=data.comment,
        days=float(row["days"]),
    )
    notices.notify(
        conn,
        row["user_id"],
        "leave_decided",
        f"Your leave {_span(row)} was {row['status']}",
        data.comment or "",
        {**_note_data(row), "comment": data.comment},
    )
    result = out({"request": row})
    notify(row["user_id"], f"leave.{row['status']}", result)
    return result


@bp.post("/requests/<request_id>/approve")
@roles("admin", "manager")
def approve(request_id: str):
    return _decide(request_id, True)


@bp.post("/requests/<request_id>/reject")
@roles("admin", "manager")
def reject(request_id: str):
    return _decide(request_id, False)


@bp.post("/requests/<request_id>/cancel")
def cancel(request_id: str):
    conn = db()
    row = leave.cancel(conn, parse_uuid(request_id, "leave request"), caller().user_id)
    record_audit(conn, "leave.cancelled", "leave_request", row["id"], user_id=str(row["user_id"]))
    return out({"request": row})


@bp.get("/balances")
def balances():
    year = query_int("year", common.now().year, 2000, 2100)
    user_id = query_uuid("user_id") or caller().user_id
    return out({"user_id": user_id, "year": year, "balances": leave.balances(db(), user_id, year)})
