"""A typed client for the WorkMonitor API over `requests`.

Two ways to authenticate, as the web app and integrations do:
- a session (email + password): a short-lived Bearer access token and a rotating refresh token. On a 401 the client
  refreshes once (POST /function/auth/refresh; the answer carries a NEW refresh token, the old one is spent) and
  retries the request; `on_tokens` is told about every new pair so it can be stored before anything else happens.
- a personal API token (created under Reports → API tokens): sent as the Bearer token, never refreshed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any, Literal, TypedDict, cast

import requests

TIMEOUT = (5, 60)
ExportFormat = Literal["csv", "xlsx", "pdf"]


class WorkMonitorError(Exception):
    """Base of every error the SDK raises."""


class NetworkError(WorkMonitorError):
    """The server could not be reached, or answered 5xx."""


class ApiError(WorkMonitorError):
    """The server refused the request (4xx): `status`, machine-readable `code`, `message`, `fields`."""

    def __init__(self, status: int, code: str, message: str, fields: dict[str, Any] | None = None):
        super().__init__(f"{message or code} ({status} {code})")
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


class AuthError(ApiError):
    """Not signed in, a wrong password, an expired or revoked token (401), or not allowed (403)."""


# --- wire shapes (the fields the SDK reads; the server sends more) ----------------------------------------------


class Entry(TypedDict, total=False):
    id: str
    user_id: str
    project_id: str | None
    project_name: str | None
    task_id: str | None
    description: str | None
    started_at: str
    ended_at: str | None
    duration_seconds: int
    billable: bool
    source: str


class Project(TypedDict, total=False):
    id: str
    name: str
    client_id: str | None


class Export(TypedDict):
    id: str
    format: str
    status: Literal["queued", "running", "done", "failed"]
    progress: int
    row_count: int | None
    error: str | None
    created_at: str
    finished_at: str | None
    url: str | None


@dataclasses.dataclass
class Credentials:
    """What the client needs to talk to one server as one user (stored by the CLI in a 0600 file)."""

    server: str
    access_token: str | None = None
    refresh_token: str | None = None
    api_token: str | None = None
    email: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Credentials:
        fields = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in fields})


def _raise_for(resp: requests.Response) -> None:
    if resp.status_code < 400:
        return
    if resp.status_code >= 500:
        raise NetworkError(f"the server answered {resp.status_code} ({resp.reason or 'server error'})")
    try:
        err = resp.json()["error"]
    except (ValueError, KeyError, TypeError):
        err = {"code": "http_error", "message": resp.text[:200]}
    cls = AuthError if resp.status_code in (401, 403) else ApiError
    raise cls(resp.status_code, err.get("code") or "error", err.get("message") or "", err.get("fields"))


def _iso(value: dt.date | dt.datetime | str) -> str:
    return value if isinstance(value, str) else value.isoformat()


class Client:
    """One user on one WorkMonitor server. Every method returns the server's JSON (typed dicts) or raises
    `AuthError` (401/403), `ApiError` (other 4xx) or `NetworkError` (unreachable, 5xx)."""

    def __init__(
        self,
        credentials: Credentials,
        on_tokens: Callable[[Credentials], None] | None = None,
        session: requests.Session | None = None,
        shared: tuple[Callable[[], AbstractContextManager[object]], Callable[[], Credentials]] | None = None,
    ):
        """`on_tokens` stores each new token pair. `shared` = (lock, reload) when several processes share stored
        credentials: a refresh runs under the lock and first reloads them, since a refresh token used twice makes
        the server sign the whole session out."""
        self.credentials = credentials
        self.on_tokens = on_tokens
        self.shared = shared
        self.http = session or requests.Session()
        self.http.headers["User-Agent"] = "workmonitor-sdk/0.1.0"

    @property
    def base(self) -> str:
        base = self.credentials.server.rstrip("/")
        return base if base.endswith("/function") else base + "/function"

    # --- transport ------------------------------------------------------------------------------------------

    def _send(self, method: str, path: str, token: str | None = None, **kw: Any) -> requests.Response:
        headers = dict(kw.pop("headers", None) or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            return self.http.request(method, self.base + path, headers=headers, timeout=TIMEOUT, **kw)
        except requests.RequestException as exc:
            raise NetworkError(f"cannot reach {self.credentials.server}: {type(exc).__name__}") from exc

    def _token(self) -> str | None:
        return self.credentials.api_token or self.credentials.access_token

    def request(self, method: str, path: str, **kw: Any) -> requests.Response:
        """Send an authenticated request; on a 401 with a session, refresh the tokens once and retry."""
        resp = self._send(method, path, self._token(), **kw)
        if resp.status_code == 401 and not self.credentials.api_token and self.credentials.refresh_token:
            self.refresh()
            resp = self._send(method, path, self._token(), **kw)
        _raise_for(resp)
        return resp

    def call(self, method: str, path: str, **kw: Any) -> Any:
        """Send an authenticated request and return its JSON body ({} when empty)."""
        resp = self.request(method, path, **kw)
        return resp.json() if resp.content else {}

    # --- session --------------------------------------------------------------------------------------------

    @classmethod
    def login(
        cls, server: str, email: str, password: str, on_tokens: Callable[[Credentials], None] | None = None
    ) -> Client:
        """Sign in with email and password; return a client holding the session's tokens."""
        client = cls(Credentials(server=server, email=email), on_tokens)
        resp = client._send(
            "POST",
            "/auth/login",
            json={"email": email, "password": password, "device_name": "workmonitor CLI"},
        )
        _raise_for(resp)
        answer = resp.json()
        if answer.get("otp_required"):
            raise AuthError(401, "otp_required", "This account asks for a second factor; use a personal API token.")
        client._remember(answer)
        return client

    @classmethod
    def with_api_token(cls, server: str, token: str) -> Client:
        """Return a client that sends a personal API token (no refresh)."""
        return cls(Credentials(server=server, api_token=token))

    def _remember(self, answer: dict[str, Any]) -> None:
        self.credentials.access_token = answer["access_token"]
        self.credentials.refresh_token = answer["refresh_token"]
        if self.on_tokens:
            self.on_tokens(self.credentials)

    def refresh(self) -> None:
        """Rotate the refresh token: store the new pair (the old refresh token is spent)."""
        if not self.shared:
            return self._rotate()
        lock, reload = self.shared
        with lock():
            stored = reload()
            if stored.refresh_token and stored.refresh_token != self.credentials.refresh_token:
                self.credentials = stored  # another process rotated meanwhile: use its pair
                return None
            return self._rotate()

    def _rotate(self) -> None:
        resp = self._send("POST", "/auth/refresh", json={"refresh_token": self.credentials.refresh_token})
        if resp.status_code in (400, 401):
            self.credentials.access_token = self.credentials.refresh_token = None
            if self.on_tokens:
                self.on_tokens(self.credentials)
        _raise_for(resp)
        self._remember(resp.json())

    def logout(self) -> None:
        """End the session on the server (an API token stays valid: revoke it in the web app)."""
        if self.credentials.refresh_token and not self.credentials.api_token:
            self.call("POST", "/auth/logout", json={"refresh_token": self.credentials.refresh_token})

    # --- timer ----------------------------------------------------------------------------------------------

    def timer(self) -> Entry | None:
        """Return the caller's running timer entry, or None."""
        return cast("Entry | None", self.call("GET", "/time/timer")["entry"])

    def start_timer(self, project_id: str | None = None, description: str | None = None) -> Entry:
        """Start a timer (stopping a running one); return the new running entry."""
        body: dict[str, Any] = {"source": "api"}
        if project_id:
            body["project_id"] = project_id
        if description:
            body["description"] = description
        return cast(Entry, self.call("POST", "/time/timer/start", json=body)["entry"])

    def stop_timer(self) -> Entry:
        """Stop the running timer; return the finished entry (404 `no_timer` when none runs)."""
        return cast(Entry, self.call("POST", "/time/timer/stop", json={})["entry"])

    # --- entries --------------------------------------------------------------------------------------------

    def entries(
        self, first: dt.date | str | None = None, last: dt.date | str | None = None, page_size: int = 200
    ) -> Iterator[Entry]:
        """Yield the caller's entries from..to (local days, both optional), newest first, across pages."""
        params: dict[str, Any] = {"limit": page_size, "offset": 0}
        if first:
            params["from"] = _iso(first)
        if last:
            params["to"] = _iso(last)
        while True:
            page = self.call("GET", "/time/entries", params=params)
            yield from page["items"]
            if not page.get("has_more"):
                return
            params["offset"] = page["next_offset"]

    def add_entry(
        self,
        started_at: dt.datetime | str,
        ended_at: dt.datetime | str,
        project_id: str | None = None,
        description: str | None = None,
        idempotency_key: str | None = None,
    ) -> tuple[Entry, bool]:
        """Create a manual entry; return (entry, replayed). The same `idempotency_key` creates it only once."""
        body: dict[str, Any] = {"started_at": _iso(started_at), "ended_at": _iso(ended_at), "source": "api"}
        if project_id:
            body["project_id"] = project_id
        if description:
            body["description"] = description
        key = idempotency_key or str(uuid.uuid4())
        resp = self.request("POST", "/time/entries", json=body, headers={"Idempotency-Key": key})
        return cast(Entry, resp.json()["entry"]), resp.headers.get("Idempotency-Replayed") == "true"

    # --- projects -------------------------------------------------------------------------------------------

    def projects(self, query: str = "") -> list[Project]:
        """Return the visible projects whose name matches `query` (all when empty; first 200)."""
        return cast("list[Project]", self.call("GET", "/projects/projects", params={"q": query, "limit": 200})["items"])

    def find_project(self, name_or_id: str) -> Project:
        """Return the project with this id, or with exactly this name (case-insensitive); ApiError when none or
        several match."""
        try:
            return cast(Project, self.call("GET", f"/projects/projects/{uuid.UUID(name_or_id)}")["project"])
        except ValueError:
            pass
        wanted = name_or_id.strip().casefold()
        found = [p for p in self.projects(name_or_id.strip()) if p["name"].casefold() == wanted]
        if len(found) != 1:
            problem = "No project is" if not found else "Several projects are"
            raise ApiError(404 if not found else 409, "project_not_found", f"{problem} named {name_or_id!r}.")
        return found[0]

    # --- exports --------------------------------------------------------------------------------------------

    def export(
        self,
        first: dt.date | str,
        last: dt.date | str,
        fmt: ExportFormat = "csv",
        background: bool = False,
        progress: Callable[[Export], None] | None = None,
        poll_seconds: float = 0.5,
        timeout: float = 1800,
    ) -> bytes:
        """Export the time report of local days first..last; return the file's bytes. A small export is answered
        directly; a large one (or `background`) runs as a job, polled (each state handed to `progress`) until done,
        then downloaded from its short-lived link."""
        spec = {"source": "time", "from": _iso(first), "to": _iso(last), "format": fmt, "background": background}
        resp = self.request("POST", "/reports/exports", json=spec)
        if resp.status_code == 200:
            return resp.content
        job: Export = resp.json()["export"]
        deadline = time.monotonic() + timeout
        while True:
            if progress:
                progress(job)
            if job["status"] == "done":
                break
            if job["status"] == "failed":
                raise ApiError(422, "export_failed", job.get("error") or "The export failed.")
            if time.monotonic() > deadline:
                raise NetworkError("the export did not finish in time")
            time.sleep(poll_seconds)
            job = self.call("GET", f"/reports/exports/{job['id']}")["export"]
        try:
            file = self.http.get(job["url"] or "", timeout=TIMEOUT)  # presigned: no Authorization header
        except requests.RequestException as exc:
            raise NetworkError(f"cannot download the export: {type(exc).__name__}") from exc
        _raise_for(file)
        return file.content

    # --- imports --------------------------------------------------------------------------------------------

    def import_preview(self, fmt: str, text: str) -> dict[str, Any]:
        """What importing the CSV `text` (a Toggl, Clockify, Kimai or Harvest export) would do: the detected column
        mapping, the first rows, the people matched by email or name, and the problems found."""
        return dict(self.call("POST", "/reports/imports/preview", json={"format": fmt, "csv": text}))

    def import_csv(
        self,
        fmt: str,
        text: str,
        filename: str | None = None,
        progress: Callable[[Export], None] | None = None,
        poll_seconds: float = 0.5,
        timeout: float = 1800,
    ) -> dict[str, Any]:
        """Import the CSV `text` as a server job and wait for it; return the finished import (created, duplicates,
        skipped). Importing the same file again creates nothing twice."""
        body = {"format": fmt, "csv": text, **({"filename": filename} if filename else {})}
        job: dict[str, Any] = self.call("POST", "/reports/imports", json=body)["import"]
        deadline = time.monotonic() + timeout
        while True:
            if progress:
                progress(job)  # type: ignore[arg-type]  # an import job has the same status/progress fields
            if job["status"] in ("done", "failed"):
                return job
            if time.monotonic() > deadline:
                raise NetworkError("the import did not finish in time")
            time.sleep(poll_seconds)
            job = self.call("GET", f"/reports/imports/{job['id']}")["import"]
