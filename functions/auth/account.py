"""The signed-in person's own account: profile, password, email sign-in codes."""

from __future__ import annotations

from flask import Blueprint

from workmonitor import security, throttle
from workmonitor.accounts import sessions, users
from workmonitor.accounts.models import MeOut, OtpSettingIn, OtpSettingOut, PasswordIn, ProfileIn, UserOut
from workmonitor.config import settings
from workmonitor.db import Conn
from workmonitor.errors import Unauthorized
from workmonitor.redis_client import client as redis_client
from workmonitor.web import body, caller, client_ip, db, responds

from .common import record, record_apart, two_factor_changed

bp = Blueprint("account", __name__)


def _me() -> dict:
    return {"id": caller().user_id, "company_id": caller().company_id}


def _confirm(conn: Conn, password: str, failed_action: str, message: str) -> None:
    """Raise 401 (audited apart) unless `password` is the signed-in person's; guesses count as failed sign-ins of
    the person and the address (429 with Retry-After past the login limit), so a stolen access token cannot be
    used to guess the password."""
    cfg = settings()
    person = users.credentials(conn)
    account = person["email"] or caller().user_id
    throttle.check_login(redis_client(), cfg, account, client_ip())
    if not security.verify_password(password, person["password_hash"]):
        throttle.fail_login(redis_client(), cfg, account, client_ip())
        record_apart(failed_action, _me(), reason="bad_credentials")
        raise Unauthorized(message, code="invalid_credentials")


@bp.get("/me")
@responds(MeOut)
def me():
    """The signed-in user, their company and their current work agreement."""
    return users.profile(db(), caller().user_id, caller().company_id)


@bp.patch("/me")
@responds(UserOut, body=ProfileIn)
def update_me():
    """Change the signed-in user's name or time zone."""
    data = body(ProfileIn)
    return {"user": users.update_profile(db(), caller().user_id, data.model_dump(exclude_none=True))}


@bp.post("/me/password")
@responds(None, 204, body=PasswordIn)
def change_password():
    """Change the password (of every company the person belongs to), given the current one; signs out the
    person's other sessions, keeps this one."""
    data = body(PasswordIn)
    conn = db()
    _confirm(conn, data.current_password, "auth.password_change_failed", "The current password is wrong.")
    users.set_password(conn, data.new_password)
    sessions.revoke_person(conn, keep=caller().session_id)  # every other device signs in again
    record(conn, "auth.password_changed", _me())
    return "", 204


@bp.post("/me/otp")
@responds(OtpSettingOut, body=OtpSettingIn)
def set_otp():
    """Turn email sign-in codes on or off, given the password."""
    data = body(OtpSettingIn)
    conn = db()
    _confirm(conn, data.password, "auth.otp_change_failed", "The password is wrong.")
    users.set_otp(conn, data.enabled)
    record(conn, "auth.otp_enabled" if data.enabled else "auth.otp_disabled", _me())
    two_factor_changed(conn, "email_codes_on" if data.enabled else "email_codes_off", _me())
    return {"otp_enabled": data.enabled}
