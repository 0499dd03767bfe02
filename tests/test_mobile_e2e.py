"""The mobile app's web build (`expo export --platform web`) driven in real Chromium against `make run`'s stack.

The app is served from its own origin (a static server), pointed at the platform as a self-hosted server URL
(CORS_ORIGINS allows that origin), with geolocation emulated: sign in, clock in inside a geofence, take a break,
clock out; a clock-in outside is refused under policy "require" and flagged under "flag"; offline, the timer is
started and stopped, and back online the entry is on the server exactly once. Phone-size screenshots land in
build/mobile-screenshots/.
"""

from __future__ import annotations

import email
import email.policy
import functools
import hashlib
import http.server
import json
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

import requests
import services
from localplatform import running_platform
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
MOBILE = ROOT / "clients" / "mobile"
SHOTS = ROOT / "build" / "mobile-screenshots"
PASSWORD = "correct horse battery"


def _export() -> Path:
    """Build the web export when missing or stale (a hash of the sources, like the web app's build)."""
    files = sorted(p for p in (MOBILE / "src").rglob("*") if p.is_file())
    files += [MOBILE / n for n in ("index.ts", "app.json", "package-lock.json", "babel.config.js")]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()
    dist, stamp = MOBILE / "dist", MOBILE / "dist" / ".source-hash"
    if not (stamp.exists() and stamp.read_text() == digest):
        out = subprocess.run(
            ["npx", "expo", "export", "--platform", "web", "--output-dir", "dist"],
            cwd=MOBILE,
            capture_output=True,
            text=True,
            timeout=600,
            env={"PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(Path.home()), "CI": "1", "EXPO_NO_TELEMETRY": "1"},
        )
        assert out.returncode == 0, out.stdout + out.stderr
        stamp.write_text(digest)
    return dist


def _serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    port = services.free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}"


def _mail_token(outbox: Path, to: str) -> str:
    deadline = time.time() + 30
    while time.time() < deadline:
        for path in sorted(outbox.glob("*.eml"), reverse=True):
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if msg["To"] == to:
                return re.search(r"token=([\w-]+)", msg.get_content()).group(1)
        time.sleep(0.3)
    raise AssertionError(f"no invitation mail to {to}")


def _company(base: str, outbox: Path) -> dict:
    """Admin, one employee with GPS consent, an office geofence (policy require), a project."""
    s = requests.Session()
    r = s.post(
        f"{base}/function/auth/signup",
        json={
            "company_name": "Field Co",
            "name": "Ada Admin",
            "email": "ada@field.test",
            "password": PASSWORD,
            "timezone": "Europe/Berlin",
        },
    )
    assert r.status_code == 201, r.text
    admin = {"Authorization": f"Bearer {r.json()['access_token']}"}
    r = s.post(f"{base}/function/team/invitations", json={"email": "eve@field.test", "role": "employee"}, headers=admin)
    assert r.status_code == 201, r.text
    token = _mail_token(outbox, "eve@field.test")
    r = s.post(
        f"{base}/function/auth/invitations/accept", json={"token": token, "name": "Eve Field", "password": PASSWORD}
    )
    assert r.status_code == 201, r.text
    eve = {"Authorization": f"Bearer {r.json()['access_token']}"}
    eve_id = r.json()["user"]["id"]
    r = s.post(
        f"{base}/function/team/users/{eve_id}/agreements",
        json={"gps": True, "activity": False, "screenshots": False},
        headers=admin,
    )
    assert r.status_code == 201, r.text
    r = s.post(f"{base}/function/team/agreements/{r.json()['agreement']['id']}/accept", headers=eve)
    assert r.status_code == 200, r.text
    r = s.post(
        f"{base}/function/attendance/geofences",
        json={
            "name": "Office",
            "kind": "circle",
            "center_lat": 52.52,
            "center_lng": 13.405,
            "radius_m": 150,
            "active": True,
        },
        headers=admin,
    )
    assert r.status_code == 201, r.text
    r = s.patch(f"{base}/function/attendance/settings", json={"geofence_policy": "require"}, headers=admin)
    assert r.status_code == 200, r.text
    r = s.post(f"{base}/function/projects/projects", json={"name": "Site work", "member_ids": [eve_id]}, headers=admin)
    assert r.status_code == 201, r.text
    r = s.post(f"{base}/function/finance/expense-categories", json={"name": "Travel"}, headers=admin)
    assert r.status_code == 201, r.text
    return {"admin": admin, "eve": eve, "eve_id": eve_id}


def test_mobile_web_build_in_chromium(stack, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Chromium is missing: `make test` installs Debian's chromium package"
    assert (MOBILE / "node_modules").is_dir(), "clients/mobile/node_modules is missing: `make test` runs npm ci there"
    dist = _export()
    static, origin = _serve(dist)
    try:
        with running_platform(stack["services"], tmp_path, "mobile", extra_env={"CORS_ORIGINS": origin}) as platform:
            base = platform["base"]
            who = _company(base, platform["outbox"])
            SHOTS.mkdir(parents=True, exist_ok=True)
            receipt = tmp_path / "receipt.png"
            img = Image.new("RGB", (600, 900), "white")
            ImageDraw.Draw(img).text((40, 40), "Taxi 12.50 EUR", fill="black")
            img.save(receipt)
            args = {
                "app": origin,
                "server": base,
                "admin": who["admin"]["Authorization"],
                "email": "eve@field.test",
                "password": PASSWORD,
                "shots": str(SHOTS),
                "receipt": str(receipt),
            }
            out = subprocess.run(
                ["node", "e2e/run.mjs", json.dumps(args)],
                cwd=MOBILE,
                capture_output=True,
                text=True,
                timeout=300,
                env={"PATH": "/usr/bin:/bin:/usr/local/bin", "CHROMIUM_PATH": chromium},
            )
            print(out.stdout, out.stderr)
            assert out.returncode == 0, out.stdout + out.stderr
            assert "mobile e2e: all steps passed" in out.stdout

            # what the server holds, read as the admin: one attendance record flagged outside, one clean inside with
            # a break, and exactly one mobile time entry from the offline timer (the replay was not doubled)
            records = requests.get(
                f"{base}/function/attendance/records?user_id={who['eve_id']}&limit=50", headers=who["admin"]
            ).json()["items"]
            assert len(records) == 2, records
            inside = [r for r in records if not r["flags"]]
            flagged = [r for r in records if "outside_geofence" in r["flags"]]
            assert len(inside) == 1 and len(flagged) == 1, records
            assert inside[0]["geofence_id"] and inside[0]["clock_out_at"] and len(inside[0]["breaks"]) == 1
            assert abs(inside[0]["clock_in_lat"] - 52.5201) < 1e-6
            entries = requests.get(
                f"{base}/function/time/entries?user_id={who['eve_id']}&limit=50", headers=who["admin"]
            ).json()["items"]
            assert [e["source"] for e in entries] == ["mobile"], entries
            assert entries[0]["duration_seconds"] >= 2 and entries[0]["description"] == "offline visit"
            expenses = requests.get(f"{base}/function/finance/expenses?limit=50", headers=who["admin"]).json()["items"]
            assert [(x["amount_minor"], x["category"], x["has_receipt"], x["status"]) for x in expenses] == [
                (1250, "Travel", True, "submitted")
            ], expenses
    finally:
        static.shutdown()
    assert len(list(SHOTS.glob("*.png"))) >= 6
