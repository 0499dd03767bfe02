"""The function factory: one Flask app per OpenFaaS function, with everything cross-cutting registered once.

A handler module does `app = create_function("name")` and adds its routes. Every route needs a valid Bearer
access token unless decorated with @public; @roles(...) narrows further. `db()` gives the request's single
transaction with the caller's RLS claims; it commits when the response is a success and rolls back otherwise.
Bodies: over the function's MAX_CONTENT_LENGTH is a 413 before the route runs; a POST/PUT/PATCH route that
never reads a body it was sent (other than `{}`) answers 400 unexpected_body, so ignored input is never silent.
A management write (an admin's or manager's POST/PUT/PATCH/DELETE, not marked @capturing) of a company that billing
made read-only answers 402 payment_required (workmonitor.billing.entitlements); capture and reads never stop.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import json
import logging
import os
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

import psycopg
import redis
from flask import Flask, Response, g, jsonify, request
from flask.json.provider import DefaultJSONProvider
from pydantic import BaseModel, ValidationError
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.exceptions import HTTPException

from . import audit as audit_rows
from . import db as dbmod
from . import errors, keys, metrics, openapi, schemas, security, shedding, wire
from .billing import entitlements
from .config import settings
from .logs import JsonFormatter as _JsonFormatter
from .publicapi import tokens as apitokens
from .redis_client import client as redis_client

log = logging.getLogger("workmonitor")
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Caller:
    """The authenticated user of the current request."""

    user_id: str
    company_id: str
    role: str
    session_id: str
    token_id: str | None = None  # set when the caller came with a personal API token (workmonitor.publicapi.tokens)

    def claims(self) -> dbmod.Claims:
        """Return the RLS claims for this caller."""
        return dbmod.Claims(company_id=self.company_id, user_id=self.user_id, role=self.role)


def _configure_logging() -> None:
    if not any(isinstance(h.formatter, _JsonFormatter) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_JsonFormatter())
        log.addHandler(handler)
        log.setLevel(os.environ.get("LOG_LEVEL", "INFO").upper())
        log.propagate = False


# --- decorators used by handlers ---------------------------------------------------------------------------


def public(view: Callable) -> Callable:
    """Mark a route as reachable without an access token."""
    view._wm_public = True  # type: ignore[attr-defined]
    return view


def capturing(view: Callable) -> Callable:
    """Mark a write that must keep working when billing makes the company read-only for management: capture
    (agents, the timer, clocking) and a person's export of their own data (workmonitor.billing.entitlements)."""
    view._wm_capture = True  # type: ignore[attr-defined]
    return view


def responds(
    model: type[BaseModel] | None,
    status: int | tuple[int, ...] = 200,
    *,
    body: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    media_type: str | None = None,
    summary: str | None = None,
) -> Callable:
    """Declare what a route answers (its response model per status) and takes (its JSON body model).

    Put it under the route decorator. Every route has one; the OpenAPI document and the contract check read it.
    `model=None` declares a body-less answer (204) or, with `media_type`, a raw one (an image, a CSV).
    """

    def wrap(view: Callable) -> Callable:
        doc = getattr(view, "_wm_doc", None)
        if doc is None:
            doc = openapi.RouteDoc()
            view._wm_doc = doc  # type: ignore[attr-defined]
        for code in (status,) if isinstance(status, int) else status:
            doc.responses[code] = openapi.Response(code, model, media_type)
        doc.body = body or doc.body
        doc.query = query or doc.query
        doc.summary = summary or doc.summary
        return view

    return wrap


def roles(*allowed: str) -> Callable:
    """Allow a route only to callers whose role is in `allowed` (403 otherwise)."""

    def wrap(view: Callable) -> Callable:
        @functools.wraps(view)
        def inner(*args, **kwargs):
            if caller().role not in allowed:
                raise errors.Forbidden(f"This action needs the role {' or '.join(allowed)}.", code="role_required")
            return view(*args, **kwargs)

        return inner

    return wrap


def caller() -> Caller:
    """Return the authenticated caller; raise Unauthorized on a public route with no token."""
    found = g.get("caller")
    if found is None:
        raise errors.Unauthorized("Sign in first.", code="auth_required")
    return found


def db(claims: dbmod.Claims | None = None) -> dbmod.Conn:
    """Return the request's connection, in one transaction carrying the caller's claims (or `claims` given once)."""
    conn = g.get("conn")
    if conn is None:
        me = caller() if claims is None else None
        conn = dbmod.pool().getconn()
        g.conn = conn
        if me is None:
            dbmod.begin(conn, claims)  # type: ignore[arg-type]
        else:  # the caller's session is checked against the database in the same statement
            # A management write also reads the company's billing state, in the same round trip.
            gate = entitlements.query(me.company_id) if g.pop("billing_gate", False) else None
            state, billing = dbmod.begin_reading(conn, me.claims(), me.session_id, gate)
            _refuse_dead_session(state)
            if gate is not None:
                entitlements.refuse_read_only(billing)
    elif claims is not None:
        dbmod.set_claims(conn, claims)
    return conn


def release_db() -> None:
    """Commit the request's transaction now and hand its connection back to the pool, before slow work that needs
    no database (an upload streaming to S3); a later `db()` opens a new transaction with the claims again."""
    conn = g.pop("conn", None)
    if conn is not None:
        failed = _end_transaction(conn, commit=True)
        if failed is not None:
            raise failed


def _refuse_dead_session(state: str | None) -> None:
    """Raise 401 unless the database says the caller's session is live (see `dbmod.set_claims`)."""
    if state == "gone":
        raise errors.Unauthorized("The account of this token no longer exists.", code="token_invalid")
    if state == "deactivated":
        raise errors.Unauthorized("This account is deactivated.", code="token_revoked")
    if state != "live":
        raise errors.Unauthorized("This session has been signed out.", code="token_revoked")


def after_commit(task: Callable[[], Any]) -> None:
    """Run `task` once the request's transaction has committed (enqueue jobs, publish events); never on failure."""
    g.setdefault("after_commit", []).append(task)


def raw_body(cache: bool = True) -> bytes:
    """Return the request body as bytes (batches, uploads) and note that the route read it."""
    g.body_read = True
    return request.get_data(cache=cache)


def form_data() -> tuple[MultiDict[str, str], MultiDict[str, FileStorage]]:
    """Return a multipart/urlencoded body's (fields, files) and note that the route read it."""
    g.body_read = True
    return request.form, request.files


def body(model: type[M]) -> M:
    """Return the JSON request body validated as `model`; raise a 400 naming every bad field."""
    raw = raw_body()
    data = load_json(raw) if raw else {}
    if not isinstance(data, dict):
        raise errors.ValidationFailed("The request body must be a JSON object.", code="invalid_json")
    return validate(model, data)


MAX_JSON_DEPTH = 32  # no request model nests deeper; deeper input only costs recursion (and fails later)


def load_json(raw: bytes) -> Any:
    """Return the parsed JSON `raw`; raise 400 invalid_json when malformed, nested over MAX_JSON_DEPTH levels,
    or holding text no database can store (an escaped lone surrogate parses, but cannot be encoded)."""
    try:
        data = json.loads(raw)
        json.dumps(data, ensure_ascii=False).encode()
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise errors.ValidationFailed("The request body is not valid JSON.", code="invalid_json") from exc
    level, stack = 0, [data] if isinstance(data, (dict, list)) else []
    while stack:  # breadth-first, one level at a time: no recursion on hostile input
        level += 1
        if level > MAX_JSON_DEPTH:
            raise errors.ValidationFailed(
                f"The request body nests deeper than {MAX_JSON_DEPTH} levels.", code="invalid_json"
            )
        stack = [v for c in stack for v in (c.values() if isinstance(c, dict) else c) if isinstance(v, (dict, list))]
    return data


def validate(model: type[M], data: Any) -> M:
    """Return `data` validated as `model`; raise ValidationFailed with a message per field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields: dict[str, str] = {}
        for err in exc.errors(include_url=False):
            key = ".".join(str(p) for p in err["loc"]) or "_"
            fields.setdefault(key, err["msg"])
        raise errors.ValidationFailed("Some fields are missing or invalid.", fields=fields) from exc


def query_int(name: str, default: int, lo: int, hi: int) -> int:
    """Return integer query parameter `name` within [lo, hi]; raise 400 when it is not."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise errors.ValidationFailed(f"{name} must be an integer.", fields={name: "must be an integer"}) from exc
    if not lo <= value <= hi:
        raise errors.ValidationFailed(f"{name} must be between {lo} and {hi}.", fields={name: f"between {lo} and {hi}"})
    return value


def query_uuid(name: str) -> str | None:
    """Return UUID query parameter `name` as a string (None when absent); raise 400 naming it when malformed."""
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        return str(uuid.UUID(raw))
    except ValueError as exc:
        raise errors.ValidationFailed(f"{name} must be a UUID.", fields={name: "not a UUID"}) from exc


def query_date(name: str, default: date | None = None) -> date | None:
    """Return date query parameter `name` (YYYY-MM-DD), `default` when absent; raise 400 naming it when malformed."""
    raw = request.args.get(name)
    if not raw:
        return default
    try:
        value = date.fromisoformat(raw)
    except ValueError as exc:
        raise errors.ValidationFailed(f"{name} must be a date (YYYY-MM-DD).", fields={name: "not a date"}) from exc
    schemas.in_range(value, name)
    return value


def query_datetime(name: str) -> datetime | None:
    """Return date-time query parameter `name` in UTC (None when absent); raise 400 naming it when malformed or
    without a time zone (`schemas.parse_instant`)."""
    raw = request.args.get(name)
    return schemas.parse_instant(raw, name) if raw else None


def date_range(max_days: int | None = 400) -> tuple[date | None, date | None]:
    """Return the (from, to) date query parameters; raise 400 when reversed or longer than `max_days` days
    (`schemas.check_range`)."""
    first, last = query_date("from"), query_date("to")
    schemas.check_range(first, last, max_days)
    return first, last


def page() -> tuple[int, int]:
    """Return (limit, offset) from the query string: limit 1..200 (default 50), offset >= 0."""
    return query_int("limit", 50, 1, 200), query_int("offset", 0, 0, 10_000_000)


def paginated(items: list, limit: int, offset: int, **extra: Any) -> dict:
    """Return the standard list envelope; callers fetch limit + 1 rows so `has_more` needs no count query."""
    more = len(items) > limit
    out = {
        "items": items[:limit],
        "limit": limit,
        "offset": offset,
        "has_more": more,
        "next_offset": offset + limit if more else None,
    }
    out.update(extra)
    return out


def client_ip() -> str | None:
    """Return the caller's IP: the X-Forwarded-For entry added by the outermost trusted proxy, else the peer.

    Only the last TRUSTED_PROXY_HOPS entries were written by our own proxies (nginx, the OpenFaaS gateway);
    anything left of them is client-supplied and would let a client dodge per-IP throttling.
    """
    hops = settings().trusted_proxy_hops
    chain = [h.strip() for h in request.headers.get("X-Forwarded-For", "").split(",") if h.strip()]
    candidates = [chain[-hops]] if hops and len(chain) >= hops else []
    for hop in [*candidates, request.remote_addr or ""]:
        try:
            return str(ipaddress.ip_address(hop))
        except ValueError:  # text that is not an address never reaches an inet column
            continue
    return None


def audit(
    conn: dbmod.Conn,
    action: str,
    target_type: str | None = None,
    target_id: Any = None,
    details: dict | None = None,
    *,
    user: dict | None = None,
) -> None:
    """Write an audit row for this request in `conn`'s transaction: company and actor from the caller (or from
    `user`, a users row, where nobody is signed in yet), the client IP and the request id."""
    found = g.get("caller")
    company_id: str | None = found.company_id if found else None
    actor_id: str | None = found.user_id if found else None
    if user is not None:
        company_id, actor_id = str(user["company_id"]), str(user["id"])
    audit_rows.record(
        conn,
        action,
        company_id=company_id,
        actor_id=actor_id,
        target_type=target_type,
        target_id=target_id,
        ip=client_ip(),
        request_id=g.get("request_id"),
        details=wire.jsonable(details) if details is not None else None,
    )


# --- the factory -------------------------------------------------------------------------------------------


class _JsonProvider(DefaultJSONProvider):
    """The wire dialect (`wire.default`): RFC 3339 UTC `Z` timestamps, decimals and ids as strings."""

    sort_keys = False
    ensure_ascii = False
    default = staticmethod(wire.default)


def create_function(name: str) -> Flask:
    """Return the Flask app of function `name` with auth, errors, DB transaction, logs, CORS and health."""
    _configure_logging()  # the signing key is checked per request, not here: images are built without secrets
    # root_path given: a function named like a built-in module (`time`) has no file for Flask to infer it from.
    app = Flask(name, root_path=os.getcwd(), static_folder=None)
    app.json = _JsonProvider(app)
    cfg = settings()
    app.config["MAX_CONTENT_LENGTH"] = cfg.max_body_bytes
    app.url_map.strict_slashes = False
    app.extensions["workmonitor_function"] = name
    check_contract = os.environ.get("WM_CHECK_CONTRACT") == "1"
    gate = app.extensions["workmonitor_gate"] = shedding.Gate(cfg.max_in_flight)
    app.wsgi_app = shedding.shed(app.wsgi_app, name, gate, cfg.max_queue_ms)  # type: ignore[method-assign]

    @app.before_request
    def _start() -> None:
        g.started = time.perf_counter()
        rid = request.headers.get("X-Request-Id", "")
        g.request_id = rid if 0 < len(rid) <= 64 and rid.isprintable() else uuid.uuid4().hex
        if request.method == "OPTIONS" or request.endpoint == "wm_metrics":  # metrics: its own token, not a JWT
            return
        _require_signing_key()
        _check_body_envelope()
        view = app.view_functions.get(request.endpoint or "")
        token = _bearer()
        if token:
            g.caller = _authenticate_api_token(token, name) if apitokens.is_api_token(token) else _authenticate(token)
            # The database's word on the session, before any route runs (public ones may act on the caller too):
            # a revoked, deactivated or deleted caller is a 401 everywhere, whatever Redis remembers.
            is_capture = getattr(view, "_wm_capture", False)
            g.billing_gate = entitlements.gated(name, g.caller.role, request.method, is_capture)
            db()
        elif view is not None and not getattr(view, "_wm_public", False):
            raise errors.Unauthorized("Sign in first.", code="auth_required")

    @app.after_request
    def _finish(resp: Response) -> Response:
        if resp.status_code < 400 and _ignored_body():
            # Refuse before the commit below, so the transaction rolls back: the client meant something we ignored.
            resp = _error_response(
                errors.ValidationFailed("This endpoint takes no request body.", code="unexpected_body")
            )
        conn = g.pop("conn", None)
        committed = resp.status_code < 400
        if conn is not None:
            failed = _end_transaction(conn, commit=committed)
            if failed is not None and committed:  # a failed rollback leaves the error already answered
                committed = False
                resp = _error_response(errors.from_database(failed) or failed)
        if committed:
            for task in g.pop("after_commit", []):
                try:
                    task()
                except Exception:  # the change is committed: report the lost follow-up, never a 500
                    log.exception("after-commit task failed", extra={"fields": {"request_id": g.get("request_id")}})
        if check_contract:
            resp = _check_contract(app, resp)
        resp.headers["X-Request-Id"] = g.get("request_id", "")
        _cors(resp, cfg.cors_origins)
        _log_request(name, resp.status_code)
        rule = request.url_rule.rule if request.url_rule else "unmatched"
        metrics.observe(name, rule, request.method, resp.status_code, time.perf_counter() - g.get("started", 0.0))
        if resp.status_code >= 400:
            _drain_body()
        return resp

    @app.teardown_request
    def _teardown(exc: BaseException | None) -> None:
        conn = g.pop("conn", None)
        if conn is not None:  # after_request did not run (an exception escaped): never leak an open transaction
            _end_transaction(conn, commit=False)

    @app.errorhandler(Exception)
    def _on_error(exc: Exception) -> Response:
        return _error_response(exc)

    @app.get("/healthz")
    @public
    @responds(wire.Health)
    def healthz():
        return {"status": "ok", "function": name}

    @app.get("/openapi.json")
    @public
    @responds(None, media_type="application/json", summary="This function's OpenAPI 3.1 document")
    def openapi_json():
        doc = app.extensions.get("workmonitor_openapi")
        if doc is None:
            doc = app.extensions["workmonitor_openapi"] = openapi.document(app, name)
        return doc

    @app.get("/metrics", endpoint="wm_metrics")
    @public
    @responds(None, media_type="text/plain", summary="Prometheus metrics (Authorization: Bearer <metrics-token>)")
    def metrics_text():
        allowed = metrics.authorized(request.headers.get("Authorization", ""))
        if allowed is None:
            raise errors.NotFound("Not found.", code="not_found")
        if not allowed:
            raise errors.Unauthorized("Send the metrics token.", code="token_invalid")
        return Response(metrics.render_function(name), content_type=metrics.CONTENT_TYPE)

    @app.get("/readyz")
    @public
    @responds(wire.Health)
    @responds(None, 503, media_type="application/json")
    def readyz():
        try:
            with dbmod.pool().connection(timeout=2) as conn:
                conn.execute("SELECT 1")
            redis_client().ping()
        except Exception as exc:  # any dependency failure means "not ready", never a 500
            log.warning("not ready", extra={"fields": {"function": name, "error": str(exc)}})
            return jsonify(error={"code": "not_ready", "message": "A dependency is unreachable.", "fields": {}}), 503
        return {"status": "ready", "function": name}

    return app


def _end_transaction(conn: dbmod.Conn, *, commit: bool) -> psycopg.Error | None:
    """Commit (or roll back) the request's transaction and return the connection to the pool; return the error
    when that failed. A connection that died mid-request (a restarted server, a terminated backend) is only
    handed back: rolling it back again would raise a second error and turn the designed 503 into a 500."""
    try:
        if commit:
            conn.commit()
        else:
            conn.rollback()
        return None
    except psycopg.Error as exc:
        if not (conn.closed or conn.broken):
            with contextlib.suppress(psycopg.Error):
                conn.rollback()
        return exc
    finally:
        dbmod.pool().putconn(conn)  # the pool discards a broken connection


CONTRACT_VIOLATIONS: list[str] = []


def _check_contract(app: Flask, resp: Response) -> Response:
    """Test mode: answer 500 (and record why) when a response does not match the route's declared model."""
    if request.method == "OPTIONS" or resp.direct_passthrough:
        return resp
    view = app.view_functions.get(request.endpoint or "")
    payload = resp.get_json(silent=True) if resp.mimetype == "application/json" else None
    found = openapi.violations(view, resp.status_code, resp.mimetype, payload)
    if not found:
        return resp
    CONTRACT_VIOLATIONS.extend(f"{request.method} {request.path}: {v}" for v in found)
    log.error("contract violation", extra={"fields": {"path": request.path, "violations": found}})
    out = jsonify(
        error={"code": "contract_violation", "message": "The response does not match its model.", "fields": {}}
    )
    out.status_code = 500
    out.headers["X-Contract-Violation"] = "; ".join(found)[:2000]
    return out


def _require_signing_key() -> None:
    """Refuse to serve (503) without a JWT signing key; gunicorn.conf.py's post_worker_init stops the worker too."""
    try:
        security.jwt_key()
    except RuntimeError as exc:
        raise errors.ApiError("The server has no signing key configured.", status=503, code="misconfigured") from exc


def _check_body_envelope() -> None:
    """Refuse a body over the function's limit before anything runs, and malformed JSON on body-less methods."""
    limit = request.max_content_length
    if request.method in ("GET", "HEAD", "DELETE"):  # functions raise the limit for uploads, never for these
        limit = min(limit or settings().max_body_bytes, settings().max_body_bytes)
    if limit is not None and (request.content_length or 0) > limit:
        raise errors.PayloadTooLarge(f"The request body is larger than {limit} bytes.")
    # POST/PUT/PATCH bodies are parsed (once) by their routes; a GET or DELETE route never reads its body,
    # so a broken one would otherwise pass unnoticed.
    if request.method in ("GET", "HEAD", "DELETE") and request.content_length and request.is_json:
        load_json(request.get_data(cache=True))


def _drain_body() -> None:
    """Read what is left of a request body an error answers before reading it: the proxy in front (of-watchdog,
    the gateway) is still sending it and, when the connection closes mid-body, answers its own empty 500 instead of
    our JSON error (seen with a 60 MB chunk refused by the media function). Bounded by Content-Length and the limit."""
    if not request.content_length:
        return
    try:
        stream = request.stream  # bounded by Content-Length; raises for a body over the limit (already answered 413)
        while stream.read(1 << 20):
            pass
    except Exception:  # never turn an answered error into another one
        return


def _ignored_body() -> bool:
    """Return True when a POST/PUT/PATCH route never read a request body that says more than `{}`."""
    if request.method not in ("POST", "PUT", "PATCH") or not request.content_length:
        return False
    if g.get("body_read"):  # read through body(), raw_body() or form_data()
        return False
    return request.get_data(cache=True).strip() not in (b"", b"{}")


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise errors.Unauthorized("Use 'Authorization: Bearer <token>'.", code="token_invalid")
    return token.strip()


def _authenticate(token: str) -> Caller:
    """Return the caller of a valid access token. Redis's copy of revocations refuses early; the truth is the
    database, asked in the statement that sets the request's claims (`db()`), so a Redis that lost its data or
    is down never lets a revoked session back in."""
    claims = security.decode_access_token(token)
    try:
        revoked = redis_client().exists(keys.revoked_session(claims["sid"]), keys.revoked_user(claims["sub"]))
    except redis.RedisError as exc:
        log.warning("revocation cache unavailable; the database decides", extra={"fields": {"error": str(exc)}})
        revoked = 0
    if revoked:
        raise errors.Unauthorized("This session has been signed out.", code="token_revoked")
    return Caller(user_id=claims["sub"], company_id=claims["cid"], role=claims["role"], session_id=claims["sid"])


def _authenticate_api_token(token: str, function: str) -> Caller:
    """Return the caller of a live personal API token allowed (by its scopes) this request's method on `function`.
    The database is asked on every request (revocation is immediate), in the request's own transaction."""
    conn = g.conn = dbmod.pool().getconn()
    dbmod.begin(conn, dbmod.Claims())
    found = apitokens.authenticate(conn, token)
    apitokens.require_scope(found, function, request.method)
    me = Caller(found.user_id, found.company_id, found.role, session_id=found.token_id, token_id=found.token_id)
    dbmod.set_claims(conn, me.claims())
    return me


def _error_response(exc: BaseException) -> Response:
    if isinstance(exc, psycopg.Error):
        constraint = getattr(getattr(exc, "diag", None), "constraint_name", None)
        if constraint:
            log.info(
                "database refused", extra={"fields": {"constraint": constraint, "request_id": g.get("request_id")}}
            )
        exc = errors.from_database(exc) or exc
    if isinstance(exc, OverflowError):  # date or float arithmetic on a value no entry check bounded
        log.warning("value out of range", exc_info=exc, extra={"fields": {"request_id": g.get("request_id")}})
        exc = errors.ValidationFailed("A value is out of range.", code="out_of_range")
    if isinstance(
        exc, (psycopg.OperationalError, psycopg.errors.TransactionRollback, redis.ConnectionError, redis.TimeoutError)
    ):
        # Unreachable, busy or timed out (pool timeouts included), or a deadlock/serialization loser: retryable.
        log.error("dependency unavailable", exc_info=exc, extra={"fields": {"request_id": g.get("request_id")}})
        exc = errors.ApiError(
            "A service this request needs is unavailable; try again shortly.",
            status=503,
            code="unavailable",
            headers={"Retry-After": "5"},
        )
    if isinstance(exc, errors.ApiError):
        resp = jsonify(exc.body())
        resp.status_code = exc.status
        resp.headers.update(exc.headers)
        return resp
    if isinstance(exc, HTTPException):
        code = {
            404: "not_found",
            405: "method_not_allowed",
            413: "payload_too_large",
            415: "unsupported_media_type",
        }.get(exc.code or 500, "http_error")
        resp = jsonify(error={"code": code, "message": exc.description or exc.name, "fields": {}})
        resp.status_code = exc.code or 500
        return resp
    log.error("unhandled error", exc_info=exc, extra={"fields": {"request_id": g.get("request_id")}})
    resp = jsonify(
        error={
            "code": "internal_error",
            "message": "Something went wrong on our side.",
            "fields": {},
            "request_id": g.get("request_id"),
        }
    )
    resp.status_code = 500
    return resp


def _cors(resp: Response, origins: tuple[str, ...]) -> None:
    origin = request.headers.get("Origin")
    if not origin or not origins or ("*" not in origins and origin not in origins):
        return
    resp.headers["Access-Control-Allow-Origin"] = origin
    resp.headers["Vary"] = "Origin"
    resp.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, Idempotency-Key, X-Request-Id"
    resp.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
    resp.headers["Access-Control-Max-Age"] = "600"


def _log_request(function: str, status: int) -> None:
    started = g.get("started")
    found = g.get("caller")
    log.info(
        "request",
        extra={
            "fields": {
                "function": function,
                "method": request.method,
                "path": request.path,
                "status": status,
                "ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
                "request_id": g.get("request_id"),
                "user_id": found.user_id if found else None,
            }
        },
    )
