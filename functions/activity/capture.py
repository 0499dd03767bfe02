"""Capture routes: POST /samples (batch of <= 1,000, de-duplicated by device_id + seq), POST /heartbeat/<bucket>
?pulsetime=N and the aw-server paths /api/0/buckets[/<bucket>[/heartbeat|/events]]."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor import consent
from workmonitor.activity import capture, heartbeats
from workmonitor.activity.models import BucketIn, Buckets, Events, HeartbeatIn, HeartbeatOut, IngestResult, SampleBatch
from workmonitor.errors import ValidationFailed
from workmonitor.web import body, caller, capturing, db, query_int, query_uuid, raw_body, responds

bp = Blueprint("activity_capture", __name__)


@bp.post("/samples")
@capturing
@responds(IngestResult, body=SampleBatch)
def post_samples():
    """Store a batch of samples (retries are de-duplicated) and add them to the rollups."""
    me = caller()
    return capture.ingest(db(), me.company_id, me.user_id, raw_body(cache=False)), 200


def _pulsetime() -> float:
    try:
        pulsetime = float(request.args["pulsetime"])
        if not 0 <= pulsetime <= 86_400:
            raise ValueError(pulsetime)
    except (KeyError, ValueError) as exc:
        raise ValidationFailed(
            "pulsetime (seconds, 0 to 86400) is required.", fields={"pulsetime": "seconds between 0 and 86400"}
        ) from exc
    return pulsetime


@bp.post("/heartbeat/<bucket_id>")
@bp.post("/api/0/buckets/<bucket_id>/heartbeat")
@capturing
@responds(HeartbeatOut, body=HeartbeatIn)
def post_heartbeat(bucket_id: str):
    """Merge a heartbeat into the bucket's last event or start a new one."""
    if not 1 <= len(bucket_id) <= 200:
        raise ValidationFailed("Bucket ids are 1 to 200 characters.", fields={"bucket_id": "1 to 200 characters"})
    pulsetime = _pulsetime()
    hb = capture.parse(HeartbeatIn, raw_body())
    me = caller()
    event, merged = heartbeats.heartbeat(db(), me.company_id, me.user_id, bucket_id, hb, pulsetime)
    return {**event, "duration": float(event["duration"]), "merged": merged}


@bp.post("/api/0/buckets/<bucket_id>")
@capturing
@responds(None, (200, 304), body=BucketIn)
def create_bucket(bucket_id: str):
    """Create the caller's bucket (304 when it exists)."""
    data = body(BucketIn)
    me = caller()
    conn = db()
    consent.require(conn, me.user_id, "activity")
    _, created = heartbeats.ensure_bucket(
        conn, me.company_id, me.user_id, bucket_id[:200], data.type, data.client, data.hostname
    )
    return ("", 200) if created else ("", 304)


@bp.get("/api/0/buckets")
@responds(Buckets)
def list_own_buckets():
    """The caller's buckets by name."""
    return heartbeats.own_buckets(db(), caller().user_id)


@bp.get("/api/0/buckets/<bucket_id>/events")
@responds(Events)
def list_events(bucket_id: str):
    """A bucket's newest events (?limit, ?user_id for a visible user)."""
    limit = query_int("limit", 100, 1, 1000)
    return heartbeats.events(db(), query_uuid("user_id") or caller().user_id, bucket_id, limit)
