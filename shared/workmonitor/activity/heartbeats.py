"""ActivityWatch compatibility: buckets, events and heartbeats (aw-server semantics) counted into the rollups.

ActivityWatch events count as app/domain time (no input counts, so no active seconds) when their data has an
`app` or a `url`; other events (e.g. aw-watcher-afk status) are stored but not counted. The rollup increment
takes the shared (user, day) lock first, like sample ingest (see `capture`).
"""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

from psycopg.types.json import Jsonb

from ..db import Conn
from ..errors import NotFound, ValidationFailed
from . import productivity
from .capture import DAY_LOCK, domain_of, refuse_without_consent
from .models import HeartbeatIn

MAX_EVENT_DATA = 16_384
_MS = Decimal("0.001")


def ensure_bucket(
    conn: Conn,
    company_id,
    user_id,
    name: str,
    type_: str = "currentwindow",
    client: str = "",
    hostname: str = "",
) -> tuple[dict, bool]:
    """Return (bucket row, created) for the caller's bucket `name`, creating it when missing."""
    created = conn.execute(
        "INSERT INTO activity_buckets (company_id, user_id, name, type, client, hostname)"
        " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (user_id, name) DO NOTHING RETURNING id",
        (company_id, user_id, name, type_, client, hostname),
    ).fetchone()
    row = conn.execute(
        "SELECT id, name, type, client, hostname, created_at FROM activity_buckets WHERE user_id = %s AND name = %s",
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


# Consent, and the rules that classify the event's time, read alongside the merge (one pipeline, see `heartbeat`).
# A heartbeat's commit does not wait for the WAL flush: a crash may lose the last fraction of a second of
# heartbeats, which the watcher's next heartbeat re-extends anyway (aw-server semantics), and no other write of
# the request is weakened (the setting is transaction-local).
_HB_BEGIN = (
    "SELECT (SELECT activity FROM work_agreements WHERE user_id = %(uid)s AND status = 'accepted') AS ok,"
    f" {productivity.USER_RULES_JSON} AS rules, set_config('synchronous_commit', 'off', true) AS async_commit"
)
_HB_BUCKET = (
    "INSERT INTO activity_buckets (company_id, user_id, name) VALUES (%(cid)s, %(uid)s, %(name)s)"
    " ON CONFLICT (user_id, name) DO NOTHING"
)
# The bucket row lock serialises the heartbeats of one bucket on any replica; the merge below runs after it.
_HB_LOCK = "SELECT id FROM activity_buckets WHERE user_id = %(uid)s AND name = %(name)s FOR UPDATE"
# aw-server's merge: the same data within the last event's duration + pulsetime extends it (never shortens it),
# else a new event. The time added goes to the rollup under the shared (user, day) lock, like sample ingest.
_HB_MERGE = f"""
WITH b AS (SELECT id FROM activity_buckets WHERE user_id = %(uid)s AND name = %(name)s
), last AS (
  SELECT e.id, e.started_at, e.duration, e.data FROM activity_events e WHERE e.bucket_id = (SELECT id FROM b)
  ORDER BY e.started_at DESC, e.id DESC LIMIT 1
), m AS (
  SELECT id, started_at, duration AS old,
    greatest(duration, round(extract(epoch FROM %(ts)s::timestamptz - started_at), 3) + %(dur)s::numeric) AS new
  FROM last WHERE data = %(data)s::jsonb
    AND %(ts)s::timestamptz BETWEEN started_at
      AND started_at + make_interval(secs => duration::float8 + %(pulse)s::float8)
), upd AS (
  UPDATE activity_events e SET duration = m.new FROM m WHERE e.id = m.id
  RETURNING e.id, e.started_at AS timestamp, e.duration, e.data, true AS merged, e.duration - m.old AS added, 0 AS n
), ins AS (
  INSERT INTO activity_events (company_id, user_id, bucket_id, started_at, duration, data, app, domain)
  SELECT %(cid)s, %(uid)s, b.id, %(ts)s, %(dur)s, %(data)s::jsonb, %(app)s, %(domain)s FROM b
  WHERE NOT EXISTS (SELECT FROM m)
  RETURNING id, started_at AS timestamp, duration, data, false AS merged, duration AS added, 1 AS n
), ev AS (SELECT * FROM upd UNION ALL SELECT * FROM ins
), daily AS (
  INSERT INTO activity_daily (company_id, user_id, day, app, domain, seconds, samples)
  SELECT %(cid)s, %(uid)s, d, %(app)s, %(domain)s, ev.added, ev.n
  FROM ev, LATERAL (SELECT (ev.timestamp AT TIME ZONE (SELECT coalesce(timezone, 'UTC') FROM users
    WHERE id = %(uid)s))::date AS d) AS day, LATERAL (SELECT pg_advisory_xact_lock_shared({DAY_LOCK.format(day="d")}))
    AS locked
  WHERE (%(app)s <> '' OR %(domain)s <> '') AND (ev.added > 0 OR ev.n > 0)
  ON CONFLICT (user_id, day, app, domain) DO UPDATE SET seconds = activity_daily.seconds + excluded.seconds,
    samples = activity_daily.samples + excluded.samples RETURNING day
)
SELECT ev.id, ev.timestamp, ev.duration, ev.data, ev.merged, ev.added, (SELECT day FROM daily) AS day FROM ev
"""


def heartbeat(
    conn: Conn, company_id, user_id, bucket_name: str, hb: HeartbeatIn, pulsetime: float
) -> tuple[dict, bool]:
    """Merge `hb` into the bucket's last event (aw-server semantics) or insert it; return (event, merged).

    One pipeline (consent and rules, bucket, bucket row lock, merge-or-insert with its rollup), then the
    productivity increment: two round trips. Without consent the request fails and rolls all of it back.
    """
    if len(json.dumps(hb.data)) > MAX_EVENT_DATA:
        raise ValidationFailed("The event data is too large.", fields={"data": f"at most {MAX_EVENT_DATA} bytes"})
    app, domain = _event_key(hb.data)
    params = {
        "cid": company_id,
        "uid": user_id,
        "name": bucket_name,
        "ts": hb.timestamp,
        "dur": _seconds(hb.duration),
        "data": Jsonb(hb.data),
        "pulse": pulsetime,
        "app": app,
        "domain": domain,
    }
    with conn.pipeline():
        begin = conn.execute(_HB_BEGIN, params)
        conn.execute(_HB_BUCKET, params)
        conn.execute(_HB_LOCK, params)
        merged = conn.execute(_HB_MERGE, params)
    first = begin.fetchone()
    refuse_without_consent(first is not None and first["ok"])
    event = merged.fetchone()
    assert first is not None and event is not None  # one event is merged or inserted
    day, added = event.pop("day"), event.pop("added")
    if day is not None:
        rows = [{"day": day, "app": app, "domain": domain, "seconds": added, "idle_seconds": 0, "active_seconds": 0}]
        classifier = productivity.classifier_from_json(first["rules"])
        productivity.add_daily(conn, company_id, user_id, productivity.daily_increments(classifier, rows))
    return event, event.pop("merged")


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
