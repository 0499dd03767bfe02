"""Every Redis key, pub/sub channel and RQ queue name, declared once (tests/test_keys.py keeps it that way).

Everything in Redis lives under `wm:` so one installation can share a Redis with other software. Names that
are not Redis keys but share the prefix are declared here too: PostgreSQL advisory-lock names and the prefix
of the messages our triggers raise. Dependency-free on purpose: the gateway and bench scripts import it.
"""

from __future__ import annotations

PREFIX = "wm:"

# Pub/sub channels ----------------------------------------------------------------------------------------
GATEWAY_CONTROL = "wm:gateway:control"  # JSON control notices for every gateway replica (gateway/control.py)

# RQ queues -----------------------------------------------------------------------------------------------
EMAIL_QUEUE = "email"
MEDIA_QUEUE = "media"
REPORTS_QUEUE = "reports"
DEFAULT_QUEUE = "default"
QUEUES = (EMAIL_QUEUE, MEDIA_QUEUE, REPORTS_QUEUE, DEFAULT_QUEUE)

# Presence: one sorted set per company, member `<user_id>|<gateway_id>` (gateway/presence.py)
PRESENCE_PREFIX = "wm:presence:company:"


# Request counters per function for /metrics (shared/workmonitor/metrics.py): one hash per function
METRICS_PREFIX = "wm:metrics:fn:"


def presence(company_id: object) -> str:
    """Return the presence sorted set of a company."""
    return f"{PRESENCE_PREFIX}{company_id}"


def revoked_session(family_id: object) -> str:
    """Return the key that marks a refresh-token family (a session, `sid` in tokens) as signed out."""
    return f"wm:revoked:sid:{family_id}"


def revoked_user(user_id: object) -> str:
    """Return the key that marks every session of a user as signed out."""
    return f"wm:revoked:user:{user_id}"


def throttle(scope: str, ident: str) -> str:
    """Return the counter key of one throttle scope and identity (an address, an IP)."""
    return f"wm:throttle:{scope}:{ident}"


OUTBOX_DRAIN_LOCK = "wm:outbox:drain"  # one job-outbox drainer at a time (workmonitor.jobs.outbox.drain)


def outbox_claim(job_id: str) -> str:
    """Return the short claim of one outbox row being pushed into RQ (several pushers make one enqueue)."""
    return f"wm:outbox:claim:{job_id}"


def sso_state(state_hash: str) -> str:
    """An OIDC sign-in in flight (company, nonce, PKCE verifier), under the keyed hash of its state; short TTL."""
    return f"wm:sso:{state_hash}"


def mail_sent(message_id: str) -> str:
    """Return the key that records one email as delivered (a retried job sends nothing)."""
    return f"wm:mail:sent:{message_id}"


def push_sent(push_id: str, device_id: object) -> str:
    """Return the key that records one push as delivered to one device."""
    return f"wm:push:sent:{push_id}:{device_id}"


def fcm_token(client_email: str, token_url: str) -> str:
    """Return the cache key of an FCM OAuth access token."""
    return f"wm:push:fcm-token:{client_email}:{token_url}"


def apns_token(team_id: str, key_id: str) -> str:
    """Return the cache key of an APNs provider token."""
    return f"wm:push:apns-token:{team_id}:{key_id}"


def template_db_claim(n: int) -> str:
    """Return the claim a test process holds on template database slot `n`."""
    return f"wm:test-db-claim:{n}"


def bench_channel(name: str) -> str:
    """Return a throwaway pub/sub channel for a benchmark."""
    return f"wm:bench:{name}"


def failed_sign_ins(user_id: object) -> str:
    """Failed sign-ins of one membership in the current alert window (workmonitor.integrations.alerts)."""
    return f"{PREFIX}alerts:failed:{user_id}"


def removed_records(kind: str, actor_id: object, hour: int) -> str:
    """Captured records one person removed or exported in one hour (workmonitor.integrations.alerts)."""
    return f"{PREFIX}alerts:{kind}:{actor_id}:{hour}"


def oauth_state(state: str) -> str:
    """A pending OAuth authorization: its user, provider and PKCE verifier (workmonitor.integrations.oauth)."""
    return f"{PREFIX}oauth:{state}"


# Not Redis: PostgreSQL advisory-lock names and trigger messages ------------------------------------------


def attendance_lock(scope: str, user_id: object) -> str:
    """Return the advisory-lock name serialising one user's attendance writes of `scope`."""
    return f"wm:att:{scope}:{user_id}"


def time_lock(user_id: object) -> str:
    """Return the advisory-lock name serialising one user's time-entry writes."""
    return f"wm:time:{user_id}"


DB_MESSAGE_PREFIX = "wm:"  # RAISE EXCEPTION 'wm:<code>...' in migrations: a message meant for the client
PERIOD_MESSAGE_PREFIX = "wm:period_"  # RAISE EXCEPTION 'wm:period_<state>:...' (a locked timesheet period)
