"""Calendar connections and suggested entries (no Flask): connect, list, disconnect, accept or dismiss.

The credential (a CalDAV password, an OAuth token set) is encrypted before it reaches the database and never
leaves it again except into the sync job. Connecting queues a first sync; the sync decides the state.
"""

from __future__ import annotations

import json

from ..db import Conn, Row
from ..errors import Conflict, NotFound, id_or_404
from ..jobs import registry
from ..time import entries, manual
from ..time.rules import Actor
from . import crypto

PURPOSE = "calendar"
CONNECTION_COLUMNS = (
    "c.id, c.user_id, c.provider, c.calendar_url, c.username, c.push_entries, c.pull_events, c.state,"
    " c.last_sync_at, c.last_error, c.created_at, c.updated_at"
)
SUGGESTION_COLUMNS = "s.id, s.connection_id, s.title, s.started_at, s.ended_at, s.state, s.entry_id, s.created_at"


def connections(conn: Conn) -> list[Row]:
    """Return the caller's calendar connections (never their credentials)."""
    return conn.execute(f"SELECT {CONNECTION_COLUMNS} FROM calendar_connections c ORDER BY c.created_at").fetchall()


def connection(conn: Conn, connection_id: object) -> Row:
    """Return one of the caller's connections; raise NotFound."""
    cid = id_or_404(connection_id, "calendar connection", code="connection_not_found")
    row = conn.execute(f"SELECT {CONNECTION_COLUMNS} FROM calendar_connections c WHERE c.id = %s", (cid,)).fetchone()
    if row is None:
        raise NotFound("No such calendar connection.", code="connection_not_found")
    return row


def connect(conn: Conn, me: Actor, provider: str, url: str, username: str | None, secret: dict, options: dict) -> Row:
    """Store a new connection of the caller with `secret` encrypted, queue its first sync; return it.
    Raises 409 when the caller already has one for `provider`, or when integrations are off (no key)."""
    sealed, kid = crypto.encrypt(json.dumps(secret).encode(), PURPOSE)
    row = conn.execute(
        "INSERT INTO calendar_connections AS c (company_id, user_id, provider, calendar_url, username, credentials,"
        " key_id, push_entries, pull_events) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
        " ON CONFLICT (user_id, provider) DO NOTHING"
        f" RETURNING {CONNECTION_COLUMNS}",
        (
            me.company_id,
            me.user_id,
            provider,
            url,
            username,
            sealed,
            kid,
            options["push_entries"],
            options["pull_events"],
        ),
    ).fetchone()
    if row is None:
        raise Conflict(f"You already connected a {provider} calendar; disconnect it first.", code="already_connected")
    registry.SYNC_CALENDAR.enqueue(conn, me.company_id, str(row["id"]))
    return row


def update(conn: Conn, connection_id: object, changes: dict) -> Row:
    """Change which directions a connection syncs; return it."""
    old = connection(conn, connection_id)
    row = conn.execute(
        "UPDATE calendar_connections AS c SET push_entries = coalesce(%s, push_entries),"
        " pull_events = coalesce(%s, pull_events), updated_at = now()"
        f" WHERE c.id = %s RETURNING {CONNECTION_COLUMNS}",
        (changes.get("push_entries"), changes.get("pull_events"), old["id"]),
    ).fetchone()
    assert row is not None  # visible above, same transaction
    return row


def disconnect(conn: Conn, me: Actor, connection_id: object) -> Row:
    """Delete a connection, its stored credential, links and suggestions; an OAuth grant is revoked at the provider
    by a job that gets the ciphertext (never the token in clear). Return the deleted connection."""
    old = connection(conn, connection_id)
    gone = conn.execute(
        "DELETE FROM calendar_connections WHERE id = %s RETURNING provider, credentials", (old["id"],)
    ).fetchone()
    assert gone is not None
    if gone["provider"] in ("google", "microsoft"):
        registry.REVOKE_CALENDAR.enqueue(conn, me.company_id, gone["provider"], gone["credentials"])
    return old


def request_sync(conn: Conn, me: Actor, connection_id: object) -> str | None:
    """Queue a sync of one of the caller's connections now; return the job id."""
    row = connection(conn, connection_id)
    return registry.SYNC_CALENDAR.enqueue(conn, me.company_id, str(row["id"]))


def suggestions(conn: Conn, state: str, limit: int, offset: int) -> list[Row]:
    """Return the caller's suggested entries in `state`, newest first (limit + 1 rows: the page helper's way)."""
    return conn.execute(
        f"SELECT {SUGGESTION_COLUMNS} FROM calendar_suggestions s WHERE s.state = %s"
        " ORDER BY s.started_at DESC, s.id LIMIT %s OFFSET %s",
        (state, limit + 1, offset),
    ).fetchall()


def _suggestion(conn: Conn, suggestion_id: object, lock: bool = False) -> Row:
    sid = id_or_404(suggestion_id, "suggestion", code="suggestion_not_found")
    row = conn.execute(
        f"SELECT {SUGGESTION_COLUMNS} FROM calendar_suggestions s WHERE s.id = %s" + (" FOR UPDATE" if lock else ""),
        (sid,),
    ).fetchone()
    if row is None:
        raise NotFound("No such suggestion.", code="suggestion_not_found")
    return row


def accept(conn: Conn, me: Actor, suggestion_id: object, extra: dict) -> tuple[Row, Row]:
    """Turn a suggestion into a time entry of the caller (once: accepting again returns the same entry); return
    (suggestion, entry). Raises as a manual entry does (overlap 409, locked period 423) and 409 when dismissed."""
    row = _suggestion(conn, suggestion_id, lock=True)  # two clicks at once: the second waits, then replays
    if row["state"] == "accepted" and row["entry_id"]:
        try:
            return row, entries.entry(conn, row["entry_id"])
        except NotFound:
            raise Conflict("The entry made from this suggestion was deleted.", code="suggestion_closed") from None
    if row["state"] != "new":
        raise Conflict("This suggestion was dismissed or is no longer in the calendar.", code="suggestion_closed")
    data = {
        "started_at": row["started_at"],
        "ended_at": row["ended_at"],
        "description": (extra.get("description") or row["title"])[:2000],
        "project_id": extra.get("project_id"),
        "task_id": extra.get("task_id"),
        "billable": extra.get("billable"),
        "source": "web",
    }
    entry, _ = manual.create_entry(conn, me, data, None)
    done = conn.execute(
        "UPDATE calendar_suggestions AS s SET state = 'accepted', entry_id = %s, updated_at = now()"
        f" WHERE s.id = %s RETURNING {SUGGESTION_COLUMNS}",
        (entry["id"], row["id"]),
    ).fetchone()
    assert done is not None
    return done, entry


def dismiss(conn: Conn, suggestion_id: object) -> Row:
    """Dismiss a new suggestion (it is not offered again); return it."""
    row = _suggestion(conn, suggestion_id)
    done = conn.execute(
        "UPDATE calendar_suggestions AS s SET state = 'dismissed', updated_at = now()"
        f" WHERE s.id = %s AND s.state = 'new' RETURNING {SUGGESTION_COLUMNS}",
        (row["id"],),
    ).fetchone()
    if done is None:
        raise Conflict("Only a new suggestion can be dismissed.", code="suggestion_closed")
    return done
