"""stripe-webhook: Stripe's events, and nothing else (no JWT; only events signed with the endpoint's secret).

Routes are thin (verify, call `workmonitor.billing.webhook`, answer); one blueprint per module.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import routes

app = create_function("stripe-webhook")
app.register_blueprint(routes.bp)
