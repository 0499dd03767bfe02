"""Expense routes: categories, submit with a receipt (multipart), list, decide, receipt URL, withdraw."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor import storage
from workmonitor.errors import ValidationFailed
from workmonitor.finance import expenses
from workmonitor.finance.models import (
    CategoriesOut,
    CategoryIn,
    CategoryOut,
    DecisionIn,
    ExpenseIn,
    ExpenseOut,
    ExpensePage,
    UrlOut,
)
from workmonitor.web import (
    audit,
    body,
    caller,
    db,
    form_data,
    page,
    paginated,
    query_uuid,
    responds,
    roles,
    validate,
)

bp = Blueprint("expenses", __name__)
STATUSES = ("submitted", "approved", "rejected")


@bp.get("/expense-categories")
@responds(CategoriesOut)
def list_categories():
    """The company's expense categories."""
    return {"items": expenses.categories(db())}


@bp.post("/expense-categories")
@roles("admin")
@responds(CategoryOut, 201, body=CategoryIn)
def add_category():
    """Create an expense category (admins)."""
    return {"category": expenses.add_category(db(), body(CategoryIn).name)}, 201


@bp.post("/expenses")
@responds(ExpenseOut, 201, body=ExpenseIn)
def submit():
    """Submit an expense: JSON, or multipart form fields plus an optional `receipt` file (image or PDF)."""
    receipt = None
    mimetype = request.mimetype or ""
    if mimetype.startswith("multipart/") or mimetype == "application/x-www-form-urlencoded":
        if (request.content_length or 0) > expenses.MAX_RECEIPT_BYTES + 64 * 1024:
            expenses.check_receipt(b"x" * (expenses.MAX_RECEIPT_BYTES + 1))
        fields, files = form_data()
        data = validate(ExpenseIn, {k: v for k, v in fields.items() if v != ""})
        upload = files.get("receipt")
        if upload is not None:
            receipt = upload.read(expenses.MAX_RECEIPT_BYTES + 1)
            if not receipt:
                raise ValidationFailed("The receipt file is empty.", fields={"receipt": "empty"})
    else:
        data = body(ExpenseIn)
    return {"expense": expenses.submit(db(), caller(), data.model_dump(), receipt)}, 201


@bp.get("/expenses")
@responds(ExpensePage)
def list_expenses():
    """Visible expenses (own; a manager's team; all for admins), ?user_id and ?status, newest first."""
    limit, offset = page()
    status = request.args.get("status") or None
    if status is not None and status not in STATUSES:
        raise ValidationFailed("Unknown status.", fields={"status": f"one of {', '.join(STATUSES)}"})
    rows = expenses.list_expenses(db(), query_uuid("user_id"), status, limit, offset)
    return paginated(rows, limit, offset)


@bp.get("/expenses/<expense_id>")
@responds(ExpenseOut)
def get_expense(expense_id: str):
    """One visible expense."""
    return {"expense": expenses.get(db(), expense_id)}


@bp.post("/expenses/<expense_id>/decision")
@roles("admin", "manager")
@responds(ExpenseOut, body=DecisionIn)
def decide(expense_id: str):
    """Approve or reject a submitted expense with a reason (the employee's manager or an admin)."""
    data = body(DecisionIn)
    conn = db()
    row = expenses.decide(conn, caller(), expense_id, data.action, data.reason)
    audit(conn, f"finance.expense_{data.action}", "expense", expense_id, {"reason": data.reason})
    return {"expense": row}


@bp.get("/expenses/<expense_id>/receipt")
@responds(UrlOut)
def receipt(expense_id: str):
    """A short-lived URL of the receipt, for those who may see the expense."""
    return {"url": expenses.receipt_url(db(), caller(), expense_id), "expires_in": storage.DEFAULT_URL_TTL}


@bp.delete("/expenses/<expense_id>")
@responds(None, 204)
def withdraw(expense_id: str):
    """Withdraw one's own submitted expense."""
    expenses.withdraw(db(), caller(), expense_id)
    return "", 204
