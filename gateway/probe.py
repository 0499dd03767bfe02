"""A recording Socket.IO client for tests and benchmarks: connects with a token and keeps every event it gets."""

from __future__ import annotations

import asyncio
import time

import socketio


class Probe:
    """One asyncio Socket.IO client that records (event, data, received_at) and why it was refused or closed."""

    opened: list[Probe] = []

    def __init__(self, url: str, token: str, on_event=None, http_session=None):
        Probe.opened.append(self)
        self.url, self.token = url, token
        self._own_http = http_session is None
        extra = {} if http_session is None else {"http_session": http_session}
        self.client = socketio.AsyncClient(reconnection=False, handle_sigint=False, **extra)
        self.events: list[tuple[str, object, float]] = []
        self.refused: dict | None = None
        self.disconnected = asyncio.Event()
        self._on_event = on_event
        self.client.on("*", self._record)
        self.client.on("connect_error", self._refused)
        self.client.on("disconnect", self._gone)

    async def _record(self, event: str, data=None) -> None:
        now = time.time()
        self.events.append((event, data, now))
        if self._on_event is not None:
            self._on_event(event, data, now)

    async def _refused(self, data=None) -> None:
        self.refused = data if isinstance(data, dict) else {"message": str(data)}

    async def _gone(self, reason=None) -> None:
        self.disconnected.set()

    async def connect(self, timeout: float = 10) -> bool:
        """Connect over WebSocket; return True when accepted, False when refused (see `refused`)."""
        try:
            await self.client.connect(
                self.url, auth={"token": self.token}, transports=["websocket"], wait_timeout=timeout
            )
        except socketio.exceptions.ConnectionError:
            return False
        return True

    def got(self, event: str) -> list:
        """Return the payloads received for `event`, in order."""
        return [data for name, data, _ in self.events if name == event]

    async def call(self, event: str, data=None, timeout: float = 5):
        """Emit `event` and return the server's acknowledgement."""
        return await self.client.call(event, data, timeout=timeout)

    async def close(self) -> None:
        """Disconnect if still connected and release the HTTP session."""
        if self.client.connected:
            await self.client.disconnect()
        http = getattr(self.client.eio, "http", None)
        if self._own_http and http is not None and not http.closed:
            await http.close()

    @classmethod
    async def close_all(cls) -> None:
        """Close every probe created so far in this process."""
        probes, cls.opened = cls.opened, []
        await asyncio.gather(*(p.close() for p in probes), return_exceptions=True)


async def eventually(check, timeout: float = 5, interval: float = 0.02) -> bool:
    """Return True as soon as check() is truthy, False after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        await asyncio.sleep(interval)
    return bool(check())
