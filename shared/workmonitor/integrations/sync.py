"""Calendar sync jobs: time entries -> calendar events, calendar events -> suggested entries.

What must stay true:
- One event per entry, also across retries and crashes: the event's UID and href are derived from the entry id
  and written with an unconditional PUT, so running a sync twice (or dying between the PUT and the link row)
  overwrites the same event. The link row only saves work (fingerprint unchanged: no PUT).
- Incremental: events are read only when the collection's ctag changed, and then only those whose etag changed.
- A failing provider is recorded on the connection (state 'error', last_error) and never raised into the caller:
  the next change or the scheduler tries again. Only our own bugs and database errors propagate (RQ retries).
- No transaction is held open across an HTTP call.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import psycopg

from ..config import settings
from ..db import Claims, Conn, Row, transaction
from . import crypto, ics, oauth, providers
from .base import ProviderError
from .caldav import CalDav

log = logging.getLogger("workmonitor.integrations.sync")
PUSH_DAYS = 30  # entries that started this long ago or later are mirrored
PULL_PAST_DAYS = 14  # calendar events this far back ...
PULL_AHEAD_DAYS = 14  # ... and ahead are offered as entries
OWN_PREFIX = "wm-entry-"
PURPOSE = "calendar"


def event_name(entry_id: object) -> str:
    """Return the resource name (and UID stem) of the event mirroring entry `entry_id`."""
    return f"{OWN_PREFIX}{entry_id}"


def sync_all() -> dict[str, int]:
    """Sync every calendar connection of every company (the scheduler's job); return counts."""
    with psycopg.connect(settings().owner_database_url) as conn:
        rows = conn.execute("SELECT company_id, id FROM calendar_connections ORDER BY company_id, id").fetchall()
    counts = {"connections": 0, "errors": 0}
    for company_id, connection_id in rows:
        result = sync_connection(str(company_id), str(connection_id))
        counts["connections"] += 1
        counts["errors"] += bool(result.get("error"))
    log.info("calendar sync", extra={"fields": counts})
    return counts


def sync_connection(company_id: str, connection_id: str) -> dict:
    """Sync one connection both ways (as far as it is configured); return what changed, or {"error": ...}."""
    with transaction(Claims.job(company_id)) as conn:
        row = conn.execute(
            "SELECT c.*, u.timezone FROM calendar_connections c JOIN users u ON u.id = c.user_id WHERE c.id = %s",
            (connection_id,),
        ).fetchone()
    if row is None:
        return {"gone": True}  # disconnected meanwhile
    out: dict = {}
    try:
        target = _target(company_id, row)
        if row["push_entries"]:
            out["push"] = push_entries(company_id, row, target)
        if row["pull_events"]:
            out["pull"] = pull_events(company_id, row, target)
    except (ProviderError, crypto.CredentialUnreadable, crypto.IntegrationsOff) as exc:
        record(company_id, connection_id, str(exc))
        return {"error": str(exc)}
    record(company_id, connection_id, None, row["credentials"])
    return out


def _target(company_id: str, row: Row) -> providers.Target:
    """Return the adapter of a connection, its credential decrypted (an OAuth token refreshed and stored first)."""
    secret = json.loads(crypto.decrypt(row["credentials"], PURPOSE))
    if row["provider"] == "caldav":
        cal = CalDav(row["calendar_url"], row["username"] or "", secret["password"])
        return providers.CalDavTarget(cal, ZoneInfo(row["timezone"] or "UTC"))
    tokens, refreshed = oauth.fresh_tokens(row["provider"], secret)
    if refreshed:
        sealed, kid = crypto.encrypt(json.dumps(tokens).encode(), PURPOSE)
        with transaction(Claims.job(company_id)) as conn:
            conn.execute(
                "UPDATE calendar_connections SET credentials = %s, key_id = %s WHERE id = %s", (sealed, kid, row["id"])
            )
        row["credentials"] = sealed
    api = oauth.provider(row["provider"]).api_url
    if row["provider"] == "google":
        return providers.GoogleTarget(api, tokens["access_token"])
    return providers.GraphTarget(api, tokens["access_token"])


def record(company_id: str, connection_id: str, error: str | None, credentials: str | None = None) -> None:
    """Record a sync's outcome on the connection (and re-encrypt its credential under a rotated key)."""
    fresh = None
    if credentials is not None and error is None and crypto.stale(credentials):
        fresh = crypto.reencrypt(credentials, PURPOSE)
    with transaction(Claims.job(company_id)) as conn:
        conn.execute(
            "UPDATE calendar_connections SET state = %s, last_error = %s, last_sync_at = now(), updated_at = now(),"
            " credentials = coalesce(%s, credentials), key_id = coalesce(%s, key_id) WHERE id = %s",
            (
                "error" if error else "active",
                error[:1000] if error else None,
                fresh[0] if fresh else None,
                fresh[1] if fresh else None,
                connection_id,
            ),
        )


# --- entries -> events -------------------------------------------------------------------------------------


def _fingerprint(entry: Row) -> str:
    what = f"{entry['started_at'].isoformat()}|{entry['ended_at'].isoformat()}|{providers.title_of(entry)}"
    return hashlib.sha256(what.encode()).hexdigest()


def _push_plan(conn: Conn, row: Row) -> tuple[list[Row], dict, set]:
    """Return (entries to mirror, {entry_id: link}, ids of every linked entry that still exists)."""
    entries = conn.execute(
        "SELECT e.id, e.started_at, e.ended_at, e.description, e.updated_at, p.name AS project_name"
        " FROM time_entries e LEFT JOIN projects p ON p.id = e.project_id"
        " WHERE e.user_id = %s AND e.ended_at IS NOT NULL AND e.started_at >= now() - make_interval(days => %s)"
        " AND NOT EXISTS (SELECT 1 FROM calendar_suggestions s WHERE s.connection_id = %s AND s.entry_id = e.id)"
        " ORDER BY e.started_at",
        (row["user_id"], PUSH_DAYS, row["id"]),
    ).fetchall()
    links = {
        r["entry_id"]: r
        for r in conn.execute(
            "SELECT entry_id, href, fingerprint FROM calendar_event_links WHERE connection_id = %s", (row["id"],)
        ).fetchall()
    }
    alive = {r["id"] for r in conn.execute("SELECT id FROM time_entries WHERE id = ANY(%s)", (list(links),)).fetchall()}
    return entries, links, alive


def push_entries(company_id: str, row: Row, cal: providers.Target) -> dict[str, int]:
    """Create, update and delete the events mirroring the user's entries; return counts. Raises ProviderError."""
    with transaction(Claims.job(company_id)) as conn:
        entries, links, alive = _push_plan(conn, row)
    counts = {"put": 0, "deleted": 0, "unchanged": 0}
    for entry in entries:
        fingerprint = _fingerprint(entry)
        link = links.get(entry["id"])
        if link is not None and link["fingerprint"] == fingerprint:
            counts["unchanged"] += 1
            continue
        href, etag = cal.put_entry(entry, link["href"] if link else None)
        with transaction(Claims.job(company_id)) as conn:
            conn.execute(
                "INSERT INTO calendar_event_links (company_id, connection_id, user_id, entry_id, href, etag,"
                " fingerprint) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (connection_id, entry_id) DO UPDATE"
                " SET href = EXCLUDED.href, etag = EXCLUDED.etag, fingerprint = EXCLUDED.fingerprint,"
                " updated_at = now()",
                (company_id, row["id"], row["user_id"], entry["id"], href, etag, fingerprint),
            )
        counts["put"] += 1
    for entry_id, link in links.items():
        if entry_id in alive:
            continue
        cal.delete(link["href"])
        with transaction(Claims.job(company_id)) as conn:
            conn.execute(
                "DELETE FROM calendar_event_links WHERE connection_id = %s AND entry_id = %s", (row["id"], entry_id)
            )
        counts["deleted"] += 1
    return counts


# --- events -> suggestions ---------------------------------------------------------------------------------


def pull_events(company_id: str, row: Row, cal: providers.Target) -> dict[str, int]:
    """Offer the calendar's new or changed events as suggested entries, reading only what changed since the last
    sync (CalDAV ctag then etags, Google sync token, Graph delta link); return counts. Raises ProviderError."""
    with transaction(Claims.job(company_id)) as conn:
        known = {
            r["href"]: r["etag"]
            for r in conn.execute(
                "SELECT href, etag FROM calendar_suggestions WHERE connection_id = %s", (row["id"],)
            ).fetchall()
        }
        known |= {
            r["href"]: "own"
            for r in conn.execute("SELECT href FROM calendar_event_links WHERE connection_id = %s", (row["id"],))
        }
    start, end = providers.window(datetime.now(UTC), PULL_PAST_DAYS, PULL_AHEAD_DAYS)
    found = cal.changes(row["remote_state"], known, start, end)
    if found.unchanged:
        return {"fetched": 0, "unchanged_calendar": 1}
    with transaction(Claims.job(company_id)) as conn:
        for href, (etag, ev) in found.upserts.items():
            _upsert_suggestion(conn, company_id, row, href, etag, ev)
        gone = conn.execute(
            "UPDATE calendar_suggestions SET state = 'gone', updated_at = now() WHERE connection_id = %s"
            " AND state = 'new' AND (href = ANY(%s) OR (%s AND NOT (href = ANY(%s))))",
            (row["id"], list(found.removed), found.present is not None, list(found.present or ())),
        ).rowcount
        conn.execute("UPDATE calendar_connections SET remote_state = %s WHERE id = %s", (found.state, row["id"]))
    return {"fetched": len(found.upserts), "gone": gone}


_OPEN = "CASE WHEN s.state IN ('new', 'gone')"  # an undecided suggestion follows its event; a decided one keeps


def _upsert_suggestion(conn: Conn, company_id: str, row: Row, href: str, etag: str | None, ev: ics.Event) -> None:
    """Insert or refresh the suggestion of one calendar event (a decided one keeps its decision)."""
    conn.execute(
        "INSERT INTO calendar_suggestions AS s (company_id, connection_id, user_id, href, remote_uid, etag, title,"
        " started_at, ended_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
        " ON CONFLICT (connection_id, href) DO UPDATE SET etag = EXCLUDED.etag, remote_uid = EXCLUDED.remote_uid,"
        f" title = {_OPEN} THEN EXCLUDED.title ELSE s.title END,"
        f" started_at = {_OPEN} THEN EXCLUDED.started_at ELSE s.started_at END,"
        f" ended_at = {_OPEN} THEN EXCLUDED.ended_at ELSE s.ended_at END,"
        " state = CASE WHEN s.state = 'gone' THEN 'new' ELSE s.state END, updated_at = now()",
        (company_id, row["id"], row["user_id"], href, ev.uid[:500], etag, ev.summary, ev.start, ev.end),
    )
