"""The mail adapter: SMTP when SMTP_HOST is set, otherwise a local outbox folder a developer can read.

Requests never send mail: they enqueue `jobs.registry.SEND_EMAIL` (RQ) after their transaction commits.
"""

from __future__ import annotations

import glob
import logging
import smtplib
import ssl
import time
import uuid
from email.message import EmailMessage
from pathlib import Path

from .config import settings

log = logging.getLogger("workmonitor.mail")


def build(to: str, subject: str, text: str, message_id: str | None = None) -> EmailMessage:
    """Return the message to send; a stable Message-ID lets a retried job be recognised as the same mail."""
    cfg = settings()
    msg = EmailMessage()
    msg["From"] = cfg.smtp_from
    msg["To"] = to
    msg["Subject"] = " ".join(subject.split())  # a line break in a header would make the job fail on every retry
    msg["Message-ID"] = f"<{message_id or uuid.uuid4().hex}@workmonitor>"
    # Plain 7bit when possible, so links in the outbox stay readable and clickable.
    msg.set_content(
        text, cte="7bit" if text.isascii() and max(map(len, text.splitlines() or [""])) < 900 else "quoted-printable"
    )
    return msg


def deliver(msg: EmailMessage) -> str:
    """Send `msg` through SMTP, or write it to the outbox when SMTP is not configured; return where it went."""
    cfg = settings()
    if not cfg.smtp_host:
        outbox = Path(cfg.outbox_dir)
        outbox.mkdir(parents=True, exist_ok=True)
        ident = msg["Message-ID"].strip("<>").split("@")[0]
        written = next(outbox.glob(f"*-{glob.escape(ident)}.eml"), None)
        if written is not None:  # a re-run of a job whose Redis record was lost: one file per message
            return f"outbox:{written}"
        path = outbox / f"{int(time.time() * 1000)}-{ident}.eml"
        path.write_bytes(bytes(msg))
        log.info("SMTP is not configured (SMTP_HOST unset): mail written to %s", path)
        return f"outbox:{path}"
    with smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=20) as smtp:
        if cfg.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if cfg.smtp_user:
            smtp.login(cfg.smtp_user, cfg.smtp_password or "")
        smtp.send_message(msg)
    return f"smtp:{cfg.smtp_host}"
