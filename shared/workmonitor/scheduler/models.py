"""Response models of the scheduler function (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

from ..wire import Model


class Enqueued(Model):
    """Task name -> the job id enqueued now, or null when this slot's job was enqueued already."""

    enqueued: dict[str, str | None]


class ScheduledTask(Model):
    queue: str
    job: str
    every_seconds: int


class Schedule(Model):
    tasks: dict[str, ScheduledTask]
