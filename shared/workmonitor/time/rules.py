"""The rules every time write obeys (no Flask): visible and open project/task, sane interval, no overlap,
past edits as the company allows, and the period lock's refusal as 423 Locked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, Protocol

import psycopg

from .. import keys
from ..db import Conn, Row
from ..errors import ApiError, Conflict, Forbidden, NotFound, Unprocessable, ValidationFailed

ENTRY_COLUMNS = (
    "e.id, e.user_id, e.project_id, e.task_id, e.description, e.started_at, e.ended_at, e.billable,"
    " e.source, e.created_by, e.created_at, e.updated_at, (e.ended_at IS NULL) AS running,"
    " extract(epoch FROM coalesce(e.ended_at, now()) - e.started_at)::bigint AS duration_seconds"
)
# The instant today began in the time zone of users row `u`: an employee's "past" entries start before it.
TODAY_START = "(date_trunc('day', now() AT TIME ZONE u.timezone) AT TIME ZONE u.timezone)"
MAX_ENTRY = timedelta(days=7)
FUTURE_SLACK = timedelta(days=1)
# Entries of a user whose interval meets [%(started_at)s, %(ended_at)s or forever) (`e` is the entry).
OVERLAPS = (
    "tstzrange(e.started_at, coalesce(e.ended_at, 'infinity'), '[)')"
    " && tstzrange(%(started_at)s::timestamptz, coalesce(%(ended_at)s::timestamptz, 'infinity'), '[)')"
)


class Actor(Protocol):
    """Who writes: the caller (web.Caller fits)."""

    @property
    def user_id(self) -> str: ...

    @property
    def company_id(self) -> str: ...

    @property
    def role(self) -> str: ...


def resolve_refs(conn: Conn, user_id, project_id, task_id) -> dict:
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


def check_past_edit(me: Actor, cfg: dict, today_start: datetime, *starts: datetime) -> None:
    """Refuse an employee's change to an entry before `today_start` (TODAY_START) when the company forbids it."""
    if me.role != "employee" or cfg["employees_edit_past"]:
        return
    if any(s < today_start for s in starts):
        raise Forbidden("Your company does not allow employees to edit past entries.", code="past_edit_forbidden")


def check_overlap(conn: Conn, user_id, started: datetime, ended: datetime | None, exclude_id=None) -> None:
    """Raise Conflict (409, code overlap) carrying the first entry of `user_id` that overlaps the interval."""
    row = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM time_entries e WHERE e.user_id = %(user_id)s"
        f" AND (%(exclude)s::uuid IS NULL OR e.id <> %(exclude)s::uuid) AND {OVERLAPS} ORDER BY e.started_at LIMIT 1",
        {"user_id": str(user_id), "exclude": exclude_id, "started_at": started, "ended_at": ended},
    ).fetchone()
    if row is not None:
        raise Conflict("This time overlaps another entry.", code="overlap", extra={"conflicting_entry": row})


@contextmanager
def period_lock_as_423() -> Iterator[None]:
    """Turn the period-lock trigger's refusal, raised by an entry write in the block, into 423 Locked."""
    try:
        yield
    except psycopg.errors.RaiseException as exc:
        msg = (exc.diag.message_primary or "") if exc.diag else ""
        if msg.startswith(keys.PERIOD_MESSAGE_PREFIX):
            state = msg[len(keys.PERIOD_MESSAGE_PREFIX) :].split(":")[0]
            raise ApiError(
                f"This time lies in a timesheet that is {state}; it cannot change.", status=423, code=f"period_{state}"
            ) from exc
        raise


def write(conn: Conn, sql: str, params: Any) -> Row | None:
    """Run one entry write and return its row; turn the period-lock trigger's refusal into 423 Locked."""
    with period_lock_as_423():
        return conn.execute(sql, params).fetchone()
