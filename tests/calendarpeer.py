"""A real CalDAV server for the tests: Radicale (from PyPI) on loopback, with htpasswd users and a helper that
talks to it directly, as another calendar client would (to see what the sync wrote, and to add events)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import requests
from services import free_port

USER, PASSWORD = "eve", "calendar-pass"


@contextmanager
def radicale(tmp: Path):
    """Run Radicale on a free loopback port; yield its base URL."""
    (tmp / "users").write_text(f"{USER}:{PASSWORD}\n")
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(tmp / "collections"),
            "--auth-type",
            "htpasswd",
            "--auth-htpasswd-filename",
            str(tmp / "users"),
            "--auth-htpasswd-encryption",
            "plain",
            "--auth-delay",
            "0",
            "--rights-type",
            "owner_only",
            "--logging-level",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                requests.get(base + "/.web/", timeout=1)
                break
            except requests.ConnectionError:
                if proc.poll() is not None:
                    raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "radicale exited") from None
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


class Calendar:
    """One calendar collection on the server, reached as its owner."""

    def __init__(self, base: str):
        self.url = f"{base}/{USER}/{uuid.uuid4().hex[:8]}/"
        self.http = requests.Session()
        self.http.auth = (USER, PASSWORD)
        r = self.http.request("MKCALENDAR", self.url)
        assert r.status_code == 201, r.text

    def resources(self) -> dict[str, str]:
        """Return {resource name: iCalendar text} of every event in the calendar."""
        r = self.http.request("PROPFIND", self.url, headers={"Depth": "1"})
        assert r.status_code == 207, r.text
        names = [h.rsplit("/", 1)[-1] for h in re.findall(r"<href>([^<]+\.ics)</href>", r.text)]
        return {n: self.http.get(self.url + n).text for n in names}

    def put(self, name: str, uid: str, start: str, end: str, summary: str, tzid: str | None = None) -> None:
        """Add or replace an event as another client would (`start`/`end` like 20261130T100000Z)."""
        prop = f";TZID={tzid}" if tzid else ""
        text = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART{prop}:{start}\r\nDTEND{prop}:{end}\r\n"
            f"SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        r = self.http.put(self.url + name, data=text.encode(), headers={"Content-Type": "text/calendar"})
        assert r.status_code in (201, 204), r.text
