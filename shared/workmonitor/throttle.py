"""Sliding-window event counters in Redis (failed logins, resets, signups), correct across any number of replicas."""

from __future__ import annotations

import time
import uuid

import redis

from . import keys
from .errors import TooManyRequests


def _key(scope: str, ident: str) -> str:
    return keys.throttle(scope, ident)


def check(r: redis.Redis, keys: list[tuple[str, str]], limit: int, window: int) -> None:
    """Raise TooManyRequests (with Retry-After) when any (scope, ident) has `limit` events in the last `window` s."""
    now = time.time()
    pipe = r.pipeline()
    for scope, ident in keys:
        k = _key(scope, ident)
        pipe.zremrangebyscore(k, 0, now - window)
        pipe.zrange(k, 0, 0, withscores=True)
        pipe.zcard(k)
    results = pipe.execute()
    for i in range(len(keys)):
        oldest, count = results[i * 3 + 1], results[i * 3 + 2]
        if count >= limit:
            retry = int(oldest[0][1] + window - now) + 1 if oldest else window
            raise TooManyRequests("Too many failed attempts. Try again later.", retry_after=retry)


def record(r: redis.Redis, keys: list[tuple[str, str]], window: int) -> None:
    """Count one event (a failed login, a reset request, a signup) for each (scope, ident)."""
    now = time.time()
    pipe = r.pipeline()
    for scope, ident in keys:
        k = _key(scope, ident)
        pipe.zadd(k, {uuid.uuid4().hex: now})
        pipe.expire(k, window)
    pipe.execute()


def clear(r: redis.Redis, keys: list[tuple[str, str]]) -> None:
    """Forget the failures of (scope, ident) pairs (after a successful login)."""
    r.delete(*[_key(s, i) for s, i in keys])
