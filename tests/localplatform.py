"""Start `make run`'s runner (infra/local/run.py) on free loopback ports with its own database, for e2e tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import services
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def running_platform(svc, tmp: Path, name: str, extra_env: dict | None = None, timeout: float = 240):
    """Yield {"base", "port", "outbox", "proc", "lines"} for a runner started in a subprocess; stop and drop after."""
    port, ws_port = services.free_port(), services.free_port()
    dbname = f"wm_{name}_{os.getpid()}"
    owner = psycopg.conninfo.conninfo_to_dict(svc.pg_owner_url)
    app = {**owner, "user": "workmonitor_app"}
    app.pop("password", None)
    env = dict(os.environ)
    env.update(
        {
            "PORT": str(port),
            "WS_PORT": str(ws_port),
            "PUBLIC_URL": f"http://127.0.0.1:{port}",
            "OWNER_DATABASE_URL": psycopg.conninfo.make_conninfo(**{**owner, "dbname": dbname}),
            "DATABASE_URL": psycopg.conninfo.make_conninfo(**{**app, "dbname": dbname}),
            "MAIL_OUTBOX_DIR": str(tmp / "outbox"),
            "WM_VAR_DIR": str(tmp / "var"),
            "JWT_SECRET": "run-test-secret-" + "y" * 32,
            "PYTHONUNBUFFERED": "1",
            **(extra_env or {}),
        }
    )
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "infra" / "local" / "run.py")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        lines.append(line)
        if "is up on" in line:
            break
    try:
        assert any("is up on" in ln for ln in lines), "".join(lines)
        # Keep reading its output: a full pipe would block the runner's logging and so the whole server.
        drain = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
        drain.start()
        yield {
            "base": f"http://127.0.0.1:{port}",
            "port": port,
            "ws_port": ws_port,
            "outbox": tmp / "outbox",
            "proc": proc,
            "lines": lines,
            "drain": drain,
            "dbname": dbname,
        }
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        with psycopg.connect(
            psycopg.conninfo.make_conninfo(**{**owner, "dbname": "postgres"}), autocommit=True
        ) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
