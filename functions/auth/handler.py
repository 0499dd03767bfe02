"""auth: signup, login (with optional email OTP), refresh rotation, logout, me, password reset, invitations."""

from __future__ import annotations

import hmac

from flask import g, request

from workmonitor import accounts, audit, security, sessions, throttle
from workmonitor import db as dbmod
from workmonitor.config import settings
from workmonitor.errors import Gone, Unauthorized, ValidationFailed
from workmonitor.queue import enqueue
from workmonitor.redis_client import client as redis_client
from workmonitor.schemas import Email, Input, Name, Password, TimeZone, Token
from workmonitor.web import after_commit, body, caller, client_ip, create_function, db, public

app = create_function("auth")
OTP_MAX_ATTEMPTS = 5


class SignupIn(Input):
    company_name: Name
    name: Name
    email: Email
    password: Password
    timezone: TimeZone = "UTC"


class LoginIn(Input):
    email: Email
    password: Password


class OtpIn(Input):
    challenge: Token
    code: str


class RefreshIn(Input):
    refresh_token: Token


class LogoutIn(Input):
    refresh_token: Token | None = None


class ForgotIn(Input):
    email: Email


class ResetIn(Input):
    token: Token
    password: Password


class AcceptIn(Input):
    token: Token
    name: Name
    password: Password
    timezone: TimeZone = "UTC"


class ProfileIn(Input):
    name: Name | None = None
    timezone: TimeZone | None = None


class PasswordIn(Input):
    current_password: str
    new_password: Password


class OtpSettingIn(Input):
    enabled: bool
    password: str


def _audit(conn, action: str, user: dict | None, **details) -> None:
    audit.record(
        conn,
        action,
        company_id=str(user["company_id"]) if user else None,
        actor_id=str(user["id"]) if user else None,
        target_type="user",
        target_id=str(user["id"]) if user else None,
        ip=client_ip(),
        request_id=g.get("request_id"),
        details=details,
    )


def _audit_apart(action: str, user: dict | None, **details) -> None:
    """Write an audit row in its own transaction: failures roll the request back, their audit must stay."""
    claims = (
        dbmod.Claims(company_id=str(user["company_id"]), user_id=str(user["id"]), role="system")
        if user
        else dbmod.Claims()
    )
    with dbmod.transaction(claims) as conn:
        _audit(conn, action, user, **details)


def _single_use(conn, token: str, kind: str, failed_action: str) -> dict:
    """Return the usable token row; a used or expired one is audited (its owner is known) before the 410."""
    row = accounts.find_single_use(conn, token, kind)
    try:
        accounts.check_single_use(row)
    except Gone as exc:
        _audit_apart(failed_action, {"id": row["user_id"], "company_id": row["company_id"]}, reason=exc.code)
        raise
    return row


def _mail(to: str, subject: str, text: str) -> None:
    message_id = security.new_secret(12)
    after_commit(lambda: enqueue("email", "workmonitor.jobs.email.send_email", to, subject, text, message_id))


def _public_user(user: dict) -> dict:
    return {k: v for k, v in user.items() if k != "password_hash"}


@app.post("/signup")
@public
def signup():
    data = body(SignupIn)
    cfg = settings()
    keys = [("signup-ip", client_ip() or "-")]
    throttle.check(redis_client(), keys, cfg.signup_per_hour, 3600)  # companies are not free to mint in bulk
    conn = db(dbmod.Claims())
    company, user = accounts.signup(conn, data.company_name, data.name, data.email, data.password, data.timezone)
    tokens = sessions.start(conn, user, request.user_agent.string, client_ip())
    _audit(conn, "auth.signup", user, company=company["name"])
    after_commit(lambda: throttle.record(redis_client(), keys, 3600))
    return {"company": company, "user": user, **tokens}, 201


@app.post("/login")
@public
def login():
    data = body(LoginIn)
    cfg = settings()
    keys = [("login-email", data.email), ("login-ip", client_ip() or "-")]
    throttle.check(redis_client(), keys, cfg.login_max_failures, cfg.login_window_seconds)
    conn = db(dbmod.Claims())
    user = accounts.find_login(conn, data.email)
    if not security.verify_password(data.password, user["password_hash"] if user else None):
        throttle.record(redis_client(), keys, cfg.login_window_seconds)
        _audit_apart("auth.login_failed", user, email=data.email, reason="bad_credentials")
        raise Unauthorized("Email or password is wrong.", code="invalid_credentials")
    if user["status"] != "active":
        _audit_apart("auth.login_failed", user, reason="deactivated")
        raise Unauthorized("This account is deactivated.", code="account_deactivated")
    accounts.act_as(conn, user)
    if user["otp_enabled"]:  # the failure counter is cleared only once the second factor is passed too
        code = security.new_code()
        challenge = accounts.create_single_use(conn, user, "login_otp", cfg.otp_ttl, code=code)
        _mail(
            user["email"],
            "Your WorkMonitor sign-in code",
            f"Your sign-in code is {code}. It expires in {cfg.otp_ttl // 60} minutes.",
        )
        _audit(conn, "auth.otp_sent", user)
        return {"otp_required": True, "challenge": challenge, "expires_in": cfg.otp_ttl}
    throttle.clear(redis_client(), keys)
    accounts.mark_login(conn, user["id"])
    tokens = sessions.start(conn, user, request.user_agent.string, client_ip())
    _audit(conn, "auth.login", user)
    return {"user": _public_user(user), **tokens}


@app.post("/otp/verify")
@public
def otp_verify():
    data = body(OtpIn)
    cfg = settings()
    conn = db(dbmod.Claims())
    row = _single_use(conn, data.challenge, "login_otp", "auth.otp_failed")
    user = accounts.user_by_id(conn, row["user_id"])
    if user["status"] != "active":
        raise Unauthorized("This account is deactivated.", code="account_deactivated")
    keys = [("login-email", user["email"]), ("login-ip", client_ip() or "-")]
    right = hmac.compare_digest(security.token_hash(data.code.strip()), row["code_hash"] or "")
    # Attempts are counted in their own committed transaction, and only a counted attempt may succeed.
    with dbmod.transaction(
        dbmod.Claims(company_id=str(user["company_id"]), user_id=str(user["id"]), role="employee")
    ) as side:
        allowed = accounts.spend_attempt(side, row["id"], OTP_MAX_ATTEMPTS)
        if allowed and not right:
            _audit(side, "auth.otp_failed", user)
    if not allowed:
        _audit_apart("auth.otp_failed", user, reason="otp_locked")
        raise Unauthorized("Too many wrong codes; sign in again.", code="otp_locked")
    if not right:
        # Wrong codes count as failed sign-ins: fresh challenges (the password is known) cannot be farmed.
        throttle.record(redis_client(), keys, cfg.login_window_seconds)
        raise Unauthorized("The code is wrong.", code="otp_invalid")
    accounts.mark_used(conn, row["id"])
    throttle.clear(redis_client(), keys)
    accounts.act_as(conn, user)
    accounts.mark_login(conn, user["id"])
    tokens = sessions.start(conn, user, request.user_agent.string, client_ip())
    _audit(conn, "auth.login", user, second_factor="email_otp")
    return {"user": user, **tokens}


@app.post("/refresh")
@public
def refresh():
    data = body(RefreshIn)
    conn = db(dbmod.Claims())
    try:
        tokens, user = sessions.rotate(conn, data.refresh_token, request.user_agent.string, client_ip())
    except sessions.RefreshReused as reused:
        # Commit the family revocation now: the 401 below rolls back the request transaction.
        conn.commit()
        _audit_apart(
            "auth.refresh_reuse_detected",
            {"id": reused.token["user_id"], "company_id": reused.token["company_id"]},
            family_id=str(reused.token["family_id"]),
        )
        raise Unauthorized(
            "This refresh token was already used; the session has been signed out.", code="refresh_reused"
        ) from None
    except sessions.RefreshRefused as refused:
        _audit_apart(
            "auth.refresh_failed",
            {"id": refused.token["user_id"], "company_id": refused.token["company_id"]},
            reason=refused.code,
            family_id=str(refused.token["family_id"]),
        )
        raise
    accounts.act_as(conn, user)
    _audit(conn, "auth.refresh", user)
    return tokens


@app.post("/logout")
def logout():
    me = caller()
    body(LogoutIn)
    conn = db()
    sessions.revoke_family(conn, me.session_id)
    _audit(conn, "auth.logout", {"id": me.user_id, "company_id": me.company_id})
    return "", 204


@app.get("/me")
def me():
    conn = db()
    user = accounts.user_by_id(conn, caller().user_id)
    company = conn.execute(
        "SELECT id, name, timezone, week_start, currency, settings FROM companies WHERE id = %s", (caller().company_id,)
    ).fetchone()
    agreement = conn.execute(
        "SELECT id, screenshots, activity, gps, status, proposed_at, accepted_at"
        " FROM work_agreements WHERE user_id = %s AND status IN ('proposed', 'accepted')",
        (caller().user_id,),
    ).fetchone()
    return {"user": user, "company": company, "agreement": agreement}


@app.patch("/me")
def update_me():
    data = body(ProfileIn)
    changes = data.model_dump(exclude_none=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give name or timezone"})
    conn = db()
    sets = ", ".join(f"{col} = %({col})s" for col in changes)
    conn.execute(f"UPDATE users SET {sets} WHERE id = %(id)s", {**changes, "id": caller().user_id})
    return {"user": accounts.user_by_id(conn, caller().user_id)}


@app.post("/me/password")
def change_password():
    data = body(PasswordIn)
    conn = db()
    row = conn.execute("SELECT id, company_id, password_hash FROM users WHERE id = %s", (caller().user_id,)).fetchone()
    if not security.verify_password(data.current_password, row["password_hash"]):
        _audit_apart("auth.password_change_failed", row, reason="bad_credentials")
        raise Unauthorized("The current password is wrong.", code="invalid_credentials")
    conn.execute(
        "UPDATE users SET password_hash = %s WHERE id = %s",
        (security.hash_password(data.new_password), caller().user_id),
    )
    _audit(conn, "auth.password_changed", row)
    return "", 204


@app.post("/me/otp")
def set_otp():
    data = body(OtpSettingIn)
    conn = db()
    row = conn.execute("SELECT id, company_id, password_hash FROM users WHERE id = %s", (caller().user_id,)).fetchone()
    if not security.verify_password(data.password, row["password_hash"]):
        _audit_apart("auth.otp_change_failed", row, reason="bad_credentials")
        raise Unauthorized("The password is wrong.", code="invalid_credentials")
    conn.execute("UPDATE users SET otp_enabled = %s WHERE id = %s", (data.enabled, caller().user_id))
    _audit(conn, "auth.otp_enabled" if data.enabled else "auth.otp_disabled", row)
    return {"otp_enabled": data.enabled}


@app.post("/password/forgot")
@public
def forgot_password():
    data = body(ForgotIn)
    cfg = settings()
    keys = [("forgot-email", data.email), ("forgot-ip", client_ip() or "-")]
    throttle.check(redis_client(), keys, cfg.login_max_failures, cfg.login_window_seconds)
    throttle.record(redis_client(), keys, cfg.login_window_seconds)
    conn = db(dbmod.Claims())
    user = accounts.find_login(conn, data.email)
    if user is not None and user["status"] == "active":
        accounts.act_as(conn, user)
        token = accounts.create_single_use(conn, user, "password_reset", cfg.reset_ttl)
        _mail(
            user["email"],
            "Reset your WorkMonitor password",
            f"Open this link to choose a new password (valid {cfg.reset_ttl // 60} minutes):\n"
            f"{accounts.reset_link(token)}\n\nIf you did not ask for this, ignore this mail.",
        )
        _audit(conn, "auth.password_reset_requested", user)
    # Same answer whether or not the address exists: no account enumeration.
    return {"status": "sent_if_exists"}, 202


@app.post("/password/reset")
@public
def reset_password():
    data = body(ResetIn)
    conn = db(dbmod.Claims())
    row = _single_use(conn, data.token, "password_reset", "auth.password_reset_failed")
    accounts.mark_used(conn, row["id"])
    conn.execute(
        "UPDATE users SET password_hash = %s WHERE id = %s", (security.hash_password(data.password), row["user_id"])
    )
    sessions.revoke_user(conn, row["user_id"])
    _audit(conn, "auth.password_reset", {"id": row["user_id"], "company_id": row["company_id"]})
    return "", 204


@app.get("/invitations/<token>")
@public
def invitation_preview(token: str):
    conn = db(dbmod.Claims())
    inv = accounts.find_invitation(conn, token)
    return {"email": inv["email"], "name": inv["name"], "role": inv["role"], "expires_at": inv["expires_at"]}


@app.post("/invitations/accept")
@public
def accept_invitation():
    data = body(AcceptIn)
    conn = db(dbmod.Claims())
    inv = accounts.find_invitation(conn, data.token)
    user = accounts.accept_invitation(conn, inv, data.name, data.password, data.timezone)
    accounts.act_as(conn, user)
    tokens = sessions.start(conn, user, request.user_agent.string, client_ip())
    _audit(conn, "auth.invitation_accepted", user, invitation_id=str(inv["id"]))
    return {"user": user, **tokens}, 201
