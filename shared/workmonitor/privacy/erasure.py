"""Erasure (GDPR art. 17): the person asks, an admin decides; offboarding takes the same steps.

What must stay true:
- Captured data (screenshots, recordings, activity, GPS, chat attachments, their exports) leaves S3 first, then
  the database: a run killed midway is finished by the next (deleting a missing object is a no-op).
- Records the company must keep by law (time entries, approved timesheets, attendance, payroll, invoices) stay;
  the person there becomes a pseudonym: the membership's name and email are replaced and it is moved to an
  anonymous identity, the sessions are revoked and the membership deactivated. Chat text stays (the company's
  conversation) under the pseudonym.
"""

from __future__ import annotations

import logging
import uuid

from psycopg.types.json import Jsonb

from .. import storage
from ..accounts import sessions
from ..db import Conn, Row, transaction
from ..errors import Conflict, Forbidden, NotFound, id_or_404
from ..jobs import registry
from .export import claims_for

log = logging.getLogger("workmonitor.privacy.erasure")
# Captured data, deleted outright (children before parents; chunks go with their recording).
CAPTURED_TABLES = (
    "screenshots",
    "screen_recordings",
    "activity_samples",
    "activity_events",
    "activity_buckets",
    "productivity_daily",
    "activity_daily",
    "activity_app_daily",
    "activity_domain_daily",
    "location_points",
    "geofence_events",
    "data_exports",
    "report_exports",
    "device_tokens",
)
REQUEST_COLUMNS = (
    "r.id, r.user_id, u.name AS user_name, r.requested_by, r.reason, r.offboarding, r.status, r.decided_by,"
    " r.decided_at, r.decision_note, r.completed_at, r.summary, r.requested_at"
)


def request(conn: Conn, user_id: str, reason: str | None) -> Row:
    """Record the caller's own erasure request (pending an admin's decision); 409 when one is open."""
    _refuse_open(conn, user_id)
    row = conn.execute(
        "INSERT INTO erasure_requests (company_id, user_id, requested_by, reason)"
        " VALUES (app.company_id(), %s, %s, %s) RETURNING id",
        (user_id, user_id, reason),
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    return get(conn, row["id"])


def _refuse_open(conn: Conn, user_id: str) -> None:
    if conn.execute(
        "SELECT 1 FROM erasure_requests WHERE user_id = %s AND status IN ('pending', 'approved')", (user_id,)
    ).fetchone():
        raise Conflict("An erasure request for this person is already open.", code="erasure_open")


def get(conn: Conn, request_id) -> Row:
    """Return one visible erasure request; raise NotFound."""
    row = conn.execute(
        f"SELECT {REQUEST_COLUMNS} FROM erasure_requests r LEFT JOIN users u ON u.id = r.user_id WHERE r.id = %s",
        (id_or_404(str(request_id), "erasure request"),),
    ).fetchone()
    if row is None:
        raise NotFound("No such erasure request.", code="erasure_not_found")
    return row


def list_requests(conn: Conn, status: str | None, limit: int, offset: int) -> list[Row]:
    """Return up to limit + 1 visible erasure requests (an admin: the company's), newest first."""
    return conn.execute(
        f"SELECT {REQUEST_COLUMNS} FROM erasure_requests r LEFT JOIN users u ON u.id = r.user_id"
        " WHERE (%s::text IS NULL OR r.status = %s) ORDER BY r.requested_at DESC, r.id LIMIT %s OFFSET %s",
        (status, status, limit + 1, offset),
    ).fetchall()


def decide(conn: Conn, request_id: str, admin_id: str, approve: bool, note: str | None) -> Row:
    """Approve (and enqueue the erasure) or reject a pending request (admin claims); return it. 409 unless
    pending; 403 for a request about the deciding admin themselves."""
    row = get(conn, request_id)
    if row["status"] != "pending":
        raise Conflict("This request has been decided already.", code="erasure_decided")
    if str(row["user_id"]) == admin_id:
        raise Forbidden("Another admin must decide about your own data.", code="own_erasure")
    conn.execute(
        "UPDATE erasure_requests SET status = %s, decided_by = %s, decided_at = now(), decision_note = %s"
        " WHERE id = %s",
        ("approved" if approve else "rejected", admin_id, note, row["id"]),
    )
    if approve:
        registry.ERASE_PERSON.enqueue(conn, str(row["id"]), _company(conn), admin_id)
    return get(conn, row["id"])


def offboard(conn: Conn, user_id: str, admin_id: str, note: str | None) -> Row:
    """Offboard a member (admin claims): an approved erasure request, the membership deactivated now and the
    erasure enqueued; return the request."""
    if user_id == admin_id:
        raise Forbidden("You cannot offboard yourself.", code="own_erasure")
    target = conn.execute("SELECT id FROM users WHERE id = %s", (id_or_404(user_id, "user"),)).fetchone()
    if target is None:
        raise NotFound("No such user.")
    _refuse_open(conn, user_id)
    row = conn.execute(
        "INSERT INTO erasure_requests (company_id, user_id, requested_by, offboarding, status, decided_by,"
        " decided_at, decision_note) VALUES (app.company_id(), %s, %s, true, 'approved', %s, now(), %s) RETURNING id",
        (user_id, admin_id, admin_id, note),
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    conn.execute("UPDATE users SET status = 'deactivated' WHERE id = %s", (user_id,))
    sessions.revoke_user(conn, user_id)
    sessions.block_user(user_id, True)
    registry.ERASE_PERSON.enqueue(conn, str(row["id"]), _company(conn), admin_id)
    return get(conn, row["id"])


def _company(conn: Conn) -> str:
    row = conn.execute("SELECT app.company_id() AS id").fetchone()
    assert row is not None
    return str(row["id"])


def captured_keys(conn: Conn, user_id: str) -> list[str]:
    """Return every S3 key holding the person's captured data (screenshots and derived images, recording chunks,
    chat attachments they uploaded, their exports and the report files they exported)."""
    rows = conn.execute(
        "SELECT unnest(ARRAY[object_key, thumb_key, blur_key]) AS k FROM screenshots WHERE user_id = %(u)s"
        " UNION ALL SELECT object_key FROM recording_chunks WHERE user_id = %(u)s"
        " UNION ALL SELECT object_key FROM chat_attachments WHERE uploader_id = %(u)s"
        " UNION ALL SELECT object_key FROM data_exports WHERE user_id = %(u)s"
        " UNION ALL SELECT object_key FROM report_exports WHERE user_id = %(u)s",
        {"u": user_id},
    ).fetchall()
    return [r["k"] for r in rows if r["k"]]


def erase_person(request_id: str, company_id: str, admin_id: str) -> dict:
    """Carry out an approved erasure (job): objects, captured rows, pseudonym; return the counts ({} when the
    request is not approved, e.g. already completed)."""
    claims = claims_for(company_id, admin_id)
    with transaction(claims) as conn:
        req = conn.execute(
            "SELECT * FROM erasure_requests WHERE id = %s AND status = 'approved'", (request_id,)
        ).fetchone()
        if req is None:
            return {}
        user_id = str(req["user_id"])
        keys = captured_keys(conn, user_id)
    storage.delete(*keys)
    with transaction(claims) as conn:
        summary: dict[str, int] = {"objects": len(keys)}
        summary["chat_attachments"] = conn.execute(
            "DELETE FROM chat_attachments WHERE uploader_id = %s", (user_id,)
        ).rowcount
        for table in CAPTURED_TABLES:
            summary[table] = conn.execute(f"DELETE FROM {table} WHERE user_id = %s", (user_id,)).rowcount
        pseudonymize(conn, user_id)
        conn.execute(
            "UPDATE erasure_requests SET status = 'completed', completed_at = now(), summary = %s WHERE id = %s",
            (Jsonb(summary), request_id),
        )
    log.info("erasure completed", extra={"fields": {"request_id": request_id, **summary}})
    return summary


def pseudonymize(conn: Conn, user_id: str) -> None:
    """Replace the membership's name and email, move it to a fresh anonymous identity, deactivate it and revoke
    its sessions; forget the old identity when no other company uses it."""
    short = uuid.UUID(user_id).hex[:8]
    email = f"erased-{uuid.UUID(user_id).hex}@erased.invalid"
    old = conn.execute("SELECT person_id FROM users WHERE id = %s", (user_id,)).fetchone()
    if old is None:
        return
    person_id = str(uuid.uuid4())  # no RETURNING: the new identity is not visible until the membership uses it
    conn.execute("INSERT INTO people (id, email) VALUES (%s, %s)", (person_id, email))
    conn.execute(
        "UPDATE users SET name = %s, email = %s, status = 'deactivated', person_id = %s WHERE id = %s",
        (f"Former member {short}", email, person_id, user_id),
    )
    conn.execute("SELECT app.forget_orphan_person(%s)", (old["person_id"],))
    sessions.revoke_user(conn, user_id)
    sessions.block_user(user_id, True)
