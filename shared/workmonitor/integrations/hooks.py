"""Small calls other domains make when something an integration cares about changed (no crypto, no HTTP here:
importing this costs a function nothing but the job registry)."""

from __future__ import annotations

from ..db import Conn
from ..jobs import registry


def entry_changed(conn: Conn, user_id: object) -> list[str]:
    """Queue a calendar sync (after commit) for each connection of `user_id` that pushes entries; return job ids.

    Only an outbox row is written in the caller's transaction: a slow or failing calendar never blocks time tracking.
    """
    rows = conn.execute(
        "SELECT t.id, app.company_id() AS company_id FROM app.calendar_push_targets(%s) AS t(id)", (str(user_id),)
    ).fetchall()
    jobs = [registry.SYNC_CALENDAR.enqueue(conn, str(r["company_id"]), str(r["id"])) for r in rows]
    return [j for j in jobs if j]
