"""Backup, then restore onto a brand-new PostgreSQL cluster and a new bucket, with the operator's scripts.

The new cluster is a fresh `initdb` on another loopback port (password authentication over TCP, so the scripts'
PGPASSFILE path is exercised); as root it runs as the `postgres` system user. The S3 side uses the test stack's
real SeaweedFS: objects are copied out of this run's bucket and uploaded into a new one.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import psycopg
import pytest
from factories import signup

ROOT = Path(__file__).resolve().parents[1]
BACKUP = ROOT / "infra" / "backup"


def _bin_dir(major: int) -> Path:
    """Return a PostgreSQL bin folder of the server's major version (Debian's, else the pgserver package's)."""
    debian = Path(f"/usr/lib/postgresql/{major}/bin")
    if (debian / "initdb").exists():
        return debian
    import pgserver

    bundled = Path(pgserver.__file__).parent / "pginstall" / "bin"
    out = subprocess.run([bundled / "initdb", "--version"], capture_output=True, text=True, check=True).stdout
    assert f" {major}." in out, f"no PostgreSQL {major} binaries found (have {out.strip()})"
    return bundled


def _as_db_user(cmd: list, **kw) -> subprocess.CompletedProcess:
    """Run a server command as a non-root user: initdb and postgres refuse to run as root."""
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *map(str, cmd)]
    return subprocess.run(list(map(str, cmd)), capture_output=True, text=True, timeout=60, check=False, **kw)


@pytest.fixture()
def fresh_cluster(stack):
    """Start an empty PostgreSQL cluster of the stack's major version; yield its owner URL (password in it)."""
    with psycopg.connect(stack["owner_url"]) as conn:
        major = int(conn.execute("SHOW server_version_num").fetchone()[0]) // 10000
    bindir = _bin_dir(major)
    home = Path(tempfile.mkdtemp(prefix="wm-restore-pg-"))
    password = secrets.token_urlsafe(16) + ":@/"  # characters a URL and a pgpass file must escape
    (home / "pw").write_text(password)
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(home, pw.pw_uid, pw.pw_gid)
        os.chown(home / "pw", pw.pw_uid, pw.pw_gid)
    os.chmod(home, 0o700)
    from services import free_port

    port = free_port()
    out = _as_db_user(
        [bindir / "initdb", "-D", home / "data", "-U", "postgres", "--pwfile", home / "pw", "--auth-local=trust"]
        + ["--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C"]
    )
    assert out.returncode == 0, out.stderr
    opts = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"
    out = _as_db_user([bindir / "pg_ctl", "-D", home / "data", "-o", opts, "-l", home / "log", "-w", "start"])
    assert out.returncode == 0, out.stderr + (home / "log").read_text()
    from urllib.parse import quote

    try:
        yield {"url": f"postgresql://postgres:{quote(password, safe='')}@127.0.0.1:{port}/workmonitor", "bin": bindir}
    finally:
        _as_db_user([bindir / "pg_ctl", "-D", home / "data", "-m", "immediate", "stop"])
        shutil.rmtree(home, ignore_errors=True)


def _counts(conn) -> dict[str, int]:
    tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()]
    return {t: conn.execute(f'SELECT count(*) FROM public."{t}"').fetchone()[0] for t in sorted(tables)}


def _tenant_tables(conn) -> list[tuple[str, bool, bool]]:
    return conn.execute(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid"
        " WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attname = 'company_id' AND NOT a.attisdropped"
        " ORDER BY 1"
    ).fetchall()


def _run(script: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    out = subprocess.run(
        ["bash", str(BACKUP / script), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, f"{script}: {out.stdout}\n{out.stderr}"
    return out


def test_backup_then_restore_onto_a_new_cluster_and_bucket(stack, api, fresh_cluster, tmp_path):
    from workmonitor import storage

    a, b = signup(api, company="Restored Co"), signup(api, company="Other Co")
    s3, bucket = storage.client(), stack["bucket"]
    objects = {f"{a['company']['id']}/screenshots/{uuid.uuid4()}.jpg": os.urandom(2048), f"{b['company']['id']}/x": b""}
    for key, data in objects.items():
        s3.put_object(Bucket=bucket, Key=key, Body=data, ContentType="image/jpeg")

    # Server binaries of the stack's version first (pg_dump must not be older than the server); our venv's python3
    # (boto3) for the scripts' helpers.
    path = f"{fresh_cluster['bin']}:{Path(sys.executable).parent}:{os.environ['PATH']}"
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OWNER_DATABASE_URL", "PG"))}
    backup_dir = tmp_path / "backups"
    _run(
        "backup.sh", env={**base, "PATH": path, "OWNER_DATABASE_URL": stack["owner_url"], "BACKUP_DIR": str(backup_dir)}
    )
    (dump,) = backup_dir.glob("workmonitor-*.dump")
    assert (backup_dir / "last-success").read_text().strip().isdigit()

    restored_bucket = f"wm-restore-{os.getpid()}"
    app_pw = tmp_path / "app-db-password"
    app_pw.write_text("app-" + secrets.token_hex(8))
    out = _run(
        "restore.sh",
        str(dump),
        str(backup_dir / "objects"),
        env={
            **base,
            "PATH": path,
            "OWNER_DATABASE_URL": fresh_cluster["url"],
            "APP_DB_PASSWORD_FILE": str(app_pw),
            "S3_BUCKET": restored_bucket,
        },
    )
    assert fresh_cluster["url"].split("@")[0].split(":")[-1] not in out.stdout + out.stderr  # no password echoed
    try:
        with psycopg.connect(stack["owner_url"]) as old, psycopg.connect(fresh_cluster["url"]) as new:
            assert _counts(new) == _counts(old) and _counts(new)["companies"] == 2
            tenant = _tenant_tables(new)
            assert len(tenant) >= 10 and all(rls and forced for _, rls, forced in tenant), tenant
            role = new.execute(
                "SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'workmonitor_app'"
            ).fetchone()
            assert role == (True, False, False)
        port = fresh_cluster["url"].rsplit(":", 1)[1].split("/")[0]
        app_url = f"postgresql://workmonitor_app:{app_pw.read_text()}@127.0.0.1:{port}/workmonitor"
        with psycopg.connect(app_url) as app:
            assert app.execute("SELECT count(*) FROM companies").fetchone()[0] == 0  # no claims: RLS hides all
            app.execute("SELECT set_config('app.company_id', %s, true)", (a["company"]["id"],))
            app.execute("SELECT set_config('app.user_id', %s, true)", (a["user"]["id"],))
            app.execute("SELECT set_config('app.role', 'admin', true)")
            assert app.execute("SELECT name FROM companies").fetchall() == [("Restored Co",)]
        for key, data in objects.items():
            got = s3.get_object(Bucket=restored_bucket, Key=key)
            assert got["Body"].read() == data and got["ContentType"] == "image/jpeg"
    finally:
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=restored_bucket):
            for obj in page.get("Contents", []):
                s3.delete_object(Bucket=restored_bucket, Key=obj["Key"])
        s3.delete_bucket(Bucket=restored_bucket)
