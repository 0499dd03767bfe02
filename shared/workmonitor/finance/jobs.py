"""Finance jobs (RQ): payslip PDFs of a finalized run, an invoice's PDF, and the invoice email with the PDF.

Each takes ids, opens its own transactions as the company's background job (RLS role 'job'), and is safe to
run twice: PDFs go to deterministic keys (overwriting), the email is sent once per message id. An open invoice's
email carries the Pay online link when the company takes payments online (finance.paylink).
"""

from __future__ import annotations

from email.message import EmailMessage

from .. import storage
from ..billing import client_pay
from ..db import Claims, transaction
from ..keys import mail_sent
from ..mail import build, deliver
from ..redis_client import client
from . import money, paylink, pdf
from . import settings as fsettings
from .invoices import OPEN

INVOICE_COLUMNS = (
    "id, kind, number, status, currency, issue_date, due_date, terms_days, reverse_charge, notes, subtotal_minor,"
    " tax_minor, total_minor, paid_minor, bill_to, pdf_key"
)


def render_payslips(company_id: str, run_id: str) -> int:
    """Render and store every payslip PDF of a finalized run that has none yet; return how many were rendered."""
    with transaction(Claims.job(company_id)) as conn:
        employer = fsettings.get(conn)
        slips = conn.execute(
            "SELECT p.id, p.user_id, u.name AS user_name, r.period_start, r.period_end, p.gross_minor,"
            " p.reimbursed_minor, p.total_minor, p.currency FROM payslips p JOIN payroll_runs r ON r.id = p.run_id"
            " JOIN users u ON u.id = p.user_id WHERE p.run_id = %s AND p.pdf_key IS NULL",
            (run_id,),
        ).fetchall()
        lines = conn.execute(
            "SELECT user_id, description, seconds, rate, amount_minor FROM payroll_lines WHERE run_id = %s"
            " ORDER BY user_id, position, id",
            (run_id,),
        ).fetchall()
    by_user: dict = {}
    for line in lines:
        by_user.setdefault(line["user_id"], []).append(line)
    for slip in slips:
        key = storage.key(company_id, "payslips", run_id, f"{slip['user_id']}.pdf")
        storage.put(key, pdf.payslip(slip, by_user.get(slip["user_id"], []), employer), "application/pdf")
        with transaction(Claims.job(company_id)) as conn:
            conn.execute("UPDATE payslips SET pdf_key = %s WHERE id = %s", (key, slip["id"]))
    return len(slips)


def invoice_pdf(company_id: str, invoice_id: str) -> tuple[bytes, dict]:
    """Return (PDF bytes, invoice row) of an invoice, rendering and storing the PDF when it has none."""
    with transaction(Claims.job(company_id)) as conn:
        inv = conn.execute(f"SELECT {INVOICE_COLUMNS} FROM invoices WHERE id = %s", (invoice_id,)).fetchone()
        if inv is None:
            raise LookupError(f"invoice {invoice_id} is gone")
        if inv["pdf_key"]:
            try:
                return storage.get(inv["pdf_key"]), inv
            except FileNotFoundError:
                pass
        lines = conn.execute(
            "SELECT kind, description, quantity, unit_price, tax_rate, amount_minor FROM invoice_lines"
            " WHERE invoice_id = %s ORDER BY position, id",
            (invoice_id,),
        ).fetchall()
        seller = fsettings.get(conn)
    data = pdf.invoice(inv, lines, seller)
    key = storage.key(company_id, "invoices", f"{invoice_id}.pdf")
    storage.put(key, data, "application/pdf")
    with transaction(Claims.job(company_id)) as conn:
        conn.execute("UPDATE invoices SET pdf_key = %s WHERE id = %s", (key, invoice_id))
    return data, inv


def render_invoice(company_id: str, invoice_id: str) -> str:
    """Render and store an invoice's PDF (the job after issuing); return its size as text."""
    data, _ = invoice_pdf(company_id, invoice_id)
    return f"{len(data)} bytes"


def send_invoice(company_id: str, invoice_id: str, to: str, message_id: str) -> str:
    """Email the invoice PDF to `to` once per `message_id`; return where it went."""
    done = mail_sent(message_id)
    if client().exists(done):
        return "already-sent"
    data, inv = invoice_pdf(company_id, invoice_id)
    cur = inv["currency"].strip()
    title = "Credit note" if inv["kind"] == "credit_note" else "Invoice"
    text = (
        f"Hello,\n\nplease find attached {title.lower()} {inv['number']} over "
        f"{money.fmt(inv['total_minor'], cur)}, due on {inv['due_date']}.\n\n{_pay_online(company_id, inv)}"
        "Kind regards\n"
    )
    msg: EmailMessage = build(to, f"{title} {inv['number']}", text, message_id)
    msg.add_attachment(data, maintype="application", subtype="pdf", filename=f"{inv['number']}.pdf")
    where = deliver(msg)
    client().set(done, where, ex=7 * 24 * 3600)
    return where


def _pay_online(company_id: str, inv: dict) -> str:
    """Return the email's Pay online paragraph: a stable signed link (finance.paylink) for an open invoice of a
    company that takes payments online, else nothing."""
    if inv["kind"] != "invoice" or inv["status"] not in OPEN or inv["total_minor"] <= inv["paid_minor"]:
        return ""
    with transaction(Claims.job(company_id)) as conn:
        if not client_pay.configured(conn, company_id):
            return ""
    return f"Pay online by card: {paylink.url(company_id, str(inv['id']))}\n\n"
