"""integrations: calendar connections (CalDAV, Google, Microsoft), suggested entries from calendars, security alerts,
work-pattern insights (and, optionally, a model's narrative on top of them).

Routes are thin (parse, call `workmonitor.integrations`, shape the answer); one blueprint per module. Everything
that talks to a provider runs in RQ jobs (workmonitor.integrations.sync), never in a request.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import ai, alerts, calendars, insights, suggestions

app = create_function("integrations")
for module in (calendars, suggestions, alerts, insights, ai):
    app.register_blueprint(module.bp)
