"""`make run`: the whole platform on one machine, no Docker.

Finds or starts PostgreSQL, Redis and S3 (see services.py), applies migrations, creates the bucket, starts the
RQ workers (and the WebSocket gateway when gateway/ provides one), and serves every function of stack.yml at
http://127.0.0.1:8080/function/<name>/... — the OpenFaaS gateway's URL shape — until Ctrl-C.
The worker and the gateway are supervised children (children.py): restarted when they die, killed with the runner.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "shared"), str(Path(__file__).resolve().parent)]


import services
from children import Children, reap_stale

from workmonitor import keys

QUEUES = list(keys.QUEUES)


def _local_secret(name: str) -> str:
    """Return a secret generated once for this checkout and kept in .var (never in git)."""
    path = services.VAR / name
    if not path.exists():
        services.VAR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def configure(svc: services.Services) -> dict[str, str]:
    """Return the environment every process of the local platform shares."""
    dbname = os.environ.get("WM_DB_NAME", "workmonitor")
    env = {
        "OWNER_DATABASE_URL": os.environ.get("OWNER_DATABASE_URL") or services.with_db(svc.pg_owner_url, dbname),
        "DATABASE_URL": os.environ.get("DATABASE_URL") or services.with_db(svc.pg_owner_url, dbname, "workmonitor_app"),
        "REDIS_URL": svc.redis_url,
        "S3_ENDPOINT": svc.s3_endpoint,
        "S3_ACCESS_KEY": svc.s3_access_key,
        "S3_SECRET_KEY": svc.s3_secret_key,
        "JWT_SECRET": os.environ.get("JWT_SECRET") or _local_secret("jwt-secret"),
        "PUBLISH_SECRET": os.environ.get("PUBLISH_SECRET") or _local_secret("publish-secret"),
        "MAIL_OUTBOX_DIR": os.environ.get("MAIL_OUTBOX_DIR") or str(services.VAR / "outbox"),
        # Calendar credentials are encrypted with a key kept in .var; calendars on this machine or the LAN may be
        # connected (a self-hosted Radicale or Nextcloud), which production refuses unless told otherwise.
        "INTEGRATIONS_KEYS": os.environ.get("INTEGRATIONS_KEYS") or "local:" + _local_secret("integrations-key")[:43],
        "INTEGRATIONS_ALLOW_PRIVATE_URLS": os.environ.get("INTEGRATIONS_ALLOW_PRIVATE_URLS", "1"),
        "PUBLIC_URL": os.environ.get("PUBLIC_URL") or f"http://localhost:{os.environ.get('PORT', '8080')}",
    }
    os.environ.update(env)
    return env


def prepare() -> None:
    """Create the database if needed, apply migrations and make sure the bucket exists."""
    from workmonitor import config, migrate

    config.settings.cache_clear()
    cfg = config.settings()
    migrate.ensure_database(cfg.owner_database_url)
    migrate.apply(cfg.owner_database_url)
    import boto3
    from botocore.config import Config

    s3 = boto3.client(
        "s3",
        endpoint_url=cfg.s3_endpoint,
        aws_access_key_id=cfg.s3_access_key,
        aws_secret_access_key=cfg.s3_secret_key,
        region_name=cfg.s3_region,
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )
    try:
        s3.head_bucket(Bucket=cfg.s3_bucket)
    except Exception:
        s3.create_bucket(Bucket=cfg.s3_bucket)


def start_workers(children: Children) -> None:
    """Start one RQ worker (with the scheduler, for retries with backoff) on every queue."""
    children.start(
        "worker", [sys.executable, "-m", "workmonitor.worker", *QUEUES, "--name", f"local-{os.getpid()}"], ROOT
    )
    print(
        f"  workers:  python -m workmonitor.worker {' '.join(QUEUES)} (see `rq info --url {os.environ['REDIS_URL']}`)"
    )


def start_socket_gateway(children: Children) -> None:
    """Start the WebSocket gateway when gateway/ ships a server module."""
    if (ROOT / "gateway" / "server.py").exists():
        port = os.environ.get("WS_PORT", "8090")
        children.start("gateway", [sys.executable, "-m", "gateway.server", "--port", port], ROOT)
        print(f"  sockets:  ws://127.0.0.1:{port}/socket.io/")


WEB = ROOT / "clients" / "web"


def _web_sources_hash() -> str:
    """Return a hash of the web app's sources (content, not mtimes: clocks and checkouts lie about those)."""
    import hashlib

    digest = hashlib.sha256()
    files = sorted(p for p in (WEB / "src").rglob("*") if p.is_file())
    # The build also packs the desktop agent for the Downloads page (scripts/pack-agent.mjs).
    agent = ROOT / "clients" / "desktop"
    files += sorted(p for p in (agent / "workmonitor_agent").rglob("*.py")) + [agent / "pyproject.toml"]
    files += sorted((WEB / "scripts").glob("*.mjs"))
    for path in files + [WEB / "index.html", WEB / "package-lock.json", WEB / "vite.config.ts"]:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build_web() -> Path | None:
    """Build the web app when its build is missing or stale; return dist/ (None without npm and without a build)."""
    dist = WEB / "dist"
    stamp = dist / ".source-hash"
    wanted = _web_sources_hash()
    if (dist / "index.html").exists() and stamp.exists() and stamp.read_text() == wanted:
        return dist
    npm = shutil.which("npm")
    if npm is None:
        print("  web:      npm not found — the API runs, the web app is not built (install Node.js 20+)")
        return dist if (dist / "index.html").exists() else None
    if not (WEB / "node_modules").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=WEB, check=True)
    subprocess.run([npm, "run", "build"], cwd=WEB, check=True)
    stamp.write_text(wanted)
    return dist


def serve(port: int, stop: threading.Event, web: Path | None, children: Children) -> None:
    """Serve every function of stack.yml (and the built web app, if any) on 127.0.0.1:port until `stop`,
    restarting children that die meanwhile."""
    from werkzeug.serving import make_server

    from workmonitor.devserver import gateway_app, stack_functions

    socket_url = f"http://127.0.0.1:{os.environ.get('WS_PORT', '8090')}"
    server = make_server(
        os.environ.get("HOST", "127.0.0.1"), port, gateway_app(web, {"socket_url": socket_url}), threaded=True
    )
    for name in stack_functions():
        print(f"  function: http://127.0.0.1:{port}/function/{name}/healthz")
    print(f"WorkMonitor is up on http://127.0.0.1:{port} — Ctrl-C stops everything.", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=_cron, args=(port, stop), daemon=True).start()
    while not stop.wait(1):
        children.watch()
    server.shutdown()


def _cron(port: int, stop: threading.Event, every: float = 300) -> None:
    """Do what OpenFaaS cron-connector does in production: an empty POST to the scheduler function, on a timer."""
    import urllib.request

    while not stop.is_set():
        try:
            urllib.request.urlopen(
                urllib.request.Request(f"http://127.0.0.1:{port}/function/scheduler/", data=b"", method="POST"),
                timeout=10,
            ).read()
        except OSError as exc:
            print(f"  cron: scheduler call failed: {exc}", flush=True)
        stop.wait(every)


def main() -> int:
    """Bring the platform up, block until Ctrl-C or SIGTERM, then stop everything started here."""
    pidfile = services.VAR / "run.pids"
    try:
        stale = reap_stale(pidfile)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    if stale:
        print(f"  stopped {len(stale)} process(es) left by a runner that was killed: {stale}")
    svc = services.ensure_all()
    children = Children(pidfile)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        for note in svc.notes:
            print(f"  {note}")
        configure(svc)
        prepare()
        start_workers(children)
        start_socket_gateway(children)
        web = None if os.environ.get("WM_SKIP_WEB") else build_web()
        if web:
            print(f"  web:      http://127.0.0.1:{os.environ.get('PORT', '8080')}/")
        serve(int(os.environ.get("PORT", "8080")), stop, web, children)
    finally:
        print("stopping ...", flush=True)
        children.stop()
        svc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
