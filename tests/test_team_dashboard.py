"""Issue 14, the manager's day: the team dashboard's summary (one RLS-scoped query) and live timer events that
reach a manager's and an admin's dashboards."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from factories import consent, invite_and_accept, signup

TEAM, TIME, ACT = "/function/team", "/function/time", "/function/activity"


def _names(api, token: str) -> dict:
    r = api.get(f"{TIME}/team/summary", token=token)
    assert r.status_code == 200, r.json
    return {m["name"]: m for m in r.json["items"]}


def test_summary_shows_a_manager_exactly_their_people_with_today_week_activity_and_timer(api):
    admin = signup(api)
    manager = invite_and_accept(api, admin, "manager", name="Max Manager")
    eve = invite_and_accept(api, admin, name="Eve Employee")
    invite_and_accept(api, admin, name="Otto Other")
    r = api.put(f"{TEAM}/managers/{manager['user']['id']}/employees", json={"employee_ids": [eve["user"]["id"]]},
                token=admin["token"])  # fmt: skip
    assert r.status_code == 200, r.json
    # Eve: 30 minutes earlier today (manual), a running timer, and activity samples: 2 of 3 minutes active.
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(minutes=40)
    body = {"started_at": start.isoformat(), "ended_at": (start + timedelta(minutes=30)).isoformat(), "source": "web"}
    if start.astimezone().date() == now.astimezone().date():
        assert api.post(f"{TIME}/entries", json=body, token=eve["token"]).status_code == 201
    r = api.post(f"{TIME}/timer/start", json={"description": "Writing"}, token=eve["token"])
    assert r.status_code == 201, r.json
    entry_id = r.json["entry"]["id"]
    consent(api, admin, eve, activity=True)
    samples = [
        {"seq": i, "started_at": (now - timedelta(minutes=3 - i)).isoformat(), "duration": 60, "app": "Code",
         "keyboard": 0 if i == 2 else 30, "mouse": 0, "idle": i == 2}
        for i in range(3)
    ]  # fmt: skip
    r = api.post(f"{ACT}/samples", json={"device_id": "laptop", "samples": samples}, token=eve["token"])
    assert r.status_code == 200, r.json

    seen = _names(api, manager["token"])
    assert set(seen) == {"Eve Employee"}  # not Otto, not the manager themselves
    e = seen["Eve Employee"]
    assert e["entry_id"] == entry_id and e["description"] == "Writing"
    assert e["running_since"] is not None and e["week_seconds"] >= e["today_seconds"] >= 0
    assert e["activity_pct"] is not None and 0 < e["activity_pct"] < 100
    assert e["idle_seconds"] == 60 and e["last_seen_at"] is not None

    everyone = _names(api, admin["token"])
    assert set(everyone) == {"Max Manager", "Eve Employee", "Otto Other"}
    assert everyone["Otto Other"]["running_since"] is None and everyone["Otto Other"]["today_seconds"] == 0
    assert list(everyone)[0] == "Eve Employee"  # people working now come first
    assert _names(api, eve["token"]) == {}  # an employee has no team

    # Unassigned, Eve disappears from the manager's dashboard at once.
    r = api.put(f"{TEAM}/managers/{manager['user']['id']}/employees", json={"employee_ids": []}, token=admin["token"])
    assert r.status_code == 200
    assert _names(api, manager["token"]) == {}


def test_timer_events_reach_the_assigned_manager_and_the_admins(api):
    from workmonitor.redis_client import client

    admin = signup(api)
    manager = invite_and_accept(api, admin, "manager", name="Max Manager")
    eve = invite_and_accept(api, admin, name="Eve Employee")
    r = api.put(f"{TEAM}/managers/{manager['user']['id']}/employees", json={"employee_ids": [eve["user"]["id"]]},
                token=admin["token"])  # fmt: skip
    assert r.status_code == 200
    sub = client().pubsub(ignore_subscribe_messages=True)
    sub.subscribe("socketio")
    try:
        assert api.post(f"{TIME}/timer/start", json={}, token=eve["token"]).status_code == 201
        assert api.post(f"{TIME}/timer/stop", json={}, token=eve["token"]).status_code == 200
        rooms = {f"user:{u['user']['id']}" for u in (admin, manager, eve)}
        seen = [json.loads(m["data"]) for m in (sub.get_message(timeout=0.05) for _ in range(20)) if m]
        got = {(m["event"], m["room"]) for m in seen if m.get("room") in rooms}
    finally:
        sub.close()
    for room in rooms:
        assert ("timer.started", room) in got and ("timer.stopped", room) in got, got


def test_screenshot_lists_carry_the_app_and_title_at_their_instant(api):
    from seed_media import upload

    admin = signup(api)
    eve = invite_and_accept(api, admin, name="Eve Employee")
    consent(api, admin, eve, screenshots=True, activity=True)
    now = datetime.now(UTC).replace(microsecond=0)
    samples = [
        {"seq": 1, "started_at": (now - timedelta(minutes=2)).isoformat(), "duration": 60, "app": "Slack",
         "title": "general"},
        {"seq": 2, "started_at": (now - timedelta(minutes=1)).isoformat(), "duration": 60, "app": "Code",
         "title": "main.py — WorkMonitor"},
    ]  # fmt: skip
    assert (
        api.post(f"{ACT}/samples", json={"device_id": "laptop", "samples": samples}, token=eve["token"]).status_code
        == 200
    )
    for at in (now - timedelta(seconds=30), now - timedelta(hours=3)):
        r = upload(api, eve, taken_at=at.isoformat())
        assert r.status_code == 201, r.json
    items = api.get("/function/media/screenshots", token=admin["token"]).json["items"]
    assert [(i["app"], i["title"]) for i in items] == [("Code", "main.py — WorkMonitor"), (None, None)]


def test_a_manager_approves_an_ended_week_never_submitted_and_tracking_goes_on(api):
    admin = signup(api)
    manager = invite_and_accept(api, admin, "manager", name="Max Manager")
    other = invite_and_accept(api, admin, "manager", name="Olga Othermanager")
    eve = invite_and_accept(api, admin, name="Eve Employee")
    r = api.put(f"{TEAM}/managers/{manager['user']['id']}/employees", json={"employee_ids": [eve["user"]["id"]]},
                token=admin["token"])  # fmt: skip
    assert r.status_code == 200
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=7)
    body = {"started_at": start.isoformat(), "ended_at": (start + timedelta(hours=2)).isoformat(), "source": "web"}
    r = api.post(f"{TIME}/entries", json=body, token=eve["token"])
    assert r.status_code == 201, r.json
    entry_id = r.json["entry"]["id"]
    last_week = {"user_id": eve["user"]["id"], "date": start.date().isoformat()}

    r = api.post(f"{TIME}/timesheets/approve-week", json=last_week, token=other["token"])
    assert r.status_code == 404  # not their people: as if Eve did not exist
    this_week = {**last_week, "date": datetime.now(UTC).date().isoformat()}
    r = api.post(f"{TIME}/timesheets/approve-week", json=this_week, token=manager["token"])
    assert r.status_code == 422 and r.json["error"]["code"] == "period_not_ended"

    r = api.post(f"{TIME}/timesheets/approve-week", json={**last_week, "comment": "Thanks"}, token=manager["token"])
    assert r.status_code == 200, r.json
    sheet = r.json["timesheet"]
    assert sheet["status"] == "approved" and sheet["comment"] == "Thanks" and sheet["total_seconds"] == 7200
    assert sheet["locked_until"] == sheet["ends_at"]
    assert [(h["action"], h["actor_id"]) for h in r.json["history"]] == [
        ("submitted", manager["user"]["id"]),
        ("approved", manager["user"]["id"]),
    ]
    r = api.post(f"{TIME}/timesheets/approve-week", json=last_week, token=manager["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "already_approved"
    # Last week is locked; this week Eve tracks as before.
    r = api.patch(f"{TIME}/entries/{entry_id}", json={"description": "changed"}, token=eve["token"])
    assert r.status_code == 423, r.json
    assert api.post(f"{TIME}/timer/start", json={}, token=eve["token"]).status_code == 201

    # A submitted week is simply approved (one history row more), also by an admin.
    two_ago = (start - timedelta(days=7)).date().isoformat()
    assert api.post(f"{TIME}/timesheets/submit", json={"date": two_ago}, token=eve["token"]).status_code == 201
    r = api.post(f"{TIME}/timesheets/approve-week", json={**last_week, "date": two_ago}, token=admin["token"])
    assert r.status_code == 200 and r.json["timesheet"]["status"] == "approved"
    assert [h["action"] for h in r.json["history"]] == ["submitted", "approved"]
