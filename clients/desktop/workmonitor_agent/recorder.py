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
    active: float = 0.0  # seconds with input, measured per poll interval


def iso(ts: float) -> str:
    """Return a wall-clock timestamp in the API's dialect: RFC 3339 UTC with `Z` and microseconds."""
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def input_seconds(span: float, keyboard: int, mouse: int, idle_for: float | None) -> float:
    """Return the seconds with input in a poll interval of `span` seconds: each input event marks at most one
    second (so a burst of typing in one second is one active second, never the whole sample); without event
    counts (Wayland) an input seen by the idle clock inside the interval marks one second."""
    events = keyboard + mouse
    if not events and idle_for is not None and idle_for < span:
        events = 1
    return min(span, float(events))


class Recorder:
    """Turns polls into samples: a sample ends when the window or idle state changes, when it reaches
    `sample_seconds`, or at a wall-clock gap larger than `gap_seconds` (sleep, suspend, a frozen process):
    the gap itself is never recorded, so a suspended laptop does not count as idle time.

    What must stay true: activity is counted per second (seconds with input), and idle time starts at the last
    input, not when the idle threshold was reached. So samples that end after the last input are held back
    (`held`, at most one idle threshold's worth) until input returns (they are sent as they are) or idle is
    declared (their part after the last input becomes idle samples)."""

    def __init__(self, sample_seconds: float, gap_seconds: float, emit: Callable[[dict], None]):
        self.sample_seconds, self.gap_seconds, self.emit = sample_seconds, gap_seconds, emit
        self.cur: _Open | None = None
        self.held: list[_Open] = []
        self.gaps = 0

    def tick(
        self,
        now: float,
        window: Window | None,
        idle: bool,
        keyboard: int = 0,
        mouse: int = 0,
        idle_for: float | None = None,
    ) -> None:
        """Account the time since the previous poll to the state seen now (`idle_for`: seconds since the last
        input when the platform knows it; without it nothing is held back)."""
        key = (window.app if window else "", window.title if window else "", idle)
        cur = self.cur
        if cur is not None and (now < cur.end or now - cur.end > self.gap_seconds):
            self.gaps += 1
            self.flush()
            cur = None
        if cur is None:
            self.cur = _Open(now, now, key, keyboard, mouse)
        else:
            if not cur.key[2]:
                cur.active += input_seconds(now - cur.end, keyboard, mouse, idle_for)
            cur.end = now
            cur.keyboard += keyboard
            cur.mouse += mouse
            if cur.key != key or now - cur.start >= self.sample_seconds:
                self._close(now, key)
        if idle and idle_for is not None and not (cur is not None and cur.key[2]):
            self._idle_since(now - idle_for)
        self._release(now if idle or idle_for is None else now - idle_for)

    def _close(self, now: float, next_key: tuple) -> None:
        cur = self.cur
        if round(cur.end - cur.start) < 1:
            # Shorter than the API's one-second minimum: fold it into what follows instead of losing it.
            self.cur = _Open(cur.start, now, next_key, cur.keyboard, cur.mouse, cur.active)
            return
        self.held.append(cur)
        self.cur = _Open(now, now, next_key)

    def _idle_since(self, since: float) -> None:
        """Idle was just declared: the held samples' time after the last input (`since`) becomes idle."""
        out: list[_Open] = []
        for s in self.held:
            cut = max(s.start, since)
            if s.end - cut < 1:  # (almost) all before the last input: it stays as it is
                out.append(s)
            elif cut - s.start < 1:  # all after the last input
                out.append(_Open(s.start, s.end, (s.key[0], s.key[1], True)))
            else:
                before = _Open(s.start, cut, s.key, s.keyboard, s.mouse, min(s.active, cut - s.start))
                out += [before, _Open(cut, s.end, (s.key[0], s.key[1], True))]
        self.held = out

    def _release(self, settled: float) -> None:
        """Emit the held samples that end by `settled` (the last input, or now)."""
        while self.held and self.held[0].end <= settled + 1e-6:
            self._emit(self.held.pop(0))

    def held_state(self) -> list[list]:
        """Return the held samples as JSON-able rows (the daemon keeps them on disk so a crash loses none)."""
        return [[h.start, h.end, list(h.key), h.keyboard, h.mouse, h.active] for h in self.held]

    def restore(self, rows: list[list]) -> None:
        """Emit samples held by a previous process as they were (whether idle followed is no longer known)."""
        for start, end, key, keyboard, mouse, active in rows:
            self._emit(_Open(start, end, tuple(key), keyboard, mouse, active))

    def flush(self, now: float | None = None) -> None:
        """End the open sample (at `now`, else at its last poll) and emit everything held and open (if it lasted
        at least one second)."""
        cur, self.cur = self.cur, None
        if cur is not None:
            if now is not None and 0 <= now - cur.end <= self.gap_seconds:
                cur.end = now
            if round(cur.end - cur.start) >= 1:
                self.held.append(cur)
        self._release(float("inf"))

    def _emit(self, cur: _Open) -> None:
        app, title, idle = cur.key
        duration = max(1, min(3600, round(cur.end - cur.start)))
        active = 0 if idle else min(duration, round(cur.active))
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
