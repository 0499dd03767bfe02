"""Seat sync on team changes: invite, accept, deactivate and reactivate record a SYNC_SEATS job in their own
transaction, nothing more, so a Stripe outage never blocks a team change (the job, workmonitor.billing.seats,
catches up). No Stripe import here: the team and auth functions import this module.
"""

from __future__ import annotations

from ..db import Conn
from ..jobs import registry
from ..jobs.outbox import Defer


def queue_sync(conn: Conn, company_id: object, defer: Defer | None = None) -> str | None:
    """Record a seat sync for the company when it has a subscription; return the job id (None when not needed)."""
    row = conn.execute(
        "SELECT stripe_subscription_id FROM billing_accounts WHERE company_id = %s", (str(company_id),)
    ).fetchone()
    if row is None or not row["stripe_subscription_id"]:
        return None
    return registry.SYNC_SEATS.enqueue(conn, str(company_id), defer=defer)
