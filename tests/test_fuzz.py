"""Property-based fuzzing of every route × method of every function: never a 5xx, always the documented error body.

Routes come from each function's url_map (as in test_bad_input.py), so a route added later is fuzzed the day it
lands. Inputs: bad JSON shapes, deep nesting, extreme numbers, extreme but well-formed dates and times, NUL bytes
and odd unicode, in bodies, query strings and path parameters; each sent unauthenticated and with a valid token.
"""

from __future__ import annotations

import functools
import inspect
import json
import re
import types
import typing
import uuid
from datetime import date, datetime, time
from decimal import Decimal
from urllib.parse import quote

import pytest
from factories import PASSWORD, signup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from test_bad_input import error_problem, fill, routes

from workmonitor.devserver import load_function, stack_functions

BODY_METHODS = {"POST", "PUT", "PATCH"}
DEEP = 100_000


def _query_names(view) -> tuple[str, ...]:
    """Return the query parameters a view reads (`query_date("day")`, `args.get("q")`, `date_range()` ...)."""
    try:
        src = inspect.getsource(inspect.unwrap(view))
    except (OSError, TypeError):
        return ()
    names = re.findall(r"""(?:query_\w+|args\.get|args\.getlist)\(\s*["'](\w+)["']""", src)
    if "date_range(" in src:
        names += ["from", "to"]
    if "page()" in src:
        names += ["limit", "offset"]
    return tuple(dict.fromkeys(names))


@functools.cache
def route_table() -> list[tuple[str, str, str, type[BaseModel] | None, tuple[str, ...]]]:
    """Return (function, method, rule, body model, query names) for every route."""
    out = []
    for name in sorted(stack_functions()):
        app = load_function(name)
        for method, rule, _public in routes(name):
            endpoint = next(r.endpoint for r in app.url_map.iter_rules() if r.rule == rule and method in r.methods)
            doc = getattr(app.view_functions[endpoint], "_wm_doc", None)
            body_model = doc.body if doc is not None else None
            query = tuple(doc.query.model_fields) if doc is not None and doc.query is not None else ()
            query += tuple(n for n in _query_names(app.view_functions[endpoint]) if n not in query)
            out.append((name, method, rule, body_model, query))
    return out


COMMON_FIELDS = ("id", "user_id", "date", "day", "start", "end", "started_at", "ended_at", "lat", "lng", "payload")
COMMON_QUERY = ("from", "to", "date", "day", "since", "until", "start", "end", "limit", "offset", "user_id", "at")

# Raw JSON value texts: extreme numbers (some Python's json accepts and JSON does not), dates and times.
EXTREME_NUMBERS = ["1" * 401, "-" + "1" * 401, "1e400", "-1e400", "1e-400", "NaN", "Infinity", "-Infinity",
                   str(2**63), str(-(2**63) - 1), str(2**31), "0.1e999999", "-0", "1" * 4400]  # fmt: skip
EXTREME_DATES = ["0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-14:00",
                 "9999-12-31T23:59:59.999999Z", "9999-12-31", "0001-01-01", "0001-01-01T00:00:00-00:01",
                 "2026-02-29", "24:00", "23:59:60", "00:00", "1970-01-01T00:00:00+23:59"]  # fmt: skip
ODD_TEXT = ["a\u0000b", "\u0000", "\ud800", "\U0001f600" * 50, "\u202e\u200b", "x" * 10_000, "", " ", "%00",
            "' OR 1=1 --", "../../etc/passwd", "<script>", "null", "\\"]  # fmt: skip


def _nested(depth: int, kind: str) -> bytes:
    if kind == "list":
        return b"[" * depth + b"]" * depth
    return b'{"a":' * depth + b"1" + b"}" * depth


def _text(s: str) -> str:
    return json.dumps(s)  # escapes lone surrogates and NUL as JSON does


scalar_text = st.one_of(
    st.sampled_from(EXTREME_NUMBERS),
    st.sampled_from(EXTREME_DATES).map(_text),
    st.sampled_from(EXTREME_DATES).map(_text),
    st.sampled_from(ODD_TEXT).map(_text),
    st.text(max_size=30).map(_text),
    st.integers().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["true", "false", "null", "[]", "{}", '[null, {"x": []}]', '"' + str(uuid.uuid4()) + '"']),
)


@st.composite
def json_value_text(draw, depth: int = 2) -> str:
    """A JSON value as text: a scalar, or a list/object of them (a few levels)."""
    if depth <= 0 or draw(st.booleans()):
        return draw(scalar_text)
    if draw(st.booleans()):
        return "[" + ", ".join(draw(st.lists(json_value_text(depth - 1), max_size=3))) + "]"
    keys = draw(st.lists(st.sampled_from(COMMON_FIELDS + ("x", "\u0000", "")), max_size=3, unique=True))
    return "{" + ", ".join(f"{_text(k)}: {draw(json_value_text(depth - 1))}" for k in keys) + "}"


def plausible(annotation, ids: dict) -> str:
    """Return a well-formed JSON value text for a field of type `annotation` (so the mutated field is the culprit)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return plausible(args[0], ids)
    if origin in (typing.Union, types.UnionType):
        return plausible(next((a for a in args if a is not type(None)), str), ids)
    if origin is typing.Literal:
        return json.dumps(args[0])
    if origin in (list, set, tuple):
        return "[" + plausible(args[0] if args else str, ids) + "]"
    if origin is dict:
        return "{}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_text(annotation, {}, ids)
    simple = {bool: "true", int: "1", float: "1.5", str: '"x"', datetime: '"2026-03-02T09:00:00Z"',
              date: '"2026-03-02"', time: '"09:00"', uuid.UUID: json.dumps(ids["user"]), Decimal: '"1.50"'}  # fmt: skip
    return simple.get(annotation, '"x"')


def model_text(model: type[BaseModel], override: dict[str, str], ids: dict) -> str:
    """Return a JSON object text for `model`: plausible values, with `override` (field -> value text) applied."""
    parts = {name: plausible(f.annotation, ids) for name, f in model.model_fields.items() if f.is_required()}
    parts.update(override)
    return "{" + ", ".join(f"{json.dumps(k)}: {v}" for k, v in parts.items()) + "}"


@st.composite
def body_bytes(draw, model: type[BaseModel] | None, ids: dict) -> bytes | None:
    """A request body: absent, deeply nested, a wrong top-level shape, raw bytes, or the route's model (or an
    object of common field names) with one to three fields given hostile values."""
    kind = draw(st.sampled_from(["none", "deep", "shape", "bytes"] + ["object"] * 8))
    if kind == "none":
        return None
    if kind == "deep":
        return _nested(draw(st.sampled_from([DEEP, 1000, 950, 100])), draw(st.sampled_from(["list", "object"])))
    if kind == "shape":
        return draw(st.sampled_from([b"[]", b'"text"', b"42", b"null", b"true", b'{"a": [1, 2', b'{"a": "\xff"}']))
    if kind == "bytes":
        return draw(st.binary(max_size=64))
    fields = tuple(model.model_fields) if model is not None else COMMON_FIELDS
    hostile = draw(st.lists(st.sampled_from(fields or COMMON_FIELDS), min_size=1, max_size=3, unique=True))
    override = {name: draw(json_value_text()) for name in hostile}
    if model is None:
        return ("{" + ", ".join(f"{json.dumps(k)}: {v}" for k, v in override.items()) + "}").encode()
    return model_text(model, override, ids).encode()


@st.composite
def query_string(draw, names: tuple[str, ...]) -> str:
    """A query string over the parameters the route reads (or common ones) with extreme or odd values."""
    picked = draw(st.lists(st.sampled_from(names), max_size=len(names), unique=True)) if names else []
    picked += [n for n in draw(st.lists(st.sampled_from(COMMON_QUERY), max_size=4, unique=True)) if n not in picked]
    values = st.sampled_from(EXTREME_DATES * 2 + EXTREME_NUMBERS[:8] + ["%00", "\u00e9", "-1", "", "x" * 500])
    return "&".join(f"{quote(n)}={quote(draw(values), safe='%')}" for n in picked)


path_value = st.one_of(
    st.none(), st.sampled_from(["not-a-uuid", "-1", "0", "%00", "9" * 401, "9999-12-31", "\u00e9", "x" * 300])
)


class Caller:
    """A company admin with a valid token, signed in again whenever a fuzzed route signed them out."""

    def __init__(self, api):
        self.api = api
        self.admin = signup(api, company="Fuzz Inc")
        self.token = self.admin["token"]
        self.ids = {"user": self.admin["user"]["id"], "company": self.admin["company"]["id"]}

    def send(self, method: str, path: str, raw: bytes | None, signed_in: bool):
        headers = {"Content-Type": "application/json"} if raw is not None else {}
        r = self.api.call(method, path, data=raw, token=self.token if signed_in else None, headers=headers)
        if signed_in and r.status_code == 401 and (r.json or {}).get("error", {}).get("code") == "token_revoked":
            # From an address of its own: the fuzzed sign-ins' failures count against the fuzzer's address.
            login = self.api.post("/function/auth/login", json={"email": self.admin["email"], "password": PASSWORD},
                                  headers={"X-Forwarded-For": "192.0.2.250"})  # fmt: skip
            assert login.status_code == 200, login.json
            self.token = login.json["access_token"]
            r = self.api.call(method, path, data=raw, token=self.token, headers=headers)
        return r


def _check(r, what: str) -> str | None:
    if r.status_code < 400:
        return None
    why = error_problem(r)
    return f"{what}: {why}" if why else None


@pytest.mark.slow
def test_fuzz_every_route_never_answers_5xx_and_errors_are_the_documented_json(api):
    who = Caller(api)
    sent, problems = 0, []

    @settings(
        max_examples=2500,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
        database=None,
    )
    @given(data=st.data(), route=st.sampled_from(route_table()), signed_in=st.booleans())
    def fuzz(data, route, signed_in):
        nonlocal sent
        name, method, rule, model, query = route
        value = data.draw(st.one_of(path_value, st.sampled_from(list(who.ids.values()))), "path")
        path = f"/function/{name}" + fill(rule, value)
        qs = data.draw(query_string(query), "query")
        raw = data.draw(body_bytes(model, who.ids), "body")
        if method not in BODY_METHODS and raw is not None and not data.draw(st.booleans(), "body on GET"):
            raw = None
        r = who.send(method, path + ("?" + qs if qs else ""), raw, signed_in)
        sent += 1
        problem = _check(r, f"{method} {path[:120]} ?{qs[:120]} body={(raw or b'')[:160]!r}")
        if problem:
            problems.append(problem)

    fuzz()
    print(f"\nfuzz: {sent} requests over {len(route_table())} routes, {len(problems)} problems")
    assert not problems, "\n".join(problems[:40])


def test_deep_nesting_is_400_on_every_route_signed_in_or_not(api):
    """'[' * 100000 + ']' * 100000 once to every route (and /healthz): a 400 JSON error, never a 500."""
    token = signup(api, company="Deep Inc")["token"]
    problems, sent = [], 0
    for name, method, rule, _fields, _query in route_table():
        for tok in (None, token):
            r = api.call(method, f"/function/{name}" + fill(rule), data=_nested(DEEP, "list"), token=tok,
                         headers={"Content-Type": "application/json"})  # fmt: skip
            sent += 1
            why = error_problem(r)
            if why or r.status_code >= 500:
                problems.append(f"{method} {name}{rule} token={bool(tok)}: {why}")
    assert not problems, "\n".join(problems)
    print(f"\ndeep nesting: {sent} requests")
