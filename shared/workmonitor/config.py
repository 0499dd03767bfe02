"""Configuration from environment variables, with OpenFaaS secrets read from files.

OpenFaaS mounts each secret at /var/openfaas/secrets/<name>; locally the directory is overridable with
WM_SECRETS_DIR. A secret file wins over an environment variable of the same (upper-cased) name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_SECRETS_DIR = "/var/openfaas/secrets"


def secret(name: str, default: str | None = None) -> str | None:
    """Return secret `name` from the secrets directory, else env var NAME (dashes to underscores), else default."""
    path = Path(os.environ.get("WM_SECRETS_DIR", DEFAULT_SECRETS_DIR)) / name
    try:
        value = path.read_text().strip()
        if value:
            return value
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        pass
    return os.environ.get(name.upper().replace("-", "_"), default)


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise RuntimeError(f"{name} must be an integer, got {raw!r}") from exc


@dataclass(frozen=True)
class Settings:
    """Every setting a function, worker or the gateway reads; built once per process by `settings()`."""

    database_url: str
    owner_database_url: str
    redis_url: str
    jwt_secret: str
    access_ttl: int
    refresh_ttl: int
    refresh_grace: int
    bcrypt_rounds: int
    pool_min: int
    pool_max: int
    max_body_bytes: int
    public_url: str
    cors_origins: tuple[str, ...]
    s3_endpoint: str | None
    s3_public_endpoint: str | None
    s3_access_key: str | None
    s3_secret_key: str | None
    s3_bucket: str
    s3_region: str
    smtp_host: str | None
    smtp_port: int
    smtp_user: str | None
    smtp_password: str | None
    smtp_from: str
    smtp_starttls: bool
    outbox_dir: str
    publish_secret: str | None
    login_max_failures: int
    login_window_seconds: int
    login_address_max_accounts: int
    reset_ttl: int
    otp_ttl: int
    invite_ttl: int
    trusted_proxy_hops: int
    signup_per_hour: int
    max_in_flight: int
    max_queue_ms: int
    stripe_secret_key: str | None
    stripe_webhook_secret: str | None
    stripe_api_base: str | None
    billing_plans: str
    billing_trial_days: int
    billing_grace_days: int


@lru_cache(maxsize=1)
def settings() -> Settings:
    """Return the process-wide settings (read once; tests call `settings.cache_clear()` after changing env)."""
    app_db = secret("database-url") or "postgresql://workmonitor_app@127.0.0.1:5432/workmonitor"
    return Settings(
        database_url=app_db,
        owner_database_url=secret("owner-database-url") or "postgresql://postgres@127.0.0.1:5432/workmonitor",
        redis_url=secret("redis-url") or "redis://127.0.0.1:6379/0",
        jwt_secret=secret("jwt-secret") or "",
        access_ttl=_int("ACCESS_TOKEN_TTL", 24 * 3600),
        refresh_ttl=_int("REFRESH_TOKEN_TTL", 30 * 24 * 3600),
        # A rotated refresh token still works this long: concurrent refreshes of one device are not a theft.
        refresh_grace=_int("REFRESH_GRACE_SECONDS", 10),
        bcrypt_rounds=_int("BCRYPT_ROUNDS", 12),
        pool_min=_int("DB_POOL_MIN", 1),
        pool_max=_int("DB_POOL_MAX", 10),
        max_body_bytes=_int("MAX_BODY_BYTES", 1024 * 1024),
        public_url=os.environ.get("PUBLIC_URL", "http://localhost:8080").rstrip("/"),
        cors_origins=tuple(o for o in os.environ.get("CORS_ORIGINS", "").split(",") if o),
        s3_endpoint=os.environ.get("S3_ENDPOINT") or None,
        # Where browsers, agents and phones reach S3 (nginx's /s3/ route); presigned URLs are signed for it.
        s3_public_endpoint=os.environ.get("S3_PUBLIC_ENDPOINT") or None,
        s3_access_key=secret("s3-access-key"),
        s3_secret_key=secret("s3-secret-key"),
        s3_bucket=os.environ.get("S3_BUCKET", "workmonitor"),
        s3_region=os.environ.get("S3_REGION", "us-east-1"),
        smtp_host=os.environ.get("SMTP_HOST") or None,
        smtp_port=_int("SMTP_PORT", 587),
        smtp_user=os.environ.get("SMTP_USER") or None,
        smtp_password=secret("smtp-password"),
        smtp_from=os.environ.get("SMTP_FROM", "WorkMonitor <no-reply@workmonitor.local>"),
        smtp_starttls=os.environ.get("SMTP_STARTTLS", "true").lower() in ("1", "true", "yes"),
        outbox_dir=os.environ.get("MAIL_OUTBOX_DIR", ".var/outbox"),
        publish_secret=secret("publish-secret"),
        login_max_failures=_int("LOGIN_MAX_FAILURES", 5),
        login_window_seconds=_int("LOGIN_WINDOW_SECONDS", 300),
        login_address_max_accounts=_int("LOGIN_ADDRESS_MAX_ACCOUNTS", 10),
        reset_ttl=_int("RESET_TOKEN_TTL", 3600),
        otp_ttl=_int("OTP_TTL", 600),
        invite_ttl=_int("INVITE_TTL", 7 * 24 * 3600),
        trusted_proxy_hops=_int("TRUSTED_PROXY_HOPS", 0),
        signup_per_hour=_int("SIGNUP_PER_HOUR", 20),
        # Load shedding (workmonitor.shedding): requests running at once per process (0 = no limit), and the
        # longest a request may have queued (X-Request-Start) before it is answered 503 unworked (0 = no check).
        max_in_flight=_int("MAX_IN_FLIGHT", 0),
        max_queue_ms=_int("MAX_QUEUE_MS", 250),
        # Billing (workmonitor.billing): off without a Stripe key. Plans are `key:interval:price_id` entries,
        # comma-separated (interval month or year; prices are per seat). STRIPE_API_BASE only for a local peer.
        stripe_secret_key=secret("stripe-secret-key"),
        stripe_webhook_secret=secret("stripe-webhook-secret"),
        stripe_api_base=os.environ.get("STRIPE_API_BASE") or None,
        billing_plans=os.environ.get("BILLING_PLANS", ""),
        billing_trial_days=_int("BILLING_TRIAL_DAYS", 14),
        billing_grace_days=_int("BILLING_GRACE_DAYS", 7),
    )
