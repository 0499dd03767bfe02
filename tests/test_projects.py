"""projects: clients, projects, budgets, membership, tasks; employees see only their projects (RLS, not handlers)."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from factories import invite_and_accept, signup
from psycopg.rows import dict_row
from seed_projects_time import add_entry, make_project

from workmonitor.db import Claims, set_claims

P = "/function/projects"


@pytest.fixture()
def co(api):
    """A company with an admin, a manager and two employees."""
    admin = signup(api, company="Acme")
    return {
        "admin": admin,
        "manager": invite_and_accept(api, admin, role="manager", name="Mia Manager"),
        "emp": invite_and_accept(api, admin, name="Eve Employee"),
        "other": invite_and_accept(api, admin, name="Otto Other"),
    }


def _count(owner_conn, table: str) -> int:
    return owner_conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_clients_and_projects_crud(api, co):
    admin, manager = co["admin"]["token"], co["manager"]["token"]
    r = api.post(f"{P}/clients", json={"name": "Globex", "email": "Billing@Globex.example"}, token=admin)
    assert r.status_code == 201 and r.json["client"]["email"] == "billing@globex.example", r.json
    client = r.json["client"]
    proj = make_project(
        api,
        manager,
        "Globex site",
        client_id=client["id"],
        color="#FF8800",
        billable=True,
        hourly_rate=12000,
        currency="EUR",
        budget_hours=40,
        budget_amount=500000,
    )
    assert proj["client_name"] == "Globex" and proj["color"] == "#ff8800" and proj["currency"] == "EUR"
    assert proj["budget_hours"] == "40.00" and proj["budget_amount"] == 500000 and proj["archived"] is False
    r = api.patch(f"{P}/projects/{proj['id']}", json={"name": "Globex web", "budget_hours": None}, token=admin)
    assert (
        r.status_code == 200 and r.json["project"]["name"] == "Globex web" and r.json["project"]["budget_hours"] is None
    )
    assert r.json["budget"]["used_seconds"] == 0
    r = api.get(f"{P}/projects?client_id={client['id']}", token=admin)
    assert [p["id"] for p in r.json["items"]] == [proj["id"]]
    r = api.patch(f"{P}/projects/{proj['id']}", json={"archived": True}, token=admin)
    assert r.json["project"]["archived"] is True
    assert api.get(f"{P}/projects", token=admin).json["items"] == []
    assert len(api.get(f"{P}/projects?archived=all", token=admin).json["items"]) == 1
    r = api.post(f"{P}/clients", json={"name": "globex"}, token=admin)
    assert r.status_code == 409, r.json
    r = api.patch(f"{P}/clients/{client['id']}", json={"archived": True}, token=manager)
    assert r.status_code == 200 and r.json["client"]["archived"] is True


def test_employee_cannot_create_or_edit(api, co):
    emp = co["emp"]["token"]
    assert api.post(f"{P}/projects", json={"name": "Mine"}, token=emp).status_code == 403
    assert api.post(f"{P}/clients", json={"name": "Mine"}, token=emp).status_code == 403
    proj = make_project(api, co["admin"]["token"], member_ids=[co["emp"]["user"]["id"]])
    assert api.patch(f"{P}/projects/{proj['id']}", json={"name": "X"}, token=emp).status_code == 403
    assert api.post(f"{P}/projects/{proj['id']}/tasks", json={"name": "T"}, token=emp).status_code == 403


def test_employee_sees_only_member_projects_through_api(api, co):
    admin, emp = co["admin"]["token"], co["emp"]
    mine = make_project(api, admin, "Mine", hourly_rate=9000, member_ids=[emp["user"]["id"]])
    theirs = make_project(api, admin, "Theirs", member_ids=[co["other"]["user"]["id"]])
    api.post(f"{P}/projects/{theirs['id']}/tasks", json={"name": "Secret task"}, token=admin)
    r = api.get(f"{P}/projects", token=emp["token"])
    assert [p["id"] for p in r.json["items"]] == [mine["id"]]
    r = api.get(f"{P}/projects/{mine['id']}", token=emp["token"])
    assert r.status_code == 200 and r.json["budget"] is None  # budgets and rates are for planners
    assert r.json["project"]["hourly_rate"] is None
    assert api.get(f"{P}/projects", token=admin).json["items"][0]["hourly_rate"] == 9000
    assert api.get(f"{P}/projects/{theirs['id']}", token=emp["token"]).status_code == 404
    assert api.get(f"{P}/projects/{theirs['id']}/tasks", token=emp["token"]).status_code == 404
    assert api.get(f"{P}/projects/{mine['id']}/budget", token=emp["token"]).status_code == 403
    # Removing the membership hides the project at once.
    r = api.delete(f"{P}/projects/{mine['id']}/members/{emp['user']['id']}", token=admin)
    assert r.status_code == 204
    assert api.get(f"{P}/projects", token=emp["token"]).json["items"] == []


def test_employee_isolation_is_enforced_by_rls(api, co, stack):
    admin, emp = co["admin"]["token"], co["emp"]["user"]
    mine = make_project(api, admin, "Mine", member_ids=[emp["id"]])
    theirs = make_project(api, admin, "Theirs", member_ids=[co["other"]["user"]["id"]])
    task = api.post(
        f"{P}/projects/{theirs['id']}/tasks",
        json={"name": "Hidden", "assignee_ids": [co["other"]["user"]["id"]]},
        token=admin,
    ).json["task"]
    with psycopg.connect(stack["app_url"], row_factory=dict_row) as conn:
        set_claims(conn, Claims(company_id=emp["company_id"], user_id=emp["id"], role="employee"))
        assert [str(r["id"]) for r in conn.execute("SELECT id FROM projects").fetchall()] == [mine["id"]]
        assert conn.execute("SELECT count(*) AS n FROM tasks WHERE id = %s", (task["id"],)).fetchone()["n"] == 0
        assert conn.execute("SELECT count(*) AS n FROM task_assignees").fetchone()["n"] == 0
        assert {str(r["user_id"]) for r in conn.execute("SELECT user_id FROM project_members")} == {emp["id"]}
        assert conn.execute("UPDATE projects SET name = 'hacked' WHERE id = %s", (mine["id"],)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO project_members (company_id, project_id, user_id) VALUES (%s, %s, %s)",
                (emp["company_id"], theirs["id"], emp["id"]),
            )
        conn.rollback()
        set_claims(conn, Claims(company_id=emp["company_id"], user_id=emp["id"], role="employee"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO projects (company_id, name, currency) VALUES (%s, 'Sneaky', 'USD')", (emp["company_id"],)
            )
        conn.rollback()
        set_claims(conn, Claims(company_id=emp["company_id"], user_id=co["manager"]["user"]["id"], role="manager"))
        assert conn.execute("SELECT count(*) AS n FROM projects").fetchone()["n"] == 2


def test_tasks_with_assignees_status_due_date_and_estimate(api, co):
    admin, emp_id = co["admin"]["token"], co["emp"]["user"]["id"]
    proj = make_project(api, admin, member_ids=[emp_id])
    r = api.post(
        f"{P}/projects/{proj['id']}/tasks",
        json={"name": "Design", "due_date": "2026-12-01", "estimate_minutes": 90, "assignee_ids": [emp_id]},
        token=admin,
    )
    assert r.status_code == 201, r.json
    task = r.json["task"]
    assert task["status"] == "todo" and task["due_date"] == "2026-12-01" and task["assignee_ids"] == [emp_id]
    r = api.post(
        f"{P}/projects/{proj['id']}/tasks", json={"name": "X", "assignee_ids": [co["other"]["user"]["id"]]}, token=admin
    )
    assert r.status_code == 422 and r.json["error"]["code"] == "not_a_member"
    r = api.patch(f"{P}/tasks/{task['id']}", json={"status": "in_progress", "assignee_ids": []}, token=admin)
    assert r.status_code == 200 and r.json["task"]["status"] == "in_progress" and r.json["task"]["assignee_ids"] == []
    r = api.patch(f"{P}/tasks/{task['id']}", json={"status": "finished"}, token=admin)
    assert r.status_code == 400 and "status" in r.json["error"]["fields"]
    api.patch(f"{P}/tasks/{task['id']}", json={"assignee_ids": [emp_id]}, token=admin)
    r = api.get(f"{P}/projects/{proj['id']}/tasks?assignee_id={emp_id}&status=in_progress", token=co["emp"]["token"])
    assert [t["id"] for t in r.json["items"]] == [task["id"]]
    assert api.delete(f"{P}/tasks/{task['id']}", token=admin).status_code == 204
    assert api.get(f"{P}/tasks/{task['id']}", token=admin).status_code == 404


def test_budget_consumption_uses_member_rates(api, co):
    admin, emp = co["admin"]["token"], co["emp"]
    proj = make_project(
        api, admin, hourly_rate=10000, budget_hours=10, budget_amount=100000, member_ids=[co["other"]["user"]["id"]]
    )
    r = api.post(
        f"{P}/projects/{proj['id']}/members", json={"user_id": emp["user"]["id"], "hourly_rate": 6000}, token=admin
    )
    assert r.status_code == 201 and {m["user_id"] for m in r.json["items"]} == {
        emp["user"]["id"],
        co["other"]["user"]["id"],
    }
    add_entry(api, emp["token"], "2026-11-02T09:00:00Z", "2026-11-02T11:00:00Z", project_id=proj["id"])  # 2h @ 60
    add_entry(api, co["other"]["token"], "2026-11-02T09:00:00Z", "2026-11-02T10:30:00Z", project_id=proj["id"])
    add_entry(
        api, co["other"]["token"], "2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z", project_id=proj["id"], billable=False
    )
    r = api.get(f"{P}/projects/{proj['id']}/budget", token=co["manager"]["token"])
    b = r.json["budget"]
    assert b["used_seconds"] == 4.5 * 3600 and b["billable_seconds"] == 3.5 * 3600
    assert b["used_amount"] == 2 * 6000 + 15000 and b["hours_percent"] == 45.0 and b["amount_percent"] == 27.0


def test_bad_input_is_4xx_and_writes_nothing(api, co, owner_conn):
    admin = co["admin"]["token"]
    other_co = signup(api, company="Other")
    foreign_client = api.post(f"{P}/clients", json={"name": "Theirs"}, token=other_co["token"]).json["client"]
    before = _count(owner_conn, "projects")
    cases = [
        ({"name": "X", "color": "red"}, 400),
        ({"name": "X", "hourly_rate": -1}, 400),
        ({"name": "X", "budget_hours": -5}, 400),
        ({"name": ""}, 400),
        ({"name": "X", "currency": "euro"}, 400),
        ({"name": "X", "client_id": str(uuid.uuid4())}, 404),
        ({"name": "X", "client_id": foreign_client["id"]}, 404),
        ({"name": "X", "member_ids": [str(uuid.uuid4())]}, 422),
        ({"name": "X", "member_ids": [other_co["user"]["id"]]}, 422),
        ({"name": "X", "bogus": 1}, 400),
    ]
    for payload, status in cases:
        r = api.post(f"{P}/projects", json=payload, token=admin)
        assert r.status_code == status, (payload, r.json)
        assert "error" in r.json
    assert _count(owner_conn, "projects") == before
    assert api.get(f"{P}/projects/not-a-uuid", token=admin).status_code == 404
    assert api.get(f"{P}/projects?client_id=nope", token=admin).status_code == 400
    r = api.post(f"{P}/projects/{uuid.uuid4()}/tasks", json={"name": "T"}, token=admin)
    assert r.status_code == 404


def test_other_company_cannot_reach_projects(api, co):
    proj = make_project(api, co["admin"]["token"])
    other = signup(api, company="Other")
    assert api.get(f"{P}/projects/{proj['id']}", token=other["token"]).status_code == 404
    assert api.patch(f"{P}/projects/{proj['id']}", json={"name": "X"}, token=other["token"]).status_code == 404
    r = api.post(f"{P}/projects/{proj['id']}/members", json={"user_id": other["user"]["id"]}, token=other["token"])
    assert r.status_code == 404
    r = api.post(
        f"{P}/projects/{make_project(api, other['token'])['id']}/members",
        json={"user_id": co["emp"]["user"]["id"]},
        token=other["token"],
    )
    assert r.status_code == 422


def test_assignees_move_their_task_and_nothing_else(api, co, stack):
    admin, emp, other = co["admin"]["token"], co["emp"], co["other"]
    proj = make_project(api, admin, member_ids=[emp["user"]["id"], other["user"]["id"]])
    task = api.post(
        f"{P}/projects/{proj['id']}/tasks",
        json={"name": "Write docs", "assignee_ids": [emp["user"]["id"]]},
        token=admin,
    ).json["task"]
    r = api.post(f"{P}/tasks/{task['id']}/status", json={"status": "done"}, token=emp["token"])
    assert r.status_code == 200 and r.json["task"]["status"] == "done"
    r = api.post(f"{P}/tasks/{task['id']}/status", json={"status": "todo"}, token=other["token"])
    assert r.status_code == 403 and r.json["error"]["code"] == "not_assigned"
    assert api.post(f"{P}/tasks/{task['id']}/status", json={"status": "nope"}, token=emp["token"]).status_code == 400
    assert api.patch(f"{P}/tasks/{task['id']}", json={"name": "Mine now"}, token=emp["token"]).status_code == 403
    user = emp["user"]
    with psycopg.connect(stack["app_url"]) as conn:
        set_claims(conn, Claims(company_id=user["company_id"], user_id=user["id"], role="employee"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE tasks SET name = 'renamed' WHERE id = %s", (task["id"],))
