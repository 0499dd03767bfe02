"""Outgoing webhooks (no Flask): endpoints, signed deliveries retried with backoff, SSRF-safe targets.

Signing (documented for receivers, the Stripe way): each POST carries
  WorkMonitor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
A receiver recomputes v1 over the raw body with the endpoint's secret (`whsec_...`, shown once), compares in
constant time, and refuses a `t` older than a few minutes (replays). `verify()` below is that check.

What must stay true:
- A target is refused unless it is https and every address its host resolves to is public: private, loopback,
  link-local, multicast, reserved and unspecified addresses are refused at registration AND again at send time
  (DNS may change in between). WEBHOOK_ALLOW_PRIVATE_TARGETS=1 (operator configuration; tests) allows them and
  plain http. Redirects are never followed.
- One delivery row per (event, endpoint); sending is `workmonitor.publicapi.delivery` (the job, with `requests`:
  kept out of this module so the functions that emit events carry no HTTP client).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from datetime import timedelta
from urllib.parse import urlsplit

from .. import netguard, security, wire
from ..db import Conn, Row
from ..errors import NotFound, ValidationFailed

EVENTS = (
    "time_entry.created",
    "time_entry.updated",
    "time_entry.deleted",
    "timesheet.submitted",
    "timesheet.approved",
    "timesheet.rejected",
    "leave.decided",
    "member.joined",
    "member.left",
    "invoice.issued",
    "invoice.paid",
)
SIGNATURE_HEADER = "WorkMonitor-Signature"
TOLERANCE_SECONDS = 300
DISABLE_AFTER = timedelta(days=3)
TIMEOUT_SECONDS = 10
COLUMNS = "id, url, description, events, enabled, disabled_reason, failing_since, created_at, updated_at"
DELIVERY_COLUMNS = (
    "id, event, status, attempts, response_status, duration_ms, last_error, next_retry_at, created_at, delivered_at"
)


class UnsafeTarget(ValueError):
    """A webhook URL this installation refuses to call."""


# --- signing ----------------------------------------------------------------------------------------------------


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """Return the signature header value for `body` at `timestamp` (now by default)."""
    t = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def verify(secret: str, body: bytes, header: str, tolerance: int = TOLERANCE_SECONDS, now: float | None = None) -> bool:
    """Return True when `header` is a valid signature of `body` by `secret`, made within `tolerance` seconds."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    try:
        t = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - t) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


# --- SSRF -------------------------------------------------------------------------------------------------------


def private_allowed() -> bool:
    """Return True when the operator allows private, loopback and plain-http targets (WEBHOOK_ALLOW_PRIVATE_TARGETS)."""
    return os.environ.get("WEBHOOK_ALLOW_PRIVATE_TARGETS", "").lower() in ("1", "true", "yes")


def check_target(url: str) -> None:
    """Raise UnsafeTarget unless `url` may be called (see the module docstring); resolves the host now."""
    parts = urlsplit(url)
    allow = private_allowed()
    if parts.scheme != "https" and not (allow and parts.scheme == "http"):
        raise UnsafeTarget("The URL must start with https://.")
    if not parts.hostname or parts.username or parts.password:
        raise UnsafeTarget("The URL needs a host name and no user or password.")
    try:
        unsafe = netguard.resolves_to_unsafe(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (OSError, ValueError, UnicodeError) as exc:
        raise UnsafeTarget("The host name does not resolve.") from exc
    if unsafe and not allow:
        raise UnsafeTarget("The URL points to a private, loopback or link-local address.")


def _checked(url: str) -> str:
    try:
        check_target(url)
    except UnsafeTarget as exc:
        raise ValidationFailed(str(exc), code="unsafe_target", fields={"url": str(exc)}) from exc
    return url


def _events(events: list[str]) -> list[str]:
    unknown = [e for e in events if e != "*" and e not in EVENTS]
    if unknown:
        raise ValidationFailed("Unknown event.", fields={"events": f"unknown: {', '.join(unknown[:5])}"})
    return sorted(set(events))


# --- endpoints --------------------------------------------------------------------------------------------------


def create(conn: Conn, company_id: str, user_id: str, url: str, events: list[str], description: str | None):
    """Register an endpoint; return (row, secret shown once). Raise 400 unsafe_target for a refused URL."""
    secret = "whsec_" + security.new_secret(32)
    row = conn.execute(
        "INSERT INTO webhook_endpoints (company_id, url, description, events, secret, created_by)"
        f" VALUES (%s, %s, %s, %s, %s, %s) RETURNING {COLUMNS}",
        (company_id, _checked(url), description, _events(events), secret, user_id),
    ).fetchone()
    return row, secret


def update(conn: Conn, endpoint_id: str, changes: dict) -> Row:
    """Change an endpoint (url, events, description, enabled); re-enabling clears the failure state."""
    if "url" in changes:
        _checked(changes["url"])
    if "events" in changes:
        changes["events"] = _events(changes["events"])
    sets = [f"{k} = %({k})s" for k in changes]
    if changes.get("enabled"):
        sets += ["disabled_reason = NULL", "failing_since = NULL"]
    row = conn.execute(
        f"UPDATE webhook_endpoints SET {', '.join([*sets, 'updated_at = now()'])} WHERE id = %(id)s"
        f" RETURNING {COLUMNS}",
        {**changes, "id": endpoint_id},
    ).fetchone()
    if row is None:
        raise NotFound("No such webhook endpoint.")
    return row


def list_endpoints(conn: Conn, limit: int, offset: int) -> list[Row]:
    """Return one page (limit + 1) of the company's endpoints, newest first."""
    return conn.execute(
        f"SELECT {COLUMNS} FROM webhook_endpoints ORDER BY created_at DESC, id LIMIT %s OFFSET %s", (limit + 1, offset)
    ).fetchall()


def delete(conn: Conn, endpoint_id: str) -> None:
    """Delete an endpoint and its delivery log; raise NotFound otherwise."""
    if conn.execute("DELETE FROM webhook_endpoints WHERE id = %s RETURNING id", (endpoint_id,)).fetchone() is None:
        raise NotFound("No such webhook endpoint.")


def deliveries(conn: Conn, endpoint_id: str, limit: int, offset: int) -> list[Row]:
    """Return one page (limit + 1) of an endpoint's deliveries, newest first."""
    if conn.execute("SELECT 1 FROM webhook_endpoints WHERE id = %s", (endpoint_id,)).fetchone() is None:
        raise NotFound("No such webhook endpoint.")
    return conn.execute(
        f"SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries WHERE endpoint_id = %s"
        " ORDER BY created_at DESC, id LIMIT %s OFFSET %s",
        (endpoint_id, limit + 1, offset),
    ).fetchall()


# --- emitting and delivering ------------------------------------------------------------------------------------


def emit(conn: Conn, company_id: str, event: str, data: dict, defer=None) -> int:
    """Record a delivery of `event` for each subscribed endpoint (in `conn`'s transaction) and enqueue its send;
    return how many."""
    from ..jobs import registry

    if event not in EVENTS:
        raise ValueError(f"unknown webhook event {event}")
    payload = wire.jsonable({"type": event, "created": int(time.time()), "data": data})
    rows = conn.execute(
        "SELECT delivery_id FROM app.webhook_emit(%s, %s::jsonb)", (event, json.dumps(payload))
    ).fetchall()
    for row in rows:
        registry.DELIVER_WEBHOOK.enqueue(conn, str(row["delivery_id"]), str(company_id), defer=defer)
    return len(rows)
