from factories import PASSWORD, invite_and_accept, signup


def test_signup_login_me_invite_accept(api):
    admin = signup(api)
    r = api.post("/function/auth/login", json={"email": admin["email"], "password": PASSWORD})
    assert r.status_code == 200, r.json
    r = api.get("/function/auth/me", token=r.json["access_token"])
    assert r.status_code == 200 and r.json["user"]["role"] == "admin"
    emp = invite_and_accept(api, admin)
    r = api.get("/function/auth/me", token=emp["token"])
    assert r.json["user"]["role"] == "employee"
    assert r.json["company"]["id"] == admin["company"]["id"]
