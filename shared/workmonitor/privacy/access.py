"""The access log: every view of a person's screenshots, recordings or GPS points, by anyone (themselves too).

What must stay true: a read path that hands out such data calls `record_views` in the same transaction, so a
view is logged exactly when its answer is built (a failed request logs nothing); rows are never changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..db import Conn, Row

KINDS = ("screenshot", "recording", "gps")


def record_views(conn: Conn, viewer_id: str, kind: str, rows: Iterable[Row], per_item: bool = True) -> int:
    """Log that `viewer_id` viewed `rows` (each with user_id and id): one log row per item, or (per_item False,
    for GPS points) one per person with the number of items; return the number of log rows written."""
    if kind not in KINDS:
        raise ValueError(kind)
    rows = list(rows)
    entries: list[tuple[str, str | None, int]]
    if per_item:
        entries = [(str(r["user_id"]), str(r["id"]), 1) for r in rows]
    else:
        entries = [(uid, None, n) for uid, n in Counter(str(r["user_id"]) for r in rows).items()]
    if not entries:
        return 0
    subjects, targets, counts = (list(col) for col in zip(*entries, strict=True))
    conn.execute(
        "INSERT INTO data_access_log (company_id, subject_id, viewer_id, kind, target_id, items)"
        " SELECT app.company_id(), s, %s, %s, t, n FROM unnest(%s::uuid[], %s::text[], %s::int[]) AS u(s, t, n)",
        (viewer_id, kind, subjects, targets, counts),
    )
    return len(entries)


def list_for(conn: Conn, subject_id: str, limit: int, offset: int) -> list[Row]:
    """Return up to limit + 1 access-log rows about `subject_id`, newest first, with the viewer's name and role."""
    return conn.execute(
        "SELECT l.id, l.viewer_id, v.name AS viewer_name, v.role AS viewer_role, l.kind, l.target_id, l.items,"
        " l.viewed_at FROM data_access_log l LEFT JOIN users v ON v.id = l.viewer_id AND v.company_id = l.company_id"
        " WHERE l.subject_id = %s ORDER BY l.viewed_at DESC, l.id DESC LIMIT %s OFFSET %s",
        (subject_id, limit + 1, offset),
    ).fetchall()
