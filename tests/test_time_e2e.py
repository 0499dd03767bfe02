"""End to end through the local gateway URLs: project → timer → week submitted → approved → locked; timesheet
rules (reject with comment, resubmit, who may decide, history), the lock the database enforces, and events."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from factories import invite_and_accept, signup
from seed_projects_time import add_entry, make_project

from workmonitor.db import Claims, set_claims
from workmonitor.errors import Conflict
from workmonitor.redis_client import client as redis_client

T = "/function/time"
WEEK_DAY = "2026-11-04"  # a Wednesday; with weeks starting Monday the week is 2026-11-02 .. 2026-11-08


@pytest.fixture()
def co(api):
    """A company with an admin, an assigned manager, an unassigned manager, an employee and a project."""
    admin = signup(api, company="Acme")
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    stranger = invite_and_accept(api, admin, role="manager", name="Sam Stranger")
    emp = invite_and_accept(api, admin, name="Eve Employee")
    r = api.post(
        "/function/team/assignments",
        json={"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]},
        token=admin["token"],
    )
    assert r.status_code == 201
    return {"admin": admin, "manager": manager, "stranger": stranger, "emp": emp}


@pytest.fixture()
def events():
    """Subscribe to python-socketio's Redis channel; yield a function returning the messages received so far."""
    pubsub = redis_client().pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe("socketio")
    pubsub.get_message(timeout=1)  # the subscription confirmation
    seen: list[str] = []

    def received(wait: float = 1.0) -> list[str]:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            msg = pubsub.get_message(timeout=0.1)
            if msg and msg["type"] == "message":
                seen.append(msg["data"].decode())
        return seen

    yield received
    pubsub.close()


def test_project_timer_submit_approve_then_edit_refused(api, co, events):
    admin, manager, emp = co["admin"], co["manager"], co["emp"]
    project = make_project(api, admin["token"], "Website relaunch", hourly_rate=8000, member_ids=[emp["user"]["id"]])
    r = api.post(
        f"{T}/timer/start",
        json={"project_id": project["id"], "description": "Landing page", "source": "desktop"},
        token=emp["token"],
    )
    assert r.status_code == 201, r.json
    entry = r.json["entry"]
    started = [m for m in events() if "timer.started" in m and entry["id"] in m]
    assert started and f"user:{emp['user']['id']}" in started[0]
    assert any(f"user:{manager['user']['id']}" in m for m in started)  # the manager's dashboard hears it too
    time.sleep(0.01)
    r = api.post(f"{T}/timer/stop", token=emp["token"])
    assert r.status_code == 200 and r.json["entry"]["ended_at"] and not r.json["entry"]["running"]
    assert any("timer.stopped" in m and entry["id"] in m for m in events())
    r = api.post(f"{T}/timesheets/submit", json={"comment": "my week"}, token=emp["token"])
    assert r.status_code == 201 and r.json["timesheet"]["status"] == "submitted", r.json
    sheet = r.json["timesheet"]
    assert any("timesheet.submitted" in m and f"user:{manager['user']['id']}" in m for m in events())
    r = api.get(f"{T}/timesheets?status=submitted", token=manager["token"])
    assert [s["id"] for s in r.json["items"]] == [sheet["id"]]
    r = api.post(f"{T}/timesheets/{sheet['id']}/approve", json={"comment": "thanks"}, token=manager["token"])
    assert r.status_code == 200 and r.json["timesheet"]["status"] == "approved", r.json
    assert [h["action"] for h in r.json["history"]] == ["submitted", "approved"]
    r = api.patch(f"{T}/entries/{entry['id']}", json={"description": "changed"}, token=emp["token"])
    assert r.status_code == 423 and r.json["error"]["code"] == "period_approved", r.json
    assert api.patch(f"{T}/entries/{entry['id']}", json={"description": "x"}, token=admin["token"]).status_code == 423
    assert api.delete(f"{T}/entries/{entry['id']}", token=emp["token"]).status_code == 423
    # The week was approved before it ended: only what had passed is locked, tracking goes on (issue 14).
    assert api.post(f"{T}/timer/start", json={}, token=emp["token"]).status_code == 201
    assert api.get(f"{T}/entries/{entry['id']}", token=emp["token"]).json["entry"]["description"] == "Landing page"


def test_nothing_is_published_or_half_written_when_a_start_fails(api, co, events, monkeypatch):
    emp = co["emp"]
    running = api.post(f"{T}/timer/start", json={}, token=emp["token"]).json["entry"]
    before = len(events())
    from workmonitor.time import entries as entries_mod

    def clash(*args, **kwargs):  # fail after the running timer was stopped in the same transaction
        raise Conflict("This time overlaps another entry.", code="overlap")

    monkeypatch.setattr(entries_mod, "insert", clash)
    r = api.post(f"{T}/timer/start", json={"description": "clash"}, token=emp["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "overlap"
    monkeypatch.undo()
    assert api.get(f"{T}/timer", token=emp["token"]).json["entry"]["id"] == running["id"]  # still running
    assert not [m for m in events(0.5)[before:] if "timer." in m and running["id"] in m]


def test_reject_with_comment_unlocks_and_resubmission_keeps_history(api, co):
    manager, emp = co["manager"], co["emp"]
    e = add_entry(api, emp["token"], "2026-11-03T09:00:00Z", "2026-11-03T17:00:00Z").json["entry"]
    sheet = api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=emp["token"]).json["timesheet"]
    assert (sheet["period_start"], sheet["period_end"], sheet["total_seconds"]) == (
        "2026-11-02",
        "2026-11-08",
        8 * 3600,
    )
    r = api.patch(f"{T}/entries/{e['id']}", json={"description": "x"}, token=emp["token"])
    assert r.status_code == 423 and r.json["error"]["code"] == "period_submitted"
    add_entry(api, emp["token"], "2026-11-05T09:00:00Z", "2026-11-05T10:00:00Z", expect=423)
    assert api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=emp["token"]).status_code == 409
    assert api.post(f"{T}/timesheets/{sheet['id']}/reject", json={}, token=manager["token"]).status_code == 400
    r = api.post(
        f"{T}/timesheets/{sheet['id']}/reject", json={"comment": "Tuesday is too long"}, token=manager["token"]
    )
    assert r.status_code == 200 and r.json["timesheet"]["status"] == "rejected"
    assert r.json["timesheet"]["comment"] == "Tuesday is too long"
    r = api.patch(f"{T}/entries/{e['id']}", json={"ended_at": "2026-11-03T15:00:00Z"}, token=emp["token"])
    assert r.status_code == 200, r.json
    r = api.post(f"{T}/timesheets/submit", json={"date": "2026-11-08"}, token=emp["token"])
    assert r.status_code == 201 and r.json["timesheet"]["id"] == sheet["id"]
    assert r.json["timesheet"]["total_seconds"] == 6 * 3600
    api.post(f"{T}/timesheets/{sheet['id']}/approve", json={}, token=manager["token"])
    r = api.get(f"{T}/timesheets/{sheet['id']}", token=emp["token"])
    assert [(h["action"], h["comment"]) for h in r.json["history"]] == [
        ("submitted", None),
        ("rejected", "Tuesday is too long"),
        ("submitted", None),
        ("approved", None),
    ]
    week = api.get(f"{T}/timesheets/week?date={WEEK_DAY}", token=emp["token"]).json
    assert week["timesheet"]["status"] == "approved" and len(week["days"]) == 7 and len(week["history"]) == 4
    assert week["totals"]["seconds"] == 6 * 3600
    # Neighbouring weeks stay open.
    add_entry(api, emp["token"], "2026-11-09T09:00:00Z", "2026-11-09T10:00:00Z")
    add_entry(api, emp["token"], "2026-11-01T09:00:00Z", "2026-11-01T10:00:00Z")


def test_only_the_assigned_manager_or_an_admin_decides(api, co, stack):
    admin, manager, stranger, emp = co["admin"], co["manager"], co["stranger"], co["emp"]
    add_entry(api, emp["token"], "2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z")
    sheet = api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=emp["token"]).json["timesheet"]
    assert api.post(f"{T}/timesheets/{sheet['id']}/approve", json={}, token=emp["token"]).status_code == 403
    r = api.post(f"{T}/timesheets/{sheet['id']}/approve", json={}, token=stranger["token"])
    assert r.status_code in (403, 404)
    outsider = signup(api, company="Other")
    assert api.post(f"{T}/timesheets/{sheet['id']}/approve", json={}, token=outsider["token"]).status_code == 404
    assert api.get(f"{T}/timesheets/{sheet['id']}", token=outsider["token"]).status_code == 404
    # A manager's own week needs an admin.
    add_entry(api, manager["token"], "2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z")
    own = api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=manager["token"]).json["timesheet"]
    assert api.post(f"{T}/timesheets/{own['id']}/approve", json={}, token=manager["token"]).status_code == 403
    assert api.post(f"{T}/timesheets/{own['id']}/approve", json={}, token=admin["token"]).status_code == 200
    # The database refuses a self-approval whatever the handler does.
    user = emp["user"]
    with psycopg.connect(stack["app_url"]) as conn:
        set_claims(conn, Claims(company_id=user["company_id"], user_id=user["id"], role="employee"))
        for status in ("approved", "open", "rejected"):  # nor may the owner withdraw a submitted week
            with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
                conn.execute("UPDATE timesheets SET status = %s WHERE id = %s", (status, sheet["id"]))
    assert api.post(f"{T}/timesheets/{sheet['id']}/approve", json={}, token=manager["token"]).status_code == 200
    r = api.post(f"{T}/timesheets/{sheet['id']}/approve", json={}, token=manager["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "invalid_state"


def test_the_approval_lock_is_enforced_by_the_database_until_reopened(api, co, stack, owner_conn):
    admin, emp = co["admin"], co["emp"]
    e = add_entry(api, emp["token"], "2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z").json["entry"]
    sheet = api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=emp["token"]).json["timesheet"]
    api.post(f"{T}/timesheets/{sheet['id']}/approve", json={}, token=admin["token"])
    user = admin["user"]
    with psycopg.connect(stack["app_url"]) as conn:
        set_claims(conn, Claims(company_id=user["company_id"], user_id=user["id"], role="admin"))
        with pytest.raises(psycopg.errors.RaiseException, match="approved"):
            conn.execute("UPDATE time_entries SET ended_at = ended_at + interval '1h' WHERE id = %s", (e["id"],))
    with pytest.raises(psycopg.errors.RaiseException):  # not even the owner slips past the trigger
        owner_conn.execute("DELETE FROM time_entries WHERE id = %s", (e["id"],))
    r = api.post(f"{T}/timesheets/{sheet['id']}/reopen", json={"comment": "typo"}, token=co["manager"]["token"])
    assert r.status_code == 403
    r = api.post(f"{T}/timesheets/{sheet['id']}/reopen", json={"comment": "typo"}, token=admin["token"])
    assert r.status_code == 200 and r.json["timesheet"]["status"] == "open"
    assert r.json["history"][-1]["action"] == "reopened"
    r = api.patch(f"{T}/entries/{e['id']}", json={"description": "fixed"}, token=emp["token"])
    assert r.status_code == 200
    api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=emp["token"])
    api.post(f"{T}/timesheets/{sheet['id']}/approve", json={}, token=admin["token"])
    # Erasing the company (owner maintenance) still cascades through locked entries.
    owner_conn.execute("DELETE FROM companies WHERE id = %s", (user["company_id"],))
    assert owner_conn.execute("SELECT count(*) FROM time_entries").fetchone()[0] == 0


def test_submit_rules_and_company_week_start(api, co):
    admin, emp = co["admin"], co["emp"]
    api.post(f"{T}/timer/start", json={}, token=emp["token"])
    r = api.post(f"{T}/timesheets/submit", json={}, token=emp["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "timer_running"
    api.post(f"{T}/timer/stop", token=emp["token"])
    future = (datetime.now(UTC) + timedelta(days=8)).date().isoformat()
    r = api.post(f"{T}/timesheets/submit", json={"date": future}, token=emp["token"])
    assert r.status_code == 422 and r.json["error"]["code"] == "future_period"
    assert api.post(f"{T}/timesheets/submit", json={"date": "2026-02-30"}, token=emp["token"]).status_code == 400
    assert api.patch(f"{T}/settings", json={"week_start": 7}, token=admin["token"]).status_code == 200
    r = api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=emp["token"])
    assert (r.json["timesheet"]["period_start"], r.json["timesheet"]["period_end"]) == ("2026-11-01", "2026-11-07")
    assert api.get(f"{T}/timesheets?status=bogus", token=admin["token"]).status_code == 400
    assert api.get(f"{T}/timesheets/nope", token=admin["token"]).status_code == 404
    r = api.get(f"{T}/timesheets?user_id={emp['user']['id']}", token=co["stranger"]["token"])
    assert r.status_code == 200 and r.json["items"] == []


def test_week_lock_follows_local_midnight_across_dst(api, co):
    emp = co["emp"]
    assert api.patch("/function/auth/me", json={"timezone": "Europe/Berlin"}, token=emp["token"]).status_code == 200
    add_entry(api, emp["token"], "2026-03-29T10:00:00+02:00", "2026-03-29T11:00:00+02:00")
    r = api.post(f"{T}/timesheets/submit", json={"date": "2026-03-29"}, token=emp["token"])
    sheet = r.json["timesheet"]
    assert (sheet["period_start"], sheet["period_end"], sheet["timezone"]) == (
        "2026-03-23",
        "2026-03-29",
        "Europe/Berlin",
    )
    starts, ends = (datetime.fromisoformat(sheet[k]) for k in ("starts_at", "ends_at"))
    assert (starts, ends) == (datetime(2026, 3, 22, 23, tzinfo=UTC), datetime(2026, 3, 29, 22, tzinfo=UTC))
    assert sheet["total_seconds"] == 3600
    add_entry(api, emp["token"], "2026-03-29T21:30:00Z", "2026-03-29T21:45:00Z", expect=423)  # 23:30 local, Sunday
    add_entry(api, emp["token"], "2026-03-29T22:00:00Z", "2026-03-29T22:30:00Z")  # 00:00 local, Monday: next week
    week = api.get(f"{T}/timesheets/week?date=2026-03-29", token=emp["token"]).json
    assert week["days"][-1] == {"date": "2026-03-29", "seconds": 3600, "rounded_seconds": 3600, "billable_seconds": 0}
