"""Entry points by emailed link: password reset and invitation acceptance (no signed-in user yet)."""

from __future__ import annotations

from flask import Blueprint

from workmonitor import db as dbmod
from workmonitor import throttle
from workmonitor.accounts import invitations, sessions, tokens, users
from workmonitor.accounts.models import (
    Accepted,
    AcceptIn,
    ForgotIn,
    InvitationPreview,
    ResetIn,
    SignedIn,
)
from workmonitor.config import settings
from workmonitor.redis_client import client as redis_client
from workmonitor.web import body, client_ip, db, public, responds

from .common import device, mail, record, single_use

bp = Blueprint("recovery", __name__)


@bp.post("/password/forgot")
@public
@responds(Accepted, 202, body=ForgotIn)
def forgot_password():
    """Mail a reset link when the address has an active account; the same answer either way."""
    data = body(ForgotIn)
    cfg = settings()
    keys = [("forgot-email", data.email), ("forgot-ip", client_ip() or "-")]
    throttle.check(redis_client(), keys, cfg.login_max_failures, cfg.login_window_seconds)
    throttle.record(redis_client(), keys, cfg.login_window_seconds)
    conn = db(dbmod.Claims())
    active = [m for m in users.find_login(conn, data.email) if m["status"] == "active"]
    if active:
        member = users.member(active[0])  # the last used company; the password is the person's
        users.act_as(conn, member)
        token = tokens.create(conn, member, "password_reset", cfg.reset_ttl)
        mail(
            conn,
            active[0]["email"],
            "Reset your WorkMonitor password",
            f"Open this link to choose a new password (valid {cfg.reset_ttl // 60} minutes):\n"
            f"{tokens.reset_link(token)}\n\nIf you did not ask for this, ignore this mail.",
        )
        record(conn, "auth.password_reset_requested", member)
    # Same answer whether or not the address exists: no account enumeration.
    return {"status": "sent_if_exists"}, 202


@bp.post("/password/reset")
@public
@responds(None, 204, body=ResetIn)
def reset_password():
    """Set a new password with a reset link; signs the person out everywhere."""
    data = body(ResetIn)
    conn = db(dbmod.Claims())
    row = single_use(conn, data.token, "password_reset", "auth.password_reset_failed")
    tokens.mark_used(conn, row["id"])
    users.set_password(conn, data.password)
    sessions.revoke_person(conn)
    record(conn, "auth.password_reset", {"id": row["user_id"], "company_id": row["company_id"]})
    return "", 204


@bp.get("/invitations/<token>")
@public
@responds(InvitationPreview)
def invitation_preview(token: str):
    """Show an open invitation (whether the address already has an account decides what to ask)."""
    inv = invitations.find(db(dbmod.Claims()), token)
    return {k: inv[k] for k in ("email", "name", "role", "expires_at", "has_account")}


@bp.post("/invitations/accept")
@public
@responds(SignedIn, 201, body=AcceptIn)
def accept_invitation():
    """Join the inviting company (a new account, or an existing one with its password); answer with tokens."""
    data = body(AcceptIn)
    conn = db(dbmod.Claims())
    inv = invitations.find(conn, data.token)
    user = invitations.accept(conn, data.token, inv, data.name, data.password, data.timezone)
    users.mark_login(conn, user["id"])
    out = sessions.start(conn, user, device(data))
    record(conn, "auth.invitation_accepted", user, invitation_id=str(inv["id"]))
    return {"user": user, **out}, 201
