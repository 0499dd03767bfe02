"""Visual review of the web app in real headless Chromium (clients/web/e2e/review.mjs) against `make run`'s stack.

Every page and tab as an admin, a manager and an employee at 1440 and 390 px: screenshots land in
build/review-screenshots/ (not committed) for a person to look at; the test asserts what a machine can: no page
scrolls sideways at 390 px (nothing sticks out except inside its own scroll container), no error banner, a one-row
phone top bar whose menu opens.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from localplatform import running_platform

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "clients" / "web"
SHOTS = ROOT / "build" / "review-screenshots"


def test_every_page_as_every_role_fits_a_phone(stack, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    node = shutil.which("node")
    assert chromium and node, "Chromium and Node.js 20+ are needed (make test installs them)"
    shutil.rmtree(SHOTS, ignore_errors=True)
    with running_platform(stack["services"], tmp_path, "review") as platform:
        out = subprocess.run(
            [node, "e2e/review.mjs", platform["base"], str(platform["outbox"]), str(SHOTS)],
            cwd=WEB,
            capture_output=True,
            text=True,
            timeout=240,
            env={"PATH": "/usr/bin:/bin", "CHROMIUM_PATH": chromium},
        )
    print(out.stdout, out.stderr)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "review: all pages fit" in out.stdout
    for role in ("admin", "manager", "employee"):
        wide = {p.name[: -len("-1440.png")] for p in SHOTS.glob(f"{role}-*-1440.png")}
        phone = {p.name[: -len("-390.png")] for p in SHOTS.glob(f"{role}-*-390.png")}
        assert len(wide) >= 10 and wide <= phone, (role, sorted(wide), sorted(phone))
    # The admin alone has the audit log; an employee never sees it.
    assert (SHOTS / "admin-audit-1440.png").exists() and not (SHOTS / "employee-audit-1440.png").exists()
