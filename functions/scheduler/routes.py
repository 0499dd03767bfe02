"""The cron target: POST enqueues what is due, GET lists the schedule."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.db import Claims
from workmonitor.scheduler import cron
from workmonitor.scheduler.models import Enqueued, Schedule
from workmonitor.web import db, public, responds

bp = Blueprint("scheduler", __name__)


@bp.post("/")
@public
@responds(Enqueued, 202)
def tick():
    """Enqueue every task whose slot is due."""
    return {"enqueued": cron.run_due(db(Claims()))}, 202


@bp.get("/")
@public
@responds(Schedule)
def schedule():
    """List the scheduled tasks."""
    return {"tasks": cron.schedule()}
