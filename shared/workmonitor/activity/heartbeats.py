"""ActivityWatch compatibility: buckets, events and heartbeats (aw-server semantics) counted into the rollups.

ActivityWatch events count as app/domain time (no input counts, so no active seconds) when their data has an
`app` or a `url`; other events (e.g. aw-watcher-afk status) are stored but not counted. The rollup increment
takes the shared (user, day) lock first, like sample ingest (see `capture`).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal

from psycopg.types.json import Jsonb

from ..db import Conn
from ..errors import NotFound, ValidationFailed
from . import productivity
from .capture import DAY_LOCK, domain_of, refuse_without_consent
from .models import HeartbeatIn

MAX_EVENT_DATA = 16_384
_MS = Decimal("0.001")


EVENT_COLUMNS = "id, started_at AS timestamp, duration, data"


def ensure_bucket(
    conn: Conn,
    company_id,
    user_id,
    name: str,
    type_: str = "currentwindow",
    client: str = "",
    hostname: str = "",
    lock: bool = False,
) -> tuple[dict, bool]:
    """Return (bucket row, created) for the caller's bucket `name`, creating it when missing (locked if `lock`)."""
    created = conn.execute(
        "INSERT INTO activity_buckets (company_id, user_id, name, type, client, hostname)"
        " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (user_id, name) DO NOTHING RETURNING id",
        (company_id, user_id, name, type_, client, hostname),
    ).fetchone()
    row = conn.execute(
        "SELECT id, name, type, client, hostname, created_at FROM activity_buckets"
        " WHERE user_id = %s AND name = %s" + (" FOR UPDATE" if lock else ""),
        (user_id, name),
    ).fetchone()
    assert row is not None  # inserted just above or already there (nothing deletes buckets)
    return row, created is not None


def _event_key(data: dict) -> tuple[str, str]:
    """Return the (app, domain) an event's time is counted under ('' and '' for non-window events)."""
    app, url = data.get("app"), data.get("url")
    return (app[:200] if isinstance(app, str) else ""), domain_of(url if isinstance(url, str) else None, None)


def _seconds(value: float | timedelta) -> Decimal:
    secs = value.total_seconds() if isinstance(value, timedelta) else value
    return Decimal(str(secs)).quantize(_MS)


def heartbeat(
    conn: Conn, company_id, user_id, bucket_name: str, hb: HeartbeatIn, pulsetime: float
) -> tuple[dict, bool]:
    """Merge `hb` into the bucket's last event (aw-server semantics) or insert it; return (event, merged).

    The bucket row is locked FOR UPDATE, so concurrent heartbeats of one bucket serialise on any replica.
    """
    if len(json.dumps(hb.data)) > MAX_EVENT_DATA:
        raise ValidationFailed("The event data is too large.", fields={"data": f"at most {MAX_EVENT_DATA} bytes"})
    begin = conn.execute(
        "SELECT (SELECT activity FROM work_agreements WHERE user_id = %(uid)s AND status = 'accepted') AS ok,"
        " (SELECT coalesce(timezone, 'UTC') FROM users WHERE id = %(uid)s) AS tz",
        {"uid": user_id},
    ).fetchone()
    assert begin is not None  # a SELECT without FROM yields one row
    refuse_without_consent(begin["ok"])
    tz = begin["tz"]
    bucket, _ = ensure_bucket(conn, company_id, user_id, bucket_name, lock=True)
    last = conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM activity_events WHERE bucket_id = %s ORDER BY started_at DESC, id DESC LIMIT 1",
        (bucket["id"],),
    ).fetchone()
    duration = _seconds(hb.duration)
    app, domain = _event_key(hb.data)
    if last is not None and last["data"] == hb.data:
        end = last["timestamp"] + timedelta(seconds=float(last["duration"]) + pulsetime)
        if last["timestamp"] <= hb.timestamp <= end:
            new = max(last["duration"], _seconds(hb.timestamp - last["timestamp"]) + duration)
            event = conn.execute(
                f"UPDATE activity_events SET duration = %s WHERE id = %s RETURNING {EVENT_COLUMNS}", (new, last["id"])
            ).fetchone()
            assert event is not None  # read just above under the bucket's row lock; nothing deletes events
            _add_event_time(conn, company_id, user_id, tz, last["timestamp"], app, domain, new - last["duration"], 0)
            return event, True
    event = conn.execute(
        "INSERT INTO activity_events (company_id, user_id, bucket_id, started_at, duration, data, app, domain)"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING {EVENT_COLUMNS}",
        (company_id, user_id, bucket["id"], hb.timestamp, duration, Jsonb(hb.data), app, domain),
    ).fetchone()
    assert event is not None  # INSERT ... RETURNING yields the row
    _add_event_time(conn, company_id, user_id, tz, hb.timestamp, app, domain, duration, 1)
    return event, False


def _add_event_time(
    conn: Conn,
    company_id,
    user_id,
    tz: str,
    started: datetime,
    app: str,
    domain: str,
    seconds: Decimal,
    count: int,
) -> None:
    if not (app or domain) or (seconds <= 0 and not count):
        return
    # The lock is taken while the row to insert is produced, so before the insert or its conflict update.
    row = conn.execute(
        "INSERT INTO activity_daily (company_id, user_id, day, app, domain, seconds, samples)"
        " SELECT %(cid)s::uuid, %(uid)s::uuid, d, %(app)s, %(domain)s, %(s)s::numeric, %(n)s::int"
        " FROM (SELECT (%(ts)s::timestamptz AT TIME ZONE %(tz)s)::date AS d) AS day,"
        f" LATERAL (SELECT pg_advisory_xact_lock_shared({DAY_LOCK.format(day='d')})) AS locked"
        " ON CONFLICT (user_id, day, app, domain) DO UPDATE SET seconds = activity_daily.seconds + excluded.seconds,"
        " samples = activity_daily.samples + excluded.samples RETURNING day",
        {
            "cid": company_id,
            "uid": user_id,
            "ts": started,
            "tz": tz,
            "app": app,
            "domain": domain,
            "s": seconds,
            "n": count,
        },
    ).fetchone()
    assert row is not None  # INSERT ... ON CONFLICT DO UPDATE ... RETURNING yields the row
    rows = [
        {"day": row["day"], "app": app, "domain": domain, "seconds": seconds, "idle_seconds": 0, "active_seconds": 0}
    ]
    productivity.add_daily(
        conn, company_id, user_id, productivity.daily_increments(productivity.rules_for_user(conn, user_id), rows)
    )


def own_buckets(conn: Conn, user_id) -> dict[str, dict]:
    """Return the user's buckets by name (aw-server's GET /api/0/buckets)."""
    rows = conn.execute(
        "SELECT name AS id, type, client, hostname, created_at AS created FROM activity_buckets"
        " WHERE user_id = %s ORDER BY name",
        (user_id,),
    ).fetchall()
    return {r["id"]: r for r in rows}


def events(conn: Conn, user_id, bucket_name: str, limit: int) -> list[dict]:
    """Return the newest `limit` events of a visible user's bucket; raise NotFound."""
    bucket = conn.execute(
        "SELECT id FROM activity_buckets WHERE user_id = %s AND name = %s", (user_id, bucket_name)
    ).fetchone()
    if bucket is None:
        raise NotFound("No such bucket.")
    return conn.execute(
        "SELECT id, started_at AS timestamp, duration::float8 AS duration, data FROM activity_events"
        " WHERE bucket_id = %s ORDER BY started_at DESC, id DESC LIMIT %s",
        (bucket["id"], limit),
    ).fetchall()
