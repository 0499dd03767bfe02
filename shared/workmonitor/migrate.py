"""Apply migrations/*.sql in order, each exactly once, recorded in schema_migrations.

Runs as the owner role. An advisory lock makes two processes starting at once safe: the second waits, then
finds nothing left to do. A changed file that was already applied is refused (its checksum differs).
Usage: python -m workmonitor.migrate [--create-db] [--create-bucket] [--wait SECONDS]
In production nothing restarts a failed migrator (faasd restarts nothing), so it waits for PostgreSQL itself.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.rows import TupleRow

from .config import secret, settings

LOCK_KEY = 0x574D_4D49  # "WMMI"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "migrations"


def migrations_dir() -> Path:
    """Return the folder of SQL migrations (MIGRATIONS_DIR overrides, for built images)."""
    return Path(os.environ.get("MIGRATIONS_DIR", DEFAULT_DIR))


def ensure_database(owner_url: str) -> None:
    """Create the database named in `owner_url` when it does not exist yet."""
    info = psycopg.conninfo.conninfo_to_dict(owner_url)
    name = str(info.get("dbname") or "postgres")
    info["dbname"] = "postgres"
    with psycopg.connect(psycopg.conninfo.make_conninfo("", **info), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
            try:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            except psycopg.errors.DuplicateDatabase:
                pass


def apply(owner_url: str | None = None, directory: Path | None = None, log=print) -> list[str]:
    """Apply pending migrations; return the versions applied now. Raises RuntimeError on a changed migration."""
    owner_url = owner_url or settings().owner_database_url
    files = sorted((directory or migrations_dir()).glob("*.sql"))
    applied_now: list[str] = []
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY,"
                " checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            done: dict[str, str] = dict(conn.execute("SELECT version, checksum FROM schema_migrations").fetchall())
            for path in files:
                body = path.read_text()
                checksum = hashlib.sha256(body.encode()).hexdigest()
                if path.stem in done:
                    if done[path.stem] != checksum:
                        raise RuntimeError(f"migration {path.name} changed after it was applied")
                    continue
                with conn.transaction():
                    conn.execute(body)
                    conn.execute(
                        "INSERT INTO schema_migrations (version, checksum) VALUES (%s, %s)", (path.stem, checksum)
                    )
                applied_now.append(path.stem)
                log(f"migrate: applied {path.name}")
            _set_app_password(conn)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))
    return applied_now


def _set_app_password(conn: psycopg.Connection[TupleRow]) -> None:
    """Give the application role the password from the `app-db-password` secret, when one is configured."""
    password = secret("app-db-password")
    if password:
        conn.execute(sql.SQL("ALTER ROLE workmonitor_app PASSWORD {}").format(sql.Literal(password)))


def wait_for_server(owner_url: str, timeout: float, log=print) -> None:
    """Return once PostgreSQL accepts a connection (to the `postgres` database); raise the last error at timeout."""
    info = psycopg.conninfo.conninfo_to_dict(owner_url)
    info["dbname"] = "postgres"
    deadline, delay = time.monotonic() + timeout, 0.5
    while True:
        try:
            psycopg.connect(psycopg.conninfo.make_conninfo("", **info), connect_timeout=5).close()
            return
        except psycopg.OperationalError as exc:
            if time.monotonic() + delay > deadline:
                raise
            log(f"migrate: database not reachable yet ({str(exc).strip().splitlines()[0]}); retrying in {delay:.0f}s")
            time.sleep(delay)
            delay = min(delay * 2, 10)


def ensure_bucket() -> None:
    """Create the configured S3 bucket when it does not exist yet (private: no policy is attached)."""
    from . import storage

    s3, bucket = storage.client(), settings().s3_bucket
    try:
        s3.head_bucket(Bucket=bucket)
    except s3.exceptions.ClientError:
        s3.create_bucket(Bucket=bucket)


def main(argv: list[str]) -> int:
    """Command-line entry point."""
    owner_url = settings().owner_database_url
    wait = float(argv[argv.index("--wait") + 1]) if "--wait" in argv else float(os.environ.get("MIGRATE_WAIT", 120))
    wait_for_server(owner_url, wait)
    if "--create-db" in argv:
        ensure_database(owner_url)
    applied = apply(owner_url)
    print(f"migrate: {len(applied)} applied, database up to date")
    if "--create-bucket" in argv:
        ensure_bucket()
        print(f"migrate: bucket {settings().s3_bucket} ready")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
