"""People and their memberships: signup, sign-in by email, the company chosen or switched to, profile, password.

A person (`people`: email, password, second factor) has one `users` row per company they belong to, with a
role and a status each; the signed-in membership is the claims' (user_id, company_id).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from .. import security
from ..db import Claims, Conn, Row, set_claims
from ..errors import Conflict, Forbidden, NotFound, ValidationFailed, id_or_404

# Whether two-step sign-in is on belongs to the person; the subquery keeps `FROM users` queries unchanged.
USER_COLUMNS = (
    "id, company_id, email, name, role, timezone, status,"
    " (SELECT p.otp_enabled FROM people p WHERE p.id = users.person_id) AS otp_enabled, last_login_at, created_at"
)


def now() -> datetime:
    """Return the current UTC time."""
    return datetime.now(UTC)


def signup(conn: Conn, company_name: str, name: str, email: str, password: str, tz: str) -> tuple[Row, Row]:
    """Create a company, its first admin and their identity; return (company, user). Claims become the admin's."""
    if find_login(conn, email):
        # One answer for "registered in any company", naming no constraint; the route counts every attempt.
        raise Conflict(
            "This email address cannot be used to sign up. Sign in instead, or ask your company for an invitation.",
            code="email_unavailable",
        )
    company_id, user_id, person_id = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    set_claims(conn, Claims(company_id=company_id, user_id=user_id, role="admin"))
    company = conn.execute(
        "INSERT INTO companies (id, name, timezone) VALUES (%s, %s, %s)"
        " RETURNING id, name, timezone, week_start, currency, settings, created_at",
        (company_id, company_name, tz),
    ).fetchone()
    assert company is not None  # INSERT ... RETURNING yields the row
    conn.execute(
        "INSERT INTO people (id, email, password_hash) VALUES (%s, %s, %s)",
        (person_id, email.lower(), security.hash_password(password)),
    )
    conn.execute(
        "INSERT INTO users (id, company_id, email, name, role, timezone, person_id)"
        " VALUES (%s, %s, %s, %s, 'admin', %s, %s)",
        (user_id, company_id, email.lower(), name, tz, person_id),
    )
    return company, user_by_id(conn, user_id)


def find_login(conn: Conn, email: str) -> list[Row]:
    """Return the memberships of the identity with `email` (with its password hash), last used first; [] if none."""
    return conn.execute("SELECT * FROM app.login_lookup(%s)", (email.lower(),)).fetchall()


def choose(memberships: list[Row], company_id: uuid.UUID | None) -> Row:
    """Return the membership to sign in to: `company_id`'s, else the last used active one (or the only one)."""
    if company_id is not None:
        for m in memberships:
            if m["company_id"] == company_id:
                return m
        raise Forbidden("You are not a member of this company.", code="not_a_member")
    active = [m for m in memberships if m["status"] == "active"]
    return (active or memberships)[0]


def member(row: Row) -> Row:
    """Return the membership `row` (from a lookup) as the user identity that claims and sessions take."""
    return {"id": row["user_id"], "company_id": row["company_id"], "role": row["role"]}


def companies(memberships: list[Row], current_company_id) -> list[Row]:
    """Return the companies of `memberships` as the wire lists them, marking the current one."""
    return [
        {
            "company_id": m["company_id"],
            "company_name": m["company_name"],
            "role": m["role"],
            "status": m["status"],
            "current": str(m["company_id"]) == str(current_company_id),
        }
        for m in memberships
    ]


def my_memberships(conn: Conn) -> list[Row]:
    """Return every membership of the signed-in person, last used first."""
    return conn.execute("SELECT * FROM app.my_memberships()").fetchall()


def act_as(conn: Conn, user: Row) -> None:
    """Set the transaction's claims to `user`."""
    set_claims(conn, Claims(company_id=str(user["company_id"]), user_id=str(user["id"]), role=user["role"]))


def mark_login(conn: Conn, user_id) -> None:
    """Record a successful sign-in to (or switch to) a membership: the default company next time."""
    conn.execute("UPDATE users SET last_login_at = now() WHERE id = %s", (user_id,))


def user_by_id(conn: Conn, user_id) -> Row:
    """Return the user row visible to the current claims, or raise NotFound."""
    user_id = id_or_404(user_id, "user")
    row = conn.execute(f"SELECT {USER_COLUMNS} FROM users WHERE id = %s", (str(user_id),)).fetchone()
    if row is None:
        raise NotFound("No such user.")
    return row


def profile(conn: Conn, user_id: str, company_id: str) -> Row:
    """Return the signed-in user, their company and their current work agreement (or None)."""
    company = conn.execute(
        "SELECT id, name, timezone, week_start, currency, settings FROM companies WHERE id = %s", (company_id,)
    ).fetchone()
    agreement = conn.execute(
        "SELECT id, screenshots, activity, gps, status, proposed_at, accepted_at"
        " FROM work_agreements WHERE user_id = %s AND status IN ('proposed', 'accepted')",
        (user_id,),
    ).fetchone()
    return {"user": user_by_id(conn, user_id), "company": company, "agreement": agreement}


def update_profile(conn: Conn, user_id: str, changes: dict) -> Row:
    """Change the user's name and/or time zone in this company; return the user."""
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give name or timezone"})
    sets = ", ".join(f"{col} = %({col})s" for col in changes)
    conn.execute(f"UPDATE users SET {sets} WHERE id = %(id)s", {**changes, "id": user_id})
    return user_by_id(conn, user_id)


def credentials(conn: Conn) -> Row:
    """Return the signed-in person's sign-in email and password hash ({"email": None, ...} when none)."""
    row = conn.execute("SELECT email, password_hash FROM people WHERE id = app.person_id()").fetchone()
    return row or {"email": None, "password_hash": None}


def set_password(conn: Conn, password: str) -> None:
    """Set the signed-in person's password (every membership signs in with it)."""
    conn.execute("UPDATE people SET password_hash = %s WHERE id = app.person_id()", (security.hash_password(password),))


def set_otp(conn: Conn, enabled: bool) -> None:
    """Turn the signed-in person's email sign-in codes on or off (for every membership)."""
    conn.execute("UPDATE people SET otp_enabled = %s WHERE id = app.person_id()", (enabled,))
