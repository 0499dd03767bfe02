"""Who is online, per company: one Redis sorted set per company, kept alive by each gateway process's heartbeat.

Key `keys.presence(company_id)`, member `<user_id>|<gateway_id>`, score = the Unix time at which the
entry lapses. A gateway refreshes its entries every heartbeat; a crashed replica stops refreshing, so its
sockets drop out after the TTL. Readers take members whose score is in the future: the publish function's
GET /presence reads them through `workmonitor.messaging.realtime`, which owns the key scheme.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping

from workmonitor.messaging.realtime import presence_key as key


def _member(user_id: str, gateway_id: str) -> str:
    return f"{user_id}|{gateway_id}"


async def mark(redis, gateway_id: str, company_id: str, user_id: str, ttl: int) -> None:
    """Record that `user_id` has a socket on this gateway (until the next heartbeat or `ttl` seconds)."""
    pipe = redis.pipeline(transaction=False)
    pipe.zadd(key(company_id), {_member(user_id, gateway_id): time.time() + ttl})
    pipe.expire(key(company_id), ttl * 2)
    await pipe.execute()


async def drop(redis, gateway_id: str, company_id: str, user_id: str) -> None:
    """Forget that `user_id` has a socket on this gateway (its last one closed)."""
    await redis.zrem(key(company_id), _member(user_id, gateway_id))


async def heartbeat(redis, gateway_id: str, online: Mapping[str, Iterable[str]], ttl: int) -> None:
    """Refresh this gateway's entries for {company_id: user_ids} and prune lapsed members of those companies."""
    now = time.time()
    pipe = redis.pipeline(transaction=False)
    for company_id, users in online.items():
        members = {_member(u, gateway_id): now + ttl for u in users}
        if members:
            pipe.zadd(key(company_id), members)
            pipe.zremrangebyscore(key(company_id), "-inf", now)
            pipe.expire(key(company_id), ttl * 2)
    if len(pipe):
        await pipe.execute()


async def forget_gateway(redis, gateway_id: str, online: Mapping[str, Iterable[str]]) -> None:
    """Remove every entry of this gateway (clean shutdown)."""
    pipe = redis.pipeline(transaction=False)
    for company_id, users in online.items():
        for user_id in users:
            pipe.zrem(key(company_id), _member(user_id, gateway_id))
    if len(pipe):
        await pipe.execute()
