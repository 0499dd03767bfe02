"""Working-time rules on hand-made weeks (Europe/Berlin): each rule fires where it should and nowhere else, across
midnight and across both DST changes (2026-03-29 and 2026-10-25)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from workmonitor.worktime.rules import PRESETS, check, ruleset

TZ = "Europe/Berlin"
BERLIN = ZoneInfo(TZ)
ARBZG = PRESETS["de_arbzg"]


def at(day: str, hm: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.strptime(hm, "%H:%M").time(), BERLIN)


def span(day: str, start: str, end: str, end_day: str | None = None):
    return (at(day, start), at(end_day or day, end))


def fired(intervals, first: str, last: str, rules=ARBZG) -> list[tuple]:
    out = check(intervals, TZ, rules, date.fromisoformat(first), date.fromisoformat(last))
    return [(str(v["date"]), v["rule"], v["value_minutes"]) for v in out]


def test_a_lawful_week_fires_nothing():
    week = [
        x
        for d in range(2, 7)
        for x in (span(f"2026-03-0{d}", "08:00", "12:00"), span(f"2026-03-0{d}", "12:30", "16:30"))
    ]
    assert fired(week, "2026-03-02", "2026-03-08") == []


def test_breaks_daily_maximum_and_rest_fire_on_their_days_only():
    week = [
        span("2026-03-02", "08:00", "14:30"),  # Mon: 6.5 h, no break -> break (0 of 30)
        span("2026-03-03", "08:00", "12:00"), span("2026-03-03", "12:20", "15:00"),  # Tue: 6 h 40, 20 min -> break
        span("2026-03-04", "08:00", "14:00"),  # Wed: exactly 6 h -> no break needed
        span("2026-03-05", "07:00", "12:00"), span("2026-03-05", "12:30", "17:00"),  # Thu: 9.5 h, 30 min -> 45 needed
        span("2026-03-06", "07:00", "12:00"), span("2026-03-06", "12:45", "18:30"),  # Fri: 10 h 45 -> max_daily
        span("2026-03-06", "18:40", "22:00"),  # ... a 10-minute pause is no break; ends 22:00
        span("2026-03-07", "07:00", "09:00"),  # Sat: 9 h after Friday's end -> rest
    ]  # fmt: skip
    assert fired(week, "2026-03-02", "2026-03-08") == [
        ("2026-03-02", "break", 0),
        ("2026-03-03", "break", 20),
        ("2026-03-05", "break", 30),
        ("2026-03-06", "max_daily", 845),
        ("2026-03-07", "rest", 540),
    ]


def test_across_midnight_the_shift_is_the_day_it_started_and_sunday_is_the_overlap():
    week = [
        span("2026-03-13", "22:00", "03:00", "2026-03-14"),  # Fri night: 5 h, night 4 h (23-03)
        span("2026-03-14", "22:00", "02:00", "2026-03-15"),  # Sat night into Sunday: 2 h on Sunday, 3 h at night
    ]
    assert fired(week, "2026-03-09", "2026-03-15") == [
        ("2026-03-13", "night", 240),
        ("2026-03-14", "night", 180),
        ("2026-03-15", "sunday", 120),
    ]  # 19 h of rest between the two shifts: no rest violation; neither day exceeds 6 h


def test_spring_forward_night_is_one_hour_shorter():
    # 2026-03-29 02:00 -> 03:00: 22:00 Saturday to 06:00 Sunday is 7 real hours.
    shift = [span("2026-03-28", "22:00", "06:00", "2026-03-29")]
    assert fired(shift, "2026-03-23", "2026-03-29") == [
        ("2026-03-28", "break", 0),  # 7 h > 6 h without a break
        ("2026-03-28", "night", 360),  # 23:00-06:00 local is 6 real hours
        ("2026-03-29", "sunday", 300),  # 00:00-06:00 local Sunday is 5 real hours
    ]
    # A wall-clock 11 h rest over the change is 10 real hours.
    days = [span("2026-03-28", "12:00", "20:00"), span("2026-03-29", "07:00", "09:00")]
    rest = [v for v in fired(days, "2026-03-29", "2026-03-29") if v[1] == "rest"]
    assert rest == [("2026-03-29", "rest", 600)]


def test_fall_back_night_is_one_hour_longer():
    # 2026-10-25 03:00 -> 02:00: 21:00 Saturday to 07:00 Sunday is 11 real hours: over 10 h, breaks missing.
    shift = [span("2026-10-24", "21:00", "07:00", "2026-10-25")]
    assert fired(shift, "2026-10-19", "2026-10-25") == [
        ("2026-10-24", "break", 0),
        ("2026-10-24", "max_daily", 660),
        ("2026-10-24", "night", 480),  # 23:00-06:00 local is 8 real hours
        ("2026-10-25", "sunday", 480),  # 00:00-07:00 local Sunday is 8 real hours
    ]


def test_weekly_average_over_the_reference_period():
    rules = ruleset("de_arbzg", {"reference_weeks": 2, "flag_sunday": False})

    def week(monday: date, hours: int, days: int):
        out = []
        for i in range(days):
            d = (monday + timedelta(days=i)).isoformat()
            out += [span(d, "06:00", "12:00"), span(d, "12:45", f"{12 + hours - 6}:45")]
        return out

    # 6 days x 10 h = 60 h, then 6 x 7 h = 42 h: average 51 h over the two weeks; then 6 x 7 h again: 42 h.
    weeks = week(date(2026, 4, 6), 10, 6) + week(date(2026, 4, 13), 7, 6) + week(date(2026, 4, 20), 7, 6)
    assert [v for v in fired(weeks, "2026-04-13", "2026-04-26", rules) if v[1] == "weekly_average"] == [
        ("2026-04-19", "weekly_average", 3060)
    ]
    # Time entries and attendance for the same work count once.
    assert fired(weeks + weeks, "2026-04-13", "2026-04-26", rules) == fired(weeks, "2026-04-13", "2026-04-26", rules)


def test_eu_preset_differs():
    eu = PRESETS["eu_wtd"]
    day = [span("2026-03-02", "07:00", "12:00"), span("2026-03-02", "12:15", "18:45")]  # 11.5 h, 15 min break
    assert fired(day, "2026-03-02", "2026-03-02", eu) == []
    assert [v[1] for v in fired(day, "2026-03-02", "2026-03-02")] == ["break", "max_daily"]
