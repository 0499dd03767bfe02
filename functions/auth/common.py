"""What the auth routes share: audit rows (also for refused attempts), mail, the caller's device, OTP limits."""

from __future__ import annotations

from flask import request

from workmonitor import db as dbmod
from workmonitor.accounts import tokens
from workmonitor.accounts.models import DeviceIn
from workmonitor.accounts.sessions import Device
from workmonitor.errors import Gone
from workmonitor.jobs import registry
from workmonitor.security import new_secret
from workmonitor.web import audit, client_ip

OTP_MAX_ATTEMPTS = 5


def record(conn: dbmod.Conn, action: str, user: dict | None, **details) -> None:
    """Write an audit row about `user` (a users row or a membership identity) in the request's transaction."""
    audit(conn, action, "user", str(user["id"]) if user else None, details, user=user)


def two_factor_changed(conn: dbmod.Conn, change: str, user: dict) -> None:
    """Alert the company's admins that a member's sign-in protection changed (TOTP, email codes, recovery codes,
    the company's 2FA requirement), in the request's transaction."""
    from workmonitor.integrations.alerts import raise_alert

    raise_alert(
        conn,
        user["company_id"],
        "two_factor_changed",
        subject_user_id=user["id"],
        actor_id=user["id"],
        ip=client_ip(),
        details={"change": change},
    )


def record_apart(action: str, user: dict | None, **details) -> None:
    """Write an audit row in its own transaction: failures roll the request back, their audit must stay."""
    claims = (
        dbmod.Claims(company_id=str(user["company_id"]), user_id=str(user["id"]), role="employee")
        if user
        else dbmod.Claims()
    )
    with dbmod.transaction(claims) as conn:
        record(conn, action, user, **details)


def mail(conn: dbmod.Conn, to: str, subject: str, text: str) -> None:
    """Send a mail once the request's transaction (`conn`) has committed."""
    registry.SEND_EMAIL.enqueue(conn, to, subject, text, new_secret(12))


def device(data: DeviceIn | None = None) -> Device:
    """Return the calling device: its user agent and address, and the id and name the client sent."""
    return Device(
        user_agent=request.user_agent.string,
        ip=client_ip(),
        device_id=data.device_id if data else None,
        device_name=data.device_name if data else None,
    )


def single_use(conn: dbmod.Conn, token: str, kind: str | tuple[str, ...], failed_action: str) -> dict:
    """Return the usable token row; a used or expired one is audited (its owner is known) before the 410."""
    row = tokens.find(conn, token, kind)
    try:
        tokens.check(row)
    except Gone as exc:
        record_apart(failed_action, {"id": row["user_id"], "company_id": row["company_id"]}, reason=exc.code)
        raise
    return row
