"""Stripe Connect payouts (issue 16): releasing a milestone of a contract whose contractor has a connected account
(`contracts.stripe_account_id`) creates a Stripe Transfer with the company's own key; the payout follows it.

What must stay true:
- release and transfer are one: the transfer is made inside the release's transaction, after the release's rows
  are written (a database refusal never follows a transfer). Stripe refusing (no money moved) takes the release back
  to its savepoint and only the refusal stays in the trail; a lost or 5xx answer rolls the whole request back with
  "try again" (503);
- a transfer is made at most once per release step: its Idempotency-Key and the payout id (a uuid5 of the key, sent
  in the metadata) derive from the milestone, what it had released before and how many transfers Stripe refused
  for it, so a retried release sends the very same request and Stripe answers with the transfer it already made.
  A refusal moves the key on: Stripe replays a stored error for a key, and a fixed account or a topped-up balance
  deserves a fresh try;
- without the company's Stripe key or a connected account on the contract, a release is what it always was;
- the company's transfer.created/updated/reversed events move the payout only forward (finance.payouts), as the
  company's job, once per event id (client_pay.process claims it).
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

import stripe

from ..db import Claims, Conn, set_claims
from ..errors import ApiError, Conflict
from ..finance import payouts
from . import client_pay, stripe_api

if TYPE_CHECKING:
    from stripe.params import TransferCreateParams

log = logging.getLogger("workmonitor.billing")
TRANSFER_EVENTS = ("transfer.created", "transfer.updated", "transfer.reversed")
METHOD = "stripe_connect"
NAMESPACE = uuid.UUID("5f1d7c2e-8a43-4b8e-9a51-0c6f3e2d7b10")  # payout ids of Connect releases (uuid5 of the key)


class TransferRefused(ApiError):
    """Stripe refused the transfer (no money moved): nothing was released; the refusal is kept in the trail."""

    status = 502
    code = "transfer_refused"


def release(conn: Conn, me, milestone_id, amount_minor: int | None, method: str, reference: str | None) -> dict:
    """Release a milestone's escrow (finance.payouts.release); through a Stripe Transfer to the contractor's connected
    account when the company has Stripe and the contract an account. Return {milestone, payout}. Raise 409 (not
    held, a transfer in doubt), 502 TransferRefused (commit the trail before answering it), 503 (Stripe silent)."""
    m = payouts.locked_milestone(conn, milestone_id)
    c = payouts.contract(conn, m["contract_id"])
    if not c["stripe_account_id"] or not client_pay.configured(conn, me.company_id):
        return payouts.release(conn, me, m["id"], amount_minor, method, reference)
    client = client_pay.company_client(conn, me.company_id)
    key = f"wm-release-{m['id']}-{m['released_minor']}-{payouts.refused_transfers(conn, m['id'])}"
    try:
        with conn.transaction():  # a savepoint: a refused transfer takes the release back with it
            out = payouts.release(conn, me, m["id"], amount_minor, METHOD, reference, str(uuid.uuid5(NAMESPACE, key)))
            transfer = _transfer(client, me.company_id, out["payout"], c, m, key)
            out["payout"] = payouts.apply_transfer(conn, me, out["payout"], transfer)[0]
    except (stripe.APIConnectionError, stripe.APIError, stripe.RateLimitError) as exc:
        log.warning("stripe transfer unconfirmed", extra={"fields": {"milestone": str(m["id"]), "error": str(exc)}})
        raise ApiError(
            "Stripe did not confirm the transfer, so nothing was released. Try again: the retry sends the same"
            " transfer request, so the contractor is never paid twice.",
            status=503,
            code="unavailable",
            headers={"Retry-After": "5"},
        ) from exc
    except stripe.IdempotencyError as exc:
        raise Conflict(
            "A transfer for this release may already have been made with another amount or account: release the same"
            " amount to the same account, or check the company's Stripe dashboard.",
            code="transfer_in_doubt",
        ) from exc
    except stripe.StripeError as exc:
        log.warning("stripe refused a transfer", extra={"fields": {"milestone": str(m["id"]), "code": exc.code}})
        held = m["funded_minor"] - m["released_minor"] - m["refunded_minor"]
        payouts.transfer_refused(conn, me, m, amount_minor if amount_minor is not None else held)
        why = exc.user_message or exc.code or "see the logs"
        raise TransferRefused(f"Stripe refused the transfer ({why}); nothing was released.") from exc
    return out


def _transfer(
    client: stripe.StripeClient, company_id: str, payout: dict, contract: dict, milestone: dict, key: str
) -> dict:
    """Create the payout's Transfer (the same request for the same key, whatever the retry); return it."""
    params: TransferCreateParams = {
        "amount": payout["amount_minor"],
        "currency": payout["currency"].strip().lower(),
        "destination": contract["stripe_account_id"],
        "transfer_group": f"milestone_{milestone['id']}",
        "description": f"Milestone {milestone['title']}",
        "metadata": {
            "payout_id": str(payout["id"]),
            "milestone_id": str(milestone["id"]),
            "contract_id": str(contract["id"]),
            "company_id": str(company_id),
        },
    }
    return stripe_api.as_dict(client.v1.transfers.create(params, options={"idempotency_key": key}))


# --- the company's webhook ---------------------------------------------------------------------------------------


def apply_event(conn: Conn, company_id: str, event: dict) -> str:
    """Apply one claimed transfer event of the company's account to its payout; return applied, unchanged, ignored,
    unknown_transfer (no payout of ours: logged) or refused (another company's, or not matching its payout)."""
    transfer = event["data"]["object"]
    if transfer.get("object") != "transfer" or not isinstance(transfer.get("id"), str):
        return "ignored"
    meta = transfer.get("metadata") or {}
    fields = {"event": event["id"], "transfer": transfer["id"]}
    if meta.get("company_id") not in (None, company_id):
        log.warning("stripe transfer names another company", extra={"fields": fields})
        return "refused"
    set_claims(conn, Claims.job(company_id))
    payout = payouts.payout_of_transfer(conn, transfer["id"], _uuid(meta.get("payout_id")))
    if payout is None:
        log.warning("stripe transfer of no known payout", extra={"fields": fields})
        return "unknown_transfer"
    try:
        _, changed = payouts.apply_transfer(conn, None, payout, transfer)
    except ApiError as exc:
        log.warning("stripe transfer not applied", extra={"fields": {**fields, "error": str(exc)}})
        return "refused"
    return "applied" if changed else "unchanged"


def _uuid(value: object) -> str | None:
    try:
        return str(uuid.UUID(str(value))) if value else None
    except ValueError:
        return None
