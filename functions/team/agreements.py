"""Work agreement routes: propose (admins), list, and accept, decline or revoke (the employee; admins revoke)."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.integrations import alerts
from workmonitor.team import agreements
from workmonitor.team.models import AgreementIn, AgreementOut, Agreements
from workmonitor.web import after_commit, audit, body, caller, db, responds, roles

bp = Blueprint("agreements", __name__)


@bp.get("/users/<user_id>/agreements")
@responds(Agreements)
def list_agreements(user_id: str):
    """A person's agreements, newest first."""
    me = caller()
    return {"items": agreements.list_for_user(db(), user_id, me.user_id, me.role)}


@bp.post("/users/<user_id>/agreements")
@roles("admin")
@responds(AgreementOut, 201, body=AgreementIn)
def propose_agreement(user_id: str):
    """Propose an agreement; it supersedes the current one, so capture pauses until it is accepted."""
    data = body(AgreementIn)
    me, conn = caller(), db()
    row = agreements.propose(conn, me.company_id, me.user_id, user_id, data, after_commit)
    kinds = {"screenshots": data.screenshots, "activity": data.activity, "gps": data.gps}
    audit(conn, "consent.proposed", "user", row["user_id"], kinds)
    return {"agreement": row}, 201


def _transition(agreement_id: str, to: str) -> dict:
    me, conn = caller(), db()
    row = agreements.transition(conn, agreement_id, to, me.user_id, me.role, after_commit)
    audit(conn, f"consent.{to}", "user", row["user_id"], {"agreement_id": str(row["id"])})
    if to in ("declined", "revoked"):  # monitoring consent withdrawn or refused: the admins should know
        alerts.raise_alert(conn, me.company_id, "consent_changed", subject_user_id=row["user_id"], actor_id=me.user_id,
                           details={"change": to})  # fmt: skip
    return {"agreement": row}


@bp.post("/agreements/<agreement_id>/accept")
@responds(AgreementOut)
def accept_agreement(agreement_id: str):
    """The employee accepts a proposed agreement: capture may start."""
    return _transition(agreement_id, "accepted")


@bp.post("/agreements/<agreement_id>/decline")
@responds(AgreementOut)
def decline_agreement(agreement_id: str):
    """The employee declines a proposed agreement."""
    return _transition(agreement_id, "declined")


@bp.post("/agreements/<agreement_id>/revoke")
@responds(AgreementOut)
def revoke_agreement(agreement_id: str):
    """The employee (or an admin) withdraws an agreement: capture stops at once."""
    return _transition(agreement_id, "revoked")
