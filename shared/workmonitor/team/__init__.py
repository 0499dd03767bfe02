"""Team domain: people (directory, profile, roles, deactivation), invitations, manager assignments, work
agreements (consent to capture) and the audit log listing.

Plain functions over a connection (`people`, `invitations`, `assignments`, `agreements`, `auditlog`) and the
shapes they take and give (`models`); the `team` function's routes call them, and so may workers and reports.
Side effects that must wait for the commit (mail, events, session blocks) go through the `defer` callable
the caller passes (`web.after_commit` in a request). Audit rows are written by the routes (`web.audit`):
they need the request's IP and id, which domain code does not know.
"""
