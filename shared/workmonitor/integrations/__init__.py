"""Integrations: calendar sync (CalDAV, Google, Microsoft), credential encryption and security alerts."""
