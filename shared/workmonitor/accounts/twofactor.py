"""Second factors: an authenticator app (TOTP, RFC 6238 through pyotp) and single-use recovery codes.

What must stay true:
- Everything here runs with the person's own claims (app.person_id()); the secret is stored encrypted (AES-GCM,
  key derived from the signing key) and leaves the server once, at setup; recovery codes are stored as keyed
  hashes and shown once.
- A TOTP code is accepted within one step either side (clock drift) and never twice: the accepted step is
  remembered and older or equal steps are refused afterwards.
"""

from __future__ import annotations

import base64
import hmac
import secrets
import time

import pyotp

from .. import security
from ..db import Conn, Row
from ..errors import Conflict, ValidationFailed
from . import sealed

ISSUER = "WorkMonitor"
RECOVERY_CODES = 10
VALID_WINDOW = 1  # steps either side of now: 30 s of drift between the phone and the server
STEP = 30


def _seal(secret: str) -> str:
    return sealed.seal(secret, "totp")


def _open(value: str) -> str:
    return sealed.unseal(value, "totp")


def status(conn: Conn) -> Row:
    """Return the signed-in person's factors: totp_enabled, email_otp_enabled, recovery_codes_left,
    company_requires."""
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM person_totp WHERE person_id = app.person_id() AND confirmed_at IS NOT NULL)"
        " AS totp_enabled,"
        " (SELECT p.otp_enabled FROM people p WHERE p.id = app.person_id()) AS email_otp_enabled,"
        " (SELECT count(*) FROM recovery_codes WHERE person_id = app.person_id() AND used_at IS NULL)::int"
        " AS recovery_codes_left,"
        " (SELECT c.require_2fa FROM companies c WHERE c.id = app.company_id()) AS company_requires"
    ).fetchone()
    assert row is not None  # a SELECT without FROM yields one row
    return {
        **row,
        "email_otp_enabled": bool(row["email_otp_enabled"]),
        "company_requires": bool(row["company_requires"]),
    }


def totp_enabled(conn: Conn) -> bool:
    """Return True when the signed-in person signs in with an authenticator app."""
    return bool(status(conn)["totp_enabled"])


def begin_setup(conn: Conn, email: str) -> Row:
    """Start (or restart) authenticator setup; return {secret, otpauth_uri}. 409 when one is already active."""
    if totp_enabled(conn):
        raise Conflict("An authenticator app is already set up; turn it off first.", code="totp_enabled")
    secret = pyotp.random_base32()
    conn.execute(
        "INSERT INTO person_totp (person_id, secret_enc) VALUES (app.person_id(), %s)"
        " ON CONFLICT (person_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc, confirmed_at = NULL,"
        " last_step = 0, created_at = now()",
        (_seal(secret),),
    )
    return {"secret": secret, "otpauth_uri": pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)}


def confirm_setup(conn: Conn, code: str, now: float | None = None) -> list[str]:
    """Turn the pending authenticator on with a first code; return fresh recovery codes (shown once).
    Raises 409 when there is nothing to confirm, 422 when the code is wrong."""
    row = conn.execute("SELECT * FROM person_totp WHERE person_id = app.person_id() FOR UPDATE").fetchone()
    if row is None or row["confirmed_at"] is not None:
        raise Conflict("Start the authenticator setup first.", code="totp_not_pending")
    step = _matching_step(_open(row["secret_enc"]), code, row["last_step"], now)
    if step is None:
        raise ValidationFailed("The code is wrong; check the phone's clock.", fields={"code": "invalid"})
    conn.execute(
        "UPDATE person_totp SET confirmed_at = now(), last_step = %s WHERE person_id = app.person_id()", (step,)
    )
    return new_recovery_codes(conn)


def disable(conn: Conn) -> None:
    """Turn the authenticator off and drop the recovery codes."""
    conn.execute("DELETE FROM person_totp WHERE person_id = app.person_id()")
    conn.execute("DELETE FROM recovery_codes WHERE person_id = app.person_id()")


def new_recovery_codes(conn: Conn) -> list[str]:
    """Replace the person's recovery codes with new ones; return them (the only time they are readable)."""
    conn.execute("DELETE FROM recovery_codes WHERE person_id = app.person_id()")
    codes = [_recovery_code() for _ in range(RECOVERY_CODES)]
    for code in codes:
        conn.execute(
            "INSERT INTO recovery_codes (person_id, code_hash) VALUES (app.person_id(), %s)", (_code_hash(code),)
        )
    return codes


def check_code(conn: Conn, code: str, now: float | None = None) -> str | None:
    """Spend `code` as the signed-in person's second factor; return 'totp' or 'recovery_code' when it is right
    (the step is remembered, the recovery code used up), else None."""
    code = code.strip().replace(" ", "")
    row = conn.execute(
        "SELECT * FROM person_totp WHERE person_id = app.person_id() AND confirmed_at IS NOT NULL FOR UPDATE"
    ).fetchone()
    if row is None:
        return None
    if code.isdigit():
        step = _matching_step(_open(row["secret_enc"]), code, row["last_step"], now)
        if step is None:
            return None
        conn.execute("UPDATE person_totp SET last_step = %s WHERE person_id = app.person_id()", (step,))
        return "totp"
    used = conn.execute(
        "UPDATE recovery_codes SET used_at = now() WHERE person_id = app.person_id() AND code_hash = %s"
        " AND used_at IS NULL RETURNING id",
        (_code_hash(code.lower()),),
    ).fetchone()
    return "recovery_code" if used else None


def _matching_step(secret: str, code: str, last_step: int, now: float | None) -> int | None:
    """Return the time step within the window whose code equals `code` and is newer than `last_step`."""
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    current = int((time.time() if now is None else now) // STEP)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if step > last_step and hmac.compare_digest(totp.at(step * STEP), code):
            return step
    return None


def _recovery_code() -> str:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"  # no look-alikes (0/o, 1/l/i)
    raw = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _code_hash(code: str) -> str:
    return security.token_hash("recovery:" + code.strip().lower())


def qr_svg(uri: str) -> str:
    """Return the otpauth URI as an SVG QR code (a data: URI the web app shows as an image)."""
    import io

    import qrcode
    import qrcode.image.svg

    buf = io.BytesIO()
    qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buf)
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode()


def set_company_required(conn: Conn, required: bool) -> None:
    """Require (or stop requiring) two-step sign-in for every member of the caller's company (admin claims)."""
    conn.execute("UPDATE companies SET require_2fa = %s WHERE id = app.company_id()", (required,))


def login_factor(conn: Conn, email_otp_enabled: bool) -> str | None:
    """Return the second factor the signed-in member must pass: 'totp', 'email' (their choice, or the company
    requires one and they have no authenticator) or None."""
    state = status(conn)
    if state["totp_enabled"]:
        return "totp"
    if email_otp_enabled or state["company_requires"]:
        return "email"
    return None
