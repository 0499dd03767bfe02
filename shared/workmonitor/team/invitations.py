"""Invitations: an admin or manager invites a person by email; the link (a secret token, stored hashed) is
accepted through the auth function. One open invitation per address and company (a unique index)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from .. import accounts, security
from ..billing.sync import queue_sync
from ..config import settings
from ..db import Conn
from ..errors import Conflict, Forbidden, NotFound, id_or_404
from ..jobs import registry
from ..notify import Defer
from .models import InviteIn

INVITATION_COLUMNS = "id, email, name, role, expires_at, accepted_at, revoked_at, created_at"


def create(conn: Conn, company_id: str, inviter_id: str, inviter_role: str, data: InviteIn, defer: Defer) -> dict:
    """Store an invitation and mail its link once committed; return it. Managers invite employees only (403);
    an address that already has an account is a 409."""
    if inviter_role == "manager" and data.role != "employee":
        raise Forbidden("Managers may invite employees only.", code="role_required")
    if conn.execute("SELECT 1 FROM users WHERE email = %s", (data.email,)).fetchone():
        raise Conflict("This person already has an account here.", code="already_member")
    token = security.new_secret()
    ttl = settings().invite_ttl
    inv = conn.execute(
        "INSERT INTO invitations (company_id, email, name, role, token_hash, invited_by, expires_at)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id, email, name, role, expires_at, created_at",
        (
            company_id,
            data.email,
            data.name,
            data.role,
            security.token_hash(token),
            inviter_id,
            accounts.now() + timedelta(seconds=ttl),
        ),
    ).fetchone()
    company = conn.execute("SELECT name FROM companies WHERE id = %s", (company_id,)).fetchone()
    assert inv is not None and company is not None  # an INSERT's RETURNING row; the caller's own company
    subject = f"Join {company['name']} on WorkMonitor"
    text = (
        f"You have been invited to join {company['name']} on WorkMonitor.\n\n"
        f"Accept the invitation: {accounts.invite_link(token)}\n\nThe link expires in {ttl // 86400} days."
    )
    message_id = security.new_secret(12)
    registry.SEND_EMAIL.enqueue(conn, data.email, subject, text, message_id, defer=defer)
    queue_sync(conn, company_id, defer)
    return inv


def list_invitations(conn: Conn, company_id: str, include_closed: bool, limit: int, offset: int) -> list[dict]:
    """Return up to limit + 1 invitations, newest first (open ones only unless `include_closed`)."""
    return conn.execute(
        f"SELECT {INVITATION_COLUMNS} FROM invitations"
        " WHERE company_id = %s AND (%s OR (accepted_at IS NULL AND revoked_at IS NULL))"
        " ORDER BY created_at DESC LIMIT %s OFFSET %s",
        (company_id, include_closed, limit + 1, offset),
    ).fetchall()


def revoke(conn: Conn, invitation_id: Any) -> str:
    """Revoke an open invitation; return its id. Raise NotFound when there is no open one."""
    row = conn.execute(
        "UPDATE invitations SET revoked_at = now() WHERE id = %s AND accepted_at IS NULL"
        " AND revoked_at IS NULL RETURNING id",
        (id_or_404(invitation_id, "invitation"),),
    ).fetchone()
    if row is None:
        raise NotFound("No open invitation with this id.")
    return str(row["id"])
