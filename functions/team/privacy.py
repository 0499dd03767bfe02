"""The privacy center: what is captured about the caller and who viewed it, exports, erasure requests (admins
decide; offboarding takes the same steps)."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.errors import NotFound, ValidationFailed, id_or_404
from workmonitor.privacy import access, center, erasure, export
from workmonitor.privacy.models import (
    AccessPage,
    DataExportOut,
    DataExports,
    DecisionIn,
    ErasureIn,
    ErasureOut,
    ErasurePage,
    PrivacyOut,
)
from workmonitor.web import audit, body, caller, db, page, paginated, responds, roles

bp = Blueprint("privacy", __name__)
STATUSES = ("pending", "approved", "rejected", "completed", "failed")


@bp.get("/privacy")
@responds(PrivacyOut)
def overview():
    """The caller's consent history, what each client captures now, and what is held about them."""
    me = caller()
    return center.overview(db(), me.company_id, me.user_id)


@bp.get("/privacy/access-log")
@responds(AccessPage)
def access_log():
    """Who viewed the caller's screenshots, recordings and GPS points, and when (newest first)."""
    limit, offset = page()
    return paginated(access.list_for(db(), caller().user_id, limit, offset), limit, offset)


@bp.post("/privacy/exports")
@responds(DataExportOut, 202)
def request_export():
    """Start an export of everything about the caller (ZIP of JSON and CSV plus files); mailed when ready."""
    me = caller()
    conn = db()
    row = export.request_export(conn, me.company_id, me.user_id)
    audit(conn, "privacy.export_requested", "data_export", str(row["id"]))
    return {"export": export.view(row)}, 202


@bp.get("/privacy/exports")
@responds(DataExports)
def list_exports():
    """The caller's exports, newest first (ready ones with a 15-minute download link)."""
    rows = (
        db()
        .execute(
            "SELECT * FROM data_exports WHERE user_id = %s ORDER BY requested_at DESC LIMIT 20", (caller().user_id,)
        )
        .fetchall()
    )
    return {"items": [export.view(r) for r in rows]}


@bp.get("/privacy/exports/<export_id>")
@responds(DataExportOut)
def get_export(export_id: str):
    """One of the caller's exports with its progress (and a 15-minute download link once ready)."""
    row = (
        db()
        .execute(
            "SELECT * FROM data_exports WHERE id = %s AND user_id = %s",
            (id_or_404(export_id, "export"), caller().user_id),
        )
        .fetchone()
    )
    if row is None:
        raise NotFound("No such export.", code="export_not_found")
    return {"export": export.view(row)}


@bp.post("/privacy/erasure")
@responds(ErasureOut, 201, body=ErasureIn)
def request_erasure():
    """Ask for the caller's captured data to be erased (an admin decides)."""
    data = body(ErasureIn)
    conn = db()
    row = erasure.request(conn, caller().user_id, data.reason)
    audit(conn, "privacy.erasure_requested", "erasure_request", str(row["id"]))
    return {"request": row}, 201


@bp.get("/privacy/erasure-requests")
@responds(ErasurePage)
def list_erasure_requests():
    """Erasure requests: an admin sees the company's (?status), anyone else their own."""
    limit, offset = page()
    status = request.args.get("status")
    if status is not None and status not in STATUSES:
        raise ValidationFailed("Unknown status.", fields={"status": f"one of {', '.join(STATUSES)}"})
    return paginated(erasure.list_requests(db(), status, limit, offset), limit, offset)


def _decide(request_id: str, approve: bool):
    data = body(DecisionIn)
    conn = db()
    row = erasure.decide(conn, request_id, caller().user_id, approve, data.note)
    action = "privacy.erasure_approved" if approve else "privacy.erasure_rejected"
    audit(conn, action, "erasure_request", str(row["id"]), {"user_id": str(row["user_id"])})
    return {"request": row}


@bp.post("/privacy/erasure-requests/<request_id>/approve")
@roles("admin")
@responds(ErasureOut, body=DecisionIn)
def approve_erasure(request_id: str):
    """Approve an erasure request: captured data is deleted and the person pseudonymized (in the background)."""
    return _decide(request_id, True)


@bp.post("/privacy/erasure-requests/<request_id>/reject")
@roles("admin")
@responds(ErasureOut, body=DecisionIn)
def reject_erasure(request_id: str):
    """Reject an erasure request, with a note for the person."""
    return _decide(request_id, False)


@bp.post("/users/<user_id>/offboard")
@roles("admin")
@responds(ErasureOut, 201, body=DecisionIn)
def offboard(user_id: str):
    """Offboard a member: deactivate them now and erase their captured data the way an erasure does."""
    data = body(DecisionIn)
    conn = db()
    row = erasure.offboard(conn, user_id, caller().user_id, data.note)
    audit(conn, "privacy.offboarded", "user", user_id, {"request_id": str(row["id"])})
    return {"request": row}, 201
