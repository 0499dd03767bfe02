"""The cron target: an empty POST enqueues each maintenance task once per slot, whoever calls it."""
from __future__ import annotations

from rq import Queue
from workmonitor.redis_client import client


def test_empty_post_enqueues_retention_once_per_slot(api):
    first = api.post("/function/scheduler/", data=b"")
    assert first.status_code == 202, first.json
    job_id = first.json["enqueued"]["retention"]
    assert job_id and job_id.startswith("cron-retention-")
    again = api.post("/function/scheduler/", data=b"")
    assert again.status_code == 202 and again.json["enqueued"]["retention"] is None
    queued = Queue("media", connection=client()).get_job_ids()
    assert queued.count(job_id) == 1


def test_schedule_is_listed(api):
    r = api.get("/function/scheduler/")
    assert r.status_code == 200 and r.json["tasks"]["retention"]["every_seconds"] == 3600
