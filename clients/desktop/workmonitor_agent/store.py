"""The local SQLite queue (WAL): samples and screenshots wait here until the server has them; also shared state.

A sample's client sequence number is its AUTOINCREMENT rowid, never reused, and the device id is created with
the database, so a re-sent batch is always recognised by the server's (device_id, seq) de-duplication.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger("workmonitor_agent")

SCHEMA = """
CREATE TABLE IF NOT EXISTS samples (seq INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS shots (id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL, taken_at TEXT NOT NULL,
  monitor INTEGER NOT NULL, activity INTEGER, bytes INTEGER NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class Store:
    """One connection to the queue database; every process (daemon, CLI, threads) opens its own."""

    def __init__(self, path: Path):
        self.path = path
        self.shots_dir = path.parent / "screenshots"
        self.shots_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        path.chmod(0o600)
        with self.tx():
            if self.get("device_id") is None:
                self.put("device_id", f"desktop-{uuid.uuid4()}")

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    @contextmanager
    def tx(self):
        """Run the block in one write transaction (BEGIN IMMEDIATE: also the agent's cross-process lock)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- key/value state -------------------------------------------------------------------------------------

    def get(self, key: str, default=None):
        """Return the JSON value stored under `key`, or `default`."""
        row = self.db.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def put(self, key: str, value) -> None:
        """Store `value` (JSON) under `key`."""
        self.db.execute(
            "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )

    def bump(self, key: str, n: int = 1) -> None:
        """Add `n` to the counter `key`."""
        self.put(key, int(self.get(key, 0)) + n)

    @property
    def device_id(self) -> str:
        """Return this installation's device id."""
        return self.get("device_id")

    # --- samples -----------------------------------------------------------------------------------------------

    def add_sample(self, sample: dict) -> int:
        """Queue one sample; return its sequence number."""
        cur = self.db.execute("INSERT INTO samples (body, created) VALUES (?, ?)", (json.dumps(sample), time.time()))
        return cur.lastrowid

    def pending_samples(self, limit: int) -> list[dict]:
        """Return up to `limit` queued samples, oldest first, each with its `seq`."""
        rows = self.db.execute("SELECT seq, body FROM samples ORDER BY seq LIMIT ?", (limit,)).fetchall()
        return [{**json.loads(body), "seq": seq} for seq, body in rows]

    def ack_samples(self, seqs: list[int]) -> None:
        """Forget samples the server has stored."""
        self.db.executemany("DELETE FROM samples WHERE seq = ?", [(s,) for s in seqs])

    def counts(self) -> dict:
        """Return queue sizes and the counters kept in kv."""
        samples = self.db.execute("SELECT count(*) FROM samples").fetchone()[0]
        shots, size = self.db.execute("SELECT count(*), coalesce(sum(bytes), 0) FROM shots").fetchone()
        keys = ("samples_sent", "samples_dropped", "shots_taken", "shots_sent", "shots_dropped")
        return {
            "pending_samples": samples,
            "pending_screenshots": shots,
            "screenshot_bytes": size,
            **{k: int(self.get(k, 0)) for k in keys},
        }

    # --- screenshots -------------------------------------------------------------------------------------------

    def add_shot(self, data: bytes, ext: str, taken_at: str, monitor: int, activity: int | None) -> int:
        """Save an encoded screenshot to disk and queue it; return its id."""
        path = self.shots_dir / f"{uuid.uuid4().hex}.{ext}"
        path.write_bytes(data)
        path.chmod(0o600)
        cur = self.db.execute(
            "INSERT INTO shots (path, taken_at, monitor, activity, bytes, created) VALUES (?, ?, ?, ?, ?, ?)",
            (str(path), taken_at, monitor, activity, len(data), time.time()),
        )
        self.bump("shots_taken")
        return cur.lastrowid

    def pending_shots(self, limit: int) -> list[dict]:
        """Return up to `limit` queued screenshots, oldest first."""
        rows = self.db.execute(
            "SELECT id, path, taken_at, monitor, activity FROM shots ORDER BY id LIMIT ?", (limit,)
        ).fetchall()
        return [dict(zip(("id", "path", "taken_at", "monitor", "activity"), r, strict=True)) for r in rows]

    def drop_shot(self, shot_id: int, counter: str | None = None) -> None:
        """Delete a queued screenshot and its file, bumping `counter` if given."""
        row = self.db.execute("SELECT path FROM shots WHERE id = ?", (shot_id,)).fetchone()
        if row:
            Path(row[0]).unlink(missing_ok=True)
            self.db.execute("DELETE FROM shots WHERE id = ?", (shot_id,))
            if counter:
                self.bump(counter)

    def enforce_cap(self, max_bytes: int) -> None:
        """Keep disk use under `max_bytes`: drop the oldest screenshots first, then (logged) the oldest samples."""
        while self._disk_bytes() > max_bytes:
            oldest = self.db.execute("SELECT id, taken_at FROM shots ORDER BY id LIMIT 1").fetchone()
            if oldest:
                log.warning("disk cap reached: dropping unsent screenshot taken at %s", oldest[1])
                self.drop_shot(oldest[0], "shots_dropped")
                continue
            rows = self.db.execute("SELECT seq FROM samples ORDER BY seq LIMIT 100").fetchall()
            if not rows:
                return
            log.error(
                "disk cap reached with no screenshots left: dropping %d unsent activity samples (seq %d-%d)",
                len(rows),
                rows[0][0],
                rows[-1][0],
            )
            self.ack_samples([r[0] for r in rows])
            self.bump("samples_dropped", len(rows))

    def _disk_bytes(self) -> int:
        shots = self.db.execute("SELECT coalesce(sum(bytes), 0) FROM shots").fetchone()[0]
        samples = self.db.execute("SELECT coalesce(sum(length(body)), 0) FROM samples").fetchone()[0]
        return shots + samples
