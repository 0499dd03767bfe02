"""Which provider URLs a user may give: http(s) only, and (unless the operator allows it) no address inside the
installation's own network, so a calendar URL cannot be used to probe the database or the metadata service."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from .. import netguard
from ..errors import ValidationFailed

ALLOW_PRIVATE_ENV = "INTEGRATIONS_ALLOW_PRIVATE_URLS"  # "1": self-hosted calendars on the LAN (and tests)


def private_allowed() -> bool:
    """Return whether URLs that resolve to private, loopback or link-local addresses are allowed."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").lower() in ("1", "true", "yes")


def check_calendar_url(url: str) -> str:
    """Return `url` (a collection URL ending in '/') when it may be used; raise 400 naming `url`."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.username or parts.password:
        raise ValidationFailed(
            "Give the calendar's http(s) address, without credentials in it.", fields={"url": "invalid"}
        )
    if parts.scheme == "http" and not private_allowed():
        raise ValidationFailed("The calendar's address must use https.", fields={"url": "https required"})
    if not private_allowed():
        try:
            unsafe = netguard.resolves_to_unsafe(parts.hostname, parts.port or 443)
        except (OSError, UnicodeError, ValueError):
            raise ValidationFailed(
                "The calendar's host name does not resolve.", fields={"url": "unknown host"}
            ) from None
        if unsafe:
            raise ValidationFailed(
                "The calendar's address is inside this server's network.", fields={"url": "private address"}
            )
    return url if url.endswith("/") else url + "/"
