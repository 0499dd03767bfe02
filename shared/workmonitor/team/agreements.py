"""Work agreements: an admin proposes what may be captured (screenshots, activity, GPS); only the employee
accepts or declines; the employee (or an admin) revokes. `workmonitor.consent` reads the accepted one.

What must stay true: at most one proposed-or-accepted agreement per user (a unique index) — a new proposal
supersedes the accepted one, so capture pauses until the employee accepts again; every change is announced to
the employee's devices (event `consent.changed`) after it commits.
"""

from __future__ import annotations

from typing import Any

from .. import events
from ..accounts import user_by_id
from ..db import Conn
from ..errors import Conflict, Forbidden, NotFound, id_or_404
from ..notify import Defer
from .models import AgreementIn

AGREEMENT_COLUMNS = (
    "id, user_id, screenshots, activity, gps, terms, status, proposed_by, proposed_at,"
    " accepted_at, revoked_by, revoked_at"
)
# Target status -> (statuses it may come from, only the employee themselves may do it, what it stamps).
TRANSITIONS = {
    "accepted": (("proposed",), True, "accepted_at = now()"),
    "declined": (("proposed",), True, "revoked_at = now(), revoked_by = %(me)s"),
    "revoked": (("accepted", "proposed"), False, "revoked_at = now(), revoked_by = %(me)s"),
}


def _announce(agreement: dict, defer: Defer) -> None:
    """Tell the employee's devices (the desktop agent stops or starts capturing) once the change has committed."""
    room = events.user_room(agreement["user_id"])
    defer(lambda: events.publish(room, "consent.changed", {"agreement": agreement}))


def list_for_user(conn: Conn, user_id: Any, actor_id: str, actor_role: str) -> list[dict]:
    """Return a visible user's agreements, newest first; NotFound for an employee asking about someone else."""
    target = user_by_id(conn, user_id)
    rows = conn.execute(
        f"SELECT {AGREEMENT_COLUMNS} FROM work_agreements WHERE user_id = %s ORDER BY proposed_at DESC",
        (target["id"],),
    ).fetchall()
    if not rows and actor_role == "employee" and str(target["id"]) != actor_id:
        raise NotFound("No such user.")
    return rows


def propose(conn: Conn, company_id: str, actor_id: str, user_id: Any, data: AgreementIn, defer: Defer) -> dict:
    """Propose an agreement to a user, superseding their current one; return it."""
    target = user_by_id(conn, user_id)
    conn.execute(
        "UPDATE work_agreements SET status = 'superseded' WHERE user_id = %s AND status IN ('proposed', 'accepted')",
        (target["id"],),
    )
    row = conn.execute(
        f"INSERT INTO work_agreements (company_id, user_id, screenshots, activity, gps, terms, proposed_by)"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING {AGREEMENT_COLUMNS}",
        (company_id, target["id"], data.screenshots, data.activity, data.gps, data.terms, actor_id),
    ).fetchone()
    assert row is not None  # an INSERT's RETURNING row
    _announce(row, defer)
    return row


def transition(conn: Conn, agreement_id: Any, to: str, actor_id: str, actor_role: str, defer: Defer) -> dict:
    """Move an agreement to `to` (accepted, declined or revoked); return it. 404 unknown, 403 not the caller's
    to decide, 409 when its status does not allow it."""
    allowed_from, self_only, stamp = TRANSITIONS[to]
    row = conn.execute(
        f"SELECT {AGREEMENT_COLUMNS} FROM work_agreements WHERE id = %s", (id_or_404(agreement_id, "agreement"),)
    ).fetchone()
    if row is None:
        raise NotFound("No such agreement.")
    if str(row["user_id"]) != actor_id and (self_only or actor_role != "admin"):
        raise Forbidden("Only the employee can give or refuse their own consent.", code="not_yours")
    if row["status"] not in allowed_from:
        raise Conflict(f"This agreement is {row['status']}.", code="invalid_state")
    updated = conn.execute(
        f"UPDATE work_agreements SET status = %(to)s, {stamp} WHERE id = %(id)s RETURNING {AGREEMENT_COLUMNS}",
        {"to": to, "id": row["id"], "me": actor_id},
    ).fetchone()
    if updated is None:  # RLS let the caller read it but not change it
        raise NotFound("No such agreement.")
    _announce(updated, defer)
    return updated
