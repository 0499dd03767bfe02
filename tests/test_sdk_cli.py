"""The `workmonitor` command (clients/sdk) as a real subprocess against `make run`'s runner (the session's
`shared_platform`, its own database; this test signs up its own company):
login (credentials in a 0600 file), timer start/status/stop, idempotent entries add, entries list, CSV and XLSX
exports (direct and as a job with progress), and the exit codes scripts rely on (2 auth, 3 server down)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import psycopg
import requests
import services

ROOT = Path(__file__).resolve().parents[1]
SDK = ROOT / "clients" / "sdk"


def _cli(env: dict, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workmonitor_sdk", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def _ok(env: dict, *args: str) -> dict:
    out = _cli(env, *args, "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout)


def _refresh_tokens(stack: dict, platform: dict, email: str) -> int:
    """How many refresh tokens the platform's database holds for `email` (the owner role reads past row-level
    security; other tests share the runner)."""
    url = psycopg.conninfo.make_conninfo(stack["services"].pg_owner_url, dbname=platform["dbname"])
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = %s", (email,)
        ).fetchone()
    return int(row[0]) if row else 0


def test_workmonitor_cli(stack, shared_platform, tmp_path):
    platform = shared_platform
    base = platform["base"]
    email, password = f"cli-{uuid.uuid4().hex[:8]}@example.com", "correct horse battery 9"
    signup = requests.post(
        base + "/function/auth/signup",
        json={
            "company_name": "CLI Co",
            "name": "Cli User",
            "email": email,
            "password": password,
            "timezone": "Europe/Berlin",
        },  # fmt: skip
        timeout=30,
    )
    assert signup.status_code == 201, signup.text
    auth = {"Authorization": f"Bearer {signup.json()['access_token']}"}
    project = requests.post(base + "/function/projects/projects", json={"name": "Apollo"}, headers=auth, timeout=30)
    assert project.status_code == 201, project.text

    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(SDK),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TZ": "Europe/Berlin",
    }
    # A wrong password is an auth error (2) and stores nothing.
    bad = _cli({**env, "WORKMONITOR_PASSWORD": "wrong password!"}, "login", "--server", base, "--email", email)
    assert bad.returncode == 2, bad.stdout + bad.stderr
    assert "auth error" in bad.stderr
    creds = tmp_path / "config" / "workmonitor" / "credentials.json"
    assert not creds.exists()
    # Commands before login: auth error too.
    assert _cli(env, "timer", "status").returncode == 2

    out = _cli({**env, "WORKMONITOR_PASSWORD": password}, "login", "--server", base, "--email", email)
    assert out.returncode == 0, out.stdout + out.stderr
    assert stat.S_IMODE(creds.stat().st_mode) == 0o600 and stat.S_IMODE(creds.parent.stat().st_mode) == 0o700
    stored = json.loads(creds.read_text())
    assert stored["refresh_token"] and stored["access_token"]

    # Timer: start on a project by name, status, stop.
    started = _ok(env, "timer", "start", "--project", "apollo", "--description", "from the CLI")
    assert started["running"] and started["entry"]["project_id"] == project.json()["project"]["id"]
    status = _ok(env, "timer", "status")
    assert status["running"] and status["entry"]["description"] == "from the CLI"
    table = _cli(env, "timer", "status")
    assert table.returncode == 0 and "Running for" in table.stdout and "Apollo" in table.stdout
    stopped = _ok(env, "timer", "stop")
    assert not stopped["running"] and stopped["entry"]["ended_at"]
    assert not _ok(env, "timer", "status")["running"]
    assert _cli(env, "timer", "stop").returncode == 1  # nothing runs: the server refuses (4xx)

    # An expired access token: the client refreshes once (rotating the refresh token) and retries.
    stored = json.loads(creds.read_text())
    creds.write_text(json.dumps({**stored, "access_token": "expired.token.value"}))
    assert not _ok(env, "timer", "status")["running"]
    rotated = json.loads(creds.read_text())
    assert rotated["refresh_token"] != stored["refresh_token"] and rotated["access_token"] != "expired.token.value"
    # Three processes meeting an expired token at once: one refreshes (under the lock), the others use its pair;
    # a refresh token used twice would sign the whole session out.
    # Under the lock exactly one refresh happens, whatever the timing (the server would forgive a reuse within its
    # grace window, so count the refresh tokens issued rather than rely on a sign-out).
    creds.write_text(json.dumps({**rotated, "access_token": "expired.token.value"}))
    issued = _refresh_tokens(stack, platform, email)
    cmd = [sys.executable, "-m", "workmonitor_sdk", "timer", "status", "--json"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    assert [p.wait(60) for p in procs] == [0, 0, 0], [p.stderr.read() for p in procs if p.stderr]
    assert _refresh_tokens(stack, platform, email) == issued + 1
    assert not _ok(env, "timer", "status")["running"]

    # Entries: the same idempotency key twice makes one entry.
    day = dt.date.today() - dt.timedelta(days=1)
    start, end = f"{day}T09:00:00", f"{day}T11:30:00"
    add = ["entries", "add", "--start", start, "--end", end, "--project", "Apollo", "--description", "cli entry"]
    first = _ok(env, *add, "--idempotency-key", "cli-key-1")
    again = _ok(env, *add, "--idempotency-key", "cli-key-1")
    assert not first["replayed"] and again["replayed"] and again["entry"]["id"] == first["entry"]["id"]
    berlin = dt.datetime.combine(day, dt.time(9), ZoneInfo("Europe/Berlin"))  # a naive time is the local time
    assert first["entry"]["started_at"].startswith(berlin.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M"))
    listed = _ok(env, "entries", "list", "--from", str(day), "--to", str(dt.date.today()))
    assert [e["description"] for e in listed["items"]].count("cli entry") == 1
    assert len(listed["items"]) == 2  # plus the timer's entry
    text = _cli(env, "entries", "list", "--from", str(day), "--to", str(dt.date.today()))
    assert text.returncode == 0 and "cli entry" in text.stdout and "2:30:00" in text.stdout
    assert "2 entries" in text.stdout
    # Validation errors exit 1.
    assert _cli(env, "entries", "add", "--start", end, "--end", start).returncode == 1
    assert _cli(env, "entries", "add", "--start", "yesterday", "--end", end).returncode == 1
    assert _cli(env, "timer", "start", "--project", "No Such Project").returncode == 1

    # Export: CSV answered directly, CSV as a job (progress bar, then the presigned link), XLSX.
    report = tmp_path / "report.csv"
    out = _cli(env, "export", "--from", str(day), "--to", str(dt.date.today()), "--format", "csv", "-o", str(report))
    assert out.returncode == 0, out.stdout + out.stderr
    rows = list(csv.reader(io.StringIO(report.read_text(encoding="utf-8-sig"))))
    assert any("cli entry" in row and "Apollo" in row for row in rows), rows
    job = tmp_path / "job.csv"
    out = _cli(
        env, "export", "--from", str(day), "--to", str(dt.date.today()), "--background", "-o", str(job), timeout=90
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "100%" in out.stderr and "done" in out.stderr  # the progress bar
    assert "cli entry" in job.read_text(encoding="utf-8-sig")
    xlsx = tmp_path / "report.xlsx"
    out = _cli(env, "export", "--from", str(day), "--to", str(day), "--format", "xlsx", "-o", str(xlsx))
    assert out.returncode == 0, out.stdout + out.stderr
    rows = list(openpyxl.load_workbook(xlsx)["Entries"].iter_rows(values_only=True))
    assert any(row[5] == "Apollo" and row[7] == "cli entry" and row[9] == 2.5 for row in rows), rows

    pdf = tmp_path / "report.pdf"
    out = _cli(env, "export", "--from", str(day), "--to", str(day), "--format", "pdf", "-o", str(pdf))
    assert out.returncode == 0 and pdf.read_bytes().startswith(b"%PDF"), out.stdout + out.stderr

    # Import a Toggl Track export twice: the second run creates nothing.
    toggl = tmp_path / "toggl.csv"
    toggl.write_text((ROOT / "tests" / "data" / "imports" / "toggl.csv").read_text().replace("{EMP}", email))
    preview = _ok(env, "import", str(toggl), "--format", "toggl", "--dry-run")
    assert preview["total"] >= 2 and any(p["user_id"] for p in preview["people"]), preview
    first = _ok(env, "import", str(toggl), "--format", "toggl")
    assert first["status"] == "done" and first["created"] >= 2, first
    again = _ok(env, "import", str(toggl), "--format", "toggl")
    assert again["created"] == 0 and again["duplicates"] == first["created"], again

    # A personal API token works as a login too.
    token = requests.post(
        base + "/function/reports/api-tokens",
        json={"name": "cli", "scopes": ["read"]},
        headers=auth,
        timeout=30,
    )
    assert token.status_code == 201, token.text
    tenv = {**env, "XDG_CONFIG_HOME": str(tmp_path / "tokcfg")}
    out = _cli(tenv, "login", "--server", base, "--token", token.json()["token"])
    assert out.returncode == 0, out.stdout + out.stderr
    assert len(_ok(tenv, "entries", "list", "--from", str(day), "--to", str(day))["items"]) == 1
    assert _cli(tenv, "timer", "start").returncode == 2  # a read-only token may not write

    # The server is gone (nothing listens where the credentials point): a server/network error (3).
    stored = json.loads(creds.read_text())
    creds.write_text(json.dumps({**stored, "server": f"http://127.0.0.1:{services.free_port()}"}))
    down = _cli(env, "timer", "status")
    assert down.returncode == 3, down.stdout + down.stderr
    assert "server error" in down.stderr
