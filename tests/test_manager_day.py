"""Issue 14, server side: a manager's people after bulk assignment, approval that never blocks tracking after it,
the overlap rule for a running timer, the password policy and office-safe throttling, and unknown paths."""

from __future__ import annotations

import re

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
