"""The weekly insights digest (scheduled): each active manager and admin gets last week's numbers for the people
they see, by email (once per person and week, also when the job runs twice). Numbers only; no model involved."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import psycopg

from ..config import settings
from ..db import Claims, transaction
from ..jobs.email import send_email
from . import insights


def hm(seconds: float) -> str:
    """Return seconds as H:MM."""
    minutes = int(seconds) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def last_week(today: date) -> tuple[date, date]:
    """Return the Monday..Sunday before the week of `today`."""
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(days=7), monday - timedelta(days=1)


def send_digests(today: str | None = None) -> dict[str, int]:
    """Mail every manager's and admin's digest for last week; return counts."""
    first, last = last_week(date.fromisoformat(today) if today else datetime.now(UTC).date())
    with psycopg.connect(settings().owner_database_url) as conn:
        readers = conn.execute(
            "SELECT company_id, id, role, email FROM users WHERE role IN ('manager', 'admin') AND status = 'active'"
            " ORDER BY company_id, id"
        ).fetchall()
    sent = 0
    for company_id, user_id, role, email in readers:
        claims = Claims(company_id=str(company_id), user_id=str(user_id), role=role)
        with transaction(claims) as conn:
            rows = [r for r in insights.team(conn, first, last) if r["user_id"] != str(user_id)]
            names = {str(r["id"]): r["name"] for r in conn.execute("SELECT id, name FROM users").fetchall()}
        if not rows:
            continue
        send_email(email, f"[WorkMonitor] Your team's week of {first}", text(rows, names, first, last),
                   f"digest-{user_id}-{first}")  # fmt: skip
        sent += 1
    return {"readers": len(readers), "sent": sent}


def text(rows: list[dict], names: dict[str, str], first: date, last: date) -> str:
    """Return the digest's plain text."""
    lines = [f"Your team from {first} to {last} (computed from tracked time):", ""]
    for r in sorted(rows, key=lambda r: names.get(r["user_id"], "")):
        signs = [
            f"{r['long_days']} long day(s)" if r["long_days"] else "",
            f"{r['weekend_days']} weekend day(s)" if r["weekend_days"] else "",
            f"{hm(r['late_seconds'])} late" if r["late_seconds"] else "",
            f"{r['missed_breaks']} missed break(s)" if r["missed_breaks"] else "",
        ]
        signs_text = ", ".join(s for s in signs if s) or "no risk signs"
        lines.append(
            f"- {names.get(r['user_id'], r['user_id'])}: {hm(r['tracked_seconds'])} tracked, "
            f"{hm(r['focus_seconds'])} focus, {hm(r['meeting_seconds'])} meetings; {signs_text}"
        )
    lines += ["", f"Details: {settings().public_url}/#/insights"]
    return "\n".join(lines)
