"""scheduler: the target of OpenFaaS cron-connector schedules (an empty POST to the function's root).

The cron-connector cannot send credentials, and /function/* is not authenticated by OpenFaaS, so this function
only ever enqueues idempotent maintenance jobs, at most once per schedule slot (a Redis SET NX claim): calling
it more often than the schedule does no extra work. `make run` calls it the same way on a timer.
"""

from __future__ import annotations

import time

from workmonitor.queue import enqueue
from workmonitor.redis_client import client as redis_client
from workmonitor.web import create_function, public

app = create_function("scheduler")

# name -> (queue, job function, slot length in seconds)
TASKS = {
    "retention": ("media", "workmonitor.jobs.retention.apply_retention", 3600),
    "idempotency-keys": ("default", "workmonitor.jobs.cleanup.expire_idempotency_keys", 86400),
}


def run_due(now: float | None = None) -> dict[str, str | None]:
    """Enqueue every task whose current slot has not been claimed yet; return task -> job id (None: already done)."""
    now = time.time() if now is None else now
    out: dict[str, str | None] = {}
    for name, (queue_name, func, every) in TASKS.items():
        slot = int(now // every)
        claimed = redis_client().set(f"wm:cron:{name}:{slot}", "1", nx=True, ex=every * 2)
        out[name] = enqueue(queue_name, func, job_id=f"cron-{name}-{slot}").id if claimed else None
    return out


@app.post("/")
@public
def tick():
    return {"enqueued": run_due()}, 202


@app.get("/")
@public
def schedule():
    return {"tasks": {name: {"queue": q, "job": f, "every_seconds": s} for name, (q, f, s) in TASKS.items()}}
