"""Seed the working-time tables: the company's rules (breaks deducted automatically), and an employee's week three
weeks back with a 7-hour day without a break, submitted (so a flag and a deduction are recorded)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def seed(api, ctx) -> None:
    """Create one row in working_time_rules, worktime_flags and break_deductions for ctx's company."""
    r = api.put(
        "/function/time/worktime/rules",
        json={"preset": "de_arbzg", "overrides": {"auto_deduct_breaks": True}},
        token=ctx["admin"]["token"],
    )
    assert r.status_code == 200, r.json
    start = (datetime.now(UTC) - timedelta(days=21)).replace(hour=8, minute=0, second=0, microsecond=0)
    emp = ctx["employee"]["token"]
    entry = {"started_at": start.isoformat(), "ended_at": (start + timedelta(hours=7)).isoformat()}
    r = api.post("/function/time/entries", token=emp, json=entry)
    assert r.status_code == 201, r.json
    r = api.post("/function/time/timesheets/submit", json={"date": start.date().isoformat()}, token=emp)
    assert r.status_code == 201, r.json
