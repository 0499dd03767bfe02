"""time: the timer, manual entries and edits, listings with totals, daily reports, settings and timesheets.

One running timer per user: starting a timer while one runs stops the running one at the same instant, in
the same transaction (the partial unique index on time_entries WHERE ended_at IS NULL is the backstop).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Annotated, Literal

from flask import request
from pydantic import AwareDatetime, Field, StringConstraints

from workmonitor import audit, events, timecalc
from workmonitor.errors import Conflict, NotFound, ValidationFailed
from workmonitor.schemas import Input
from workmonitor.web import (
    after_commit,
    body,
    caller,
    create_function,
    db,
    page,
    paginated,
    query_date,
    query_uuid,
    roles,
)

from . import entries as entries
from . import reports as reports
from . import sheet_routes
from . import sheets as sheets

app = create_function("time")
app.register_blueprint(sheet_routes.bp)

Source = Literal["web", "desktop", "mobile", "browser", "api"]
Description = Annotated[str, StringConstraints(max_length=2000)]


class TimerIn(Input):
    project_id: uuid.UUID | None = None
    task_id: uuid.UUID | None = None
    description: Description | None = None
    billable: bool | None = None
    source: Source = "web"


class ResumeIn(Input):
    entry_id: uuid.UUID | None = None
    source: Source = "web"


class EntryIn(TimerIn):
    user_id: uuid.UUID | None = None
    started_at: AwareDatetime
    ended_at: AwareDatetime | None = None
    duration_seconds: Annotated[int, Field(gt=0, le=7 * 86400)] | None = None


class EntryPatch(Input):
    project_id: uuid.UUID | None = None
    task_id: uuid.UUID | None = None
    description: Description | None = None
    billable: bool | None = None
    started_at: AwareDatetime | None = None
    ended_at: AwareDatetime | None = None


class SettingsPatch(Input):
    rounding_mode: Literal["none", "up", "down", "nearest"] | None = None
    rounding_minutes: Literal[1, 5, 6, 10, 15] | None = None
    employees_edit_past: bool | None = None
    week_start: Annotated[int, Field(ge=1, le=7)] | None = None


def idempotency_key() -> str | None:
    """Return the Idempotency-Key header (1..255 printable characters) or None; raise 400 when malformed."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    key = key.strip()
    if not 0 < len(key) <= 255 or not key.isprintable():
        raise ValidationFailed(
            "Idempotency-Key must be 1 to 255 printable characters.", fields={"Idempotency-Key": "invalid"}
        )
    return key


def date_range(tz: str, max_days: int | None = None) -> tuple[date | None, date | None]:
    """Return (from, to) local dates from the query; raise 400 when reversed or longer than `max_days`."""
    first, last = query_date("from"), query_date("to")
    if first and last and last < first:
        raise ValidationFailed("to is before from.", fields={"to": "before from"})
    if max_days and first and last and (last - first).days >= max_days:
        raise ValidationFailed(f"The range may span at most {max_days} days.", fields={"to": "range too long"})
    return first, last


def _publish_entry(event: str, row: dict) -> None:
    after_commit(lambda: events.publish(events.user_room(row["user_id"]), event, {"entry": row}))


def _publish_timer(event: str, row: dict) -> None:
    """Tell the user's devices and their managers' dashboards, once the change has committed."""
    rooms = [events.user_room(row["user_id"])]
    rooms += [events.user_room(m) for m in sheets.managers_of(db(), row["user_id"])]
    after_commit(lambda: [events.publish(room, event, {"entry": row}) for room in rooms])


def _viewer_tz(conn) -> str:
    return conn.execute("SELECT timezone FROM users WHERE id = %s", (caller().user_id,)).fetchone()["timezone"]


def _replayed(payload: dict, replayed: bool):
    return payload, 201, ({"Idempotency-Replayed": "true"} if replayed else {})


# --- timer -------------------------------------------------------------------------------------------------


@app.get("/timer")
def current_timer():
    return {"entry": entries.running(db(), caller().user_id)}


@app.get("/timers/running")
def running_timers():
    limit, offset = page()
    rows = (
        db()
        .execute(
            f"SELECT {reports.LIST_COLUMNS}, u.name AS user_name FROM {reports.LIST_FROM}"
            " JOIN users u ON u.id = e.user_id"
            " WHERE e.ended_at IS NULL ORDER BY e.started_at, e.id LIMIT %s OFFSET %s",
            (limit + 1, offset),
        )
        .fetchall()
    )
    return paginated(rows, limit, offset)  # RLS: a manager sees their team, an admin everyone, an employee themselves


@app.post("/timer/start")
def start_timer():
    data = body(TimerIn).model_dump(mode="json")
    row, stopped, replayed = entries.start_timer(db(), caller(), data, idempotency_key())
    if not replayed:
        if stopped:
            _publish_timer("timer.stopped", stopped)
        _publish_timer("timer.started", row)
    return _replayed({"entry": row, "stopped": stopped}, replayed)


@app.post("/timer/stop")
def stop_timer():
    conn, me = db(), caller()
    entries.lock_user(conn, me.user_id)
    row = entries.stop_timer(conn, me.user_id)
    if row is None:
        raise Conflict("No timer is running.", code="no_running_timer")
    _publish_timer("timer.stopped", row)
    return {"entry": row}


@app.post("/timer/resume")
def resume_timer():
    data = body(ResumeIn)
    conn, me = db(), caller()
    if data.entry_id:
        source = entries.entry(conn, data.entry_id)
        if str(source["user_id"]) != me.user_id:
            raise NotFound("No such time entry.", code="entry_not_found")
    else:
        source = conn.execute(
            f"SELECT {entries.ENTRY_COLUMNS} FROM time_entries e WHERE e.user_id = %s"
            " AND e.ended_at IS NOT NULL ORDER BY e.ended_at DESC LIMIT 1",
            (me.user_id,),
        ).fetchone()
        if source is None:
            raise NotFound("There is no earlier entry to resume.", code="entry_not_found")
    copy = {
        "project_id": source["project_id"],
        "task_id": source["task_id"],
        "description": source["description"],
        "billable": source["billable"],
        "source": data.source,
    }
    row, stopped, _ = entries.start_timer(conn, me, copy, None)
    if stopped:
        _publish_timer("timer.stopped", stopped)
    _publish_timer("timer.started", row)
    return {"entry": row, "stopped": stopped, "resumed_from": source["id"]}, 201


# --- entries -----------------------------------------------------------------------------------------------


def _filters(conn) -> reports.Filters:
    tz = _viewer_tz(conn)
    start, end = reports.day_bounds(*date_range(tz), tz)
    billable = request.args.get("billable")
    if billable not in (None, "", "true", "false"):
        raise ValidationFailed("billable must be true or false.", fields={"billable": "true or false"})
    return reports.Filters(
        user_id=query_uuid("user_id"),
        project_id=query_uuid("project_id"),
        task_id=query_uuid("task_id"),
        client_id=query_uuid("client_id"),
        billable=None if not billable else billable == "true",
        start=start,
        end=end,
    )


@app.get("/entries")
def list_entries():
    limit, offset = page()
    conn = db()
    flt = _filters(conn)
    rule = entries.rounding(entries.settings(conn, caller().company_id))
    rows = reports.list_entries(conn, flt, rule, limit, offset)
    return paginated(
        rows,
        limit,
        offset,
        totals=reports.totals(conn, flt, rule),
        rounding={"mode": rule.mode, "minutes": rule.minutes},
    )


@app.get("/reports/summary")
def summary_report():
    group_by = request.args.get("group_by", "project")
    if group_by not in reports.GROUPS:
        raise ValidationFailed("Unknown grouping.", fields={"group_by": ", ".join(reports.GROUPS)})
    conn = db()
    flt = _filters(conn)
    rule = entries.rounding(entries.settings(conn, caller().company_id))
    return {**reports.summary(conn, flt, rule, group_by), "rounding": {"mode": rule.mode, "minutes": rule.minutes}}


@app.post("/entries")
def create_entry():
    data = body(EntryIn)
    if data.ended_at and data.duration_seconds:
        raise ValidationFailed("Give ended_at or duration_seconds, not both.", fields={"duration_seconds": "both"})
    conn, me = db(), caller()
    row, replayed = entries.create_entry(
        conn, me, data.model_dump(), entries.settings(conn, me.company_id), idempotency_key()
    )
    if not replayed:
        _publish_entry("entry.created", row)
    return _replayed({"entry": row}, replayed)


@app.get("/entries/<entry_id>")
def get_entry(entry_id: str):
    return {"entry": entries.entry(db(), entry_id)}


@app.patch("/entries/<entry_id>")
def update_entry(entry_id: str):
    changes = body(EntryPatch).model_dump(exclude_unset=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give at least one field"})
    conn, me = db(), caller()
    row = entries.update_entry(conn, me, entry_id, changes, entries.settings(conn, me.company_id))
    _publish_entry("entry.updated", row)
    return {"entry": row}


@app.delete("/entries/<entry_id>")
def delete_entry(entry_id: str):
    conn, me = db(), caller()
    row = entries.delete_entry(conn, me, entry_id, entries.settings(conn, me.company_id))
    _publish_entry("entry.deleted", {"id": row["id"], "user_id": row["user_id"]})
    return "", 204


# --- reports and settings ----------------------------------------------------------------------------------


@app.get("/reports/daily")
def daily_report():
    conn, me = db(), caller()
    user = entries.target_user(conn, me, query_uuid("user_id"))
    today = timecalc.local_date(entries.now(), user["timezone"])
    first, last = date_range(user["timezone"], max_days=366)
    first, last = first or (last or today) - timedelta(days=6), last or max(first or today, today)
    if (last - first).days >= 366:
        raise ValidationFailed("The range may span at most 366 days.", fields={"to": "range too long"})
    cfg = entries.settings(conn, me.company_id)
    return reports.daily(conn, user["id"], user["timezone"], first, last, entries.rounding(cfg))


@app.get("/settings")
def get_settings():
    return {"settings": entries.settings(db(), caller().company_id)}


@app.patch("/settings")
@roles("admin")
def update_settings():
    changes = body(SettingsPatch).model_dump(exclude_none=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give at least one setting"})
    conn, me = db(), caller()
    out = entries.save_settings(conn, me.company_id, changes)
    audit.record(
        conn,
        "time.settings_changed",
        company_id=me.company_id,
        actor_id=me.user_id,
        target_type="company",
        target_id=me.company_id,
        details=changes,
    )
    return {"settings": out}
