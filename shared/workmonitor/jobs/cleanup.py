"""Housekeeping jobs: expire data that only exists to make retries safe."""

from __future__ import annotations

import logging

from ..db import Claims, transaction
from .retention import company_ids

log = logging.getLogger("workmonitor.jobs.cleanup")
IDEMPOTENCY_DAYS = 7


def expire_idempotency_keys(ids: list[str] | None = None, days: int = IDEMPOTENCY_DAYS) -> int:
    """Delete idempotency keys older than `days` for the given companies (default: all); return how many."""
    removed = 0
    for cid in ids if ids is not None else company_ids():
        with transaction(Claims.job(cid)) as conn:
            removed += conn.execute(
                "DELETE FROM idempotency_keys WHERE company_id = %s AND created_at < now() - make_interval(days => %s)",
                (cid, days),
            ).rowcount
    log.info("idempotency keys expired", extra={"fields": {"removed": removed}})
    return removed
