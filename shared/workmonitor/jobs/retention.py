"""Retention: delete captures older than each company's retention_days (screenshots, recordings, activity samples,
GPS, chat), objects and rows, and expired exports.

The scheduler (OpenFaaS cron-connector -> POST /function/media/retention/run, or the RQ scheduler locally)
enqueues `apply_retention`. Company ids are read with the owner URL (the app role sees one company at a
time); everything else runs as the app role with per-company system claims, so RLS still applies.
Idempotent: objects are deleted before their rows, and deleting a missing object is a no-op, so a run killed
midway is finished by the next one.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import psycopg

from .. import storage
from ..activity import partitions
from ..config import settings
from ..db import Claims, Conn, transaction
from ..media import screenshots
from ..media.settings import company_settings
from ..privacy import retention as privacy_retention
from . import media as media_jobs

log = logging.getLogger("workmonitor.jobs.retention")
BATCH = 500
PRIVACY = ("activity", "gps", "chat")


def company_ids() -> list[str]:
    """Return every company id (read as the owner: listing tenants is outside any one tenant's view)."""
    with psycopg.connect(settings().owner_database_url) as conn:
        return [str(r[0]) for r in conn.execute("SELECT id FROM companies ORDER BY id").fetchall()]


def apply_retention(ids: list[str] | None = None) -> dict:
    """Apply retention for the given companies (default: all); return totals. Also makes the sample months ahead."""
    totals = {"companies": 0, "screenshots": 0, "recordings": 0, "activity": 0, "gps": 0, "chat": 0, "exports": 0,
              "requeued": 0}  # fmt: skip
    with psycopg.connect(settings().owner_database_url) as conn:
        totals["sample_months_made"] = partitions.ensure_ahead(conn, datetime.now(UTC).date())
    for cid in ids if ids is not None else company_ids():
        result = apply_company_retention(cid)
        totals["companies"] += 1
        for k in ("screenshots", "recordings", "activity", "gps", "chat", "exports", "requeued"):
            totals[k] += result[k]
    log.info("retention applied", extra={"fields": totals})
    return totals


def apply_company_retention(company_id: str) -> dict:
    """Delete one company's expired screenshots and recordings (S3 objects, then rows); return counts."""
    with transaction(Claims.job(company_id)) as conn:
        days = company_settings(conn, company_id)["retention_days"]
    out = {"screenshots": 0, "recordings": 0, "activity": 0, "gps": 0, "chat": 0, "exports": 0, "requeued": 0}
    steps = {
        "screenshots": _expire_screenshots,
        "recordings": _expire_recordings,
        "activity": privacy_retention.expire_activity,
        "gps": privacy_retention.expire_gps,
        "chat": privacy_retention.expire_chat,
    }
    for kind, step in steps.items():
        if days.get(kind):
            batch = privacy_retention.BATCH if kind in PRIVACY else BATCH
            out[kind] = _expire(company_id, step, int(days[kind]), batch)
    with transaction(Claims.job(company_id)) as conn:
        out["exports"] = privacy_retention.expire_exports(conn)
    out["requeued"] = media_jobs.requeue_stale(company_id)
    return out


def _expire(company_id: str, step, days: int, batch: int = BATCH) -> int:
    total = 0
    while True:
        with transaction(Claims.job(company_id)) as conn:
            n = step(conn, days)
        total += n
        if n < batch:
            return total


def _expire_screenshots(conn: Conn, days: int) -> int:
    rows = conn.execute(
        "SELECT id, object_key FROM screenshots WHERE taken_at < now() - make_interval(days => %s)"
        " ORDER BY taken_at LIMIT %s FOR UPDATE SKIP LOCKED",
        (days, BATCH),
    ).fetchall()
    if rows:
        storage.delete(*[k for r in rows for k in screenshots.all_keys(r)])
        conn.execute("DELETE FROM screenshots WHERE id = ANY(%s)", ([r["id"] for r in rows],))
    return len(rows)


def _expire_recordings(conn: Conn, days: int) -> int:
    rows = conn.execute(
        "SELECT id FROM screen_recordings WHERE started_at < now() - make_interval(days => %s)"
        " ORDER BY started_at LIMIT %s FOR UPDATE SKIP LOCKED",
        (days, BATCH),
    ).fetchall()
    if rows:
        ids = [r["id"] for r in rows]
        keys = [
            r["object_key"]
            for r in conn.execute(
                "SELECT object_key FROM recording_chunks WHERE recording_id = ANY(%s)", (ids,)
            ).fetchall()
        ]
        storage.delete(*keys)
        conn.execute("DELETE FROM screen_recordings WHERE id = ANY(%s)", (ids,))
    return len(rows)
