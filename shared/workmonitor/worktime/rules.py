"""Working-time rules (Germany's ArbZG, the EU Working Time Directive, or a company's own), checked on work intervals.

What must stay true:
- Durations are real elapsed time (UTC instants subtracted), so a night across a DST change counts 7 or 9 hours,
  never the wall clock's 8. Days, Sundays and nights are the user's local ones (zoneinfo).
- An interval belongs to the local day it started on (a shift across midnight is one day's work); Sunday and
  night work are the overlap with the local Sunday and the local night window, wherever the shift started.
- Time entries and attendance may describe the same work: intervals are merged before anything is counted.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class RuleSet:
    """Limits in minutes (0 turns a rule off); the night window in local hours."""

    preset: str = "de_arbzg"
    break_after_6h: int = 30  # break needed once the day's work exceeds 6 h
    break_after_9h: int = 45  # ... and once it exceeds 9 h
    min_break_block: int = 15  # shorter pauses do not count as a break
    max_daily: int = 600
    min_rest: int = 660
    max_weekly_avg: int = 2880
    reference_weeks: int = 24
    flag_sunday: bool = True
    flag_night: bool = True
    night_start_hour: int = 23
    night_end_hour: int = 6
    night_min_minutes: int = 120  # night work counts from more than this many minutes in the window
    auto_deduct_breaks: bool = False

    def as_dict(self) -> dict:
        """Return the rule set as plain values."""
        return asdict(self)


PRESETS = {
    # Arbeitszeitgesetz: §4 breaks, §3 8 h (10 h) a day and 48 h on average over 6 months, §5 rest, §6 night 23-6.
    "de_arbzg": RuleSet(),
    # Directive 2003/88/EC: a break past 6 h (length by national law), 11 h daily rest (so at most 13 h a day),
    # 48 h a week on average over a reference period of up to 4 months.
    "eu_wtd": RuleSet(
        preset="eu_wtd",
        break_after_6h=15,
        break_after_9h=0,
        max_daily=780,
        reference_weeks=17,
        night_start_hour=22,
        night_end_hour=5,
        night_min_minutes=180,
    ),
}
CUSTOMIZABLE = [f.name for f in fields(RuleSet) if f.name != "preset"]


def ruleset(preset: str, overrides: dict | None = None) -> RuleSet:
    """Return the preset's rules with a company's overrides applied (unknown keys ignored)."""
    base = PRESETS.get(preset, PRESETS["de_arbzg"])
    known = {k: v for k, v in (overrides or {}).items() if k in CUSTOMIZABLE}
    return replace(base, **known)


def merge(intervals: list[Interval]) -> list[Interval]:
    """Return the intervals sorted, overlapping or touching ones joined."""
    out: list[Interval] = []
    # In UTC: Python subtracts two datetimes of one zone by their wall clocks, wrong across a DST change.
    utc = [(a.astimezone(UTC), b.astimezone(UTC)) for a, b in intervals]
    for start, end in sorted(i for i in utc if i[1] > i[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def _local(day: date, hour: int, tz: ZoneInfo) -> datetime:
    """Return the instant (in UTC) of `hour`:00 local time on `day`."""
    return datetime.combine(day, time(hour), tz).astimezone(UTC)


def _overlap(intervals: list[Interval], start: datetime, end: datetime) -> timedelta:
    total = timedelta()
    for a, b in intervals:
        lo, hi = max(a, start), min(b, end)
        if hi > lo:
            total += hi - lo
    return total


def by_day(intervals: list[Interval], tz: ZoneInfo) -> dict[date, list[Interval]]:
    """Group merged intervals by the local day each started on."""
    days: dict[date, list[Interval]] = {}
    for start, end in intervals:
        days.setdefault(start.astimezone(tz).date(), []).append((start, end))
    return days


def _violation(day: date, rule: str, severity: str, message: str, value: int, limit: int) -> dict:
    return {
        "date": day,
        "rule": rule,
        "severity": severity,
        "message": message,
        "value_minutes": value,
        "limit_minutes": limit,
    }


def check(intervals: list[Interval], tz_name: str, rules: RuleSet, first: date, last: date, week_start: int = 0):
    """Return the violations and flags on the local days first..last (sorted by day and rule), given every work
    interval from `rules.reference_weeks` weeks before `first` on. `week_start`: 0 = Monday."""
    tz = ZoneInfo(tz_name)
    merged = merge(intervals)
    days = by_day(merged, tz)
    found: list[dict] = []
    for day in sorted(d for d in days if first <= d <= last):
        found += _daily(day, days[day], rules)
    found += _rest(days, rules, first, last)
    found += _weekly(days, rules, first, last, week_start)
    day = first
    while day <= last:
        found += _sunday_and_night(merged, day, tz, rules)
        day += timedelta(days=1)
    return sorted(found, key=lambda v: (v["date"], v["rule"]))


def worked_minutes(intervals: list[Interval]) -> int:
    """Return the minutes worked in `intervals` (merged, from one day)."""
    return _minutes(sum((b - a for a, b in intervals), timedelta()))


def break_minutes(intervals: list[Interval], min_block: int) -> int:
    """Return the minutes of pause between a day's intervals, counting only pauses of at least `min_block`."""
    gaps = [_minutes(b[0] - a[1]) for a, b in zip(intervals, intervals[1:], strict=False)]
    return sum(g for g in gaps if g >= min_block)


def required_break(worked: int, rules: RuleSet) -> int:
    """Return the break the rules require for `worked` minutes in a day."""
    if rules.break_after_9h and worked > 9 * 60:
        return rules.break_after_9h
    if rules.break_after_6h and worked > 6 * 60:
        return rules.break_after_6h
    return 0


def _daily(day: date, intervals: list[Interval], rules: RuleSet) -> list[dict]:
    out = []
    worked = worked_minutes(intervals)
    taken, needed = break_minutes(intervals, rules.min_break_block), required_break(worked, rules)
    if taken < needed:
        out.append(
            _violation(
                day,
                "break",
                "violation",
                f"{worked // 60} h {worked % 60} min worked with {taken} min of breaks; {needed} min are required",
                taken,
                needed,
            )
        )
    if rules.max_daily and worked > rules.max_daily:
        out.append(
            _violation(
                day,
                "max_daily",
                "violation",
                f"{worked // 60} h {worked % 60} min worked; at most {rules.max_daily // 60} h a day",
                worked,
                rules.max_daily,
            )
        )
    return out


def _rest(days: dict[date, list[Interval]], rules: RuleSet, first: date, last: date) -> list[dict]:
    if not rules.min_rest:
        return []
    out = []
    ordered = sorted(days)
    for prev, day in zip(ordered, ordered[1:], strict=False):
        if not first <= day <= last:
            continue
        rest = _minutes(days[day][0][0] - days[prev][-1][1])
        if rest < rules.min_rest:
            out.append(
                _violation(
                    day,
                    "rest",
                    "violation",
                    f"{rest // 60} h {rest % 60} min of rest since the previous day's work;"
                    f" {rules.min_rest // 60} h are required",
                    rest,
                    rules.min_rest,
                )
            )
    return out


def _weekly(days: dict[date, list[Interval]], rules: RuleSet, first: date, last: date, week_start: int) -> list[dict]:
    if not rules.max_weekly_avg or rules.reference_weeks < 1:
        return []
    out = []
    end = last
    # The last day of each week that ends within first..last.
    while (end.weekday() - week_start) % 7 != 6:
        end -= timedelta(days=1)
    while end >= first:
        since = end - timedelta(weeks=rules.reference_weeks) + timedelta(days=1)
        total = sum(worked_minutes(v) for d, v in days.items() if since <= d <= end)
        avg = total // rules.reference_weeks
        if avg > rules.max_weekly_avg:
            out.append(
                _violation(
                    end,
                    "weekly_average",
                    "violation",
                    f"{avg // 60} h {avg % 60} min a week on average over {rules.reference_weeks}"
                    f" weeks; at most {rules.max_weekly_avg // 60} h",
                    avg,
                    rules.max_weekly_avg,
                )
            )
        end -= timedelta(weeks=1)
    return out


def _sunday_and_night(merged: list[Interval], day: date, tz: ZoneInfo, rules: RuleSet) -> list[dict]:
    out = []
    start, end = _local(day, 0, tz), _local(day + timedelta(days=1), 0, tz)
    if rules.flag_sunday and day.weekday() == 6:
        mins = _minutes(_overlap(merged, start, end))
        if mins > 0:
            out.append(_violation(day, "sunday", "flag", f"{mins // 60} h {mins % 60} min worked on a Sunday", mins, 0))
    if rules.flag_night:
        n_start = _local(day, rules.night_start_hour, tz)
        n_end = _local(
            day + timedelta(days=1 if rules.night_end_hour <= rules.night_start_hour else 0), rules.night_end_hour, tz
        )
        mins = _minutes(_overlap(merged, n_start, n_end))
        if mins > rules.night_min_minutes:
            out.append(
                _violation(
                    day,
                    "night",
                    "flag",
                    f"{mins // 60} h {mins % 60} min of night work ({rules.night_start_hour}:00-"
                    f"{rules.night_end_hour}:00)",
                    mins,
                    rules.night_min_minutes,
                )
            )
    return out
