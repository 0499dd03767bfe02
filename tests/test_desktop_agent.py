"""Desktop agent: the real agent (its own processes, short timings) under Xvfb against infra/local/run.py."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
import requests
import services
from localplatform import wait_for, wait_mail

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "clients" / "desktop"
PASSWORD = "agent-pass-123"
FAST = {
    "POLL_SECONDS": "0.2",
    "SAMPLE_SECONDS": "2",
    "GAP_SECONDS": "5",
    "SYNC_SECONDS": "1",
    "UPLOAD_SECONDS": "0.5",
    "BACKOFF_BASE": "0.3",
    "BACKOFF_CAP": "1",
    "SCREENSHOT_SECONDS": "1.5",
    "IDLE_SECONDS": "3",  # samples after the last input wait until idle is decided: keep that short here
    "NOTIFY": "0",
    "KEYRING": "0",
}


@pytest.fixture(scope="session")
def desktop_tools():
    """Make sure Xvfb, xdotool and the agent package (with python-xlib) are installed; install them if we may."""
    if not all(shutil.which(t) for t in ("Xvfb", "xdotool")):
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            pytest.fail("The desktop agent tests need Xvfb and xdotool: run `sudo apt-get install -y xvfb xdotool`.")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "xvfb", "xdotool"], check=True, env=env, capture_output=True)
    probe = [sys.executable, "-c", "import workmonitor_agent, Xlib"]
    if subprocess.run(probe, capture_output=True, cwd=ROOT, check=False).returncode != 0:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-e", str(DESKTOP)], check=True)
        import importlib
        import site

        site.main()  # pick up the new editable install's .pth in this process too
        importlib.invalidate_caches()
    import importlib

    importlib.invalidate_caches()


@pytest.fixture(scope="session")
def xvfb(desktop_tools):
    """Start Xvfb on a free display (-displayfd picks it); yield the DISPLAY name."""
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        number = fh.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    proc.terminate()
    proc.wait(10)


def open_window(name: str, title: str, wm_class: tuple[str, str]):
    """Map a window with WM_CLASS and a UTF-8 _NET_WM_NAME and, like a window manager, make it the active one."""
    from Xlib import X, Xatom, display

    d = display.Display(name)
    s = d.screen()
    win = s.root.create_window(
        40, 40, 400, 300, 0, s.root_depth, X.InputOutput, X.CopyFromParent, background_pixel=s.white_pixel
    )
    win.set_wm_name(title.encode("ascii", "replace").decode())
    win.set_wm_class(*wm_class)
    win.change_property(d.intern_atom("_NET_WM_NAME"), d.intern_atom("UTF8_STRING"), 8, title.encode())
    win.map()
    s.root.change_property(d.intern_atom("_NET_ACTIVE_WINDOW"), Xatom.WINDOW, 32, [win.id])
    d.sync()
    return d


@pytest.fixture(scope="module")
def platform(stack, shared_platform):
    """The session's runner (infra/local/run.py, tests/conftest.py), with its URLs, outbox and owner DSN; each test
    signs up its own company."""
    return {
        "url": shared_platform["base"],
        "port": shared_platform["port"],
        "ws": f"http://127.0.0.1:{shared_platform['ws_port']}",
        "outbox": shared_platform["outbox"],
        "owner_url": psycopg.conninfo.make_conninfo(stack["services"].pg_owner_url, dbname=shared_platform["dbname"]),
    }


def call(platform, path: str, headers: dict | None = None, body: dict | None = None, status: int = 200) -> dict:
    """POST `body` to /function/`path` and assert the status; return the JSON answer."""
    r = requests.post(f"{platform['url']}/function/{path}", json=body or {}, headers=headers or {}, timeout=10)
    assert r.status_code == status, r.text
    return r.json()


def agreement(platform, emp: dict, **kinds: bool) -> str:
    """Propose an agreement as the admin, accept it as the employee; return its id."""
    agreement_id = call(platform, f"team/users/{emp['id']}/agreements", emp["admin"], kinds, 201)["agreement"]["id"]
    call(platform, f"team/agreements/{agreement_id}/accept", emp["headers"])
    return agreement_id


def employee(platform) -> dict:
    """Sign up a company through the API and invite an employee who accepts by the emailed link."""
    tag = uuid.uuid4().hex[:8]
    admin = call(
        platform,
        "auth/signup",
        body={
            "company_name": f"Desk {tag}",
            "name": "Ada",
            "password": PASSWORD,
            "email": f"ada-{tag}@desk.example.com",
        },
        status=201,
    )
    admin = {"Authorization": f"Bearer {admin['access_token']}"}
    mail = f"eve-{tag}@desk.example.com"
    call(platform, "team/invitations", admin, {"email": mail}, 201)
    token = re.search(r"token=([\w-]+)", wait_mail(platform["outbox"], mail).get_content()).group(1)
    emp = call(
        platform, "auth/invitations/accept", body={"token": token, "name": "Eve", "password": PASSWORD}, status=201
    )
    return {
        "email": mail,
        "id": emp["user"]["id"],
        "admin": admin,
        "headers": {"Authorization": f"Bearer {emp['access_token']}"},
    }


class Agent:
    """Runs the real agent's commands with a private home directory on the Xvfb display."""

    def __init__(self, home: Path, display: str, **overrides: str):
        self.home = home
        self.env = {
            **os.environ,
            "WORKMONITOR_AGENT_HOME": str(home),
            "DISPLAY": display,
            "PYTHONUNBUFFERED": "1",
            **{f"WORKMONITOR_AGENT_{k}": v for k, v in {**FAST, **overrides}.items()},
        }
        for var in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
            self.env.pop(var, None)
        self.procs: list[subprocess.Popen] = []

    def cli(self, *args: str, stdin: str | None = None, ok: bool = True) -> subprocess.CompletedProcess:
        """Run one command; return the finished process (asserting exit 0 unless ok=False)."""
        out = subprocess.run(
            [sys.executable, "-m", "workmonitor_agent", *args],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=self.home,
            check=False,
        )
        assert not ok or out.returncode == 0, out.stdout + out.stderr
        return out

    def login(self, server: str, mail: str) -> str:
        """Log in non-interactively; return the command's output."""
        return self.cli("login", "--server", server, "--email", mail, "--password-stdin", stdin=PASSWORD + "\n").stdout

    def run_daemon(self) -> subprocess.Popen:
        """Start `workmonitor-agent run` (the foreground capture loop) as a child of the test."""
        proc = subprocess.Popen(
            [sys.executable, "-m", "workmonitor_agent", "run"],
            env=self.env,
            cwd=self.home,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.procs.append(proc)
        return proc

    def q(self, query: str, *params):
        """Return the first column of the first row of `query` on the agent's local queue database."""
        with sqlite3.connect(self.home / "data" / "queue.sqlite3", timeout=10) as db:
            return (row := db.execute(query, params).fetchone()) and row[0]

    def kv(self, key: str):
        """Return a value of the agent's local state."""
        return json.loads(self.q("SELECT coalesce(min(value), 'null') FROM kv WHERE key = ?", key))

    def queued(self, table: str = "samples") -> int:
        """Return how many rows wait in the agent's queue."""
        return self.q(f"SELECT count(*) FROM {table}")

    def pid(self) -> int | None:
        """Return the daemon's pid while it runs."""
        from workmonitor_agent.cli import _alive

        pid = (self.kv("daemon") or {}).get("pid")
        return pid if pid and _alive(pid) else None

    def kill_all(self) -> None:
        """Stop every agent process this test started."""
        for pid in [self.pid()] + [p.pid for p in self.procs if p.poll() is None]:
            if pid:
                os.kill(pid, signal.SIGKILL)


@pytest.fixture()
def agent(xvfb, tmp_path):
    """An agent home on the test display; its processes are killed at the end."""
    made: list[Agent] = []

    def make(**overrides: str) -> Agent:
        made.append(Agent(tmp_path / f"agent{len(made)}", xvfb, **overrides))
        made[-1].home.mkdir()
        return made[-1]

    yield make
    for a in made:
        a.kill_all()


def samples(platform, emp: dict) -> list[tuple]:
    """Return the employee's samples on the server as (seq, app, title, keyboard, mouse, idle), by seq."""
    with psycopg.connect(platform["owner_url"], autocommit=True) as conn:  # owner: inspection only
        return conn.execute(
            "SELECT seq, app, title, keyboard, mouse, idle FROM activity_samples WHERE user_id = %s ORDER BY seq",
            (emp["id"],),
        ).fetchall()


def test_real_agent_reports_window_input_idle_and_uploads_screenshots(platform, agent, xvfb):
    emp = employee(platform)
    agreement(platform, emp, screenshots=True, activity=True)
    title = f"Quarterly report — Zoë {uuid.uuid4().hex[:6]}"
    desk = open_window(xvfb, title, ("wmaccept", "WMAccept"))
    a = agent(IDLE_SECONDS="1.5")
    assert "0600" in a.login(platform["url"], emp["email"])
    assert oct((a.home / "config" / "refresh_token").stat().st_mode & 0o777) == "0o600"
    assert "Timer started" in a.cli("start").stdout
    pid = wait_for(a.pid, what="the capture daemon")
    wait_for(lambda: "activity: ON" in (a.kv("state_lines") or []), what="capture to begin")
    subprocess.run(["xdotool", "key", "--delay", "40", *"abcdefghijkl"], env=a.env, check=True)
    for x in range(5):
        subprocess.run(["xdotool", "mousemove", str(100 + 60 * x), "200", "click", "1"], env=a.env, check=True)
    rows = wait_for(
        lambda: (r := samples(platform, emp)) and sum(s[3] for s in r) >= 12 and sum(s[4] for s in r) >= 5 and r,
        what="keyboard and mouse counts on the server",
    )
    assert {(s[1], s[2]) for s in rows} == {("WMAccept", title)}
    wait_for(lambda: any(s[5] for s in samples(platform, emp)), what="an idle sample after 1.5 s without input")
    entry = requests.get(f"{platform['url']}/function/time/timer", headers=emp["headers"]).json()["entry"]
    moved = datetime.now(UTC).isoformat()
    subprocess.run(["xdotool", "mousemove", "5", "5"], env=a.env, check=True)  # back: asked whether idle counts
    idle = wait_for(lambda: (q := a.kv("idle_return")) and q["to"] >= moved and q, what="the welcome-back question")
    assert "Discarded" in a.cli("idle", "--discard").stdout  # the entry ends where idle began; a new one runs
    ended = requests.get(f"{platform['url']}/function/time/entries/{entry['id']}", headers=emp["headers"]).json()
    assert ended["entry"]["ended_at"][:19] == idle["from"][:19]
    shots = wait_for(
        lambda: requests.get(
            f"{platform['url']}/function/media/screenshots", headers=emp["headers"], timeout=10
        ).json()["items"],
        what="an uploaded screenshot",
    )
    assert shots[0]["device_id"].startswith("desktop-")
    a.q("UPDATE kv SET value = 'null' WHERE key = 'access'")  # so `status` must refresh (rotate) the session
    # The daemon may have seen the timer stopped between the discard's two calls: wait for its next policy sync.
    status = wait_for(lambda: (s := a.cli("status").stdout) and "SCREENSHOTS ON" in s and s, what="capture on again")
    assert "SCREENSHOTS ON" in status and "timer:    running" in status and "window titles: ok" in status, status
    out = a.cli("stop").stdout
    assert "Timer stopped" in out and "daemon stopped" in out
    from workmonitor_agent.cli import _alive

    assert not _alive(pid)
    assert requests.get(f"{platform['url']}/function/time/timer", headers=emp["headers"]).json()["entry"] is None
    assert a.queued("samples") == 0 and a.queued("shots") == 0
    desk.close()


class Proxy:
    """A TCP relay in front of the platform: down() is the server gone, cut drops answers of handled requests."""

    def __init__(self, target: int):
        self.port, self.target, self.cut, self.conns = services.free_port(), target, False, []
        self.up()

    def up(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", self.port))
        self.sock.settimeout(0.1)
        self.running = True
        threading.Thread(target=self._accept, args=(self.sock,), daemon=True).start()

    def down(self) -> None:
        self.running = False
        self.sock.close()
        for conn in self.conns:
            _hang_up(conn)

    def _accept(self, sock) -> None:
        while self.running:
            try:
                client, _ = sock.accept()
            except (TimeoutError, OSError):
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target))
            self.conns += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, True), daemon=True).start()

    def _pipe(self, src, dst, answers: bool) -> None:
        try:
            while data := src.recv(65536):
                if answers and self.cut:
                    break  # the server handled the request; the agent never hears back
                dst.sendall(data)
        except OSError:
            pass
        for conn in (src, dst):
            _hang_up(conn)


def _hang_up(conn: socket.socket) -> None:
    """Shut a socket down (close() alone would not wake the relay thread blocked in recv on it)."""
    try:
        conn.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    conn.close()


def test_offline_crash_and_lost_answers_every_sample_arrives_exactly_once(platform, agent):
    emp = employee(platform)
    agreement(platform, emp, activity=True)
    proxy = Proxy(platform["port"])
    a = agent()
    a.login(f"http://127.0.0.1:{proxy.port}", emp["email"])
    a.cli("start")
    pid = wait_for(a.pid, what="the capture daemon")
    wait_for(lambda: len(samples(platform, emp)) >= 2, what="first samples online")
    proxy.cut = True  # batches reach the server but their answers are lost: the agent must re-send them
    wait_for(
        lambda: (a.q("SELECT min(seq) FROM samples") or 1e18) <= max(s[0] for s in samples(platform, emp)),
        what="a batch stored on the server whose answer the agent never got",
    )
    proxy.down()
    time.sleep(2.5)
    assert a.queued() > 0
    os.kill(pid, signal.SIGKILL)  # crash while offline, then start again while still offline
    a.q("UPDATE kv SET value = 'null' WHERE key = 'access'")  # and make the restarted daemon refresh its session
    a.run_daemon()
    wait_for(lambda: a.pid() not in (None, pid), what="the restarted daemon")
    time.sleep(2)
    proxy.cut = False
    proxy.up()
    wait_for(lambda: a.queued() == 0 and a.kv("last_upload"), what="the queue draining")
    a.cli("stop")
    assert a.queued() == 0
    last_seq = a.q("SELECT seq FROM sqlite_sequence WHERE name = 'samples'")
    seqs = [s[0] for s in samples(platform, emp)]
    assert seqs == list(range(1, last_seq + 1)), "every sample exactly once, none lost"
    assert a.kv("samples_dropped") in (None, 0)
    assert "server already had" in (a.home / "data" / "agent.log").read_text()
    proxy.down()


def test_without_screenshot_consent_the_agent_takes_none(platform, agent):
    emp = employee(platform)
    call(platform, f"team/agreements/{agreement(platform, emp, screenshots=True, activity=True)}/revoke", emp["admin"])
    activity_only = agreement(platform, emp, activity=True)
    a = agent(SCREENSHOT_SECONDS="0.5", SYNC_SECONDS="60")  # so only the gateway's push can bring the timer
    a.cli(
        "login",
        "--server",
        platform["url"],
        "--email",
        emp["email"],
        "--password-stdin",
        "--socket-url",
        platform["ws"],
        stdin=PASSWORD + "\n",
    )
    a.run_daemon()
    wait_for(lambda: "push from" in (out := a.cli("status").stdout) and "(connected)" in out, what="the gateway")
    call(platform, "time/timer/start", emp["headers"], {"source": "web"}, 201)  # started in the web app
    wait_for(lambda: len(samples(platform, emp)) >= 2, what="activity samples")
    time.sleep(1.5)
    assert "screenshots: off (no consent)" in a.cli("status").stdout
    assert a.kv("shots_taken") is None and not list((a.home / "data" / "screenshots").iterdir())
    call(
        platform, f"team/agreements/{activity_only}/revoke", emp["admin"]
    )  # now nothing at all is consented: capture stops
    wait_for(lambda: "no accepted work agreement" in a.cli("status").stdout, what="the revocation")
    time.sleep(0.5)
    before = len(samples(platform, emp))
    time.sleep(2.5)
    assert len(samples(platform, emp)) == before and a.queued() == 0
    a.cli("stop")
    shots = requests.get(f"{platform['url']}/function/media/screenshots", headers=emp["headers"], timeout=10)
    assert shots.json()["items"] == []


def test_start_takes_a_project_name_and_status_reads_plainly_when_offline(platform, agent):
    emp = employee(platform)
    for name in ("Acme Website", "Mobile App", "Mobile app (old)"):
        project = call(platform, "projects/projects", emp["admin"], {"name": name, "member_ids": [emp["id"]]}, 201)
        if name == "Acme Website":
            website = project["project"]["id"]
    a = agent()
    a.login(platform["url"], emp["email"])
    out = a.cli("start", "--project", "mobile", ok=False)
    assert out.returncode == 1 and '"mobile" matches 2 projects: Mobile App (' in out.stderr, out.stderr
    assert "400" not in out.stderr and "Traceback" not in out.stderr
    assert "Timer started" in a.cli("start", "--project", "acme WEBSITE").stdout
    timer = requests.get(f"{platform['url']}/function/time/timer", headers=emp["headers"], timeout=10).json()
    assert timer["entry"]["project_id"] == website
    a.cli("stop")
    cfg = json.loads((a.home / "config" / "config.json").read_text())
    (a.home / "config" / "config.json").write_text(json.dumps({**cfg, "server": "http://127.0.0.1:9"}))
    status = a.cli("status").stdout
    assert "timer:    unknown — server unreachable: cannot connect to 127.0.0.1:9" in status, status
    assert "HTTPConnectionPool" not in status and "Errno" not in status


def test_agent_logic_suite(desktop_tools):
    """The agent's own fast logic tests (clients/desktop/tests: timing, disk cap, backoff, Wayland) run here too."""
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-p", "no:cacheprovider", "tests"],
        cwd=DESKTOP,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert " passed" in out.stdout and "skipped" not in out.stdout, out.stdout
