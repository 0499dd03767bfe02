"""Wire shapes of the working-time rules: the rule set, violations, flags, deductions, the monthly report."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from ..schemas import Input
from ..wire import Id, Model, Timestamp

Minutes = Annotated[int, Field(ge=0, le=7 * 24 * 60)]
Hour = Annotated[int, Field(ge=0, le=23)]
Preset = Literal["de_arbzg", "eu_wtd"]


class WorkRules(Model):
    """Limits in minutes (0: the rule is off); the night window in local hours."""

    preset: str
    break_after_6h: int
    break_after_9h: int
    min_break_block: int
    max_daily: int
    min_rest: int
    max_weekly_avg: int
    reference_weeks: int
    flag_sunday: bool
    flag_night: bool
    night_start_hour: int
    night_end_hour: int
    night_min_minutes: int
    auto_deduct_breaks: bool


class WorkRulesOverrides(Input):
    break_after_6h: Minutes | None = None
    break_after_9h: Minutes | None = None
    min_break_block: Minutes | None = None
    max_daily: Minutes | None = None
    min_rest: Minutes | None = None
    max_weekly_avg: Minutes | None = None
    reference_weeks: Annotated[int, Field(ge=1, le=52)] | None = None
    flag_sunday: bool | None = None
    flag_night: bool | None = None
    night_start_hour: Hour | None = None
    night_end_hour: Hour | None = None
    night_min_minutes: Minutes | None = None
    auto_deduct_breaks: bool | None = None


class WorkRulesIn(Input):
    preset: Preset
    overrides: WorkRulesOverrides = WorkRulesOverrides()


class WorkRulesOut(Model):
    preset: str
    overrides: dict[str, int | bool]
    rules: WorkRules
    presets: dict[str, WorkRules]
    updated_at: Timestamp | None


class Violation(Model):
    """`severity`: 'violation' (a limit broken) or 'flag' (Sunday or night work, to be justified)."""

    date: dt.date
    rule: Literal["break", "max_daily", "rest", "weekly_average", "sunday", "night"]
    severity: Literal["violation", "flag"]
    message: str
    value_minutes: int
    limit_minutes: int


class Deduction(Model):
    day: dt.date
    minutes: int
    rule: str
    created_at: Timestamp


class SubmissionFlag(Model):
    period_start: dt.date
    period_end: dt.date
    violations: list[Violation]
    flagged_at: Timestamp


class ViolationsOut(Model):
    user_id: Id
    items: list[Violation]
    deductions: list[Deduction]
    flagged_on_submission: list[SubmissionFlag]


class ReportRow(Model):
    user_id: Id
    name: str
    counts: dict[str, int]
    violations: list[Violation]
    deducted_minutes: int


class ComplianceReport(Model):
    month: str
    items: list[ReportRow]
