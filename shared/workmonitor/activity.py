"""Activity capture: batch sample ingest, ActivityWatch heartbeats, and the rollup recompute job.

Definitions (also the API's):
- A sample is one client interval (usually 60 s) with the foreground app, window title, URL/domain, input event
  counts and an idle flag. Its active seconds are the client's `active_seconds` when sent, else an estimate of
  min(duration, keyboard + mouse) (each input event credits at most one second); an idle sample has none.
- Activity % of an interval = active seconds / tracked seconds x 100. Idle time = seconds of idle samples.
- Days are calendar days in the user's time zone at the time of ingest (the recompute job uses the current one).
- ActivityWatch events count as app/domain time (no input counts, so no active seconds) when their data has an
  `app` or a `url`; other events (e.g. aw-watcher-afk status) are stored but not counted.
- Rollups (activity_daily, productivity_daily) are increased in the ingest transaction; a transaction-scoped
  advisory lock per company (shared for ingest, exclusive for the recompute job) keeps the two consistent
  across any number of replicas.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

import psycopg
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from . import consent, db, productivity
from .errors import PayloadTooLarge, ValidationFailed

MAX_SAMPLES = 1000
MAX_FUTURE = timedelta(days=1)
MAX_EVENT_DATA = 16_384
Text = Annotated[str, StringConstraints(max_length=1000)]
DeviceId = Annotated[str, StringConstraints(min_length=1, max_length=100)]
_MS = Decimal("0.001")
M = TypeVar("M", bound=BaseModel)


class SampleIn(BaseModel):
    """One activity interval as the desktop agent or browser extension sends it (strict JSON types)."""

    # Strict: PostgreSQL reads the same JSON (json_to_recordset), so both must accept exactly the same values.
    model_config = ConfigDict(extra="forbid", strict=True)
    seq: int = Field(ge=0, le=2**62)
    device_id: DeviceId | None = None
    started_at: AwareDatetime
    duration: int = Field(ge=1, le=3600)
    app: Annotated[str, StringConstraints(max_length=200)] = ""
    title: Text = ""
    url: Annotated[str, StringConstraints(max_length=2048)] | None = None
    domain: Annotated[str, StringConstraints(max_length=253)] | None = None
    keyboard: int = Field(default=0, ge=0, le=1_000_000)
    mouse: int = Field(default=0, ge=0, le=1_000_000)
    idle: bool = False
    active_seconds: int | None = Field(default=None, ge=0, le=3600)


class SampleBatch(BaseModel):
    """A batch of samples; `device_id` applies to samples that do not name their own."""

    model_config = ConfigDict(extra="forbid")
    device_id: DeviceId | None = None
    samples: list[SampleIn] = Field(min_length=1, max_length=MAX_SAMPLES)


class HeartbeatIn(BaseModel):
    """An ActivityWatch event sent as a heartbeat."""

    model_config = ConfigDict(extra="forbid")
    id: int | None = None
    timestamp: AwareDatetime
    duration: float = Field(default=0, ge=0, le=86_400)
    data: dict[str, Any] = Field(default_factory=dict)


def lock_key(company_id) -> str:
    """Return the advisory-lock text key guarding a company's rollups."""
    return f"activity-rollups:{company_id}"


def domain_of(url: str | None, domain: str | None) -> str:
    """Return the normalised domain of a sample: its `domain`, else the host of its `url`, else ''."""
    if domain:
        return productivity.normalize_domain(domain)
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return ""
    return productivity.normalize_domain(host)


def parse(model: type[M], raw: bytes) -> M:
    """Return JSON `raw` validated as `model`; raise PayloadTooLarge for too many samples, else ValidationFailed."""
    try:
        return model.model_validate_json(raw or b"{}")
    except ValidationError as exc:
        fields: dict[str, str] = {}
        for err in exc.errors(include_url=False):
            if err["type"] == "json_invalid":
                raise ValidationFailed("The request body is not valid JSON.", code="invalid_json") from exc
            if err["type"] == "too_long" and tuple(err["loc"]) == ("samples",):
                raise PayloadTooLarge(
                    f"At most {MAX_SAMPLES} samples per request; split the batch.",
                    code="too_many_samples",
                    fields={"samples": "too many"},
                ) from exc
            fields.setdefault(".".join(str(p) for p in err["loc"]) or "_", err["msg"])
        raise ValidationFailed("Some fields are missing or invalid.", fields=fields) from exc


def check(batch: SampleBatch, now: datetime | None = None) -> list[str | None]:
    """Return each sample's normalised domain; raise ValidationFailed naming each bad sample."""
    limit = (now or datetime.now(UTC)) + MAX_FUTURE
    bad: dict[str, str] = {}
    domains: dict[tuple, str | None] = {}  # URLs repeat within a batch: parse each once
    out = []
    for i, s in enumerate(batch.samples):
        if s.device_id is None and batch.device_id is None:
            bad[f"samples.{i}.device_id"] = "required (here or on the batch)"
        if s.started_at > limit:
            bad[f"samples.{i}.started_at"] = "is in the future"
        if s.active_seconds is not None and s.active_seconds > s.duration:
            bad[f"samples.{i}.active_seconds"] = "must not exceed duration"
        key = (s.url, s.domain)
        if key not in domains:
            domains[key] = domain_of(s.url, s.domain) or None
        out.append(domains[key])
    if bad:
        raise ValidationFailed("Some samples are invalid.", fields=bad)
    return out


# The validated body itself goes to PostgreSQL, which unpacks it with json_to_recordset: no per-value Python
# marshalling. Only the domains (normalised in Python, shared with heartbeats and rules) travel as an array.
_INGEST = """
WITH ins AS (
  INSERT INTO activity_samples (company_id, user_id, device_id, seq, started_at, duration, app, title, url, domain,
                                keyboard, mouse, idle, active_seconds)
  SELECT %(cid)s, %(uid)s, coalesce(t.device_id, %(device)s), t.seq, t.started_at, t.duration, coalesce(t.app, ''),
         coalesce(t.title, ''), t.url, t.domain, coalesce(t.keyboard, 0), coalesce(t.mouse, 0),
         coalesce(t.idle, false), CASE WHEN t.idle THEN 0 ELSE coalesce(t.active_seconds,
           least(t.duration, coalesce(t.keyboard, 0) + coalesce(t.mouse, 0))) END
  FROM ROWS FROM (json_to_recordset(%(body)s::json -> 'samples') AS (seq bigint, device_id text,
         started_at timestamptz, duration int, app text, title text, url text, keyboard int, mouse int, idle boolean,
         active_seconds int), unnest(%(domains)b::text[]))
    AS t(seq, device_id, started_at, duration, app, title, url, keyboard, mouse, idle, active_seconds, domain)
  ON CONFLICT (user_id, device_id, seq) DO NOTHING
  RETURNING started_at, duration, app, domain, idle, active_seconds
), agg AS (
  SELECT (started_at AT TIME ZONE %(tz)s)::date AS day, app, coalesce(domain, '') AS domain, count(*) AS n,
         sum(duration) AS seconds, sum(active_seconds) AS active_seconds,
         coalesce(sum(duration) FILTER (WHERE idle), 0) AS idle_seconds
  FROM ins GROUP BY 1, 2, 3
), up AS (
  INSERT INTO activity_daily (company_id, user_id, day, app, domain, seconds, active_seconds, idle_seconds, samples)
  SELECT %(cid)s, %(uid)s, day, app, domain, seconds, active_seconds, idle_seconds, n FROM agg
  ORDER BY day, app, domain
  ON CONFLICT (user_id, day, app, domain) DO UPDATE SET seconds = activity_daily.seconds + excluded.seconds,
    active_seconds = activity_daily.active_seconds + excluded.active_seconds,
    idle_seconds = activity_daily.idle_seconds + excluded.idle_seconds,
    samples = activity_daily.samples + excluded.samples
)
SELECT day, app, domain, n, seconds, active_seconds, idle_seconds FROM agg
"""


def _begin_capture(conn: psycopg.Connection, company_id, user_id) -> str:
    """Check consent, take the shared rollup lock and return the user's time zone."""
    consent.require(conn, user_id, "activity")
    row = conn.execute(
        "SELECT pg_advisory_xact_lock_shared(hashtextextended(%s, 0)) AS locked,"
        " (SELECT timezone FROM users WHERE id = %s) AS tz",
        (lock_key(company_id), user_id),
    ).fetchone()
    return row["tz"] or "UTC"


def ingest(conn: psycopg.Connection, company_id, user_id, raw: bytes) -> dict:
    """Store the new samples of JSON batch `raw` and add them to the rollups; return accepted and duplicate counts.

    Raises ValidationFailed (naming the bad sample), PayloadTooLarge (over MAX_SAMPLES) or Forbidden (no activity
    consent); nothing is stored then.
    """
    batch = parse(SampleBatch, raw)
    if b"\\u0000" in raw:  # PostgreSQL text cannot hold NUL characters
        raise ValidationFailed("Text must not contain NUL characters.", fields={"samples": "contains \\u0000"})
    domains = check(batch)
    tz = _begin_capture(conn, company_id, user_id)
    rows = conn.execute(
        _INGEST,
        {
            "cid": company_id,
            "uid": user_id,
            "tz": tz,
            "device": batch.device_id,
            "body": raw.decode(),
            "domains": domains,
        },
    ).fetchall()
    accepted = sum(r["n"] for r in rows)
    if rows:
        productivity.add_daily(
            conn, company_id, user_id, productivity.daily_increments(productivity.rules_for_user(conn, user_id), rows)
        )
    return {"received": len(batch.samples), "accepted": accepted, "duplicates": len(batch.samples) - accepted}


# --- ActivityWatch heartbeats --------------------------------------------------------------------------------

EVENT_COLUMNS = "id, started_at AS timestamp, duration, data"


def ensure_bucket(
    conn: psycopg.Connection,
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
    return row, created is not None


def _event_key(data: dict) -> tuple[str, str]:
    """Return the (app, domain) an event's time is counted under ('' and '' for non-window events)."""
    app = data.get("app") if isinstance(data.get("app"), str) else ""
    url = data.get("url") if isinstance(data.get("url"), str) else None
    return app[:200], domain_of(url, None)


def _seconds(value: float | timedelta) -> Decimal:
    secs = value.total_seconds() if isinstance(value, timedelta) else value
    return Decimal(str(secs)).quantize(_MS)


def heartbeat(
    conn: psycopg.Connection, company_id, user_id, bucket_name: str, hb: HeartbeatIn, pulsetime: float
) -> tuple[dict, bool]:
    """Merge `hb` into the bucket's last event (aw-server semantics) or insert it; return (event, merged).

    The bucket row is locked FOR UPDATE, so concurrent heartbeats of one bucket serialise on any replica.
    """
    if len(json.dumps(hb.data)) > MAX_EVENT_DATA:
        raise ValidationFailed("The event data is too large.", fields={"data": f"at most {MAX_EVENT_DATA} bytes"})
    tz = _begin_capture(conn, company_id, user_id)
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
            _add_event_time(conn, company_id, user_id, tz, last["timestamp"], app, domain, new - last["duration"], 0)
            return event, True
    event = conn.execute(
        "INSERT INTO activity_events (company_id, user_id, bucket_id, started_at, duration, data, app, domain)"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING {EVENT_COLUMNS}",
        (company_id, user_id, bucket["id"], hb.timestamp, duration, psycopg.types.json.Jsonb(hb.data), app, domain),
    ).fetchone()
    _add_event_time(conn, company_id, user_id, tz, hb.timestamp, app, domain, duration, 1)
    return event, False


def _add_event_time(
    conn: psycopg.Connection,
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
    row = conn.execute(
        "INSERT INTO activity_daily (company_id, user_id, day, app, domain, seconds, samples)"
        " VALUES (%(cid)s, %(uid)s, (%(ts)s::timestamptz AT TIME ZONE %(tz)s)::date, %(app)s, %(domain)s, %(s)s, %(n)s)"
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
    rows = [
        {"day": row["day"], "app": app, "domain": domain, "seconds": seconds, "idle_seconds": 0, "active_seconds": 0}
    ]
    productivity.add_daily(
        conn, company_id, user_id, productivity.daily_increments(productivity.rules_for_user(conn, user_id), rows)
    )


# --- recompute job -------------------------------------------------------------------------------------------

_RECOMPUTE = """
INSERT INTO activity_daily (company_id, user_id, day, app, domain, seconds, active_seconds, idle_seconds, samples)
SELECT %(cid)s, user_id, day, app, domain, sum(seconds), sum(active), sum(idle), sum(n) FROM (
  SELECT s.user_id, (s.started_at AT TIME ZONE u.timezone)::date AS day, s.app, coalesce(s.domain, '') AS domain,
         sum(s.duration) AS seconds, sum(s.active_seconds) AS active,
         coalesce(sum(s.duration) FILTER (WHERE s.idle), 0) AS idle, count(*) AS n
  FROM activity_samples s JOIN users u ON u.id = s.user_id WHERE s.company_id = %(cid)s GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT e.user_id, (e.started_at AT TIME ZONE u.timezone)::date, e.app, e.domain, sum(e.duration), 0, 0, count(*)
  FROM activity_events e JOIN users u ON u.id = e.user_id
  WHERE e.company_id = %(cid)s AND (e.app <> '' OR e.domain <> '') GROUP BY 1, 2, 3, 4
) x GROUP BY user_id, day, app, domain
"""


def recompute(conn: psycopg.Connection, company_id) -> dict:
    """Rebuild the company's rollups from raw samples and events with the current rules; return row counts."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (lock_key(company_id),))
    conn.execute("DELETE FROM productivity_daily WHERE company_id = %s", (company_id,))
    conn.execute("DELETE FROM activity_daily WHERE company_id = %s", (company_id,))
    daily = conn.execute(_RECOMPUTE, {"cid": company_id}).rowcount
    rows = conn.execute(
        "SELECT user_id::text AS user_id, day, app, domain, seconds, active_seconds, idle_seconds"
        " FROM activity_daily WHERE company_id = %s ORDER BY user_id",
        (company_id,),
    ).fetchall()
    by_user: dict[str, list[dict]] = {}
    for row in rows:
        by_user.setdefault(row["user_id"], []).append(row)
    classifiers = productivity.rules_for_users(conn, list(by_user))
    for uid, user_rows in by_user.items():
        productivity.add_daily(conn, company_id, uid, productivity.daily_increments(classifiers[uid], user_rows))
    return {"activity_daily": daily, "users": len(by_user)}


def recompute_company(company_id: str) -> dict:
    """RQ job (queue "reports"): rebuild one company's activity rollups; idempotent."""
    with db.transaction(db.Claims.job(company_id)) as conn:
        return recompute(conn, str(company_id))
