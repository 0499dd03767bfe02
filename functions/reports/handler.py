"""reports: the report builder and its exports, imports from other trackers, saved reports, client share links,
personal API tokens and outgoing webhooks.

Routes are thin (parse, call `workmonitor.reports` / `workmonitor.publicapi`, shape the answer); one blueprint per
module.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import builder, imports, shares, tokens, webhooks

app = create_function("reports")
for module in (builder, shares, tokens, webhooks, imports):
    app.register_blueprint(module.bp)
