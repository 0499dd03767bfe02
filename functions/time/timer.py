"""Timer routes: the caller's running timer, the team's running timers, start, stop and resume.

One running timer per user: starting a timer while one runs stops the running one at the same instant, in
the same transaction (the partial unique index on time_entries WHERE ended_at IS NULL is the backstop).
"""

from __future__ import annotations

from flask import Blueprint

from workmonitor.errors import Conflict
from workmonitor.time import entries, reports
from workmonitor.time.models import EntryOut, ResumeIn, ResumeOut, RunningPage, StartOut, TimerIn, TimerOut
from workmonitor.web import body, caller, capturing, db, page, paginated, responds

from .common import created, idempotency_key, publish_timer

bp = Blueprint("timer", __name__)


@bp.get("/timer")
@responds(TimerOut)
def current_timer():
    """The caller's running timer, or null."""
    return {"entry": entries.running(db(), caller().user_id)}


@bp.get("/timers/running")
@responds(RunningPage)
def running_timers():
    """Running timers: a manager sees their team, an admin everyone, an employee themselves (RLS)."""
    limit, offset = page()
    return paginated(reports.running_timers(db(), limit, offset), limit, offset)


@bp.post("/timer/start")
@capturing
@responds(StartOut, 201, body=TimerIn)
def start_timer():
    """Start the caller's timer (idempotent with Idempotency-Key), stopping a running one."""
    data = body(TimerIn).model_dump(mode="json")
    row, stopped, replayed = entries.start_timer(db(), caller(), data, idempotency_key())
    if not replayed:
        if stopped:
            publish_timer("timer.stopped", stopped)
        publish_timer("timer.started", row)
    return created({"entry": row, "stopped": stopped}, replayed)


@bp.post("/timer/stop")
@capturing
@responds(EntryOut)
def stop_timer():
    """Stop the caller's running timer."""
    conn, me = db(), caller()
    entries.lock_user(conn, me.user_id)
    row = entries.stop_timer(conn, me.user_id)
    if row is None:
        raise Conflict("No timer is running.", code="no_running_timer")
    publish_timer("timer.stopped", row)
    return {"entry": row}


@bp.post("/timer/resume")
@capturing
@responds(ResumeOut, 201, body=ResumeIn)
def resume_timer():
    """Start a timer like an earlier entry (`entry_id`, else the last one that ended)."""
    data = body(ResumeIn)
    conn, me = db(), caller()
    source = entries.resume_source(conn, me, data.entry_id)
    copy = {k: source[k] for k in ("project_id", "task_id", "description", "billable")}
    row, stopped, _ = entries.start_timer(conn, me, {**copy, "source": data.source}, None)
    if stopped:
        publish_timer("timer.stopped", stopped)
    publish_timer("timer.started", row)
    return {"entry": row, "stopped": stopped, "resumed_from": source["id"]}, 201
