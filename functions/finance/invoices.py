"""Invoice routes: client billing details and task rates, drafts, lines, issue, send, payments, void, credit notes,
and the PDF."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor import storage
from workmonitor.errors import NotFound, ValidationFailed
from workmonitor.finance import invoices
from workmonitor.finance.models import (
    ClientBillingIn,
    ClientBillingOut,
    CreditNoteIn,
    InvoiceIn,
    InvoiceOut,
    InvoicePage,
    LineIn,
    PaymentIn,
    PaymentOut,
    SendIn,
    TaskRateIn,
    TaskRateOut,
    UrlOut,
)
from workmonitor.web import audit, body, caller, db, page, paginated, query_uuid, responds, roles

bp = Blueprint("invoices", __name__)
STATUSES = ("draft", "issued", "sent", "partially_paid", "paid", "void")


@bp.get("/clients/<client_id>/billing")
@roles("admin")
@responds(ClientBillingOut)
def get_billing(client_id: str):
    """A client's billing details."""
    return {"billing": invoices.client_billing(db(), client_id)}


@bp.put("/clients/<client_id>/billing")
@roles("admin")
@responds(ClientBillingOut, body=ClientBillingIn)
def put_billing(client_id: str):
    """Set a client's billing email, address, tax id, hourly rate and currency."""
    data = body(ClientBillingIn).model_dump()
    return {"billing": invoices.save_client_billing(db(), client_id, data)}


@bp.put("/tasks/<task_id>/rate")
@roles("admin")
@responds(TaskRateOut, body=TaskRateIn)
def put_task_rate(task_id: str):
    """Set a task's billing rate (the first in the rate precedence)."""
    return {"rate": invoices.set_task_rate(db(), task_id, body(TaskRateIn).hourly_rate)}


@bp.get("/invoices")
@roles("admin")
@responds(InvoicePage)
def list_invoices():
    """Invoices and credit notes (?status, ?client_id, ?overdue=true|false), newest first."""
    limit, offset = page()
    status = request.args.get("status") or None
    if status is not None and status not in STATUSES:
        raise ValidationFailed("Unknown status.", fields={"status": f"one of {', '.join(STATUSES)}"})
    overdue_arg = request.args.get("overdue")
    if overdue_arg not in (None, "", "true", "false"):
        raise ValidationFailed("overdue must be true or false.", fields={"overdue": "true or false"})
    overdue = None if not overdue_arg else overdue_arg == "true"
    rows = invoices.list_invoices(db(), status, query_uuid("client_id"), overdue, limit, offset)
    return paginated(rows, limit, offset)


@bp.post("/invoices")
@roles("admin")
@responds(InvoiceOut, 201, body=InvoiceIn)
def create_invoice():
    """Create a draft from approved billable time and expenses of a client and period, plus manual lines."""
    data = body(InvoiceIn)
    if (data.period_start is None) != (data.period_end is None) or (
        data.period_start and data.period_end and data.period_end < data.period_start
    ):
        raise ValidationFailed("Give period_start and period_end, in order.", fields={"period_end": "invalid"})
    return invoices.create_draft(db(), caller(), data.model_dump()), 201


@bp.get("/invoices/<invoice_id>")
@roles("admin")
@responds(InvoiceOut)
def get_invoice(invoice_id: str):
    """One invoice with its lines and payments."""
    return invoices.full(db(), invoice_id)


@bp.post("/invoices/<invoice_id>/lines")
@roles("admin")
@responds(InvoiceOut, 201, body=LineIn)
def add_line(invoice_id: str):
    """Add a manual line to a draft."""
    return invoices.add_line(db(), invoice_id, body(LineIn).model_dump()), 201


@bp.delete("/invoices/<invoice_id>")
@roles("admin")
@responds(None, 204)
def delete_draft(invoice_id: str):
    """Delete a draft; what it billed becomes billable again."""
    invoices.delete_draft(db(), invoice_id)
    return "", 204


@bp.post("/invoices/<invoice_id>/issue")
@roles("admin")
@responds(InvoiceOut)
def issue(invoice_id: str):
    """Issue a draft: allocate its number, freeze it, render its PDF."""
    conn = db()
    out = invoices.issue(conn, caller(), invoice_id)
    audit(conn, "finance.invoice_issued", "invoice", invoice_id, {"number": out["invoice"]["number"]})
    return out


@bp.post("/invoices/<invoice_id>/send")
@roles("admin")
@responds(InvoiceOut, body=SendIn)
def send(invoice_id: str):
    """Email the invoice PDF to the client's billing address (or `to`)."""
    conn = db()
    to = body(SendIn).to
    out = invoices.send(conn, caller(), invoice_id, to)
    audit(conn, "finance.invoice_sent", "invoice", invoice_id, {"to": to})
    return out


@bp.post("/invoices/<invoice_id>/payments")
@roles("admin")
@responds(PaymentOut, (200, 201), body=PaymentIn)
def record_payment(invoice_id: str):
    """Record a payment (partial allowed); the same reference again returns the first one (200)."""
    data = body(PaymentIn)
    conn = db()
    me = caller()
    out = invoices.record_payment(
        conn, invoice_id, data.amount_minor, data.currency, data.method, data.reference, data.paid_at, me.user_id
    )
    if out["created"]:
        audit(conn, "finance.payment_recorded", "invoice", invoice_id, {"amount_minor": data.amount_minor})
    return out, 201 if out["created"] else 200


@bp.post("/invoices/<invoice_id>/void")
@roles("admin")
@responds(InvoiceOut)
def void(invoice_id: str):
    """Void an issued invoice without payments; its time and expenses become billable again."""
    conn = db()
    out = invoices.void(conn, invoice_id)
    audit(conn, "finance.invoice_voided", "invoice", invoice_id)
    return out


@bp.post("/invoices/<invoice_id>/credit-note")
@roles("admin")
@responds(InvoiceOut, 201, body=CreditNoteIn)
def credit_note(invoice_id: str):
    """Create a draft credit note: the whole invoice, or the given lines."""
    lines = [line.model_dump() for line in body(CreditNoteIn).lines]
    return invoices.credit_note(db(), caller(), invoice_id, lines or None), 201


@bp.get("/invoices/<invoice_id>/pdf")
@roles("admin")
@responds(UrlOut)
def pdf(invoice_id: str):
    """A short-lived URL of the invoice PDF (404 until the job has rendered it)."""
    conn = db()
    inv = invoices.get(conn, invoice_id)
    key = conn.execute("SELECT pdf_key FROM invoices WHERE id = %s", (inv["id"],)).fetchone()
    if not key or not key["pdf_key"]:
        raise NotFound("The invoice PDF is not rendered yet.", code="pdf_pending")
    return {"url": storage.presign(caller().company_id, key["pdf_key"]), "expires_in": storage.DEFAULT_URL_TTL}
