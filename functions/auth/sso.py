"""Single sign-on routes: the company's OpenID Connect provider (admins), and signing in through it."""

from __future__ import annotations

from flask import Blueprint

from workmonitor import db as dbmod
from workmonitor import throttle
from workmonitor.accounts import sessions, sso, users
from workmonitor.accounts.models import SignedIn
from workmonitor.accounts.sso_models import SsoCallbackIn, SsoConfigIn, SsoConfigOut, SsoStartIn, SsoStartOut
from workmonitor.config import settings
from workmonitor.errors import ApiError
from workmonitor.redis_client import client as redis_client
from workmonitor.web import body, caller, client_ip, db, public, responds, roles

from .common import device, record, record_apart

bp = Blueprint("sso", __name__)


@bp.get("/sso/config")
@roles("admin")
@responds(SsoConfigOut)
def get_config():
    """The company's OpenID Connect provider (never its secret) and the redirect URI to register there."""
    return {"config": sso.get_config(db()), "redirect_uri": sso.redirect_uri()}


@bp.put("/sso/config")
@roles("admin")
@responds(SsoConfigOut, body=SsoConfigIn)
def put_config():
    """Set the company's provider, its email domains, provisioning, and whether passwords are refused."""
    data = body(SsoConfigIn)
    conn = db()
    found = sso.save_config(conn, caller().user_id, data.model_dump())
    record(conn, "auth.sso_configured", {"id": caller().user_id, "company_id": caller().company_id},
           issuer=found["issuer"], domains=found["email_domains"], sso_required=found["sso_required"])  # fmt: skip
    return {"config": found, "redirect_uri": sso.redirect_uri()}


@bp.post("/sso/start")
@public
@responds(SsoStartOut, body=SsoStartIn)
def start():
    """Begin signing in through the provider of the email's domain: answer with the URL to send the browser to."""
    data = body(SsoStartIn)
    keys = [("sso-ip", client_ip() or "-")]
    throttle.check(redis_client(), keys, settings().login_max_failures * 4, settings().login_window_seconds)
    throttle.record(redis_client(), keys, settings().login_window_seconds)
    return sso.start(db(dbmod.Claims()), data.email)


@bp.post("/sso/callback")
@public
@responds(SignedIn, body=SsoCallbackIn)
def callback():
    """Finish signing in with the provider's code and the state: answer with tokens."""
    data = body(SsoCallbackIn)
    conn = db(dbmod.Claims())
    try:
        member = sso.finish(conn, data.code, data.state)
    except ApiError as exc:
        record_apart("auth.sso_failed", None, reason=exc.code)
        raise
    provisioned = member.pop("provisioned")
    users.mark_login(conn, member["id"])
    out = sessions.start(conn, member, device(data))
    record(conn, "auth.login", member, second_factor="sso", provisioned=provisioned)
    out["user"] = users.user_by_id(conn, member["id"])
    return out
