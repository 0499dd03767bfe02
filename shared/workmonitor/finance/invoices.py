"""Client invoices and credit notes (no Flask): drafts from approved billable time and expenses, gapless numbers
at issue, immutable once issued, payments (idempotent by reference), void and credit notes.

Rate precedence for a time entry (like Kimai), first one set wins:
  task rate (task_rates) > project member rate (project_members.hourly_rate) > project rate (projects.hourly_rate)
  > client rate (client_billing.hourly_rate) > company default (finance_settings.default_hourly_rate).
Project and member rates are stored in minor units per hour (projects domain); the others in major units.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from ..db import Conn, Row
from ..errors import Conflict, NotFound, Unprocessable, id_or_404
from ..jobs import registry
from ..publicapi import webhooks
from ..time.timecalc import local_range
from . import money
from . import settings as fsettings

COLUMNS = (
    "id, kind, client_id, credits_invoice_id, number, status, currency, period_start, period_end, grouping,"
    " issue_date, due_date, terms_days, reverse_charge, notes, subtotal_minor, tax_minor, total_minor, paid_minor,"
    " bill_to, (pdf_key IS NOT NULL) AS pdf_ready, sent_at, created_at, updated_at,"
    " (status IN ('issued', 'sent', 'partially_paid') AND due_date < current_date) AS overdue"
)
LINE_COLUMNS = (
    "id, position, kind, description, quantity, unit_price, tax_rate, amount_minor, project_id, task_id, user_id"
)
OPEN = ("issued", "sent", "partially_paid")


def format_number(fmt: str, seq: int, day: date) -> str:
    """Return `fmt` with {YYYY}, {YY}, {MM}, {seq} and {seq:0N} filled in (e.g. INV-{YYYY}-{seq:04})."""

    def seq_part(m: re.Match) -> str:
        width = m.group(1)
        return f"{seq:0{int(width)}d}" if width else str(seq)

    out = fmt.replace("{YYYY}", f"{day.year:04d}").replace("{YY}", f"{day.year % 100:02d}")
    out = out.replace("{MM}", f"{day.month:02d}")
    return re.sub(r"\{seq(?::0?(\d+))?\}", seq_part, out)


# --- billing details -------------------------------------------------------------------------------------------


def client_billing(conn: Conn, client_id) -> Row:
    """Return a client's billing details (name from clients, the rest from client_billing); raise NotFound."""
    client_id = id_or_404(client_id, "client", code="client_not_found")
    row = conn.execute(
        "SELECT c.id AS client_id, c.name, coalesce(b.billing_email, c.email) AS billing_email, b.address, b.tax_id,"
        " b.hourly_rate, b.currency FROM clients c LEFT JOIN client_billing b ON b.client_id = c.id WHERE c.id = %s",
        (client_id,),
    ).fetchone()
    if row is None:
        raise NotFound("No such client.", code="client_not_found")
    return row


def save_client_billing(conn: Conn, client_id, data: dict) -> Row:
    """Store a client's billing email, address, tax id, rate and currency; return the details."""
    client_billing(conn, client_id)
    conn.execute(
        "INSERT INTO client_billing (client_id, company_id, billing_email, address, tax_id, hourly_rate, currency)"
        " VALUES (%(id)s, app.company_id(), %(billing_email)s, %(address)s, %(tax_id)s, %(hourly_rate)s, %(currency)s)"
        " ON CONFLICT (client_id) DO UPDATE SET billing_email = EXCLUDED.billing_email, address = EXCLUDED.address,"
        " tax_id = EXCLUDED.tax_id, hourly_rate = EXCLUDED.hourly_rate, currency = EXCLUDED.currency,"
        " updated_at = now()",
        {"id": str(client_id), **data},
    )
    return client_billing(conn, client_id)


def set_task_rate(conn: Conn, task_id, rate: Decimal) -> Row:
    """Set a task's billing rate (major units per hour); return it."""
    row = conn.execute(
        "INSERT INTO task_rates (task_id, company_id, hourly_rate) VALUES (%s, app.company_id(), %s)"
        " ON CONFLICT (task_id) DO UPDATE SET hourly_rate = EXCLUDED.hourly_rate RETURNING task_id, hourly_rate",
        (id_or_404(task_id, "task", code="task_not_found"), rate),
    ).fetchone()
    assert row is not None
    return row


# --- reading ----------------------------------------------------------------------------------------------------


def get(conn: Conn, invoice_id, lock: bool = False) -> Row:
    """Return invoice `invoice_id` (locked FOR UPDATE when `lock`); raise NotFound."""
    invoice_id = id_or_404(invoice_id, "invoice", code="invoice_not_found")
    row = conn.execute(
        f"SELECT {COLUMNS} FROM invoices WHERE id = %s" + (" FOR UPDATE" if lock else ""), (invoice_id,)
    ).fetchone()
    if row is None:
        raise NotFound("No such invoice.", code="invoice_not_found")
    return row


def lines(conn: Conn, invoice_id) -> list[Row]:
    """Return an invoice's lines in order (tax lines last)."""
    return conn.execute(
        f"SELECT {LINE_COLUMNS} FROM invoice_lines WHERE invoice_id = %s ORDER BY position, id", (invoice_id,)
    ).fetchall()


def payments(conn: Conn, invoice_id) -> list[Row]:
    """Return an invoice's payments, oldest first."""
    return conn.execute(
        "SELECT id, amount_minor, currency, method, reference, paid_at, created_at FROM invoice_payments"
        " WHERE invoice_id = %s ORDER BY paid_at, id",
        (invoice_id,),
    ).fetchall()


def full(conn: Conn, invoice_id) -> dict:
    """Return {invoice, lines, payments}."""
    inv = get(conn, invoice_id)
    return {"invoice": inv, "lines": lines(conn, inv["id"]), "payments": payments(conn, inv["id"])}


def list_invoices(
    conn: Conn, status: str | None, client_id: str | None, overdue: bool | None, limit: int, offset: int
) -> list[Row]:
    """Return invoices (filters optional), newest first (limit + 1 rows)."""
    where, params = [], []
    if status:
        where.append("status = %s")
        params.append(status)
    if client_id:
        where.append("client_id = %s")
        params.append(client_id)
    if overdue is not None:
        where.append(
            ("" if overdue else "NOT ") + "(status IN ('issued', 'sent', 'partially_paid') AND due_date < current_date)"
        )
    sql = f"SELECT {COLUMNS} FROM invoices" + (" WHERE " + " AND ".join(where) if where else "")
    return conn.execute(
        sql + " ORDER BY created_at DESC, id LIMIT %s OFFSET %s", (*params, limit + 1, offset)
    ).fetchall()


# --- drafts -----------------------------------------------------------------------------------------------------


def _billable_entries(conn: Conn, client_id: str, start: datetime, end: datetime) -> list[Row]:
    """Approved, billable, not yet invoiced entries on the client's projects in [start, end), with their rates."""
    return conn.execute(
        "SELECT e.id, e.user_id, u.name AS user_name, e.project_id, p.name AS project_name, e.task_id,"
        " t.name AS task_name, e.description, e.started_at,"
        " extract(epoch FROM e.ended_at - e.started_at)::bigint AS seconds,"
        " tr.hourly_rate AS task_rate, m.hourly_rate AS member_rate, p.hourly_rate AS project_rate,"
        " cb.hourly_rate AS client_rate"
        " FROM time_entries e"
        " JOIN timesheets ts ON ts.user_id = e.user_id AND ts.status = 'approved'"
        "  AND e.started_at >= ts.starts_at AND e.started_at < ts.locked_until"
        " JOIN projects p ON p.id = e.project_id"
        " JOIN users u ON u.id = e.user_id"
        " LEFT JOIN tasks t ON t.id = e.task_id"
        " LEFT JOIN task_rates tr ON tr.task_id = e.task_id"
        " LEFT JOIN project_members m ON m.project_id = e.project_id AND m.user_id = e.user_id"
        " LEFT JOIN client_billing cb ON cb.client_id = p.client_id"
        " WHERE p.client_id = %s AND e.billable AND e.ended_at IS NOT NULL"
        "  AND e.started_at >= %s AND e.started_at < %s"
        "  AND NOT EXISTS (SELECT 1 FROM invoice_items i WHERE i.kind = 'entry' AND i.ref_id = e.id)"
        " ORDER BY e.started_at, e.id",
        (client_id, start, end),
    ).fetchall()


def rate_of(row: Row, currency: str, default: Decimal | None) -> Decimal | None:
    """Return the hourly rate (major units) of an entry row by the documented precedence; None when unset."""
    scale = Decimal(10) ** money.exponent(currency)
    if row["task_rate"] is not None:
        return Decimal(row["task_rate"])
    if row["member_rate"] is not None:
        return Decimal(row["member_rate"]) / scale
    if row["project_rate"] is not None:
        return Decimal(row["project_rate"]) / scale
    if row["client_rate"] is not None:
        return Decimal(row["client_rate"])
    return default


def _group_key(row: Row, grouping: str) -> tuple[str, str]:
    if grouping == "task":
        return (f"{row['project_id']}/{row['task_id']}", f"{row['project_name']}: {row['task_name'] or 'No task'}")
    if grouping == "person":
        return (str(row["user_id"]), f"{row['project_name']}: {row['user_name']}")
    if grouping == "entry":
        label = f"{row['started_at']:%Y-%m-%d} {row['project_name']}: {row['description'] or row['user_name']}"
        return (str(row["id"]), label[:480])
    return (str(row["project_id"]), str(row["project_name"]))


def create_draft(conn: Conn, me, data: dict) -> dict:
    """Create a draft invoice for a client and period from approved billable time and expenses plus manual lines;
    reserve the billed sources (a source on another invoice is skipped); return {invoice, lines, payments}."""
    cfg = fsettings.get(conn)
    client = client_billing(conn, data["client_id"])
    currency = (client["currency"] or cfg["currency"]).strip()
    tax = Decimal(0) if data.get("reverse_charge") else Decimal(data.get("tax_rate") or cfg["default_tax_rate"])
    terms = data.get("terms_days") if data.get("terms_days") is not None else cfg["payment_terms_days"]
    inv = conn.execute(
        "INSERT INTO invoices (company_id, client_id, currency, period_start, period_end, grouping, terms_days,"
        " reverse_charge, notes, created_by) VALUES (app.company_id(), %s, %s, %s, %s, %s, %s, %s, %s, %s)"
        " RETURNING id",
        (
            client["client_id"],
            currency,
            data.get("period_start"),
            data.get("period_end"),
            data.get("grouping", "project"),
            terms,
            bool(data.get("reverse_charge")),
            data.get("notes"),
            me.user_id,
        ),
    ).fetchone()
    assert inv is not None
    invoice_id = inv["id"]
    pos = 0
    if data.get("period_start") and data.get("period_end"):
        start, end = local_range(data["period_start"], data["period_end"], cfg["timezone"])
        pos = _time_lines(
            conn,
            invoice_id,
            client["client_id"],
            start,
            end,
            data.get("grouping", "project"),
            currency,
            cfg["default_hourly_rate"],
            tax,
        )
        pos = _expense_lines(
            conn, invoice_id, client["client_id"], data["period_start"], data["period_end"], currency, tax, pos
        )
    for manual in data.get("lines") or []:
        pos += 1
        _insert_line(
            conn,
            invoice_id,
            pos,
            "manual",
            manual["description"],
            Decimal(manual["quantity"]),
            Decimal(manual["unit_price"]),
            Decimal(manual.get("tax_rate") if manual.get("tax_rate") is not None else tax),
            currency,
        )
    if data.get("discount_percent"):
        _discount(conn, invoice_id, Decimal(data["discount_percent"]), pos)
    recalc(conn, invoice_id)
    return full(conn, invoice_id)


def _insert_line(
    conn: Conn,
    invoice_id,
    pos: int,
    kind: str,
    desc: str,
    qty: Decimal,
    price: Decimal,
    tax: Decimal,
    currency: str,
    amount: int | None = None,
    refs: dict | None = None,
) -> None:
    refs = refs or {}
    conn.execute(
        "INSERT INTO invoice_lines (company_id, invoice_id, position, kind, description, quantity, unit_price,"
        " tax_rate, amount_minor, project_id, task_id, user_id)"
        " VALUES (app.company_id(), %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (
            invoice_id,
            pos,
            kind,
            desc[:500],
            qty,
            price,
            tax,
            money.quantity_amount(qty, price, currency) if amount is None else amount,
            refs.get("project_id"),
            refs.get("task_id"),
            refs.get("user_id"),
        ),
    )


def _time_lines(conn: Conn, invoice_id, client_id, start, end, grouping, currency, default, tax) -> int:
    groups: dict[tuple[str, Decimal], dict[str, Any]] = {}
    missing = set()
    rows = _billable_entries(conn, client_id, start, end)
    for row in rows:
        rate = rate_of(row, currency, default)
        if rate is None:
            missing.add(row["project_name"])
            continue
        key, label = _group_key(row, grouping)
        g = groups.setdefault((key, rate), {"label": label, "seconds": 0, "ids": [], "row": row})
        g["seconds"] += row["seconds"]
        g["ids"].append(row["id"])
    if missing:
        raise Unprocessable(
            f"No billing rate for: {', '.join(sorted(missing))}. Set a task, member, project, client or default rate.",
            code="rate_missing",
        )
    pos = 0
    for (_, rate), g in groups.items():
        pos += 1
        hours = (Decimal(g["seconds"]) / money.HOUR).quantize(Decimal("0.0001"))
        refs = (
            {k: g["row"][k] for k in ("project_id", "task_id", "user_id")}
            if grouping != "project"
            else {"project_id": g["row"]["project_id"]}
        )
        _insert_line(
            conn,
            invoice_id,
            pos,
            "time",
            g["label"],
            hours,
            rate,
            tax,
            currency,
            money.time_amount(g["seconds"], rate, currency),
            refs,
        )
        _reserve(conn, invoice_id, "entry", g["ids"])
    return pos


def _expense_lines(conn: Conn, invoice_id, client_id, first: date, last: date, currency, tax, pos: int) -> int:
    rows = conn.execute(
        "SELECT x.id, x.spent_on, x.amount_minor, x.note, c.name AS category, p.name AS project_name, x.project_id"
        " FROM expenses x JOIN projects p ON p.id = x.project_id JOIN expense_categories c ON c.id = x.category_id"
        " WHERE p.client_id = %s AND x.billable AND x.status = 'approved' AND x.currency = %s"
        "  AND x.spent_on BETWEEN %s AND %s"
        "  AND NOT EXISTS (SELECT 1 FROM invoice_items i WHERE i.kind = 'expense' AND i.ref_id = x.id)"
        " ORDER BY x.spent_on, x.id",
        (client_id, currency, first, last),
    ).fetchall()
    for row in rows:
        pos += 1
        desc = f"Expense {row['spent_on']} {row['project_name']}: {row['category']}" + (
            f" - {row['note']}" if row["note"] else ""
        )
        _insert_line(
            conn,
            invoice_id,
            pos,
            "expense",
            desc,
            Decimal(1),
            money.to_major(row["amount_minor"], currency),
            tax,
            currency,
            row["amount_minor"],
            {"project_id": row["project_id"]},
        )
        _reserve(conn, invoice_id, "expense", [row["id"]])
    return pos


def _reserve(conn: Conn, invoice_id, kind: str, ids: list) -> None:
    """Record what the invoice bills; the primary key refuses a source already on another invoice (409)."""
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO invoice_items (company_id, invoice_id, kind, ref_id) VALUES (app.company_id(), %s, %s, %s)",
            [(invoice_id, kind, i) for i in ids],
        )


def _discount(conn: Conn, invoice_id, percent: Decimal, pos: int) -> None:
    """Add one discount line per tax rate: -percent % of that rate's lines (so tax stays right)."""
    bases = conn.execute(
        "SELECT tax_rate, sum(amount_minor) AS base FROM invoice_lines WHERE invoice_id = %s AND kind <> 'tax'"
        " GROUP BY tax_rate ORDER BY tax_rate",
        (invoice_id,),
    ).fetchall()
    for b in bases:
        pos += 1
        amount = -money.percent_of(b["base"], percent)
        conn.execute(
            "INSERT INTO invoice_lines (company_id, invoice_id, position, kind, description, quantity, unit_price,"
            " tax_rate, amount_minor) VALUES (app.company_id(), %s, %s, 'discount', %s, 1, 0, %s, %s)",
            (invoice_id, pos, f"Discount {percent.normalize():f} %", b["tax_rate"], amount),
        )


def recalc(conn: Conn, invoice_id) -> None:
    """Rewrite a draft's tax lines (one per rate) and totals from its lines: total = sum of every line."""
    conn.execute("DELETE FROM invoice_lines WHERE invoice_id = %s AND kind = 'tax'", (invoice_id,))
    rows = lines(conn, invoice_id)
    subtotal = money.total(r["amount_minor"] for r in rows)
    taxes = money.tax_lines((r["amount_minor"], Decimal(r["tax_rate"])) for r in rows)
    for n, (rate, amount) in enumerate(taxes.items()):
        conn.execute(
            "INSERT INTO invoice_lines (company_id, invoice_id, position, kind, description, quantity, unit_price,"
            " tax_rate, amount_minor) VALUES (app.company_id(), %s, %s, 'tax', %s, 1, 0, %s, %s)",
            (invoice_id, 100000 + n, f"Tax {rate.normalize():f} %", rate, amount),
        )
    tax = money.total(taxes.values())
    conn.execute(
        "UPDATE invoices SET subtotal_minor = %s, tax_minor = %s, total_minor = %s WHERE id = %s",
        (subtotal, tax, subtotal + tax, invoice_id),
    )


def add_line(conn: Conn, invoice_id, line: dict) -> dict:
    """Add a manual line to a draft; return the invoice."""
    inv = _draft(conn, invoice_id)
    pos = conn.execute(
        "SELECT coalesce(max(position), 0) + 1 AS p FROM invoice_lines WHERE invoice_id = %s AND kind <> 'tax'",
        (inv["id"],),
    ).fetchone()
    assert pos is not None
    _insert_line(
        conn,
        inv["id"],
        pos["p"],
        "manual",
        line["description"],
        Decimal(line["quantity"]),
        Decimal(line["unit_price"]),
        Decimal(line.get("tax_rate") or 0),
        inv["currency"].strip(),
    )
    recalc(conn, inv["id"])
    return full(conn, inv["id"])


def _draft(conn: Conn, invoice_id) -> Row:
    inv = get(conn, invoice_id, lock=True)
    if inv["status"] != "draft":
        raise Conflict("An issued invoice cannot change; issue a credit note.", code="invoice_immutable")
    return inv


def delete_draft(conn: Conn, invoice_id) -> None:
    """Delete a draft (its reserved sources become billable again)."""
    inv = _draft(conn, invoice_id)
    conn.execute("DELETE FROM invoices WHERE id = %s", (inv["id"],))


# --- issuing, sending, payments, void, credit notes -----------------------------------------------------------------


def next_number(conn: Conn, kind: str, fmt: str, day: date) -> tuple[int, str]:
    """Allocate the next number of `kind` in `day`'s year in this transaction (gapless: a rollback returns it)."""
    row = conn.execute(
        "INSERT INTO invoice_counters (company_id, kind, year, last_seq) VALUES (app.company_id(), %s, %s, 1)"
        " ON CONFLICT (company_id, kind, year) DO UPDATE SET last_seq = invoice_counters.last_seq + 1"
        " RETURNING last_seq",
        (kind, day.year),
    ).fetchone()
    assert row is not None
    return row["last_seq"], format_number(fmt, row["last_seq"], day)


def issue(conn: Conn, me, invoice_id) -> dict:
    """Issue a draft: number, dates, client snapshot; enqueue its PDF; return {invoice, lines, payments}."""
    inv = _draft(conn, invoice_id)
    if not lines(conn, inv["id"]):
        raise Unprocessable("An invoice needs at least one line.", code="invoice_empty")
    cfg = fsettings.get(conn)
    today = datetime.now(ZoneInfo(cfg["timezone"])).date()
    kind = inv["kind"]
    seq, number = next_number(conn, kind, cfg["invoice_format" if kind == "invoice" else "credit_note_format"], today)
    client = client_billing(conn, inv["client_id"])
    bill_to = {
        "name": client["name"],
        "address": client["address"],
        "tax_id": client["tax_id"],
        "email": client["billing_email"],
    }
    conn.execute(
        "UPDATE invoices SET status = 'issued', number = %s, seq = %s, issue_date = %s, due_date = %s, bill_to = %s"
        " WHERE id = %s",
        (number, seq, today, today + timedelta(days=inv["terms_days"]), _json(bill_to), inv["id"]),
    )
    if kind == "credit_note" and inv["credits_invoice_id"]:
        _apply_credit(conn, inv["credits_invoice_id"], -inv["total_minor"])
    registry.RENDER_INVOICE.enqueue(conn, me.company_id, str(inv["id"]), key=f"invoice-pdf-{inv['id']}")
    out = full(conn, inv["id"])
    if kind == "invoice":
        webhooks.emit(conn, me.company_id, "invoice.issued", {"invoice": out["invoice"]})
    return out


def _json(value: dict) -> str:
    return json.dumps(value)


def _apply_credit(conn: Conn, invoice_id, amount: int) -> None:
    """Settle up to `amount` of the credited invoice's balance with an issued credit note."""
    orig = get(conn, invoice_id, lock=True)
    if orig["status"] not in OPEN:
        return
    applied = min(amount, orig["total_minor"] - orig["paid_minor"])
    paid = orig["paid_minor"] + applied
    status = "paid" if paid >= orig["total_minor"] else "partially_paid" if paid else orig["status"]
    conn.execute("UPDATE invoices SET paid_minor = %s, status = %s WHERE id = %s", (paid, status, orig["id"]))


def send(conn: Conn, me, invoice_id, to: str | None) -> dict:
    """Email an issued invoice's PDF to `to` (default: the client's billing address) via the email worker."""
    inv = get(conn, invoice_id, lock=True)
    if inv["status"] in ("draft", "void"):
        raise Conflict(f"A {inv['status']} invoice cannot be sent.", code="invalid_state")
    to = to or inv["bill_to"].get("email")
    if not to:
        raise Unprocessable("The client has no billing email; give `to`.", code="billing_email_missing")
    count = conn.execute("SELECT count(*) AS n FROM audit_logs WHERE target_id = %s", (str(inv["id"]),)).fetchone()
    message_id = f"invoice-{inv['id']}-{count['n'] if count else 0}"
    registry.SEND_INVOICE.enqueue(conn, me.company_id, str(inv["id"]), to, message_id)
    status = "sent" if inv["status"] == "issued" else inv["status"]
    conn.execute("UPDATE invoices SET status = %s, sent_at = now() WHERE id = %s", (status, inv["id"]))
    return full(conn, inv["id"])


def record_payment(
    conn: Conn,
    invoice_id,
    amount_minor: int,
    currency: str,
    method: str,
    reference: str,
    paid_at: datetime | None = None,
    recorded_by: str | None = None,
) -> dict:
    """Record a (partial) payment of an issued invoice, idempotent by `reference`: the same reference again returns
    the first payment (created False). Return {payment, invoice, created}. Raises 404, 409 (wrong state, the
    reference with another amount), 422 (currency, more than the balance)."""
    inv = get(conn, invoice_id, lock=True)
    existing = conn.execute(
        "SELECT id, amount_minor, currency, method, reference, paid_at, created_at FROM invoice_payments"
        " WHERE invoice_id = %s AND reference = %s",
        (inv["id"], reference),
    ).fetchone()
    if existing is not None:
        if existing["amount_minor"] != amount_minor or existing["currency"].strip() != currency.upper():
            raise Conflict("This reference was recorded with another amount.", code="payment_reference_reused")
        return {"payment": existing, "invoice": inv, "created": False}
    if inv["kind"] != "invoice" or inv["status"] not in OPEN:
        raise Conflict(f"A {inv['status']} invoice takes no payment.", code="invalid_state")
    if currency.upper() != inv["currency"].strip():
        raise Unprocessable(f"This invoice is in {inv['currency']}.", code="currency_mismatch")
    if amount_minor <= 0 or amount_minor > inv["total_minor"] - inv["paid_minor"]:
        raise Unprocessable("The amount must be positive and at most the balance due.", code="amount_invalid")
    payment = conn.execute(
        "INSERT INTO invoice_payments (company_id, invoice_id, amount_minor, currency, method, reference, paid_at,"
        " recorded_by) VALUES (app.company_id(), %s, %s, %s, %s, %s, coalesce(%s, now()), %s)"
        " RETURNING id, amount_minor, currency, method, reference, paid_at, created_at",
        (inv["id"], amount_minor, currency.upper(), method, reference, paid_at, recorded_by),
    ).fetchone()
    paid = inv["paid_minor"] + amount_minor
    conn.execute(
        "UPDATE invoices SET paid_minor = %s, status = %s WHERE id = %s",
        (paid, "paid" if paid == inv["total_minor"] else "partially_paid", inv["id"]),
    )
    after = get(conn, inv["id"])
    if after["status"] == "paid":
        company = conn.execute("SELECT app.company_id() AS id").fetchone()
        webhooks.emit(conn, str(company["id"] if company else ""), "invoice.paid", {"invoice": after})
    return {"payment": payment, "invoice": after, "created": True}


def void(conn: Conn, invoice_id) -> dict:
    """Void an issued, unpaid invoice: its number stays used, its time and expenses become billable again."""
    inv = get(conn, invoice_id, lock=True)
    if inv["status"] not in ("issued", "sent") or inv["paid_minor"]:
        raise Conflict(
            "Only an issued invoice without payments can be voided; issue a credit note.", code="invalid_state"
        )
    conn.execute("UPDATE invoices SET status = 'void' WHERE id = %s", (inv["id"],))
    conn.execute("DELETE FROM invoice_items WHERE invoice_id = %s", (inv["id"],))
    return full(conn, inv["id"])


def credit_note(conn: Conn, me, invoice_id, manual: list[dict] | None) -> dict:
    """Create a draft credit note for an issued invoice: every line negated, or the given lines (positive amounts
    to credit) as negative lines; return it."""
    inv = get(conn, invoice_id)
    if inv["kind"] != "invoice" or inv["status"] in ("draft", "void"):
        raise Conflict("Only an issued invoice can be credited.", code="invalid_state")
    cn = conn.execute(
        "INSERT INTO invoices (company_id, kind, client_id, credits_invoice_id, currency, terms_days, reverse_charge,"
        " notes, created_by) VALUES (app.company_id(), 'credit_note', %s, %s, %s, 0, %s, %s, %s) RETURNING id",
        (
            inv["client_id"],
            inv["id"],
            inv["currency"],
            inv["reverse_charge"],
            f"Credit note for invoice {inv['number']}",
            me.user_id,
        ),
    ).fetchone()
    assert cn is not None
    cur = inv["currency"].strip()
    if manual:
        for pos, line in enumerate(manual, 1):
            qty, price = Decimal(line["quantity"]), Decimal(line["unit_price"])
            _insert_line(
                conn, cn["id"], pos, "manual", line["description"], qty, -price, Decimal(line.get("tax_rate") or 0), cur
            )
    else:
        for pos, line in enumerate((x for x in lines(conn, inv["id"]) if x["kind"] != "tax"), 1):
            _insert_line(
                conn,
                cn["id"],
                pos,
                line["kind"] if line["kind"] != "expense" else "manual",
                line["description"],
                line["quantity"],
                -Decimal(line["unit_price"]),
                line["tax_rate"],
                cur,
                -line["amount_minor"],
            )
    recalc(conn, cn["id"])
    return full(conn, cn["id"])


def totals_check(rows: list[Row]) -> dict[str, int]:
    """Return {'subtotal', 'tax', 'total'} summed from line rows (what the invoice must carry)."""
    sub = money.total(r["amount_minor"] for r in rows if r["kind"] != "tax")
    tax = money.total(r["amount_minor"] for r in rows if r["kind"] == "tax")
    return {"subtotal": sub, "tax": tax, "total": sub + tax}
