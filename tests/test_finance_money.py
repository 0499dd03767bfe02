"""The money model, by property: one rounding rule per line (half-up) and every total is the sum of its lines."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from workmonitor.finance import invoices, money, paycalc

rates = st.decimals(min_value=0, max_value=10000, places=4, allow_nan=False, allow_infinity=False)
percents = st.sampled_from([Decimal(0), Decimal(7), Decimal(19), Decimal("20.5"), Decimal("8.875")])
currencies = st.sampled_from(["EUR", "USD", "JPY", "KWD"])


def half_up(x: Fraction) -> int:
    """Reference rounding on exact fractions: half away from zero."""
    sign = -1 if x < 0 else 1
    x = abs(x)
    whole = x.numerator // x.denominator
    return sign * (whole + (1 if x - whole >= Fraction(1, 2) else 0))


@given(st.integers(0, 40 * 3600 * 7), rates, currencies, st.sampled_from([Decimal(1), Decimal("1.5"), Decimal(2)]))
def test_a_time_line_is_rounded_once_half_up(seconds, rate, currency, mult):
    exact = Fraction(seconds) * Fraction(rate) * Fraction(mult) * 10 ** money.exponent(currency) / 3600
    assert money.time_amount(seconds, rate, currency, mult) == half_up(exact)


def test_half_up_at_exactly_half():
    assert money.round_minor(Decimal("0.5")) == 1
    assert money.round_minor(Decimal("2.5")) == 3
    assert money.round_minor(Decimal("-2.5")) == -3
    assert money.to_minor("12.345", "EUR") == 1235
    assert money.to_minor("12.345", "KWD") == 12345
    assert money.to_minor("12.5", "JPY") == 13
    assert money.fmt(123456, "EUR") == "1,234.56 EUR"


@given(st.lists(st.tuples(st.integers(-(10**9), 10**9), percents), max_size=40))
def test_invoice_total_is_lines_plus_one_tax_line_per_rate(lines):
    taxes = money.tax_lines((amount, rate) for amount, rate in lines)
    subtotal = money.total(a for a, _ in lines)
    for rate, tax in taxes.items():
        base = sum(a for a, r in lines if r == rate)
        assert tax == half_up(Fraction(base) * Fraction(rate) / 100)
    rows = [{"kind": "manual", "amount_minor": a} for a, _ in lines] + [
        {"kind": "tax", "amount_minor": t} for t in taxes.values()
    ]
    check = invoices.totals_check(rows)
    assert check["total"] == subtotal + sum(taxes.values()) == sum(r["amount_minor"] for r in rows)


RULES = paycalc.Rules(
    currency="EUR",
    timezone="Europe/Berlin",
    week_start=1,
    frequency="monthly",
    daily_overtime_seconds=8 * 3600,
    weekly_overtime_seconds=40 * 3600,
    weekend_premium=Decimal("0.25"),
    holiday_premium=Decimal(1),
    night_premium=Decimal("0.25"),  # 22:00-06:00 local
    holidays=frozenset({date(2026, 10, 3)}),
)

entry_lists = st.lists(
    st.tuples(st.integers(0, 30 * 24 * 4 - 1), st.integers(1, 14 * 4)),
    min_size=0,
    max_size=25,
    unique_by=lambda e: e[0],
)


@settings(max_examples=60, deadline=None)
@given(entry_lists, st.sampled_from(["hourly", "salaried"]), rates)
def test_payroll_lines_sum_to_the_payslip_and_pay_every_worked_second(spans, kind, rate):
    # Quarter-hour slots in October 2026 (a DST month); overlapping spans are dropped like the database would.
    base = datetime(2026, 9, 30, 22, tzinfo=UTC)
    entries, taken = [], set()
    for slot, length in sorted(spans):
        slots = set(range(slot, slot + length))
        if slots & taken:
            continue
        taken |= slots
        start = base + timedelta(minutes=15 * slot)
        entries.append((f"e{slot}", start, start + timedelta(minutes=15 * length), False))
    emp = paycalc.Employee("u", [paycalc.Rate(date(2020, 1, 1), kind, rate)], entries)
    first, last = date(2026, 10, 1), date(2026, 10, 31)
    result = paycalc.compute(emp, RULES, first, last)
    zone = paycalc.ZoneInfo("Europe/Berlin")
    counted = [(s, e) for _, s, e, _ in entries if s.astimezone(zone).date() <= last]
    worked = sum(int((e - s).total_seconds()) for s, e in counted)
    # Berlin's offsets are whole hours, so each UTC quarter hour is wholly inside or outside 22:00-06:00 local.
    quarters = (s + timedelta(minutes=15 * k) for s, e in counted for k in range((e - s) // timedelta(minutes=15)))
    night = sum(900 for q in quarters if not 6 <= q.astimezone(zone).hour < 22)
    if kind == "hourly":
        paid = sum(ln.seconds for ln in result.lines if ln.kind in ("regular", "overtime", "adjustment"))
        assert paid == worked
        assert sum(ln.seconds for ln in result.lines if ln.kind == "night_premium") == night
    for ln in result.lines:
        if ln.rate is not None and ln.seconds:
            assert ln.amount_minor == money.time_amount(ln.seconds, ln.rate, "EUR", ln.multiplier or Decimal(1))
    slip_total = money.total(ln.amount_minor for ln in result.lines)
    assert slip_total == sum(ln.amount_minor for ln in result.lines)


def test_pay_periods_align_to_week_start_and_months():
    assert paycalc.period_of(date(2026, 10, 28), "weekly", 1, date(2024, 1, 1)) == (
        date(2026, 10, 26),
        date(2026, 11, 1),
    )
    assert paycalc.period_of(date(2026, 10, 28), "weekly", 7, date(2024, 1, 1)) == (
        date(2026, 10, 25),
        date(2026, 10, 31),
    )
    first, last = paycalc.period_of(date(2026, 10, 28), "biweekly", 1, date(2024, 1, 1))
    assert (last - first).days == 13 and first.isoweekday() == 1 and (first - date(2024, 1, 1)).days % 14 == 0
    assert paycalc.period_of(date(2026, 2, 20), "semimonthly", 1, date(2024, 1, 1)) == (
        date(2026, 2, 16),
        date(2026, 2, 28),
    )
    assert paycalc.period_of(date(2026, 2, 10), "semimonthly", 1, date(2024, 1, 1)) == (
        date(2026, 2, 1),
        date(2026, 2, 15),
    )
    assert paycalc.period_of(date(2026, 12, 31), "monthly", 1, date(2024, 1, 1)) == (
        date(2026, 12, 1),
        date(2026, 12, 31),
    )


def test_invoice_number_format():
    assert invoices.format_number("INV-{YYYY}-{seq:04}", 7, date(2026, 3, 1)) == "INV-2026-0007"
    assert invoices.format_number("{YY}{MM}/{seq}", 12, date(2026, 3, 1)) == "2603/12"


def test_night_seconds_follow_the_clock_that_was_worked():
    zone = paycalc.ZoneInfo("Europe/Berlin")
    night = (time(22), time(6))
    # Spring forward (2026-03-29): Saturday 22:00 CET to Sunday 06:00 CEST is 7 hours, 2 before midnight.
    spring = paycalc.night_seconds(
        datetime(2026, 3, 28, 20, tzinfo=UTC), datetime(2026, 3, 29, 6, tzinfo=UTC), zone, *night
    )
    assert spring == {date(2026, 3, 28): 2 * 3600, date(2026, 3, 29): 5 * 3600}
    # Fall back (2026-10-25): the same wall-clock night is 9 hours.
    fall = paycalc.night_seconds(
        datetime(2026, 10, 24, 19, tzinfo=UTC), datetime(2026, 10, 25, 7, tzinfo=UTC), zone, *night
    )
    assert fall == {date(2026, 10, 24): 2 * 3600, date(2026, 10, 25): 7 * 3600}
    # A window inside one day, and a span that starts inside yesterday's window.
    early = paycalc.night_seconds(datetime(2026, 9, 15, 1, tzinfo=UTC), datetime(2026, 9, 15, 10, tzinfo=UTC), zone,
                                  time(0), time(5, 30))  # fmt: skip
    assert early == {date(2026, 9, 15): int(2.5 * 3600)}
