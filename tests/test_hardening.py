"""Regression tests of issue 11 (hardening): revocation that survives Redis loss (2), hostile input answered 4xx
(6), a lost database connection answered 503 (7), password changes that end other sessions and are throttled (8),
login and signup throttling that cannot be reset or probed (9). The fuzzer is tests/test_fuzz.py."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from factories import PASSWORD, invite_and_accept, signup
from test_bad_input import error_problem, fill
from test_fuzz import model_text, route_table

from workmonitor import db as dbmod
from workmonitor.redis_client import client as redis_client

AUTH = "/function/auth"


def me(api, token: str):
    return api.get(f"{AUTH}/me", token=token)


def login(api, email: str, password: str = PASSWORD, ip: str = "198.51.100.7"):
    return api.post(f"{AUTH}/login", json={"email": email, "password": password}, headers={"X-Forwarded-For": ip})


def redis_loses_its_data() -> None:
    """What a Redis restart without persistence (or a FLUSHALL) does to every key."""
    redis_client().flushdb()


# --- item 2: revoked access tokens stay revoked after Redis loses its data ----------------------------------------


def test_a_logged_out_token_stays_refused_after_redis_loses_its_data(api):
    admin = signup(api)
    assert api.post(f"{AUTH}/logout", token=admin["token"]).status_code == 204
    assert me(api, admin["token"]).status_code == 401
    redis_loses_its_data()
    r = me(api, admin["token"])
    assert r.status_code == 401 and r.json["error"]["code"] == "token_revoked", r.json
    assert api.get("/function/time/entries", token=admin["token"]).status_code == 401


def test_a_deactivated_users_token_stays_refused_after_redis_loses_its_data(api):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    r = api.post(f"/function/team/users/{emp['user']['id']}/deactivate", token=admin["token"])
    assert r.status_code == 200, r.json
    redis_loses_its_data()
    for path in (f"{AUTH}/me", "/function/time/entries", "/function/projects/projects"):
        r = api.get(path, token=emp["token"])
        assert r.status_code == 401 and r.json["error"]["code"] == "token_revoked", (path, r.json)
    assert me(api, admin["token"]).status_code == 200  # everyone else is unaffected


def test_a_revoked_device_and_a_reused_refresh_family_stay_refused_after_redis_loss(api):
    admin = signup(api)
    other = login(api, admin["email"]).json
    sessions = api.get(f"{AUTH}/sessions", token=admin["token"]).json["items"]
    victim = next(s["id"] for s in sessions if not s["current"])
    assert api.delete(f"{AUTH}/sessions/{victim}", token=admin["token"]).status_code == 204
    third = login(api, admin["email"]).json
    assert api.post(f"{AUTH}/refresh", json={"refresh_token": third["refresh_token"]}).status_code == 200
    api.post(f"{AUTH}/refresh", json={"refresh_token": third["refresh_token"]})  # after the grace: a replay
    redis_loses_its_data()
    assert me(api, other["access_token"]).status_code == 401
    assert me(api, admin["token"]).status_code == 200


def test_revocation_holds_while_redis_is_down(api, monkeypatch):
    """With Redis unreachable the database still decides: a live session works, a revoked one does not."""
    import redis

    admin = signup(api)
    other = login(api, admin["email"]).json
    assert api.post(f"{AUTH}/logout", token=other["access_token"]).status_code == 204

    def down(*_a, **_k):
        raise redis.ConnectionError("Redis is down")

    monkeypatch.setattr(redis.Redis, "exists", down)
    assert me(api, other["access_token"]).status_code == 401
    assert me(api, admin["token"]).status_code == 200


# --- item 6: hostile but well-formed input is a 4xx, never a 5xx ------------------------------------------------

DEEP = b"[" * 100_000 + b"]" * 100_000


def test_deeply_nested_json_is_400_even_on_healthz_without_a_token(api):
    for method, path in (("GET", "/function/auth/healthz"), ("POST", f"{AUTH}/login"), ("GET", f"{AUTH}/me")):
        r = api.call(method, path, data=DEEP, headers={"Content-Type": "application/json"})
        assert r.status_code in (400, 401) and error_problem(r) is None, (path, r.status_code)
    r = api.call("GET", "/function/auth/healthz", data=DEEP, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json["error"]["code"] == "invalid_json"


EXTREME_DATE_ROUTES = [
    ("POST", "/function/time/entries", {"started_at": "0001-01-01T00:00:00+14:00"}),
    ("POST", "/function/time/entries", {"started_at": "9999-12-31T23:00:00-14:00"}),
    ("POST", "/function/time/timesheets/submit", {"date": "9999-12-31"}),
    ("POST", "/function/time/timesheets/submit", {"date": "0001-01-01"}),
    ("GET", "/function/time/timesheets/week?date=9999-12-31", None),
    ("GET", "/function/time/timesheets/week?date=0001-01-01", None),
    ("GET", "/function/time/entries?from=9999-12-31&to=9999-12-31", None),
    ("GET", "/function/time/entries?from=0001-01-01&to=0001-01-01", None),
    ("GET", "/function/time/reports/daily?from=9999-12-30&to=9999-12-31", None),
    ("GET", "/function/time/reports/summary?from=9999-12-30&to=9999-12-31", None),
    ("GET", "/function/time/timesheets?from=0001-01-01&to=0001-01-02", None),
    ("GET", "/function/attendance/shifts?from=9999-12-30&to=9999-12-31", None),
    ("GET", "/function/attendance/days?from=0001-01-01&to=0001-01-02", None),
    ("GET", "/function/media/screenshots?date=9999-12-31", None),
    ("GET", "/function/media/screenshots?date=0001-01-01", None),
    ("GET", "/function/media/recordings?date=9999-12-31", None),
    ("GET", "/function/activity/timeline?from=0001-01-01T00:00:00%2B14:00&to=0001-01-01T01:00:00%2B14:00", None),
]


def test_extreme_but_well_formed_dates_are_400(api):
    admin = signup(api)
    problems = []
    for method, path, body in EXTREME_DATE_ROUTES:
        if body and "started_at" in body:
            body = {**body, "ended_at": body["started_at"].replace("00:00:00", "00:30:00")}
        r = api.call(method, path, json=body, token=admin["token"])
        if r.status_code != 400 or error_problem(r):
            problems.append(f"{method} {path} {body}: {r.status_code} {r.get_data(as_text=True)[:200]}")
    assert not problems, "\n".join(problems)


def test_a_coordinate_of_401_digits_is_400(api):
    admin = signup(api)
    big = "1" * 401
    for raw in (
        '{"name": "g", "kind": "polygon", "polygon": [[BIG, 1], [2, 2], [3, 1]]}'.replace("BIG", big),
        '{"name": "g", "kind": "polygon", "polygon": [[1, -BIG], [2, 2], [3, 1]]}'.replace("BIG", big),
        '{"name": "g", "kind": "circle", "center_lat": BIG, "center_lng": 1, "radius_m": 5}'.replace("BIG", big),
    ):
        r = api.call("POST", "/function/attendance/geofences", data=raw, token=admin["token"],
                     headers={"Content-Type": "application/json"})  # fmt: skip
        assert r.status_code == 400 and error_problem(r) is None, (raw[:60], r.get_data(as_text=True))


def test_a_deeply_nested_publish_payload_is_400_not_503(api):
    admin = signup(api)
    payload = '{"a": ' * 900 + "1" + "}" * 900
    raw = f'{{"room": "company:{admin["company"]["id"]}", "event": "note.added", "payload": {payload}}}'
    r = api.call("POST", "/function/publish/events", data=raw, token=admin["token"],
                 headers={"Content-Type": "application/json"})  # fmt: skip
    assert r.status_code == 400 and error_problem(r) is None, r.get_data(as_text=True)


@pytest.mark.parametrize("deleted", ["user", "company"])
def test_a_token_of_a_user_or_company_that_no_longer_exists_is_401_everywhere(api, owner_conn, deleted):
    victim = signup(api, company="Doomed")
    survivor = signup(api, company="Stays")
    if deleted == "user":  # a second admin keeps the company; the victim's membership and person go
        emp = invite_and_accept(api, victim)
        owner_conn.execute("DELETE FROM users WHERE id = %s", (emp["user"]["id"],))
        token = emp["token"]
    else:
        owner_conn.execute("DELETE FROM companies WHERE id = %s", (victim["company"]["id"],))
        token = victim["token"]
    ids = {"user": survivor["user"]["id"]}
    problems, sent = [], 0
    for name, method, rule, model, _query in route_table():
        if rule == "/metrics":  # its own bearer (the metrics token), never a user's JWT: tests/test_metrics.py
            continue
        raw = (model_text(model, {}, ids).encode() if model else b"{}") if method in ("POST", "PUT", "PATCH") else None
        r = api.call(method, f"/function/{name}" + fill(rule), data=raw, token=token,
                     headers={"Content-Type": "application/json"} if raw else {})  # fmt: skip
        sent += 1
        if r.status_code != 401 or error_problem(r):
            problems.append(f"{method} /{name}{rule}: {r.status_code} {r.get_data(as_text=True)[:160]}")
    assert not problems, f"{len(problems)} of {sent}:\n" + "\n".join(problems)


# --- item 7: a lost database connection is a 503 with Retry-After --------------------------------------------------


def test_a_terminated_backend_mid_request_answers_503_with_retry_after(stack):
    from werkzeug.test import Client

    from workmonitor.web import create_function, db, public

    app = create_function("probe-dead-db")

    def terminate(conn: dbmod.Conn) -> None:
        pid = conn.execute("SELECT pg_backend_pid() AS pid").fetchone()["pid"]
        with psycopg.connect(stack["owner_url"], autocommit=True) as owner:
            owner.execute("SELECT pg_terminate_backend(%s)", (pid,))

    @app.get("/query-after")
    @public
    def query_after():
        conn = db(dbmod.Claims())
        terminate(conn)
        conn.execute("SELECT 1")
        return {"ok": True}

    @app.post("/commit-after")
    @public
    def commit_after():
        conn = db(dbmod.Claims())
        conn.execute("SELECT 1")
        terminate(conn)
        return {"ok": True}

    client = Client(app)
    for method, path in (("GET", "/query-after"), ("POST", "/commit-after")):
        r = client.open(path, method=method)
        assert r.status_code == 503, (path, r.status_code, r.get_data(as_text=True))
        assert r.json["error"]["code"] == "unavailable" and int(r.headers["Retry-After"]) > 0
    # The pool dropped the dead connections: the next request is served.
    assert Client(app).get("/readyz").status_code == 200


# --- item 8: a password change ends the other sessions; guessing the current password is throttled -------------


def test_changing_the_password_ends_the_other_sessions_but_keeps_this_one(api):
    admin = signup(api)
    other = login(api, admin["email"]).json
    r = api.post(f"{AUTH}/me/password", json={"current_password": PASSWORD, "new_password": "a new long secret"},
                 token=admin["token"])  # fmt: skip
    assert r.status_code == 204, r.json
    assert me(api, other["access_token"]).status_code == 401
    redis_loses_its_data()
    assert me(api, other["access_token"]).status_code == 401
    r = api.post(f"{AUTH}/refresh", json={"refresh_token": other["refresh_token"]})
    assert r.status_code == 401 and r.json["error"]["code"] == "refresh_revoked", r.json
    assert me(api, admin["token"]).status_code == 200
    assert api.post(f"{AUTH}/refresh", json={"refresh_token": admin["refresh"]}).status_code == 200


def test_guessing_the_current_password_is_throttled_like_login(api):
    from workmonitor.config import settings

    admin = signup(api)
    limit = settings().login_max_failures
    for i in range(limit):
        r = api.post(f"{AUTH}/me/password", json={"current_password": f"guess {i}", "new_password": "a new secret"},
                     token=admin["token"])  # fmt: skip
        assert r.status_code == 401, r.json
    r = api.post(f"{AUTH}/me/password", json={"current_password": PASSWORD, "new_password": "a new secret"},
                 token=admin["token"])  # fmt: skip
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0, r.json
    assert error_problem(r) is None
    r = api.post(f"{AUTH}/me/otp", json={"password": PASSWORD, "enabled": True}, token=admin["token"])
    assert r.status_code == 429


# --- item 9: login and signup throttling ---------------------------------------------------------------------------


def test_a_successful_login_does_not_reset_the_addresss_failure_count(api):
    from workmonitor.config import settings

    mine = signup(api, company="Attacker")
    signup(api, company="Victim")
    limit, statuses = settings().login_address_max_accounts, []
    for i in range(limit + 3):
        # A different victim address each time (no per-account limit is reached), and a good login in between.
        statuses.append(login(api, f"victim-{i}@example.com", "wrong password", ip="203.0.113.9").status_code)
        login(api, mine["email"], ip="203.0.113.9")
    assert statuses[:limit] == [401] * limit and 429 in statuses[limit:], statuses


def test_signup_does_not_name_constraints_and_failed_signups_count(api):
    from workmonitor.config import settings

    taken = signup(api)["email"]
    body = {"company_name": "Other", "name": "X", "email": taken.upper(), "password": PASSWORD}
    headers = {"X-Forwarded-For": "192.0.2.44"}
    r = api.post(f"{AUTH}/signup", json=body, headers=headers)
    assert r.status_code == 409 and error_problem(r) is None
    text = r.get_data(as_text=True)
    assert "constraint" not in text and "_key" not in text and r.json["error"]["code"] == "email_unavailable", text
    for _ in range(settings().signup_per_hour - 1):
        assert api.post(f"{AUTH}/signup", json=body, headers=headers).status_code in (409, 429)
    fresh = {**body, "email": f"new-{uuid.uuid4().hex[:6]}@example.com"}
    r = api.post(f"{AUTH}/signup", json=fresh, headers=headers)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0, r.json
