"""The gateway's Socket.IO server: authenticate each socket with the access JWT, join its rooms, relay events.

Events reach sockets through python-socketio's AsyncRedisManager on the default channel "socketio", so anything
emitted with `socketio.RedisManager(url, write_only=True).emit(event, payload, room=room)` is delivered by
whichever replica holds the room's sockets, once. Per-process state (which local socket is which user) only
routes control notices and timers; nothing a client needs for correctness lives here.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass

import redis.asyncio as aioredis
import socketio

from workmonitor import keys, security
from workmonitor.config import settings
from workmonitor.db import Claims
from workmonitor.errors import ApiError

from . import control, presence, rooms

log = logging.getLogger("workmonitor.gateway")
MAX_ROOMS = 1000  # per socket: each explicit join costs a database check


@dataclass
class Socket:
    """One authenticated socket on this process."""

    user_id: str
    company_id: str
    role: str
    session_id: str
    exp: float
    timer: asyncio.TimerHandle | None = None

    def claims(self) -> Claims:
        """Return the RLS claims of the socket's user."""
        return Claims(company_id=self.company_id, user_id=self.user_id, role=self.role)


def _refuse(code: str, message: str) -> ConnectionRefusedError:
    """Return the refusal a client sees as connect_error: message plus data {"code": ...}."""
    return socketio.exceptions.ConnectionRefusedError(message, {"code": code})


class Gateway:
    """A Socket.IO server fed by Redis, with auth, rooms, presence, expiry and control notices."""

    def __init__(
        self, redis_url: str | None = None, *, heartbeat: float = 10, presence_ttl: int = 30, recheck: float = 30
    ):
        cfg = settings()
        self.id = uuid.uuid4().hex
        self.redis_url = redis_url or cfg.redis_url
        self.heartbeat, self.presence_ttl, self.recheck = heartbeat, presence_ttl, recheck
        self.manager = socketio.AsyncRedisManager(self.redis_url, redis_options={"client_name": f"wm-gw-{self.id}"})
        origins = list(cfg.cors_origins) if cfg.cors_origins else "*"  # tokens travel in `auth`, never in cookies
        self.sio = socketio.AsyncServer(
            async_mode="aiohttp",
            client_manager=self.manager,
            cors_allowed_origins=origins,
            max_http_buffer_size=64 * 1024,
            logger=False,
            engineio_logger=False,
        )
        self.redis = aioredis.Redis.from_url(self.redis_url, client_name=f"wm-gw-{self.id}-cmd")
        self.sockets: dict[str, Socket] = {}
        self.by_user: dict[str, set[str]] = defaultdict(set)
        self.by_session: dict[str, set[str]] = defaultdict(set)
        self.tasks: list[asyncio.Task] = []
        self._closing: set[asyncio.Task] = set()  # strong references: the loop keeps only weak ones
        self._register()

    # --- lifecycle ------------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Subscribe to the event and control channels and start the periodic work."""
        if not self.sio.manager_initialized:  # subscribe now, not on the first connect
            self.sio.manager_initialized = True
            self.manager.initialize()
        self.tasks = [
            asyncio.create_task(self._control_loop()),
            asyncio.create_task(self._heartbeat_loop()),
            asyncio.create_task(self._recheck_loop()),
        ]

    async def stop(self) -> None:
        """Stop the periodic work and remove this process's presence entries."""
        for task in self.tasks:
            task.cancel()
        try:
            await presence.forget_gateway(self.redis, self.id, self._online())
        except Exception:  # shutting down: presence lapses by TTL anyway
            log.warning("could not clear presence on shutdown")
        await self.redis.aclose()

    async def ready(self) -> bool:
        """Return True once Redis has both this process's subscriptions (events and control)."""
        clients = await self.redis.client_list(_type="pubsub")
        names = {c.get("name"): int(c.get("sub", 0)) for c in clients}
        return names.get(f"wm-gw-{self.id}", 0) >= 1 and names.get(f"wm-gw-{self.id}-control", 0) >= 1

    # --- socket events --------------------------------------------------------------------------------------

    def _register(self) -> None:
        self.sio.on("connect", self.on_connect)
        self.sio.on("disconnect", self.on_disconnect)
        self.sio.on("channel:join", self.on_channel_join)
        self.sio.on("channel:leave", self.on_channel_leave)
        self.sio.on("auth:refresh", self.on_refresh)

    async def _verify(self, token: str | None) -> dict:
        """Return the claims of a valid, unrevoked access token; raise ConnectionRefusedError otherwise."""
        if not token:
            raise _refuse("auth_required", "Connect with auth={'token': '<access token>'}.")
        try:
            claims = security.decode_access_token(token)
        except ApiError as exc:
            raise _refuse(exc.code, exc.message) from exc
        try:
            revoked = await self.redis.exists(keys.revoked_session(claims["sid"]), keys.revoked_user(claims["sub"]))
        except aioredis.RedisError as exc:  # Redis holds a copy of revocations; the database below decides
            log.warning("revocation cache unavailable", extra={"fields": {"error": str(exc)}})
            revoked = 0
        if revoked:
            raise _refuse("token_revoked", "This session has been signed out.")
        try:
            state = await asyncio.to_thread(rooms.session_state, claims["sub"], claims["cid"], claims["sid"])
        except Exception as exc:
            log.error("session check failed", extra={"fields": {"error": str(exc)}})
            raise _refuse("unavailable", "Authentication is unavailable; retry shortly.") from exc
        if state == "gone":
            raise _refuse("token_invalid", "The account of this token no longer exists.")
        if state != "live":
            raise _refuse("token_revoked", "This session has been signed out.")
        return claims

    async def on_connect(self, sid: str, environ: dict, auth: dict | None = None) -> None:
        """Authenticate the socket and join its user, company and channel rooms."""
        claims = await self._verify(_token(environ, auth))
        sock = Socket(
            user_id=_canonical(claims["sub"]),
            company_id=_canonical(claims["cid"]),
            role=claims["role"],
            session_id=str(claims["sid"]).lower(),
            exp=float(claims["exp"]),
        )
        try:
            channels = await asyncio.to_thread(rooms.channel_rooms, sock.claims())
        except Exception as exc:
            log.error("channel lookup failed", extra={"fields": {"error": str(exc)}})
            raise _refuse("unavailable", "Channel membership is unavailable; retry shortly.") from exc
        for room in rooms.base_rooms(sock.user_id, sock.company_id) + channels:
            await self.sio.enter_room(sid, room)
        self.sockets[sid] = sock
        self.by_user[sock.user_id].add(sid)
        self.by_session[sock.session_id].add(sid)
        self._schedule_expiry(sid, sock)
        try:
            await presence.mark(self.redis, self.id, sock.company_id, sock.user_id, self.presence_ttl)
        except aioredis.RedisError as exc:  # the next heartbeat records it; never refuse a socket for presence
            log.warning("could not mark presence", extra={"fields": {"error": str(exc)}})

    async def on_disconnect(self, sid: str, reason=None) -> None:
        """Forget the socket; drop the user's presence when it was their last socket here."""
        sock = self.sockets.pop(sid, None)
        if sock is None:
            return
        if sock.timer is not None:
            sock.timer.cancel()
        self.by_session[sock.session_id].discard(sid)
        if not self.by_session[sock.session_id]:
            del self.by_session[sock.session_id]
        self.by_user[sock.user_id].discard(sid)
        if not self.by_user[sock.user_id]:
            del self.by_user[sock.user_id]
            try:
                await presence.drop(self.redis, self.id, sock.company_id, sock.user_id)
            except aioredis.RedisError:
                log.warning("could not drop presence; it lapses by TTL")

    async def on_channel_join(self, sid: str, data) -> dict:
        """Join a chat channel room after checking membership in the database; return {"ok": bool}."""
        sock, room = self.sockets.get(sid), _channel_room(data)
        if sock is None or room is None:
            return {"ok": False, "error": "invalid_channel"}
        if len(self.sio.rooms(sid)) >= MAX_ROOMS:
            return {"ok": False, "error": "too_many_rooms"}
        if not await asyncio.to_thread(rooms.may_join, sock.claims(), room):
            return {"ok": False, "error": "forbidden"}
        await self.sio.enter_room(sid, room)
        return {"ok": True, "room": room}

    async def on_channel_leave(self, sid: str, data) -> dict:
        """Leave a chat channel room; return {"ok": bool}."""
        room = _channel_room(data)
        if sid not in self.sockets or room is None:
            return {"ok": False, "error": "invalid_channel"}
        await self.sio.leave_room(sid, room)
        return {"ok": True, "room": room}

    async def on_refresh(self, sid: str, data) -> dict:
        """Accept a fresh access token for the same user on a live socket, moving its expiry; return {"ok"}."""
        sock = self.sockets.get(sid)
        token = data.get("token") if isinstance(data, dict) else None
        if sock is None or not isinstance(token, str):
            return {"ok": False, "error": "invalid_token"}
        try:
            claims = await self._verify(token)
        except socketio.exceptions.ConnectionRefusedError as exc:
            return {"ok": False, "error": exc.error_args.get("data", {}).get("code", "invalid_token")}
        if (
            _canonical(claims["sub"]) != sock.user_id
            or _canonical(claims["cid"]) != sock.company_id
            or claims["role"] != sock.role
        ):
            return {"ok": False, "error": "different_user"}
        self.by_session[sock.session_id].discard(sid)
        sock.session_id, sock.exp = str(claims["sid"]).lower(), float(claims["exp"])
        self.by_session[sock.session_id].add(sid)
        self._schedule_expiry(sid, sock)
        return {"ok": True, "exp": int(sock.exp)}

    # --- closing sockets ------------------------------------------------------------------------------------

    def _schedule_expiry(self, sid: str, sock: Socket) -> None:
        if sock.timer is not None:
            sock.timer.cancel()
        delay = max(0.0, sock.exp - time.time())
        loop = asyncio.get_running_loop()
        sock.timer = loop.call_later(delay, self._close_later, sid, "token_expired")

    def _close_later(self, sid: str, code: str) -> None:
        task = asyncio.ensure_future(self.close(sid, code))
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def close(self, sid: str, code: str) -> None:
        """Tell the client why (event "auth:closed") and disconnect the socket."""
        if sid not in self.sockets:
            return
        log.info("closing socket", extra={"fields": {"sid": sid, "code": code}})
        try:
            await self.sio.emit("auth:closed", {"code": code}, to=sid, ignore_queue=True)
        except Exception as exc:  # the socket may be going away already; disconnecting is what matters
            log.info("could not tell the socket why it closes", extra={"fields": {"sid": sid, "error": str(exc)}})
        await self.sio.disconnect(sid, ignore_queue=True)

    # --- control notices ------------------------------------------------------------------------------------

    async def _control_loop(self) -> None:
        retry = 1.0
        while True:
            conn = aioredis.Redis.from_url(self.redis_url, client_name=f"wm-gw-{self.id}-control")
            pubsub = conn.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(control.CHANNEL)
                retry = 1.0
                async for message in pubsub.listen():
                    if message.get("type") == "message":
                        try:
                            await self.apply(message["data"])
                        except Exception:
                            log.exception("control notice failed")
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("control channel lost; retrying", extra={"fields": {"error": str(exc)}})
                await asyncio.sleep(retry)
                retry = min(retry * 2, 30)
            finally:
                await pubsub.aclose()
                await conn.aclose()

    async def apply(self, raw: str | bytes) -> None:
        """Apply one control notice to this process's sockets (malformed notices are logged and ignored)."""
        msg = control.parse(raw)
        if msg is None:
            log.warning("ignored malformed control notice")
            return
        kind = msg["type"]
        if kind == "revoke":
            sids = set(self.by_session.get(msg.get("session_id", ""), ())) | set(
                self.by_user.get(msg.get("user_id", ""), ())
            )
            for sid in sids:
                await self.close(sid, "token_revoked")
        elif kind == "leave":
            for sid in list(self.by_user.get(msg["user_id"], ())):
                await self.sio.leave_room(sid, msg["room"])
        elif kind == "join":
            for sid in list(self.by_user.get(msg["user_id"], ())):
                sock = self.sockets.get(sid)
                if sock is not None and await asyncio.to_thread(rooms.may_join, sock.claims(), msg["room"]):
                    await self.sio.enter_room(sid, msg["room"])
        elif kind == "close_room":
            for sid, _ in list(self.manager.get_participants("/", msg["room"])):
                await self.sio.leave_room(sid, msg["room"])

    # --- periodic work --------------------------------------------------------------------------------------

    def _online(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for sock in self.sockets.values():
            out[sock.company_id].add(sock.user_id)
        return out

    async def _heartbeat_loop(self) -> None:
        while True:
            await asyncio.sleep(self.heartbeat)
            try:
                await presence.heartbeat(self.redis, self.id, self._online(), self.presence_ttl)
            except Exception as exc:  # keep beating: one failure must not end presence for this process
                log.warning("presence heartbeat failed", extra={"fields": {"error": str(exc)}})

    async def _recheck_loop(self) -> None:
        """Close sockets whose session or user was revoked without a control notice (belt and braces)."""
        while True:
            await asyncio.sleep(self.recheck)
            try:
                await self.recheck_revoked()
            except Exception as exc:  # keep checking: one failure must not end revocation for this process
                log.warning("revocation re-check failed", extra={"fields": {"error": str(exc)}})

    async def recheck_revoked(self) -> None:
        """Close every local socket whose session or user has a revocation key, or whose session the database
        says is no longer live (the truth, when Redis lost its keys or a control notice went missing)."""
        sessions, users = list(self.by_session), list(self.by_user)
        if not sessions and not users:
            return
        held = {(s.user_id, s.company_id, s.session_id) for s in self.sockets.values()}
        dead = await asyncio.to_thread(rooms.dead_sessions, sorted(held))
        try:
            pipe = self.redis.pipeline(transaction=False)
            for s in sessions:
                pipe.exists(keys.revoked_session(s))
            for u in users:
                pipe.exists(keys.revoked_user(u))
            found = await pipe.execute()
        except aioredis.RedisError as exc:
            log.warning("revocation cache unavailable", extra={"fields": {"error": str(exc)}})
            found = [0] * (len(sessions) + len(users))
        revoked = [s for s, hit in zip(sessions, found[: len(sessions)], strict=True) if hit or s in dead]
        revoked_users = [u for u, hit in zip(users, found[len(sessions) :], strict=True) if hit]
        sids = {sid for s in revoked for sid in self.by_session.get(s, ())}
        sids |= {sid for u in revoked_users for sid in self.by_user.get(u, ())}
        for sid in sids:
            await self.close(sid, "token_revoked")


def _token(environ: dict, auth) -> str | None:
    """Return the access token from the Socket.IO `auth` payload, else an `Authorization: Bearer` header."""
    if isinstance(auth, dict) and isinstance(auth.get("token"), str):
        return auth["token"].strip() or None
    scheme, _, token = environ.get("HTTP_AUTHORIZATION", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def _canonical(value: str) -> str:
    """Return a UUID in the lower-case form rooms and control notices use."""
    return str(uuid.UUID(str(value)))


def _channel_room(data) -> str | None:
    channel = data.get("channel_id") if isinstance(data, dict) else data
    room = f"channel:{str(channel).lower()}" if isinstance(channel, str) else ""
    return room if control.ROOM.match(room) else None
