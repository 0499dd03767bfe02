"""Security alerts for a company's admins: raised by small calls where things happen, shown on the alerts page,
mailed to every admin of that company (and no one else) by a job.

Callers (auth, team, media, the agent watchdog) call `raise_alert(conn, company_id, kind, ...)` in their own
transaction: the alert and its mail job commit with the change or not at all. The insert goes through
app.security_alert_add, so it works where nobody is signed in yet (a failed sign-in).
"""

from __future__ import annotations

import json
from typing import Any

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
