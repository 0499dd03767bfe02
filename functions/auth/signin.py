"""Sign-in routes: signup, login (with the company chosen, and an optional emailed code), switching company."""

from __future__ import annotations

import hmac

from flask import Blueprint

from workmonitor import db as dbmod
from workmonitor import security, throttle
from workmonitor.accounts import sessions, sso, tokens, twofactor, users
from workmonitor.accounts.models import (
    Companies,
    LoginIn,
    LoginOut,
    OtpIn,
    SignedIn,
    SignupIn,
    SignupOut,
    SwitchIn,
)
from workmonitor.accounts.sessions import Device
from workmonitor.config import settings
from workmonitor.errors import Forbidden, Unauthorized
from workmonitor.integrations import alerts
from workmonitor.redis_client import client as redis_client
from workmonitor.web import body, caller, client_ip, db, public, responds

from .common import OTP_MAX_ATTEMPTS, device, mail, record, record_apart, single_use

bp = Blueprint("signin", __name__)


def _signed_in(conn: dbmod.Conn, member: dict, dev: Device, memberships: list[dict], action: str, **details) -> dict:
    """Start a session for `member` (claims: theirs); return the tokens, the user and, if several, the companies."""
    users.mark_login(conn, member["id"])
    alerts.signing_in(conn, member, dev.ip, dev.device_id, dev.user_agent)  # a new device or address: admins know
    out = sessions.start(conn, member, dev)
    record(conn, action, member, **details)
    out["user"] = users.user_by_id(conn, member["id"])
    if len(memberships) > 1:
        out["companies"] = users.companies(memberships, member["company_id"])
    return out


@bp.post("/signup")
@public
@responds(SignupOut, 201, body=SignupIn)
def signup():
    """Create a company and its first admin; answer with their tokens (409 email_unavailable for an address that
    has an account in any company: the same answer wherever it is registered, counted against the signup limit)."""
    data = body(SignupIn)
    keys = [("signup-ip", client_ip() or "-")]
    throttle.check(redis_client(), keys, settings().signup_per_hour, 3600)  # companies are not free to mint in bulk
    throttle.record(redis_client(), keys, 3600)  # every attempt counts: refused ones probe for registered addresses
    conn = db(dbmod.Claims())
    company, user = users.signup(conn, data.company_name, data.name, data.email, data.password, data.timezone)
    tokens_ = sessions.start(conn, user, device(data))
    record(conn, "auth.signup", user, company=company["name"])
    return {"company": company, "user": user, **tokens_}, 201


@bp.post("/login")
@public
@responds(LoginOut, body=LoginIn)
def login():
    """Sign in to `company_id`, else to the last used company; or answer with a challenge when codes are on."""
    data = body(LoginIn)
    cfg = settings()
    throttle.check_login(redis_client(), cfg, data.email, client_ip())
    conn = db(dbmod.Claims())
    found = users.find_login(conn, data.email)
    if not security.verify_password(data.password, found[0]["password_hash"] if found else None):
        throttle.fail_login(redis_client(), cfg, data.email, client_ip())
        record_apart("auth.login_failed", users.member(found[0]) if found else None, email=data.email,
                     reason="bad_credentials")  # fmt: skip
        if found:
            alerts.sign_in_failed(users.member(found[0]), client_ip())
        raise Unauthorized("Email or password is wrong.", code="invalid_credentials")
    chosen = users.choose(found, data.company_id)
    member = users.member(chosen)
    if chosen["status"] != "active":
        record_apart("auth.login_failed", member, reason="deactivated")
        raise Unauthorized("This account is deactivated.", code="account_deactivated")
    users.act_as(conn, member)
    if sso.required(conn):  # the company signs in through its identity provider only
        record_apart("auth.login_failed", member, reason="sso_required")
        raise Forbidden("Your company signs in with single sign-on; use it instead of a password.", code="sso_required")
    factor = twofactor.login_factor(conn, chosen["otp_enabled"])
    if factor == "totp":  # the failure counter is cleared only once the second factor is passed too
        challenge = tokens.create(conn, member, "login_totp", cfg.otp_ttl)
        record(conn, "auth.totp_challenged", member)
        return {"otp_required": True, "challenge": challenge, "expires_in": cfg.otp_ttl, "method": "totp"}
    if factor == "email":
        code = security.new_code()
        challenge = tokens.create(conn, member, "login_otp", cfg.otp_ttl, code=code)
        mail(
            conn,
            chosen["email"],
            "Your WorkMonitor sign-in code",
            f"Your sign-in code is {code}. It expires in {cfg.otp_ttl // 60} minutes.",
        )
        record(conn, "auth.otp_sent", member)
        return {"otp_required": True, "challenge": challenge, "expires_in": cfg.otp_ttl, "method": "email"}
    throttle.clear_login(redis_client(), data.email)  # the account's failures only: the address's stay counted
    return _signed_in(conn, member, device(data), found, "auth.login")


@bp.post("/otp/verify")
@public
@responds(SignedIn, body=OtpIn)
def otp_verify():
    """Pass the second factor: the challenge and the emailed code; answer with tokens."""
    data = body(OtpIn)
    conn = db(dbmod.Claims())
    row = single_use(conn, data.challenge, ("login_otp", "login_totp"), "auth.otp_failed")
    user = users.user_by_id(conn, row["user_id"])
    if user["status"] != "active":
        raise Unauthorized("This account is deactivated.", code="account_deactivated")
    if row["kind"] == "login_totp":
        factor = twofactor.check_code(conn, data.code)  # spends the step or the recovery code (in this transaction)
        _spend_code(user, row, factor is not None)
    else:
        factor = "email_otp"
        _spend_code(user, row, hmac.compare_digest(security.token_hash(data.code.strip()), row["code_hash"] or ""))
    tokens.mark_used(conn, row["id"])
    throttle.clear_login(redis_client(), user["email"])  # never the address's failures
    users.act_as(conn, user)
    return _signed_in(conn, user, device(data), users.my_memberships(conn), "auth.login", second_factor=factor)


def _spend_code(user: dict, row: dict, right: bool) -> None:
    """Count one attempt at the challenge's code (`right`: it matched); raise 401 when it is wrong or the attempts
    are spent."""
    # Attempts are counted in their own committed transaction, and only a counted attempt may succeed.
    claims = dbmod.Claims(company_id=str(user["company_id"]), user_id=str(user["id"]), role="employee")
    with dbmod.transaction(claims) as side:
        allowed = tokens.spend_attempt(side, row["id"], OTP_MAX_ATTEMPTS)
        if allowed and not right:
            record(side, "auth.otp_failed", user)
    if not allowed:
        record_apart("auth.otp_failed", user, reason="otp_locked")
        raise Unauthorized("Too many wrong codes; sign in again.", code="otp_locked")
    if not right:
        # Wrong codes count as failed sign-ins: fresh challenges (the password is known) cannot be farmed.
        throttle.fail_login(redis_client(), settings(), user["email"], client_ip())
        raise Unauthorized("The code is wrong.", code="otp_invalid")


@bp.get("/companies")
@responds(Companies)
def companies():
    """List the companies the signed-in person belongs to."""
    conn = db()
    return {"items": users.companies(users.my_memberships(conn), caller().company_id)}


@bp.post("/switch-company")
@responds(SignedIn, body=SwitchIn)
def switch_company():
    """Answer with tokens for another company of the signed-in person (a new session on this device)."""
    data = body(SwitchIn)
    conn = db()
    found = users.my_memberships(conn)
    chosen = users.choose(found, data.company_id)
    if chosen["status"] != "active":
        raise Forbidden("Your account in this company is deactivated.", code="account_deactivated")
    member = users.member(chosen)
    users.act_as(conn, member)
    return _signed_in(conn, member, device(data), found, "auth.company_switched", previous=caller().company_id)
