"""Finance settings of a company (pay frequency, overtime rules, invoice numbering, billing details) and holidays."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from ..db import Conn, Row
from ..errors import ValidationFailed
from . import paycalc

COLUMNS = (
    "currency, pay_frequency, period_anchor, daily_overtime_hours, weekly_overtime_hours, overtime_multiplier,"
    " weekend_premium, holiday_premium, night_premium, night_start, night_end, leave_hours_per_day,"
    " default_hourly_rate, invoice_format, credit_note_format, payment_terms_days, default_tax_rate, legal_name,"
    " address, tax_id, payment_details"
)
EDITABLE = tuple(c.strip() for c in COLUMNS.split(","))


def get(conn: Conn) -> Row:
    """Return the caller's company finance settings (defaults, in the company's currency, until saved)."""
    row = conn.execute(f"SELECT {COLUMNS} FROM finance_settings WHERE company_id = app.company_id()").fetchone()
    company = conn.execute(
        "SELECT name, timezone, week_start, currency FROM companies WHERE id = app.company_id()"
    ).fetchone()
    assert company is not None
    if row is None:
        row = {
            "currency": company["currency"].strip(),
            "pay_frequency": "monthly",
            "period_anchor": date(2024, 1, 1),
            "daily_overtime_hours": None,
            "weekly_overtime_hours": None,
            "overtime_multiplier": Decimal("1.5"),
            "weekend_premium": Decimal(0),
            "holiday_premium": Decimal(0),
            "night_premium": Decimal(0),
            "night_start": time(22),
            "night_end": time(6),
            "leave_hours_per_day": Decimal(8),
            "default_hourly_rate": None,
            "invoice_format": "INV-{YYYY}-{seq:04}",
            "credit_note_format": "CN-{YYYY}-{seq:04}",
            "payment_terms_days": 14,
            "default_tax_rate": Decimal(0),
            "legal_name": None,
            "address": None,
            "tax_id": None,
            "payment_details": None,
        }
    return {
        **row,
        "currency": row["currency"].strip(),
        "company_name": company["name"],
        "timezone": company["timezone"],
        "week_start": company["week_start"],
    }


def save(conn: Conn, changes: dict) -> Row:
    """Store `changes` (EDITABLE columns) over the current settings; return them."""
    current = get(conn)
    merged = {c: changes.get(c, current[c]) for c in EDITABLE}
    if merged["night_start"] == merged["night_end"]:  # one end changed onto the other: an empty window
        raise ValidationFailed(
            "The night window is empty: night_end must differ from night_start.",
            fields={"night_end": "same as night_start"},
        )
    cols = ", ".join(EDITABLE)
    marks = ", ".join(["%s"] * len(EDITABLE))
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in EDITABLE)
    conn.execute(
        f"INSERT INTO finance_settings (company_id, {cols}) VALUES (app.company_id(), {marks})"
        f" ON CONFLICT (company_id) DO UPDATE SET {updates}, updated_at = now()",
        [merged[c] for c in EDITABLE],
    )
    return get(conn)


def holidays(conn: Conn) -> list[Row]:
    """Return the company's holidays, by date."""
    return conn.execute("SELECT day, name FROM holidays WHERE company_id = app.company_id() ORDER BY day").fetchall()


def add_holiday(conn: Conn, day: date, name: str) -> Row:
    """Add (or rename) a company holiday; return it."""
    row = conn.execute(
        "INSERT INTO holidays (company_id, day, name) VALUES (app.company_id(), %s, %s)"
        " ON CONFLICT (company_id, day) DO UPDATE SET name = EXCLUDED.name RETURNING day, name",
        (day, name),
    ).fetchone()
    assert row is not None
    return row


def rules(conn: Conn, cfg: Row) -> paycalc.Rules:
    """Return the payroll rules of settings `cfg`, holidays included."""

    def secs(hours: Decimal | None) -> int | None:
        return None if hours is None else int(hours * 3600)

    return paycalc.Rules(
        currency=cfg["currency"],
        timezone=cfg["timezone"],
        week_start=cfg["week_start"],
        frequency=cfg["pay_frequency"],
        daily_overtime_seconds=secs(cfg["daily_overtime_hours"]),
        weekly_overtime_seconds=secs(cfg["weekly_overtime_hours"]),
        overtime_multiplier=cfg["overtime_multiplier"],
        weekend_premium=cfg["weekend_premium"],
        holiday_premium=cfg["holiday_premium"],
        night_premium=cfg["night_premium"],
        night_start=cfg["night_start"],
        night_end=cfg["night_end"],
        leave_seconds_per_day=int(cfg["leave_hours_per_day"] * 3600),
        holidays=frozenset(h["day"] for h in holidays(conn)),
    )
