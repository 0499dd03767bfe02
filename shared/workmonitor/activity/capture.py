"""Activity capture: batch sample ingest (one statement for samples and the app/domain rollup).

Definitions (also the API's):
- A sample is one client interval (usually 60 s) with the foreground app, window title, URL/domain, input event
  counts, an idle flag and its source (desktop agent or browser extension; a browser sample keeps its URL and
  title only when the company's browser_capture setting is "full", else its domain alone). Its active seconds
  are the client's `active_seconds` (seconds with input, measured per second) when sent, else an estimate of
  min(duration, keyboard + mouse) (each input event credits at most one second); an idle sample has none.
- Activity % of an interval = active seconds / tracked seconds x 100. Idle time = seconds of idle samples.
- Days are calendar days in the user's time zone at the time of ingest (a recompute uses the current one).
- Rollups (activity_daily, productivity_daily; activity_app_daily and activity_domain_daily follow activity_daily
  by trigger) are increased in the ingest transaction. What must stay true:
  ingest holds a SHARED transaction-scoped advisory lock per (user, local day) it adds to, taken before it
  writes and before it reads the rules; a recompute batch holds the EXCLUSIVE lock of the one (user, day) it
  rebuilds (see `recompute`). So a batch never misses nor double-counts an ingest, and ingest waits at most
  for one short batch of its own user and day, never for a whole recompute.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from ..db import Conn
from ..errors import Forbidden, PayloadTooLarge, ValidationFailed
from . import productivity
from .models import MAX_SAMPLES, SampleBatch

MAX_FUTURE = timedelta(days=1)
M = TypeVar("M", bound=BaseModel)
# The shared lock of one (user, day); recompute takes the same key exclusively. Two int keys: user, day number.
DAY_LOCK = "hashtext(%(uid)s::text), {day} - date '2000-01-01'"


def refuse_without_consent(ok: bool | None) -> None:
    """Raise Forbidden (consent_required) unless `ok`: the activity consent read alongside other work."""
    if not ok:
        raise Forbidden(
            "No activity consent is recorded for this employee.",
            code="consent_required",
            fields={"consent": "activity"},
        )


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
                                keyboard, mouse, idle, active_seconds, source)
  SELECT %(cid)s, %(uid)s, coalesce(t.device_id, %(device)s), t.seq, t.started_at, t.duration, coalesce(t.app, ''),
         CASE WHEN t.source = 'browser' AND NOT %(full)s THEN '' ELSE coalesce(t.title, '') END,
         CASE WHEN t.source = 'browser' AND NOT %(full)s THEN NULL ELSE t.url END,
         t.domain, coalesce(t.keyboard, 0), coalesce(t.mouse, 0),
         coalesce(t.idle, false), CASE WHEN t.idle THEN 0 ELSE coalesce(t.active_seconds,
           least(t.duration, coalesce(t.keyboard, 0) + coalesce(t.mouse, 0))) END, coalesce(t.source, 'desktop')
  FROM ROWS FROM (json_to_recordset(%(body)s::json -> 'samples') AS (seq bigint, device_id text,
         started_at timestamptz, duration int, app text, title text, url text, keyboard int, mouse int, idle boolean,
         active_seconds int, source text), unnest(%(domains)b::text[]))
    AS t(seq, device_id, started_at, duration, app, title, url, keyboard, mouse, idle, active_seconds, source, domain)
  ON CONFLICT (user_id, device_id, seq, started_at) DO NOTHING
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
SELECT day, app, domain, n, seconds, active_seconds, idle_seconds, RULES AS rules FROM agg
""".replace("RULES", productivity.USER_RULES_JSON)

# Consent, time zone and the shared locks of every local day the batch touches, before anything is written.
_BEGIN = f"""
WITH u AS (SELECT coalesce(timezone, 'UTC') AS tz FROM users WHERE id = %(uid)s)
SELECT u.tz, (SELECT activity FROM work_agreements WHERE user_id = %(uid)s AND status = 'accepted') AS ok,
  (SELECT settings->>'browser_capture' = 'full' FROM companies WHERE id = %(cid)s) IS TRUE AS full_urls,
  (SELECT count(pg_advisory_xact_lock_shared({DAY_LOCK.format(day="d")})) FROM (SELECT DISTINCT
    (t AT TIME ZONE u.tz)::date AS d FROM unnest(%(starts)s::timestamptz[]) AS t ORDER BY 1) AS days) AS locked
FROM u
"""


def ingest(conn: Conn, company_id, user_id, raw: bytes) -> dict:
    """Store the new samples of JSON batch `raw` and add them to the rollups; return accepted and duplicate counts.

    Raises ValidationFailed (naming the bad sample), PayloadTooLarge (over MAX_SAMPLES) or Forbidden (no activity
    consent); nothing is stored then. Three statements: consent + locks, samples + rollup + rules, productivity.
    """
    batch = parse(SampleBatch, raw)
    if b"\\u0000" in raw:  # PostgreSQL text cannot hold NUL characters
        raise ValidationFailed("Text must not contain NUL characters.", fields={"samples": "contains \\u0000"})
    domains = check(batch)
    starts = sorted({s.started_at for s in batch.samples})
    begin = conn.execute(_BEGIN, {"uid": user_id, "cid": company_id, "starts": starts}).fetchone()
    refuse_without_consent(begin is not None and begin["ok"])
    assert begin is not None  # refused just above otherwise
    rows = conn.execute(
        _INGEST,
        {
            "cid": company_id,
            "uid": user_id,
            "tz": begin["tz"],
            "device": batch.device_id,
            "body": raw.decode(),
            "domains": domains,
            "full": begin["full_urls"],
        },
    ).fetchall()
    accepted = sum(r["n"] for r in rows)
    if rows:
        classifier = productivity.classifier_from_json(rows[0]["rules"])
        productivity.add_daily(conn, company_id, user_id, productivity.daily_increments(classifier, rows))
    return {"received": len(batch.samples), "accepted": accepted, "duplicates": len(batch.samples) - accepted}
