"""Company time settings (no Flask): rounding, whether employees may edit past entries, and the week start.

The rounding rule stored here applies to reports and listings only; stored entries always keep their exact times.
"""

from __future__ import annotations

import json

from ..db import Conn, Row
from . import timecalc

DEFAULTS = {"rounding_mode": "none", "rounding_minutes": 1, "employees_edit_past": True}
# The columns `of_row` reads, for statements that fetch settings along with something else (one round trip).
COLUMNS = (
    "c.week_start, c.timezone AS company_timezone, c.currency, coalesce(c.settings->'time', '{}') AS time_settings"
)


def of_row(row: Row) -> dict:
    """Return the settings held by a row selected with COLUMNS."""
    out = {**DEFAULTS, **{k: v for k, v in row["time_settings"].items() if k in DEFAULTS}}
    out.update(week_start=row["week_start"], timezone=row["company_timezone"], currency=row["currency"])
    return out


def settings(conn: Conn, company_id: str) -> dict:
    """Return the company's time settings: rounding, employees_edit_past, week_start, timezone, currency."""
    row = conn.execute(f"SELECT {COLUMNS} FROM companies c WHERE c.id = %s", (company_id,)).fetchone()
    assert row is not None  # the caller's own company, visible under RLS
    return of_row(row)


def rounding(cfg: dict) -> timecalc.Rounding:
    """Return the rounding rule of settings `cfg`."""
    return timecalc.Rounding(cfg["rounding_mode"], int(cfg["rounding_minutes"]))


def save_settings(conn: Conn, company_id: str, changes: dict) -> dict:
    """Store `changes` (week_start and/or keys of DEFAULTS) and return the new settings."""
    time_keys = {k: v for k, v in changes.items() if k in DEFAULTS}
    conn.execute(
        "UPDATE companies SET week_start = coalesce(%s, week_start),"
        " settings = jsonb_set(settings, '{time}', coalesce(settings->'time', '{}') || %s::jsonb)"
        " WHERE id = %s",
        (changes.get("week_start"), json.dumps(time_keys), company_id),
    )
    return settings(conn, company_id)
