"""The rules every time write obeys (no Flask): visible and open project/task, sane interval, no overlap,
past edits as the company allows, and the period lock's refusal as 423 Locked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

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
# Entries of a user whose interval meets [%(started_at)s, %(ended_at)s) (`e` is the entry). A running entry
# (no end) lasts until now, not forever: a timer may start before an entry planned later today, and an entry
# may be added after the present while a timer runs (the timer stops where that entry begins: entries.stop_timer).
# A timer starting now is the instant it starts: it may not start inside another entry.
RUNNING_END = "greatest(now(), {start} + interval '1 microsecond')"
OVERLAPS = (
    f"tstzrange(e.started_at, coalesce(e.ended_at, {RUNNING_END.format(start='e.started_at')}), '[)')"
    " && tstzrange(%(started_at)s::timestamptz, coalesce(%(ended_at)s::timestamptz,"
    f" {RUNNING_END.format(start='%(started_at)s::timestamptz')}), '[)')"
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
    """Raise Conflict (409, code overlap) naming and carrying the first entry of `user_id` meeting the interval."""
    row = conn.execute(
        f"SELECT {ENTRY_COLUMNS}, p.name AS project_name, u.timezone AS user_timezone FROM time_entries e"
        " JOIN users u ON u.id = e.user_id LEFT JOIN projects p ON p.id = e.project_id WHERE e.user_id = %(user_id)s"
        f" AND (%(exclude)s::uuid IS NULL OR e.id <> %(exclude)s::uuid) AND {OVERLAPS} ORDER BY e.started_at LIMIT 1",
        {"user_id": str(user_id), "exclude": exclude_id, "started_at": started, "ended_at": ended},
    ).fetchone()
    if row is not None:
        message = f"This time overlaps {describe(row, row.pop('project_name'), row.pop('user_timezone'))}."
        raise Conflict(message, code="overlap", extra={"conflicting_entry": row})


def describe(entry: Row, project: str | None, tz: str) -> str:
    """Return how a person recognises an entry: its project and description, and its local times in `tz`."""
    parts = [x for x in (project, entry["description"]) if x]
    label = f'"{" — ".join(parts)}"' if parts else "an entry without project or description"
    zone = ZoneInfo(tz)
    start = entry["started_at"].astimezone(zone)
    if entry["ended_at"] is None:
        when = f"running since {start:%H:%M} on {start:%a %Y-%m-%d}"
    else:
        end = entry["ended_at"].astimezone(zone)
        until = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%a %Y-%m-%d %H:%M}"
        when = f"{start:%H:%M}–{until} on {start:%a %Y-%m-%d}"
    return f"{label}, {when} ({tz})"


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
