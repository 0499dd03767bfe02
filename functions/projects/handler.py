"""projects: clients, projects (rates, budgets, archive), project membership and tasks with assignees.

Routes are thin (parse, call `workmonitor.projects.store`, shape the answer); one blueprint per module.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import clients, projects, tasks

app = create_function("projects")
for module in (clients, projects, tasks):
    app.register_blueprint(module.bp)
