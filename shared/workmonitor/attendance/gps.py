"""GPS: batches of location points (only with consent), geofences, and enter/exit events derived from the stream.

Events are derived per (user, device) stream in recorded_at order. A batch that adds points re-derives the
events from its earliest new point onwards, so late or out-of-order batches still give the right sequence; a
retried batch adds no point (unique user/device/recorded_at) and so changes nothing.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from .. import consent
from ..db import Conn
from ..errors import NotFound, ValidationFailed
from . import common, geo
from .models import GeofenceIn, PointIn

FENCE_COLUMNS = "id, name, kind, center_lat, center_lng, radius_m, polygon, active, created_by, created_at, updated_at"
POINT_COLUMNS = "id, user_id, device_id, recorded_at, lat, lng, accuracy, received_at"
EVENT_COLUMNS = "id, user_id, device_id, geofence_id, event, recorded_at, lat, lng, created_at"
MAX_EVENT_ACCURACY_M = 200  # fixes vaguer than this are stored but do not move anyone in or out of a fence
FUTURE_SLACK = timedelta(minutes=10)
OLDEST = datetime.fromisoformat("2000-01-01T00:00:00+00:00")


def upload(conn: Conn, company_id: str, user_id: str, device_id: str, points: list[PointIn]) -> dict:
    """Store a batch of the caller's points (GPS consent required) and derive fence events; return counts."""
    consent.require(conn, user_id, "gps")
    latest = common.now() + FUTURE_SLACK
    bad = {f"points.{i}.recorded_at": "in the future" for i, p in enumerate(points) if p.recorded_at > latest}
    bad.update({f"points.{i}.recorded_at": "before 2000" for i, p in enumerate(points) if p.recorded_at < OLDEST})
    if bad:
        raise ValidationFailed("Some points have an impossible time.", fields=bad)
    rows = conn.execute(
        "INSERT INTO location_points (company_id, user_id, device_id, recorded_at, lat, lng, accuracy)"
        " SELECT %s, %s, %s, t.recorded_at, t.lat, t.lng, t.accuracy"
        " FROM unnest(%s::timestamptz[], %s::float8[], %s::float8[], %s::real[]) AS t(recorded_at, lat, lng, accuracy)"
        " ON CONFLICT (user_id, device_id, recorded_at) DO NOTHING RETURNING recorded_at",
        (
            company_id,
            user_id,
            device_id,
            [p.recorded_at for p in points],
            [p.lat for p in points],
            [p.lng for p in points],
            [p.accuracy for p in points],
        ),
    ).fetchall()
    events: list[dict] = []
    if rows:
        events = derive_events(conn, company_id, user_id, device_id, min(r["recorded_at"] for r in rows))
    return {"received": len(points), "stored": len(rows), "duplicates": len(points) - len(rows), "events": events}


def active_fences(conn: Conn) -> list[geo.Fence]:
    """Return the caller's company's active geofences."""
    rows = conn.execute(
        f"SELECT {FENCE_COLUMNS} FROM geofences WHERE company_id = app.company_id() AND active ORDER BY created_at, id"
    ).fetchall()
    return [geo.Fence.from_row(r) for r in rows]


def derive_events(conn: Conn, company_id: str, user_id: str, device_id: str, since: datetime) -> list[dict]:
    """Re-derive the enter/exit events of one device stream from `since` on; return the events now stored."""
    fences = active_fences(conn)
    if not fences:
        return []
    usable = "(accuracy IS NULL OR accuracy <= %s)"
    prev = conn.execute(
        f"SELECT lat, lng FROM location_points WHERE user_id = %s AND device_id = %s"
        f" AND recorded_at < %s AND {usable} ORDER BY recorded_at DESC LIMIT 1",
        (user_id, device_id, since, MAX_EVENT_ACCURACY_M),
    ).fetchone()
    initial = {f.id: f.contains(prev["lat"], prev["lng"]) for f in fences} if prev else {}
    points = conn.execute(
        f"SELECT recorded_at, lat, lng FROM location_points WHERE user_id = %s AND device_id = %s"
        f" AND recorded_at >= %s AND {usable} ORDER BY recorded_at",
        (user_id, device_id, since, MAX_EVENT_ACCURACY_M),
    ).fetchall()
    events = geo.transitions(points, fences, initial)
    ids = [f.id for f in fences]
    conn.execute(
        "DELETE FROM geofence_events WHERE user_id = %s AND device_id = %s AND recorded_at >= %s"
        " AND geofence_id = ANY(%s::uuid[])",
        (user_id, device_id, since, ids),
    )
    if events:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO geofence_events (company_id, user_id, device_id, geofence_id, event, recorded_at, lat,"
                " lng) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [
                    (company_id, user_id, device_id, e["geofence_id"], e["event"], e["recorded_at"], e["lat"], e["lng"])
                    for e in events
                ],
            )
    return events


def list_points(
    conn: Conn,
    company_id: str,
    user_id: str | None,
    frm: datetime | None,
    to: datetime | None,
    limit: int,
    offset: int,
) -> list[dict]:
    """Return up to limit + 1 visible location points, newest first."""
    return conn.execute(
        f"SELECT {POINT_COLUMNS} FROM location_points WHERE company_id = %(cid)s"
        " AND (%(uid)s::uuid IS NULL OR user_id = %(uid)s::uuid)"
        " AND (%(frm)s::timestamptz IS NULL OR recorded_at >= %(frm)s)"
        " AND (%(to)s::timestamptz IS NULL OR recorded_at < %(to)s)"
        " ORDER BY recorded_at DESC, id DESC LIMIT %(limit)s OFFSET %(offset)s",
        {"cid": company_id, "uid": user_id, "frm": frm, "to": to, "limit": limit + 1, "offset": offset},
    ).fetchall()


def list_events(
    conn: Conn,
    company_id: str,
    user_id: str | None,
    geofence_id: str | None,
    frm: datetime | None,
    to: datetime | None,
    limit: int,
    offset: int,
) -> list[dict]:
    """Return up to limit + 1 visible geofence events in recorded_at order."""
    return conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM geofence_events WHERE company_id = %(cid)s"
        " AND (%(uid)s::uuid IS NULL OR user_id = %(uid)s::uuid)"
        " AND (%(gid)s::uuid IS NULL OR geofence_id = %(gid)s::uuid)"
        " AND (%(frm)s::timestamptz IS NULL OR recorded_at >= %(frm)s)"
        " AND (%(to)s::timestamptz IS NULL OR recorded_at < %(to)s)"
        " ORDER BY recorded_at, id LIMIT %(limit)s OFFSET %(offset)s",
        {
            "cid": company_id,
            "uid": user_id,
            "gid": geofence_id,
            "frm": frm,
            "to": to,
            "limit": limit + 1,
            "offset": offset,
        },
    ).fetchall()


# --- geofences ---------------------------------------------------------------------------------------------


def create_fence(conn: Conn, company_id: str, actor_id: str, data: GeofenceIn) -> dict:
    """Create a geofence (admins, by RLS); return it."""
    row = conn.execute(
        f"INSERT INTO geofences (company_id, name, kind, center_lat, center_lng, radius_m, polygon, active,"
        f" created_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING {FENCE_COLUMNS}",
        (
            company_id,
            data.name,
            data.kind,
            data.center_lat,
            data.center_lng,
            data.radius_m,
            None if data.polygon is None else json.dumps(data.polygon),
            data.active,
            actor_id,
        ),
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    return row


def get_fence(conn: Conn, fence_id: str) -> dict:
    """Return a geofence of the caller's company, or raise NotFound."""
    row = conn.execute(f"SELECT {FENCE_COLUMNS} FROM geofences WHERE id = %s", (fence_id,)).fetchone()
    if row is None:
        raise NotFound("No such geofence.")
    return row


def update_fence(conn: Conn, fence_id: str, changes: dict) -> tuple[dict, dict]:
    """Apply `changes` to a geofence keeping its shape valid; return (before, after)."""
    row = get_fence(conn, fence_id)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give a field to change"})
    merged = {**row, **changes}
    try:
        geo.check_shape(row["kind"], merged["center_lat"], merged["center_lng"], merged["radius_m"], merged["polygon"])
    except ValueError as exc:
        raise ValidationFailed(str(exc), fields={"_": str(exc)}) from exc
    if "polygon" in changes:
        changes["polygon"] = json.dumps(changes["polygon"])
    sets = ", ".join(f"{col} = %({col})s" for col in changes)
    after = conn.execute(
        f"UPDATE geofences SET {sets}, updated_at = now() WHERE id = %(id)s RETURNING {FENCE_COLUMNS}",
        {**changes, "id": row["id"]},
    ).fetchone()
    if after is None:  # deleted since get_fence read it
        raise NotFound("No such geofence.")
    return row, after


def delete_fence(conn: Conn, fence_id: str) -> dict:
    """Delete a geofence and its events; return the deleted row."""
    row = get_fence(conn, fence_id)
    conn.execute("DELETE FROM geofences WHERE id = %s", (row["id"],))
    return row


def list_fences(conn: Conn, include_inactive: bool, limit: int, offset: int) -> list[dict]:
    """Return up to limit + 1 geofences of the caller's company."""
    return conn.execute(
        f"SELECT {FENCE_COLUMNS} FROM geofences WHERE company_id = app.company_id()"
        " AND (%s OR active) ORDER BY lower(name), id LIMIT %s OFFSET %s",
        (include_inactive, limit + 1, offset),
    ).fetchall()
