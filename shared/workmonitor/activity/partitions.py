"""Month partitions of the raw activity samples (migrations/0014): created ahead, dropped for raw retention.

Raw samples live in one partition per UTC month, plus a DEFAULT partition that catches anything outside the
months made so far (so an insert never fails); creating a month moves its rows out of DEFAULT. The rollups keep
the history when a month of raw samples is dropped.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..db import Conn

AHEAD_DAYS = 92


def ensure_months(conn: Conn, first: date, last: date) -> int:
    """Create the missing month partitions covering first..last (at most 800 days); return how many were made."""
    row = conn.execute("SELECT app.ensure_sample_partitions(%s, %s) AS n", (first, last)).fetchone()
    return int(row["n"] if isinstance(row, dict) else row[0])


def ensure_ahead(conn: Conn, today: date) -> int:
    """Create the month partitions from `today` to AHEAD_DAYS ahead; return how many were made."""
    return ensure_months(conn, today, today + timedelta(days=AHEAD_DAYS))


def drop_before(owner_conn, before: date) -> int:
    """Drop the month partitions that end on or before `before` (run as the owner); return how many."""
    return int(owner_conn.execute("SELECT app.drop_sample_partitions(%s)", (before,)).fetchone()[0])
