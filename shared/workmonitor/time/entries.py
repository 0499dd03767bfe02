"""Time entries (no Flask): the timer, manual entries and edits, idempotent creates.

Every write for a user first takes a transaction-scoped advisory lock on that user, so the overlap check, the
running-timer switch and the idempotency lookup are race-free across replicas; the EXCLUDE constraint, the
partial unique index and the period-lock trigger stay the last word in the database. Round trips are few on
purpose: the user, the company's settings and the lock come in one statement, and an insert checks for
overlaps and returns the whole entry in the same statement.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from .. import keys
from ..db import Conn, Row
from ..errors import Conflict, NotFound, Unprocessable, ValidationFailed, id_or_404
from . import settings as time_settings
from . import timecalc
from .rules import (
    ENTRY_COLUMNS,
    OVERLAPS,
    TODAY_START,
    Actor,
    check_interval,
    check_overlap,
    check_past_edit,
    resolve_refs,
    write,
)

__all__ = ["ENTRY_COLUMNS", "check_overlap"]  # re-exported: reports and tests reach them here


def now() -> datetime:
    """Return the current UTC time."""
    return datetime.now(UTC)


# --- reads -------------------------------------------------------------------------------------------------


def lock_user(conn: Conn, user_id) -> None:
    """Serialise time writes of `user_id` until the transaction ends."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (keys.time_lock(user_id),))


def entry(conn: Conn, entry_id) -> Row:
    """Return the visible entry `entry_id`; raise NotFound."""
    entry_id = id_or_404(entry_id, "time entry", code="entry_not_found")
    row = conn.execute(f"SELECT {ENTRY_COLUMNS} FROM time_entries e WHERE e.id = %s", (entry_id,)).fetchone()
    if row is None:
        raise NotFound("No such time entry.", code="entry_not_found")
    return row


def running(conn: Conn, user_id) -> Row | None:
    """Return the running entry of `user_id`, if any."""
    return conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM time_entries e WHERE e.user_id = %s AND e.ended_at IS NULL", (user_id,)
    ).fetchone()


def last_finished(conn: Conn, user_id) -> Row:
    """Return the entry of `user_id` that ended last; raise NotFound when there is none."""
    row = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM time_entries e WHERE e.user_id = %s"
        " AND e.ended_at IS NOT NULL ORDER BY e.ended_at DESC LIMIT 1",
        (user_id,),
    ).fetchone()
    if row is None:
        raise NotFound("There is no earlier entry to resume.", code="entry_not_found")
    return row


def timezone_of(conn: Conn, user_id) -> str:
    """Return the time zone of user `user_id`."""
    row = conn.execute("SELECT timezone FROM users WHERE id = %s", (user_id,)).fetchone()
    assert row is not None  # the caller themselves
    return row["timezone"]


def target_user(conn: Conn, me: Actor, user_id) -> Row:
    """Return (id, timezone) of the user whose time is written: `user_id` if the caller may see them, else self."""
    row = conn.execute(
        "SELECT id, timezone, status FROM users WHERE id = %s AND app.can_see_user(id)", (str(user_id or me.user_id),)
    ).fetchone()
    if row is None:
        raise NotFound("No such user.", code="user_not_found")
    return row


def writer_statement(me: Actor, user_id) -> tuple[str, tuple]:
    """Return the statement of `writer` (to send it in a pipeline): one row when the user is visible, else none."""
    return (
        f"SELECT u.id, u.timezone, u.status, {time_settings.COLUMNS}, {TODAY_START} AS today_start,"
        " pg_advisory_xact_lock(hashtextextended(%s || u.id::text, 0))::text AS locked"
        " FROM users u JOIN companies c ON c.id = u.company_id WHERE u.id = %s AND app.can_see_user(u.id)",
        (keys.time_lock(""), str(user_id or me.user_id)),
    )


def writer(conn: Conn, me: Actor, user_id) -> tuple[Row, dict]:
    """Lock the time of the user written to (`user_id` or the caller) and return (user, company settings).

    One statement: the lock is taken only once the user is found visible, and the settings come along.
    """
    row = conn.execute(*writer_statement(me, user_id)).fetchone()
    if row is None:
        raise NotFound("No such user.", code="user_not_found")
    return row, time_settings.of_row(row)


# --- idempotency -------------------------------------------------------------------------------------------


def request_hash(kind: str, payload: dict) -> str:
    """Return a fingerprint of a create request, to tell a retry from a different request with the same key."""
    return hashlib.sha256(f"{kind}:{json.dumps(payload, sort_keys=True, default=str)}".encode()).hexdigest()


def replay_statement(me: Actor, key: str) -> tuple[str, tuple]:
    """Return the statement reading the entry created earlier with Idempotency-Key `key` (see `replayed`)."""
    return (
        f"SELECT k.request_hash, k.entry_id, {ENTRY_COLUMNS} FROM idempotency_keys k"
        " LEFT JOIN time_entries e ON e.id = k.entry_id WHERE k.company_id = %s AND k.user_id = %s AND k.key = %s",
        (me.company_id, me.user_id, key),
    )


def replayed(row: Row | None, fingerprint: str) -> Row | None:
    """Return the earlier entry of a `replay_statement` row, None when the key is new; raise 422/409 when unusable."""
    if row is None:
        return None
    if row.pop("request_hash") != fingerprint:
        raise Unprocessable("This Idempotency-Key was used for a different request.", code="idempotency_key_reused")
    if row.pop("entry_id") is None or row["id"] is None:
        raise Conflict("The entry created with this Idempotency-Key was deleted.", code="idempotency_key_used")
    return row


def replay(conn: Conn, me: Actor, key: str | None, fingerprint: str) -> Row | None:
    """Return the entry created earlier with Idempotency-Key `key`, or None when the key is new."""
    if not key:
        return None
    return replayed(conn.execute(*replay_statement(me, key)).fetchone(), fingerprint)


# --- writes ------------------------------------------------------------------------------------------------

# Inserts only when the interval meets no other entry of the user (else no row: see `insert`); with a key, the
# key is recorded in the same statement.
INSERT_SQL = (
    "WITH e AS (INSERT INTO time_entries AS e (company_id, user_id, project_id, task_id, description, started_at,"
    " ended_at, billable, source, created_by) SELECT %(company_id)s::uuid, %(user_id)s::uuid, %(project_id)s::uuid,"
    " %(task_id)s::uuid, %(description)s::text, %(started_at)s::timestamptz, %(ended_at)s::timestamptz,"
    " %(billable)s::boolean, %(source)s::text, %(created_by)s::uuid"
    f" WHERE NOT EXISTS (SELECT 1 FROM time_entries e WHERE e.user_id = %(user_id)s::uuid AND {OVERLAPS})"
    f" RETURNING {ENTRY_COLUMNS}),"
    " k AS (INSERT INTO idempotency_keys (company_id, user_id, key, request_hash, entry_id)"
    " SELECT %(company_id)s::uuid, %(created_by)s::uuid, %(key)s::text, %(fingerprint)s::text, e.id FROM e"
    " WHERE %(key)s::text IS NOT NULL)"
    " SELECT * FROM e"
)


def insert(conn: Conn, values: dict, key: str | None, fingerprint: str) -> Row:
    """Insert an entry (`values` are the columns) unless it overlaps another; return it. Raises 409/423."""
    row = write(conn, INSERT_SQL, {**values, "key": key, "fingerprint": fingerprint})
    if row is None:  # refused for an overlap: find the entry in the way for the error
        check_overlap(conn, values["user_id"], values["started_at"], values["ended_at"])
        raise Conflict("This time overlaps another entry.", code="overlap")
    return row


def start_timer(conn: Conn, me: Actor, data: dict, key: str | None) -> tuple[Row, Row | None, bool]:
    """Start the caller's timer, stopping a running one at the same instant; return (entry, stopped, replayed)."""
    lock_user(conn, me.user_id)
    fingerprint = request_hash("timer", data)
    earlier = replay(conn, me, key, fingerprint)
    if earlier is not None:
        return earlier, None, True
    refs = resolve_refs(conn, me.user_id, data.get("project_id"), data.get("task_id"))
    at = now()
    stopped = stop_timer(conn, me.user_id, at)
    if stopped and stopped["ended_at"] > at:  # clocks of two replicas may differ: never start before the stop
        at = stopped["ended_at"]
    billable = refs["billable"] if data.get("billable") is None else data["billable"]
    values = {
        **refs,
        "company_id": me.company_id,
        "user_id": me.user_id,
        "billable": billable,
        "description": data.get("description"),
        "started_at": at,
        "ended_at": None,
        "source": data.get("source") or "web",
        "created_by": me.user_id,
    }
    return insert(conn, values, key, fingerprint), stopped, False


def stop_timer(conn: Conn, user_id, at: datetime | None = None) -> Row | None:
    """Stop the running timer of `user_id` at `at` (now), or where the user's next entry begins when one was
    added after the timer started (a running timer lasts until now: rules.OVERLAPS); return it or None."""
    return write(
        conn,
        "UPDATE time_entries AS e SET ended_at = least(greatest(%s, started_at + interval '1 microsecond'),"
        " (SELECT min(n.started_at) FROM time_entries n WHERE n.user_id = e.user_id AND n.started_at > e.started_at))"
        f" WHERE user_id = %s AND ended_at IS NULL RETURNING {ENTRY_COLUMNS}",
        (at or now(), str(user_id)),
    )


def resume_source(conn: Conn, me: Actor, entry_id) -> Row:
    """Return the caller's entry to resume: `entry_id`, or the one that ended last; raise NotFound."""
    if not entry_id:
        return last_finished(conn, me.user_id)
    source = entry(conn, entry_id)
    if str(source["user_id"]) != me.user_id:
        raise NotFound("No such time entry.", code="entry_not_found")
    return source


def _refs_after(conn: Conn, user_id, old: Row, changes: dict) -> dict:
    """Return the project, task and billable default an edit leaves the entry with (checked when they change)."""
    if "project_id" not in changes and "task_id" not in changes:
        return {
            "project_id": str(old["project_id"]) if old["project_id"] else None,
            "task_id": str(old["task_id"]) if old["task_id"] else None,
            "billable": old["billable"],
        }
    task_id = changes["task_id"] if "task_id" in changes else old["task_id"]
    if "project_id" in changes:
        project_id = changes["project_id"]
    else:  # a new task implies its project
        project_id = None if changes.get("task_id") else old["project_id"]
    if "project_id" in changes and "task_id" not in changes and task_id is not None:
        still = conn.execute(
            "SELECT 1 FROM tasks WHERE id = %s AND project_id IS NOT DISTINCT FROM %s", (task_id, project_id)
        ).fetchone()
        task_id = task_id if still else None
    return resolve_refs(conn, user_id, project_id, task_id)


def _interval_after(old: Row, changes: dict, at: datetime) -> tuple[datetime, datetime | None]:
    """Return the (start, end) an edit gives the entry; raise 400 when it breaks the interval rules."""
    started = timecalc.to_utc(changes["started_at"]) if changes.get("started_at") else old["started_at"]
    ended = old["ended_at"]
    if "ended_at" in changes:
        if changes["ended_at"] is None and old["ended_at"] is not None:
            raise ValidationFailed(
                "A finished entry cannot run again; resume it instead.", fields={"ended_at": "may not be null"}
            )
        ended = timecalc.to_utc(changes["ended_at"]) if changes["ended_at"] else None
    check_interval(started, ended, at)
    if ended is None and started > at:
        raise ValidationFailed("A running timer cannot start in the future.", fields={"started_at": "in the future"})
    return started, ended


def update_entry(conn: Conn, me: Actor, entry_id, changes: dict) -> Row:
    """Apply `changes` to an entry after the same checks as a create; return the entry."""
    old = entry(conn, entry_id)
    user, cfg = writer(conn, me, old["user_id"])
    old = entry(conn, old["id"])  # as it is now that the user's time is locked
    at = now()
    started, ended = _interval_after(old, changes, at)
    check_past_edit(me, cfg, user["today_start"], old["started_at"], started)
    refs = _refs_after(conn, user["id"], old, changes)
    check_overlap(conn, user["id"], started, ended, exclude_id=old["id"])
    moved = refs["project_id"] != (str(old["project_id"]) if old["project_id"] else None)
    billable = (
        changes["billable"] if changes.get("billable") is not None else (refs["billable"] if moved else old["billable"])
    )
    description = changes["description"] if "description" in changes else old["description"]
    row = write(
        conn,
        "UPDATE time_entries AS e SET started_at = %s, ended_at = %s, project_id = %s, task_id = %s,"
        f" billable = %s, description = %s WHERE id = %s RETURNING {ENTRY_COLUMNS}",
        (started, ended, refs["project_id"], refs["task_id"], billable, description, old["id"]),
    )
    assert row is not None  # visible and locked above
    return row


def delete_entry(conn: Conn, me: Actor, entry_id) -> Row:
    """Delete an entry (refused in a locked period or, for employees, in the past when forbidden); return it."""
    old = entry(conn, entry_id)
    user, cfg = writer(conn, me, old["user_id"])
    check_past_edit(me, cfg, user["today_start"], old["started_at"])
    write(conn, "DELETE FROM time_entries WHERE id = %s RETURNING id", (old["id"],))
    return old
