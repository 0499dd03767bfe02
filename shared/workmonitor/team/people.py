"""People: the company directory, profiles, roles and deactivation (all under RLS).

What must stay true: a company keeps at least one active admin, even when two admins demote or deactivate each
other at the same moment (`require_another_admin` locks every active admin row in id order).
"""

from __future__ import annotations

from typing import Any

from ..accounts import USER_COLUMNS, sessions, user_by_id
from ..billing.sync import queue_sync
from ..db import Conn, like_pattern
from ..errors import Conflict, Forbidden, ValidationFailed
from ..notify import Defer

ROLES = ("admin", "manager", "employee")
STATUSES = ("active", "deactivated", "all")


def list_users(
    conn: Conn, company_id: str, q: str, role: str | None, status: str, limit: int, offset: int
) -> list[dict]:
    """Return up to limit + 1 users by name matching `q` (name or email), `role` and `status`; 400 on unknowns."""
    if role and role not in ROLES:
        raise ValidationFailed("Unknown role.", fields={"role": "admin, manager or employee"})
    if status not in STATUSES:
        raise ValidationFailed("Unknown status.", fields={"status": "active, deactivated or all"})
    return conn.execute(
        f"SELECT {USER_COLUMNS} FROM users WHERE company_id = %(cid)s"
        " AND (%(q)s = '' OR name ILIKE '%%' || %(q)s || '%%' OR email ILIKE '%%' || %(q)s || '%%')"
        " AND (%(role)s::text IS NULL OR role = %(role)s) AND (%(status)s = 'all' OR status = %(status)s)"
        " ORDER BY lower(name), id LIMIT %(limit)s OFFSET %(offset)s",
        {
            "cid": company_id,
            "q": like_pattern(q),
            "role": role or None,
            "status": status,
            "limit": limit + 1,
            "offset": offset,
        },
    ).fetchall()


def user_detail(conn: Conn, user_id: Any) -> dict:
    """Return {"user", "manager_ids"} for a visible user; raise NotFound."""
    user = user_by_id(conn, user_id)
    managers = conn.execute(
        "SELECT manager_id FROM manager_assignments WHERE employee_id = %s", (user["id"],)
    ).fetchall()
    return {"user": user, "manager_ids": [m["manager_id"] for m in managers]}


def require_another_admin(conn: Conn, user_id: Any) -> None:
    """Raise Conflict (last_admin) unless an active admin other than `user_id` remains."""
    # Lock every active admin, in id order: two admins demoting each other at once must not leave none.
    admins = conn.execute(
        "SELECT id FROM users WHERE role = 'admin' AND status = 'active' ORDER BY id FOR UPDATE"
    ).fetchall()
    if not any(str(a["id"]) != str(user_id) for a in admins):
        raise Conflict("A company needs at least one active admin.", code="last_admin")


def update_user(conn: Conn, actor_id: str, actor_role: str, user_id: Any, changes: dict) -> tuple[dict, dict]:
    """Apply `changes` (name, timezone, role) to a user; return (before, after). Role changes sign the user out.

    Raise ValidationFailed when there is nothing to change, Forbidden unless an admin or the user themselves
    (without a role change) asks, Conflict when the last admin would step down.
    """
    target = user_by_id(conn, user_id)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give name, timezone or role"})
    if actor_role != "admin" and (str(target["id"]) != actor_id or "role" in changes):
        raise Forbidden("Only an admin may change other people or roles.", code="role_required")
    if "role" in changes and str(target["id"]) == actor_id and changes["role"] != "admin":
        require_another_admin(conn, target["id"])
    sets = ", ".join(f"{col} = %({col})s" for col in changes)  # columns come from UserPatch's fields only
    conn.execute(f"UPDATE users SET {sets} WHERE id = %(id)s", {**changes, "id": target["id"]})
    if changes.get("role", target["role"]) != target["role"]:
        sessions.revoke_user(conn, target["id"])  # old tokens carry the old role
    return target, user_by_id(conn, target["id"])


def set_status(conn: Conn, user_id: Any, active: bool, defer: Defer) -> dict:
    """Deactivate (sign out everywhere; never the last admin) or reactivate a user; return the user."""
    target = user_by_id(conn, user_id)
    if not active and target["role"] == "admin":
        require_another_admin(conn, target["id"])
    conn.execute("UPDATE users SET status = %s WHERE id = %s", ("active" if active else "deactivated", target["id"]))
    if not active:
        sessions.revoke_user(conn, target["id"])
    defer(lambda: sessions.block_user(target["id"], not active))
    queue_sync(conn, target["company_id"], defer)
    return user_by_id(conn, target["id"])
