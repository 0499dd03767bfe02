"""team: invitations, the user directory, roles and status, manager assignments, work agreements, audit log."""

from __future__ import annotations

import uuid
from datetime import timedelta

from flask import g, request

from workmonitor import accounts, audit, events, security, sessions
from workmonitor.config import settings
from workmonitor.errors import Conflict, Forbidden, NotFound, ValidationFailed
from workmonitor.errors import id_or_404 as _uuid
from workmonitor.jobs import registry
from workmonitor.schemas import Email, Input, Name, Role, TimeZone
from workmonitor.web import after_commit, body, caller, client_ip, create_function, db, page, paginated, roles

app = create_function("team")


class InviteIn(Input):
    email: Email
    role: Role = "employee"
    name: Name | None = None


class UserPatch(Input):
    name: Name | None = None
    timezone: TimeZone | None = None
    role: Role | None = None


class AssignmentIn(Input):
    manager_id: uuid.UUID
    employee_id: uuid.UUID


class AgreementIn(Input):
    screenshots: bool = False
    activity: bool = False
    gps: bool = False
    terms: str | None = None


def _audit(conn, action: str, target_type: str, target_id, **details) -> None:
    me = caller()
    audit.record(
        conn,
        action,
        company_id=me.company_id,
        actor_id=me.user_id,
        target_type=target_type,
        target_id=target_id,
        ip=client_ip(),
        request_id=g.get("request_id"),
        details=details,
    )


# --- invitations -------------------------------------------------------------------------------------------


@app.post("/invitations")
@roles("admin", "manager")
def invite():
    data = body(InviteIn)
    me = caller()
    if me.role == "manager" and data.role != "employee":
        raise Forbidden("Managers may invite employees only.", code="role_required")
    conn = db()
    if conn.execute("SELECT 1 FROM users WHERE email = %s", (data.email,)).fetchone():
        raise Conflict("This person already has an account here.", code="already_member")
    token = security.new_secret()
    inv = conn.execute(
        "INSERT INTO invitations (company_id, email, name, role, token_hash, invited_by, expires_at)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id, email, name, role, expires_at, created_at",
        (
            me.company_id,
            data.email,
            data.name,
            data.role,
            security.token_hash(token),
            me.user_id,
            accounts.now() + timedelta(seconds=settings().invite_ttl),
        ),
    ).fetchone()
    company = conn.execute("SELECT name FROM companies WHERE id = %s", (me.company_id,)).fetchone()
    _audit(conn, "team.invited", "invitation", inv["id"], email=data.email, role=data.role)
    link = accounts.invite_link(token)
    text = (
        f"You have been invited to join {company['name']} on WorkMonitor.\n\n"
        f"Accept the invitation: {link}\n\nThe link expires in {settings().invite_ttl // 86400} days."
    )
    message_id = security.new_secret(12)
    after_commit(
        lambda: registry.SEND_EMAIL.enqueue(
            data.email,
            f"Join {company['name']} on WorkMonitor",
            text,
            message_id,
        )
    )
    return {"invitation": inv}, 201


@app.get("/invitations")
@roles("admin", "manager")
def list_invitations():
    limit, offset = page()
    rows = (
        db()
        .execute(
            "SELECT id, email, name, role, expires_at, accepted_at, revoked_at, created_at FROM invitations"
            " WHERE company_id = %s AND (%s OR (accepted_at IS NULL AND revoked_at IS NULL))"
            " ORDER BY created_at DESC LIMIT %s OFFSET %s",
            (caller().company_id, request.args.get("all") == "true", limit + 1, offset),
        )
        .fetchall()
    )
    return paginated(rows, limit, offset)


@app.delete("/invitations/<inv_id>")
@roles("admin")
def revoke_invitation(inv_id: str):
    conn = db()
    row = conn.execute(
        "UPDATE invitations SET revoked_at = now() WHERE id = %s AND accepted_at IS NULL"
        " AND revoked_at IS NULL RETURNING id",
        (_uuid(inv_id, "invitation"),),
    ).fetchone()
    if row is None:
        raise NotFound("No open invitation with this id.")
    _audit(conn, "team.invitation_revoked", "invitation", inv_id)
    return "", 204


# --- users -------------------------------------------------------------------------------------------------


@app.get("/users")
def list_users():
    limit, offset = page()
    q = (request.args.get("q") or "").strip()[:100]
    pattern = q.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_")  # ILIKE escapes, backslash first
    role = request.args.get("role") or None
    status = request.args.get("status", "active")
    if role and role not in ("admin", "manager", "employee"):
        raise ValidationFailed("Unknown role.", fields={"role": "admin, manager or employee"})
    if status not in ("active", "deactivated", "all"):
        raise ValidationFailed("Unknown status.", fields={"status": "active, deactivated or all"})
    rows = (
        db()
        .execute(
            f"SELECT {accounts.USER_COLUMNS} FROM users WHERE company_id = %(cid)s"
            " AND (%(q)s = '' OR name ILIKE '%%' || %(q)s || '%%' OR email ILIKE '%%' || %(q)s || '%%')"
            " AND (%(role)s::text IS NULL OR role = %(role)s) AND (%(status)s = 'all' OR status = %(status)s)"
            " ORDER BY lower(name), id LIMIT %(limit)s OFFSET %(offset)s",
            {
                "cid": caller().company_id,
                "q": pattern,
                "role": role,
                "status": status,
                "limit": limit + 1,
                "offset": offset,
            },
        )
        .fetchall()
    )
    return paginated(rows, limit, offset)


@app.get("/users/<user_id>")
def get_user(user_id: str):
    conn = db()
    user = accounts.user_by_id(conn, user_id)
    managers = conn.execute(
        "SELECT manager_id FROM manager_assignments WHERE employee_id = %s", (user["id"],)
    ).fetchall()
    return {"user": user, "manager_ids": [m["manager_id"] for m in managers]}


@app.patch("/users/<user_id>")
def update_user(user_id: str):
    data = body(UserPatch)
    me = caller()
    conn = db()
    target = accounts.user_by_id(conn, user_id)
    changes = data.model_dump(exclude_none=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give name, timezone or role"})
    if me.role != "admin" and (str(target["id"]) != me.user_id or "role" in changes):
        raise Forbidden("Only an admin may change other people or roles.", code="role_required")
    if "role" in changes and str(target["id"]) == me.user_id and changes["role"] != "admin":
        _require_another_admin(conn, target["id"])
    sets = ", ".join(f"{col} = %({col})s" for col in changes)
    conn.execute(f"UPDATE users SET {sets} WHERE id = %(id)s", {**changes, "id": target["id"]})
    if "role" in changes and changes["role"] != target["role"]:
        sessions.revoke_user(conn, target["id"])  # old tokens carry the old role
        _audit(conn, "team.role_changed", "user", target["id"], old=target["role"], new=changes["role"])
    return {"user": accounts.user_by_id(conn, target["id"])}


def _require_another_admin(conn, user_id) -> None:
    # Lock every active admin, in id order: two admins demoting each other at once must not leave none.
    admins = conn.execute(
        "SELECT id FROM users WHERE role = 'admin' AND status = 'active' ORDER BY id FOR UPDATE"
    ).fetchall()
    if not any(str(a["id"]) != str(user_id) for a in admins):
        raise Conflict("A company needs at least one active admin.", code="last_admin")


@app.post("/users/<user_id>/deactivate")
@roles("admin")
def deactivate(user_id: str):
    conn = db()
    target = accounts.user_by_id(conn, user_id)
    if target["role"] == "admin":
        _require_another_admin(conn, target["id"])
    conn.execute("UPDATE users SET status = 'deactivated' WHERE id = %s", (target["id"],))
    sessions.revoke_user(conn, target["id"])
    _audit(conn, "team.user_deactivated", "user", target["id"])
    after_commit(lambda: sessions.block_user(target["id"], True))
    return {"user": accounts.user_by_id(conn, target["id"])}


@app.post("/users/<user_id>/reactivate")
@roles("admin")
def reactivate(user_id: str):
    conn = db()
    target = accounts.user_by_id(conn, user_id)
    conn.execute("UPDATE users SET status = 'active' WHERE id = %s", (target["id"],))
    _audit(conn, "team.user_reactivated", "user", target["id"])
    after_commit(lambda: sessions.block_user(target["id"], False))
    return {"user": accounts.user_by_id(conn, target["id"])}


# --- manager assignments -----------------------------------------------------------------------------------


@app.get("/assignments")
def list_assignments():
    limit, offset = page()
    manager = request.args.get("manager_id") or None
    if manager is not None:
        try:
            manager = str(uuid.UUID(manager))
        except ValueError as exc:
            raise ValidationFailed("manager_id must be a user id.", fields={"manager_id": "not a UUID"}) from exc
    rows = (
        db()
        .execute(
            "SELECT manager_id, employee_id, created_at FROM manager_assignments WHERE company_id = %s"
            " AND (%s::uuid IS NULL OR manager_id = %s::uuid) ORDER BY created_at, employee_id LIMIT %s OFFSET %s",
            (caller().company_id, manager, manager, limit + 1, offset),
        )
        .fetchall()
    )
    return paginated(rows, limit, offset)


@app.post("/assignments")
@roles("admin")
def assign():
    data = body(AssignmentIn)
    conn = db()
    manager = accounts.user_by_id(conn, data.manager_id)
    accounts.user_by_id(conn, data.employee_id)
    if manager["role"] not in ("manager", "admin"):
        raise ValidationFailed(
            "Only a manager or admin can be assigned employees.", fields={"manager_id": "not a manager"}
        )
    if data.manager_id == data.employee_id:
        raise ValidationFailed("Nobody manages themselves.", fields={"employee_id": "same as manager"})
    row = conn.execute(
        "INSERT INTO manager_assignments (company_id, manager_id, employee_id) VALUES (%s, %s, %s)"
        " ON CONFLICT DO NOTHING RETURNING manager_id, employee_id, created_at",
        (caller().company_id, data.manager_id, data.employee_id),
    ).fetchone()
    if row is None:
        raise Conflict("This assignment exists already.", code="already_exists")
    _audit(conn, "team.manager_assigned", "user", data.employee_id, manager_id=str(data.manager_id))
    return {"assignment": row}, 201


@app.delete("/assignments/<manager_id>/<employee_id>")
@roles("admin")
def unassign(manager_id: str, employee_id: str):
    conn = db()
    row = conn.execute(
        "DELETE FROM manager_assignments WHERE manager_id = %s AND employee_id = %s RETURNING 1",
        (_uuid(manager_id), _uuid(employee_id)),
    ).fetchone()
    if row is None:
        raise NotFound("No such assignment.")
    _audit(conn, "team.manager_unassigned", "user", employee_id, manager_id=manager_id)
    return "", 204


# --- work agreements (consent) ----------------------------------------------------------------------------

AGREEMENT_COLUMNS = (
    "id, user_id, screenshots, activity, gps, terms, status, proposed_by, proposed_at,"
    " accepted_at, revoked_by, revoked_at"
)


@app.get("/users/<user_id>/agreements")
def list_agreements(user_id: str):
    conn = db()
    target = accounts.user_by_id(conn, user_id)
    rows = conn.execute(
        f"SELECT {AGREEMENT_COLUMNS} FROM work_agreements WHERE user_id = %s ORDER BY proposed_at DESC", (target["id"],)
    ).fetchall()
    if not rows and caller().role == "employee" and str(target["id"]) != caller().user_id:
        raise NotFound("No such user.")
    return {"items": rows}


@app.post("/users/<user_id>/agreements")
@roles("admin")
def propose_agreement(user_id: str):
    data = body(AgreementIn)
    conn = db()
    target = accounts.user_by_id(conn, user_id)
    conn.execute(
        "UPDATE work_agreements SET status = 'superseded' WHERE user_id = %s AND status IN ('proposed', 'accepted')",
        (target["id"],),
    )
    row = conn.execute(
        f"INSERT INTO work_agreements (company_id, user_id, screenshots, activity, gps, terms, proposed_by)"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING {AGREEMENT_COLUMNS}",
        (caller().company_id, target["id"], data.screenshots, data.activity, data.gps, data.terms, caller().user_id),
    ).fetchone()
    _audit(
        conn,
        "consent.proposed",
        "user",
        target["id"],
        screenshots=data.screenshots,
        activity=data.activity,
        gps=data.gps,
    )
    _consent_changed(row)  # a new proposal supersedes the accepted agreement: capture pauses until accepted
    return {"agreement": row}, 201


def _consent_changed(agreement: dict) -> None:
    """Tell the employee's devices (the desktop agent stops or starts capturing) once the change has committed."""
    room = events.user_room(agreement["user_id"])
    after_commit(lambda: events.publish(room, "consent.changed", {"agreement": agreement}))


def _agreement_transition(agreement_id: str, allowed_from: tuple[str, ...], to: str, self_only: bool) -> dict:
    me = caller()
    conn = db()
    row = conn.execute(
        f"SELECT {AGREEMENT_COLUMNS} FROM work_agreements WHERE id = %s", (_uuid(agreement_id, "agreement"),)
    ).fetchone()
    if row is None:
        raise NotFound("No such agreement.")
    if str(row["user_id"]) != me.user_id and (self_only or me.role != "admin"):
        raise Forbidden("Only the employee can give or refuse their own consent.", code="not_yours")
    if row["status"] not in allowed_from:
        raise Conflict(f"This agreement is {row['status']}.", code="invalid_state")
    stamp = {
        "accepted": "accepted_at = now()",
        "declined": "revoked_at = now(), revoked_by = %(me)s",
        "revoked": "revoked_at = now(), revoked_by = %(me)s",
    }[to]
    updated = conn.execute(
        f"UPDATE work_agreements SET status = %(to)s, {stamp} WHERE id = %(id)s RETURNING {AGREEMENT_COLUMNS}",
        {"to": to, "id": row["id"], "me": me.user_id},
    ).fetchone()
    _audit(conn, f"consent.{to}", "user", row["user_id"], agreement_id=str(row["id"]))
    _consent_changed(updated)
    return {"agreement": updated}


@app.post("/agreements/<agreement_id>/accept")
def accept_agreement(agreement_id: str):
    return _agreement_transition(agreement_id, ("proposed",), "accepted", self_only=True)


@app.post("/agreements/<agreement_id>/decline")
def decline_agreement(agreement_id: str):
    return _agreement_transition(agreement_id, ("proposed",), "declined", self_only=True)


@app.post("/agreements/<agreement_id>/revoke")
def revoke_agreement(agreement_id: str):
    return _agreement_transition(agreement_id, ("accepted", "proposed"), "revoked", self_only=False)


# --- audit log ---------------------------------------------------------------------------------------------


@app.get("/audit")
@roles("admin")
def audit_log():
    limit, offset = page()
    action = request.args.get("action")
    rows = (
        db()
        .execute(
            "SELECT id, actor_id, action, target_type, target_id, ip::text AS ip, request_id, details, created_at"
            " FROM audit_logs WHERE company_id = %s AND (%s::text IS NULL OR action = %s)"
            " ORDER BY id DESC LIMIT %s OFFSET %s",
            (caller().company_id, action, action, limit + 1, offset),
        )
        .fetchall()
    )
    return paginated(rows, limit, offset)
