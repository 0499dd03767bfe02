"""gunicorn settings for one WorkMonitor function running behind of-watchdog (http mode) on 127.0.0.1:5000.

preload_app imports function/handler.py once in the master so workers share its memory (copy-on-write). That is safe
because nothing opens a socket at import: workmonitor.db builds the psycopg pool and workmonitor.redis_client
the Redis client lazily, on first use, i.e. inside each worker after the fork. post_fork enforces it.
Tune with GUNICORN_WORKERS / GUNICORN_THREADS (env in stack.yml); timeouts follow of-watchdog's exec_timeout.

Health: the Dockerfile runs the watchdog with suppress_lock=true, so its /_/health and /_/ready stay 503 until
$TMPDIR/.lock exists (Go's os.TempDir). post_worker_init creates that file once a worker has loaded the app and a
signing key is configured, so the watchdog never reports healthy before gunicorn can answer. Without a signing
key the worker fails to boot and gunicorn (then the watchdog) exits: refuse to serve rather than answer 503s.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h)")
_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else default


def _seconds(raw: str | None, default: float) -> float:
    """Return an of-watchdog duration ("30s", "1m30s" or bare seconds) in seconds."""
    raw = (raw or "").strip()
    if raw.isdigit():
        return float(raw)
    parts = _DURATION.findall(raw)
    return sum(float(n) * _UNITS[u] for n, u in parts) if parts else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:5000")
workers = _int("GUNICORN_WORKERS", 2)
threads = _int("GUNICORN_THREADS", 4)
worker_class = "gthread"
preload_app = True

# of-watchdog gives up on a request after exec_timeout; let it answer first, then recycle a stuck worker.
_exec_timeout = _seconds(os.environ.get("exec_timeout"), 30.0)  # noqa: SIM112 (of-watchdog's own name)
timeout = int(_exec_timeout) + 5
graceful_timeout = int(_seconds(os.environ.get("write_timeout"), _exec_timeout)) + 5  # noqa: SIM112
keepalive = 75  # the watchdog keeps idle upstream connections open; do not race it closing them

max_requests = _int("GUNICORN_MAX_REQUESTS", 0)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 0)
# The heartbeat file lives in RAM: a read-only root filesystem or slow overlayfs must not stall workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
forwarded_allow_ips = "127.0.0.1"  # only of-watchdog talks to us

accesslog = None  # the app already writes one JSON line per request
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
capture_output = False
proc_name = "workmonitor-" + os.environ.get("WM_FUNCTION", "function")

LOCK_FILE = os.path.join(os.environ.get("TMPDIR") or "/tmp", ".lock")
# Under the watchdog (suppress_lock=true), a lock left by an earlier run is stale.
if os.environ.get("suppress_lock") == "true":  # noqa: SIM112
    with contextlib.suppress(FileNotFoundError):
        os.remove(LOCK_FILE)


def post_fork(server, worker) -> None:
    """Refuse to serve from a worker that inherited a DB pool or Redis client opened in the master."""
    inherited = [
        mod
        for mod, attr in (("workmonitor.db", "_pool"), ("workmonitor.redis_client", "_client"))
        if getattr(sys.modules.get(mod), attr, None) is not None
    ]
    if inherited:
        server.log.error("connections opened before fork in %s; they would be shared by workers", inherited)
        sys.exit(4)


def post_worker_init(worker) -> None:
    """Refuse to boot without a signing key (the build imports the app without one); then mark the function ready."""
    from workmonitor import security

    try:
        security.jwt_key()
    except RuntimeError as exc:
        worker.log.error("refusing to serve: %s", exc)
        raise
    with open(LOCK_FILE, "a"):
        pass
