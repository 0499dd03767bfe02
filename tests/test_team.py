"""team: invitations, the user directory, roles, status, manager assignments, work agreements, audit log."""

from __future__ import annotations

import re

from factories import PASSWORD, invite_and_accept, last_mail, signup

from workmonitor import consent as consentmod
from workmonitor import db as dbmod

TEAM, AUTH = "/function/team", "/function/auth"


def assert_error(r, status: int, code: str | None = None) -> None:
    assert r.status_code == status, (r.status_code, r.get_data(as_text=True)[:300])
    assert set(r.json["error"]) >= {"code", "message", "fields"}
    if code:
        assert r.json["error"]["code"] == code, r.json


def invite(api, who: dict, email: str, role: str = "employee"):
    return api.post(
        f"{TEAM}/invitations", json={"email": email, "role": role, "name": "New Person"}, token=who["token"]
    )


def invite_token(email: str) -> str:
    return re.search(r"token=([\w-]+)", last_mail(email)).group(1)


def accept(api, token: str, name: str = "New Person"):
    return api.post(
        f"{AUTH}/invitations/accept",
        json={"token": token, "name": name, "password": PASSWORD, "timezone": "America/New_York"},
    )


def has_consent(company_id: str, user_id: str, kind: str) -> bool:
    with dbmod.transaction(dbmod.Claims(company_id=company_id, role="admin")) as conn:
        return consentmod.has(conn, user_id, kind)


def audit_actions(api, admin: dict) -> list[str]:
    r = api.get(f"{TEAM}/audit?limit=200", token=admin["token"])
    assert r.status_code == 200, r.json
    return [row["action"] for row in r.json["items"]]


# --- invitations --------------------------------------------------------------------------------------------


def test_admin_invites_and_the_link_is_accepted_once(api):
    admin = signup(api, company="Globex")
    r = invite(api, admin, "Hank@Example.com", role="manager")
    assert r.status_code == 201, r.json
    assert r.json["invitation"]["email"] == "hank@example.com" and r.json["invitation"]["role"] == "manager"
    mail = last_mail("hank@example.com")
    assert "Globex" in mail and "http://localhost:8080/accept-invite?token=" in mail
    token = invite_token("hank@example.com")
    preview = api.get(f"{AUTH}/invitations/{token}")
    assert preview.status_code == 200 and preview.json["role"] == "manager", preview.json
    r = accept(api, token, name="Hank Scorpio")
    assert r.status_code == 201, r.json
    assert r.json["user"]["role"] == "manager" and r.json["user"]["timezone"] == "America/New_York"
    assert r.json["user"]["company_id"] == admin["company"]["id"]
    assert api.get(f"{AUTH}/me", token=r.json["access_token"]).status_code == 200
    assert_error(accept(api, token), 410, "invitation_used")
    assert_error(api.get(f"{AUTH}/invitations/{token}"), 410)
    assert_error(invite(api, admin, "hank@example.com"), 409, "already_member")


def test_open_invitation_twice_is_409_and_revoked_link_is_410(api):
    admin = signup(api)
    assert invite(api, admin, "dup@example.com").status_code == 201
    token = invite_token("dup@example.com")
    assert_error(invite(api, admin, "dup@example.com"), 409)
    listed = api.get(f"{TEAM}/invitations", token=admin["token"]).json["items"]
    inv_id = next(i["id"] for i in listed if i["email"] == "dup@example.com")
    assert api.delete(f"{TEAM}/invitations/{inv_id}", token=admin["token"]).status_code == 204
    assert_error(api.delete(f"{TEAM}/invitations/{inv_id}", token=admin["token"]), 404)
    assert_error(accept(api, token), 410, "invitation_revoked")
    assert invite(api, admin, "dup@example.com").status_code == 201  # a fresh invitation is allowed again
    all_items = api.get(f"{TEAM}/invitations?all=true", token=admin["token"]).json["items"]
    assert len([i for i in all_items if i["email"] == "dup@example.com"]) == 2


def test_expired_invitation_is_410(api, owner_conn):
    admin = signup(api)
    invite(api, admin, "late@example.com")
    token = invite_token("late@example.com")
    owner_conn.execute("UPDATE invitations SET expires_at = now() - interval '1 second'")
    assert_error(accept(api, token), 410, "invitation_expired")
    assert_error(api.get(f"{AUTH}/invitations/not-a-real-token-at-all"), 404)


def test_manager_invites_employees_only(api, owner_conn):
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager")
    employee = invite_and_accept(api, admin, role="employee")
    r = invite(api, manager, "worker@example.com")
    assert r.status_code == 201, r.json
    invited_by = owner_conn.execute(
        "SELECT invited_by::text FROM invitations WHERE email = 'worker@example.com'"
    ).fetchone()[0]
    assert invited_by == manager["user"]["id"]
    assert_error(invite(api, manager, "boss@example.com", role="admin"), 403)
    assert_error(invite(api, manager, "mgr@example.com", role="manager"), 403)
    assert_error(invite(api, employee, "friend@example.com"), 403)
    assert api.get(f"{TEAM}/invitations", token=manager["token"]).status_code == 200
    assert_error(api.get(f"{TEAM}/invitations", token=employee["token"]), 403)
    inv_id = api.get(f"{TEAM}/invitations", token=admin["token"]).json["items"][0]["id"]
    assert_error(api.delete(f"{TEAM}/invitations/{inv_id}", token=manager["token"]), 403)


def test_invitation_for_an_address_used_in_another_company(api):
    other = signup(api, company="Other")
    admin = signup(api)
    assert invite(api, admin, other["email"]).status_code == 201
    # The same person joins with their existing password (tests/test_auth.py covers memberships in depth).
    r = accept(api, invite_token(other["email"]))
    assert r.status_code == 201 and r.json["user"]["company_id"] == admin["company"]["id"], r.json


# --- directory ----------------------------------------------------------------------------------------------


def test_list_search_and_paginate_users(api):
    admin = signup(api, name="Ada Admin")
    people = [invite_and_accept(api, admin, name=n) for n in ("Bob Builder", "Carla Coder", "Dan Designer")]
    invite_and_accept(api, admin, role="manager", name="Mia Manager")
    seen, offset = [], 0
    while True:
        r = api.get(f"{TEAM}/users?limit=2&offset={offset}", token=admin["token"])
        assert r.status_code == 200, r.json
        assert r.json["limit"] == 2 and r.json["offset"] == offset and len(r.json["items"]) <= 2
        seen += [u["name"] for u in r.json["items"]]
        if not r.json["has_more"]:
            assert r.json["next_offset"] is None
            break
        offset = r.json["next_offset"]
    assert seen == ["Ada Admin", "Bob Builder", "Carla Coder", "Dan Designer", "Mia Manager"]
    r = api.get(f"{TEAM}/users?q=carla", token=people[0]["token"])  # employees see the directory
    assert [u["name"] for u in r.json["items"]] == ["Carla Coder"]
    r = api.get(f"{TEAM}/users?q={people[2]['email'][:12]}", token=admin["token"])
    assert [u["name"] for u in r.json["items"]] == ["Dan Designer"]
    r = api.get(f"{TEAM}/users?role=manager", token=admin["token"])
    assert [u["name"] for u in r.json["items"]] == ["Mia Manager"]
    for q in ("%", "_", "\\", "'; DROP TABLE users; --"):
        r = api.get(f"{TEAM}/users", query_string={"q": q}, token=admin["token"])
        assert r.status_code == 200 and r.json["items"] == [], (q, r.json)
    assert "password_hash" not in api.get(f"{TEAM}/users", token=admin["token"]).json["items"][0]
    assert_error(api.get(f"{TEAM}/users?limit=0", token=admin["token"]), 400)
    assert_error(api.get(f"{TEAM}/users?limit=abc", token=admin["token"]), 400)
    assert_error(api.get(f"{TEAM}/users?role=owner", token=admin["token"]), 400)


def test_users_of_another_company_are_not_found(api):
    admin = signup(api)
    other = signup(api, company="Other")
    oid = other["user"]["id"]
    assert_error(api.get(f"{TEAM}/users/{oid}", token=admin["token"]), 404)
    assert_error(api.patch(f"{TEAM}/users/{oid}", json={"name": "Pwned"}, token=admin["token"]), 404)
    assert_error(api.post(f"{TEAM}/users/{oid}/deactivate", token=admin["token"]), 404)
    assert_error(api.post(f"{TEAM}/users/{oid}/agreements", json={"gps": True}, token=admin["token"]), 404)
    assert all(u["id"] != oid for u in api.get(f"{TEAM}/users?status=all", token=admin["token"]).json["items"])


def test_update_profile(api):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    other = invite_and_accept(api, admin, name="Other Person")
    uid = emp["user"]["id"]
    r = api.patch(f"{TEAM}/users/{uid}", json={"name": "Eve Renamed", "timezone": "Asia/Tokyo"}, token=emp["token"])
    assert r.status_code == 200 and r.json["user"]["name"] == "Eve Renamed", r.json
    assert r.json["user"]["timezone"] == "Asia/Tokyo"
    assert_error(api.patch(f"{TEAM}/users/{other['user']['id']}", json={"name": "X"}, token=emp["token"]), 403)
    assert_error(api.patch(f"{TEAM}/users/{uid}", json={"timezone": "Mars/Base"}, token=emp["token"]), 400)
    assert_error(api.patch(f"{TEAM}/users/{uid}", json={}, token=emp["token"]), 400)
    r = api.patch(f"{TEAM}/users/{uid}", json={"name": "Eve Again"}, token=admin["token"])
    assert r.status_code == 200 and r.json["user"]["name"] == "Eve Again"
    r = api.patch(f"{AUTH}/me", json={"name": "Eve Self"}, token=emp["token"])
    assert r.status_code == 200 and r.json["user"]["name"] == "Eve Self"
    assert api.get(f"{TEAM}/users/{uid}", token=other["token"]).json["user"]["name"] == "Eve Self"


# --- roles and status ---------------------------------------------------------------------------------------


def test_role_changes_are_for_admins_and_keep_one_admin(api):
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager")
    emp = invite_and_accept(api, admin)
    me_id = admin["user"]["id"]
    assert_error(api.patch(f"{TEAM}/users/{emp['user']['id']}", json={"role": "admin"}, token=manager["token"]), 403)
    assert_error(api.patch(f"{TEAM}/users/{me_id}", json={"role": "employee"}, token=admin["token"]), 409, "last_admin")
    r = api.patch(f"{TEAM}/users/{emp['user']['id']}", json={"role": "admin"}, token=admin["token"])
    assert r.status_code == 200 and r.json["user"]["role"] == "admin"
    r = api.patch(f"{TEAM}/users/{me_id}", json={"role": "manager"}, token=admin["token"])
    assert r.status_code == 200 and r.json["user"]["role"] == "manager"
    new_admin = api.post(f"{AUTH}/login", json={"email": emp["email"], "password": PASSWORD}).json
    assert_error(
        api.patch(f"{TEAM}/users/{emp['user']['id']}", json={"role": "employee"}, token=new_admin["access_token"]),
        409,
        "last_admin",
    )
    assert "team.role_changed" in audit_actions(api, {"token": new_admin["access_token"]})


def test_deactivate_and_reactivate(api):
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager")
    emp = invite_and_accept(api, admin)
    uid = emp["user"]["id"]
    assert_error(api.post(f"{TEAM}/users/{uid}/deactivate", token=manager["token"]), 403)
    assert_error(api.post(f"{TEAM}/users/{admin['user']['id']}/deactivate", token=admin["token"]), 409, "last_admin")
    r = api.post(f"{TEAM}/users/{uid}/deactivate", token=admin["token"])
    assert r.status_code == 200 and r.json["user"]["status"] == "deactivated"
    assert_error(api.get(f"{AUTH}/me", token=emp["token"]), 401)
    active = [u["id"] for u in api.get(f"{TEAM}/users", token=admin["token"]).json["items"]]
    gone = [u["id"] for u in api.get(f"{TEAM}/users?status=deactivated", token=admin["token"]).json["items"]]
    assert uid not in active and gone == [uid]
    r = api.post(f"{TEAM}/users/{uid}/reactivate", token=admin["token"])
    assert r.status_code == 200 and r.json["user"]["status"] == "active"
    assert_error(api.get(f"{AUTH}/me", token=emp["token"]), 401)  # old sessions stay signed out
    r = api.post(f"{AUTH}/login", json={"email": emp["email"], "password": PASSWORD})
    assert r.status_code == 200
    assert api.get(f"{AUTH}/me", token=r.json["access_token"]).status_code == 200
    actions = audit_actions(api, admin)
    assert "team.user_deactivated" in actions and "team.user_reactivated" in actions


# --- manager assignments ------------------------------------------------------------------------------------


def test_manager_assignments(api):
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager")
    e1, e2 = invite_and_accept(api, admin, name="E One"), invite_and_accept(api, admin, name="E Two")
    mid = manager["user"]["id"]
    body = {"manager_id": mid, "employee_id": e1["user"]["id"]}
    assert_error(api.post(f"{TEAM}/assignments", json=body, token=manager["token"]), 403)
    r = api.post(f"{TEAM}/assignments", json=body, token=admin["token"])
    assert r.status_code == 201, r.json
    assert_error(api.post(f"{TEAM}/assignments", json=body, token=admin["token"]), 409)
    r = api.post(
        f"{TEAM}/assignments",
        json={"manager_id": e2["user"]["id"], "employee_id": e1["user"]["id"]},
        token=admin["token"],
    )
    assert_error(r, 400)
    assert_error(
        api.post(f"{TEAM}/assignments", json={"manager_id": mid, "employee_id": mid}, token=admin["token"]), 400
    )
    other = signup(api, company="Other")
    r = api.post(
        f"{TEAM}/assignments", json={"manager_id": mid, "employee_id": other["user"]["id"]}, token=admin["token"]
    )
    assert_error(r, 404)
    r = api.get(f"{TEAM}/assignments?manager_id={mid}", token=admin["token"])
    assert [a["employee_id"] for a in r.json["items"]] == [e1["user"]["id"]]
    assert api.get(f"{TEAM}/users/{e1['user']['id']}", token=admin["token"]).json["manager_ids"] == [mid]
    assert_error(api.get(f"{TEAM}/assignments?manager_id=nope", token=admin["token"]), 400)
    # ?team= is the activity reports' name for the same filter: a synonym here.
    r = api.get(f"{TEAM}/assignments?team={mid}", token=admin["token"])
    assert [a["employee_id"] for a in r.json["items"]] == [e1["user"]["id"]]
    assert len(api.get(f"{TEAM}/assignments?team={e2['user']['id']}", token=admin["token"]).json["items"]) == 0
    assert_error(api.get(f"{TEAM}/assignments?team={mid}&manager_id={e2['user']['id']}", token=admin["token"]), 400)
    assert_error(api.get(f"{TEAM}/assignments?team=nope", token=admin["token"]), 400)
    assert len(api.get(f"{TEAM}/assignments", token=e2["token"]).json["items"]) == 0
    assert len(api.get(f"{TEAM}/assignments", token=manager["token"]).json["items"]) == 1
    assert api.delete(f"{TEAM}/assignments/{mid}/{e1['user']['id']}", token=admin["token"]).status_code == 204
    assert_error(api.delete(f"{TEAM}/assignments/{mid}/{e1['user']['id']}", token=admin["token"]), 404)
    actions = audit_actions(api, admin)
    assert "team.manager_assigned" in actions and "team.manager_unassigned" in actions


# --- work agreements ----------------------------------------------------------------------------------------


def test_work_agreement_consent_lifecycle(api):
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager")
    emp = invite_and_accept(api, admin)
    other = invite_and_accept(api, admin, name="Other Person")
    cid, uid = admin["company"]["id"], emp["user"]["id"]
    proposal = {"screenshots": True, "activity": True, "terms": "Screenshots every 10 minutes while tracking."}
    assert_error(api.post(f"{TEAM}/users/{uid}/agreements", json=proposal, token=manager["token"]), 403)
    assert_error(api.post(f"{TEAM}/users/{uid}/agreements", json=proposal, token=emp["token"]), 403)
    r = api.post(f"{TEAM}/users/{uid}/agreements", json=proposal, token=admin["token"])
    assert r.status_code == 201 and r.json["agreement"]["status"] == "proposed", r.json
    aid = r.json["agreement"]["id"]
    assert not has_consent(cid, uid, "screenshots")
    assert api.get(f"{AUTH}/me", token=emp["token"]).json["agreement"]["status"] == "proposed"
    # Only the employee can consent.
    assert_error(api.post(f"{TEAM}/agreements/{aid}/accept", token=admin["token"]), 403, "not_yours")
    assert api.post(f"{TEAM}/agreements/{aid}/accept", token=other["token"]).status_code in (403, 404)
    r = api.post(f"{TEAM}/agreements/{aid}/accept", token=emp["token"])
    assert r.status_code == 200 and r.json["agreement"]["status"] == "accepted", r.json
    assert has_consent(cid, uid, "screenshots") and has_consent(cid, uid, "activity")
    assert not has_consent(cid, uid, "gps")
    assert_error(api.post(f"{TEAM}/agreements/{aid}/accept", token=emp["token"]), 409, "invalid_state")
    r = api.get(f"{TEAM}/users/{uid}/agreements", token=emp["token"])
    assert r.status_code == 200 and [a["id"] for a in r.json["items"]] == [aid]
    assert_error(api.get(f"{TEAM}/users/{uid}/agreements", token=other["token"]), 404)
    # The employee withdraws consent at any time; capture stops at once.
    assert api.post(f"{TEAM}/agreements/{aid}/revoke", token=other["token"]).status_code in (403, 404)
    r = api.post(f"{TEAM}/agreements/{aid}/revoke", token=emp["token"])
    assert r.status_code == 200 and r.json["agreement"]["status"] == "revoked"
    assert r.json["agreement"]["revoked_by"] == uid
    assert not has_consent(cid, uid, "screenshots")
    actions = audit_actions(api, admin)
    assert {"consent.proposed", "consent.accepted", "consent.revoked"} <= set(actions)


def test_new_proposal_supersedes_and_decline(api):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    cid, uid = admin["company"]["id"], emp["user"]["id"]
    first = api.post(f"{TEAM}/users/{uid}/agreements", json={"gps": True}, token=admin["token"]).json["agreement"]
    assert api.post(f"{TEAM}/agreements/{first['id']}/accept", token=emp["token"]).status_code == 200
    assert has_consent(cid, uid, "gps")
    second = api.post(f"{TEAM}/users/{uid}/agreements", json={"screenshots": True}, token=admin["token"]).json[
        "agreement"
    ]
    assert not has_consent(cid, uid, "gps")  # the accepted agreement was replaced by a new proposal
    r = api.post(f"{TEAM}/agreements/{second['id']}/decline", token=emp["token"])
    assert r.status_code == 200 and r.json["agreement"]["status"] == "declined"
    assert not has_consent(cid, uid, "screenshots")
    statuses = {
        a["id"]: a["status"] for a in api.get(f"{TEAM}/users/{uid}/agreements", token=admin["token"]).json["items"]
    }
    assert statuses == {first["id"]: "superseded", second["id"]: "declined"}
    third = api.post(f"{TEAM}/users/{uid}/agreements", json={"activity": True}, token=admin["token"]).json
    r = api.post(f"{TEAM}/agreements/{third['agreement']['id']}/revoke", token=admin["token"])
    assert r.status_code == 200  # an admin may withdraw the company's own proposal


def test_audit_log_is_admin_only_and_filterable(api):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    assert_error(api.get(f"{TEAM}/audit", token=emp["token"]), 403)
    r = api.get(f"{TEAM}/audit?action=team.invited", token=admin["token"])
    assert r.status_code == 200 and [row["action"] for row in r.json["items"]] == ["team.invited"]
    row = r.json["items"][0]
    assert row["actor_id"] == admin["user"]["id"] and row["details"]["email"] == emp["email"]
    assert row["request_id"]  # web.audit fills it (and the ip) from the request
    assert (
        api.post(
            f"{TEAM}/users/{emp['user']['id']}/deactivate",
            headers={"X-Request-Id": "req-team-2", "X-Forwarded-For": "203.0.113.7"},
            token=admin["token"],
        ).status_code
        == 200
    )
    [row] = api.get(f"{TEAM}/audit?action=team.user_deactivated", token=admin["token"]).json["items"]
    assert row["request_id"] == "req-team-2" and row["target_id"] == emp["user"]["id"]
    assert row["ip"].split("/")[0] == "203.0.113.7"
    r = api.get(f"{TEAM}/audit?limit=1", token=admin["token"])
    assert len(r.json["items"]) == 1 and r.json["has_more"] is True


def test_two_admins_demoting_each_other_at_once_leave_one_admin(api, owner_conn):
    from concurrent.futures import ThreadPoolExecutor

    from apiclient import Api

    admin = signup(api)
    second = invite_and_accept(api, admin, role="admin")

    def demote(who: dict):
        return Api().patch(f"{TEAM}/users/{who['user']['id']}", json={"role": "employee"}, token=who["token"])

    for _ in range(3):
        with ThreadPoolExecutor(2) as pool:
            statuses = sorted(r.status_code for r in pool.map(demote, [admin, second]))
        admins = owner_conn.execute("SELECT count(*) FROM users WHERE role = 'admin'").fetchone()[0]
        assert admins >= 1 and statuses in ([200, 409], [409, 409]), statuses
        if statuses == [200, 409]:
            break


def test_names_with_line_breaks_are_refused_and_mail_headers_stay_single_line(api):
    from workmonitor.mail import build

    r = api.post(
        f"{AUTH}/signup",
        json={
            "company_name": "Evil\nBcc: victim@example.com",
            "name": "Mallory",
            "email": "mallory@example.com",
            "password": PASSWORD,
        },
    )
    assert_error(r, 400)
    assert "company_name" in r.json["error"]["fields"]
    admin = signup(api)
    assert_error(api.patch(f"{AUTH}/me", json={"name": "Ada\r\nAdmin"}, token=admin["token"]), 400)
    assert api.patch(f"{AUTH}/me", json={"name": "Zoë Ünïcode 😀"}, token=admin["token"]).status_code == 200
    assert build("a@example.com", "Join X\nBcc: v@example.com", "hi")["Subject"] == "Join X Bcc: v@example.com"


def test_consent_changes_are_published_to_the_employees_devices(api):
    import time

    from factories import invite_and_accept, signup

    from workmonitor.redis_client import client

    admin = signup(api)
    emp = invite_and_accept(api, admin)
    sub = client().pubsub()
    sub.subscribe("socketio")
    sub.get_message(timeout=1)
    r = api.post(
        f"/function/team/users/{emp['user']['id']}/agreements", json={"screenshots": True}, token=admin["token"]
    )
    agreement_id = r.json["agreement"]["id"]
    assert api.post(f"/function/team/agreements/{agreement_id}/revoke", token=emp["token"]).status_code == 200
    seen, deadline = [], time.time() + 5
    while len(seen) < 2 and time.time() < deadline:
        msg = sub.get_message(timeout=0.5)
        if msg and msg["type"] == "message" and b"consent.changed" in msg["data"]:
            seen.append(msg["data"])
    sub.close()
    assert len(seen) == 2
    assert emp["user"]["id"].encode() in seen[0] and b"revoked" in seen[1]
