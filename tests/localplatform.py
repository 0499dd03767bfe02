"""Start `make run`'s runner (infra/local/run.py) on free loopback ports with its own database, for e2e tests, and
talk to it over real HTTP (`Http`, the `api` fixture's interface) and through its outbox (`wait_mail`)."""

from __future__ import annotations

import email
import email.policy
import json as jsonlib
import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import psycopg
import requests
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


class Answer:
    """An HTTP answer shaped like the werkzeug test response the `api` fixture returns (status_code, json, text)."""

    def __init__(self, resp: requests.Response):
        self.resp = resp
        self.status_code = resp.status_code
        self.headers = resp.headers
        self.content = resp.content
        self.text = resp.text
        self.mimetype = resp.headers.get("Content-Type", "").split(";")[0].strip()

    @property
    def json(self) -> Any:
        return self.resp.json() if self.mimetype == "application/json" else None


class Http:
    """Calls `base`/function/<name>/<path> over real HTTP with an optional bearer token, like tests/apiclient.Api."""

    def __init__(self, base: str, timeout: float = 30):
        self.base, self.timeout, self.session = base.rstrip("/"), timeout, requests.Session()

    def call(self, method: str, path: str, json=None, token: str | None = None, headers=None, **kwargs) -> Answer:
        headers = dict(headers or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if json is not None:
            kwargs["data"] = jsonlib.dumps(json)
            headers.setdefault("Content-Type", "application/json")
        return Answer(self.session.request(method, self.base + path, headers=headers, timeout=self.timeout, **kwargs))

    def get(self, path, **kw) -> Answer:
        return self.call("GET", path, **kw)

    def post(self, path, json=None, **kw) -> Answer:
        return self.call("POST", path, json=json, **kw)

    def patch(self, path, json=None, **kw) -> Answer:
        return self.call("PATCH", path, json=json, **kw)

    def put(self, path, json=None, **kw) -> Answer:
        return self.call("PUT", path, json=json, **kw)

    def delete(self, path, **kw) -> Answer:
        return self.call("DELETE", path, **kw)


def wait_for(check, what: str = "a condition", timeout: float = 60):
    """Return the first truthy value of `check()`, polled every 0.2 s; fail naming `what` after `timeout` seconds."""
    deadline = time.time() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.time() > deadline:
            raise AssertionError(f"timed out waiting for {what} ({timeout}s)")
        time.sleep(0.2)


def find_mail(outbox: Path, to: str) -> EmailMessage | None:
    """Return the newest mail to `to` in the runner's outbox, if any."""
    for path in sorted(outbox.glob("*.eml"), reverse=True):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if msg["To"] == to:
            return msg  # type: ignore[return-value]
    return None


def wait_mail(outbox: Path, to: str, timeout: float = 60) -> EmailMessage:
    """Return the mail to `to` once the runner's email worker has written it to the outbox."""
    return wait_for(lambda: find_mail(outbox, to), f"the worker's mail to {to}", timeout)
