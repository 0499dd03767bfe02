"""activity: sample ingest, ActivityWatch heartbeats, usage/productivity reports and productivity rules.

Routes are thin (parse, call `workmonitor.activity`, shape the answer); one blueprint per module.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import capture, reports, rules

app = create_function("activity")
# A full batch of 1,000 samples with long titles and URLs is larger than the platform's default body limit.
app.config["MAX_CONTENT_LENGTH"] = 6 * 1024 * 1024
for module in (capture, reports, rules):
    app.register_blueprint(module.bp)
