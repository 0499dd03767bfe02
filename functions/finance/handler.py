"""finance: payroll (rates, rules, runs, payslips), expenses with receipts, client invoices, contractor payouts.

Routes are thin (parse, call `workmonitor.finance`, shape the answer); one blueprint per module.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import expenses, invoices, payouts, payroll

app = create_function("finance")
for module in (payroll, expenses, invoices, payouts):
    app.register_blueprint(module.bp)
