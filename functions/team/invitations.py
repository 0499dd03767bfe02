"""Invitation routes: invite by email (admins; managers invite employees), list, revoke."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.team import invitations
from workmonitor.team.models import InvitationOut, InvitationPage, InviteIn
from workmonitor.web import after_commit, audit, body, caller, db, page, paginated, responds, roles

bp = Blueprint("invitations", __name__)


@bp.post("/invitations")
@roles("admin", "manager")
@responds(InvitationOut, 201, body=InviteIn)
def invite():
    """Invite a person; the link goes out by email once committed."""
    data = body(InviteIn)
    me, conn = caller(), db()
    inv = invitations.create(conn, me.company_id, me.user_id, me.role, data, after_commit)
    audit(conn, "team.invited", "invitation", inv["id"], {"email": data.email, "role": data.role})
    return {"invitation": inv}, 201


@bp.get("/invitations")
@roles("admin", "manager")
@responds(InvitationPage)
def list_invitations():
    """Open invitations, newest first (?all=true: accepted and revoked ones too)."""
    limit, offset = page()
    rows = invitations.list_invitations(db(), caller().company_id, request.args.get("all") == "true", limit, offset)
    return paginated(rows, limit, offset)


@bp.delete("/invitations/<inv_id>")
@roles("admin")
@responds(None, 204)
def revoke_invitation(inv_id: str):
    """Revoke an open invitation (its link answers 410 from then on)."""
    conn = db()
    audit(conn, "team.invitation_revoked", "invitation", invitations.revoke(conn, inv_id))
    return "", 204
