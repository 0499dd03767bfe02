"""What every calendar adapter shares (no HTTP library here: the integrations function imports it)."""

from __future__ import annotations


class ProviderError(Exception):
    """The calendar provider refused or failed a request (message is safe to show the user)."""
