"""Device pairing codes: the web app shows one, the browser extension signs in with it instead of a password."""

from __future__ import annotations

from factories import invite_and_accept, signup


def test_a_pairing_code_signs_a_device_in_once(api):
    admin = signup(api, company="Pairs")
    emp = invite_and_accept(api, admin, name="Pat Pair")
    r = api.post("/function/auth/pairing-codes", token=emp["token"])
    assert r.status_code == 201, r.json
    code = r.json["code"]
    assert len(code) == 14 and code.count("-") == 2 and r.json["expires_at"].endswith("Z")
    typed = code.lower().replace("-", " ")  # read off the screen and typed loosely
    r = api.post("/function/auth/pairing", json={"code": typed, "device_name": "Chrome extension"})
    assert r.status_code == 200, r.json
    assert r.json["user"]["id"] == emp["user"]["id"] and r.json["refresh_token"]
    me = api.get("/function/auth/me", token=r.json["access_token"])
    assert me.status_code == 200 and me.json["user"]["id"] == emp["user"]["id"]
    assert api.post("/function/auth/pairing", json={"code": code}).json["error"]["code"] == "token_used"
    r = api.post("/function/auth/pairing", json={"code": "AAAA-BBBB-CCCC"})
    assert r.status_code == 401 and r.json["error"]["code"] == "token_invalid"
    assert api.post("/function/auth/pairing-codes").status_code == 401  # only a signed-in person gets one
    first = api.post("/function/auth/pairing-codes", token=emp["token"]).json["code"]
    second = api.post("/function/auth/pairing-codes", token=emp["token"]).json["code"]
    assert api.post("/function/auth/pairing", json={"code": first}).status_code == 410  # the second code voided it
    assert api.post("/function/auth/pairing", json={"code": second}).status_code == 200
