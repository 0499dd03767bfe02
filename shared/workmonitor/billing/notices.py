"""The billing notice job: tell the company's active admins (in-app, email and push per their preferences)."""

from __future__ import annotations

from collections.abc import Callable

from ..db import Claims, transaction
from ..notify import notify


def notify_admins(company_id: str, kind: str, title: str, body: str) -> int:
    """Notify every active admin of the company; return how many were notified. Safe to run twice (at worst a
    second in-app row; the emails carry a new message id, so this job is recorded once per event by the webhook)."""
    later: list[Callable[[], object]] = []
    with transaction(Claims.job(company_id)) as conn:
        admins = conn.execute(
            "SELECT id FROM users WHERE company_id = %s AND role = 'admin' AND status = 'active' ORDER BY id",
            (company_id,),
        ).fetchall()
        sent = sum(1 for a in admins if notify(conn, a["id"], kind, title, body, defer=later.append) is not None)
    for task in later:
        task()
    return sent
