"""Manual (finished) entries created in three round trips: BEGIN + claims, this module's one pipeline, COMMIT.

The pipeline holds three statements the server runs in order, each with its own snapshot: the user's lock (taken
only once the user is found visible, with the company's settings), the Idempotency-Key lookup, and one statement
that checks the task and project, the past-edit rule and overlaps and inserts only when every check passes. Python
then reads the facts in the order the rules are checked and raises the first refusal; any refusal rolls the
request back, so a check that failed in Python never leaves a row.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..db import Conn, Row
from ..errors import Conflict, Forbidden, NotFound, Unprocessable, ValidationFailed
from . import settings as time_settings
from . import timecalc
from .entries import now, replay_statement, replayed, request_hash, writer, writer_statement
from .rules import (
    ENTRY_COLUMNS,
    OVERLAPS,
    TODAY_START,
    Actor,
    check_interval,
    check_overlap,
    check_past_edit,
    period_lock_as_423,
)

# Facts (one row, NULLs where absent) and the inserted entry's columns, or NULLs when any check failed.
CREATE_SQL = f"""
WITH u AS (
  SELECT u.id, c.settings->'time'->>'employees_edit_past' AS edit_past, {TODAY_START} AS today_start
  FROM users u JOIN companies c ON c.id = u.company_id WHERE u.id = %(user_id)s::uuid AND app.can_see_user(u.id)
), t AS (SELECT id, project_id FROM tasks WHERE id = %(task_id)s::uuid
), p AS (
  SELECT id, billable, archived, app.project_member(id, %(user_id)s::uuid) AS member,
    (app.is_planner() AND %(user_id)s::uuid = app.user_id()) AS own_planner
  FROM projects WHERE id = coalesce((SELECT project_id FROM t), %(project_id)s::uuid)
), f AS (
  SELECT t.id AS task_found, t.project_id AS task_project, p.id AS project_found, p.billable AS project_billable,
    p.archived AS project_archived, (p.member OR p.own_planner) AS project_allowed,
    (%(role)s <> 'employee' OR u.edit_past IS DISTINCT FROM 'false' OR %(started_at)s >= u.today_start) AS past_ok,
    u.id AS user_found
  FROM (SELECT) AS one LEFT JOIN u ON true LEFT JOIN t ON true LEFT JOIN p ON true
), ok AS (
  SELECT f.* FROM f WHERE user_found IS NOT NULL AND past_ok
    AND (%(task_id)s::uuid IS NULL
         OR task_found IS NOT NULL AND task_project = coalesce(%(project_id)s::uuid, task_project))
    AND (coalesce(task_project, %(project_id)s::uuid) IS NULL OR NOT project_archived AND project_allowed)
    AND NOT EXISTS (SELECT FROM idempotency_keys WHERE company_id = %(company_id)s::uuid
                    AND user_id = %(created_by)s::uuid AND key = %(key)s::text)
    AND NOT EXISTS (SELECT FROM time_entries e WHERE e.user_id = %(user_id)s::uuid AND {OVERLAPS})
), e AS (
  INSERT INTO time_entries AS e (company_id, user_id, project_id, task_id, description, started_at, ended_at,
    billable, source, created_by)
  SELECT %(company_id)s::uuid, %(user_id)s::uuid, project_found, task_found, %(description)s::text,
    %(started_at)s::timestamptz, %(ended_at)s::timestamptz, coalesce(%(billable)s::boolean, project_billable, false),
    %(source)s::text, %(created_by)s::uuid
  FROM ok RETURNING {ENTRY_COLUMNS}
), k AS (
  INSERT INTO idempotency_keys (company_id, user_id, key, request_hash, entry_id)
  SELECT %(company_id)s::uuid, %(created_by)s::uuid, %(key)s::text, %(fingerprint)s::text, e.id FROM e
  WHERE %(key)s::text IS NOT NULL
)
SELECT f.task_found, f.task_project, f.project_found, f.project_archived, f.project_allowed, e.*
FROM f LEFT JOIN e ON true
"""


def interval(data: dict) -> tuple[datetime, datetime]:
    """Return the (start, end) of a manual entry's input; raise 400 when it breaks the interval rules."""
    started = timecalc.to_utc(data["started_at"])
    ended = timecalc.to_utc(data["ended_at"]) if data.get("ended_at") else None
    if ended is None:
        if not data.get("duration_seconds"):
            raise ValidationFailed("Give ended_at or duration_seconds.", fields={"ended_at": "required"})
        ended = started + timedelta(seconds=data["duration_seconds"])
    check_interval(started, ended, now())
    return started, ended


def create_entry(conn: Conn, me: Actor, data: dict, key: str | None) -> tuple[Row, bool]:
    """Create a manual (finished) entry; return (entry, replayed). Raises 400/403/404/409/422/423."""
    fingerprint = request_hash("entry", data)
    try:
        started, ended = interval(data)
    except ValidationFailed:
        writer(conn, me, data.get("user_id"))  # an invisible user is a 404 first, as for every write
        raise
    values = {
        "company_id": me.company_id,
        "user_id": str(data.get("user_id") or me.user_id),
        "project_id": str(data["project_id"]) if data.get("project_id") else None,
        "task_id": str(data["task_id"]) if data.get("task_id") else None,
        "billable": data.get("billable"),
        "description": data.get("description"),
        "started_at": started,
        "ended_at": ended,
        "source": data.get("source") or "web",
        "created_by": me.user_id,
        "role": me.role,
        "key": key,
        "fingerprint": fingerprint,
    }
    with period_lock_as_423(), conn.pipeline():
        locked = conn.execute(*writer_statement(me, data.get("user_id")))
        earlier = conn.execute(*replay_statement(me, key)) if key else None
        made = conn.execute(CREATE_SQL, values)
    user = locked.fetchone()
    if user is None:
        raise NotFound("No such user.", code="user_not_found")
    if earlier is not None and (found := replayed(earlier.fetchone(), fingerprint)) is not None:
        return found, True
    check_past_edit(me, time_settings.of_row(user), user["today_start"], started)
    row = made.fetchone()
    assert row is not None  # the facts row is always there
    _refuse_refs(values, row)
    if row["id"] is None:  # every check passed but the insert found an entry in the way
        check_overlap(conn, values["user_id"], started, ended)
        raise Conflict("This time overlaps another entry.", code="overlap")
    for fact in ("task_found", "task_project", "project_found", "project_archived", "project_allowed"):
        del row[fact]
    return row, False


def _refuse_refs(values: dict, row: Row) -> None:
    """Raise the first refusal of the task and project checks (`resolve_refs`'s rules and errors)."""
    if values["task_id"]:
        if row["task_found"] is None:
            raise NotFound("No such task.", code="task_not_found")
        if values["project_id"] and str(row["task_project"]) != values["project_id"]:
            raise Unprocessable(
                "The task belongs to another project.",
                code="task_not_in_project",
                fields={"task_id": "not a task of project_id"},
            )
    if not (values["task_id"] or values["project_id"]):
        return
    if row["project_found"] is None:
        raise NotFound("No such project.", code="project_not_found")
    if row["project_archived"]:
        raise Conflict("This project is archived.", code="project_archived")
    if not row["project_allowed"]:
        raise Forbidden("This user is not a member of the project.", code="not_a_member")
