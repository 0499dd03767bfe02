"""OAuth 2.0 for the calendar providers (Google Calendar, Microsoft Graph): authorization code + PKCE (S256),
refresh on expiry, revocation on disconnect. Endpoints come from env vars (defaults: the public clouds), so tests
and sovereign clouds point them elsewhere; a provider without a client id is off and says so.

What must stay true:
- The PKCE verifier and the state live only in Redis (10 minutes, single use, bound to the user who started);
  the token set lives only encrypted (crypto) in calendar_connections.credentials.
- Tokens are refreshed before they expire (60 s early) and the new set is stored at once (a rotated refresh
  token must not be lost).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import secrets
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode

from .. import keys
from ..config import secret
from ..errors import ApiError, ValidationFailed
from . import crypto
from .base import ProviderError

log = logging.getLogger("workmonitor.integrations.oauth")
PURPOSE = "calendar"
TIMEOUT = 15
STATE_TTL = 600
EARLY = 60  # refresh this many seconds before the access token expires


@dataclass(frozen=True)
class Provider:
    """One OAuth provider's endpoints and client."""

    name: str
    client_id: str | None
    client_secret: str | None
    authorize_url: str
    token_url: str
    api_url: str
    scope: str
    revoke_url: str | None


def provider(name: str) -> Provider:
    """Return provider `name`'s configuration (read per call: a changed env needs no restart)."""
    env = os.environ.get
    if name == "google":
        return Provider(
            "google",
            env("GOOGLE_CLIENT_ID") or None,
            secret("google-client-secret"),
            env("GOOGLE_AUTH_URL", "https://accounts.google.com/o/oauth2/v2/auth"),
            env("GOOGLE_TOKEN_URL", "https://oauth2.googleapis.com/token"),
            env("GOOGLE_CALENDAR_API_URL", "https://www.googleapis.com/calendar/v3").rstrip("/"),
            "https://www.googleapis.com/auth/calendar.events",
            env("GOOGLE_OAUTH_REVOKE_URL", "https://oauth2.googleapis.com/revoke"),
        )
    if name == "microsoft":
        tenant = env("MICROSOFT_TENANT", "common")
        login = env("MICROSOFT_LOGIN_URL", "https://login.microsoftonline.com").rstrip("/")
        return Provider(
            "microsoft",
            env("MICROSOFT_CLIENT_ID") or None,
            secret("microsoft-client-secret"),
            f"{login}/{tenant}/oauth2/v2.0/authorize",
            f"{login}/{tenant}/oauth2/v2.0/token",
            env("MICROSOFT_GRAPH_URL", "https://graph.microsoft.com/v1.0").rstrip("/"),
            "offline_access Calendars.ReadWrite",
            None,  # the identity platform revokes per user, not per grant: deleting the tokens is what is left
        )
    raise ValidationFailed("Unknown calendar provider.", fields={"provider": "google or microsoft"})


def configured(p: Provider) -> Provider:
    """Return `p`; raise 409 provider_off when its client is not configured."""
    if not p.client_id:
        raise ApiError(
            f"{p.name.capitalize()} Calendar is not configured on this server.", code="provider_off", status=409
        )
    return p


def _challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def start(redis, name: str, user_id: str, company_id: str, redirect_uri: str) -> dict:
    """Begin an authorization: remember state + PKCE verifier; return {"authorize_url", "state"}."""
    p = configured(provider(name))
    state, verifier = secrets.token_urlsafe(24), secrets.token_urlsafe(48)
    remembered = {"user_id": user_id, "company_id": company_id, "provider": name, "verifier": verifier,
                  "redirect_uri": redirect_uri}  # fmt: skip
    redis.set(keys.oauth_state(state), json.dumps(remembered), ex=STATE_TTL)
    query = {
        "client_id": p.client_id,
        "response_type": "code",
        "redirect_uri": redirect_uri,
        "scope": p.scope,
        "state": state,
        "code_challenge": _challenge(verifier),
        "code_challenge_method": "S256",
    }
    if name == "google":
        query |= {"access_type": "offline", "prompt": "consent"}
    return {"authorize_url": f"{p.authorize_url}?{urlencode(query)}", "state": state}


def finish(redis, name: str, user_id: str, state: str, code: str) -> dict:
    """Exchange the authorization `code` (with the PKCE verifier of `state`) for tokens; return the token set.
    Raises 400 for an unknown, expired or foreign state, and when the provider refuses the code."""
    raw = redis.getdel(keys.oauth_state(state))
    found = json.loads(raw) if raw else None
    if not found or found["user_id"] != user_id or found["provider"] != name:
        raise ValidationFailed("This authorization expired or was not started here; connect again.",
                               fields={"state": "unknown or expired"})  # fmt: skip
    p = configured(provider(name))
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": found["redirect_uri"],
        "code_verifier": found["verifier"],
        "client_id": p.client_id,
    }
    try:
        return _token_call(p, form)
    except ProviderError as exc:  # a refused or expired code: the user starts again
        raise ApiError(str(exc), code="authorization_failed", status=400) from None


def _token_call(p: Provider, form: dict) -> dict:
    """POST to the token endpoint; return the token set with an absolute `expires_at`. Raises ProviderError."""
    if p.client_secret:
        form = {**form, "client_secret": p.client_secret}
    status, text = _post_form(p.token_url, form)
    if status is None:
        raise ProviderError(f"{p.name} token endpoint unreachable: {text}")
    if status != 200:
        raise ProviderError(f"{p.name} refused the token request ({status}).")
    data = json.loads(text)
    return {
        "access_token": data["access_token"],
        "refresh_token": data.get("refresh_token"),
        "expires_at": int(time.time()) + int(data.get("expires_in", 3600)),
    }


def fresh_tokens(name: str, tokens: dict) -> tuple[dict, bool]:
    """Return (tokens, refreshed): refreshed with the refresh token when the access token is (nearly) expired."""
    if tokens.get("expires_at", 0) - EARLY > time.time():
        return tokens, False
    if not tokens.get("refresh_token"):
        raise ProviderError("The calendar access expired; connect the calendar again.")
    p = configured(provider(name))
    new = _token_call(
        p, {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"], "client_id": p.client_id}
    )
    new["refresh_token"] = new.get("refresh_token") or tokens["refresh_token"]  # Google keeps the old one
    return new, True


def revoke(company_id: str, provider_name: str, credentials: str) -> str:
    """Revoke the grant whose stored (encrypted) token set is `credentials`; return what happened. The row is gone
    already; this job only tells the provider. Network failures raise (RQ retries)."""
    url = provider(provider_name).revoke_url
    if url is None:
        return "deleted"
    try:
        tokens = json.loads(crypto.decrypt(credentials, PURPOSE))
    except crypto.CredentialUnreadable:
        return "unreadable"
    token = tokens.get("refresh_token") or tokens.get("access_token")
    if not token:
        return "no-token"
    status, text = _post_form(url, {"token": token})
    if status is None:
        raise ProviderError(f"{provider_name} revocation endpoint unreachable: {text}")  # RQ retries
    return "revoked" if status == 200 else f"provider-{status}"


def _post_form(url: str, form: dict) -> tuple[int | None, str]:
    """POST `form` url-encoded; return (status, body), or (None, the error's name) when unreachable. The standard
    library's client: the integrations function carries no HTTP library (the token exchange is its only call out)."""
    req = urllib.request.Request(
        url, data=urlencode(form).encode(), method="POST", headers={"Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:  # noqa: S310 (an https URL from configuration)
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        return None, type(exc).__name__
