"""Notifications from real events: timesheets, leave, task assignment (one row for the right user, none for the
actor, none when the action is refused), and revoked sessions telling the gateways to close live sockets."""

from __future__ import annotations

import jwt
import pytest
from factories import invite_and_accept, signup
from seed_projects_time import make_project
from test_messaging import Listener

from workmonitor import keys
from workmonitor.queue import queue

T, A, M = "/function/time", "/function/attendance", "/function/messaging"
WEEK_DAY = "2026-11-04"  # a Wednesday of a past week


@pytest.fixture()
def co(api):
    """Admin; manager Mia assigned to Eve; unassigned manager Sam; Otto without a manager."""
    admin = signup(api, company="Acme")
    t = {
        "admin": admin,
        "manager": invite_and_accept(api, admin, role="manager", name="Mia Manager"),
        "stranger": invite_and_accept(api, admin, role="manager", name="Sam Stranger"),
        "emp": invite_and_accept(api, admin, name="Eve Employee"),
        "other": invite_and_accept(api, admin, name="Otto Other"),
    }
    r = api.post(
        "/function/team/assignments",
        json={"manager_id": uid(t["manager"]), "employee_id": uid(t["emp"])},
        token=admin["token"],
    )
    assert r.status_code == 201, r.json
    return t


def uid(who: dict) -> str:
    return who["user"]["id"]


def notes(api, who: dict) -> list[dict]:
    """Return `who`'s notifications through the messaging API (their own token, so their RLS claims)."""
    r = api.get(f"{M}/notifications", token=who["token"])
    assert r.status_code == 200, r.json
    return r.json["items"]


def kinds(api, who: dict) -> list[str]:
    return [n["kind"] for n in notes(api, who)]


def test_timesheet_submitted_goes_to_the_assigned_manager_then_the_decision_to_the_employee(api, co):
    r = api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY, "comment": "my week"}, token=co["emp"]["token"])
    assert r.status_code == 201, r.json
    sheet = r.json["timesheet"]
    [note] = notes(api, co["manager"])
    assert note["kind"] == "timesheet_submitted" and note["title"] == "Eve Employee submitted the week of 2026-11-02"
    assert note["body"] == "my week" and note["data"]["timesheet_id"] == sheet["id"]
    assert kinds(api, co["emp"]) == [] and kinds(api, co["admin"]) == [] and kinds(api, co["stranger"]) == []
    emails = queue(keys.EMAIL_QUEUE).count
    # Refused actions roll back: a second submit (409), the employee's own approval (403), an unassigned
    # manager's approval (RLS hides the sheet: 404). No row, and no email job either.
    assert api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=co["emp"]["token"]).status_code == 409
    r = api.post(f"{T}/timesheets/{sheet['id']}/approve", json={}, token=co["emp"]["token"])
    assert r.status_code == 403, r.json
    r = api.post(f"{T}/timesheets/{sheet['id']}/approve", json={}, token=co["stranger"]["token"])
    assert r.status_code in (403, 404), r.json
    assert kinds(api, co["emp"]) == [] and kinds(api, co["manager"]) == ["timesheet_submitted"]
    assert queue(keys.EMAIL_QUEUE).count == emails
    r = api.post(
        f"{T}/timesheets/{sheet['id']}/reject", json={"comment": "Tuesday is too long"}, token=co["manager"]["token"]
    )
    assert r.status_code == 200, r.json
    [note] = notes(api, co["emp"])
    assert note["kind"] == "timesheet_rejected" and note["body"] == "Tuesday is too long"
    assert note["data"]["comment"] == "Tuesday is too long" and note["data"]["timesheet_id"] == sheet["id"]
    assert kinds(api, co["manager"]) == ["timesheet_submitted"]
    api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=co["emp"]["token"])
    r = api.post(f"{T}/timesheets/{sheet['id']}/approve", json={"comment": "thanks"}, token=co["manager"]["token"])
    assert r.status_code == 200, r.json
    assert kinds(api, co["emp"]) == ["timesheet_approved", "timesheet_rejected"]
    assert notes(api, co["emp"])[0]["body"] == "thanks"
    assert kinds(api, co["manager"]) == ["timesheet_submitted", "timesheet_submitted"]
    assert kinds(api, co["admin"]) == [] and kinds(api, co["stranger"]) == []


def test_timesheet_of_someone_without_a_manager_goes_to_the_admins(api, co):
    second = invite_and_accept(api, co["admin"], role="admin", name="Ada Second")
    r = api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=co["other"]["token"])
    assert r.status_code == 201, r.json
    assert kinds(api, co["admin"]) == ["timesheet_submitted"] and kinds(api, second) == ["timesheet_submitted"]
    assert kinds(api, co["manager"]) == [] and kinds(api, co["other"]) == []
    # An admin's own week goes to the other admins, not to themself.
    assert api.post(f"{T}/timesheets/submit", json={"date": WEEK_DAY}, token=second["token"]).status_code == 201
    assert kinds(api, co["admin"]) == ["timesheet_submitted"] * 2 and kinds(api, second) == ["timesheet_submitted"]


def test_leave_request_goes_to_the_manager_and_the_decision_to_the_employee(api, co):
    r = api.post(f"{A}/leave/types", json={"name": "Vacation"}, token=co["admin"]["token"])
    leave_type = r.json["leave_type"]["id"]
    r = api.post(
        f"{A}/leave/requests",
        json={"leave_type_id": leave_type, "start_date": "2026-07-06", "end_date": "2026-07-10", "reason": "Beach"},
        token=co["emp"]["token"],
    )
    assert r.status_code == 201, r.json
    req = r.json["request"]
    [note] = notes(api, co["manager"])
    assert note["kind"] == "leave_requested" and note["body"] == "Beach"
    assert note["title"] == "Eve Employee requested leave from 2026-07-06 to 2026-07-10"
    assert note["data"]["leave_request_id"] == req["id"]
    assert kinds(api, co["emp"]) == [] and kinds(api, co["admin"]) == []
    # Refused decisions (the employee themself: 403; an unassigned manager: 403 or hidden) notify nobody.
    emails = queue(keys.EMAIL_QUEUE).count
    r = api.post(f"{A}/leave/requests/{req['id']}/approve", json={}, token=co["emp"]["token"])
    assert r.status_code == 403, r.json
    r = api.post(f"{A}/leave/requests/{req['id']}/approve", json={}, token=co["stranger"]["token"])
    assert r.status_code in (403, 404), r.json
    assert kinds(api, co["emp"]) == [] and queue(keys.EMAIL_QUEUE).count == emails
    r = api.post(f"{A}/leave/requests/{req['id']}/approve", json={"comment": "Enjoy"}, token=co["manager"]["token"])
    assert r.status_code == 200, r.json
    [note] = notes(api, co["emp"])
    assert note["kind"] == "leave_decided" and note["body"] == "Enjoy" and note["data"]["status"] == "approved"
    assert note["title"] == "Your leave from 2026-07-06 to 2026-07-10 was approved"
    assert kinds(api, co["manager"]) == ["leave_requested"]
    # Otto has no manager: his request goes to the admin.
    r = api.post(
        f"{A}/leave/requests",
        json={"leave_type_id": leave_type, "start_date": "2026-08-03", "end_date": "2026-08-04"},
        token=co["other"]["token"],
    )
    assert r.status_code == 201, r.json
    assert kinds(api, co["admin"]) == ["leave_requested"] and kinds(api, co["other"]) == []
    r = api.post(f"{A}/leave/requests/{r.json['request']['id']}/reject", json={}, token=co["admin"]["token"])
    assert r.status_code == 200 and kinds(api, co["other"]) == ["leave_decided"]
    assert kinds(api, co["admin"]) == ["leave_requested"]


def test_task_assignment_notifies_each_new_assignee_not_the_assigner(api, co):
    mgr = co["manager"]
    proj = make_project(api, mgr["token"], member_ids=[uid(co["emp"]), uid(co["other"]), uid(mgr)])
    r = api.post(
        f"/function/projects/projects/{proj['id']}/tasks",
        json={"name": "Landing page", "assignee_ids": [uid(co["emp"]), uid(mgr)]},
        token=mgr["token"],
    )
    assert r.status_code == 201, r.json
    task = r.json["task"]
    [note] = notes(api, co["emp"])
    assert note["kind"] == "task_assigned" and note["title"] == "You were assigned to Landing page"
    assert note["data"] == {"task_id": task["id"], "project_id": proj["id"]}
    assert kinds(api, mgr) == [] and kinds(api, co["other"]) == []
    # Re-saving with Eve kept and Otto added notifies only Otto.
    r = api.patch(
        f"/function/projects/tasks/{task['id']}",
        json={"assignee_ids": [uid(co["emp"]), uid(co["other"])]},
        token=mgr["token"],
    )
    assert r.status_code == 200, r.json
    assert kinds(api, co["emp"]) == ["task_assigned"] and kinds(api, co["other"]) == ["task_assigned"]
    # A refused change (an assignee outside the project) rolls back: nobody is notified.
    r = api.patch(
        f"/function/projects/tasks/{task['id']}", json={"assignee_ids": [uid(co["stranger"])]}, token=mgr["token"]
    )
    assert r.status_code == 422, r.json
    assert kinds(api, co["stranger"]) == [] and kinds(api, mgr) == []


def test_revoking_sessions_tells_the_gateways(api, co):
    listener = Listener(keys.GATEWAY_CONTROL)
    try:
        sid = jwt.decode(co["emp"]["token"], options={"verify_signature": False})["sid"]
        assert api.post("/function/auth/logout", json={}, token=co["emp"]["token"]).status_code == 204
        assert listener.wait_for(lambda m: m == {"type": "revoke", "session_id": sid})
        r = api.post(f"/function/team/users/{uid(co['other'])}/deactivate", token=co["admin"]["token"])
        assert r.status_code == 200, r.json
        assert listener.wait_for(lambda m: m == {"type": "revoke", "user_id": uid(co["other"])})
    finally:
        listener.close()
