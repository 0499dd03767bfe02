"""The alert mail job: every active admin of the alert's company gets it, nobody else (kept apart from alerts.py
so that raising an alert costs the raising function no SMTP secret)."""

from __future__ import annotations

from ..config import settings
from ..db import Claims, Row, transaction
from ..jobs.email import send_email
from .alerts import TITLES


def mail_admins(company_id: str, alert_id: str) -> list[str]:
    """Mail alert `alert_id` to each active admin of its company (once each, also when retried); return where."""
    with transaction(Claims.job(company_id)) as conn:
        alert = conn.execute(
            "SELECT a.*, s.name AS subject_name, s.email AS subject_email FROM security_alerts a"
            " LEFT JOIN users s ON s.id = a.subject_user_id WHERE a.id = %s",
            (alert_id,),
        ).fetchone()
        admins = conn.execute(
            "SELECT id, email FROM users WHERE role = 'admin' AND status = 'active' ORDER BY id"
        ).fetchall()
    if alert is None:
        return []
    subject, text = message(alert)
    return [send_email(a["email"], subject, text, f"alert-{alert_id}-{a['id']}") for a in admins]


def message(alert: Row) -> tuple[str, str]:
    """Return the (subject, text) of an alert's email."""
    title = TITLES[alert["kind"]]
    who = alert.get("subject_name") or alert.get("subject_email")
    lines = [f"Security alert: {title}.", ""]
    if who:
        lines.append(f"Account: {who} ({alert.get('subject_email')})")
    if alert.get("ip"):
        lines.append(f"Address: {alert['ip']}")
    for key, value in sorted((alert.get("details") or {}).items()):
        lines.append(f"{key.replace('_', ' ').capitalize()}: {value}")
    lines += ["", f"Review and acknowledge it: {settings().public_url}/alerts"]
    return f"[WorkMonitor] {title}", "\n".join(lines)
