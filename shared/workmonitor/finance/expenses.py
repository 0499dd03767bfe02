"""Expenses (no Flask): categories, submit with a receipt (decoded, stored in S3 under the company), approve or
reject by the employee's manager or an admin, presigned receipt URLs for those who may see the expense.

Approved reimbursable expenses flow into the next payroll run; approved billable ones (with a project) into the
client's next invoice. Once paid or invoiced, the database refuses to change them (423).
"""

from __future__ import annotations

import io
import uuid

from .. import notify, storage
from ..db import Conn, Row
from ..errors import ApiError, Conflict, Forbidden, NotFound, PayloadTooLarge, id_or_404
from ..media.screenshots import UnsupportedMedia, inspect_image

MAX_RECEIPT_BYTES = 10 * 2**20
COLUMNS = (
    "x.id, x.user_id, u.name AS user_name, x.spent_on, x.amount_minor, x.currency, x.category_id,"
    " c.name AS category, x.project_id, x.billable, x.reimbursable, x.note, (x.receipt_key IS NOT NULL) AS has_receipt,"
    " x.status, x.decided_by, x.decided_at, x.reason, x.created_at, x.updated_at"
)
FROM = " FROM expenses x JOIN users u ON u.id = x.user_id JOIN expense_categories c ON c.id = x.category_id"


def categories(conn: Conn) -> list[Row]:
    """Return the company's expense categories by name."""
    return conn.execute("SELECT id, name, archived FROM expense_categories ORDER BY lower(name)").fetchall()


def add_category(conn: Conn, name: str) -> Row:
    """Create a category (409 when the name exists); return it."""
    row = conn.execute(
        "INSERT INTO expense_categories (company_id, name) VALUES (app.company_id(), %s) RETURNING id, name, archived",
        (name,),
    ).fetchone()
    assert row is not None
    return row


def check_receipt(data: bytes) -> tuple[str, str]:
    """Return (content type, extension) of a receipt after decoding it (PNG/JPEG/WebP image or PDF); raise 413/415."""
    if len(data) > MAX_RECEIPT_BYTES:
        raise PayloadTooLarge(f"A receipt may be at most {MAX_RECEIPT_BYTES} bytes.", fields={"receipt": "too large"})
    if data[:5] == b"%PDF-":
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        try:
            if len(PdfReader(io.BytesIO(data), strict=False).pages) < 1:
                raise ValueError("no pages")
        except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
            raise UnsupportedMedia("The receipt is not a readable PDF.", fields={"receipt": "not a PDF"}) from exc
        return "application/pdf", "pdf"
    try:
        info = inspect_image(data)
    except UnsupportedMedia as exc:
        raise UnsupportedMedia(
            "A receipt must be a PNG, JPEG or WebP image or a PDF.", fields={"receipt": "not a decodable image or PDF"}
        ) from exc
    return info.content_type, info.ext


def get(conn: Conn, expense_id, internal: bool = False) -> Row:
    """Return the visible expense (with its receipt's key when `internal`); raise NotFound."""
    expense_id = id_or_404(expense_id, "expense", code="expense_not_found")
    extra = ", x.receipt_key, x.receipt_type" if internal else ""
    row = conn.execute(f"SELECT {COLUMNS}{extra} {FROM} WHERE x.id = %s", (expense_id,)).fetchone()
    if row is None:
        raise NotFound("No such expense.", code="expense_not_found")
    return row


def list_expenses(conn: Conn, user_id: str | None, status: str | None, limit: int, offset: int) -> list[Row]:
    """Return visible expenses (own for employees, the team's for managers), newest first (limit + 1 rows)."""
    where, params = [], []
    if user_id:
        where.append("x.user_id = %s")
        params.append(user_id)
    if status:
        where.append("x.status = %s")
        params.append(status)
    sql = f"SELECT {COLUMNS}{FROM}" + (" WHERE " + " AND ".join(where) if where else "")
    return conn.execute(
        sql + " ORDER BY x.spent_on DESC, x.created_at DESC, x.id LIMIT %s OFFSET %s", (*params, limit + 1, offset)
    ).fetchall()


def submit(conn: Conn, me, data: dict, receipt: bytes | None) -> Row:
    """Submit the caller's expense (receipt stored first, under the company prefix); notify the approvers."""
    expense_id = str(uuid.uuid4())
    key = ctype = None
    if receipt:
        ctype, ext = check_receipt(receipt)
        key = storage.key(me.company_id, "receipts", me.user_id, f"{expense_id}.{ext}")
    if data.get("billable") and not data.get("project_id"):
        raise ApiError(
            "A billable expense needs a project.",
            status=400,
            code="validation_failed",
            fields={"project_id": "required when billable"},
        )
    conn.execute(
        "INSERT INTO expenses (id, company_id, user_id, spent_on, amount_minor, currency, category_id, project_id,"
        " billable, reimbursable, note, receipt_key, receipt_type)"
        " VALUES (%s, app.company_id(), %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (
            expense_id,
            me.user_id,
            data["spent_on"],
            data["amount_minor"],
            data["currency"],
            data["category_id"],
            data.get("project_id"),
            bool(data.get("billable")),
            data.get("reimbursable", True),
            data.get("note"),
            key,
            ctype,
        ),
    )
    if key and receipt:
        storage.put(key, receipt, ctype or "application/octet-stream")
    row = get(conn, expense_id)
    for approver in notify.approvers_of(conn, me.user_id):
        notify.notify(
            conn,
            approver,
            "expense_submitted",
            f"Expense to approve from {row['user_name']}",
            f"{row['category']} on {row['spent_on']}: {row['amount_minor'] / 100:.2f} {row['currency']}",
            {"expense_id": expense_id},
        )
    return row


def decide(conn: Conn, me, expense_id, action: str, reason: str | None) -> Row:
    """Approve or reject a submitted expense (the employee's manager or an admin, never one's own); notify."""
    row = get(conn, expense_id)
    if str(row["user_id"]) == me.user_id and me.role != "admin":
        raise Forbidden("Nobody approves their own expense.", code="not_your_team")
    if row["status"] != "submitted":
        raise Conflict(f"This expense is {row['status']}.", code="invalid_state")
    conn.execute(
        "UPDATE expenses SET status = %s, decided_by = %s, decided_at = now(), reason = %s WHERE id = %s",
        (action, me.user_id, reason, row["id"]),
    )
    row = get(conn, row["id"])
    text = f"{row['category']} on {row['spent_on']} was {action}" + (f": {reason}" if reason else ".")
    notify.notify(conn, row["user_id"], "expense_decided", f"Expense {action}", text, {"expense_id": str(row["id"])})
    return row


def receipt_url(conn: Conn, me, expense_id) -> str:
    """Return a short-lived URL of the visible expense's receipt; raise NotFound when it has none."""
    row = get(conn, expense_id, internal=True)
    if not row["receipt_key"]:
        raise NotFound("This expense has no receipt.", code="receipt_not_found")
    return storage.presign(me.company_id, row["receipt_key"])


def withdraw(conn: Conn, me, expense_id) -> None:
    """Delete the caller's own submitted expense (and its receipt)."""
    row = get(conn, expense_id, internal=True)
    if str(row["user_id"]) != me.user_id or row["status"] != "submitted":
        raise Conflict("Only your own submitted expense can be withdrawn.", code="invalid_state")
    conn.execute("DELETE FROM expenses WHERE id = %s", (row["id"],))
    if row["receipt_key"]:
        storage.delete(row["receipt_key"])
