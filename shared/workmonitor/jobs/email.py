"""Email jobs."""

from __future__ import annotations

from .. import keys
from ..mail import build, deliver
from ..redis_client import client


def send_email(to: str, subject: str, text: str, message_id: str) -> str:
    """Send one email; a second run for the same message_id is a no-op. Returns where it went."""
    done_key = keys.mail_sent(message_id)
    if client().exists(done_key):
        return "already-sent"
    where = deliver(build(to, subject, text, message_id))
    client().set(done_key, where, ex=7 * 24 * 3600)
    return where
