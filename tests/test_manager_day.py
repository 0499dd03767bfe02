"""Issue 14, server side: a manager's people after bulk assignment, approval that never blocks tracking after it,
the overlap rule for a running timer, the password policy and office-safe throttling, and unknown paths."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from factories import PASSWORD, invite_and_accept, last_mail, signup
from werkzeug.test import Client

from workmonitor import security
from workmonitor.devserver import gateway_app

AUTH, TEAM, TIME, PUB = "/function/auth", "/function/team", "/function/time", "/function/publish"


def login(api, email: str, password: str = PASSWORD, ip: str = "192.0.2.10"):
    return api.post(f"{AUTH}/login", json={"email": email, "password": password}, headers={"X-Forwarded-For": ip})


def field_error(r, field: str) -> str:
    assert r.status_code == 400, (r.status_code, r.json)
    assert field in r.json["error"]["fields"], r.json
    return r.json["error"]["fields"][field]


# --- item 6: password policy ---------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["password", "12345678", "Abc12345x", "1234567890", "qwertyuiop", "aaaaaaaaaaaa"])
def test_signup_refuses_short_and_common_passwords(api, bad):
    body = {"company_name": "Weak Co", "name": "Ada", "email": "weak@example.com", "password": bad}
    message = field_error(api.post(f"{AUTH}/signup", json=body), "password")
    assert "10 characters" in message or "common" in message, message


def test_reset_change_and_invitation_apply_the_policy_but_existing_passwords_still_work(api, owner_conn):
    admin = signup(api)
    # An account whose password predates the policy (8 characters, on the list) still signs in.
    owner_conn.execute(
        "UPDATE people SET password_hash = %s WHERE email = %s", (security.hash_password("sunshine"), admin["email"])
    )
    assert login(api, admin["email"], "sunshine").status_code == 200
    r = api.post(f"{AUTH}/me/password", json={"current_password": "sunshine", "new_password": "baseball"},
                 token=admin["token"])  # fmt: skip
    field_error(r, "new_password")
    r = api.post(f"{AUTH}/me/password", json={"current_password": "sunshine", "new_password": "1q2w3e4r5t"},
                 token=admin["token"])  # fmt: skip
    assert "common" in field_error(r, "new_password")
    # Reset by link.
    assert api.post(f"{AUTH}/password/forgot", json={"email": admin["email"]}).status_code == 202
    token = re.search(r"token=([\w-]+)", last_mail(admin["email"])).group(1)
    field_error(api.post(f"{AUTH}/password/reset", json={"token": token, "password": "iloveyou"}), "password")
    assert api.post(f"{AUTH}/password/reset", json={"token": token, "password": "a fine new secret"}).status_code == 204
    # A new account by invitation (the reset signed the admin out everywhere).
    token = login(api, admin["email"], "a fine new secret").json["access_token"]
    email = "newbie@example.com"
    assert api.post(f"{TEAM}/invitations", json={"email": email, "role": "employee"}, token=token).status_code == 201
    invite = re.search(r"token=([\w-]+)", last_mail(email)).group(1)
    body = {"token": invite, "name": "Newbie", "password": "1234567890"}
    assert "common" in field_error(api.post(f"{AUTH}/invitations/accept", json=body), "password")
    body["password"] = "dragon"
    field_error(api.post(f"{AUTH}/invitations/accept", json=body), "password")
    body["password"] = "12345678"
    field_error(api.post(f"{AUTH}/invitations/accept", json=body), "password")
    body["password"] = PASSWORD
    assert api.post(f"{AUTH}/invitations/accept", json=body).status_code == 201


# --- item 6: throttling that cannot lock out an office ---------------------------------------------------------


def test_one_accounts_failures_do_not_block_a_colleague_behind_the_same_address(api):
    from workmonitor.config import settings

    a, b = signup(api, company="Office A"), signup(api, company="Office B")
    office = "198.51.100.77"
    for _ in range(settings().login_max_failures):
        assert login(api, a["email"], "wrong password!", ip=office).status_code == 401
    assert login(api, b["email"], ip=office).status_code == 200  # a colleague behind the same NAT
    assert login(api, a["email"], ip=office).status_code == 429  # the per-account limit stays
    assert login(api, a["email"], ip="198.51.100.78").status_code == 429


def test_an_address_spraying_many_accounts_is_refused(api):
    from workmonitor.config import settings

    victim = signup(api)
    spray = "198.51.100.99"
    for i in range(settings().login_address_max_accounts):
        assert login(api, f"sprayed-{i}@example.com", "Winter2026!", ip=spray).status_code == 401
    r = login(api, victim["email"], ip=spray)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1, r.json
    assert login(api, victim["email"], ip="198.51.100.100").status_code == 200


# --- item 11: unknown paths ------------------------------------------------------------------------------------


@pytest.fixture
def site(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>WorkMonitor</title>")
    (tmp_path / "app.js").write_text("console.log(1)")
    return Client(gateway_app(tmp_path, {"socket_url": "ws://x"}))


def test_page_routes_get_the_web_app_and_anything_else_unknown_is_404_json(site):
    html = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    for path in ("/", "/timesheets", "/team/people"):
        r = site.get(path, headers=html)
        assert r.status_code == 200 and b"WorkMonitor" in r.data, path
    assert site.get("/app.js").status_code == 200
    aw = {"Content-Type": "application/json", "Accept": "application/json"}
    for method, path, headers in (
        ("POST", "/api/0/buckets/aw-watcher-window_host/heartbeat?pulsetime=60", aw),  # a stock ActivityWatch client
        ("GET", "/api/0/buckets", aw),
        ("GET", "/api/0/info", html),
        ("POST", "/timesheets", aw),
        ("GET", "/missing.js", html),
        ("GET", "/some/path", {"Accept": "application/json"}),
        ("PUT", "/anything", html),
    ):
        r = site.open(path, method=method, headers=headers, data=b"{}")
        assert r.status_code == 404, (method, path, r.status_code)
        assert r.json["error"]["code"] in ("not_found", "function_not_found"), r.json
    r = site.get("/wm-config.json")
    assert r.status_code == 200 and r.json == {"socket_url": "ws://x"}


def test_unknown_paths_under_a_function_are_404_json(api):
    admin = signup(api)
    for path in (f"{TIME}/no-such-route", f"{TEAM}/managers/x/nothing", "/function/nope/x"):
        r = api.post(path, json={}, token=admin["token"])
        assert r.status_code in (404, 405), (path, r.status_code)
        assert r.is_json and "error" in r.json, (path, r.get_data(as_text=True)[:200])


# --- shared company: an admin, a manager assigned to `emp`, and `other` (not assigned) --------------------------


@pytest.fixture()
def co(api):
    from seed_projects_time import make_project

    admin = signup(api, company="Acme")
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    emp = invite_and_accept(api, admin, name="Eve Employee")
    other = invite_and_accept(api, admin, name="Otto Other")
    r = api.post(
        f"{TEAM}/assignments",
        json={"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]},
        token=admin["token"],
    )
    assert r.status_code == 201, r.json
    proj = make_project(api, admin["token"], "Website", member_ids=[emp["user"]["id"], other["user"]["id"]])
    return {"admin": admin, "manager": manager, "emp": emp, "other": other, "project": proj}


def _at(delta_minutes: float) -> str:
    return (datetime.now(UTC) + timedelta(minutes=delta_minutes)).isoformat()


def _entry(api, token: str, start: str, end: str, **fields):
    return api.post(f"{TIME}/entries", json={"started_at": start, "ended_at": end, **fields}, token=token)


# --- item 5: a running timer lasts until now -------------------------------------------------------------------


def test_an_entry_planned_later_today_does_not_block_start_and_a_running_timer_does_not_block_one(api, co):
    tok, pid = co["emp"]["token"], co["project"]["id"]
    planned = _entry(api, tok, _at(60), _at(90), project_id=pid, description="Planning")
    assert planned.status_code == 201, planned.json
    r = api.post(f"{TIME}/timer/start", json={"project_id": pid}, token=tok)
    assert r.status_code == 201, r.json  # was 409: the running timer counted as lasting forever
    r = _entry(api, tok, _at(120), _at(150), description="Later")  # while the timer runs, after the present
    assert r.status_code == 201, r.json
    assert api.post(f"{TIME}/timer/stop", token=tok).status_code == 200


def test_the_overlap_error_names_the_conflicting_entry_in_local_time(api, co):
    tok, pid = co["emp"]["token"], co["project"]["id"]
    assert api.patch(f"{AUTH}/me", json={"timezone": "Europe/Berlin"}, token=tok).status_code == 200
    around = _entry(api, tok, _at(-20), _at(20), project_id=pid, description="Sprint review")
    assert around.status_code == 201, around.json
    entry = around.json["entry"]
    r = api.post(f"{TIME}/timer/start", json={}, token=tok)  # now lies inside that entry
    assert r.status_code == 409 and r.json["error"]["code"] == "overlap", r.json
    assert r.json["error"]["conflicting_entry"]["id"] == entry["id"]
    zone = ZoneInfo("Europe/Berlin")
    start = datetime.fromisoformat(entry["started_at"]).astimezone(zone)
    end = datetime.fromisoformat(entry["ended_at"]).astimezone(zone)
    message = r.json["error"]["message"]
    assert '"Website — Sprint review"' in message and f"{start:%H:%M}" in message, message
    assert f"{end:%H:%M}" in message and "Europe/Berlin" in message, message
    # A running timer conflicts for the part that has passed: it is named as running.
    api.delete(f"{TIME}/entries/{entry['id']}", token=tok)
    running = api.post(f"{TIME}/timer/start", json={"description": "Deep work"}, token=tok).json["entry"]
    r = api.patch(f"{TIME}/entries/{running['id']}", json={"started_at": _at(-60)}, token=tok)
    assert r.status_code == 200, r.json
    r = _entry(api, tok, _at(-30), _at(-10))
    assert r.status_code == 409 and r.json["error"]["conflicting_entry"]["id"] == running["id"], r.json
    assert '"Deep work"' in r.json["error"]["message"] and "running since" in r.json["error"]["message"]


def test_stopping_ends_the_timer_where_a_planned_entry_began(api, co, owner_conn):
    tok = co["emp"]["token"]
    running = api.post(f"{TIME}/timer/start", json={}, token=tok).json["entry"]
    # The timer started an hour ago and an entry planned for ten minutes ago exists (added when it lay ahead).
    owner_conn.execute("UPDATE time_entries SET started_at = now() - interval '1 hour' WHERE id = %s", (running["id"],))
    planned = owner_conn.execute(
        "INSERT INTO time_entries (company_id, user_id, started_at, ended_at) VALUES (%s, %s,"
        " now() - interval '10 minutes', now() - interval '5 minutes') RETURNING started_at",
        (co["emp"]["user"]["company_id"], co["emp"]["user"]["id"]),
    ).fetchone()[0]
    r = api.post(f"{TIME}/timer/stop", token=tok)
    assert r.status_code == 200, r.json
    assert datetime.fromisoformat(r.json["entry"]["ended_at"]) == planned


def test_the_database_still_refuses_a_running_timer_inside_an_entry(api, co, stack):
    import psycopg

    from workmonitor.db import Claims, set_claims

    emp = co["emp"]["user"]
    assert _entry(api, co["emp"]["token"], _at(-30), _at(30)).status_code == 201
    with psycopg.connect(stack["app_url"]) as conn:
        set_claims(conn, Claims(company_id=emp["company_id"], user_id=emp["id"], role="employee"))
        with pytest.raises(psycopg.errors.ExclusionViolation):
            conn.execute(
                "INSERT INTO time_entries (company_id, user_id, started_at) VALUES (%s, %s, now())",
                (emp["company_id"], emp["id"]),
            )


# --- item 2: approving the current week locks only what has passed ----------------------------------------------


def test_approving_the_current_week_locks_what_had_passed_and_tracking_goes_on(api, co):
    tok, mgr = co["emp"]["token"], co["manager"]["token"]
    done = _entry(api, tok, _at(-3), _at(-2), description="Before the submission")
    assert done.status_code == 201, done.json
    today = datetime.now(UTC).date().isoformat()
    sheet = api.post(f"{TIME}/timesheets/submit", json={"date": today}, token=tok).json["timesheet"]
    assert datetime.fromisoformat(sheet["locked_until"]) < datetime.fromisoformat(sheet["ends_at"])
    r = api.post(f"{TIME}/timesheets/{sheet['id']}/approve", json={}, token=mgr)
    assert r.status_code == 200 and r.json["timesheet"]["locked_until"] == sheet["locked_until"], r.json
    r = api.post(f"{TIME}/timer/start", json={"description": "After the approval"}, token=tok)
    assert r.status_code == 201, r.json  # was 423 for the rest of the week
    assert api.post(f"{TIME}/timer/stop", token=tok).status_code == 200
    later = _entry(api, tok, _at(5), _at(10), description="Later today")
    assert later.status_code == 201, later.json
    r = api.patch(f"{TIME}/entries/{later.json['entry']['id']}", json={"description": "edited"}, token=tok)
    assert r.status_code == 200, r.json
    r = api.patch(f"{TIME}/entries/{done.json['entry']['id']}", json={"description": "edited"}, token=tok)
    assert r.status_code == 423 and r.json["error"]["code"] == "period_approved", r.json
    assert api.delete(f"{TIME}/entries/{done.json['entry']['id']}", token=tok).status_code == 423
    week = api.get(f"{TIME}/timesheets/week?date={today}", token=tok).json["timesheet"]
    assert week["status"] == "approved" and week["locked_until"] == sheet["locked_until"]


# --- item 1: a manager's people, assigned in bulk ---------------------------------------------------------------


def _working(api, token: str) -> tuple[set, set]:
    """Return the user ids working now as seen by `token`: (time's running timers, publish's presence)."""
    timers = api.get(f"{TIME}/timers/running", token=token)
    presence = api.get(f"{PUB}/presence", token=token)
    assert timers.status_code == 200 and presence.status_code == 200, (timers.json, presence.json)
    return {t["user_id"] for t in timers.json["items"]}, {w["user_id"] for w in presence.json["working"]}


def test_an_admin_assigns_a_managers_people_in_bulk_and_the_manager_sees_exactly_them_working(api):
    admin = signup(api, company="Bulk Co")
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    a, b, c = (invite_and_accept(api, admin, name=n) for n in ("Ann", "Ben", "Cid"))
    ids = {p["user"]["id"]: p for p in (a, b, c)}
    for person in (a, b, c):
        assert api.post(f"{TIME}/timer/start", json={}, token=person["token"]).status_code == 201
    assert _working(api, manager["token"]) == (set(), set())  # invited, not yet assigned: nobody
    url = f"{TEAM}/managers/{manager['user']['id']}/employees"
    r = api.put(url, json={"employee_ids": [a["user"]["id"], b["user"]["id"]]}, token=admin["token"])
    assert r.status_code == 200, r.json
    assert sorted(r.json["added"]) == sorted([a["user"]["id"], b["user"]["id"]]) and r.json["removed"] == []
    mine = {a["user"]["id"], b["user"]["id"]}
    assert _working(api, manager["token"]) == (mine, mine)
    assert _working(api, admin["token"]) == (set(ids), set(ids))
    # Replace the set: Ben out, Cid in; the same call again changes nothing.
    body = {"employee_ids": [a["user"]["id"], c["user"]["id"], c["user"]["id"]]}
    r = api.put(url, json=body, token=admin["token"])
    assert (r.json["added"], r.json["removed"]) == ([c["user"]["id"]], [b["user"]["id"]]), r.json
    r = api.put(url, json=body, token=admin["token"])
    assert (r.json["added"], r.json["removed"]) == ([], []), r.json
    mine = {a["user"]["id"], c["user"]["id"]}
    assert _working(api, manager["token"]) == (mine, mine)
    listed = api.get(f"{TEAM}/assignments?manager_id={manager['user']['id']}", token=admin["token"]).json["items"]
    assert {x["employee_id"] for x in listed} == mine
    # Only admins; the manager must be a manager; unknown people are named; [] empties the team.
    assert api.put(url, json={"employee_ids": []}, token=manager["token"]).status_code == 403
    r = api.put(f"{TEAM}/managers/{a['user']['id']}/employees", json={"employee_ids": []}, token=admin["token"])
    assert r.status_code == 400 and "manager_id" in r.json["error"]["fields"], r.json
    ghost = "00000000-0000-4000-8000-000000000000"
    r = api.put(url, json={"employee_ids": [ghost]}, token=admin["token"])
    assert r.status_code == 404 and ghost in r.json["error"]["message"], r.json
    r = api.put(url, json={"employee_ids": [manager["user"]["id"]]}, token=admin["token"])
    assert r.status_code == 400, r.json
    other = signup(api, company="Elsewhere")
    r = api.put(url, json={"employee_ids": [other["user"]["id"]]}, token=admin["token"])
    assert r.status_code == 404, r.json  # another company's user does not exist here
    assert api.put(url, json={"employee_ids": []}, token=admin["token"]).json["removed"] == sorted(mine)
    assert _working(api, manager["token"]) == (set(), set())
    actions = [row["action"] for row in api.get(f"{TEAM}/audit?limit=200", token=admin["token"]).json["items"]]
    assert actions.count("team.manager_assigned") == 3 and actions.count("team.manager_unassigned") == 3
