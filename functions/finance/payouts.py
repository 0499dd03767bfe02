"""Payout routes: contracts, milestones and their escrow (fund, release, refund), hourly payouts, payout states."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.billing import connect
from workmonitor.finance import payouts
from workmonitor.finance.models import (
    ConnectAccountIn,
    ContractIn,
    ContractOut,
    ContractPage,
    EscrowIn,
    HourlyPayoutIn,
    MilestoneIn,
    MilestoneOut,
    PayoutOut,
    PayoutPage,
    PayoutStateIn,
    ReleaseIn,
    ReleaseOut,
)
from workmonitor.web import audit, body, caller, db, page, paginated, release_db, responds, roles

bp = Blueprint("payouts", __name__)


def _contract(contract_id) -> dict:
    conn = db()
    c = payouts.contract(conn, contract_id)
    return {"contract": c, "milestones": payouts.milestones(conn, c["id"]), "trail": payouts.trail(conn, c["id"])}


@bp.get("/contracts")
@responds(ContractPage)
def list_contracts():
    """Contracts (admins: all; contractors: their own)."""
    limit, offset = page()
    return paginated(payouts.contracts(db(), limit, offset), limit, offset)


@bp.post("/contracts")
@roles("admin")
@responds(ContractOut, 201, body=ContractIn)
def create_contract():
    """Create a milestone or hourly contract for a contractor."""
    row = payouts.create_contract(db(), caller(), body(ContractIn).model_dump())
    return _contract(row["id"]), 201


@bp.get("/contracts/<contract_id>")
@responds(ContractOut)
def get_contract(contract_id: str):
    """A contract with its milestones and audit trail."""
    return _contract(contract_id)


@bp.put("/contracts/<contract_id>/connect-account")
@roles("admin")
@responds(ContractOut, body=ConnectAccountIn)
def set_connect_account(contract_id: str):
    """Set (or clear, null) the contractor's Stripe connected account: released milestones are transferred to it
    when the company has its Stripe key in Billing."""
    data = body(ConnectAccountIn)
    conn = db()
    row = payouts.set_connect_account(conn, contract_id, data.account_id)
    action = "finance.contract_connect_set" if data.account_id else "finance.contract_connect_cleared"
    audit(conn, action, "contract", row["id"], {"account_id": data.account_id})
    return _contract(row["id"])


@bp.post("/contracts/<contract_id>/milestones")
@roles("admin")
@responds(MilestoneOut, 201, body=MilestoneIn)
def add_milestone(contract_id: str):
    """Add a milestone."""
    data = body(MilestoneIn)
    return {"milestone": payouts.add_milestone(db(), caller(), contract_id, data.title, data.amount_minor)}, 201


@bp.post("/milestones/<milestone_id>/fund")
@roles("admin")
@responds(MilestoneOut, body=EscrowIn)
def fund(milestone_id: str):
    """Fund a milestone's escrow (default: the rest of its amount)."""
    return {"milestone": payouts.fund(db(), caller(), milestone_id, body(EscrowIn).amount_minor)}


@bp.post("/milestones/<milestone_id>/release")
@roles("admin")
@responds(ReleaseOut, body=ReleaseIn)
def release(milestone_id: str):
    """Release held escrow to the contractor as a payout (409 beyond what is held); a Stripe Transfer to the
    contract's connected account when the company has Stripe (502 transfer_refused: nothing released)."""
    data = body(ReleaseIn)
    try:
        return connect.release(db(), caller(), milestone_id, data.amount_minor, data.method, data.reference)
    except connect.TransferRefused:
        release_db()  # keep the refusal in the trail (the release itself went back to its savepoint)
        raise


@bp.post("/milestones/<milestone_id>/refund")
@roles("admin")
@responds(MilestoneOut, body=EscrowIn)
def refund(milestone_id: str):
    """Refund held escrow to the company."""
    return {"milestone": payouts.refund(db(), caller(), milestone_id, body(EscrowIn).amount_minor)}


@bp.post("/contracts/<contract_id>/hourly-payouts")
@roles("admin")
@responds(PayoutOut, 201, body=HourlyPayoutIn)
def hourly_payout(contract_id: str):
    """Pay an hourly contract's approved hours of one week, capped at its weekly cap."""
    data = body(HourlyPayoutIn)
    row = payouts.hourly_payout(db(), caller(), contract_id, data.week_start, data.method, data.reference)
    return {"payout": row}, 201


@bp.get("/payouts")
@responds(PayoutPage)
def list_payouts():
    """Payouts (admins: all; contractors: their own)."""
    limit, offset = page()
    return paginated(payouts.payouts(db(), limit, offset), limit, offset)


@bp.post("/payouts/<payout_id>/state")
@roles("admin")
@responds(PayoutOut, body=PayoutStateIn)
def set_state(payout_id: str):
    """Mark a pending payout paid or failed."""
    data = body(PayoutStateIn)
    return {"payout": payouts.set_payout_state(db(), caller(), payout_id, data.state, data.reference)}
