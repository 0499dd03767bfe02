"""Test harness: real PostgreSQL, Redis and S3 on loopback (started if missing), a fresh database per run.

Each pytest run migrates its own database `wm_test_<pid>` once; each test starts from empty tables
(emptied as the owner) and an empty Redis database, so runs in parallel checkouts never collide.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "shared"), str(ROOT / "infra" / "local"), str(ROOT / "tests")]

import psycopg
import services
from psycopg import sql

from workmonitor import keys


@pytest.fixture(scope="session", autouse=True)
def stack():
    """Find or start the services, create and migrate this run's database, point the settings at it."""
    svc = services.ensure_all()
    dbname = f"wm_test_{os.getpid()}"
    owner = services.with_db(svc.pg_owner_url, dbname)
    app_url = services.with_db(svc.pg_owner_url, dbname, user="workmonitor_app")
    base_redis = svc.redis_url.rsplit("/", 1)[0]
    redis_db = _claim_redis_db(base_redis)
    outbox = tempfile.mkdtemp(prefix="wm-outbox-")
    bucket = f"wm-test-{os.getpid()}"
    os.environ.update(
        {
            "OWNER_DATABASE_URL": owner,
            "DATABASE_URL": app_url,
            "REDIS_URL": f"{base_redis}/{redis_db}",
            "S3_ENDPOINT": svc.s3_endpoint,
            "S3_ACCESS_KEY": svc.s3_access_key,
            "S3_SECRET_KEY": svc.s3_secret_key,
            "S3_BUCKET": bucket,
            "BCRYPT_ROUNDS": "4",
            "JWT_SECRET": "test-secret-" + "x" * 32,
            "MAIL_OUTBOX_DIR": outbox,
            "WM_SECRETS_DIR": tempfile.mkdtemp(prefix="wm-secrets-"),
            "PUBLIC_URL": "http://localhost:8080",
            "DB_POOL_MAX": "8",
            "TRUSTED_PROXY_HOPS": "1",
            "WM_CHECK_CONTRACT": "1",
            # Calendar credentials are encrypted with this key; test calendars listen on loopback.
            "INTEGRATIONS_KEYS": "test1:" + "A" * 43,
            "INTEGRATIONS_ALLOW_PRIVATE_URLS": "1",
        }
    )
    from workmonitor import config, db, migrate, redis_client

    config.settings.cache_clear()
    redis_client.reset()
    migrate.ensure_database(owner)
    migrate.apply(owner, log=lambda *_: None)
    _make_bucket(svc, bucket)
    yield {
        "services": svc,
        "owner_url": owner,
        "app_url": app_url,
        "dbname": dbname,
        "bucket": bucket,
        "outbox": outbox,
    }
    db.close_pool()
    _release_redis_db(base_redis, redis_db)
    _drop_bucket(svc, bucket)
    with psycopg.connect(services.with_db(svc.pg_owner_url, "postgres"), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
    svc.stop()


@pytest.fixture(scope="session")
def shared_platform(stack, tmp_path_factory):
    """`make run`'s runner (infra/local/run.py, no web build), started once for the e2e tests that only talk HTTP to
    it: its own database, RQ worker, outbox and Redis database (the per-test `clean` flushes the suite's, which would
    eat the runner's jobs, and the in-process `drain` would steal them). Starting one costs seconds, so tests share it;
    each signs up its own company with unique emails and never stops it. Yields localplatform.running_platform's dict.
    """
    from localplatform import running_platform

    base_redis = stack["services"].redis_url.rsplit("/", 1)[0]
    redis_db = _claim_redis_db(base_redis)
    env = {"WM_SKIP_WEB": "1", "REDIS_URL": f"{base_redis}/{redis_db}"}
    try:
        with running_platform(stack["services"], tmp_path_factory.mktemp("platform"), "shared", env) as platform:
            yield platform
    finally:
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()
        _release_redis_db(base_redis, redis_db)


def _claim_redis_db(base_url: str) -> int:
    """Claim a Redis database (1..15) no other running test session uses: flushes and RQ workers stay apart."""
    import redis

    r = redis.Redis.from_url(f"{base_url}/0")
    for n in range(1, 16):
        if r.set(keys.template_db_claim(n), os.getpid(), nx=True, ex=3600):
            return n
    raise RuntimeError("all 15 Redis test databases are claimed by running test sessions")


def _release_redis_db(base_url: str, n: int) -> None:
    import redis

    redis.Redis.from_url(f"{base_url}/0").delete(keys.template_db_claim(n))


def _s3(svc):
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=svc.s3_endpoint,
        aws_access_key_id=svc.s3_access_key,
        aws_secret_access_key=svc.s3_secret_key,
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )


def _drop_bucket(svc, bucket: str) -> None:
    """Delete this run's bucket and its objects: a local S3 has a limited number of volumes."""
    s3 = _s3(svc)
    try:
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
            if keys:
                s3.delete_objects(Bucket=bucket, Delete={"Objects": keys})
        s3.delete_bucket(Bucket=bucket)
    except Exception as exc:  # cleanup only: never fail a finished run over it
        print(f"conftest: could not drop bucket {bucket}: {exc}")


def _make_bucket(svc, bucket: str) -> None:
    s3 = _s3(svc)
    try:
        s3.create_bucket(Bucket=bucket)
    except s3.exceptions.BucketAlreadyOwnedByYou:
        pass


@pytest.fixture()
def owner_conn(stack):
    """A connection as the table owner (for setting up and inspecting; never for asserting RLS)."""
    with psycopg.connect(stack["owner_url"], autocommit=True) as conn:
        yield conn


@pytest.fixture(scope="session")
def _emptier(stack):
    """Return a function that empties every table: cheap DELETEs of the non-empty ones when we are a superuser.

    TRUNCATE of all ~110 tables makes new files for each table and index (about a second per test on 2 cores);
    most tests fill a dozen tables, so probing which ones hold rows and deleting from those with triggers (foreign
    keys, the guards that refuse deleting issued or paid rows) switched off is far cheaper. Sequences are reset as
    RESTART IDENTITY did. Without superuser rights (session_replication_role needs them) it falls back to TRUNCATE.
    """
    with psycopg.connect(stack["owner_url"], autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'"
                " AND tablename <> 'schema_migrations' ORDER BY tablename"
            ).fetchall()
        ]
        superuser = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
    probe = "SELECT " + ", ".join(f"EXISTS (SELECT FROM {t})" for t in tables) if tables else ""
    reset = (
        "SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, start_value, false)"
        " FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL"
    )

    def empty(conn: psycopg.Connection) -> None:
        if not tables:
            return
        if not superuser:
            conn.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
            return
        full = [t for t, has_rows in zip(tables, conn.execute(probe).fetchone(), strict=True) if has_rows]
        with conn.transaction():
            conn.execute("SET LOCAL session_replication_role = replica")
            for t in full:
                conn.execute(f"DELETE FROM {t}")
        conn.execute(reset)

    return empty


@pytest.fixture(autouse=True)
def clean(stack, _emptier):
    """Empty every table and the Redis database before each test."""
    with psycopg.connect(stack["owner_url"], autocommit=True) as conn:
        _emptier(conn)
    from workmonitor.redis_client import client

    client().flushdb()
    for f in Path(stack["outbox"]).glob("*"):
        f.unlink()
    from workmonitor.web import CONTRACT_VIOLATIONS

    CONTRACT_VIOLATIONS.clear()
    yield
    # Every response this test saw matched its route's declared model (see workmonitor.openapi).
    assert not CONTRACT_VIOLATIONS, "\n".join(CONTRACT_VIOLATIONS)


@pytest.fixture()
def api(stack):
    """A client for the local gateway: the same /function/<name>/... URLs and handlers as `make run`."""
    from apiclient import Api

    return Api()
