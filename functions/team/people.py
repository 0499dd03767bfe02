"""People routes: the directory, a person's profile (name, time zone, role) and deactivation."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.integrations import alerts
from workmonitor.team import people
from workmonitor.team.models import UserDetail, UserOut, UserPage, UserPatch
from workmonitor.web import after_commit, audit, body, caller, db, page, paginated, responds, roles

bp = Blueprint("people", __name__)


@bp.get("/users")
@responds(UserPage)
def list_users():
    """The directory (?q name or email, ?role, ?status active|deactivated|all); everyone may read it."""
    limit, offset = page()
    args = request.args
    rows = people.list_users(
        db(), caller().company_id, args.get("q") or "", args.get("role"), args.get("status", "active"), limit, offset
    )
    return paginated(rows, limit, offset)


@bp.get("/users/<user_id>")
@responds(UserDetail)
def get_user(user_id: str):
    """One person with the ids of their managers."""
    return people.user_detail(db(), user_id)


@bp.patch("/users/<user_id>")
@responds(UserOut, body=UserPatch)
def update_user(user_id: str):
    """Change a name or time zone (oneself or an admin) or a role (admins; signs the person out)."""
    changes = body(UserPatch).model_dump(exclude_none=True)
    me, conn = caller(), db()
    before, after = people.update_user(conn, me.user_id, me.role, user_id, changes)
    if after["role"] != before["role"]:
        audit(conn, "team.role_changed", "user", after["id"], {"old": before["role"], "new": after["role"]})
        alerts.raise_alert(conn, me.company_id, "role_changed", subject_user_id=after["id"], actor_id=me.user_id,
                           details={"old": before["role"], "new": after["role"]})  # fmt: skip
    return {"user": after}


def _set_status(user_id: str, active: bool) -> dict:
    conn = db()
    user = people.set_status(conn, user_id, active, after_commit)
    audit(conn, "team.user_reactivated" if active else "team.user_deactivated", "user", user["id"])
    return {"user": user}


@bp.post("/users/<user_id>/deactivate")
@roles("admin")
@responds(UserOut)
def deactivate(user_id: str):
    """Deactivate a person: signed out everywhere, no sign-in until reactivated."""
    return _set_status(user_id, False)


@bp.post("/users/<user_id>/reactivate")
@roles("admin")
@responds(UserOut)
def reactivate(user_id: str):
    """Reactivate a person (their old sessions stay signed out)."""
    return _set_status(user_id, True)
