"""Second factors of the signed-in person (authenticator app, recovery codes) and the company's 2FA requirement."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.accounts import twofactor, users
from workmonitor.accounts.factor_models import (
    CompanyTwoFactorOut,
    PasswordConfirmIn,
    RecoveryCodesOut,
    TotpConfirmIn,
    TotpSetupOut,
    TwoFactorOut,
    TwoFactorRequiredIn,
)
from workmonitor.errors import Conflict
from workmonitor.web import body, db, responds, roles

from .account import _confirm, _me
from .common import record, two_factor_changed

bp = Blueprint("twofactor", __name__)


@bp.get("/me/two-factor")
@responds(TwoFactorOut)
def two_factor():
    """The signed-in person's second factors, and whether the company requires one."""
    return twofactor.status(db())


@bp.post("/me/totp/setup")
@responds(TotpSetupOut, body=PasswordConfirmIn)
def totp_setup():
    """Start setting up an authenticator app, given the password: answer with the secret and its QR code."""
    data = body(PasswordConfirmIn)
    conn = db()
    _confirm(conn, data.password, "auth.totp_change_failed", "The password is wrong.")
    out = twofactor.begin_setup(conn, users.credentials(conn)["email"])
    record(conn, "auth.totp_setup_started", _me())
    return {**out, "qr_svg": twofactor.qr_svg(out["otpauth_uri"])}


@bp.post("/me/totp/confirm")
@responds(RecoveryCodesOut, body=TotpConfirmIn)
def totp_confirm():
    """Turn the authenticator on with its first code; answer with the recovery codes (shown this once)."""
    data = body(TotpConfirmIn)
    conn = db()
    codes = twofactor.confirm_setup(conn, data.code)
    record(conn, "auth.totp_enabled", _me())
    two_factor_changed(conn, "totp_enabled", _me())
    return {"recovery_codes": codes}


@bp.post("/me/totp/disable")
@responds(TwoFactorOut, body=PasswordConfirmIn)
def totp_disable():
    """Turn the authenticator off (and drop the recovery codes), given the password."""
    data = body(PasswordConfirmIn)
    conn = db()
    _confirm(conn, data.password, "auth.totp_change_failed", "The password is wrong.")
    twofactor.disable(conn)
    record(conn, "auth.totp_disabled", _me())
    two_factor_changed(conn, "totp_disabled", _me())
    return twofactor.status(conn)


@bp.post("/me/recovery-codes")
@responds(RecoveryCodesOut, body=PasswordConfirmIn)
def recovery_codes():
    """Replace the recovery codes with new ones, given the password (the old ones stop working)."""
    data = body(PasswordConfirmIn)
    conn = db()
    _confirm(conn, data.password, "auth.totp_change_failed", "The password is wrong.")
    if not twofactor.totp_enabled(conn):
        raise Conflict("Set up an authenticator app first.", code="totp_not_enabled")
    codes = twofactor.new_recovery_codes(conn)
    record(conn, "auth.recovery_codes_renewed", _me())
    two_factor_changed(conn, "recovery_codes_renewed", _me())
    return {"recovery_codes": codes}


@bp.get("/company/two-factor")
@roles("admin")
@responds(CompanyTwoFactorOut)
def company_two_factor():
    """Whether the company requires two-step sign-in."""
    return {"required": twofactor.status(db())["company_requires"]}


@bp.put("/company/two-factor")
@roles("admin")
@responds(CompanyTwoFactorOut, body=TwoFactorRequiredIn)
def set_company_two_factor():
    """Require two-step sign-in for every member (an authenticator app, else an emailed code at each sign-in)."""
    data = body(TwoFactorRequiredIn)
    conn = db()
    twofactor.set_company_required(conn, data.required)
    record(conn, "auth.company_2fa_required" if data.required else "auth.company_2fa_optional", _me())
    two_factor_changed(conn, "company_required" if data.required else "company_optional", _me())
    return {"required": data.required}
