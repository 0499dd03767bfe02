"""billing: the company's plan and status, Checkout, the Customer Portal and Stripe invoices, for its admins; the
entitlement (for the read-only banner) for every member.

Routes are thin (parse, call `workmonitor.billing`, shape the answer); one blueprint per module.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import routes

app = create_function("billing")
app.register_blueprint(routes.bp)
