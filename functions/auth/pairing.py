"""Device pairing: the web app shows a short single-use code; the browser extension signs in with it (no password
is typed into the extension). Codes last PAIRING_TTL seconds, and guesses are throttled per address."""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import Blueprint

from workmonitor import db as dbmod
from workmonitor import throttle
from workmonitor.accounts import tokens, users
from workmonitor.accounts.models import PairingCode, PairingIn, SignedIn
from workmonitor.errors import Unauthorized
from workmonitor.redis_client import client as redis_client
from workmonitor.web import body, caller, client_ip, db, public, responds

from .common import device, record, single_use
from .signin import _signed_in

bp = Blueprint("pairing", __name__)
PAIRING_TTL = 600
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a screen and typed
GUESSES, GUESS_WINDOW = 20, 600


def normalize(code: str) -> str:
    """Return a typed code as stored: upper case, without spaces and dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


@bp.post("/pairing-codes")
@responds(PairingCode, 201)
def create_pairing_code():
    """A new pairing code for the caller (voids their older unused one); shown once, valid ten minutes."""
    me = caller()
    conn = db()
    user = users.user_by_id(conn, me.user_id)
    code = "".join(secrets.choice(ALPHABET) for _ in range(12))  # 60 bits, single use, ten minutes
    tokens.create(conn, user, "device_pairing", PAIRING_TTL, token=code)
    record(conn, "auth.pairing_code_created", user)
    expires = users.now() + timedelta(seconds=PAIRING_TTL)
    return {"code": f"{code[:4]}-{code[4:8]}-{code[8:]}", "expires_at": expires}, 201


@bp.post("/pairing")
@public
@responds(SignedIn, body=PairingIn)
def redeem_pairing_code():
    """Sign a device in with a pairing code; answer with tokens like a login (401 unknown, 410 used or expired)."""
    data = body(PairingIn)
    keys = [("pairing-ip", client_ip() or "-")]
    throttle.check(redis_client(), keys, GUESSES, GUESS_WINDOW)
    conn = db(dbmod.Claims())
    try:
        row = single_use(conn, normalize(data.code), "device_pairing", "auth.pairing_failed")
    except Unauthorized:
        throttle.record(redis_client(), keys, GUESS_WINDOW)
        raise
    user = users.user_by_id(conn, row["user_id"])
    if user["status"] != "active":
        raise Unauthorized("This account is deactivated.", code="account_deactivated")
    tokens.mark_used(conn, row["id"])
    users.act_as(conn, user)
    return _signed_in(conn, user, device(data), users.my_memberships(conn), "auth.login", method="pairing_code")
