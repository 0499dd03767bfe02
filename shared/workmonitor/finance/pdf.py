"""PDF documents (reportlab): invoices, credit notes and payslips. Pure: data in, bytes out (the jobs store them)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from . import money

_STYLES = getSampleStyleSheet()
ACCENT = colors.HexColor("#4f46e5")


def _p(text: str | None, style: str = "Normal") -> Paragraph:
    return Paragraph(escape(text or "").replace("\n", "<br/>"), _STYLES[style])


def _table(rows: Sequence[Sequence], widths: Sequence[float], header: bool = True) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
        ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
    ]
    if header:
        style.append(("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9))
    t.setStyle(TableStyle(style))
    return t


def _doc(buf: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=title,
        author="WorkMonitor",
    )


def invoice(inv: dict, lines: list[dict], seller: dict) -> bytes:
    """Return the PDF of invoice (or credit note) `inv` with its `lines`, from `seller` (finance settings)."""
    cur = inv["currency"].strip()
    buf = io.BytesIO()
    title = ("Credit note" if inv["kind"] == "credit_note" else "Invoice") + f" {inv['number'] or '(draft)'}"
    story: list = []
    seller_block = "\n".join(
        x
        for x in (
            seller.get("legal_name") or seller.get("company_name"),
            seller.get("address"),
            f"Tax ID: {seller['tax_id']}" if seller.get("tax_id") else None,
        )
        if x
    )
    bill = inv.get("bill_to") or {}
    client_block = "\n".join(
        x
        for x in (
            bill.get("name"),
            bill.get("address"),
            f"Tax ID: {bill['tax_id']}" if bill.get("tax_id") else None,
            bill.get("email"),
        )
        if x
    )
    head = Table(
        [[_p(seller_block), _p(title, "Title")]],
        colWidths=[95 * mm, 79 * mm],
        style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
    )
    story += [head, Spacer(1, 6 * mm)]
    meta = [
        ["Bill to", "Issue date", "Due date"],
        [_p(client_block), str(inv.get("issue_date") or "-"), str(inv.get("due_date") or "-")],
    ]
    story += [_table(meta, [95 * mm, 40 * mm, 39 * mm]), Spacer(1, 6 * mm)]
    rows: list[list] = [["Description", "Qty", "Unit price", "Tax %", "Amount"]]
    for ln in lines:
        if ln["kind"] == "tax":
            continue
        rows.append(
            [
                _p(ln["description"]),
                f"{Decimal(ln['quantity']):.2f}",
                f"{Decimal(ln['unit_price']):.2f}",
                f"{Decimal(ln['tax_rate']).normalize():f}",
                money.fmt(ln["amount_minor"], cur),
            ]
        )
    story += [_table(rows, [84 * mm, 18 * mm, 26 * mm, 14 * mm, 32 * mm]), Spacer(1, 4 * mm)]
    totals: list[list] = [["Subtotal", money.fmt(inv["subtotal_minor"], cur)]]
    for ln in lines:
        if ln["kind"] == "tax":
            totals.append([ln["description"], money.fmt(ln["amount_minor"], cur)])
    totals.append(["Total", money.fmt(inv["total_minor"], cur)])
    if inv.get("paid_minor"):
        totals.append(["Paid", money.fmt(inv["paid_minor"], cur)])
        totals.append(["Balance due", money.fmt(inv["total_minor"] - inv["paid_minor"], cur)])
    t = _table(totals, [142 * mm, 32 * mm], header=False)
    t.setStyle(TableStyle([("FONT", (0, len(totals) - 1), (-1, len(totals) - 1), "Helvetica-Bold", 10)]))
    story += [t, Spacer(1, 6 * mm)]
    if inv.get("reverse_charge"):
        story.append(_p("Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)."))
    if inv.get("notes"):
        story.append(_p(inv["notes"]))
    terms = f"Payment terms: {inv.get('terms_days', 0)} days."
    if seller.get("payment_details"):
        terms += f"\nPayment details: {seller['payment_details']}"
    story += [Spacer(1, 3 * mm), _p(terms)]
    _doc(buf, title).build(story)
    return buf.getvalue()


def payslip(slip: dict, lines: list[dict], employer: dict) -> bytes:
    """Return the PDF payslip of `slip` (with user_name, period, totals) and its `lines`."""
    cur = slip["currency"].strip()
    buf = io.BytesIO()
    title = f"Payslip {slip['period_start']} to {slip['period_end']}"
    story: list = [
        _p(employer.get("legal_name") or employer.get("company_name"), "Heading2"),
        _p(employer.get("address")),
        Spacer(1, 4 * mm),
        _p(title, "Title"),
        _p(f"Employee: {slip['user_name']}"),
        Spacer(1, 5 * mm),
    ]
    rows: list[list] = [["Item", "Hours", "Rate", "Amount"]]
    for ln in lines:
        hours = f"{Decimal(ln['seconds']) / money.HOUR:.2f}" if ln["seconds"] else ""
        rate = "" if ln["rate"] is None else f"{Decimal(ln['rate']):.2f}"
        rows.append([_p(ln["description"]), hours, rate, money.fmt(ln["amount_minor"], cur)])
    story += [_table(rows, [100 * mm, 20 * mm, 22 * mm, 32 * mm]), Spacer(1, 4 * mm)]
    totals = [
        ["Gross pay", money.fmt(slip["gross_minor"], cur)],
        ["Reimbursements", money.fmt(slip["reimbursed_minor"], cur)],
        ["Total paid", money.fmt(slip["total_minor"], cur)],
    ]
    t = _table(totals, [142 * mm, 32 * mm], header=False)
    t.setStyle(TableStyle([("FONT", (0, 2), (-1, 2), "Helvetica-Bold", 10)]))
    story.append(t)
    _doc(buf, title).build(story)
    return buf.getvalue()
