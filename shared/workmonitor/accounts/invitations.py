"""Invitations seen from the invitee: preview and acceptance by the emailed link (no signed-in user yet)."""

from __future__ import annotations

import psycopg

from .. import security
from ..billing.sync import queue_sync
from ..config import settings
from ..db import Conn, Row
from ..errors import Gone, NotFound, Unauthorized, ValidationFailed
from . import passwords
from .users import act_as, now, user_by_id


def find(conn: Conn, token: str) -> Row:
    """Return the open invitation for `token` (with `has_account` and the identity's hash); raise 404/410."""
    inv = conn.execute("SELECT * FROM app.invitation_lookup(%s)", (security.token_hash(token),)).fetchone()
    if inv is None:
        raise NotFound("This invitation does not exist.", code="invitation_not_found")
    if inv["accepted_at"] is not None:
        raise Gone("This invitation has already been accepted.", code="invitation_used")
    if inv["revoked_at"] is not None:
        raise Gone("This invitation was withdrawn.", code="invitation_revoked")
    if inv["expires_at"] <= now():
        raise Gone("This invitation has expired.", code="invitation_expired")
    return {**inv, "has_account": inv["person_id"] is not None}


def accept(conn: Conn, token: str, inv: Row, name: str, password: str, tz: str) -> Row:
    """Join the invitation's company (a new identity, or the existing one whose password must match); return the
    new membership. Claims become the new member's."""
    if inv["has_account"]:
        if not security.verify_password(password, inv["password_hash"]):
            raise Unauthorized("This address already has an account: use its password.", code="invalid_credentials")
        new_hash = None
    else:
        why = passwords.problem(password)
        if why is not None:
            raise ValidationFailed(f"The password {why}.", fields={"password": f"The password {why}."})
        new_hash = security.hash_password(password)
    try:
        ids = conn.execute(
            "SELECT * FROM app.accept_invitation(%s, %s, %s, %s)", (security.token_hash(token), name, tz, new_hash)
        ).fetchone()
    except psycopg.errors.RaiseException as exc:
        raise Gone("This invitation has already been accepted.", code="invitation_used") from exc
    assert ids is not None  # app.accept_invitation returns one row or raises
    act_as(conn, {"id": ids["user_id"], "company_id": ids["company_id"], "role": inv["role"]})
    queue_sync(conn, ids["company_id"])  # one more active member: one more seat
    return user_by_id(conn, ids["user_id"])


def invite_link(token: str) -> str:
    """Return the web link that accepts an invitation."""
    return f"{settings().public_url}/accept-invite?token={token}"
