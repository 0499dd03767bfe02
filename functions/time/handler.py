"""time: the timer, manual entries and edits, listings with totals, daily reports, settings and timesheets.

Routes are thin (parse, call `workmonitor.time`, shape the answer); one blueprint per module.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import compliance, entries, reports, team, timer, timesheets

app = create_function("time")
for module in (timer, entries, reports, timesheets, team, compliance):
    app.register_blueprint(module.bp)
