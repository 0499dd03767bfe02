"""Optional push from the WebSocket gateway (python-socketio client): a timer started or stopped in the web app
reaches the agent at once instead of at the next poll. Without the package or the gateway, polling still works."""

from __future__ import annotations

import logging
import threading

from .api import Client, LoggedOut, Offline
from .store import Store

log = logging.getLogger("workmonitor_agent")
EVENTS = ("timer.started", "timer.stopped", "entry.updated", "entry.deleted", "consent.changed")


def socket_url(server: str, configured: str | None) -> str:
    """Return the gateway URL: the configured one, else the server's origin (nginx routes /socket.io/ there)."""
    if configured:
        return configured.rstrip("/")
    return server.rstrip("/").removesuffix("/function")


class Push:
    """Keeps a Socket.IO connection to the user's room and pokes `on_event` for timer/consent events."""

    def __init__(self, db_path, server: str, tokens, url: str, on_event):
        self.url, self.on_event = url, on_event
        self.db_path, self.server, self.tokens = db_path, server, tokens
        self.sio = None
        self.connected = threading.Event()

    def start(self) -> bool:
        """Connect in the background; return False when python-socketio is not installed."""
        try:
            import socketio
        except ImportError:
            log.info("python-socketio not installed: following the timer by polling only")
            return False
        self.sio = socketio.Client(
            reconnection=True, reconnection_delay=1, reconnection_delay_max=30, handle_sigint=False
        )
        for name in EVENTS:
            self.sio.on(name, lambda data=None, _name=name: self._event(_name))
        self.sio.on("connect", lambda: (self.connected.set(), log.info("push: connected to %s", self.url)))
        self.sio.on("disconnect", lambda *_: self.connected.clear())
        threading.Thread(target=self._connect, name="push", daemon=True).start()
        return True

    def _auth(self) -> dict:
        store = Store(self.db_path)
        try:
            return {"token": Client(self.server, self.tokens, store)._access()}
        finally:
            store.close()

    def _connect(self) -> None:
        try:
            # auth is a callable so every reconnection presents a fresh access token.
            self.sio.connect(self.url, auth=self._auth, wait_timeout=10, retry=True)
        except (Offline, LoggedOut) as exc:
            log.info("push: not connected (%s); polling continues", exc)
        except Exception as exc:  # gateway missing or refusing: polling is the fallback, never fatal
            log.info("push: gateway at %s unavailable (%s); polling continues", self.url, exc)

    def _event(self, name: str) -> None:
        log.info("push: %s", name)
        self.on_event(name)

    def stop(self) -> None:
        """Disconnect."""
        if self.sio is not None:
            # The polling transport's disconnect can block on an open long-poll: never hold up shutdown for it.
            closer = threading.Thread(target=self._disconnect, name="push-close", daemon=True)
            closer.start()
            closer.join(2)

    def _disconnect(self) -> None:
        try:
            self.sio.disconnect()
        except Exception:  # already gone
            log.debug("push: disconnect failed", exc_info=True)
