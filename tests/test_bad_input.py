"""Bad input to every route of every function in stack.yml gets a clear 4xx JSON error, never a 500.

Routes are enumerated from each function's Flask url_map (through the same loader as the local gateway), so a
route added by a later issue is covered without editing this file.
"""

from __future__ import annotations

import json
import re
import uuid
from urllib.parse import quote

import pytest
from factories import PASSWORD, signup

from workmonitor.devserver import load_function, stack_functions

FUNCTIONS = sorted(stack_functions())
BODY_METHODS = {"POST", "PUT", "PATCH"}
BAD_PATH_VALUES = ["not-a-uuid", "1", "-1", "x" * 300, "' OR 1=1 --", "%00", "..%2F..", "\u00e9\u6f22"]
TWO_MB = json.dumps({"blob": "a" * (2 * 1024 * 1024)}).encode()
QUERY_GARBAGE = "&".join(
    f"{k}={v}"
    for k, v in [
        ("limit", "abc"),
        ("offset", "-5"),
        ("q", "%00%5C%25"),
        ("status", "x"),
        ("role", "y"),
        ("manager_id", "z"),
        ("user_id", "%00"),
        ("from", "2024-13-45"),
        ("to", "yesterday"),
        ("all", "maybe"),
        ("action", "%00"),
    ]
)
WRONG = {"nested": [1, {"deep": None}]}  # an object is the wrong type for every scalar field


def routes(name: str) -> list[tuple[str, str, bool]]:
    """Return (method, rule, is_public) for every route of function `name`."""
    app = load_function(name)
    out = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        public = bool(getattr(app.view_functions[rule.endpoint], "_wm_public", False))
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            out.append((method, rule.rule, public))
    return out


def fill(rule: str, value: str | None = None) -> str:
    """Return `rule` with every <param> replaced by `value` (URL-quoted) or by a fresh random UUID."""

    def sub(m: re.Match) -> str:
        conv = m.group(1) or ""
        if value is None:
            return "1" if conv.startswith(("int", "float")) else str(uuid.uuid4())
        return value if value.startswith("%") else quote(value, safe="")

    return re.sub(r"<(?:(\w+)(?:\([^)]*\))?:)?\w+>", sub, rule)


def error_problem(r) -> str | None:
    """Return why `r` is not a proper error response, or None."""
    if r.status_code >= 500:
        return f"status {r.status_code}: {r.get_data(as_text=True)[:200]}"
    if r.status_code < 400:
        return f"status {r.status_code} (expected a 4xx)"
    try:
        err = json.loads(r.get_data())["error"]
    except (ValueError, KeyError, TypeError):
        return f"status {r.status_code} without the JSON error body: {r.get_data(as_text=True)[:200]}"
    if not (
        isinstance(err, dict)
        and isinstance(err.get("code"), str)
        and isinstance(err.get("message"), str)
        and isinstance(err.get("fields"), dict)
    ):
        return f"status {r.status_code} with a malformed error body: {err}"
    return None


def send(
    api,
    method: str,
    path: str,
    token: str | None,
    body=None,
    raw: bytes | None = None,
    content_type: str = "application/json",
):
    headers = {"Content-Type": content_type} if (body is not None or raw is not None) else {}
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    return api.call(method, path, data=data, token=token, headers=headers)


class Session:
    """A company admin whose every route check gets a fresh session (some routes sign the caller out)."""

    def __init__(self, api):
        self.api = api
        self.admin = signup(api, company="Bad Input Inc")

    def token(self) -> str:
        r = self.api.post("/function/auth/login", json={"email": self.admin["email"], "password": PASSWORD})
        assert r.status_code == 200, r.json
        return r.json["access_token"]


def check_route(api, session: Session, name: str, method: str, rule: str) -> list[str]:
    """Send every kind of bad input to one route; return the problems found."""
    base = f"/function/{name}"
    path = base + fill(rule)
    token = session.token()
    problems = []

    def expect_4xx(what: str, r) -> None:
        why = error_problem(r)
        if why:
            problems.append(f"{method} {rule} [{what}]: {why}")

    def expect_no_5xx(what: str, r) -> None:
        if r.status_code >= 500 or (r.status_code >= 400 and error_problem(r)):
            problems.append(f"{method} {rule} [{what}]: {error_problem(r)}")

    expect_4xx("invalid JSON", send(api, method, path, token, raw=b'{"a": [1, 2'))
    expect_4xx("invalid UTF-8", send(api, method, path, token, raw=b'{"a": "\xff\xfe"}'))
    expect_4xx("2 MB body", send(api, method, path, token, raw=TWO_MB))
    if "<" in rule:
        for value in BAD_PATH_VALUES:
            expect_4xx(
                f"path param {value[:20]!r}",
                send(api, method, base + fill(rule, value), token, body={} if method in BODY_METHODS else None),
            )
    if method == "GET":
        expect_no_5xx("garbage query", api.call(method, path + "?" + QUERY_GARBAGE, token=token))
    if method not in BODY_METHODS:
        return problems
    expect_4xx("JSON array", send(api, method, path, token, body=[1, "two", None, {"x": []}]))
    for top in ("text", 42, None, True):
        expect_4xx(f"top-level {json.dumps(top)}", send(api, method, path, token, raw=json.dumps(top).encode()))
    r = send(api, method, path, token, body={"zz_not_a_field": 1})
    expect_4xx("unknown field", r)
    required = _required_fields(r)
    for field in required:
        expect_4xx(f"wrong type for {field}", send(api, method, path, token, body={f: WRONG for f in required}))
        expect_4xx(f"{field} as a number", send(api, method, path, token, body={field: 12345}))
        expect_4xx(f"{field} with NUL", send(api, method, path, token, body={field: "a\u0000b"}))
    expect_no_5xx(
        "form-encoded", send(api, method, path, token, raw=b"a=1&b=2", content_type="application/x-www-form-urlencoded")
    )
    expect_no_5xx("missing fields", send(api, method, path, token, body={}))
    expect_no_5xx("no body", send(api, method, path, token))
    return problems


def _required_fields(r) -> list[str]:
    try:
        fields = r.json["error"]["fields"]
    except (TypeError, KeyError, ValueError):
        return []
    return [f for f, msg in fields.items() if "." not in f and "required" in str(msg).lower()]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_bad_input_to_every_route_is_a_clear_4xx(api, name):
    session = Session(api)
    problems = []
    for method, rule, _public in routes(name):
        problems += check_route(api, session, name, method, rule)
    assert not problems, f"function {name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_protected_routes_need_a_token(api, name):
    problems = []
    for method, rule, public in routes(name):
        if public:
            continue
        path = f"/function/{name}{fill(rule)}"
        for what, headers in (
            ("no token", {}),
            ("garbage token", {"Authorization": "Bearer garbage"}),
            ("wrong scheme", {"Authorization": "Token abc"}),
        ):
            r = api.call(method, path, json={} if method in BODY_METHODS else None, headers=headers)
            why = error_problem(r)
            if r.status_code != 401 or why:
                problems.append(f"{method} {rule} [{what}]: status {r.status_code} {why or ''}")
    assert not problems, f"function {name}:\n" + "\n".join(problems)


def test_routes_are_discovered():
    found = {(m, r) for name in ("auth", "team") for m, r, _ in routes(name)}
    assert ("POST", "/login") in found and ("PATCH", "/users/<user_id>") in found
    assert ("GET", "/healthz") in found


def test_health_endpoints_answer_every_function(api):
    for name in FUNCTIONS:
        assert api.get(f"/function/{name}/healthz").status_code == 200, name
        assert api.get(f"/function/{name}/readyz").status_code == 200, name


def test_unknown_function_and_route_are_json_404(api):
    for path in ("/function/nope/x", "/function/auth/nope"):
        r = api.get(path)
        assert r.status_code == 404 and error_problem(r) is None, (path, r.get_data(as_text=True))
    r = api.call("PUT", "/function/auth/login", json={})
    assert r.status_code == 405 and error_problem(r) is None


def test_unpaired_surrogates_are_400(api):
    admin = signup(api)
    uid = admin["user"]["id"]
    raw = b'{"terms": "\\ud800 half a character"}'
    for path in (f"/function/team/users/{uid}/agreements",):
        r = send(api, "POST", path, admin["token"], raw=raw)
        assert r.status_code == 400 and error_problem(r) is None, r.get_data(as_text=True)
    r = send(api, "PATCH", "/function/auth/me", admin["token"], raw=b'{"name": "x\\udfff"}')
    assert r.status_code == 400 and error_problem(r) is None, r.get_data(as_text=True)


def test_a_failing_after_commit_task_does_not_turn_a_committed_change_into_a_500(stack):
    from werkzeug.test import Client

    from workmonitor.web import after_commit, create_function, public, responds

    app = create_function("probe")
    ran = []

    @app.post("/work")
    @public
    @responds(None, media_type="application/json")
    def work():
        after_commit(lambda: 1 / 0)
        after_commit(lambda: ran.append("second"))
        return {"ok": True}

    r = Client(app).post("/work")
    assert r.status_code == 200 and ran == ["second"], r.get_data(as_text=True)


def test_an_unreachable_database_or_redis_is_a_503_not_a_500(stack):
    import psycopg
    import redis
    from werkzeug.test import Client

    from workmonitor.web import create_function, public

    app = create_function("probe-deps")

    @app.get("/redis")
    @public
    def use_redis():
        redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=1).ping()

    @app.get("/pg")
    @public
    def use_pg():
        psycopg.connect("postgresql://nobody@127.0.0.1:1/none", connect_timeout=1)

    for path in ("/redis", "/pg"):
        r = Client(app).get(path)
        assert r.status_code == 503, (path, r.get_data(as_text=True))
        assert r.json["error"]["code"] == "unavailable" and r.headers["Retry-After"]
