"""Load shedding: under overload, answer 503 + Retry-After at once, before any work, instead of queueing forever.

Two checks run first thing in every request of a function (health and metrics excepted):
- the queue time: a proxy in front (nginx, the local runner) stamps `X-Request-Start: t=<unix seconds>` (nginx's
  `${msec}`; milliseconds and microseconds are understood too). A request that already waited longer than
  MAX_QUEUE_MS has most likely been given up by its client: doing its work would only delay the requests behind
  it, and write what nobody will read the answer of. A missing or implausible stamp (clock skew) skips the check.
- the in-flight count: at most MAX_IN_FLIGHT requests run at once in this process (0 = no limit); the next one is
  refused rather than stacked onto a saturated worker.
Shedding is cheap (no token check, no database), so a worker refusing load drains its queue quickly.
"""

from __future__ import annotations

import threading
import time

from .errors import ApiError

RETRY_AFTER_SECONDS = 1
_MAX_PLAUSIBLE_QUEUE = 3600.0  # a stamp older than this is a wrong clock, not a queue


class Overloaded(ApiError):
    """503: this worker is saturated or the request waited too long; the client should retry shortly."""

    status, code = 503, "overloaded"


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


def _refuse(message: str) -> Overloaded:
    return Overloaded(message, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def admit(gate: Gate, stamp: str | None, max_queue_ms: int) -> None:
    """Count the request in `gate`; raise Overloaded (503 + Retry-After) when it queued too long or the gate is full.

    The caller must `gate.leave()` once the request ends, when (and only when) this returned."""
    waited = queued_seconds(stamp)
    if max_queue_ms and waited is not None and waited * 1000 > max_queue_ms:
        raise _refuse("The server is busy (the request waited too long); try again shortly.")
    if not gate.enter():
        raise _refuse("The server is busy; try again shortly.")
