"""Browser extension (clients/extension): its unit tests, web-ext lint, and a real Chromium end-to-end run.

The e2e run (clients/extension/e2e/run.mjs) loads the unpacked extension into Debian's Chromium (headless new
mode), signs in through the popup against `make run`'s runner, browses test pages on two hosts, goes idle, loses
the server, has its service worker stopped, and signs in as someone without consent; this test then reads what
arrived in the database.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
import requests
from localplatform import wait_mail

ROOT = Path(__file__).resolve().parents[1]
EXT = ROOT / "clients" / "extension"
SHOTS = ROOT / "build" / "extension-screenshots"
PASSWORD = "extension-pass-123"


def _node() -> str:
    node = shutil.which("node")
    assert node, "Node.js 20.15+ is needed for the browser extension"
    return node


def test_extension_unit_tests_and_firefox_lint():
    node = _node()
    out = subprocess.run([node, "--test", "test/"], cwd=EXT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "# fail 0" in out.stdout, out.stdout + out.stderr
    subprocess.run([node, "scripts/build.mjs"], cwd=EXT, check=True, capture_output=True, timeout=60)
    for target in ("chrome", "firefox"):
        assert (EXT / "build" / f"workmonitor-{target}.zip").stat().st_size > 10_000
    manifest = json.loads((EXT / "build" / "firefox" / "manifest.json").read_text())
    assert manifest["background"] == {"scripts": ["background.js"], "type": "module"}
    assert manifest["browser_specific_settings"]["gecko"]["id"]
    assert json.loads((EXT / "build" / "chrome" / "manifest.json").read_text())["background"]["service_worker"]
    web_ext = EXT / "node_modules" / ".bin" / "web-ext"
    assert web_ext.exists(), "run `make extension-deps` (npm ci in clients/extension) for web-ext"
    lint = subprocess.run(
        [str(web_ext), "lint", "--source-dir", "build/firefox", "--self-hosted", "--output", "json"],
        cwd=EXT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    summary = json.loads(lint.stdout)["summary"]
    assert summary == {"errors": 0, "notices": 0, "warnings": 0}, lint.stdout


def _call(base: str, path: str, token: str | None = None, body: dict | None = None, status: int = 200) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    r = requests.post(f"{base}/function/{path}", json=body or {}, headers=headers, timeout=10)
    assert r.status_code == status, r.text
    return r.json()


def _invite(platform: dict, admin: str, name: str) -> dict:
    """Invite `name` as the admin and accept by the emailed link; return email, id and access token."""
    mail = f"{name.lower()}-{uuid.uuid4().hex[:6]}@ext.example.com"
    _call(platform["base"], "team/invitations", admin, {"email": mail}, 201)
    token = re.search(r"token=([\w-]+)", wait_mail(platform["outbox"], mail).get_content()).group(1)
    body = {"token": token, "name": name, "password": PASSWORD}
    user = _call(platform["base"], "auth/invitations/accept", body=body, status=201)
    return {"email": mail, "id": user["user"]["id"], "token": user["access_token"]}


@pytest.fixture()
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is missing: `make test` installs Debian's chromium package (apt-get install chromium)"
    return path


def test_extension_in_chromium_records_two_sites_idle_offline_and_restart_exactly_once(
    stack, shared_platform, tmp_path, chromium
):
    node = _node()
    platform = shared_platform  # the session's runner (tests/conftest.py); this test signs up its own company
    base = platform["base"]
    admin = _call(
        base,
        "auth/signup",
        body={
            "company_name": "Ext Co",
            "name": "Ada",
            "email": f"ada-{uuid.uuid4().hex[:6]}@ext.example.com",
            "password": PASSWORD,
        },
        status=201,
    )["access_token"]
    emp = _invite(platform, admin, "Eve")
    other = _invite(platform, admin, "Olga")
    agreement = _call(base, f"team/users/{emp['id']}/agreements", admin, {"activity": True}, 201)["agreement"]
    _call(base, f"team/agreements/{agreement['id']}/accept", emp["token"])
    project = _call(base, "projects/projects", admin, {"name": "Browser work", "member_ids": [emp["id"]]}, 201)
    pairing = _call(base, "auth/pairing-codes", other["token"], status=201)["code"]  # what the web app shows
    config = tmp_path / "e2e.json"
    config.write_text(
        json.dumps(
            {
                "port": platform["port"],
                "email": emp["email"],
                "noConsentEmail": other["email"],
                "pairingCode": pairing,
                "password": PASSWORD,
                "project": project["project"]["name"],
                "chromium": chromium,
                "shots": str(SHOTS),
                "playwright": str(ROOT / "clients" / "web" / "package.json"),
            }
        )
    )
    out = subprocess.run([node, "e2e/run.mjs", str(config)], cwd=EXT, capture_output=True, text=True, timeout=300)
    print(out.stdout, out.stderr)
    assert out.returncode == 0, out.stdout + out.stderr
    result = json.loads(re.search(r"^e2e-result (.*)$", out.stdout, re.M).group(1))
    # The runner's own database, read as its owner: inspection only.
    owner = psycopg.conninfo.make_conninfo(stack["services"].pg_owner_url, dbname=platform["dbname"])
    with psycopg.connect(owner, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT user_id::text, device_id, seq, domain, duration, idle, active_seconds, source, url"
            " FROM activity_samples WHERE user_id IN (%s, %s) ORDER BY seq",
            (emp["id"], other["id"]),
        ).fetchall()
    mine = [r for r in rows if r[0] == emp["id"]]
    assert not [r for r in rows if r[0] == other["id"]], "nothing is sent for a person without consent"
    assert result["noConsentStatus"] == "Not allowed" and result["noConsentSent"] == 0  # signed in by pairing code
    assert result["noConsentQueued"] == 0
    # Nothing twice, nothing lost: one row per sequence number the extension handed out, all from one device.
    assert [r[2] for r in mine] == list(range(1, result["seq"] + 1)), [r[2] for r in mine]
    assert result["sent"] == len(mine) and result["summarized"] == 0 and result["dropped"] == 0
    assert result["restarted"] >= 1, "the service worker was stopped and started again while samples were queued"
    assert {r[1] for r in mine} == {result["deviceId"]} and {r[7] for r in mine} == {"browser"}
    assert all(r[8] is None for r in mine), "domain only by default"
    m, sample = result["marks"], result["sample"]
    expected = {
        ("127.0.0.1", False): (m["b"] - m["a"]) + (m["pause"] - m["c"]) + (m["stop"] - m["resume"]),
        ("localhost", False): (m["idle"] - m["b"]) + (m["c"] - m["back"]),
        ("localhost", True): m["back"] - m["idle"],
    }
    got: dict = {}
    for r in mine:
        got[(r[3], r[5])] = got.get((r[3], r[5]), 0) + r[4]
    print("expected", expected, "got", got)
    assert set(got) == set(expected), got
    # Per site, the time recorded equals the time measured (± one sample). Idle time starts at the last input, which
    # comes a moment before the page declares idle, so the idle share is at least the declared stretch and the split
    # between active and idle on that site may shift by that moment.
    for host in ("127.0.0.1", "localhost"):
        measured = sum(v for k, v in expected.items() if k[0] == host)
        recorded = sum(v for k, v in got.items() if k[0] == host)
        assert abs(recorded - measured) <= sample + 2, (host, recorded, measured)
    assert got[("localhost", True)] >= expected[("localhost", True)] - (sample + 2), got
    assert got[("localhost", True)] <= expected[("localhost", True)] + (m["idle"] - m["b"]) + sample + 2, got
    assert sum(r[6] for r in mine if not r[5]) > 0, "seconds with input are counted"
    assert all(r[6] == 0 for r in mine if r[5])
    shots = sorted(p.name for p in SHOTS.glob("popup-*.png"))
    assert shots == sorted(
        f"popup-{s}.png"
        for s in ("signed-out", "timer-stopped", "offline", "paused", "tracking", "not-allowed", "pairing-code")
    )
