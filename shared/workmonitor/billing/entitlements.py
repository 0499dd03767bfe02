"""Entitlements: what a company may do, from its subscription state (billing_accounts, migrations/0030).

Every function imports this module (web.py checks each write), so it reads no Stripe setting and no secret:
the state it needs is in the company's row, written by the billing and stripe-webhook functions. What must stay
true:
- no row (billing off, or a company billing never reached) → everything;
- trialing (until trial_end) and active → everything; past_due → everything with a warning until grace_until;
- after the grace, an ended trial without a subscription, unpaid, canceled → read-only for management: writes by
  admins and managers answer 402 payment_required; capture (agents, the timer, clocking) and every read keep
  working, so no data is ever dropped for non-payment.
No cache: a management write reads the row in the round trip that opens its transaction (web.db pipelines it
with the claims), so it costs no extra round trip and is the truth the moment a webhook commits (a cached copy
would keep a paid company locked, or a lapsed one open, for its lifetime). Other requests never read it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from ..db import Conn, Row
from ..errors import ApiError

Access = Literal["full", "warning", "read_only"]
# Functions whose writes are never management: sign-in and accounts, paying itself, Stripe, internal plumbing.
UNGATED_FUNCTIONS = frozenset({"auth", "billing", "stripe-webhook", "publish", "scheduler", "messaging"})
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ACCOUNT_COLUMNS = (
    "company_id, stripe_customer_id, stripe_subscription_id, price_id, status, seats, trial_end,"
    " current_period_end, cancel_at_period_end, past_due_since, grace_until, state_at"
)


class PaymentRequired(ApiError):
    status, code = 402, "payment_required"


def account(conn: Conn, company_id: str) -> Row | None:
    """Return the company's billing_accounts row, or None when billing never reached it."""
    return conn.execute(*query(company_id)).fetchone()


def access(row: Row | None, now: datetime | None = None) -> tuple[Access, str | None]:
    """Return (access, reason) for a billing row: reason says why in words a person understands (None when full)."""
    if row is None:
        return "full", None
    now = now or datetime.now(UTC)
    status = row["status"]
    if status == "active":
        return "full", None
    if status == "trialing":
        if row["stripe_subscription_id"] or row["trial_end"] is None or row["trial_end"] > now:
            return "full", None
        return "read_only", "The trial has ended. Choose a plan to keep managing your team."
    if status in ("past_due", "incomplete"):
        if row["grace_until"] is not None and row["grace_until"] > now:
            day = row["grace_until"].astimezone(UTC).date().isoformat()
            return "warning", f"The last payment failed. Update the payment method before {day} to keep full access."
        return "read_only", "The subscription is past due. Update the payment method to restore full access."
    if status in ("canceled", "incomplete_expired"):
        return "read_only", "The subscription is canceled. Choose a plan to restore full access."
    if status == "paused":
        return "read_only", "The subscription is paused. Resume it in Billing to restore full access."
    return "read_only", "The subscription is unpaid. Update the payment method to restore full access."


def gated(function: str, role: str, method: str, capture: bool) -> bool:
    """Return whether a request is a management write, the kind a read-only company refuses."""
    return method in WRITES and not capture and function not in UNGATED_FUNCTIONS and role in ("admin", "manager")


def query(company_id: str) -> tuple[str, tuple]:
    """Return (sql, params) reading the company's billing row (web.db runs it with the request's claims)."""
    return f"SELECT {ACCOUNT_COLUMNS} FROM billing_accounts WHERE company_id = %s", (company_id,)


def refuse_read_only(row: Row | None) -> None:
    """Raise PaymentRequired (402) when the billing row makes the company read-only for management."""
    level, reason = access(row)
    if level == "read_only":
        raise PaymentRequired(
            f"{reason} Until then the company is read-only for management; tracking keeps working.",
            extra={"billing": "read_only"},
        )
