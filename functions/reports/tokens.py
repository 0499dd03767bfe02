"""Personal API token routes: create (shown once), list with last use, revoke. Admins see and revoke the company's.

Managed only when signed in: a request made with an API token cannot create, list or revoke tokens.
"""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.errors import Forbidden
from workmonitor.integrations.alerts import raise_alert
from workmonitor.publicapi import tokens
from workmonitor.reports.models import TokenCreated, TokenIn, TokenOut, TokenPage
from workmonitor.web import audit, body, caller, client_ip, db, page, paginated, responds

bp = Blueprint("tokens", __name__)


def _signed_in():
    me = caller()
    if me.token_id is not None:
        raise Forbidden("API tokens are managed when signed in, not with an API token.", code="session_required")
    return me


@bp.post("/api-tokens")
@responds(TokenCreated, 201, body=TokenIn)
def create_token():
    """Create a personal API token with scopes; the token is in this answer only."""
    data = body(TokenIn)
    me = _signed_in()
    conn = db()
    row, token = tokens.create(conn, me.company_id, me.user_id, data.name, data.scopes, data.expires_in_days)
    audit(conn, "api_token.created", "api_token", row["id"], {"scopes": row["scopes"]})
    raise_alert(
        conn,
        me.company_id,
        "api_token_created",
        subject_user_id=me.user_id,
        actor_id=me.user_id,
        ip=client_ip(),
        details={"name": data.name, "scopes": row["scopes"]},
    )
    return {"api_token": row, "token": token}, 201


@bp.get("/api-tokens")
@responds(TokenPage)
def list_tokens():
    """The caller's tokens (?all=true: an admin sees every token of the company), live ones first."""
    me = _signed_in()
    everyone = request.args.get("all") == "true"
    if everyone and me.role != "admin":
        raise Forbidden("Only admins list every token.", code="role_required")
    limit, offset = page()
    return paginated(tokens.list_tokens(db(), everyone, me.user_id, limit, offset), limit, offset)


@bp.post("/api-tokens/<uuid:token_id>/revoke")
@responds(TokenOut)
def revoke_token(token_id):
    """Revoke a token (own, or any in the company for an admin); the next request with it is a 401."""
    _signed_in()
    conn = db()
    row = tokens.revoke(conn, str(token_id))
    audit(conn, "api_token.revoked", "api_token", row["id"])
    return {"api_token": row}
