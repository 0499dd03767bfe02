"""scheduler: the target of OpenFaaS cron-connector schedules (an empty POST to the function's root).

The cron-connector cannot send credentials, and /function/* is not authenticated by OpenFaaS, so this function
only ever enqueues idempotent maintenance jobs, at most once per schedule slot (a Redis SET NX claim): calling
it more often than the schedule does no extra work. `make run` calls it the same way on a timer.
"""

from __future__ import annotations

import time

from workmonitor import keys
from workmonitor.jobs import registry
from workmonitor.redis_client import client as redis_client
from workmonitor.web import create_function, public

app = create_function("scheduler")

# name -> (job, slot length in seconds)
TASKS = {
    "retention": (registry.APPLY_RETENTION, 3600),
    "idempotency-keys": (registry.EXPIRE_IDEMPOTENCY_KEYS, 86400),
}


def run_due(now: float | None = None) -> dict[str, str | None]:
    """Enqueue every task whose current slot has not been claimed yet; return task -> job id (None: already done)."""
    now = time.time() if now is None else now
    out: dict[str, str | None] = {}
    for name, (job, every) in TASKS.items():
        slot = int(now // every)
        claimed = redis_client().set(keys.cron_slot(name, slot), "1", nx=True, ex=every * 2)
        out[name] = job.enqueue(job_id=f"cron-{name}-{slot}").id if claimed else None
    return out


@app.post("/")
@public
def tick():
    return {"enqueued": run_due()}, 202


@app.get("/")
@public
def schedule():
    return {"tasks": {name: {"queue": j.queue, "job": j.path, "every_seconds": s} for name, (j, s) in TASKS.items()}}
