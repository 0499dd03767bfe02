"""The privacy center's overview: consent history, what each client captures now, and what is held about them."""

from __future__ import annotations

from ..db import Conn, Row
from ..media.settings import company_settings
from ..team.agreements import AGREEMENT_COLUMNS

# kind -> (table, time column, retention key in the company's settings or None)
HELD = {
    "screenshots": ("screenshots", "taken_at", "screenshots"),
    "recordings": ("screen_recordings", "started_at", "recordings"),
    "activity": ("activity_samples", "started_at", "activity"),
    "gps": ("location_points", "recorded_at", "gps"),
}


def overview(conn: Conn, company_id: str, user_id: str) -> dict:
    """Return the signed-in person's consent history, current capture per client and the data held per kind."""
    history = conn.execute(
        f"SELECT {AGREEMENT_COLUMNS} FROM work_agreements WHERE user_id = %s ORDER BY proposed_at DESC", (user_id,)
    ).fetchall()
    consent = next((a for a in history if a["status"] == "accepted"), None)
    cfg = company_settings(conn, company_id)
    return {
        "consent_history": history,
        "capture": capture(consent, cfg),
        "held": held(conn, user_id, cfg["retention_days"]),
    }


def capture(consent: Row | None, cfg: dict) -> list[dict]:
    """Return what the desktop agent, the browser extension and the phone capture now under `consent`."""
    on = {k: bool(consent and consent[k]) for k in ("screenshots", "activity", "gps")}
    blur = " (blurred)" if cfg["blur_screenshots"] else ""
    return [
        {
            "client": "desktop_agent",
            "kind": "screenshots",
            "active": on["screenshots"],
            "detail": f"a screenshot every {cfg['screenshot_interval_minutes']} min while tracking{blur},"
            " and screen recordings when the company turns them on",
        },
        {
            "client": "desktop_agent",
            "kind": "activity",
            "active": on["activity"],
            "detail": "application, window title, keyboard and mouse counts (no keystrokes), idle after"
            f" {cfg['idle_threshold_minutes']} min",
        },
        {
            "client": "browser_extension",
            "kind": "activity",
            "active": on["activity"],
            "detail": "the active tab's site and page title while tracking",
        },
        {
            "client": "phone",
            "kind": "gps",
            "active": on["gps"],
            "detail": "location points while clocked in, geofence arrivals and departures",
        },
    ]


def held(conn: Conn, user_id: str, retention_days: dict) -> list[dict]:
    """Return, per kind of captured data, how many items are held about `user_id` and their time span."""
    out = []
    for kind, (table, column, retention_key) in HELD.items():
        row = conn.execute(
            f"SELECT count(*)::int AS count, min({column}) AS first_at, max({column}) AS last_at"
            f" FROM {table} WHERE user_id = %s",
            (user_id,),
        ).fetchone()
        assert row is not None  # an aggregate yields one row
        days = retention_days.get(retention_key)
        out.append({"kind": kind, **row, "retention_days": int(days) if days else None})
    return out
