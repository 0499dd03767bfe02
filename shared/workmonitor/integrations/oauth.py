"""OAuth 2.0 calendar providers (Google Calendar, Microsoft Graph): revoking a grant on disconnect."""

from __future__ import annotations

import json
import logging
import os

import requests

from . import crypto

log = logging.getLogger("workmonitor.integrations.oauth")
PURPOSE = "calendar"
TIMEOUT = 15


def revoke_url(provider: str) -> str | None:
    """Return the provider's token revocation endpoint (configurable for tests and sovereign clouds), or None."""
    if provider == "google":
        return os.environ.get("GOOGLE_OAUTH_REVOKE_URL", "https://oauth2.googleapis.com/revoke")
    return None  # Microsoft identity platform has no per-grant revocation: deleting the token is all there is


def revoke(company_id: str, provider: str, credentials: str) -> str:
    """Revoke the grant whose stored (encrypted) token set is `credentials`; return what happened. The row is gone
    already; this job only tells the provider, and a provider that is down or says 'already revoked' is fine."""
    url = revoke_url(provider)
    if url is None:
        return "deleted"
    try:
        tokens = json.loads(crypto.decrypt(credentials, PURPOSE))
    except crypto.CredentialUnreadable:
        return "unreadable"
    token = tokens.get("refresh_token") or tokens.get("access_token")
    if not token:
        return "no-token"
    try:
        resp = requests.post(url, data={"token": token}, timeout=TIMEOUT)
    except requests.RequestException as exc:
        log.warning("revoke failed", extra={"fields": {"provider": provider, "error": type(exc).__name__}})
        raise  # RQ retries with backoff
    return "revoked" if resp.status_code == 200 else f"provider-{resp.status_code}"
