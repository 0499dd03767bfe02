"""Retention of activity samples, GPS and chat per company, the expiry of exports, and the settings page's preview
of what will be deleted when (screenshots and recordings: workmonitor.jobs.retention).

What must stay true: a row is deleted exactly when its time is older than now minus the company's days for its
kind (0 keeps it); objects leave S3 before their rows, so a run killed midway is finished by the next.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from .. import storage
from ..db import Conn

BATCH = 1000
RUN_EVERY = timedelta(hours=1)  # the scheduler's retention slot (workmonitor.scheduler.cron)

# kind -> (table, time column, what goes)
KINDS = {
    "screenshots": ("screenshots", "taken_at", "screenshot images, thumbnails and blurred copies"),
    "recordings": ("screen_recordings", "started_at", "screen recordings and their video chunks"),
    "activity": ("activity_samples", "started_at", "raw activity samples (apps, titles, sites); daily totals stay"),
    "gps": ("location_points", "recorded_at", "GPS points and geofence arrivals and departures"),
    "chat": ("chat_messages", "created_at", "chat messages and their attachments"),
}


def expire_activity(conn: Conn, days: int) -> int:
    """Delete one batch of activity samples older than `days`; return how many."""
    return conn.execute(
        "DELETE FROM activity_samples WHERE (user_id, device_id, seq) IN (SELECT user_id, device_id, seq"
        " FROM activity_samples WHERE started_at < now() - make_interval(days => %s) LIMIT %s)",
        (days, BATCH),
    ).rowcount


def expire_gps(conn: Conn, days: int) -> int:
    """Delete one batch of GPS points (and geofence events) older than `days`; return how many points."""
    conn.execute(
        "DELETE FROM geofence_events WHERE id IN (SELECT id FROM geofence_events"
        " WHERE recorded_at < now() - make_interval(days => %s) LIMIT %s)",
        (days, BATCH),
    )
    return conn.execute(
        "DELETE FROM location_points WHERE id IN (SELECT id FROM location_points"
        " WHERE recorded_at < now() - make_interval(days => %s) LIMIT %s)",
        (days, BATCH),
    ).rowcount


def expire_chat(conn: Conn, days: int) -> int:
    """Delete one batch of chat messages older than `days` with their attachments (objects first); return how
    many messages."""
    ids = [
        r["id"]
        for r in conn.execute(
            "SELECT id FROM chat_messages WHERE created_at < now() - make_interval(days => %s) ORDER BY id LIMIT %s"
            " FOR UPDATE SKIP LOCKED",
            (days, BATCH),
        ).fetchall()
    ]
    if ids:
        keys = conn.execute("SELECT object_key FROM chat_attachments WHERE message_id = ANY(%s)", (ids,)).fetchall()
        storage.delete(*[k["object_key"] for k in keys])
        conn.execute("DELETE FROM chat_messages WHERE id = ANY(%s)", (ids,))  # attachments go by the foreign key
    return len(ids)


def expire_exports(conn: Conn) -> int:
    """Delete the ZIPs of exports past their expiry and mark them expired; return how many."""
    rows = conn.execute(
        "SELECT id, object_key FROM data_exports WHERE status = 'ready' AND expires_at <= now() FOR UPDATE SKIP LOCKED"
    ).fetchall()
    storage.delete(*[r["object_key"] for r in rows])
    if rows:
        ids = [r["id"] for r in rows]
        conn.execute("UPDATE data_exports SET status = 'expired', object_key = NULL WHERE id = ANY(%s)", (ids,))
    return len(rows)


def preview(conn: Conn, retention_days: dict, now: datetime | None = None) -> list[dict]:
    """Return, per kind, the days kept, the cutoff, how many items are past it now (deleted at the next run) and
    when the oldest remaining item will go (admin claims: the whole company)."""
    now = now or datetime.now(UTC)
    every = RUN_EVERY.total_seconds()
    next_run = datetime.fromtimestamp((now.timestamp() // every + 1) * every, UTC)
    out = []
    for kind, (table, column, what) in KINDS.items():
        days = int(retention_days.get(kind) or 0)
        cutoff = now - timedelta(days=days) if days else None
        row = conn.execute(
            f"SELECT count(*) FILTER (WHERE %(cutoff)s::timestamptz IS NOT NULL AND {column} < %(cutoff)s)::int AS due,"
            f" min({column}) FILTER (WHERE %(cutoff)s::timestamptz IS NULL OR {column} >= %(cutoff)s) AS oldest"
            f" FROM {table}",
            {"cutoff": cutoff},
        ).fetchone()
        assert row is not None  # an aggregate yields one row
        oldest = row["oldest"]
        out.append(
            {
                "kind": kind,
                "days": days,
                "what": what,
                "cutoff": cutoff,
                "due_now": row["due"],
                "next_run_at": next_run,
                "oldest_kept_at": oldest,
                "oldest_deleted_at": max(oldest + timedelta(days=days), next_run) if days and oldest else None,
            }
        )
    return out
