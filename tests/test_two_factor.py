"""Two-step sign-in with an authenticator app: setup, a drifting phone clock, replays, recovery codes used once,
the company requirement, and signing out other devices."""

from __future__ import annotations

import time

import pyotp
from factories import PASSWORD, invite_and_accept, last_mail, signup

AUTH = "/function/auth"


def _login(api, email: str):
    return api.post(f"{AUTH}/login", json={"email": email, "password": PASSWORD})


def _enable_totp(api, user: dict) -> tuple[str, list[str]]:
    r = api.post(f"{AUTH}/me/totp/setup", json={"password": PASSWORD}, token=user["token"])
    assert r.status_code == 200, r.json
    secret = r.json["secret"]
    assert r.json["otpauth_uri"].startswith("otpauth://totp/") and r.json["qr_svg"].startswith("data:image/svg+xml")
    # A code from a phone 30 s behind is within the window.
    r = api.post(f"{AUTH}/me/totp/confirm", json={"code": pyotp.TOTP(secret).at(time.time() - 30)}, token=user["token"])
    assert r.status_code == 200, r.json
    codes = r.json["recovery_codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    return secret, codes


def _verify(api, challenge: str, code: str):
    return api.post(f"{AUTH}/otp/verify", json={"challenge": challenge, "code": code})


def test_totp_setup_and_sign_in_with_shifted_clocks(api, owner_conn):
    admin = signup(api)
    r = api.post(f"{AUTH}/me/totp/setup", json={"password": "wrong password"}, token=admin["token"])
    assert r.status_code == 401
    secret, _codes = _enable_totp(api, admin)
    r = api.get(f"{AUTH}/me/two-factor", token=admin["token"])
    assert r.json == {"totp_enabled": True, "email_otp_enabled": False, "recovery_codes_left": 10,
                      "company_requires": False}  # fmt: skip
    # The secret is stored sealed, never in clear.
    stored = owner_conn.execute("SELECT secret_enc FROM person_totp").fetchone()[0]
    assert secret not in stored

    totp = pyotp.TOTP(secret)
    now = time.time()
    # Phone clock 90 s ahead or behind: outside the one-step window, refused.
    for drift in (90, -90):
        r = _login(api, admin["email"])
        assert r.json["otp_required"] is True and r.json["method"] == "totp"
        r = _verify(api, r.json["challenge"], totp.at(now + drift))
        assert r.status_code == 401 and r.json["error"]["code"] == "otp_invalid"
    # 30 s ahead: accepted.
    r = _login(api, admin["email"])
    ok = _verify(api, r.json["challenge"], totp.at(now + 30))
    assert ok.status_code == 200 and ok.json["access_token"], ok.json
    # The same code (and any older one) is never accepted again, even in a fresh challenge.
    r = _login(api, admin["email"])
    assert _verify(api, r.json["challenge"], totp.at(now + 30)).status_code == 401
    assert _verify(api, r.json["challenge"], totp.now()).status_code == 401
    audit = owner_conn.execute(
        "SELECT details->>'second_factor' FROM audit_logs WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert audit[0] == "totp"


def test_recovery_codes_work_once_and_are_stored_hashed(api, owner_conn):
    admin = signup(api)
    _secret, codes = _enable_totp(api, admin)
    stored = [r[0] for r in owner_conn.execute("SELECT code_hash FROM recovery_codes").fetchall()]
    assert len(stored) == 10 and not set(codes) & set(stored)
    r = _login(api, admin["email"])
    assert _verify(api, r.json["challenge"], codes[0].upper()).status_code == 200
    r = _login(api, admin["email"])
    again = _verify(api, r.json["challenge"], codes[0])
    assert again.status_code == 401 and again.json["error"]["code"] == "otp_invalid"
    assert _verify(api, r.json["challenge"], codes[1]).status_code == 200
    r = api.get(f"{AUTH}/me/two-factor", token=admin["token"])
    assert r.json["recovery_codes_left"] == 8
    # New codes replace the old ones.
    r = api.post(f"{AUTH}/me/recovery-codes", json={"password": PASSWORD}, token=admin["token"])
    fresh = r.json["recovery_codes"]
    r = _login(api, admin["email"])
    assert _verify(api, r.json["challenge"], codes[2]).status_code == 401
    assert _verify(api, r.json["challenge"], fresh[0]).status_code == 200
    # Turning it off needs the password; afterwards a password alone signs in.
    r = api.post(f"{AUTH}/me/totp/disable", json={"password": PASSWORD}, token=admin["token"])
    assert r.status_code == 200 and r.json["totp_enabled"] is False and r.json["recovery_codes_left"] == 0
    assert "access_token" in _login(api, admin["email"]).json


def test_company_requirement_and_other_person_cannot_read_secret(api, owner_conn):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    r = api.put(f"{AUTH}/company/two-factor", json={"required": True}, token=emp["token"])
    assert r.status_code == 403
    r = api.put(f"{AUTH}/company/two-factor", json={"required": True}, token=admin["token"])
    assert r.status_code == 200 and r.json == {"required": True}
    # No authenticator: an emailed code is required at sign-in.
    r = _login(api, emp["email"])
    assert r.json["otp_required"] is True and r.json["method"] == "email"
    code = last_mail(emp["email"]).split("sign-in code is ")[1][:6]
    assert _verify(api, r.json["challenge"], code).status_code == 200
    # The admin cannot see the employee's factors, even with a secret set up.
    _enable_totp(api, emp)
    r = api.get(f"{AUTH}/me/two-factor", token=admin["token"])
    assert r.json["totp_enabled"] is False and r.json["company_requires"] is True


def test_sign_out_one_or_all_other_devices(api):
    admin = signup(api)
    second = _login(api, admin["email"]).json
    third = _login(api, admin["email"]).json
    r = api.get(f"{AUTH}/sessions", token=admin["token"])
    assert len(r.json["items"]) == 3 and sum(s["current"] for s in r.json["items"]) == 1
    assert all(s["last_used_at"] for s in r.json["items"])
    sid = next(s["id"] for s in r.json["items"] if not s["current"])
    assert api.delete(f"{AUTH}/sessions/{sid}", token=admin["token"]).status_code == 204
    assert len(api.get(f"{AUTH}/sessions", token=admin["token"]).json["items"]) == 2
    assert api.delete(f"{AUTH}/sessions", token=admin["token"]).status_code == 204
    items = api.get(f"{AUTH}/sessions", token=admin["token"]).json["items"]
    assert len(items) == 1 and items[0]["current"]
    for other in (second, third):
        assert api.get(f"{AUTH}/me", token=other["access_token"]).status_code == 401
