"""Session routes: refresh rotation (with a grace window for concurrent refreshes), logout, signed-in devices."""

from __future__ import annotations

from flask import Blueprint

from workmonitor import db as dbmod
from workmonitor.accounts import sessions, users
from workmonitor.accounts.models import LogoutIn, RefreshIn, Sessions, Tokens
from workmonitor.errors import Unauthorized, id_or_404
from workmonitor.web import body, caller, db, public, responds

from .common import device, record, record_apart

bp = Blueprint("devices", __name__)


def _owner(token: dict) -> dict:
    return {"id": token["user_id"], "company_id": token["company_id"]}


@bp.post("/refresh")
@public
@responds(Tokens, body=RefreshIn)
def refresh():
    """Rotate a refresh token: answer with a new pair in the same session."""
    data = body(RefreshIn)
    conn = db(dbmod.Claims())
    try:
        tokens, user = sessions.rotate(conn, data.refresh_token, device())
    except sessions.RefreshReused as reused:
        # Commit the family revocation now: the 401 below rolls back the request transaction.
        conn.commit()
        record_apart("auth.refresh_reuse_detected", _owner(reused.token), family_id=str(reused.token["family_id"]))
        raise Unauthorized(
            "This refresh token was already used; the session has been signed out.", code="refresh_reused"
        ) from None
    except sessions.RefreshRefused as refused:
        record_apart(
            "auth.refresh_failed", _owner(refused.token), reason=refused.code, family_id=str(refused.token["family_id"])
        )
        raise
    users.act_as(conn, user)
    record(conn, "auth.refresh", user)
    return tokens


@bp.post("/logout")
@responds(None, 204, body=LogoutIn)
def logout():
    """Sign out the current session."""
    me = caller()
    body(LogoutIn)
    conn = db()
    sessions.revoke_family(conn, me.session_id)
    record(conn, "auth.logout", {"id": me.user_id, "company_id": me.company_id})
    return "", 204


@bp.get("/sessions")
@responds(Sessions)
def list_sessions():
    """List the signed-in devices of the caller in this company; `current` marks this one."""
    me = caller()
    rows = sessions.list_sessions(db(), me.user_id)
    return {"items": [{**r, "current": str(r["id"]) == me.session_id} for r in rows]}


@bp.delete("/sessions/<session_id>")
@responds(None, 204)
def revoke_session(session_id: str):
    """Sign out one of the caller's devices."""
    me = caller()
    conn = db()
    sessions.revoke_session(conn, me.user_id, id_or_404(session_id, "session"))
    record(conn, "auth.session_revoked", {"id": me.user_id, "company_id": me.company_id}, session_id=session_id)
    return "", 204


@bp.delete("/sessions")
@responds(None, 204)
def revoke_other_sessions():
    """Sign out every other device of the signed-in person (in every company); this one stays signed in."""
    me = caller()
    conn = db()
    sessions.revoke_person(conn, keep=me.session_id)
    record(conn, "auth.sessions_revoked", {"id": me.user_id, "company_id": me.company_id}, kept=me.session_id)
    return "", 204
