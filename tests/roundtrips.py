"""Count the SQL round trips a request makes on its connection (pipelines included), for the round-trip tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import psycopg
from psycopg import pq


@contextlib.contextmanager
def counting(monkeypatch) -> Iterator[list[str]]:
    """Record one entry per round trip while the block runs: a statement outside a pipeline (with psycopg's own
    BEGIN before it when it opens a transaction), each pipeline sync (its statements joined by ' + '), a COMMIT."""
    seen: list[str] = []
    queued: list[str] = []
    execute, commit = psycopg.Cursor.execute, psycopg.Connection.commit
    sync, exit_ = psycopg.Pipeline.sync, psycopg.Pipeline.__exit__

    def counted_execute(self, query, *args, **kwargs):
        text = "sql.Composed" if hasattr(query, "as_string") else str(query)[:60]
        conn = self.connection
        if conn._pipeline is not None:
            queued.append(text)
        else:
            if not conn.autocommit and conn.info.transaction_status == pq.TransactionStatus.IDLE:
                seen.append("BEGIN")  # psycopg opens the transaction with its own round trip
            seen.append(text)
        return execute(self, query, *args, **kwargs)

    def flushed() -> None:
        seen.append(" + ".join(queued) or "SYNC")
        queued.clear()

    def counted_sync(self):
        flushed()
        return sync(self)

    def counted_exit(self, *exc):
        flushed()
        return exit_(self, *exc)

    def counted_commit(self):
        if self.info.transaction_status != pq.TransactionStatus.IDLE:  # an idle commit sends nothing
            seen.append("COMMIT")
        return commit(self)

    monkeypatch.setattr(psycopg.Cursor, "execute", counted_execute)
    monkeypatch.setattr(psycopg.Connection, "commit", counted_commit)
    monkeypatch.setattr(psycopg.Pipeline, "sync", counted_sync)
    monkeypatch.setattr(psycopg.Pipeline, "__exit__", counted_exit)
    try:
        yield seen
    finally:
        monkeypatch.undo()
