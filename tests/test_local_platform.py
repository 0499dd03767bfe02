"""`make run`'s runner end to end: real HTTP on loopback, real RQ worker process, then a clean Ctrl-C stop."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid

import pytest
import requests
from localplatform import running_platform, wait_mail


@pytest.fixture()
def platform(stack, tmp_path):
    """A runner of its own on free ports with its own database, for the tests that stop or kill it (no web build:
    the web e2e test covers that)."""
    with running_platform(stack["services"], tmp_path, "run", {"WM_SKIP_WEB": "1"}) as p:
        yield {**p, "base": p["base"] + "/function", "ws_port": p["ws_port"]}


def test_run_serves_every_function_and_the_walkthrough(shared_platform):
    base = shared_platform["base"] + "/function"
    ada, bob = (f"{who}-{uuid.uuid4().hex[:8]}@run.example.com" for who in ("ada", "bob"))
    from workmonitor.devserver import stack_functions

    for name in stack_functions():
        r = requests.get(f"{base}/{name}/healthz", timeout=5)
        assert r.status_code == 200 and r.json()["function"] == name
        assert requests.get(f"{base}/{name}/readyz", timeout=5).status_code == 200

    signup = requests.post(
        f"{base}/auth/signup",
        json={"company_name": "Run Co", "name": "Ada", "email": ada, "password": "s3cret-pass!"},
    )
    assert signup.status_code == 201, signup.text
    login = requests.post(f"{base}/auth/login", json={"email": ada, "password": "s3cret-pass!"})
    assert login.status_code == 200, login.text
    auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
    me = requests.get(f"{base}/auth/me", headers=auth)
    assert me.json()["user"]["email"] == ada
    invite = requests.post(f"{base}/team/invitations", json={"email": bob}, headers=auth)
    assert invite.status_code == 201, invite.text
    # The RQ worker process started by the runner delivers the invitation into the outbox.
    token = re.search(r"token=([\w-]+)", wait_mail(shared_platform["outbox"], bob).get_content()).group(1)
    accepted = requests.post(
        f"{base}/auth/invitations/accept", json={"token": token, "name": "Bob", "password": "bobs-pass-123"}
    )
    assert accepted.status_code == 201, accepted.text
    users = requests.get(f"{base}/team/users", headers=auth).json()["items"]
    assert sorted(u["email"] for u in users) == [ada, bob]
    assert requests.get(f"{base}/nope/healthz").status_code == 404


def test_ctrl_c_stops_everything(platform):
    proc = platform["proc"]
    proc.send_signal(signal.SIGINT)
    assert proc.wait(30) == 0
    platform["drain"].join(10)
    assert "stopping" in "".join(platform["lines"])
    assert subprocess.run(["pgrep", "-f", f"local-{proc.pid}"], capture_output=True).returncode == 1


def _pids(pattern: str, parent: int | None = None) -> list[int]:
    out = subprocess.run(
        ["pgrep", *(["-P", str(parent)] if parent else []), "-f", pattern], capture_output=True, text=True
    )
    return [int(p) for p in out.stdout.split()]


def _wait(check, timeout: float) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_a_dead_worker_is_restarted_and_kill_9_of_the_runner_takes_its_children(platform):
    proc = platform["proc"]
    name = f"local-{proc.pid}"
    assert _wait(lambda: len(_pids(f"workmonitor.worker.*{name}", proc.pid)) == 1, 20)
    worker = _pids(f"workmonitor.worker.*{name}", proc.pid)[0]
    os.kill(worker, signal.SIGKILL)  # a worker that died on its own (a crash, the OOM killer)
    restarted = lambda: [p for p in _pids(f"workmonitor.worker.*{name}", proc.pid) if p != worker]  # noqa: E731
    assert _wait(restarted, 20), "the runner did not restart its worker"
    gateway = f"gateway.server --port {platform['ws_port']}"
    assert _pids(gateway)
    os.kill(proc.pid, signal.SIGKILL)  # no clean-up code of the runner runs
    proc.wait(10)
    assert _wait(lambda: not _pids(f"workmonitor.worker.*{name}"), 20), "the worker outlived the runner"
    assert _wait(lambda: not _pids(gateway), 20), "the gateway outlived the runner"


def test_a_stale_pid_file_is_reaped_on_start(tmp_path):
    from children import ours, reap_stale

    stray = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "workmonitor.worker"])
    assert _wait(lambda: ours(stray.pid), 10)  # exec'd (a fresh fork still shows pytest's command line)
    pidfile = tmp_path / "run.pids"
    pidfile.write_text(json.dumps({"runner": 2**22 + 7, "children": [stray.pid]}))  # that runner is gone
    assert reap_stale(pidfile) == [stray.pid]
    assert stray.wait(15) == -signal.SIGTERM and not pidfile.exists()
    mine = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "run.py"])
    try:
        assert _wait(lambda: ours(mine.pid), 10)
        pidfile.write_text(json.dumps({"runner": mine.pid, "children": []}))
        with pytest.raises(RuntimeError, match="already running"):
            reap_stale(pidfile)
    finally:
        mine.kill()
        mine.wait()
