"""Progress of a long job kept on its row (exports, imports): the web app polls the row and shows a progress bar."""

from __future__ import annotations

from psycopg import sql

from ..db import Claims, transaction

TABLES = ("report_exports", "imports")  # rows with progress (0..100) and status queued/running/done/failed


def advance(claims: Claims, table: str, row_id: str, percent: int) -> None:
    """Mark the job running at `percent` (never backwards, never 100 before it is done), in its own transaction so
    the poller sees it while the job goes on."""
    if table not in TABLES:
        raise ValueError(f"no progress on {table}")
    with transaction(claims) as conn:
        conn.execute(
            sql.SQL(
                "UPDATE {} SET progress = greatest(progress, %s), status = 'running' WHERE id = %s AND status <> 'done'"
            ).format(sql.Identifier(table)),
            (min(percent, 99), row_id),
        )
