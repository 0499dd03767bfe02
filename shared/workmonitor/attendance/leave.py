"""Leave: types per company, requests (half days optional), decisions by the assigned manager or an admin, balances.

Days are working days Monday to Friday; a half-day flag takes half of the first or last day. Requests of one
user never overlap (pending or approved), serialised by a per-user advisory lock.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

from .. import notify as notices
from ..db import Conn
from ..errors import Conflict, Forbidden, NotFound, Unprocessable, ValidationFailed
from . import common
from .models import LeaveRequestIn

TYPE_COLUMNS = "id, name, paid, allowance_days, archived, created_at"
REQUEST_COLUMNS = (
    "id, user_id, leave_type_id, start_date, end_date, start_half, end_half, days, reason, status,"
    " decided_by, decided_at, decision_comment, created_at"
)
HALF = Decimal("0.5")
TENTH = Decimal("0.1")  # days carry one decimal, like the numeric(_, 1) columns


def working_days(
    start: date, end: date, start_half: bool = False, end_half: bool = False, year: int | None = None
) -> Decimal:
    """Return the Mon-Fri days of [start, end] (only those in `year` when given), halving flagged end days."""
    total = Decimal(0)
    day = start
    while day <= end:
        if day.weekday() < 5 and (year is None or day.year == year):
            half = (day == start and start_half) or (day == end and end_half)
            total += HALF if half else Decimal(1)
        day += timedelta(days=1)
    return total


# --- types -------------------------------------------------------------------------------------------------


def create_type(conn: Conn, company_id: str, name: str, paid: bool, allowance: Decimal | None) -> dict:
    """Create a leave type; return it. Raises 409 on a duplicate name."""
    if conn.execute("SELECT 1 FROM leave_types WHERE lower(name) = lower(%s)", (name,)).fetchone():
        raise Conflict("A leave type with this name exists.", code="already_exists")
    row = conn.execute(
        f"INSERT INTO leave_types (company_id, name, paid, allowance_days) VALUES (%s, %s, %s, %s)"
        f" RETURNING {TYPE_COLUMNS}",
        (company_id, name, paid, allowance),
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    return row


def get_type(conn: Conn, type_id: str) -> dict:
    """Return a leave type of the caller's company, or raise NotFound."""
    row = conn.execute(f"SELECT {TYPE_COLUMNS} FROM leave_types WHERE id = %s", (type_id,)).fetchone()
    if row is None:
        raise NotFound("No such leave type.", code="leave_type_not_found")
    return row


def update_type(conn: Conn, type_id: str, changes: dict) -> dict:
    """Change a leave type's name, paid flag, allowance or archived flag; return it."""
    row = get_type(conn, type_id)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give name, paid, allowance_days or archived"})
    if (
        "name" in changes
        and conn.execute(
            "SELECT 1 FROM leave_types WHERE lower(name) = lower(%s) AND id <> %s", (changes["name"], row["id"])
        ).fetchone()
    ):
        raise Conflict("A leave type with this name exists.", code="already_exists")
    sets = ", ".join(f"{col} = %({col})s" for col in changes)
    updated = conn.execute(
        f"UPDATE leave_types SET {sets} WHERE id = %(id)s RETURNING {TYPE_COLUMNS}", {**changes, "id": row["id"]}
    ).fetchone()
    if updated is None:  # deleted since get_type read it
        raise NotFound("No such leave type.", code="leave_type_not_found")
    return updated


def list_types(conn: Conn, include_archived: bool, limit: int, offset: int) -> list[dict]:
    """Return up to limit + 1 leave types of the caller's company."""
    return conn.execute(
        f"SELECT {TYPE_COLUMNS} FROM leave_types WHERE company_id = app.company_id()"
        " AND (%s OR NOT archived) ORDER BY lower(name), id LIMIT %s OFFSET %s",
        (include_archived, limit + 1, offset),
    ).fetchall()


# --- requests ----------------------------------------------------------------------------------------------


def request_leave(conn: Conn, company_id: str, caller_id: str, caller_role: str, data: LeaveRequestIn) -> dict:
    """Create a pending leave request (for oneself, or anyone when admin) and notify its approvers; return it.

    Raises 403/404/409/422."""
    user_id = str(data.user_id or caller_id)
    if user_id != caller_id and caller_role != "admin":
        raise Forbidden("Only an admin may request leave for someone else.", code="role_required")
    target = common.user(conn, user_id)
    ltype = get_type(conn, str(data.leave_type_id))
    if ltype["archived"]:
        raise Unprocessable("This leave type is archived.", code="leave_type_archived")
    days = working_days(data.start_date, data.end_date, data.start_half, data.end_half)
    if days <= 0:
        raise Unprocessable("The range holds no working day (Monday to Friday).", code="no_working_days")
    common.lock_user(conn, target["id"], "leave")
    _check_overlap(conn, target["id"], data)
    if ltype["allowance_days"] is not None:
        _check_allowance(conn, target["id"], ltype, data)
    row = conn.execute(
        f"INSERT INTO leave_requests (company_id, user_id, leave_type_id, start_date, end_date, start_half, end_half,"
        f" days, reason) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING {REQUEST_COLUMNS}",
        (
            company_id,
            target["id"],
            ltype["id"],
            data.start_date,
            data.end_date,
            data.start_half,
            data.end_half,
            days,
            data.reason,
        ),
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    for uid in notices.approvers_of(conn, row["user_id"]):
        if uid != caller_id:
            title = f"{target['name']} requested leave {_span(row)}"
            notices.notify(conn, uid, "leave_requested", title, row["reason"] or "", _note_data(row))
    return row


def _check_overlap(conn: Conn, user_id: UUID, data: LeaveRequestIn) -> None:
    clash = conn.execute(
        "SELECT id, status FROM leave_requests WHERE user_id = %s"
        " AND status IN ('pending', 'approved') AND start_date <= %s AND end_date >= %s LIMIT 1",
        (user_id, data.end_date, data.start_date),
    ).fetchone()
    if clash:
        raise Conflict(
            "This overlaps another leave request.",
            code="leave_overlap",
            extra={"conflict_id": str(clash["id"]), "conflict_status": clash["status"]},
        )


def _span(row: dict) -> str:
    return f"from {row['start_date']} to {row['end_date']}"


def _note_data(row: dict) -> dict:
    return {"leave_request_id": str(row["id"]), "user_id": str(row["user_id"]), "status": row["status"]}


def _check_allowance(conn: Conn, user_id: UUID, ltype: dict, data: LeaveRequestIn) -> None:
    for year in range(data.start_date.year, data.end_date.year + 1):
        wanted = working_days(data.start_date, data.end_date, data.start_half, data.end_half, year)
        taken = _taken(conn, user_id, ltype["id"], year, ("approved", "pending"))
        if taken + wanted > ltype["allowance_days"]:
            raise Unprocessable(
                f"Not enough {ltype['name']} left in {year}: {ltype['allowance_days'] - taken}"
                f" days remain, {wanted} requested.",
                code="insufficient_balance",
            )


def _taken(conn: Conn, user_id: UUID, type_id: UUID, year: int, statuses: tuple[str, ...]) -> Decimal:
    rows = conn.execute(
        "SELECT start_date, end_date, start_half, end_half FROM leave_requests WHERE user_id = %s"
        " AND leave_type_id = %s AND status = ANY(%s) AND start_date <= %s AND end_date >= %s",
        (user_id, type_id, list(statuses), date(year, 12, 31), date(year, 1, 1)),
    ).fetchall()
    return sum(
        (working_days(r["start_date"], r["end_date"], r["start_half"], r["end_half"], year) for r in rows), Decimal(0)
    )


def get_request(conn: Conn, request_id: str) -> dict:
    """Return a visible leave request, or raise NotFound."""
    row = conn.execute(f"SELECT {REQUEST_COLUMNS} FROM leave_requests WHERE id = %s", (request_id,)).fetchone()
    if row is None:
        raise NotFound("No such leave request.")
    return row


def decide(conn: Conn, request_id: str, actor_id: str, approve: bool, comment: str | None) -> dict:
    """Approve or reject another user's pending request as their manager or an admin, and tell them; return it.

    Raises 403/404/409."""
    row = get_request(conn, request_id)
    if str(row["user_id"]) == str(actor_id):
        raise Forbidden("Nobody decides their own leave: another admin or your manager does.", code="own_request")
    if not common.can_manage(conn, row["user_id"]):
        raise Forbidden("Only this employee's manager or an admin may decide.", code="not_your_employee")
    if row["status"] != "pending":
        raise Conflict(f"This request is {row['status']}.", code="invalid_state")
    decided = conn.execute(
        f"UPDATE leave_requests SET status = %s, decided_by = %s, decided_at = now(), decision_comment = %s"
        f" WHERE id = %s AND status = 'pending' RETURNING {REQUEST_COLUMNS}",
        ("approved" if approve else "rejected", actor_id, comment, row["id"]),
    ).fetchone()
    if decided is None:  # decided, cancelled or deleted since get_request read it
        raise Conflict("This request is no longer pending.", code="invalid_state")
    row = decided
    title = f"Your leave {_span(row)} was {row['status']}"
    data = {**_note_data(row), "comment": comment}
    notices.notify(conn, row["user_id"], "leave_decided", title, comment or "", data)
    return row


def cancel(conn: Conn, request_id: str, caller_id: str) -> dict:
    """Cancel a request: its owner while pending or not yet started, a manager/admin any time; return it."""
    row = get_request(conn, request_id)
    own = str(row["user_id"]) == caller_id
    if row["status"] not in ("pending", "approved"):
        raise Conflict(f"This request is {row['status']}.", code="invalid_state")
    if not common.can_manage(conn, row["user_id"]):
        if not own:
            raise Forbidden("You may not cancel this request.", code="not_yours")
        if row["status"] == "approved" and row["start_date"] <= common.now().date():
            raise Conflict("Approved leave that has started can only be cancelled by a manager.", code="started")
    cancelled = conn.execute(
        f"UPDATE leave_requests SET status = 'cancelled' WHERE id = %s RETURNING {REQUEST_COLUMNS}", (row["id"],)
    ).fetchone()
    if cancelled is None:  # deleted since get_request read it
        raise NotFound("No such leave request.")
    return cancelled


def list_requests(
    conn: Conn,
    company_id: str,
    user_id: str | None,
    status: str | None,
    day_from: date | None,
    day_to: date | None,
    limit: int,
    offset: int,
) -> list[dict]:
    """Return up to limit + 1 visible leave requests, newest first, overlapping the optional date range."""
    return conn.execute(
        f"SELECT {REQUEST_COLUMNS} FROM leave_requests WHERE company_id = %(cid)s"
        " AND (%(uid)s::uuid IS NULL OR user_id = %(uid)s::uuid) AND (%(status)s::text IS NULL OR status = %(status)s)"
        " AND (%(frm)s::date IS NULL OR end_date >= %(frm)s) AND (%(to)s::date IS NULL OR start_date <= %(to)s)"
        " ORDER BY start_date DESC, id LIMIT %(limit)s OFFSET %(offset)s",
        {
            "cid": company_id,
            "uid": user_id,
            "status": status,
            "frm": day_from,
            "to": day_to,
            "limit": limit + 1,
            "offset": offset,
        },
    ).fetchall()


def balances(conn: Conn, user_id: str, year: int) -> list[dict]:
    """Return per leave type: allowance, approved (used) and pending days in `year`, and what remains."""
    target = common.user(conn, user_id)
    if not common.can_see(conn, target["id"]):
        raise NotFound("No such user.")
    out = []
    for t in conn.execute(
        f"SELECT {TYPE_COLUMNS} FROM leave_types WHERE company_id = app.company_id() ORDER BY lower(name), id"
    ).fetchall():
        used = _taken(conn, target["id"], t["id"], year, ("approved",))
        pending = _taken(conn, target["id"], t["id"], year, ("pending",))
        if t["archived"] and not used and not pending:
            continue
        allowance = t["allowance_days"]
        out.append(
            {
                "leave_type_id": t["id"],
                "name": t["name"],
                "paid": t["paid"],
                "allowance_days": allowance,
                "used_days": used.quantize(TENTH),
                "pending_days": pending.quantize(TENTH),
                "remaining_days": None if allowance is None else (allowance - used).quantize(TENTH),
            }
        )
    return out
