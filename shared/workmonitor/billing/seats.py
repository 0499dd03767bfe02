"""The seat-sync job: the subscription's quantity follows the company's active members (queued by
workmonitor.billing.sync on every team change). It reads the count when it runs, so several queued syncs end in the
same quantity; Stripe prorates. Retried with backoff while Stripe is unreachable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..db import Claims, transaction
from . import accounts, stripe_api

if TYPE_CHECKING:
    from stripe.params import SubscriptionUpdateParams


def sync_seats(company_id: str) -> str:
    """Set the subscription's quantity to the company's active members; return what happened. Idempotent."""
    with transaction(Claims.job(company_id)) as conn:
        row = accounts.locked(conn, company_id)
        if row is None or not row["stripe_subscription_id"] or row["status"] in accounts.TERMINAL:
            return "no-subscription"
        seats = max(accounts.active_members(conn, company_id), 1)
        if row["seats"] == seats:
            return "in-sync"
        sub_id, item_id = row["stripe_subscription_id"], row["subscription_item_id"]
        params: SubscriptionUpdateParams = {
            "items": [{"id": item_id, "quantity": seats}],
            "proration_behavior": "create_prorations",
        }
        # One key per (subscription, target, row version): a retried job repeats the same request, not a new one.
        key = f"wm-seats-{sub_id}-{seats}-{row['updated_at'].timestamp():.6f}"
        with stripe_api.translated():
            stripe_api.client().v1.subscriptions.update(sub_id, params=params, options={"idempotency_key": key})
        conn.execute(
            "UPDATE billing_accounts SET seats = %s, updated_at = now() WHERE company_id = %s", (seats, company_id)
        )
    return f"seats={seats}"
