"""team: invitations, the user directory, roles and status, manager assignments, work agreements, audit log.

Routes are thin (parse, call `workmonitor.team`, shape the answer); one blueprint per module.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import agreements, assignments, audit, invitations, people, privacy

app = create_function("team")
for module in (invitations, people, assignments, agreements, audit, privacy):
    app.register_blueprint(module.bp)
