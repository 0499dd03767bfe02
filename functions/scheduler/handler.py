"""scheduler: the target of OpenFaaS cron-connector schedules (an empty POST to the function's root).

The cron-connector cannot send credentials, and /function/* is not authenticated by OpenFaaS, so this function
only ever enqueues idempotent maintenance jobs, at most once per schedule slot (`workmonitor.scheduler.cron`).
`make run` calls it the same way on a timer.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import routes

app = create_function("scheduler")
app.register_blueprint(routes.bp)
