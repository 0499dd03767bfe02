"""Load shedding: under overload, answer 503 + Retry-After at once, before any work, instead of queueing forever.

Two checks run first thing in every request of a function (health and metrics excepted):
- the queue time: a proxy in front (nginx, the local runner) stamps `X-Request-Start: t=<unix seconds>` (nginx's
  `${msec}`; milliseconds and microseconds are understood too). A request that already waited longer than
  MAX_QUEUE_MS has most likely been given up by its client: doing its work would only delay the requests behind
  it, and write what nobody will read the answer of. A missing or implausible stamp (clock skew) skips the check.
- the in-flight count: at most MAX_IN_FLIGHT requests run at once in this process (0 = no limit); the next one is
  refused rather than stacked onto a saturated worker.
Shedding is a WSGI middleware in front of the Flask app (`shed`): a refusal costs no routing, token check, database
or logging, so a worker refusing load drains its queue quickly. Refusals are counted in the metrics.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable

from . import metrics

RETRY_AFTER_SECONDS = 1
_MAX_PLAUSIBLE_QUEUE = 3600.0  # a stamp older than this is a wrong clock, not a queue
_UNSHED = ("/healthz", "/readyz", "/metrics")  # orchestrators and Prometheus must reach a busy worker


class Gate:
    """A bounded count of the requests running in this process."""

    def __init__(self, limit: int):
        self.limit = limit
        self.running = 0
        self._lock = threading.Lock()

    def enter(self) -> bool:
        """Count one more running request and return True, or return False when the limit is reached."""
        with self._lock:
            if self.limit and self.running >= self.limit:
                return False
            self.running += 1
            return True

    def leave(self) -> None:
        """Count a request (admitted by `enter`) as finished."""
        with self._lock:
            self.running -= 1


def queued_seconds(stamp: str | None, now: float | None = None) -> float | None:
    """Return how long ago X-Request-Start `stamp` was set, in seconds; None when absent, malformed or implausible."""
    if not stamp:
        return None
    raw = stamp.strip().removeprefix("t=")
    try:
        value = float(raw)
    except ValueError:
        return None
    if value > 1e14:  # microseconds
        value /= 1e6
    elif value > 1e11:  # milliseconds
        value /= 1e3
    waited = (time.time() if now is None else now) - value
    return waited if -1.0 <= waited <= _MAX_PLAUSIBLE_QUEUE else None


LARGE_BODY_BYTES = 1_048_576


def _content_length(environ: dict) -> int:
    try:
        return int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def shed(wsgi_app: Callable, function: str, gate: Gate, max_queue_ms: int) -> Callable:
    """Return `wsgi_app` behind the queue-time and in-flight checks: 503 + Retry-After, unworked, when either fails."""

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "OPTIONS" or environ.get("PATH_INFO", "").endswith(_UNSHED):
            return wsgi_app(environ, start_response)
        # The stamp is taken before buffering proxies pass the body on: an upload's transfer time is not queueing.
        large_body = _content_length(environ) > LARGE_BODY_BYTES or "chunked" in environ.get(
            "HTTP_TRANSFER_ENCODING", ""
        )
        waited = None if large_body else queued_seconds(environ.get("HTTP_X_REQUEST_START"))
        if max_queue_ms and waited is not None and waited * 1000 > max_queue_ms:
            return _refuse(function, start_response, "The server is busy (the request waited too long); retry.")
        if not gate.enter():
            return _refuse(function, start_response, "The server is busy; try again shortly.")
        try:
            return wsgi_app(environ, start_response)  # Flask builds the whole response before returning
        finally:
            gate.leave()

    return app


def _refuse(function: str, start_response: Callable, message: str) -> list[bytes]:
    body = json.dumps({"error": {"code": "overloaded", "message": message, "fields": {}}}).encode()
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    start_response("503 Service Unavailable", [*headers, ("Retry-After", str(RETRY_AFTER_SECONDS))])
    metrics.observe(function, "shed", "ANY", 503, 0.0)
    return [body]
