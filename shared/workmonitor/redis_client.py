"""The process-wide Redis client (RQ queues, throttling, revocation, pub/sub)."""

from __future__ import annotations

import threading

import redis

from .config import settings

_client: redis.Redis | None = None
_lock = threading.Lock()


def client() -> redis.Redis:
    """Return the shared Redis client for this process (connection pooled, bytes responses)."""
    global _client
    if _client is None:
        with _lock:
            if _client is None:
                _client = redis.Redis.from_url(settings().redis_url, health_check_interval=30)
    return _client


def reset() -> None:
    """Forget the client (tests that change REDIS_URL)."""
    global _client
    _client = None
