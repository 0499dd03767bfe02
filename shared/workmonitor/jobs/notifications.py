"""Notification jobs: mobile push to every registered device of one user."""

from __future__ import annotations

import logging

from .. import keys
from ..db import Claims, transaction
from ..messaging import push
from ..redis_client import client

log = logging.getLogger("workmonitor.push")


def send_push(
    company_id: str, user_id: str, push_id: str, title: str, body: str, data: dict[str, str] | None = None
) -> dict[str, str]:
    """Push to each of the user's devices once; return {device_id: result}. Dead tokens are deleted.

    A device already served for `push_id` is skipped, so a retried job never notifies a phone twice;
    PushError (transient) propagates so RQ retries the job.
    """
    with transaction(Claims.job(company_id)) as conn:
        devices = conn.execute(
            "SELECT id, platform, token FROM device_tokens WHERE user_id = %s ORDER BY created_at", (user_id,)
        ).fetchall()
    results: dict[str, str] = {}
    for device in devices:
        done_key = keys.push_sent(push_id, device["id"])
        if client().exists(done_key):
            results[str(device["id"])] = "already-sent"
            continue
        result = push.send(device["platform"], device["token"], title, body, data, push_id)
        results[str(device["id"])] = result
        if result == "sent":
            client().set(done_key, "1", ex=7 * 24 * 3600)
        elif result == "invalid":
            with transaction(Claims.job(company_id)) as conn:
                conn.execute("DELETE FROM device_tokens WHERE id = %s", (device["id"],))
            log.info("push: removed a dead %s device token of user %s", device["platform"], user_id)
    if not devices:
        log.info("push: user %s has no registered devices", user_id)
    return results
