"""The company's billing row: created on first use, moved only forward by Stripe's word (migrations/0030).

What must stay true: a state older than the stored one (`state_at`, Stripe's event time) never replaces it, and
a canceled subscription never comes back to life under the same id; a late event about a subscription the
company has since replaced changes nothing. Plain functions over a connection: no Stripe calls here.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ..db import Conn, Row
from .entitlements import ACCOUNT_COLUMNS

TERMINAL = ("canceled", "incomplete_expired")
DUNNING = ("past_due", "unpaid", "incomplete")


def ensure(conn: Conn, company_id: str, trial_days: int) -> Row:
    """Return the company's billing row, creating it (trialing from the company's creation) on first use."""
    conn.execute(
        "INSERT INTO billing_accounts (company_id, status, trial_end)"
        " SELECT id, 'trialing', created_at + make_interval(days => %s) FROM companies WHERE id = %s"
        " ON CONFLICT (company_id) DO NOTHING",
        (trial_days, company_id),
    )
    row = conn.execute(
        f"SELECT {ACCOUNT_COLUMNS}, subscription_item_id, updated_at FROM billing_accounts WHERE company_id = %s",
        (company_id,),
    ).fetchone()
    assert row is not None  # the caller's own company exists
    return row


def locked(conn: Conn, company_id: str) -> Row | None:
    """Return the company's billing row locked for update (None when it has none)."""
    return conn.execute(
        f"SELECT {ACCOUNT_COLUMNS}, subscription_item_id, updated_at FROM billing_accounts"
        " WHERE company_id = %s FOR UPDATE",
        (company_id,),
    ).fetchone()


def set_customer(conn: Conn, company_id: str, customer_id: str) -> None:
    """Remember the company's Stripe customer id."""
    conn.execute(
        "UPDATE billing_accounts SET stripe_customer_id = %s, updated_at = now() WHERE company_id = %s",
        (customer_id, company_id),
    )


def stamp(seconds: Any) -> datetime | None:
    """Return a Stripe Unix timestamp as an aware datetime (None stays None)."""
    return datetime.fromtimestamp(int(seconds), UTC) if seconds is not None else None


def subscription_fields(sub: dict) -> dict:
    """Return the columns a Stripe Subscription object fills (the first item is the per-seat price)."""
    items = (sub.get("items") or {}).get("data") or [{}]
    item = items[0]
    period_end = sub.get("current_period_end") or item.get("current_period_end")  # moved to items in 2025 APIs
    return {
        "stripe_subscription_id": sub["id"],
        "subscription_item_id": item.get("id"),
        "price_id": (item.get("price") or {}).get("id"),
        "seats": item.get("quantity"),
        "status": sub["status"],
        "trial_end": stamp(sub.get("trial_end")),
        "current_period_end": stamp(period_end),
        "cancel_at_period_end": bool(sub.get("cancel_at_period_end")),
    }


def apply_subscription(conn: Conn, company_id: str, sub: dict, at: datetime, grace_days: int) -> bool:
    """Store subscription `sub` as of Stripe time `at`; return whether anything changed (False for stale news)."""
    row = locked(conn, company_id)
    if row is None or at < row["state_at"]:
        return False
    current = row["stripe_subscription_id"]
    if current == sub["id"] and row["status"] in TERMINAL:
        return False  # a canceled subscription stays canceled: a new one gets a new id
    if current not in (None, sub["id"]) and (sub["status"] in TERMINAL or row["status"] not in TERMINAL):
        return False  # news about a subscription the company has replaced (or a second one) changes nothing
    fields = subscription_fields(sub)
    fields.update(_dunning(row, fields["status"], at, grace_days))
    changed = any(row.get(k) != v for k, v in fields.items()) or current != sub["id"]
    sets = ", ".join(f"{k} = %({k})s" for k in fields)  # keys from subscription_fields/_dunning only
    conn.execute(
        f"UPDATE billing_accounts SET {sets}, state_at = %(at)s, updated_at = now() WHERE company_id = %(cid)s",
        {**fields, "at": at, "cid": company_id},
    )
    return changed


def _dunning(row: Row, status: str, at: datetime, grace_days: int) -> dict:
    """Return past_due_since/grace_until for a move to `status`: set on entering dunning, kept while in it."""
    if status not in DUNNING:
        return {"past_due_since": None, "grace_until": None}
    if row["status"] in DUNNING and row["past_due_since"] is not None:
        return {"past_due_since": row["past_due_since"], "grace_until": row["grace_until"]}
    return {"past_due_since": at, "grace_until": at + timedelta(days=grace_days)}


def mark_invoice(
    conn: Conn, company_id: str, subscription_id: str | None, paid: bool, at: datetime, grace: int
) -> bool:
    """Move the subscription on an invoice's outcome (paid → active, failed → past_due); return whether it moved."""
    row = locked(conn, company_id)
    if row is None or subscription_id is None or row["stripe_subscription_id"] != subscription_id:
        return False
    if at < row["state_at"] or row["status"] in TERMINAL:
        return False
    if paid and row["status"] in DUNNING:
        status = "active"
    elif not paid and row["status"] in ("active", "trialing"):
        status = "past_due"
    else:
        return False
    dunning = _dunning(row, status, at, grace)
    conn.execute(
        "UPDATE billing_accounts SET status = %s, past_due_since = %s, grace_until = %s, state_at = %s,"
        " updated_at = now() WHERE company_id = %s",
        (status, dunning["past_due_since"], dunning["grace_until"], at, company_id),
    )
    return True


def active_members(conn: Conn, company_id: str) -> int:
    """Return the number of active members of the company: the seats it pays for."""
    row = conn.execute(
        "SELECT count(*) AS n FROM users WHERE company_id = %s AND status = 'active'", (company_id,)
    ).fetchone()
    assert row is not None
    return int(row["n"])
