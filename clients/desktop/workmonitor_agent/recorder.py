"""Pure timing logic (no I/O, testable with a fake clock): samples from polls, screenshot schedule, backoff."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from .capture import Window


@dataclass
class _Open:
    start: float
    end: float
    key: tuple
    keyboard: int = 0
    mouse: int = 0


def iso(ts: float) -> str:
    """Return a wall-clock timestamp in the API's dialect: RFC 3339 UTC with `Z` and microseconds."""
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Recorder:
    """Turns polls into samples: a sample ends when the window or idle state changes, when it reaches
    `sample_seconds`, or at a wall-clock gap larger than `gap_seconds` (sleep, suspend, a frozen process):
    the gap itself is never recorded, so a suspended laptop does not count as idle time."""

    def __init__(self, sample_seconds: float, gap_seconds: float, emit: Callable[[dict], None]):
        self.sample_seconds, self.gap_seconds, self.emit = sample_seconds, gap_seconds, emit
        self.cur: _Open | None = None
        self.gaps = 0

    def tick(self, now: float, window: Window | None, idle: bool, keyboard: int = 0, mouse: int = 0) -> None:
        """Account the time since the previous poll to the state seen now."""
        key = (window.app if window else "", window.title if window else "", idle)
        cur = self.cur
        if cur is not None and (now < cur.end or now - cur.end > self.gap_seconds):
            self.gaps += 1
            self.flush()
            cur = None
        if cur is None:
            self.cur = _Open(now, now, key, keyboard, mouse)
            return
        cur.end = now
        cur.keyboard += keyboard
        cur.mouse += mouse
        if cur.key != key or now - cur.start >= self.sample_seconds:
            self._close(now, key)

    def _close(self, now: float, next_key: tuple) -> None:
        cur = self.cur
        if round(cur.end - cur.start) < 1:
            # Shorter than the API's one-second minimum: fold it into what follows instead of losing it.
            self.cur = _Open(cur.start, now, next_key, cur.keyboard, cur.mouse)
            return
        self._emit(cur)
        self.cur = _Open(now, now, next_key)

    def flush(self, now: float | None = None) -> None:
        """End the open sample (at `now`, else at its last poll) and emit it if it lasted at least one second."""
        cur, self.cur = self.cur, None
        if cur is None:
            return
        if now is not None and 0 <= now - cur.end <= self.gap_seconds:
            cur.end = now
        if round(cur.end - cur.start) >= 1:
            self._emit(cur)

    def _emit(self, cur: _Open) -> None:
        app, title, idle = cur.key
        duration = max(1, min(3600, round(cur.end - cur.start)))
        active = 0 if idle else min(duration, cur.keyboard + cur.mouse)
        self.emit(
            {
                "started_at": iso(cur.start),
                "duration": duration,
                "app": app[:200],
                "title": title[:1000],
                "keyboard": cur.keyboard,
                "mouse": cur.mouse,
                "idle": idle,
                "active_seconds": active,
            }
        )


class ShotSchedule:
    """One screenshot at a random moment inside each interval window (so nobody can time their screen)."""

    def __init__(self, rng: random.Random | None = None):
        self.rng = rng or random.Random()
        self.window_start: float | None = None
        self.due: float | None = None
        self.interval = 0.0

    def next_due(self, now: float, interval: float) -> float:
        """Return when the next screenshot is due, planning a new window when the interval changes or passes."""
        if self.due is None or interval != self.interval:
            self.interval, self.window_start = interval, now
            self.due = now + self.rng.uniform(0.1, 1.0) * interval
        return self.due

    def taken(self, now: float) -> None:
        """Plan the next window after a screenshot (or a skipped one)."""
        start = max(self.window_start + self.interval, now)
        self.window_start = start
        self.due = start + self.rng.uniform(0.1, 1.0) * self.interval

    def reset(self) -> None:
        """Forget the plan (paused, timer stopped, consent withdrawn)."""
        self.due = None


class Backoff:
    """Exponential backoff with full jitter: delay in [0, min(cap, base * 2**failures)]."""

    def __init__(self, base: float, cap: float, rng: random.Random | None = None):
        self.base, self.cap, self.rng = base, cap, rng or random.Random()
        self.failures = 0

    def fail(self) -> float:
        """Record a failure; return how long to wait before the next try."""
        self.failures += 1
        return self.rng.uniform(self.base / 2, min(self.cap, self.base * 2**self.failures))

    def ok(self) -> None:
        """Record a success."""
        self.failures = 0
