"""`make run`'s runner end to end: real HTTP on loopback, real RQ worker process, then a clean Ctrl-C stop."""
from __future__ import annotations

import email
import email.policy
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
import requests
from psycopg import sql

import services

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def platform(stack, tmp_path):
    """Start infra/local/run.py on a free port with its own database; yield its base URL and outbox."""
    port = services.free_port()
    dbname = f"wm_run_{os.getpid()}"
    svc = stack["services"]
    env = dict(os.environ)
    owner = psycopg.conninfo.conninfo_to_dict(svc.pg_owner_url)
    app = {**owner, "user": "workmonitor_app"}
    app.pop("password", None)
    env.update({"PORT": str(port), "OWNER_DATABASE_URL": psycopg.conninfo.make_conninfo(**{**owner, "dbname": dbname}),
                "DATABASE_URL": psycopg.conninfo.make_conninfo(**{**app, "dbname": dbname}), "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
                "WM_VAR_DIR": str(tmp_path / "var"), "JWT_SECRET": "run-test-secret-" + "y" * 32,
                "PYTHONUNBUFFERED": "1"})
    env.pop("WS_PORT", None)
    proc = subprocess.Popen([sys.executable, str(ROOT / "infra" / "local" / "run.py")], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    deadline = time.time() + 60
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        lines.append(line)
        if "is up on" in line:
            break
    assert any("is up on" in ln for ln in lines), "".join(lines)
    try:
        yield {"base": f"http://127.0.0.1:{port}/function", "outbox": tmp_path / "outbox", "proc": proc,
               "lines": lines}
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        info = psycopg.conninfo.conninfo_to_dict(svc.pg_owner_url)
        info["dbname"] = "postgres"
        with psycopg.connect(psycopg.conninfo.make_conninfo(**info), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))


def _wait_mail(outbox: Path, to: str, timeout: float = 20) -> str:
    deadline = time.time() + timeout
    while time.time() < deadline:
        for path in sorted(outbox.glob("*.eml")):
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if msg["To"] == to:
                return msg.get_content()
        time.sleep(0.2)
    raise AssertionError(f"the worker sent no mail to {to} within {timeout}s")


def test_run_serves_every_function_and_the_walkthrough(platform):
    base = platform["base"]
    from workmonitor.devserver import stack_functions
    for name in stack_functions():
        r = requests.get(f"{base}/{name}/healthz", timeout=5)
        assert r.status_code == 200 and r.json()["function"] == name
        assert requests.get(f"{base}/{name}/readyz", timeout=5).status_code == 200

    signup = requests.post(f"{base}/auth/signup", json={"company_name": "Run Co", "name": "Ada",
                                                        "email": "ada@run.example.com", "password": "s3cret-pass!"})
    assert signup.status_code == 201, signup.text
    login = requests.post(f"{base}/auth/login", json={"email": "ada@run.example.com", "password": "s3cret-pass!"})
    assert login.status_code == 200, login.text
    auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
    me = requests.get(f"{base}/auth/me", headers=auth)
    assert me.json()["user"]["email"] == "ada@run.example.com"
    invite = requests.post(f"{base}/team/invitations", json={"email": "bob@run.example.com"}, headers=auth)
    assert invite.status_code == 201, invite.text
    # The RQ worker process started by the runner delivers the invitation into the outbox.
    token = re.search(r"token=([\w-]+)", _wait_mail(platform["outbox"], "bob@run.example.com")).group(1)
    accepted = requests.post(f"{base}/auth/invitations/accept",
                             json={"token": token, "name": "Bob", "password": "bobs-pass-123"})
    assert accepted.status_code == 201, accepted.text
    users = requests.get(f"{base}/team/users", headers=auth).json()["items"]
    assert sorted(u["email"] for u in users) == ["ada@run.example.com", "bob@run.example.com"]
    assert requests.get(f"{base}/nope/healthz").status_code == 404


def test_ctrl_c_stops_everything(platform):
    proc = platform["proc"]
    proc.send_signal(signal.SIGINT)
    assert proc.wait(30) == 0
    rest = proc.stdout.read()
    assert "stopping" in rest
    assert subprocess.run(["pgrep", "-f", f"local-{proc.pid}"], capture_output=True).returncode == 1
