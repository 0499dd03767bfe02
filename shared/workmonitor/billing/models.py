"""Request and response models of billing (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints

from ..schemas import Input
from ..wire import Model, Timestamp

AccessLevel = Literal["full", "warning", "read_only"]
Interval = Literal["month", "year"]


class CheckoutIn(Input):
    plan: str
    interval: Interval = "month"


class PlanOut(Model):
    key: str
    name: str
    interval: Interval


class BillingOverview(Model):
    """The company's billing state for its admins; `enabled` false (with `message`) when billing is off."""

    enabled: bool
    message: str | None
    access: AccessLevel
    reason: str | None
    status: str | None = None
    plan: str | None = None
    plan_name: str | None = None
    interval: Interval | None = None
    seats: int | None = None
    active_members: int | None = None
    trial_end: Timestamp | None = None
    current_period_end: Timestamp | None = None
    cancel_at_period_end: bool | None = None
    grace_until: Timestamp | None = None
    subscribed: bool | None = None
    plans: list[PlanOut] | None = None


class Entitlement(Model):
    """What every member's app needs for the banner: full, warning (past due, in grace) or read_only."""

    enabled: bool
    access: AccessLevel
    reason: str | None
    status: str | None


class RedirectOut(Model):
    """A Stripe-hosted page to send the browser to (Checkout or the Customer Portal)."""

    url: str
    id: str


class StripeInvoice(Model):
    id: str
    number: str | None
    status: str | None
    currency: str
    amount_due: int
    amount_paid: int
    created: Timestamp | None
    hosted_invoice_url: str | None
    invoice_pdf: str | None


class StripeInvoicePage(Model):
    """A page of Stripe invoices, newest first; pass `next_cursor` as ?starting_after for the next page."""

    items: list[StripeInvoice]
    has_more: bool
    next_cursor: str | None


class WebhookAck(Model):
    """Stripe's answer: received, and what became of the event."""

    received: bool
    outcome: Literal["applied", "unchanged", "replayed", "ignored", "unknown_customer", "unknown_transfer", "refused"]


class CompanyStripeIn(Input):
    """The company's own Stripe account for client invoices: secret key and (optionally) webhook signing secret."""

    secret_key: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    webhook_secret: Annotated[str, StringConstraints(min_length=1, max_length=255)] | None = None


class CompanyStripeOut(Model):
    """What admins see of the company's Stripe account: never the secrets, only whether set and the key's last 4."""

    configured: bool
    key_last4: str | None
    webhook_configured: bool
    webhook_url: str
    updated_at: Timestamp | None


class PayLinkOut(Model):
    """A Stripe Checkout page where the client pays the invoice's open amount."""

    url: str
    id: str
    amount_minor: int
    currency: str
