"""A typed client for the WorkMonitor API: one method per call the command needs, errors as ApiError."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import requests


class ApiError(Exception):
    """A non-2xx answer: `status`, and the API's machine-readable `code` and `message`."""

    def __init__(self, status: int, code: str, message: str, fields: dict | None = None):
        super().__init__(f"{message} ({status} {code})")
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


class Client:
    """Calls /function/<name>/... on `url` with a bearer token (a personal API token or an access token)."""

    def __init__(self, url: str, token: str | None = None, timeout: float = 30):
        self.url, self.token, self.timeout = url.rstrip("/"), token, timeout
        self.session = requests.Session()

    def call(self, method: str, path: str, json: Any = None, params: dict | None = None, raw: bool = False) -> Any:
        """Return the parsed JSON answer of `method path` (the response itself when `raw`); raise ApiError."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            resp = self.session.request(
                method, f"{self.url}/function{path}", json=json, params=params, headers=headers, timeout=self.timeout
            )
        except requests.RequestException as exc:
            raise ApiError(0, "network", f"Cannot reach {self.url}: {type(exc).__name__}") from exc
        if resp.status_code >= 400:
            try:
                err = resp.json()["error"]
            except (ValueError, KeyError, TypeError):
                err = {"code": "http_error", "message": f"The server answered {resp.status_code}."}
            raise ApiError(resp.status_code, err.get("code", "error"), err.get("message", ""), err.get("fields"))
        if raw:
            return resp
        return resp.json() if resp.content else None

    # --- auth -----------------------------------------------------------------------------------------------------
    def login(self, email: str, password: str, code_for: Callable[[], str] | None = None) -> str:
        """Sign in (answering the emailed code through `code_for` when asked); return an access token."""
        out = self.call("POST", "/auth/login", {"email": email, "password": password})
        if out.get("otp_required"):
            if code_for is None:
                raise ApiError(401, "otp_required", "This account signs in with an emailed code.")
            out = self.call("POST", "/auth/otp/verify", {"challenge": out["challenge"], "code": code_for()})
        return out["access_token"]

    def create_token(self, name: str, scopes: list[str]) -> str:
        """Create a personal API token for the signed-in user; return it (shown once)."""
        return self.call("POST", "/reports/api-tokens", {"name": name, "scopes": scopes})["token"]

    # --- timer and entries ------------------------------------------------------------------------------------------
    def timer_status(self) -> dict | None:
        """Return the running entry, or None."""
        return self.call("GET", "/time/timer")["entry"]

    def timer_start(self, description: str | None = None, project_id: str | None = None) -> dict:
        """Start the timer (stopping a running one); return the new entry."""
        body = {k: v for k, v in {"description": description, "project_id": project_id}.items() if v}
        return self.call("POST", "/time/timer/start", {**body, "source": "api"})["entry"]

    def timer_stop(self) -> dict | None:
        """Stop the running timer; return the stopped entry (None when none ran)."""
        return self.call("POST", "/time/timer/stop")["entry"]

    def entries(self, first: str | None = None, last: str | None = None, limit: int = 50) -> dict:
        """Return one page of entries (newest first) with totals."""
        params = {k: v for k, v in {"from": first, "to": last, "limit": limit}.items() if v}
        return self.call("GET", "/time/entries", params=params)

    def add_entry(self, start: str, end: str, description: str | None = None, project_id: str | None = None) -> dict:
        """Create a finished entry; return it."""
        body = {"started_at": start, "ended_at": end, "description": description, "project_id": project_id}
        return self.call("POST", "/time/entries", {k: v for k, v in body.items() if v} | {"source": "api"})["entry"]

    # --- reports, exports, imports -----------------------------------------------------------------------------------
    def report(self, first: str, last: str, group_by: list[str] | None = None, **filters: Any) -> dict:
        """Return the report of local days first..last."""
        return self.call(
            "POST", "/reports/run", {"from": first, "to": last, "group_by": group_by or ["project"], **filters}
        )

    def export(self, spec: dict, fmt: str, progress: Callable[[int], None] | None = None, poll: float = 1.0) -> bytes:
        """Return the export file's bytes: answered directly when small, else waited for (job progress reported)."""
        resp = self.call("POST", "/reports/exports", {**spec, "format": fmt}, raw=True)
        if resp.status_code == 200:
            return resp.content
        job = resp.json()["export"]
        while job["status"] not in ("done", "failed"):
            if progress:
                progress(job["progress"])
            time.sleep(poll)
            job = self.call("GET", f"/reports/exports/{job['id']}")["export"]
        if job["status"] == "failed":
            raise ApiError(500, "export_failed", job.get("error") or "The export failed.")
        if progress:
            progress(100)
        got = self.session.get(job["url"], timeout=self.timeout)
        got.raise_for_status()
        return got.content

    def import_preview(self, fmt: str, text: str, mapping: dict | None = None) -> dict:
        """Return what importing CSV `text` would do (mapping, first rows, people matched, problems)."""
        return self.call("POST", "/reports/imports/preview", {"format": fmt, "csv": text, "mapping": mapping or {}})

    def import_csv(
        self,
        fmt: str,
        text: str,
        filename: str | None = None,
        progress: Callable[[int], None] | None = None,
        poll: float = 1.0,
    ) -> dict:
        """Import CSV `text` and wait for the job; return the finished import (created, duplicates, skipped)."""
        body = {"format": fmt, "csv": text, "filename": filename}
        job = self.call("POST", "/reports/imports", {k: v for k, v in body.items() if v})["import"]
        while job["status"] not in ("done", "failed"):
            if progress:
                progress(job["progress"])
            time.sleep(poll)
            job = self.call("GET", f"/reports/imports/{job['id']}")["import"]
        if progress:
            progress(100)
        return job
