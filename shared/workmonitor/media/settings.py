"""Company media settings: upload limits, blurring, deletion grace, retention and the agent's capture policy."""

from __future__ import annotations

from psycopg.types.json import Jsonb

from ..db import Conn
from ..errors import Forbidden

MB = 1024 * 1024
DEFAULTS: dict = {
    "screenshot_max_bytes": 5 * MB,
    "blur_screenshots": False,
    "delete_grace_minutes": 10,
    "recording_chunk_max_bytes": 8 * MB,
    "retention_days": {"screenshots": 90, "recordings": 30, "activity": 0, "gps": 0, "chat": 0},  # 0: kept
    "screenshot_interval_minutes": 10,
    "idle_threshold_minutes": 5,
    "browser_capture": "domain",  # the browser extension: "domain" only, or "full" URL and tab title
}


def company_settings(conn: Conn, company_id) -> dict:
    """Return the company's media settings merged over DEFAULTS."""
    row = conn.execute("SELECT settings FROM companies WHERE id = %s", (company_id,)).fetchone()
    return merged_settings((row or {}).get("settings"))


def merged_settings(stored: dict | None) -> dict:
    """Return the media settings of a companies.settings value merged over DEFAULTS."""
    stored = stored or {}
    merged = {k: stored.get(k, v) for k, v in DEFAULTS.items()}
    merged["retention_days"] = {**DEFAULTS["retention_days"], **(stored.get("retention_days") or {})}
    return merged


def update_settings(conn: Conn, company_id, changes: dict) -> dict:
    """Merge `changes` into the company's media settings (admins only, by RLS); return the new settings."""
    current = company_settings(conn, company_id)
    if "retention_days" in changes:
        changes = {**changes, "retention_days": {**current["retention_days"], **changes["retention_days"]}}
    row = conn.execute(
        "UPDATE companies SET settings = settings || %s WHERE id = %s RETURNING id", (Jsonb(changes), company_id)
    ).fetchone()
    if row is None:
        raise Forbidden("Only an admin may change company settings.", code="role_required")
    return company_settings(conn, company_id)
