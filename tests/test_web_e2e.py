"""The web app end to end: real headless Chromium (playwright-core) against `make run`'s stack.

Screenshots of the main pages at desktop and phone widths land in build/e2e-screenshots/ (not committed).
The manager's day (e2e/manager.mjs, issue 14) adds its pages at 1440 and 390 px as mgr-*.png.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from localplatform import running_platform

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "clients" / "web"
SHOTS = ROOT / "build" / "e2e-screenshots"


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is missing: `make test` installs Debian's chromium package (apt-get install chromium)"
    return path


def test_web_app_end_to_end(stack, tmp_path):
    chromium = _chromium()
    node = shutil.which("node")
    assert node, "Node.js 20+ is needed for the web app"
    with running_platform(stack["services"], tmp_path, "web") as platform:
        # Keep reading the runner's log: a full, unread pipe blocks its request logging and so every request.
        assert (WEB / "dist" / "index.html").exists(), "make run did not build the web app"
        page = subprocess.run(["curl", "-s", platform["base"] + "/"], capture_output=True, text=True)
        assert '<div id="root">' in page.stdout
        out = subprocess.run(
            [node, "e2e/run.mjs", platform["base"], str(platform["outbox"]), str(SHOTS)],
            cwd=WEB,
            capture_output=True,
            text=True,
            timeout=540,
            env={
                "PATH": "/usr/bin:/bin",
                "CHROMIUM_PATH": chromium,
                "E2E_EXTRA": "chat,gallery,pages,manager,finance,integrations",
            },
        )
        print(out.stdout, out.stderr)
        assert out.returncode == 0, out.stdout + out.stderr
        assert "e2e: all steps passed" in out.stdout
    assert len(list(SHOTS.glob("*-phone.png"))) >= 5
    assert len(list(SHOTS.glob("mgr-*-390.png"))) >= 8 and len(list(SHOTS.glob("mgr-*-1440.png"))) >= 8
