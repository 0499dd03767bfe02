"""The `workmonitor` command (clients/sdk) against the local gateway over real HTTP: login, timer, entries, export,
import with its progress, and exit codes scripts can trust."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import openpyxl
import pytest
from factories import PASSWORD, drain, signup
from werkzeug.serving import make_server

from workmonitor import keys
from workmonitor.devserver import gateway_app

SDK = Path(__file__).resolve().parents[1] / "clients" / "sdk"


@pytest.fixture()
def server():
    srv = make_server("127.0.0.1", 0, gateway_app(), threaded=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


def cli(tmp_path, *args, stdin: str | None = None, background=False):
    env = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(SDK),
        "WORKMONITOR_CONFIG": str(tmp_path / "cfg.json"),
        "HOME": str(tmp_path),
    }
    cmd = [sys.executable, "-m", "workmonitor_sdk.cli", *args]
    if background:
        return subprocess.Popen(
            cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    return subprocess.run(cmd, env=env, input=stdin, capture_output=True, text=True, timeout=60)


def test_cli_end_to_end(api, server, tmp_path):
    admin = signup(api, company="Cli Co")
    assert cli(tmp_path, "timer", "status").returncode == 3  # not signed in
    r = cli(tmp_path, "login", "--url", server, "--email", admin["email"], "--password-stdin", stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    assert (os.stat(tmp_path / "cfg.json").st_mode & 0o777) == 0o600
    assert "No timer running" in cli(tmp_path, "timer", "status").stdout
    assert cli(tmp_path, "timer", "start", "--description", "Writing the CLI").returncode == 0
    assert "Running for" in cli(tmp_path, "timer", "status").stdout
    assert "Stopped after" in cli(tmp_path, "timer", "stop").stdout
    r = cli(
        tmp_path,
        "entries",
        "add",
        "--start",
        "2026-11-02T09:00:00+01:00",
        "--end",
        "2026-11-02T10:30:00+01:00",
        "--description",
        "Review",
    )
    assert r.returncode == 0, r.stderr
    listed = cli(tmp_path, "entries", "list", "--from", "2026-11-01", "--to", "2026-11-30")
    assert "Review" in listed.stdout and "1:30" in listed.stdout and listed.stdout.splitlines()[0].startswith("started")
    r = cli(tmp_path, "entries", "add", "--start", "2026-11-02T09:30:00+01:00", "--end", "2026-11-02T10:00:00+01:00")
    assert r.returncode == 4 and "overlap" in r.stderr.lower()  # a 409: refused, not a crash
    assert cli(tmp_path, "entries", "add").returncode == 2
    out = tmp_path / "nov.xlsx"
    r = cli(tmp_path, "export", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert openpyxl.load_workbook(out)["Entries"]["J2"].value == 1.5
    sample = tmp_path / "toggl.csv"
    sample.write_text(
        "User,Email,Project,Description,Billable,Start date,Start time,End date,End time\n"
        f"Ada,{admin['email']},Imported,From Toggl,No,2026-11-03,09:00:00,2026-11-03,10:00:00\n"
    )
    proc = cli(tmp_path, "import", "--format", "toggl", "-y", str(sample), background=True)
    deadline = time.time() + 60
    while proc.poll() is None and time.time() < deadline:
        drain(keys.REPORTS_QUEUE)  # the worker the import job waits for
        time.sleep(0.3)
    stdout, stderr = proc.communicate(timeout=10)
    assert proc.returncode == 0, stderr
    assert "created 1, already there 0" in stdout
    r = cli(tmp_path, "login", "--url", server, "--token", "wmp_" + "x" * 40)
    assert r.returncode == 3
