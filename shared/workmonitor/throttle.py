"""Sliding-window event counters in Redis (failed logins, resets, signups), correct across any number of replicas.

Failed sign-ins are counted twice: per account (every failure; `login_max_failures` in the window locks that
account's sign-in) and per client address, where what counts is how many *different* accounts failed from it
(`login_address_max_accounts`). So a colleague behind the same office NAT who mistypes their password five times
locks only their own account, while an address spraying guesses at many accounts is slowed down.
"""

from __future__ import annotations

import hashlib
import time
import uuid

import redis

from . import keys
from .config import Settings
from .errors import TooManyRequests

ACCOUNT, ADDRESS = "login-email", "login-ip"


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


def record(r: redis.Redis, keys: list[tuple[str, str]], window: int, member: str | None = None) -> None:
    """Count one event (a failed login, a reset request, a signup) for each (scope, ident); with `member`, the
    same member counts once (a newer event only moves it forward in the window)."""
    now = time.time()
    pipe = r.pipeline()
    for scope, ident in keys:
        k = _key(scope, ident)
        pipe.zadd(k, {member or uuid.uuid4().hex: now})
        pipe.expire(k, window)
    pipe.execute()


def clear(r: redis.Redis, keys: list[tuple[str, str]]) -> None:
    """Forget the failures of (scope, ident) pairs (after a successful login)."""
    r.delete(*[_key(s, i) for s, i in keys])


def check_login(r: redis.Redis, cfg: Settings, account: str, address: str | None) -> None:
    """Raise TooManyRequests when `account` failed too often, or too many accounts failed from `address`."""
    check(r, [(ACCOUNT, account)], cfg.login_max_failures, cfg.login_window_seconds)
    check(r, [(ADDRESS, address or "-")], cfg.login_address_max_accounts, cfg.login_window_seconds)


def fail_login(r: redis.Redis, cfg: Settings, account: str, address: str | None) -> None:
    """Count a failed sign-in (or a wrong code or current password) of `account` from `address`."""
    record(r, [(ACCOUNT, account)], cfg.login_window_seconds)
    distinct = hashlib.sha256(account.lower().encode()).hexdigest()[:32]
    record(r, [(ADDRESS, address or "-")], cfg.login_window_seconds, member=distinct)


def clear_login(r: redis.Redis, account: str) -> None:
    """Forget the failures of `account` (after a successful sign-in); never the address's."""
    clear(r, [(ACCOUNT, account)])
