"""The payroll engine (pure: no database): one employee's lines for one pay period.

Rules (docs/finance.md says the same for people):
- Hours are the seconds actually worked, cut at local midnights of the company's time zone, so a week that
  crosses a DST change pays 1 hour more or less exactly as worked (UTC differences, never wall-clock ones).
- The wage rate of a day is the newest rate effective on or before that local day: a rate change mid-period
  splits the period's lines at the change; a new rate never rewrites a finalized run.
- Overtime, day by day in order, per week of the company's week start: seconds over the daily threshold are
  overtime; of the rest, seconds over the weekly threshold (counting the week's earlier days, also those before
  the period) are overtime. Overtime pays rate x multiplier. Weekend (Sat/Sun) and holiday seconds add a
  premium line (rate x premium); a holiday premium replaces the weekend one on the same day.
- Night premium (optional, 0 = off): the seconds actually worked inside the company's local night window
  (`night_start`..`night_end`, e.g. 22:00-06:00, crossing midnight allowed; UTC differences, so the DST night pays
  the hour more or less that was worked) add a `night_premium` line (rate x premium). It STACKS with the weekend or
  holiday premium and with overtime, as shift differentials and night supplements usually do (German §3b EStG
  night/Sunday/holiday supplements, US shift differentials): each premium pays for a different inconvenience,
  always as a fraction of the base rate, never of an overtime or other premium rate. Night seconds belong to the
  local day they were worked on (a 20:00-02:00 shift has 2 night hours on each day). A window edge on a wall time
  that happens twice (the autumn fold) is its first occurrence; one that does not exist (the spring gap) is read
  with the offset before the change (02:30 is then 03:30 summer time).
- Paid leave pays `leave_hours_per_day` for each weekday of the leave inside the period that is not a holiday
  (half for a half day), at that day's rate. Salaried employees' leave is in their salary.
- Salaried: annual amount / periods per year, prorated by calendar days when the rate changes in the period.
- Approved time from before the period that no finalized run paid (late approvals, corrections) becomes
  adjustment lines at straight time. Approved reimbursable expenses become reimbursement lines.
- Each line is rounded once, half-up (workmonitor.finance.money); a payslip's total is the sum of its lines.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from ..time.timecalc import split_by_local_day, to_utc, week_start_of
from . import money

PERIODS_PER_YEAR = {"weekly": 52, "biweekly": 26, "semimonthly": 24, "monthly": 12}


@dataclass(frozen=True)
class Rules:
    """A company's payroll rules (finance_settings)."""

    currency: str
    timezone: str
    week_start: int
    frequency: str
    daily_overtime_seconds: int | None = None
    weekly_overtime_seconds: int | None = None
    overtime_multiplier: Decimal = Decimal("1.5")
    weekend_premium: Decimal = Decimal(0)
    holiday_premium: Decimal = Decimal(0)
    night_premium: Decimal = Decimal(0)
    night_start: time = time(22)
    night_end: time = time(6)
    leave_seconds_per_day: int = 8 * 3600
    holidays: frozenset[date] = frozenset()


@dataclass(frozen=True)
class Rate:
    effective_from: date
    kind: str  # hourly | salaried
    amount: Decimal


@dataclass
class Employee:
    """One employee's inputs: rates (any order), approved entries (id, start, end, already paid), leave, expenses."""

    user_id: str
    rates: list[Rate]
    entries: list[tuple[str, datetime, datetime, bool]] = field(default_factory=list)
    leave: list[tuple[str, date, date, bool, bool]] = field(default_factory=list)
    expenses: list[tuple[str, int, str]] = field(default_factory=list)


@dataclass
class Line:
    kind: str
    description: str
    amount_minor: int
    seconds: int = 0
    rate: Decimal | None = None
    multiplier: Decimal | None = None


@dataclass
class Result:
    lines: list[Line]
    sources: list[tuple[str, str]]  # (kind, id)


def period_of(day: date, frequency: str, week_start: int, anchor: date) -> tuple[date, date]:
    """Return the (first, last) day of the pay period containing `day`."""
    if frequency == "weekly":
        first = week_start_of(day, week_start)
        return first, first + timedelta(days=6)
    if frequency == "biweekly":
        anchor = week_start_of(anchor, week_start)
        first = anchor + timedelta(days=14 * ((day - anchor).days // 14))
        return first, first + timedelta(days=13)
    month_end = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if frequency == "semimonthly":
        return (day.replace(day=1), day.replace(day=15)) if day.day <= 15 else (day.replace(day=16), month_end)
    if frequency == "monthly":
        return day.replace(day=1), month_end
    raise ValueError(f"unknown pay frequency {frequency}")


def rate_on(rates: list[Rate], day: date) -> Rate | None:
    """Return the rate effective on `day` (the newest one starting on or before it)."""
    found = None
    for r in rates:  # sorted by effective_from
        if r.effective_from <= day:
            found = r
        else:
            break
    return found


class _Buckets:
    """Seconds per (kind, rate, multiplier), turned into one line each."""

    def __init__(self) -> None:
        self.seconds: dict[tuple[str, Decimal, Decimal], int] = defaultdict(int)

    def add(self, kind: str, rate: Decimal, mult: Decimal, secs: int) -> None:
        if secs > 0:
            self.seconds[(kind, rate, mult)] += secs

    def lines(self, currency: str, labels: dict[str, str]) -> list[Line]:
        out = []
        for (kind, rate, mult), secs in self.seconds.items():
            hours = Decimal(secs) / money.HOUR
            desc = f"{labels[kind]}: {hours:.2f} h @ {rate:.2f}" + (f" x {mult.normalize()}" if mult != 1 else "")
            amount = money.time_amount(secs, rate, currency, mult)
            out.append(Line(kind, desc, amount, secs, rate, mult))
        return out


LABELS = {
    "regular": "Regular",
    "overtime": "Overtime",
    "weekend_premium": "Weekend premium",
    "holiday_premium": "Holiday premium",
    "night_premium": "Night premium",
    "leave": "Paid leave",
    "adjustment": "Adjustment (earlier approved time)",
}


def compute(emp: Employee, rules: Rules, first: date, last: date) -> Result:
    """Return the lines and the sources paid for `emp` in the period first..last."""
    rates = sorted(emp.rates, key=lambda r: r.effective_from)
    zone = ZoneInfo(rules.timezone)
    ctx_start = week_start_of(first, rules.week_start)
    pieces: dict[date, list[tuple[int, int, bool]]] = defaultdict(list)  # day -> [(seconds, night seconds, pay now)]
    late = _Buckets()
    sources: list[tuple[str, str]] = []
    for entry_id, start, end, used in sorted(emp.entries, key=lambda e: e[1]):
        split = split_by_local_day(start, end, zone)
        start_day = split[0][0] if split else start.astimezone(zone).date()
        if start_day > last:
            continue
        in_period = start_day >= first
        paid_now = False
        if not used and in_period:
            paid_now = all((r := rate_on(rates, d)) is not None and r.kind == "hourly" for d, _ in split)
        elif not used and all((r := rate_on(rates, d)) is not None and r.kind == "hourly" for d, _ in split):
            for d, secs in split:
                late.add("adjustment", rate_on(rates, d).amount, Decimal(1), secs)  # type: ignore[union-attr]
            sources.append(("entry", entry_id))
        if paid_now:
            sources.append(("entry", entry_id))
        if start_day >= ctx_start:
            night = night_seconds(start, end, zone, rules.night_start, rules.night_end) if rules.night_premium else {}
            for d, secs in split:
                pieces[d].append((secs, night.get(d, 0), paid_now))
    work = _overtime(pieces, rates, rules)
    lines = work.lines(rules.currency, LABELS) + late.lines(rules.currency, LABELS)
    lines += _leave(emp, rates, rules, first, last, sources)
    lines += _salary(rates, rules, first, last)
    for expense_id, amount, desc in emp.expenses:
        lines.append(Line("reimbursement", desc[:500], amount))
        sources.append(("expense", expense_id))
    return Result(lines, sources)


def night_seconds(
    start: datetime, end: datetime, zone: ZoneInfo, night_start: time, night_end: time
) -> dict[date, int]:
    """Return {local day: seconds of start..end inside the local night window}, cut at local midnights."""
    out: dict[date, int] = defaultdict(int)
    start, end = to_utc(start), to_utc(end)
    day = start.astimezone(zone).date() - timedelta(days=1)  # yesterday's window may still be open at `start`
    last = end.astimezone(zone).date()
    while day <= last:
        opens = datetime.combine(day, night_start, tzinfo=zone).astimezone(UTC)
        closes_on = day + timedelta(days=1) if night_end <= night_start else day
        closes = datetime.combine(closes_on, night_end, tzinfo=zone).astimezone(UTC)
        lo, hi = max(start, opens), min(end, closes)
        if lo < hi:
            for d, secs in split_by_local_day(lo, hi, zone):
                out[d] += secs
        day += timedelta(days=1)
    return dict(out)


def _overtime(pieces: dict[date, list[tuple[int, int, bool]]], rates: list[Rate], rules: Rules) -> _Buckets:
    out = _Buckets()
    daily, weekly = rules.daily_overtime_seconds, rules.weekly_overtime_seconds
    week, week_regular = None, 0
    for day in sorted(pieces):
        if week_start_of(day, rules.week_start) != week:
            week, week_regular = week_start_of(day, rules.week_start), 0
        rate = rate_on(rates, day)
        day_used = 0
        # Seconds already paid (context) come first: they were worked earlier and used the thresholds first.
        for secs, night, pay in sorted(pieces[day], key=lambda p: p[2]):
            regular = secs if daily is None else max(0, min(secs, daily - day_used))
            day_used += secs
            capped = max(0, min(regular, weekly - week_regular)) if weekly is not None else regular
            week_regular += capped
            if not pay or rate is None:
                continue
            out.add("regular", rate.amount, Decimal(1), capped)
            out.add("overtime", rate.amount, rules.overtime_multiplier, secs - capped)
            if day in rules.holidays and rules.holiday_premium:
                out.add("holiday_premium", rate.amount, rules.holiday_premium, secs)
            elif day.isoweekday() >= 6 and rules.weekend_premium:
                out.add("weekend_premium", rate.amount, rules.weekend_premium, secs)
            if rules.night_premium:
                out.add("night_premium", rate.amount, rules.night_premium, night)
    return out


def _leave(emp: Employee, rates: list[Rate], rules: Rules, first: date, last: date, sources: list) -> list[Line]:
    out = _Buckets()
    for leave_id, start, end, start_half, end_half in emp.leave:
        paid = 0
        day = max(start, first)
        while day <= min(end, last):
            rate = rate_on(rates, day)
            if day.isoweekday() < 6 and day not in rules.holidays and rate is not None and rate.kind == "hourly":
                half = (day == start and start_half) or (day == end and end_half)
                secs = rules.leave_seconds_per_day // (2 if half else 1)
                out.add("leave", rate.amount, Decimal(1), secs)
                paid += secs
            day += timedelta(days=1)
        if paid:
            sources.append(("leave", leave_id))
    return out.lines(rules.currency, LABELS)


def _salary(rates: list[Rate], rules: Rules, first: date, last: date) -> list[Line]:
    days_total = (last - first).days + 1
    per_rate: dict[Decimal, int] = defaultdict(int)
    day = first
    while day <= last:
        rate = rate_on(rates, day)
        if rate is not None and rate.kind == "salaried":
            per_rate[rate.amount] += 1
        day += timedelta(days=1)
    out = []
    ppy = PERIODS_PER_YEAR[rules.frequency]
    scale = Decimal(10) ** money.exponent(rules.currency)
    for amount, days in per_rate.items():
        value = money.round_minor(amount * scale * days / (ppy * days_total))
        note = "" if days == days_total else f", {days} of {days_total} days"
        out.append(Line("salary", f"Salary {amount:.2f}/year{note}", value, rate=amount))
    return out
