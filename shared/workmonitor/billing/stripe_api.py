"""The Stripe adapter: one SDK client per process, the operator's plans, and the admin actions that call Stripe.

Billing is off without a Stripe key (`stripe-secret-key`); every action then answers 409 billing_off and every
entitlement is granted. Each call that creates something carries an idempotency key derived from what it
creates, so a retried request or job makes one object. SDK errors are translated here: Stripe unreachable →
503 (retry), Stripe refusing → 502 stripe_error with Stripe's message; never a 500.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import stripe

from ..config import settings
from ..errors import ApiError, Conflict, ValidationFailed

log = logging.getLogger("workmonitor.billing")
T = TypeVar("T")
OFF_MESSAGE = "Billing is off on this server (no Stripe key configured): every feature is included."


@dataclass(frozen=True)
class Plan:
    """One operator plan: a per-seat Stripe Price billed every `interval` (month or year)."""

    key: str
    interval: str
    price_id: str

    @property
    def name(self) -> str:
        """Return the plan's display name."""
        return self.key.replace("_", " ").replace("-", " ").title()


def enabled() -> bool:
    """Return whether billing is on (a Stripe key is configured)."""
    return bool(settings().stripe_secret_key)


def plans() -> list[Plan]:
    """Return the operator's plans from BILLING_PLANS (`key:interval:price_id`, comma-separated)."""
    out = []
    for entry in filter(None, (e.strip() for e in settings().billing_plans.split(","))):
        key, interval, price = (entry.split(":", 2) + ["", ""])[:3]
        if key and interval in ("month", "year") and price:
            out.append(Plan(key, interval, price))
        else:
            log.warning("ignoring a malformed BILLING_PLANS entry", extra={"fields": {"entry": entry}})
    return out


def plan_of_price(price_id: str | None) -> Plan | None:
    """Return the plan whose Stripe Price is `price_id` (None when unknown)."""
    return next((p for p in plans() if p.price_id == price_id), None)


def find_plan(key: str, interval: str) -> Plan:
    """Return the plan `key` billed per `interval`; raise 400 naming the field when there is none."""
    for plan in plans():
        if plan.key == key and plan.interval == interval:
            return plan
    raise ValidationFailed("No such plan.", fields={"plan": f"one of {sorted({p.key for p in plans()})}"})


@functools.lru_cache(maxsize=1)
def _client(key: str, base: str | None) -> stripe.StripeClient:
    addresses: Any = {"api": base} if base else None
    return stripe.StripeClient(key, base_addresses=addresses, max_network_retries=1)


def client() -> stripe.StripeClient:
    """Return the process's Stripe client; raise 409 billing_off when no key is configured."""
    cfg = settings()
    if not cfg.stripe_secret_key:
        raise Conflict(OFF_MESSAGE, code="billing_off")
    return _client(cfg.stripe_secret_key, cfg.stripe_api_base)


@contextmanager
def translated() -> Iterator[None]:
    """Turn Stripe SDK errors into API errors (503 unreachable, 502 refused)."""
    try:
        yield
    except (stripe.APIConnectionError, stripe.RateLimitError) as exc:
        log.warning("stripe unreachable", extra={"fields": {"error": str(exc)}})
        raise ApiError(
            "Stripe is unreachable; try again shortly.", status=503, code="unavailable", headers={"Retry-After": "5"}
        ) from exc
    except stripe.StripeError as exc:
        log.warning("stripe refused", extra={"fields": {"error": str(exc), "code": exc.code}})
        raise ApiError(
            f"Stripe refused: {exc.user_message or 'see the logs'}", status=502, code="stripe_error"
        ) from exc


def call(action: Callable[[], T]) -> T:
    """Run one Stripe call with errors translated; return its result."""
    with translated():
        return action()


def as_dict(obj: Any) -> dict:
    """Return a Stripe object as plain dicts and lists."""
    return obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)


def fetch_subscription(subscription_id: str) -> dict:
    """Return the current Subscription object (the truth, whatever order events came in)."""
    return as_dict(call(lambda: client().v1.subscriptions.retrieve(subscription_id)))
