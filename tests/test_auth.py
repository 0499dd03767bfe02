"""auth: signup, login, refresh rotation and reuse detection, logout, throttling, tokens, reset, OTP, audit."""

from __future__ import annotations

import base64
import json
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import jwt
import pytest
from apiclient import Api
from factories import PASSWORD, invite_and_accept, last_mail, signup

from workmonitor import security

AUTH = "/function/auth"


def login(api, email: str, password: str = PASSWORD, ip: str | None = None):
    headers = {"X-Forwarded-For": ip} if ip else None
    return api.post(f"{AUTH}/login", json={"email": email, "password": password}, headers=headers)


def refresh(api, token: str):
    return api.post(f"{AUTH}/refresh", json={"refresh_token": token})


def me(api, token: str):
    return api.get(f"{AUTH}/me", token=token)


def audit_rows(owner_conn, action: str) -> list[tuple]:
    return owner_conn.execute(
        "SELECT company_id::text, actor_id::text, details FROM audit_logs WHERE action = %s ORDER BY id", (action,)
    ).fetchall()


def assert_error(r, status: int, code: str | None = None) -> None:
    assert r.status_code == status, (r.status_code, r.get_data(as_text=True)[:300])
    err = r.json["error"]
    assert set(err) >= {"code", "message", "fields"}
    if code:
        assert err["code"] == code, err


# --- signup, login, me --------------------------------------------------------------------------------------


def test_signup_login_me(api, owner_conn):
    admin = signup(api, company="Initech", name="Bill")
    assert admin["user"]["role"] == "admin" and admin["user"]["timezone"] == "Europe/Berlin"
    assert "password_hash" not in admin["user"]
    r = login(api, admin["email"].upper())
    assert r.status_code == 200, r.json
    assert r.json["token_type"] == "Bearer" and r.json["expires_in"] == 86400
    assert "password_hash" not in r.json["user"]
    r = me(api, r.json["access_token"])
    assert r.status_code == 200
    assert r.json["user"]["email"] == admin["email"] and r.json["company"]["name"] == "Initech"
    assert audit_rows(owner_conn, "auth.signup") and audit_rows(owner_conn, "auth.login")


def test_signup_with_taken_email_is_409(api):
    admin = signup(api)
    r = api.post(
        f"{AUTH}/signup", json={"company_name": "Other", "name": "X", "email": admin["email"], "password": PASSWORD}
    )
    assert_error(r, 409)


def test_wrong_password_and_unknown_email_look_the_same(api, owner_conn):
    admin = signup(api)
    bad = login(api, admin["email"], "wrong password!")
    unknown = login(api, "nobody@example.com")
    assert_error(bad, 401, "invalid_credentials")
    assert_error(unknown, 401, "invalid_credentials")
    assert bad.json["error"]["message"] == unknown.json["error"]["message"]
    rows = audit_rows(owner_conn, "auth.login_failed")
    assert (admin["company"]["id"], admin["user"]["id"]) in [(c, a) for c, a, _ in rows]
    assert any(c is None and d.get("email") == "nobody@example.com" for c, _, d in rows)


def test_login_behind_proxy_with_malformed_forwarded_for(api):
    admin = signup(api)
    r = login(api, admin["email"], ip="not-an-ip, 10.0.0.1")
    assert r.status_code == 200, r.json


# --- refresh rotation and reuse -----------------------------------------------------------------------------


def test_refresh_rotates_and_reuse_revokes_the_family(api, owner_conn):
    admin = signup(api)
    first = login(api, admin["email"]).json
    r = refresh(api, first["refresh_token"])
    assert r.status_code == 200, r.json
    second = r.json
    assert second["refresh_token"] != first["refresh_token"] and second["access_token"] != first["access_token"]
    assert me(api, second["access_token"]).status_code == 200
    third = refresh(api, second["refresh_token"]).json
    # The rotated token comes back: someone holds a copy. The whole family dies.
    assert_error(refresh(api, first["refresh_token"]), 401, "refresh_reused")
    assert_error(refresh(api, third["refresh_token"]), 401)
    assert_error(me(api, third["access_token"]), 401, "token_revoked")
    assert_error(me(api, first["access_token"]), 401, "token_revoked")
    # Other sessions of the same user are untouched.
    assert me(api, admin["token"]).status_code == 200
    assert audit_rows(owner_conn, "auth.refresh_reuse_detected")
    live = owner_conn.execute(
        "SELECT count(*) FROM refresh_tokens WHERE user_id = %s AND revoked_at IS NULL", (admin["user"]["id"],)
    ).fetchone()[0]
    assert live == 1  # only the signup session's token is left


def test_refresh_with_unknown_or_expired_token(api, owner_conn):
    admin = signup(api)
    assert_error(refresh(api, "x" * 43), 401, "refresh_invalid")
    owner_conn.execute("UPDATE refresh_tokens SET expires_at = now() - interval '1 second'")
    assert_error(refresh(api, admin["refresh"]), 401, "refresh_expired")
    assert audit_rows(owner_conn, "auth.refresh_failed")[0][2]["reason"] == "refresh_expired"


def test_logout_revokes_the_session(api):
    admin = signup(api)
    other = login(api, admin["email"]).json
    r = api.post(f"{AUTH}/logout", token=admin["token"])
    assert r.status_code == 204
    assert_error(me(api, admin["token"]), 401, "token_revoked")
    assert_error(refresh(api, admin["refresh"]), 401)
    assert me(api, other["access_token"]).status_code == 200


# --- throttling ---------------------------------------------------------------------------------------------


def test_five_failed_logins_per_account_then_429(api, owner_conn):
    admin = signup(api)
    for i in range(5):
        assert_error(login(api, admin["email"], "wrong password", ip=f"198.51.100.{i + 1}"), 401)
    r = login(api, admin["email"], ip="198.51.100.99")  # right password, fresh IP: the account is locked
    assert_error(r, 429, "too_many_requests")
    assert 1 <= int(r.headers["Retry-After"]) <= 300
    assert login(api, "someone-else@example.com", "whatever1", ip="198.51.100.99").status_code == 401


def test_failed_logins_at_many_accounts_per_ip_then_429(api):
    from workmonitor.config import settings

    admin = signup(api)
    for i in range(settings().login_address_max_accounts):
        assert_error(login(api, f"ghost{i}@example.com", "wrong password", ip="203.0.113.7"), 401)
    r = login(api, admin["email"], ip="203.0.113.7")
    assert_error(r, 429)
    assert int(r.headers["Retry-After"]) >= 1
    assert login(api, admin["email"], ip="203.0.113.8").status_code == 200


def test_successful_login_clears_the_account_counter(api):
    # Only the account's count: the address's failures stay counted (test_hardening), so each round has its own.
    admin = signup(api)
    for _ in range(4):
        login(api, admin["email"], "wrong password", ip="192.0.2.1")
    assert login(api, admin["email"], ip="192.0.2.1").status_code == 200
    for _ in range(4):
        assert login(api, admin["email"], "wrong password", ip="192.0.2.2").status_code == 401
    assert login(api, admin["email"], ip="192.0.2.2").status_code == 200


# --- access tokens ------------------------------------------------------------------------------------------


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_expired_token_is_401(api):
    admin = signup(api)
    u = admin["user"]
    token = security.issue_access_token(u["id"], u["company_id"], "admin", str(uuid.uuid4()), ttl=-10)
    assert_error(me(api, token), 401, "token_expired")


def test_forged_tokens_are_401(api):
    emp_admin = signup(api)
    u = emp_admin["user"]
    now = int(time.time())
    claims = {
        "sub": u["id"],
        "cid": u["company_id"],
        "role": "admin",
        "sid": str(uuid.uuid4()),
        "typ": "access",
        "iat": now,
        "exp": now + 600,
    }
    header, payload, sig = emp_admin["token"].split(".")
    decoded = json.loads(base64.urlsafe_b64decode(payload + "=="))
    forged = {
        "other secret": jwt.encode(claims, "some-other-secret-that-is-long-enough", algorithm="HS256"),
        "alg none": f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}.",
        "tampered payload": f"{header}.{_b64({**decoded, 'cid': str(uuid.uuid4())})}.{sig}",
        "truncated": f"{header}.{payload}",
        "garbage": "not-a-jwt",
        "role system": jwt.encode({**claims, "role": "system"}, security.settings().jwt_secret, algorithm="HS256"),
        "refresh typ": jwt.encode({**claims, "typ": "refresh"}, security.settings().jwt_secret, algorithm="HS256"),
        "bad sub": jwt.encode({**claims, "sub": "1"}, security.settings().jwt_secret, algorithm="HS256"),
    }
    for what, token in forged.items():
        r = me(api, token)
        assert r.status_code == 401, (what, r.json)
        assert r.json["error"]["code"] == "token_invalid", (what, r.json)
    r = api.get(f"{AUTH}/me", headers={"Authorization": f"Basic {emp_admin['token']}"})
    assert_error(r, 401, "token_invalid")
    assert_error(api.get(f"{AUTH}/me"), 401, "auth_required")


def test_role_checks_are_403(api):
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager")
    employee = invite_and_accept(api, admin, role="employee")
    r = api.post("/function/team/invitations", json={"email": "x@example.com"}, token=employee["token"])
    assert_error(r, 403, "role_required")
    r = api.patch(f"/function/team/users/{employee['user']['id']}", json={"role": "admin"}, token=employee["token"])
    assert_error(r, 403)
    r = api.patch(f"/function/team/users/{manager['user']['id']}", json={"role": "employee"}, token=employee["token"])
    assert_error(r, 403)
    r = api.post(
        "/function/team/invitations", json={"email": "boss@example.com", "role": "admin"}, token=manager["token"]
    )
    assert_error(r, 403)
    r = api.post(
        "/function/team/invitations", json={"email": "mgr@example.com", "role": "manager"}, token=manager["token"]
    )
    assert_error(r, 403)
    assert me(api, employee["token"]).json["user"]["role"] == "employee"


# --- password reset -----------------------------------------------------------------------------------------


def _reset_token(api, email: str) -> str:
    assert api.post(f"{AUTH}/password/forgot", json={"email": email}).status_code == 202
    return re.search(r"token=([\w-]+)", last_mail(email)).group(1)


def test_password_reset_is_single_use_and_revokes_sessions(api, owner_conn):
    admin = signup(api)
    token = _reset_token(api, admin["email"])
    r = api.post(f"{AUTH}/password/reset", json={"token": token, "password": "a brand new secret"})
    assert r.status_code == 204, r.json
    assert_error(api.post(f"{AUTH}/password/reset", json={"token": token, "password": "yet another one"}), 410)
    assert_error(login(api, admin["email"]), 401)
    assert login(api, admin["email"], "a brand new secret").status_code == 200
    assert_error(me(api, admin["token"]), 401, "token_revoked")
    assert_error(refresh(api, admin["refresh"]), 401)
    assert audit_rows(owner_conn, "auth.password_reset")
    assert [r[2] for r in audit_rows(owner_conn, "auth.password_reset_failed")] == [{"reason": "token_used"}]


def test_expired_reset_token_is_410(api, owner_conn):
    admin = signup(api)
    token = _reset_token(api, admin["email"])
    owner_conn.execute("UPDATE auth_tokens SET expires_at = now() - interval '1 second'")
    r = api.post(f"{AUTH}/password/reset", json={"token": token, "password": "a brand new secret"})
    assert_error(r, 410, "token_expired")
    assert login(api, admin["email"]).status_code == 200


def test_reset_for_unknown_email_sends_nothing(api):
    r = api.post(f"{AUTH}/password/forgot", json={"email": "nobody@example.com"})
    assert r.status_code == 202
    with pytest.raises(AssertionError):
        last_mail("nobody@example.com")
    assert_error(api.post(f"{AUTH}/password/reset", json={"token": "z" * 43, "password": "whatever123"}), 401)


def test_a_newer_reset_link_voids_the_older(api):
    admin = signup(api)
    old = _reset_token(api, admin["email"])
    new = _reset_token(api, admin["email"])
    assert_error(api.post(f"{AUTH}/password/reset", json={"token": old, "password": "new secret 1"}), 410)
    assert api.post(f"{AUTH}/password/reset", json={"token": new, "password": "new secret 2"}).status_code == 204


# --- email OTP ----------------------------------------------------------------------------------------------


def _otp_user(api) -> dict:
    admin = signup(api)
    r = api.post(f"{AUTH}/me/otp", json={"enabled": True, "password": PASSWORD}, token=admin["token"])
    assert r.status_code == 200 and r.json["otp_enabled"] is True, r.json
    return admin


def _challenge(api, user: dict) -> tuple[str, str]:
    r = login(api, user["email"])
    assert r.status_code == 200 and r.json["otp_required"] is True, r.json
    assert "access_token" not in r.json
    code = re.search(r"code is (\d{6})", last_mail(user["email"])).group(1)
    return r.json["challenge"], code


def test_otp_login_code_works_once(api):
    user = _otp_user(api)
    challenge, code = _challenge(api, user)
    r = api.post(f"{AUTH}/otp/verify", json={"challenge": challenge, "code": code})
    assert r.status_code == 200, r.json
    assert me(api, r.json["access_token"]).status_code == 200
    assert_error(api.post(f"{AUTH}/otp/verify", json={"challenge": challenge, "code": code}), 410)
    # The challenge is no password-reset token.
    r = api.post(f"{AUTH}/password/reset", json={"token": challenge, "password": "hijacked password"})
    assert_error(r, 401, "token_invalid")


def test_otp_wrong_codes_lock_the_challenge(api, owner_conn):
    user = _otp_user(api)
    challenge, code = _challenge(api, user)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        assert_error(api.post(f"{AUTH}/otp/verify", json={"challenge": challenge, "code": wrong}), 401, "otp_invalid")
    assert_error(api.post(f"{AUTH}/otp/verify", json={"challenge": challenge, "code": code}), 401, "otp_locked")
    rows = audit_rows(owner_conn, "auth.otp_failed")
    assert len(rows) == 6 and rows[-1][2] == {"reason": "otp_locked"}


def test_expired_otp_is_410(api, owner_conn):
    user = _otp_user(api)
    challenge, code = _challenge(api, user)
    owner_conn.execute("UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE kind = 'login_otp'")
    assert_error(api.post(f"{AUTH}/otp/verify", json={"challenge": challenge, "code": code}), 410, "token_expired")


def test_otp_enable_needs_the_password(api):
    admin = signup(api)
    r = api.post(f"{AUTH}/me/otp", json={"enabled": True, "password": "not my password"}, token=admin["token"])
    assert_error(r, 401)
    assert me(api, admin["token"]).json["user"]["otp_enabled"] is False


# --- audit and deactivation ---------------------------------------------------------------------------------


def test_role_change_is_audited_and_old_tokens_stop(api, owner_conn):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    r = api.patch(f"/function/team/users/{emp['user']['id']}", json={"role": "manager"}, token=admin["token"])
    assert r.status_code == 200 and r.json["user"]["role"] == "manager", r.json
    rows = audit_rows(owner_conn, "team.role_changed")
    assert rows and rows[0][2] == {"old": "employee", "new": "manager"}
    assert_error(me(api, emp["token"]), 401, "token_revoked")
    assert login(api, emp["email"]).json["user"]["role"] == "manager"


def test_deactivated_user_is_locked_out(api, owner_conn):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    r = api.post(f"/function/team/users/{emp['user']['id']}/deactivate", token=admin["token"])
    assert r.status_code == 200 and r.json["user"]["status"] == "deactivated", r.json
    assert_error(me(api, emp["token"]), 401)
    assert_error(login(api, emp["email"]), 401, "account_deactivated")
    assert_error(refresh(api, emp["refresh"]), 401)
    assert api.post(f"{AUTH}/password/forgot", json={"email": emp["email"]}).status_code == 202
    assert "Reset" not in last_mail(emp["email"])  # the newest mail is still the invitation
    assert any(d.get("reason") == "deactivated" for _, _, d in audit_rows(owner_conn, "auth.login_failed"))
    r = api.post(f"/function/team/users/{emp['user']['id']}/reactivate", token=admin["token"])
    assert r.status_code == 200
    assert login(api, emp["email"]).status_code == 200


def test_wrong_otp_codes_count_as_failed_sign_ins(api):
    user = _otp_user(api)
    challenge, code = _challenge(api, user)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        api.post(f"{AUTH}/otp/verify", json={"challenge": challenge, "code": wrong})
    # Knowing the password must not buy fresh challenges to keep guessing codes.
    assert_error(login(api, user["email"]), 429)


def test_parallel_otp_guesses_are_capped_and_a_code_is_used_once(api):
    user = _otp_user(api)
    challenge, code = _challenge(api, user)

    def verify(c: str):
        return Api().post(f"{AUTH}/otp/verify", json={"challenge": challenge, "code": c})

    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(verify, [f"{i:06d}" for i in range(12) if f"{i:06d}" != code][:10]))
    codes = [r.json["error"]["code"] for r in results]
    assert codes.count("otp_invalid") == 5 and codes.count("otp_locked") == 5, codes


def test_parallel_uses_of_one_code_or_link_succeed_once(api):
    user = _otp_user(api)
    challenge, code = _challenge(api, user)
    with ThreadPoolExecutor(4) as pool:
        statuses = sorted(
            r.status_code
            for r in pool.map(
                lambda _: Api().post(f"{AUTH}/otp/verify", json={"challenge": challenge, "code": code}), range(4)
            )
        )
    assert statuses[0] == 200 and statuses.count(200) == 1, statuses
    token = _reset_token(api, user["email"])
    with ThreadPoolExecutor(4) as pool:
        statuses = sorted(
            r.status_code
            for r in pool.map(
                lambda i: Api().post(f"{AUTH}/password/reset", json={"token": token, "password": f"new secret {i}"}),
                range(4),
            )
        )
    assert statuses.count(204) == 1 and set(statuses) <= {204, 410}, statuses


def test_otp_for_an_account_deactivated_meanwhile(api):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    r = api.post(f"{AUTH}/me/otp", json={"enabled": True, "password": PASSWORD}, token=emp["token"])
    assert r.status_code == 200
    challenge, code = _challenge(api, emp)
    assert api.post(f"/function/team/users/{emp['user']['id']}/deactivate", token=admin["token"]).status_code == 200
    assert_error(
        api.post(f"{AUTH}/otp/verify", json={"challenge": challenge, "code": code}), 401, "account_deactivated"
    )


def test_change_password(api, owner_conn):
    admin = signup(api)
    r = api.post(
        f"{AUTH}/me/password",
        json={"current_password": "not it at all", "new_password": "brand new pw"},
        token=admin["token"],
    )
    assert_error(r, 401)
    assert audit_rows(owner_conn, "auth.password_change_failed")[0][1] == admin["user"]["id"]
    r = api.post(
        f"{AUTH}/me/password", json={"current_password": PASSWORD, "new_password": "brand new pw"}, token=admin["token"]
    )
    assert r.status_code == 204
    assert_error(login(api, admin["email"]), 401)
    assert login(api, admin["email"], "brand new pw").status_code == 200


def test_client_supplied_forwarded_hops_do_not_dodge_ip_throttling(api):
    from workmonitor.config import settings

    limit = settings().login_address_max_accounts
    for n in range(limit + 1):
        # A client prepends a fresh fake address each time; our one trusted proxy appended the real one.
        r = api.post(
            "/function/auth/login",
            json={"email": f"sprayed-{n}@example.com", "password": "wrong password!"},
            headers={"X-Forwarded-For": f"10.9.8.{n}, 203.0.113.77"},
        )
        assert r.status_code == (429 if n == limit else 401), (n, r.json)


def test_a_function_refuses_to_serve_without_a_signing_key(monkeypatch):
    # Importing needs no secret (images are built without one); serving does: every request is a 503 until the key
    # is there, and gunicorn's post_worker_init refuses to boot a worker (tests/test_edge.py).
    from workmonitor import config
    from workmonitor.web import create_function

    monkeypatch.setenv("JWT_SECRET", "short")
    config.settings.cache_clear()
    try:
        r = create_function("nokey").test_client().get("/healthz")
        assert r.status_code == 503 and r.get_json()["error"]["code"] == "misconfigured"
    finally:
        monkeypatch.undo()
        config.settings.cache_clear()


def test_signups_from_one_address_are_limited(api, monkeypatch):
    from workmonitor import config

    monkeypatch.setenv("SIGNUP_PER_HOUR", "3")
    config.settings.cache_clear()
    try:
        codes = [
            api.post(
                "/function/auth/signup",
                json={
                    "company_name": f"Co {n}",
                    "name": "Ada",
                    "email": f"limit{n}@example.com",
                    "password": "long enough pw",
                },
                headers={"X-Forwarded-For": "198.51.100.9"},
            ).status_code
            for n in range(4)
        ]
        other = api.post(
            "/function/auth/signup",
            json={"company_name": "Other", "name": "Bob", "email": "other@example.com", "password": "long enough pw"},
            headers={"X-Forwarded-For": "198.51.100.10"},
        )
    finally:
        monkeypatch.undo()
        config.settings.cache_clear()
    assert codes == [201, 201, 201, 429]
    assert other.status_code == 201


# --- refresh grace window -----------------------------------------------------------------------------------


def test_concurrent_refreshes_with_one_token_both_succeed_within_the_grace_window(api, owner_conn):
    admin = signup(api)
    first = login(api, admin["email"]).json
    with ThreadPoolExecutor(2) as pool:
        results = list(
            pool.map(lambda _: Api().post(f"{AUTH}/refresh", json={"refresh_token": first["refresh_token"]}), range(2))
        )
    assert [r.status_code for r in results] == [200, 200], [r.json for r in results]
    pairs = [r.json for r in results]
    assert pairs[0]["refresh_token"] != pairs[1]["refresh_token"]
    # Both answers are live pairs of the same session; the family was not revoked.
    sids = {jwt.decode(p["access_token"], options={"verify_signature": False})["sid"] for p in pairs}
    assert len(sids) == 1
    for pair in pairs:
        assert me(api, pair["access_token"]).status_code == 200
        assert refresh(api, pair["refresh_token"]).status_code == 200
    assert not audit_rows(owner_conn, "auth.refresh_reuse_detected")


def test_reuse_after_the_grace_window_revokes_the_family(api, owner_conn):
    admin = signup(api)
    first = login(api, admin["email"]).json
    second = refresh(api, first["refresh_token"]).json
    owner_conn.execute(
        "UPDATE refresh_tokens SET rotated_at = now() - interval '11 seconds' WHERE rotated_at IS NOT NULL"
    )
    assert_error(refresh(api, first["refresh_token"]), 401, "refresh_reused")
    assert_error(me(api, second["access_token"]), 401, "token_revoked")
    assert_error(refresh(api, second["refresh_token"]), 401)
    assert me(api, admin["token"]).status_code == 200


def test_reuse_within_the_window_after_the_successor_was_used_revokes(api):
    admin = signup(api)
    first = login(api, admin["email"]).json
    second = refresh(api, first["refresh_token"]).json
    assert refresh(api, second["refresh_token"]).status_code == 200  # the device moved on: `first` is a copy
    assert_error(refresh(api, first["refresh_token"]), 401, "refresh_reused")


# --- sessions per device ------------------------------------------------------------------------------------


def test_sessions_are_listed_per_device_and_revocable(api):
    admin = signup(api)
    laptop = api.post(
        f"{AUTH}/login",
        json={"email": admin["email"], "password": PASSWORD, "device_id": "lap-1", "device_name": "Ada's laptop"},
    ).json
    phone = api.post(f"{AUTH}/login", json={"email": admin["email"], "password": PASSWORD, "device_name": "Pixel"}).json
    laptop = {**laptop, **refresh(api, laptop["refresh_token"]).json}  # the device survives rotation
    r = api.get(f"{AUTH}/sessions", token=laptop["access_token"])
    assert r.status_code == 200, r.json
    items = r.json["items"]
    assert len(items) == 3  # signup, laptop, phone
    by_name = {s["device_name"]: s for s in items}
    assert by_name["Ada's laptop"]["device_id"] == "lap-1" and by_name["Ada's laptop"]["current"] is True
    assert by_name["Pixel"]["current"] is False
    phone_sid = by_name["Pixel"]["id"]
    assert api.delete(f"{AUTH}/sessions/{phone_sid}", token=laptop["access_token"]).status_code == 204
    assert_error(me(api, phone["access_token"]), 401, "token_revoked")
    assert_error(refresh(api, phone["refresh_token"]), 401)
    assert_error(api.delete(f"{AUTH}/sessions/{phone_sid}", token=laptop["access_token"]), 404)
    assert len(api.get(f"{AUTH}/sessions", token=laptop["access_token"]).json["items"]) == 2
    # Someone else's session is not found, not revoked.
    emp = invite_and_accept(api, admin)
    laptop_sid = by_name["Ada's laptop"]["id"]
    assert_error(api.delete(f"{AUTH}/sessions/{laptop_sid}", token=emp["token"]), 404)
    assert me(api, laptop["access_token"]).status_code == 200


# --- one person, several companies --------------------------------------------------------------------------


def _invite(api, admin: dict, email: str, role: str = "employee") -> str:
    r = api.post("/function/team/invitations", json={"email": email, "role": role}, token=admin["token"])
    assert r.status_code == 201, r.json
    token = re.search(r"token=([\w-]+)", last_mail(email)).group(1)
    preview = api.get(f"{AUTH}/invitations/{token}")
    assert preview.status_code == 200 and preview.json["has_account"] is True, preview.json
    return token


def _accept(api, token: str, password: str = PASSWORD):
    return api.post(
        f"{AUTH}/invitations/accept", json={"token": token, "name": "Fred Freelancer", "password": password}
    )


def _cid(access_token: str) -> str:
    return jwt.decode(access_token, options={"verify_signature": False})["cid"]


@pytest.fixture()
def freelancer(api):
    """Fred: admin of his own company A, and an employee of company B (same email, one password)."""
    a = signup(api, company="Fred Ltd", name="Fred Freelancer")
    b = signup(api, company="Client B")
    token = _invite(api, b, a["email"])
    assert_error(_accept(api, token, password="not his password"), 401, "invalid_credentials")
    r = _accept(api, token)
    assert r.status_code == 201, r.json
    assert r.json["user"]["company_id"] == b["company"]["id"] and r.json["user"]["role"] == "employee"
    return {"a": a, "b": b, "email": a["email"], "in_b": r.json}


def test_one_person_in_two_companies_signs_in_to_the_chosen_one(api, freelancer):
    a, b = freelancer["a"], freelancer["b"]
    r = login(api, freelancer["email"])  # default: the company used last (B, joined last)
    assert r.status_code == 200, r.json
    assert _cid(r.json["access_token"]) == b["company"]["id"]
    listed = {c["company_id"]: c for c in r.json["companies"]}
    assert set(listed) == {a["company"]["id"], b["company"]["id"]}
    assert listed[b["company"]["id"]]["current"] and listed[a["company"]["id"]]["role"] == "admin"
    r = api.post(
        f"{AUTH}/login", json={"email": freelancer["email"], "password": PASSWORD, "company_id": a["company"]["id"]}
    )
    assert r.status_code == 200 and r.json["user"]["role"] == "admin", r.json
    assert me(api, r.json["access_token"]).json["company"]["name"] == "Fred Ltd"
    assert _cid(login(api, freelancer["email"]).json["access_token"]) == a["company"]["id"]  # now the last used
    other = signup(api, company="Stranger")
    r = api.post(
        f"{AUTH}/login",
        json={"email": freelancer["email"], "password": PASSWORD, "company_id": other["company"]["id"]},
    )
    assert_error(r, 403, "not_a_member")
    assert "companies" not in login(api, other["email"]).json  # one company: the answer is unchanged


def test_switching_company(api, freelancer):
    a, b = freelancer["a"], freelancer["b"]
    in_a = a["token"]
    r = api.get(f"{AUTH}/companies", token=in_a)
    assert r.status_code == 200 and len(r.json["items"]) == 2, r.json
    r = api.post(f"{AUTH}/switch-company", json={"company_id": b["company"]["id"]}, token=in_a)
    assert r.status_code == 200, r.json
    assert _cid(r.json["access_token"]) == b["company"]["id"] and r.json["user"]["role"] == "employee"
    assert me(api, r.json["access_token"]).json["company"]["name"] == "Client B"
    assert refresh(api, r.json["refresh_token"]).status_code == 200
    assert me(api, in_a).status_code == 200  # the other company's session stays
    assert_error(
        api.post(f"{AUTH}/switch-company", json={"company_id": str(uuid.uuid4())}, token=in_a), 403, "not_a_member"
    )
    # Deactivated in B: switching there is refused, company A still works.
    api.post(f"/function/team/users/{freelancer['in_b']['user']['id']}/deactivate", token=b["token"])
    r = api.post(f"{AUTH}/switch-company", json={"company_id": b["company"]["id"]}, token=in_a)
    assert_error(r, 403, "account_deactivated")
    assert _cid(login(api, freelancer["email"]).json["access_token"]) == a["company"]["id"]


def test_each_company_sees_only_its_own_data_for_that_person(api, freelancer):
    a, b = freelancer["a"], freelancer["b"]
    in_a, in_b = a["token"], freelancer["in_b"]["access_token"]
    directory_a = {u["email"] for u in api.get("/function/team/users", token=in_a).json["items"]}
    directory_b = {u["email"] for u in api.get("/function/team/users", token=in_b).json["items"]}
    assert b["email"] not in directory_a and b["email"] in directory_b
    r = api.post("/function/projects/projects", json={"name": "B secret"}, token=b["token"])
    assert r.status_code == 201, r.json
    project = r.json["project"]["id"]
    assert api.get(f"/function/projects/projects/{project}", token=in_a).status_code == 404
    names = [p["name"] for p in api.get("/function/projects/projects", token=in_a).json["items"]]
    assert "B secret" not in names
    # B's admin sees B's membership of the person, and nothing of company A.
    b_users = api.get("/function/team/users", token=b["token"]).json["items"]
    assert {u["company_id"] for u in b_users} == {b["company"]["id"]}


def test_the_password_is_the_persons(api, freelancer, owner_conn):
    a, b = freelancer["a"], freelancer["b"]
    r = api.post(
        f"{AUTH}/me/password", json={"current_password": PASSWORD, "new_password": "one new secret"}, token=a["token"]
    )
    assert r.status_code == 204
    body = {"email": freelancer["email"], "password": "one new secret", "company_id": b["company"]["id"]}
    assert api.post(f"{AUTH}/login", json=body).status_code == 200
    # A reset signs the person out in every company.
    token = _reset_token(api, freelancer["email"])
    assert api.post(f"{AUTH}/password/reset", json={"token": token, "password": "after the reset"}).status_code == 204
    assert_error(me(api, a["token"]), 401, "token_revoked")
    assert_error(me(api, freelancer["in_b"]["access_token"]), 401, "token_revoked")
    live = owner_conn.execute(
        "SELECT count(*) FROM refresh_tokens t JOIN users u ON u.id = t.user_id"
        " WHERE u.email = %s AND t.revoked_at IS NULL",
        (freelancer["email"],),
    ).fetchone()[0]
    assert live == 0
