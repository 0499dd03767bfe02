"""Contractor payouts and escrow (no Flask): contracts with milestones or an hourly cap, milestones funded into
escrow and released or refunded, payout records, and an append-only trail of every money move.

Moving money through a provider is the billing function's job (workmonitor.billing.connect: Stripe Connect
transfers); here the records, states and rules are exact: no release beyond what was funded and no double release
(CHECK constraints in the database, plus row locks), and a payout's state only moves forward: pending → paid or
failed, paid → reversed (a transfer taken back); `reversed_minor` only grows.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from ..db import Conn, Row
from ..errors import Conflict, NotFound, Unprocessable, ValidationFailed, id_or_404
from ..time.timecalc import local_range
from . import money

CONTRACT_COLUMNS = (
    "id, user_id, title, kind, hourly_rate, weekly_cap_hours, currency, status, stripe_account_id, created_at"
)
MILESTONE_COLUMNS = (
    "id, contract_id, user_id, title, amount_minor, funded_minor, released_minor, refunded_minor, status, created_at"
)
PAYOUT_COLUMNS = (
    "id, user_id, contract_id, milestone_id, amount_minor, currency, method, reference, state, stripe_transfer_id,"
    " reversed_minor, created_at, updated_at"
)
ACCOUNT_RE = re.compile(r"^acct_[A-Za-z0-9]{6,250}$")


def _event(conn: Conn, me, user_id, action: str, amount: int | None = None, **refs) -> None:
    """Append to the trail; `me` None is the company's job (Stripe's word through the webhook), acting for nobody."""
    conn.execute(
        "INSERT INTO payout_events (company_id, user_id, contract_id, milestone_id, payout_id, action, amount_minor,"
        " actor_id) VALUES (app.company_id(), %s, %s, %s, %s, %s, %s, %s)",
        (
            user_id,
            refs.get("contract_id"),
            refs.get("milestone_id"),
            refs.get("payout_id"),
            action,
            amount,
            me.user_id if me is not None else None,
        ),
    )


def create_contract(conn: Conn, me, data: dict) -> Row:
    """Create a contract for contractor `user_id`; return it."""
    row = conn.execute(
        "INSERT INTO contracts (company_id, user_id, title, kind, hourly_rate, weekly_cap_hours, currency, created_by)"
        f" VALUES (app.company_id(), %s, %s, %s, %s, %s, %s, %s) RETURNING {CONTRACT_COLUMNS}",
        (
            data["user_id"],
            data["title"],
            data["kind"],
            data.get("hourly_rate"),
            data.get("weekly_cap_hours"),
            data["currency"],
            me.user_id,
        ),
    ).fetchone()
    assert row is not None
    _event(conn, me, row["user_id"], "contract_created", contract_id=row["id"])
    return row


def set_connect_account(conn: Conn, contract_id, account_id: str | None) -> Row:
    """Set (or clear, None) the contractor's Stripe connected account of a contract; return the contract. Raise
    400 for an id that is not acct_…, 404 for a contract the caller cannot see."""
    if account_id is not None and not ACCOUNT_RE.match(account_id):
        raise ValidationFailed(
            "Not a Stripe connected account id.", fields={"account_id": "a connected account id (acct_…)"}
        )
    c = contract(conn, contract_id)
    row = conn.execute(
        f"UPDATE contracts SET stripe_account_id = %s WHERE id = %s RETURNING {CONTRACT_COLUMNS}", (account_id, c["id"])
    ).fetchone()
    assert row is not None  # visible above; only admins reach this
    return row


def contract(conn: Conn, contract_id) -> Row:
    """Return the visible contract; raise NotFound."""
    contract_id = id_or_404(contract_id, "contract", code="contract_not_found")
    row = conn.execute(f"SELECT {CONTRACT_COLUMNS} FROM contracts WHERE id = %s", (contract_id,)).fetchone()
    if row is None:
        raise NotFound("No such contract.", code="contract_not_found")
    return row


def contracts(conn: Conn, limit: int, offset: int) -> list[Row]:
    """Return visible contracts (own for contractors), newest first (limit + 1 rows)."""
    return conn.execute(
        f"SELECT {CONTRACT_COLUMNS} FROM contracts ORDER BY created_at DESC, id LIMIT %s OFFSET %s", (limit + 1, offset)
    ).fetchall()


def milestones(conn: Conn, contract_id) -> list[Row]:
    """Return a contract's milestones, oldest first."""
    return conn.execute(
        f"SELECT {MILESTONE_COLUMNS} FROM milestones WHERE contract_id = %s ORDER BY created_at, id", (contract_id,)
    ).fetchall()


def add_milestone(conn: Conn, me, contract_id, title: str, amount_minor: int) -> Row:
    """Add a milestone to a milestone contract; return it."""
    c = contract(conn, contract_id)
    if c["kind"] != "milestone" or c["status"] != "active":
        raise Conflict("Milestones belong to an active milestone contract.", code="invalid_state")
    row = conn.execute(
        "INSERT INTO milestones (company_id, contract_id, user_id, title, amount_minor)"
        f" VALUES (app.company_id(), %s, %s, %s, %s) RETURNING {MILESTONE_COLUMNS}",
        (c["id"], c["user_id"], title, amount_minor),
    ).fetchone()
    assert row is not None
    _event(conn, me, c["user_id"], "milestone_created", amount_minor, contract_id=c["id"], milestone_id=row["id"])
    return row


def locked_milestone(conn: Conn, milestone_id) -> Row:
    """Return the visible milestone locked for update; raise NotFound."""
    milestone_id = id_or_404(milestone_id, "milestone", code="milestone_not_found")
    row = conn.execute(
        f"SELECT {MILESTONE_COLUMNS} FROM milestones WHERE id = %s FOR UPDATE", (milestone_id,)
    ).fetchone()
    if row is None:
        raise NotFound("No such milestone.", code="milestone_not_found")
    return row


def _status(m: Row) -> str:
    held = m["funded_minor"] - m["released_minor"] - m["refunded_minor"]
    if m["funded_minor"] == 0:
        return "pending"
    if held > 0:
        return "partially_released" if m["released_minor"] else "funded"
    return "released" if m["released_minor"] else "refunded"


def _save(conn: Conn, m: Row, **changes: int) -> Row:
    new = {**m, **changes}
    row = conn.execute(
        "UPDATE milestones SET funded_minor = %s, released_minor = %s, refunded_minor = %s, status = %s"
        f" WHERE id = %s RETURNING {MILESTONE_COLUMNS}",
        (new["funded_minor"], new["released_minor"], new["refunded_minor"], _status(new), m["id"]),
    ).fetchone()
    assert row is not None
    return row


def fund(conn: Conn, me, milestone_id, amount_minor: int | None) -> Row:
    """Fund a milestone's escrow (default: the rest of its amount); raise 409 beyond the milestone amount."""
    m = locked_milestone(conn, milestone_id)
    amount = amount_minor if amount_minor is not None else m["amount_minor"] - m["funded_minor"]
    if amount <= 0 or m["funded_minor"] + amount > m["amount_minor"]:
        raise Conflict("Escrow cannot hold more than the milestone amount.", code="overfunded")
    row = _save(conn, m, funded_minor=m["funded_minor"] + amount)
    _event(conn, me, m["user_id"], "funded", amount, contract_id=m["contract_id"], milestone_id=m["id"])
    return row


def release(
    conn: Conn,
    me,
    milestone_id,
    amount_minor: int | None,
    method: str,
    reference: str | None,
    payout_id: str | None = None,
) -> dict:
    """Release escrow to the contractor as a pending payout (default: all that is held; `payout_id` given or new);
    raise 409 when nothing (or less than asked) is held: no release beyond funded, no double release. Return
    {milestone, payout}."""
    m = locked_milestone(conn, milestone_id)
    held = m["funded_minor"] - m["released_minor"] - m["refunded_minor"]
    amount = amount_minor if amount_minor is not None else held
    if amount <= 0 or amount > held:
        raise Conflict(f"Only {held} minor units are held in escrow.", code="not_funded")
    c = contract(conn, m["contract_id"])
    row = _save(conn, m, released_minor=m["released_minor"] + amount)
    payout = conn.execute(
        "INSERT INTO payouts (id, company_id, user_id, contract_id, milestone_id, amount_minor, currency, method,"
        " reference, created_by) VALUES (coalesce(%s, gen_random_uuid()), app.company_id(), %s, %s, %s, %s, %s, %s,"
        f" %s, %s) RETURNING {PAYOUT_COLUMNS}",
        (payout_id, m["user_id"], c["id"], m["id"], amount, c["currency"], method, reference, me.user_id),
    ).fetchone()
    assert payout is not None
    _event(
        conn, me, m["user_id"], "released", amount, contract_id=c["id"], milestone_id=m["id"], payout_id=payout["id"]
    )
    return {"milestone": row, "payout": payout}


def refund(conn: Conn, me, milestone_id, amount_minor: int | None) -> Row:
    """Refund held escrow to the company (default: all that is held); raise 409 when nothing is held."""
    m = locked_milestone(conn, milestone_id)
    held = m["funded_minor"] - m["released_minor"] - m["refunded_minor"]
    amount = amount_minor if amount_minor is not None else held
    if amount <= 0 or amount > held:
        raise Conflict(f"Only {held} minor units are held in escrow.", code="not_funded")
    row = _save(conn, m, refunded_minor=m["refunded_minor"] + amount)
    _event(conn, me, m["user_id"], "refunded", amount, contract_id=m["contract_id"], milestone_id=m["id"])
    return row


def hourly_payout(conn: Conn, me, contract_id, week_start: date, method: str, reference: str | None) -> Row:
    """Create a payout for an hourly contract's approved hours of one week, capped at the weekly cap."""
    c = contract(conn, contract_id)
    if c["kind"] != "hourly":
        raise Conflict("Only an hourly contract is paid by the hour.", code="invalid_state")
    tz = conn.execute("SELECT timezone FROM companies WHERE id = app.company_id()").fetchone()
    assert tz is not None
    start, end = local_range(week_start, week_start + timedelta(days=6), tz["timezone"])
    row = conn.execute(
        "SELECT coalesce(sum(extract(epoch FROM e.ended_at - e.started_at)), 0)::bigint AS secs FROM time_entries e"
        " JOIN timesheets t ON t.user_id = e.user_id AND t.status = 'approved'"
        "  AND e.started_at >= t.starts_at AND e.started_at < t.locked_until"
        " WHERE e.user_id = %s AND e.ended_at IS NOT NULL AND e.started_at >= %s AND e.started_at < %s",
        (c["user_id"], start, end),
    ).fetchone()
    secs = row["secs"] if row else 0
    if c["weekly_cap_hours"] is not None:
        secs = min(secs, int(Decimal(c["weekly_cap_hours"]) * 3600))
    amount = money.time_amount(secs, Decimal(c["hourly_rate"]), c["currency"].strip())
    if amount <= 0:
        raise Unprocessable("No approved hours to pay in that week.", code="nothing_to_pay")
    payout = conn.execute(
        "INSERT INTO payouts (company_id, user_id, contract_id, amount_minor, currency, method, reference, created_by)"
        f" VALUES (app.company_id(), %s, %s, %s, %s, %s, %s, %s) RETURNING {PAYOUT_COLUMNS}",
        (c["user_id"], c["id"], amount, c["currency"], method, reference, me.user_id),
    ).fetchone()
    assert payout is not None
    _event(conn, me, c["user_id"], "payout_created", amount, contract_id=c["id"], payout_id=payout["id"])
    return payout


def set_payout_state(conn: Conn, me, payout_id, state: str, reference: str | None) -> Row:
    """Mark a pending payout paid or failed (once); return it."""
    payout_id = id_or_404(payout_id, "payout", code="payout_not_found")
    row = conn.execute(
        f"UPDATE payouts SET state = %s, reference = coalesce(%s, reference), updated_at = now()"
        f" WHERE id = %s AND state = 'pending' RETURNING {PAYOUT_COLUMNS}",
        (state, reference, payout_id),
    ).fetchone()
    if row is None:
        if conn.execute("SELECT 1 FROM payouts WHERE id = %s", (payout_id,)).fetchone() is None:
            raise NotFound("No such payout.", code="payout_not_found")
        raise Conflict("This payout is not pending.", code="invalid_state")
    _event(
        conn,
        me,
        row["user_id"],
        f"payout_{state}",
        row["amount_minor"],
        contract_id=row["contract_id"],
        milestone_id=row["milestone_id"],
        payout_id=row["id"],
    )
    return row


def payouts(conn: Conn, limit: int, offset: int) -> list[Row]:
    """Return visible payouts (own for contractors), newest first (limit + 1 rows)."""
    return conn.execute(
        f"SELECT {PAYOUT_COLUMNS} FROM payouts ORDER BY created_at DESC, id LIMIT %s OFFSET %s", (limit + 1, offset)
    ).fetchall()


def trail(conn: Conn, contract_id) -> list[Row]:
    """Return a contract's audit trail, oldest first."""
    return conn.execute(
        "SELECT id, contract_id, milestone_id, payout_id, action, amount_minor, actor_id, created_at FROM payout_events"
        " WHERE contract_id = %s ORDER BY id",
        (contract_id,),
    ).fetchall()


# --- Stripe Connect transfers: recorded here, made by workmonitor.billing.connect -------------------------------


def refused_transfers(conn: Conn, milestone_id) -> int:
    """Return how many transfers Stripe refused for the milestone (each refusal makes the next try a new request)."""
    row = conn.execute(
        "SELECT count(*) AS n FROM payout_events WHERE milestone_id = %s AND action = 'transfer_refused'",
        (milestone_id,),
    ).fetchone()
    return int(row["n"]) if row else 0


def transfer_refused(conn: Conn, me, m: Row, amount_minor: int | None) -> None:
    """Record in the trail that Stripe refused a transfer for milestone `m` (nothing was released)."""
    _event(conn, me, m["user_id"], "transfer_refused", amount_minor, contract_id=m["contract_id"], milestone_id=m["id"])


def payout_of_transfer(conn: Conn, transfer_id: str, payout_id: str | None) -> Row | None:
    """Return the payout of Stripe transfer `transfer_id` (or of `payout_id` not yet linked), locked; None if none."""
    row = conn.execute(
        f"SELECT {PAYOUT_COLUMNS} FROM payouts WHERE stripe_transfer_id = %s FOR UPDATE", (transfer_id,)
    ).fetchone()
    if row is None and payout_id:
        row = conn.execute(
            f"SELECT {PAYOUT_COLUMNS} FROM payouts WHERE id = %s AND stripe_transfer_id IS NULL FOR UPDATE",
            (payout_id,),
        ).fetchone()
    return row


def apply_transfer(conn: Conn, me, payout: Row, transfer: dict) -> tuple[Row, bool]:
    """Move `payout` (locked) to what Stripe transfer `transfer` says, only forward: pending → paid, and reversed
    once wholly taken back; a partial reversal only grows `reversed_minor`. `me` None: the company's job.
    Return (the payout, whether it changed). Raise 409 when the transfer does not match the payout."""
    if payout["stripe_transfer_id"] not in (None, transfer["id"]) or transfer.get("amount") != payout["amount_minor"]:
        raise Conflict("This transfer belongs to another payout.", code="transfer_mismatch")
    reversed_minor = max(
        payout["reversed_minor"], min(int(transfer.get("amount_reversed") or 0), payout["amount_minor"])
    )
    state = payout["state"]
    if transfer.get("reversed") or reversed_minor >= payout["amount_minor"]:
        state, reversed_minor = "reversed", payout["amount_minor"]
    elif state == "pending":
        state = "paid"
    if (state, reversed_minor, payout["stripe_transfer_id"]) == (
        payout["state"],
        payout["reversed_minor"],
        transfer["id"],
    ):
        return payout, False
    row = conn.execute(
        "UPDATE payouts SET state = %s, reversed_minor = %s, stripe_transfer_id = %s, updated_at = now()"
        f" WHERE id = %s RETURNING {PAYOUT_COLUMNS}",
        (state, reversed_minor, transfer["id"], payout["id"]),
    ).fetchone()
    assert row is not None
    refs = {"contract_id": row["contract_id"], "milestone_id": row["milestone_id"], "payout_id": row["id"]}
    if state == "paid" and payout["state"] == "pending":
        _event(conn, me, row["user_id"], "payout_paid", row["amount_minor"], **refs)
    if reversed_minor > payout["reversed_minor"]:
        _event(conn, me, row["user_id"], "payout_reversed", reversed_minor - payout["reversed_minor"], **refs)
    return row, True
