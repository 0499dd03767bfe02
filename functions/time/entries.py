"""Time entry logic (no Flask): timer, manual entries, overlap and lock checks, idempotent creates, settings.

Every write for a user first takes a transaction-scoped advisory lock on that user, so the overlap check, the
running-timer switch and the idempotency lookup are race-free across replicas; the EXCLUDE constraint, the
partial unique index and the period-lock trigger stay the last word in the database.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta

import psycopg

from workmonitor import keys, timecalc
from workmonitor.errors import ApiError, Conflict, Forbidden, NotFound, Unprocessable, ValidationFailed, id_or_404

ENTRY_COLUMNS = (
    "e.id, e.user_id, e.project_id, e.task_id, e.description, e.started_at, e.ended_at, e.billable,"
    " e.source, e.created_by, e.created_at, e.updated_at, (e.ended_at IS NULL) AS running,"
    " extract(epoch FROM coalesce(e.ended_at, now()) - e.started_at)::bigint AS duration_seconds"
)
MAX_ENTRY = timedelta(days=7)
FUTURE_SLACK = timedelta(days=1)
DEFAULTS = {"rounding_mode": "none", "rounding_minutes": 1, "employees_edit_past": True}


def now() -> datetime:
    """Return the current UTC time."""
    return datetime.now(UTC)


# --- settings ----------------------------------------------------------------------------------------------


def settings(conn: psycopg.Connection, company_id: str) -> dict:
    """Return the company's time settings: rounding, employees_edit_past, week_start, timezone, currency."""
    row = conn.execute(
        "SELECT week_start, timezone, currency, coalesce(settings->'time', '{}') AS t FROM companies WHERE id = %s",
        (company_id,),
    ).fetchone()
    out = {**DEFAULTS, **{k: v for k, v in row["t"].items() if k in DEFAULTS}}
    out.update(week_start=row["week_start"], timezone=row["timezone"], currency=row["currency"])
    return out


def rounding(cfg: dict) -> timecalc.Rounding:
    """Return the rounding rule of settings `cfg`."""
    return timecalc.Rounding(cfg["rounding_mode"], int(cfg["rounding_minutes"]))


def save_settings(conn: psycopg.Connection, company_id: str, changes: dict) -> dict:
    """Store `changes` (week_start and/or keys of DEFAULTS) and return the new settings."""
    time_keys = {k: v for k, v in changes.items() if k in DEFAULTS}
    conn.execute(
        "UPDATE companies SET week_start = coalesce(%s, week_start),"
        " settings = jsonb_set(settings, '{time}', coalesce(settings->'time', '{}') || %s::jsonb)"
        " WHERE id = %s",
        (changes.get("week_start"), json.dumps(time_keys), company_id),
    )
    return settings(conn, company_id)


# --- reads -------------------------------------------------------------------------------------------------


def lock_user(conn: psycopg.Connection, user_id) -> None:
    """Serialise time writes of `user_id` until the transaction ends."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (keys.time_lock(user_id),))


def entry(conn: psycopg.Connection, entry_id) -> dict:
    """Return the visible entry `entry_id`; raise NotFound."""
    entry_id = id_or_404(entry_id, "time entry", code="entry_not_found")
    row = conn.execute(f"SELECT {ENTRY_COLUMNS} FROM time_entries e WHERE e.id = %s", (entry_id,)).fetchone()
    if row is None:
        raise NotFound("No such time entry.", code="entry_not_found")
    return row


def running(conn: psycopg.Connection, user_id) -> dict | None:
    """Return the running entry of `user_id`, if any."""
    return conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM time_entries e WHERE e.user_id = %s AND e.ended_at IS NULL", (user_id,)
    ).fetchone()


def target_user(conn: psycopg.Connection, me, user_id) -> dict:
    """Return (id, timezone) of the user whose time is written: `user_id` if the caller may see them, else self."""
    uid = str(user_id or me.user_id)
    row = conn.execute(
        "SELECT id, timezone, status FROM users WHERE id = %s AND app.can_see_user(id)", (uid,)
    ).fetchone()
    if row is None:
        raise NotFound("No such user.", code="user_not_found")
    return row


# --- validation --------------------------------------------------------------------------------------------


def resolve_refs(conn: psycopg.Connection, user_id, project_id, task_id) -> dict:
    """Return {"project_id", "task_id", "billable"} after checking both are visible, open and the user's project."""
    project_id = str(project_id) if project_id else None
    if task_id:
        task = conn.execute("SELECT id, project_id FROM tasks WHERE id = %s", (str(task_id),)).fetchone()
        if task is None:
            raise NotFound("No such task.", code="task_not_found")
        if project_id and str(task["project_id"]) != project_id:
            raise Unprocessable(
                "The task belongs to another project.",
                code="task_not_in_project",
                fields={"task_id": "not a task of project_id"},
            )
        project_id = str(task["project_id"])
    if not project_id:
        return {"project_id": None, "task_id": None, "billable": False}
    proj = conn.execute(
        "SELECT id, billable, archived, app.project_member(id, %s) AS member,"
        " (app.is_planner() AND %s = app.user_id()) AS own_planner FROM projects WHERE id = %s",
        (str(user_id), str(user_id), project_id),
    ).fetchone()
    if proj is None:
        raise NotFound("No such project.", code="project_not_found")
    if proj["archived"]:
        raise Conflict("This project is archived.", code="project_archived")
    if not (proj["member"] or proj["own_planner"]):
        raise Forbidden("This user is not a member of the project.", code="not_a_member")
    return {"project_id": project_id, "task_id": str(task_id) if task_id else None, "billable": proj["billable"]}


def check_interval(started: datetime, ended: datetime | None, at: datetime) -> None:
    """Raise ValidationFailed unless started < ended, the entry is at most 7 days and not far in the future."""
    if ended is not None and ended <= started:
        raise ValidationFailed("The end must be after the start.", fields={"ended_at": "must be after started_at"})
    if ended is not None and ended - started > MAX_ENTRY:
        raise ValidationFailed("An entry may last at most 7 days.", fields={"ended_at": "more than 7 days"})
    if (ended or started) > at + FUTURE_SLACK:
        raise ValidationFailed("An entry cannot lie in the future.", fields={"started_at": "in the future"})
    if started.year < 2000:
        raise ValidationFailed("The start is too far in the past.", fields={"started_at": "before 2000"})


def check_past_edit(me, cfg: dict, user_tz: str, *starts: datetime) -> None:
    """Refuse an employee's change to an entry before today (their time zone) when the company forbids it."""
    if me.role != "employee" or cfg["employees_edit_past"]:
        return
    today = timecalc.local_midnight(timecalc.local_date(now(), user_tz), user_tz)
    if any(s < today for s in starts):
        raise Forbidden("Your company does not allow employees to edit past entries.", code="past_edit_forbidden")


def check_overlap(
    conn: psycopg.Connection, user_id, started: datetime, ended: datetime | None, exclude_id=None
) -> None:
    """Raise Conflict (409, code overlap) carrying the first entry of `user_id` that overlaps the interval."""
    row = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM time_entries e WHERE e.user_id = %s AND (%s::uuid IS NULL OR e.id <> %s::uuid)"
        " AND tstzrange(e.started_at, coalesce(e.ended_at, 'infinity'), '[)')"
        " && tstzrange(%s, coalesce(%s::timestamptz, 'infinity'), '[)') ORDER BY e.started_at LIMIT 1",
        (str(user_id), exclude_id, exclude_id, started, ended),
    ).fetchone()
    if row is not None:
        raise Conflict("This time overlaps another entry.", code="overlap", extra={"conflicting_entry": row})


def write(conn: psycopg.Connection, sql: str, params) -> dict | None:
    """Run one entry write; turn the period-lock trigger's refusal into 423 Locked."""
    try:
        return conn.execute(sql, params).fetchone()
    except psycopg.errors.RaiseException as exc:
        msg = (exc.diag.message_primary or "") if exc.diag else ""
        if msg.startswith(keys.PERIOD_MESSAGE_PREFIX):
            state = msg[len(keys.PERIOD_MESSAGE_PREFIX) :].split(":")[0]
            raise ApiError(
                f"This time lies in a timesheet that is {state}; it cannot change.", status=423, code=f"period_{state}"
            ) from exc
        raise


# --- idempotency -------------------------------------------------------------------------------------------


def request_hash(kind: str, payload: dict) -> str:
    """Return a fingerprint of a create request, to tell a retry from a different request with the same key."""
    return hashlib.sha256(f"{kind}:{json.dumps(payload, sort_keys=True, default=str)}".encode()).hexdigest()


def replay(conn: psycopg.Connection, me, key: str | None, fingerprint: str) -> dict | None:
    """Return the entry created earlier with Idempotency-Key `key`, or None when the key is new."""
    if not key:
        return None
    row = conn.execute(
        "SELECT request_hash, entry_id FROM idempotency_keys WHERE company_id = %s AND user_id = %s AND key = %s",
        (me.company_id, me.user_id, key),
    ).fetchone()
    if row is None:
        return None
    if row["request_hash"] != fingerprint:
        raise Unprocessable("This Idempotency-Key was used for a different request.", code="idempotency_key_reused")
    found = conn.execute(f"SELECT {ENTRY_COLUMNS} FROM time_entries e WHERE e.id = %s", (row["entry_id"],)).fetchone()
    if found is None:
        raise Conflict("The entry created with this Idempotency-Key was deleted.", code="idempotency_key_used")
    return found


def remember(conn: psycopg.Connection, me, key: str | None, fingerprint: str, entry_id) -> None:
    """Record that `key` created `entry_id`."""
    if key:
        conn.execute(
            "INSERT INTO idempotency_keys (company_id, user_id, key, request_hash, entry_id)"
            " VALUES (%s, %s, %s, %s, %s)",
            (me.company_id, me.user_id, key, fingerprint, entry_id),
        )


# --- writes ------------------------------------------------------------------------------------------------

INSERT_SQL = (
    "INSERT INTO time_entries (company_id, user_id, project_id, task_id, description, started_at, ended_at,"
    " billable, source, created_by) VALUES (%(company_id)s, %(user_id)s, %(project_id)s, %(task_id)s,"
    " %(description)s, %(started_at)s, %(ended_at)s, %(billable)s, %(source)s, %(created_by)s)"
    " RETURNING id"
)


def start_timer(conn: psycopg.Connection, me, data: dict, key: str | None) -> tuple[dict, dict | None, bool]:
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
    check_overlap(conn, me.user_id, at, None)
    billable = refs["billable"] if data.get("billable") is None else data["billable"]
    row = write(
        conn,
        INSERT_SQL,
        {
            **refs,
            "company_id": me.company_id,
            "user_id": me.user_id,
            "billable": billable,
            "description": data.get("description"),
            "started_at": at,
            "ended_at": None,
            "source": data.get("source") or "web",
            "created_by": me.user_id,
        },
    )
    remember(conn, me, key, fingerprint, row["id"])
    return entry(conn, row["id"]), stopped, False


def stop_timer(conn: psycopg.Connection, user_id, at: datetime | None = None) -> dict | None:
    """Stop the running timer of `user_id` at `at` (now); return the stopped entry or None."""
    row = write(
        conn,
        "UPDATE time_entries SET ended_at = greatest(%s, started_at + interval '1 microsecond')"
        " WHERE user_id = %s AND ended_at IS NULL RETURNING id",
        (at or now(), str(user_id)),
    )
    return entry(conn, row["id"]) if row else None


def create_entry(conn: psycopg.Connection, me, data: dict, cfg: dict, key: str | None) -> tuple[dict, bool]:
    """Create a manual (finished) entry; return (entry, replayed). Raises 400/403/404/409/423."""
    user = target_user(conn, me, data.get("user_id"))
    lock_user(conn, user["id"])
    fingerprint = request_hash("entry", data)
    earlier = replay(conn, me, key, fingerprint)
    if earlier is not None:
        return earlier, True
    started = timecalc.to_utc(data["started_at"])
    ended = timecalc.to_utc(data["ended_at"]) if data.get("ended_at") else None
    if ended is None:
        if not data.get("duration_seconds"):
            raise ValidationFailed("Give ended_at or duration_seconds.", fields={"ended_at": "required"})
        ended = started + timedelta(seconds=data["duration_seconds"])
    check_interval(started, ended, now())
    check_past_edit(me, cfg, user["timezone"], started)
    refs = resolve_refs(conn, user["id"], data.get("project_id"), data.get("task_id"))
    check_overlap(conn, user["id"], started, ended)
    billable = refs["billable"] if data.get("billable") is None else data["billable"]
    row = write(
        conn,
        INSERT_SQL,
        {
            **refs,
            "company_id": me.company_id,
            "user_id": user["id"],
            "billable": billable,
            "description": data.get("description"),
            "started_at": started,
            "ended_at": ended,
            "source": data.get("source") or "web",
            "created_by": me.user_id,
        },
    )
    remember(conn, me, key, fingerprint, row["id"])
    return entry(conn, row["id"]), False


def update_entry(conn: psycopg.Connection, me, entry_id, changes: dict, cfg: dict) -> dict:
    """Apply `changes` to an entry after the same checks as a create; return the entry."""
    old = entry(conn, entry_id)
    lock_user(conn, old["user_id"])
    old = entry(conn, old["id"])
    user = target_user(conn, me, old["user_id"])
    started = timecalc.to_utc(changes["started_at"]) if changes.get("started_at") else old["started_at"]
    ended = old["ended_at"]
    if "ended_at" in changes:
        if changes["ended_at"] is None and old["ended_at"] is not None:
            raise ValidationFailed(
                "A finished entry cannot run again; resume it instead.", fields={"ended_at": "may not be null"}
            )
        ended = timecalc.to_utc(changes["ended_at"]) if changes["ended_at"] else None
    check_interval(started, ended, now())
    if ended is None and started > now():
        raise ValidationFailed("A running timer cannot start in the future.", fields={"started_at": "in the future"})
    check_past_edit(me, cfg, user["timezone"], old["started_at"], started)
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
    refs = (
        {
            "project_id": str(old["project_id"]) if old["project_id"] else None,
            "task_id": str(old["task_id"]) if old["task_id"] else None,
            "billable": old["billable"],
        }
        if "project_id" not in changes and "task_id" not in changes
        else resolve_refs(conn, user["id"], project_id, task_id)
    )
    check_overlap(conn, user["id"], started, ended, exclude_id=old["id"])
    moved = refs["project_id"] != (str(old["project_id"]) if old["project_id"] else None)
    billable = (
        changes["billable"] if changes.get("billable") is not None else (refs["billable"] if moved else old["billable"])
    )
    description = changes["description"] if "description" in changes else old["description"]
    write(
        conn,
        "UPDATE time_entries SET started_at = %s, ended_at = %s, project_id = %s, task_id = %s,"
        " billable = %s, description = %s WHERE id = %s RETURNING id",
        (started, ended, refs["project_id"], refs["task_id"], billable, description, old["id"]),
    )
    return entry(conn, old["id"])


def delete_entry(conn: psycopg.Connection, me, entry_id, cfg: dict) -> dict:
    """Delete an entry (refused in a locked period or, for employees, in the past when forbidden); return it."""
    old = entry(conn, entry_id)
    lock_user(conn, old["user_id"])
    user = target_user(conn, me, old["user_id"])
    check_past_edit(me, cfg, user["timezone"], old["started_at"])
    write(conn, "DELETE FROM time_entries WHERE id = %s RETURNING id", (old["id"],))
    return old
