"""Security alerts for a company's admins: raised by small calls where things happen, shown on the alerts page,
mailed to every admin of that company (and no one else) by a job.

Callers (auth, team, media, the agent watchdog) call `raise_alert(conn, company_id, kind, ...)` in their own
transaction: the alert and its mail job commit with the change or not at all. The insert goes through
app.security_alert_add, so it works where nobody is signed in yet (a failed sign-in).
"""

from __future__ import annotations

import json
import time
from typing import Any

from .. import keys
from ..db import Conn, Row
from ..errors import Conflict, NotFound, id_or_404
from ..jobs import registry

TITLES = {
    "new_device_sign_in": "Sign-in from a new device or address",
    "failed_sign_ins": "Repeated failed sign-ins",
    "two_factor_changed": "Two-factor authentication changed",
    "api_token_created": "API token created",
    "mass_deletion": "Many captured records deleted",
    "mass_export": "Large export of captured data",
    "agent_silent": "Agent stopped reporting during tracked time",
    "role_changed": "Role changed",
    "consent_changed": "Monitoring consent changed",
}
KINDS = tuple(TITLES)
COLUMNS = (
    "a.id, a.kind, a.subject_user_id, a.actor_id, host(a.ip) AS ip, a.details, a.state, a.acknowledged_by,"
    " a.acknowledged_at, a.created_at"
)


def raise_alert(
    conn: Conn,
    company_id: object,
    kind: str,
    *,
    subject_user_id: object = None,
    actor_id: object = None,
    ip: str | None = None,
    details: dict[str, Any] | None = None,
    dedup: str | None = None,
) -> str | None:
    """Record a `kind` alert for `company_id`'s admins in `conn`'s transaction and queue its mail; return its id
    (None when an alert with the same `dedup` key was raised before: repeats are not news)."""
    if kind not in TITLES:
        raise ValueError(f"unknown alert kind {kind!r}")
    row = conn.execute(
        "SELECT app.security_alert_add(%s, %s, %s, %s, %s, %s, %s) AS id",
        (
            str(company_id),
            kind,
            None if subject_user_id is None else str(subject_user_id),
            None if actor_id is None else str(actor_id),
            ip,
            json.dumps(details or {}, default=str),
            dedup,
        ),
    ).fetchone()
    alert_id = row["id"] if row else None
    if alert_id is None:
        return None
    registry.MAIL_ALERT.enqueue(conn, str(company_id), str(alert_id))
    return str(alert_id)


def alerts(conn: Conn, state: str | None, limit: int, offset: int) -> list[Row]:
    """Return the company's alerts (admins only, by RLS), newest first, limit + 1 rows."""
    return conn.execute(
        f"SELECT {COLUMNS} FROM security_alerts a WHERE (%s::text IS NULL OR a.state = %s)"
        " ORDER BY a.created_at DESC, a.id LIMIT %s OFFSET %s",
        (state, state, limit + 1, offset),
    ).fetchall()


def counts(conn: Conn) -> dict[str, int]:
    """Return {state: count} of the company's alerts."""
    rows = conn.execute("SELECT state, count(*) AS n FROM security_alerts GROUP BY state").fetchall()
    return {"new": 0, "acknowledged": 0} | {r["state"]: r["n"] for r in rows}


def acknowledge(conn: Conn, user_id: str, alert_id: object) -> Row:
    """Mark an alert acknowledged by `user_id`; return it. Raises NotFound, 409 when acknowledged already."""
    aid = id_or_404(alert_id, "alert", code="alert_not_found")
    row = conn.execute(
        "UPDATE security_alerts AS a SET state = 'acknowledged', acknowledged_by = %s, acknowledged_at = now()"
        f" WHERE a.id = %s AND a.state = 'new' RETURNING {COLUMNS}",
        (user_id, aid),
    ).fetchone()
    if row is not None:
        return row
    if conn.execute("SELECT 1 FROM security_alerts WHERE id = %s", (aid,)).fetchone() is None:
        raise NotFound("No such alert.", code="alert_not_found")
    raise Conflict("This alert was acknowledged already.", code="alert_acknowledged")


# --- triggers: one small call each where the thing happens ------------------------------------------------------

FAILED_WINDOW_SECONDS = 900
MASS_DELETION_THRESHOLD = 50  # captured records removed by one person within an hour


def sign_in_failed(member: Row, ip: str | None) -> str | None:
    """Count a failed sign-in of `member` (a users row) and alert its admins once per window when the count reaches
    the sign-in lockout threshold; return the alert id. Runs in its own transaction (the failed request rolls back)."""
    from ..config import settings
    from ..db import Claims, transaction
    from ..redis_client import client

    key = keys.failed_sign_ins(member["id"])
    count = client().incr(key)
    if count == 1:
        client().expire(key, FAILED_WINDOW_SECONDS)
    if count < settings().login_max_failures:
        return None
    claims = Claims(company_id=str(member["company_id"]), user_id=str(member["id"]), role="employee")
    with transaction(claims) as conn:
        return raise_alert(
            conn,
            member["company_id"],
            "failed_sign_ins",
            subject_user_id=member["id"],
            ip=ip,
            details={"failures": count, "window_minutes": FAILED_WINDOW_SECONDS // 60},
            dedup=f"failed_sign_ins:{member['id']}:{int(time.time() // FAILED_WINDOW_SECONDS)}",
        )


def signing_in(conn: Conn, member: Row, ip: str | None, device_id: str | None, user_agent: str | None) -> str | None:
    """Before a new session of `member` starts (claims: theirs): alert when they had sessions before but none from
    this device or address; return the alert id. The first sign-in ever is not news."""
    seen = conn.execute(
        "SELECT count(*) AS sessions, count(*) FILTER (WHERE ip IS NOT DISTINCT FROM %s::inet"
        " OR (device_id IS NOT NULL AND device_id = %s)) AS known FROM refresh_tokens WHERE user_id = %s",
        (ip, device_id, member["id"]),
    ).fetchone()
    if seen is None or not seen["sessions"] or seen["known"]:
        return None
    return raise_alert(
        conn,
        member["company_id"],
        "new_device_sign_in",
        subject_user_id=member["id"],
        actor_id=member["id"],
        ip=ip,
        details={"device": device_id or (user_agent or "")[:120] or "unknown"},
        dedup=f"new_device:{member['id']}:{ip}:{device_id}",
    )


def records_removed(conn: Conn, company_id: object, actor_id: object, kind: str, count: int = 1) -> str | None:
    """Count `count` captured records (screenshots, recordings, samples) removed or exported (`kind` 'mass_deletion'
    or 'mass_export') by `actor_id`; alert once per hour when an hour's total reaches the threshold."""
    from ..redis_client import client

    hour = int(time.time() // 3600)
    key = keys.removed_records(kind, actor_id, hour)
    total = client().incrby(key, count)
    client().expire(key, 7200)
    if total < MASS_DELETION_THRESHOLD:
        return None
    return raise_alert(
        conn,
        company_id,
        kind,
        actor_id=actor_id,
        details={"records_this_hour": total},
        dedup=f"{kind}:{actor_id}:{hour}",
    )
