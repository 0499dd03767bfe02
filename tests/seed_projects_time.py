"""Seed for projects and time: a client, a project with a member, a task with an assignee, a time entry created
with an Idempotency-Key, and last week's timesheet submitted and approved (with its history)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def seed(api, ctx: dict) -> None:
    """Create one row in every projects/time table for the company in `ctx`, through the API."""
    admin, manager, employee = ctx["admin"], ctx["manager"], ctx["employee"]
    emp_id = employee["user"]["id"]
    r = api.post("/function/projects/clients", json={"name": f"{ctx['name']} Client"}, token=admin["token"])
    assert r.status_code == 201, r.json
    client_id = r.json["client"]["id"]
    r = api.post(
        "/function/projects/projects",
        json={
            "name": f"{ctx['name']} Website",
            "client_id": client_id,
            "hourly_rate": 9000,
            "budget_hours": 100,
            "member_ids": [emp_id],
        },
        token=admin["token"],
    )
    assert r.status_code == 201, r.json
    project_id = r.json["project"]["id"]
    r = api.post(
        f"/function/projects/projects/{project_id}/tasks",
        json={"name": "Design", "assignee_ids": [emp_id]},
        token=manager["token"],
    )
    assert r.status_code == 201, r.json
    task_id = r.json["task"]["id"]
    start = (datetime.now(UTC) - timedelta(days=7)).replace(hour=9, minute=0, second=0, microsecond=0)
    r = api.post(
        "/function/time/entries",
        json={
            "task_id": task_id,
            "started_at": start.isoformat(),
            "ended_at": (start + timedelta(hours=2)).isoformat(),
            "source": "desktop",
        },
        token=employee["token"],
        headers={"Idempotency-Key": f"seed-{ctx['name']}"},
    )
    assert r.status_code == 201, r.json
    r = api.post("/function/time/timesheets/submit", json={"date": start.date().isoformat()}, token=employee["token"])
    assert r.status_code == 201, r.json
    r = api.post(
        f"/function/time/timesheets/{r.json['timesheet']['id']}/approve", json={"comment": "ok"}, token=manager["token"]
    )
    assert r.status_code == 200, r.json
    ctx.update(client_id=client_id, project_id=project_id, task_id=task_id)


# --- helpers for the projects and time tests ----------------------------------------------------------------


def make_project(api, token: str, name: str = "Website", **fields) -> dict:
    """Create a project as `token`'s user; return it."""
    r = api.post("/function/projects/projects", json={"name": name, **fields}, token=token)
    assert r.status_code == 201, r.json
    return r.json["project"]


def add_entry(api, token: str, start: str, end: str, expect: int = 201, **fields):
    """Create a manual entry; return the response after checking its status."""
    r = api.post("/function/time/entries", json={"started_at": start, "ended_at": end, **fields}, token=token)
    assert r.status_code == expect, r.json
    return r
