"""SQL round trips per request on the request's connection: one activity batch, one screenshot upload (issue 10)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from factories import consent, invite_and_accept, signup
from roundtrips import counting
from seed_media import png_bytes, upload


def test_round_trips_of_one_activity_batch_and_one_screenshot(api, monkeypatch):
    admin = signup(api)
    emp = invite_and_accept(api, admin, name="Eve Employee")
    consent(api, admin, emp, activity=True, screenshots=True)
    t0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    samples = [
        {"seq": i, "started_at": (t0 + timedelta(minutes=i)).isoformat(), "duration": 60, "app": "Code", "keyboard": 5}
        for i in range(100)
    ]
    body = {"device_id": "laptop", "samples": samples}
    assert api.post("/function/activity/samples", json=body, token=emp["token"]).status_code == 200  # warm
    body["samples"] = [{**s, "seq": s["seq"] + 1000} for s in samples]
    with counting(monkeypatch) as seen:
        r = api.post("/function/activity/samples", json=body, token=emp["token"])
    assert r.status_code == 200, r.json
    batch = list(seen)
    upload(api, emp, png_bytes())  # warm
    with counting(monkeypatch) as seen:
        r = upload(api, emp, png_bytes(), taken_at=(t0 + timedelta(hours=1)).isoformat())
    assert r.status_code == 201, r.json
    shot = list(seen)
    print(f"\nactivity batch: {len(batch)} round trips: {batch}\nscreenshot upload: {len(shot)} round trips: {shot}")
    # before issue 10: 7 and 6. A screenshot is now two short transactions (no connection is held while the object
    # streams to S3) and its thumbnail job's outbox row commits with the screenshot row (a Redis loss loses no job).
    assert len(batch) <= 5 and len(shot) <= 7


def test_round_trips_of_one_heartbeat(api, monkeypatch, capsys):
    admin = signup(api)
    emp = invite_and_accept(api, admin, name="Hal Heartbeat")
    consent(api, admin, emp, activity=True)
    t0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    url = "/function/activity/heartbeat/aw-watcher-window_rt?pulsetime=60"
    data = {"app": "Code", "title": "handler.py"}
    assert api.post(url, json={"timestamp": t0.isoformat(), "data": data}, token=emp["token"]).status_code == 200
    with counting(monkeypatch) as seen:  # merged into the event above
        r = api.post(
            url, json={"timestamp": (t0 + timedelta(seconds=30)).isoformat(), "data": data}, token=emp["token"]
        )
    assert r.status_code == 200 and r.json["merged"] and r.json["duration"] == 30, r.json
    merged = list(seen)
    with counting(monkeypatch) as seen:  # other data: a new event
        r = api.post(
            url,
            json={"timestamp": (t0 + timedelta(seconds=40)).isoformat(), "data": {"app": "Slack"}},
            token=emp["token"],
        )
    assert r.status_code == 200 and not r.json["merged"], r.json
    with capsys.disabled():
        print(f"\nheartbeat merged: {len(merged)} round trips: {merged}\nheartbeat new event: {len(seen)}: {seen}")
    # before issue 13: 11 (BEGIN, claims, consent, bucket, bucket lock, last event, write, rollup, rules, ..., COMMIT)
    assert len(merged) == 4 and len(seen) == 4, (merged, seen)
