"""Mobile push adapters: FCM (HTTP v1) and APNs (provider token). Each is off unless configured, and says so.

FCM   FCM_PROJECT_ID and the service-account JSON (secret `fcm-service-account`, or env FCM_SERVICE_ACCOUNT).
      An OAuth2 access token is obtained with a signed JWT assertion (RS256) from FCM_TOKEN_URL (default: the
      account's token_uri) and sent to FCM_BASE_URL/v1/projects/<project>/messages:send.
APNs  APNS_KEY_ID, APNS_TEAM_ID, APNS_TOPIC (the app bundle id) and the .p8 key (secret `apns-key`, or env
      APNS_KEY). Requests go to APNS_BASE_URL/3/device/<token> with an ES256 provider token. Apple requires
      HTTP/2; `requests` speaks HTTP/1.1, so in production put an HTTP/2-capable relay (or swap the transport
      for httpx[http2]) in front of APNS_BASE_URL — the request shape here is Apple's.
Each send returns "sent", "invalid" (the device token is dead: delete it) or "disabled"; transient failures
raise PushError so the RQ job is retried. Access and provider tokens are cached in Redis (shared by workers).
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid

import jwt
import requests

from .. import keys
from ..config import secret
from ..redis_client import client as redis_client

log = logging.getLogger("workmonitor.push")
FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging"
DEFAULT_FCM_BASE = "https://fcm.googleapis.com"
DEFAULT_TOKEN_URL = "https://oauth2.googleapis.com/token"
DEFAULT_APNS_BASE = "https://api.push.apple.com"
TIMEOUT = 10


class PushError(RuntimeError):
    """A transient push failure: the job should be retried."""


def _crypto_missing() -> bool:
    try:
        import cryptography  # noqa: F401  (PyJWT needs it for RS256/ES256)
    except ImportError:
        return True
    return False


# --- FCM ---------------------------------------------------------------------------------------------------


def fcm_config() -> dict | None:
    """Return the FCM settings, or None (logged) when FCM is not configured."""
    project = os.environ.get("FCM_PROJECT_ID")
    raw = secret("fcm-service-account")
    if not project or not raw:
        log.info("FCM push is off: set FCM_PROJECT_ID and the fcm-service-account secret (FCM_SERVICE_ACCOUNT)")
        return None
    if _crypto_missing():
        log.warning("FCM push is off: the 'cryptography' package is needed to sign the service-account JWT")
        return None
    try:
        account = json.loads(raw)
        if not (account.get("client_email") and account.get("private_key")):
            raise ValueError("incomplete service account")
    except (ValueError, AttributeError):
        log.warning("FCM push is off: the service account is not JSON with client_email and private_key")
        return None
    token_url = os.environ.get("FCM_TOKEN_URL") or account.get("token_uri") or DEFAULT_TOKEN_URL
    base = (os.environ.get("FCM_BASE_URL") or DEFAULT_FCM_BASE).rstrip("/")
    return {"project": project, "account": account, "token_url": token_url, "base": base}


def _fcm_access_token(cfg: dict, force: bool = False) -> str:
    """Return a cached OAuth2 access token for the service account, fetching a new one when needed."""
    key = keys.fcm_token(cfg["account"]["client_email"], cfg["token_url"])
    if not force:
        cached = redis_client().get(key)
        if cached:
            return cached.decode() if isinstance(cached, bytes) else cached  # bytes: decode_responses is off
    now = int(time.time())
    assertion = jwt.encode(
        {
            "iss": cfg["account"]["client_email"],
            "scope": FCM_SCOPE,
            "aud": cfg["token_url"],
            "iat": now,
            "exp": now + 3600,
        },
        cfg["account"]["private_key"],
        algorithm="RS256",
        headers={"kid": cfg["account"].get("private_key_id")} if cfg["account"].get("private_key_id") else None,
    )
    try:
        resp = requests.post(
            cfg["token_url"],
            data={"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": assertion},
            timeout=TIMEOUT,
        )
    except requests.RequestException as exc:
        raise PushError(f"FCM token endpoint unreachable: {exc}") from exc
    if resp.status_code != 200:
        raise PushError(f"FCM token endpoint answered {resp.status_code}: {resp.text[:200]}")
    data = resp.json()
    token = data["access_token"]
    redis_client().set(key, token, ex=max(60, int(data.get("expires_in", 3600)) - 120))
    return token


def fcm_send(device_token: str, title: str, body: str, data: dict[str, str] | None = None) -> str:
    """Send one notification through FCM HTTP v1; return "sent", "invalid" or "disabled"; raise PushError."""
    cfg = fcm_config()
    if cfg is None:
        return "disabled"
    message = {
        "message": {
            "token": device_token,
            "notification": {"title": title, "body": body},
            "data": {str(k): str(v) for k, v in (data or {}).items()},
        }
    }
    url = f"{cfg['base']}/v1/projects/{cfg['project']}/messages:send"
    for attempt in range(2):
        headers = {"Authorization": f"Bearer {_fcm_access_token(cfg, force=attempt > 0)}"}
        try:
            resp = requests.post(url, json=message, headers=headers, timeout=TIMEOUT)
        except requests.RequestException as exc:
            raise PushError(f"FCM unreachable: {exc}") from exc
        if resp.status_code != 401:
            break
    if resp.status_code == 200:
        return "sent"
    if resp.status_code == 404 or "UNREGISTERED" in resp.text:
        return "invalid"
    if resp.status_code == 400 and "registration" in resp.text.lower():
        return "invalid"
    raise PushError(f"FCM answered {resp.status_code}: {resp.text[:200]}")


# --- APNs --------------------------------------------------------------------------------------------------


def apns_config() -> dict | None:
    """Return the APNs settings, or None (logged) when APNs is not configured."""
    cfg = {
        "key_id": os.environ.get("APNS_KEY_ID"),
        "team_id": os.environ.get("APNS_TEAM_ID"),
        "topic": os.environ.get("APNS_TOPIC"),
        "key": secret("apns-key"),
    }
    missing = [name for name, value in cfg.items() if not value]
    if missing:
        log.info(
            "APNs push is off: set APNS_KEY_ID, APNS_TEAM_ID, APNS_TOPIC and the apns-key secret (missing: %s)",
            ", ".join(missing),
        )
        return None
    if _crypto_missing():
        log.warning("APNs push is off: the 'cryptography' package is needed for ES256 provider tokens")
        return None
    cfg["base"] = (os.environ.get("APNS_BASE_URL") or DEFAULT_APNS_BASE).rstrip("/")
    return cfg


def _apns_provider_token(cfg: dict, force: bool = False) -> str:
    """Return the cached ES256 provider token (Apple accepts one for up to an hour; we renew after 50 min)."""
    key = keys.apns_token(cfg["team_id"], cfg["key_id"])
    if not force:
        cached = redis_client().get(key)
        if cached:
            return cached.decode() if isinstance(cached, bytes) else cached  # bytes: decode_responses is off
    token = jwt.encode(
        {"iss": cfg["team_id"], "iat": int(time.time())}, cfg["key"], algorithm="ES256", headers={"kid": cfg["key_id"]}
    )
    redis_client().set(key, token, ex=50 * 60)
    return token


def apns_send(
    device_token: str, title: str, body: str, data: dict[str, str] | None = None, push_id: str | None = None
) -> str:
    """Send one alert through APNs; return "sent", "invalid" or "disabled"; raise PushError."""
    cfg = apns_config()
    if cfg is None:
        return "disabled"
    payload = {"aps": {"alert": {"title": title, "body": body}, "sound": "default"}, **(data or {})}
    apns_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{push_id}:{device_token}")) if push_id else str(uuid.uuid4())
    for attempt in range(2):
        headers = {
            "authorization": f"bearer {_apns_provider_token(cfg, force=attempt > 0)}",
            "apns-topic": cfg["topic"],
            "apns-push-type": "alert",
            "apns-priority": "10",
            "apns-id": apns_id,
        }
        try:
            resp = requests.post(
                f"{cfg['base']}/3/device/{device_token}", json=payload, headers=headers, timeout=TIMEOUT
            )
        except requests.RequestException as exc:
            raise PushError(f"APNs unreachable: {exc}") from exc
        if not (resp.status_code == 403 and "ExpiredProviderToken" in resp.text):
            break
    if resp.status_code == 200:
        return "sent"
    if resp.status_code == 410 or (resp.status_code == 400 and "BadDeviceToken" in resp.text):
        return "invalid"
    raise PushError(f"APNs answered {resp.status_code}: {resp.text[:200]}")


def send(
    platform: str,
    device_token: str,
    title: str,
    body: str,
    data: dict[str, str] | None = None,
    push_id: str | None = None,
) -> str:
    """Send through the adapter of `platform` ("fcm" or "apns"); return its result."""
    if platform == "fcm":
        return fcm_send(device_token, title, body, data)
    if platform == "apns":
        return apns_send(device_token, title, body, data, push_id)
    raise ValueError(f"unknown push platform {platform}")
