"""A throwaway migrated database + Redis db + S3 bucket for benchmarks, as the test harness builds them."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager

import psycopg
import services
from psycopg import sql


@contextmanager
def prepared():
    """Yield {"owner_url", "app_url", "bucket", "services"} for a fresh bench database; drop it afterwards."""
    svc = services.ensure_all()
    dbname = f"wm_bench_{os.getpid()}"
    owner = services.with_db(svc.pg_owner_url, dbname)
    bucket = f"wm-bench-{os.getpid()}"
    os.environ.update(
        {
            "OWNER_DATABASE_URL": owner,
            "DATABASE_URL": services.with_db(svc.pg_owner_url, dbname, "workmonitor_app"),
            "REDIS_URL": svc.redis_url.rsplit("/", 1)[0] + "/15",
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
    from workmonitor import config, db, migrate, redis_client

    config.settings.cache_clear()
    redis_client.reset()
    migrate.ensure_database(owner)
    migrate.apply(owner, log=lambda *_: None)
    redis_client.client().flushdb()
    try:
        yield {"owner_url": owner, "app_url": os.environ["DATABASE_URL"], "bucket": bucket, "services": svc}
    finally:
        db.close_pool()
        with psycopg.connect(services.with_db(svc.pg_owner_url, "postgres"), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
        svc.stop()
