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
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import psycopg

from ..config import settings
from ..db import Claims, Conn, Row, transaction
from . import crypto, ics
from .caldav import CalDav, ProviderError

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
    if row["provider"] != "caldav":
        message = f"Syncing {row['provider']} calendars is not available yet."
        record(company_id, connection_id, message)
        return {"error": message}
    out: dict = {}
    try:
        secret = json.loads(crypto.decrypt(row["credentials"], PURPOSE))
        cal = CalDav(row["calendar_url"], row["username"] or "", secret["password"])
        if row["push_entries"]:
            out["push"] = push_entries(company_id, row, cal)
        if row["pull_events"]:
            out["pull"] = pull_events(company_id, row, cal)
    except (ProviderError, crypto.CredentialUnreadable, crypto.IntegrationsOff) as exc:
        record(company_id, connection_id, str(exc))
        return {"error": str(exc)}
    record(company_id, connection_id, None, row["credentials"])
    return out


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


def _fingerprint(text: str) -> str:
    body = "\n".join(line for line in text.splitlines() if not line.startswith("DTSTAMP"))
    return hashlib.sha256(body.encode()).hexdigest()


def _entry_event(entry: Row) -> str:
    title = " · ".join(p for p in (entry["project_name"], entry["description"]) if p) or "Tracked time"
    return ics.event(
        f"{event_name(entry['id'])}@workmonitor",
        entry["started_at"],
        entry["ended_at"],
        title[:300],
        "Time entry from WorkMonitor",
        stamp=entry["updated_at"],
    )


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


def push_entries(company_id: str, row: Row, cal: CalDav) -> dict[str, int]:
    """Create, update and delete the events mirroring the user's entries; return counts. Raises ProviderError."""
    with transaction(Claims.job(company_id)) as conn:
        entries, links, alive = _push_plan(conn, row)
    counts = {"put": 0, "deleted": 0, "unchanged": 0}
    for entry in entries:
        text = _entry_event(entry)
        fingerprint = _fingerprint(text)
        link = links.get(entry["id"])
        if link is not None and link["fingerprint"] == fingerprint:
            counts["unchanged"] += 1
            continue
        href = cal.href(event_name(entry["id"]) + ".ics")
        etag = cal.put(href, text)
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


def pull_events(company_id: str, row: Row, cal: CalDav) -> dict[str, int]:
    """Offer the calendar's new or changed events as suggested entries, reading only what changed since the last
    sync (ctag, then etags); return counts. Raises ProviderError."""
    ctag = cal.ctag()
    if ctag is not None and ctag == row["remote_state"]:
        return {"fetched": 0, "unchanged_calendar": 1}
    now = datetime.now(UTC)
    remote = {
        href: etag
        for href, etag in cal.etags(now - timedelta(days=PULL_PAST_DAYS), now + timedelta(days=PULL_AHEAD_DAYS)).items()
        if not href.rsplit("/", 1)[-1].startswith(OWN_PREFIX)
    }
    with transaction(Claims.job(company_id)) as conn:
        known = {
            r["href"]: r["etag"]
            for r in conn.execute(
                "SELECT href, etag FROM calendar_suggestions WHERE connection_id = %s", (row["id"],)
            ).fetchall()
        }
    changed = [href for href, etag in remote.items() if known.get(href) != etag]
    fetched = cal.multiget(changed) if changed else {}
    tz = ZoneInfo(row["timezone"] or "UTC")
    with transaction(Claims.job(company_id)) as conn:
        for href, (etag, text) in fetched.items():
            found = ics.events(text, tz)
            if found:
                _upsert_suggestion(conn, company_id, row, href, etag or remote.get(href), found[0])
        gone = conn.execute(
            "UPDATE calendar_suggestions SET state = 'gone', updated_at = now()"
            " WHERE connection_id = %s AND state = 'new' AND NOT (href = ANY(%s))",
            (row["id"], list(remote)),
        ).rowcount
        conn.execute("UPDATE calendar_connections SET remote_state = %s WHERE id = %s", (ctag, row["id"]))
    return {"fetched": len(fetched), "gone": gone}


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
