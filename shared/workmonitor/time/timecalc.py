"""Time arithmetic for reports: rounding rules, local-day splitting (DST-correct) and company weeks.

Every instant is an aware datetime; differences are always taken in UTC, because subtracting two datetimes
that share a tzinfo ignores their offsets (the wall-clock difference across a DST change is wrong by 1h).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

ROUNDING_MODES = ("none", "up", "down", "nearest")
ROUNDING_MINUTES = (1, 5, 6, 10, 15)


@dataclass(frozen=True)
class Rounding:
    """A company's rounding rule: `mode` to a multiple of `minutes`, applied per entry in reports."""

    mode: str = "none"
    minutes: int = 1

    def __post_init__(self):
        if self.mode not in ROUNDING_MODES:
            raise ValueError(f"rounding mode must be one of {ROUNDING_MODES}")
        if self.minutes not in ROUNDING_MINUTES:
            raise ValueError(f"rounding minutes must be one of {ROUNDING_MINUTES}")

    def apply(self, seconds: float) -> int:
        """Return `seconds` rounded by this rule (whole seconds)."""
        return round_seconds(seconds, self.mode, self.minutes)


def round_seconds(seconds: float, mode: str, minutes: int) -> int:
    """Return `seconds` rounded up/down/to the nearest multiple of `minutes` (half rounds up); 'none' keeps it."""
    seconds = max(0, int(seconds))
    step = minutes * 60
    if mode == "none" or step <= 0:
        return seconds
    if mode == "up":
        return math.ceil(seconds / step) * step
    if mode == "down":
        return (seconds // step) * step
    if mode == "nearest":
        return ((seconds + step // 2) // step) * step
    raise ValueError(f"unknown rounding mode {mode!r}")


def to_utc(value: datetime) -> datetime:
    """Return aware `value` in UTC; raise ValueError for a naive datetime."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("a time zone offset is required")
    return value.astimezone(UTC)


def local_midnight(day: date, tz: str | ZoneInfo) -> datetime:
    """Return the UTC instant at which local `day` starts in `tz` (the first valid instant if midnight is skipped)."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    start = datetime.combine(day, time(0), tzinfo=zone)
    # A skipped midnight (DST at 00:00) resolves, with fold=0, to the instant the clocks jump: the day's start.
    return start.astimezone(UTC)


def local_range(first: date, last: date, tz: str | ZoneInfo) -> tuple[datetime, datetime]:
    """Return (start, end) in UTC covering local days first..last inclusive in `tz`."""
    return local_midnight(first, tz), local_midnight(last + timedelta(days=1), tz)


def local_date(instant: datetime, tz: str | ZoneInfo) -> date:
    """Return the local calendar date of `instant` in `tz`."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    return to_utc(instant).astimezone(zone).date()


def day_length(day: date, tz: str | ZoneInfo) -> int:
    """Return the length of local `day` in seconds (82800 or 90000 on DST change days)."""
    start, end = local_range(day, day, tz)
    return int((end - start).total_seconds())


def split_by_local_day(start: datetime, end: datetime, tz: str | ZoneInfo) -> list[tuple[date, int]]:
    """Return [(local date, seconds)] of the interval start..end cut at each local midnight of `tz`."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    cur, end = to_utc(start), to_utc(end)
    pieces: list[tuple[date, int]] = []
    while cur < end:
        day = local_date(cur, zone)
        boundary = min(end, local_midnight(day + timedelta(days=1), zone))
        pieces.append((day, int((boundary - cur).total_seconds())))
        cur = boundary
    return pieces


def week_start_of(day: date, week_start: int) -> date:
    """Return the first day of the week containing `day`, weeks starting on ISO weekday `week_start` (1=Monday)."""
    if not 1 <= week_start <= 7:
        raise ValueError("week_start must be an ISO weekday 1..7")
    return day - timedelta(days=(day.isoweekday() - week_start) % 7)


def week_of(day: date, week_start: int) -> tuple[date, date]:
    """Return (first, last) local dates of the week containing `day`."""
    first = week_start_of(day, week_start)
    return first, first + timedelta(days=6)


def daily_totals(
    entries: list[dict],
    tz: str,
    rounding: Rounding,
    first: date | None = None,
    last: date | None = None,
    now: datetime | None = None,
) -> list[dict]:
    """Return [{date, seconds, rounded_seconds, billable_seconds}] per local day, entries cut at local midnight.

    Each entry needs started_at, ended_at (None while running: counted up to `now`) and billable. Rounding is
    applied to each piece, so a day's rounded total is the sum of its rounded pieces. Days between `first`
    and `last` with no time are included with zeros.
    """
    now = to_utc(now or datetime.now(UTC))
    days: dict[date, dict] = {}
    if first and last:
        d = first
        while d <= last:
            days[d] = {"date": d.isoformat(), "seconds": 0, "rounded_seconds": 0, "billable_seconds": 0}
            d += timedelta(days=1)
    for e in entries:
        end = e["ended_at"] or now
        for day, secs in split_by_local_day(e["started_at"], end, tz):
            if (first and day < first) or (last and day > last):
                continue
            row = days.setdefault(
                day, {"date": day.isoformat(), "seconds": 0, "rounded_seconds": 0, "billable_seconds": 0}
            )
            row["seconds"] += secs
            row["rounded_seconds"] += rounding.apply(secs)
            if e.get("billable"):
                row["billable_seconds"] += secs
    return [days[d] for d in sorted(days)]
