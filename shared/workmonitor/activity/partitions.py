"""Month partitions of the raw activity samples (migrations/0014): created ahead, dropped for raw retention.

Raw samples live in one partition per UTC month, plus a DEFAULT partition that catches anything outside the
months made so far (so an insert never fails); creating a month moves its rows out of DEFAULT. The rollups keep
the history when a month of raw samples is dropped.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import psycopg

AHEAD_DAYS = 92


def _count(conn: psycopg.Connection[Any], sql: str, params: tuple) -> int:
    """Return the single number `sql` answers (dict or tuple rows alike)."""
    row = conn.execute(sql, params).fetchone()
    assert row is not None  # a function call answers one row
    return int(next(iter(row.values())) if isinstance(row, dict) else row[0])


def ensure_months(conn: psycopg.Connection[Any], first: date, last: date) -> int:
    """Create the missing month partitions covering first..last (at most 800 days); return how many were made."""
    return _count(conn, "SELECT app.ensure_sample_partitions(%s, %s)", (first, last))


def ensure_ahead(conn: psycopg.Connection[Any], today: date) -> int:
    """Create the month partitions from `today` to AHEAD_DAYS ahead; return how many were made."""
    return ensure_months(conn, today, today + timedelta(days=AHEAD_DAYS))


def drop_before(owner_conn: psycopg.Connection[Any], before: date) -> int:
    """Drop the month partitions that end on or before `before` (run as the owner); return how many."""
    return _count(owner_conn, "SELECT app.drop_sample_partitions(%s)", (before,))
