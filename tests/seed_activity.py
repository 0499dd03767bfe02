"""Seed the activity tables: samples (and so both rollups), a heartbeat bucket and event, a productivity rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def seed(api, ctx) -> None:
    """Create at least one row in every activity table for ctx's company through the API."""
    emp = ctx["employee"]
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    samples = [
        {
            "seq": i,
            "started_at": (start + timedelta(minutes=i)).isoformat(),
            "duration": 60,
            "app": "Firefox",
            "title": "Docs",
            "url": "https://docs.example.com/x",
            "keyboard": 30,
            "mouse": 20,
        }
        for i in range(3)
    ]
    r = api.post(
        "/function/activity/samples", json={"device_id": "seed-laptop", "samples": samples}, token=emp["token"]
    )
    assert r.status_code == 200 and r.json["accepted"] == 3, r.json
    r = api.post(
        "/function/activity/heartbeat/aw-watcher-window_seed?pulsetime=60",
        token=emp["token"],
        json={"timestamp": start.isoformat(), "duration": 5, "data": {"app": "Code", "title": "main.py"}},
    )
    assert r.status_code == 200, r.json
    r = api.post(
        "/function/activity/rules",
        token=ctx["admin"]["token"],
        json={"target": "domain", "match_type": "glob", "pattern": "*.example.com", "category": "productive"},
    )
    assert r.status_code == 201, r.json
    ctx["activity_rule_id"] = r.json["rule"]["id"]
