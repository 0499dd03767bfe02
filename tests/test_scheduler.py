"""The cron target: an empty POST enqueues each maintenance task once per slot, whoever calls it."""

from __future__ import annotations

import uuid

from rq import Queue

from workmonitor import keys
from workmonitor.redis_client import client


def test_empty_post_enqueues_retention_once_per_slot(api):
    first = api.post("/function/scheduler/", data=b"")
    assert first.status_code == 202, first.json
    job_id = first.json["enqueued"]["retention"]
    assert job_id and uuid.UUID(job_id)  # the RQ job id is the job's outbox row
    again = api.post("/function/scheduler/", data=b"")
    assert again.status_code == 202 and again.json["enqueued"]["retention"] is None
    queued = Queue(keys.MEDIA_QUEUE, connection=client()).get_job_ids()
    assert queued.count(job_id) == 1


def test_schedule_is_listed(api):
    r = api.get("/function/scheduler/")
    assert r.status_code == 200 and r.json["tasks"]["retention"]["every_seconds"] == 3600


def test_old_idempotency_keys_expire_and_recent_ones_stay(api, owner_conn):
    from factories import drain, signup

    admin = signup(api)
    for n, key in enumerate(("old-key", "new-key")):
        r = api.post(
            "/function/time/entries",
            token=admin["token"],
            headers={"Idempotency-Key": key},
            json={"started_at": f"2026-01-0{n + 5}T09:00:00Z", "ended_at": f"2026-01-0{n + 5}T10:00:00Z"},
        )
        assert r.status_code == 201, r.json
    owner_conn.execute("UPDATE idempotency_keys SET created_at = now() - interval '8 days' WHERE key = 'old-key'")
    enqueued = api.post("/function/scheduler/", data=b"").json["enqueued"]
    assert enqueued["idempotency-keys"]
    drain(keys.DEFAULT_QUEUE)
    left = [r[0] for r in owner_conn.execute("SELECT key FROM idempotency_keys ORDER BY key").fetchall()]
    assert left == ["new-key"]
