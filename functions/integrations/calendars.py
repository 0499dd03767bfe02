"""Calendar connection routes: list, connect (CalDAV), change directions, sync now, disconnect."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.config import settings
from workmonitor.errors import ApiError, NotFound
from workmonitor.integrations import calendar, crypto, oauth, urls
from workmonitor.integrations.models import (
    CalDavIn,
    ConnectionList,
    ConnectionOut,
    ConnectionPatch,
    OAuthFinishIn,
    OAuthStart,
    OAuthStartIn,
    SyncQueued,
)
from workmonitor.redis_client import client as redis_client
from workmonitor.web import audit, body, caller, db, responds

bp = Blueprint("calendars", __name__)


@bp.get("/calendars")
@responds(ConnectionList)
def list_connections():
    """The caller's calendar connections, and whether credentials can be stored at all."""
    try:
        crypto.keyring()
        configured = True
    except ApiError:
        configured = False
    ready = [name for name in ("google", "microsoft") if oauth.provider(name).client_id]
    return {"items": calendar.connections(db()), "encryption_configured": configured, "oauth_providers": ready}


@bp.post("/calendars/caldav")
@responds(ConnectionOut, 201, body=CalDavIn)
def connect_caldav():
    """Connect a CalDAV calendar; the first sync runs in the background (see the connection's state)."""
    data = body(CalDavIn)
    url = urls.check_calendar_url(data.url)
    options = {"push_entries": data.push_entries, "pull_events": data.pull_events}
    conn = db()
    row = calendar.connect(conn, caller(), "caldav", url, data.username, {"password": data.password}, options)
    audit(conn, "calendar.connected", "calendar_connection", row["id"], {"provider": "caldav"})
    return {"connection": row}, 201


@bp.patch("/calendars/<connection_id>")
@responds(ConnectionOut, body=ConnectionPatch)
def update_connection(connection_id: str):
    """Turn either sync direction on or off."""
    return {"connection": calendar.update(db(), connection_id, body(ConnectionPatch).model_dump(exclude_unset=True))}


@bp.post("/calendars/<connection_id>/sync")
@responds(SyncQueued, 202)
def sync_now(connection_id: str):
    """Queue a sync of the connection now."""
    return {"job_id": calendar.request_sync(db(), caller(), connection_id)}, 202


@bp.delete("/calendars/<connection_id>")
@responds(None, 204)
def disconnect(connection_id: str):
    """Disconnect: the stored credential is deleted (and an OAuth grant revoked at the provider)."""
    conn = db()
    row = calendar.disconnect(conn, caller(), connection_id)
    audit(conn, "calendar.disconnected", "calendar_connection", row["id"], {"provider": row["provider"]})
    return "", 204


@bp.post("/calendars/oauth/<provider>/start")
@responds(OAuthStart, 201, body=OAuthStartIn)
def oauth_start(provider: str):
    """Begin connecting Google or Microsoft: answer the provider's authorization URL (code flow with PKCE); the
    provider sends the browser back to the web app's /integrations/callback, which calls `finish`."""
    body(OAuthStartIn)
    me = caller()
    redirect = f"{settings().public_url}/integrations/callback"
    return oauth.start(redis_client(), _oauth_name(provider), me.user_id, me.company_id, redirect), 201


@bp.post("/calendars/oauth/<provider>/finish")
@responds(ConnectionOut, 201, body=OAuthFinishIn)
def oauth_finish(provider: str):
    """Finish connecting: exchange the code (with the PKCE verifier) for tokens, store them encrypted, queue a sync."""
    data = body(OAuthFinishIn)
    name, me = _oauth_name(provider), caller()
    tokens = oauth.finish(redis_client(), name, me.user_id, data.state, data.code)
    options = {"push_entries": data.push_entries, "pull_events": data.pull_events}
    conn = db()
    row = calendar.connect(conn, me, name, oauth.provider(name).api_url, None, tokens, options)
    audit(conn, "calendar.connected", "calendar_connection", row["id"], {"provider": name})
    return {"connection": row}, 201


def _oauth_name(provider: str) -> str:
    if provider not in ("google", "microsoft"):
        raise NotFound("No such calendar provider.", code="provider_not_found")
    return provider
