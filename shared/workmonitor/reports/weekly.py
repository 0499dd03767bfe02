"""The weekly summary email (queue "reports"), run by the scheduler every Monday: each manager gets their people's
hours of the week before, each admin the whole company's.

What must stay true:
- Each recipient's figures are read with that recipient's own claims, so RLS decides whom a summary covers.
- The week is the recipient's previous local week, starting on the company's week start day.
- Safe to run twice: each email's id is (recipient, week), and the mail job sends one message per id.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from ..config import settings
from ..db import Claims, transaction
from ..jobs import registry
from ..jobs.retention import company_ids
from ..time import timecalc
from . import builder


def previous_week(today: date, week_start: int) -> tuple[date, date]:
    """Return (first, last) of the full week before the one holding `today`."""
    this_week = today - timedelta(days=(today.isoweekday() - week_start) % 7)
    return this_week - timedelta(days=7), this_week - timedelta(days=1)


def send_weekly_summaries(ids: list[str] | None = None, now: str | None = None) -> dict:
    """Email every active manager and admin of the given companies (default: all) their summary; return counts."""
    instant = datetime.fromisoformat(now) if now else datetime.now(UTC)
    sent = {"companies": 0, "emails": 0}
    for company_id in ids or company_ids():
        sent["companies"] += 1
        sent["emails"] += company_summaries(company_id, instant)
    return sent


def company_summaries(company_id: str, instant: datetime) -> int:
    """Enqueue the summary emails of one company; return how many."""
    with transaction(Claims.job(company_id)) as conn:
        company = conn.execute("SELECT name, week_start FROM companies WHERE id = %s", (company_id,)).fetchone()
        people = conn.execute(
            "SELECT id, email, name, role, timezone FROM users WHERE company_id = %s AND status = 'active'"
            " AND role IN ('admin', 'manager') ORDER BY id",
            (company_id,),
        ).fetchall()
    if company is None:
        return 0
    count = 0
    for person in people:
        claims = Claims(company_id=company_id, user_id=str(person["id"]), role=person["role"])
        first, last = previous_week(timecalc.local_date(instant, person["timezone"]), int(company["week_start"]))
        spec = builder.Spec(
            first=first,
            last=last,
            group_by=("person",),
            team_of=str(person["id"]) if person["role"] == "manager" else None,
            timezone=person["timezone"],
            week_start=int(company["week_start"]),
        )
        later: list = []
        with transaction(claims) as conn:
            report = builder.run(conn, spec)
            if person["role"] == "manager" and not report["groups"]:
                continue  # a manager with nobody's time to report gets no empty mail
            subject = f"{company['name']}: the week of {first.isoformat()}"
            registry.SEND_EMAIL.enqueue(
                conn,
                person["email"],
                subject,
                summary_text(person, report, first, last),
                f"weekly-{person['id']}-{first.isoformat()}",
                defer=later.append,
            )
        for task in later:
            task()
        count += 1
    return count


def summary_text(person: dict, report: dict, first: date, last: date) -> str:
    """Return the plain-text summary: hours per person, billable hours, and the total."""
    scope = "your team" if person["role"] == "manager" else "the company"
    lines = [f"Hello {person['name']},", "", f"Tracked time of {scope}, {first.isoformat()} to {last.isoformat()}:", ""]
    width = max([len(str(g["label"])) for g in report["groups"]] + [6])
    for g in report["groups"]:
        t = g["totals"]
        lines.append(
            f"  {str(g['label']).ljust(width)}  {_h(t['seconds']):>8} h  ({_h(t['billable_seconds'])} billable)"
        )
    t = report["totals"]
    lines += ["", f"  {'Total'.ljust(width)}  {_h(t['seconds']):>8} h  ({_h(t['billable_seconds'])} billable)"]
    lines += ["", f"Open the report builder: {settings().public_url}/reports"]
    return "\n".join(lines)


def _h(seconds: int) -> str:
    return f"{seconds / 3600:.2f}"
