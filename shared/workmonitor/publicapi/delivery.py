"""Webhook deliveries (the RQ job; no Flask): send one signed delivery, log the attempt, retry with backoff.

What must stay true:
- The target is checked again at send time (`webhooks.check_target`: DNS may have changed since registration);
  redirects are never followed.
- Every attempt updates the delivery row (status code, duration, next retry). A failed attempt raises, so RQ retries
  it after registry.DELIVER_WEBHOOK.backoff (exponential); the last one doesn't.
- An endpoint failing without a success for webhooks.DISABLE_AFTER is disabled and the company's admins get an email.
- Safe to run twice: a delivered (or finally failed) delivery is skipped.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import requests

from ..db import Claims, Conn, Row, transaction
from .webhooks import DISABLE_AFTER, SIGNATURE_HEADER, TIMEOUT_SECONDS, UnsafeTarget, check_target, sign


def _send(url: str, secret: str, delivery_id: str, event: str, body: bytes) -> tuple[int | None, int, str | None]:
    """POST one delivery; return (status code, duration in ms, error text or None)."""
    started = time.perf_counter()
    try:
        check_target(url)
        resp = requests.post(
            url,
            data=body,
            headers={
                "Content-Type": "application/json",
                "User-Agent": "WorkMonitor-Webhooks/1",
                SIGNATURE_HEADER: sign(secret, body),
                "WorkMonitor-Event": event,
                "WorkMonitor-Delivery": delivery_id,
            },
            timeout=TIMEOUT_SECONDS,
            allow_redirects=False,
        )
    except UnsafeTarget as exc:
        return None, int((time.perf_counter() - started) * 1000), f"refused: {exc}"
    except requests.RequestException as exc:
        return None, int((time.perf_counter() - started) * 1000), type(exc).__name__
    ms = int((time.perf_counter() - started) * 1000)
    return resp.status_code, ms, None if 200 <= resp.status_code < 300 else f"HTTP {resp.status_code}"


class DeliveryFailed(RuntimeError):
    """Raised so that RQ retries the delivery after the job's backoff."""


def deliver(delivery_id: str, company_id: str) -> str:
    """Send one delivery; return 'delivered', 'failed' (for good), 'skipped' or 'gone'; raise DeliveryFailed to be
    retried."""
    from ..jobs import registry

    with transaction(Claims.job(company_id)) as conn:
        row = conn.execute(
            "SELECT d.event, d.payload, d.status, d.attempts, w.id AS endpoint_id, w.url, w.secret, w.enabled"
            " FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id WHERE d.id = %s",
            (delivery_id,),
        ).fetchone()
    if row is None:
        return "gone"
    if row["status"] in ("delivered", "failed"):
        return "skipped"
    body = json.dumps({"id": delivery_id, **row["payload"]}, separators=(",", ":")).encode()
    if row["enabled"]:
        status, ms, error = _send(row["url"], row["secret"], delivery_id, row["event"], body)
    else:
        status, ms, error = None, 0, "endpoint disabled"
    attempt = row["attempts"] + 1
    backoff = registry.DELIVER_WEBHOOK.backoff
    retry = error is not None and row["enabled"] and attempt <= len(backoff)
    later: list = []
    with transaction(Claims.job(company_id)) as conn:
        _record(conn, delivery_id, attempt, status, ms, error, backoff[attempt - 1] if retry else None)
        _endpoint_health(conn, row, error is None, later)
    for task in later:
        task()
    if error is None:
        return "delivered"
    if retry:
        raise DeliveryFailed(f"delivery {delivery_id} attempt {attempt}: {error}")
    return "failed"


def _record(conn: Conn, delivery_id: str, attempt: int, status, ms: int, error, retry_in: int | None) -> None:
    state = "delivered" if error is None else ("retrying" if retry_in is not None else "failed")
    conn.execute(
        "UPDATE webhook_deliveries SET status = %s, attempts = %s, response_status = %s, duration_ms = %s,"
        " last_error = %s, next_retry_at = %s, delivered_at = CASE WHEN %s THEN now() END WHERE id = %s",
        (
            state,
            attempt,
            status,
            ms,
            error,
            datetime.now(UTC) + timedelta(seconds=retry_in) if retry_in else None,
            error is None,
            delivery_id,
        ),
    )


def _endpoint_health(conn: Conn, row: Row, ok: bool, later: list) -> None:
    """Clear the failure clock on success; on failure start it, and disable the endpoint once it ran DISABLE_AFTER."""
    from ..jobs import registry

    if ok:
        conn.execute("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = %s", (row["endpoint_id"],))
        return
    if not row["enabled"]:
        return
    found = conn.execute(
        "UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, now()) WHERE id = %s"
        " RETURNING failing_since, company_id, url",
        (row["endpoint_id"],),
    ).fetchone()
    if found is None or found["failing_since"] > datetime.now(UTC) - DISABLE_AFTER:
        return
    conn.execute(
        "UPDATE webhook_endpoints SET enabled = false, disabled_reason = %s, updated_at = now() WHERE id = %s",
        (f"failing since {found['failing_since']:%Y-%m-%d %H:%M} UTC", row["endpoint_id"]),
    )
    admins = conn.execute(
        "SELECT email FROM users WHERE company_id = %s AND role = 'admin' AND status = 'active'", (found["company_id"],)
    ).fetchall()
    text = (
        f"The webhook endpoint {found['url']} has failed every delivery since {found['failing_since']:%Y-%m-%d %H:%M}"
        " UTC and was disabled. Fix the receiver, then enable it again on the Webhooks page."
    )
    for admin in admins:
        registry.SEND_EMAIL.enqueue(
            conn,
            admin["email"],
            "A webhook endpoint was disabled",
            text,
            f"webhook-disabled-{row['endpoint_id']}-{admin['email']}",
            defer=later.append,
        )
