"""Shift routes: planned shifts in the employee's local time, each with its computed attendance flags."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.attendance import shifts
from workmonitor.attendance.models import ShiftIn, ShiftOut, ShiftPage, ShiftPatch
from workmonitor.errors import id_or_404
from workmonitor.web import body, caller, date_range, db, page, paginated, query_uuid, responds, roles

from .common import PLANNERS

bp = Blueprint("shifts", __name__)


@bp.post("/shifts")
@roles(*PLANNERS)
@responds(ShiftOut, 201, body=ShiftIn)
def create_shift():
    """Plan a shift for an employee one manages."""
    data = body(ShiftIn)
    me = caller()
    row = shifts.create(
        db(), me.company_id, me.user_id, data.user_id, data.date, data.start_time, data.end_time, data.note
    )
    return {"shift": row}, 201


@bp.get("/shifts")
@responds(ShiftPage)
def list_shifts():
    """List visible shifts (?from, ?to, ?user_id)."""
    limit, offset = page()
    frm, to = date_range()
    rows = shifts.listing(db(), caller().company_id, query_uuid("user_id"), frm, to, limit, offset)
    return paginated(rows, limit, offset)


@bp.get("/shifts/<shift_id>")
@responds(ShiftOut)
def get_shift(shift_id: str):
    """Read one shift with its attendance."""
    return {"shift": shifts.shift(db(), caller().company_id, id_or_404(shift_id, "shift"))}


@bp.patch("/shifts/<shift_id>")
@roles(*PLANNERS)
@responds(ShiftOut, body=ShiftPatch)
def patch_shift(shift_id: str):
    """Move a shift or change its note."""
    changes = body(ShiftPatch).model_dump(exclude_unset=True)
    return {"shift": shifts.update(db(), caller().company_id, id_or_404(shift_id, "shift"), changes)}


@bp.delete("/shifts/<shift_id>")
@roles(*PLANNERS)
@responds(None, 204)
def delete_shift(shift_id: str):
    """Delete a shift."""
    shifts.delete(db(), id_or_404(shift_id, "shift"))
    return "", 204
