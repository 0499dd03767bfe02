"""The server API as the agent uses it: login, token refresh (rotating, shared between processes), consent, timer."""

from __future__ import annotations

import sqlite3
import time
import uuid
from contextlib import contextmanager
from urllib.parse import urlsplit

import requests

from . import __version__
from .config import TokenStore
from .store import Store

TIMEOUT = (5, 30)


class ApiError(Exception):
    """The server answered with an error: `status`, machine-readable `code`, `fields`."""

    def __init__(self, status: int, code: str, message: str, fields: dict | None = None):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


class Offline(Exception):
    """The server could not be reached (connection refused, timeout, DNS, 5xx from a proxy)."""


class LoggedOut(Exception):
    """No usable refresh token: the user has to run `workmonitor-agent login` again."""


def _why_offline(exc: requests.RequestException) -> str:
    """Return a one-line reason for a failed request (requests' own text is a nested exception repr)."""
    url = urlsplit(exc.request.url if exc.request is not None and exc.request.url else "")
    where = url.netloc or "the server"
    if isinstance(exc, requests.Timeout):
        return f"{where} did not answer in time"
    if isinstance(exc, requests.exceptions.SSLError):
        return f"the TLS certificate of {where} was not accepted"
    if isinstance(exc, requests.ConnectionError):
        text = str(exc)
        if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
            return f"cannot find {url.hostname or where} (DNS)"
        return f"cannot connect to {where} (connection refused or network down)"
    return f"request to {where} failed ({type(exc).__name__})"


def explain(exc: BaseException) -> str:
    """Return what a failure means for the user, in one readable line (never a traceback or exception repr)."""
    if isinstance(exc, Offline):
        return f"server unreachable: {exc}"
    if isinstance(exc, LoggedOut):
        return "signed out — run `workmonitor-agent login`"
    if isinstance(exc, ApiError):
        return f"the server refused: {exc.message or exc.code} ({exc.status})"
    return f"internal error ({type(exc).__name__}); details in agent.log"


def _raise_for(resp: requests.Response) -> None:
    if resp.status_code < 400:
        return
    if resp.status_code >= 500 and resp.status_code != 501:
        raise Offline(f"the server answered {resp.status_code} (temporarily unavailable)")
    try:
        err = resp.json()["error"]
    except (ValueError, KeyError, TypeError):
        err = {"code": "http_error", "message": resp.text[:200]}
    raise ApiError(resp.status_code, err.get("code", "error"), err.get("message", ""), err.get("fields"))


class Client:
    """Talks to one WorkMonitor server as one user; the access token is cached in the queue DB for all processes."""

    def __init__(self, server: str, tokens: TokenStore | None, store: Store | None):
        self.base = server.rstrip("/")
        if not self.base.endswith("/function"):
            self.base += "/function"
        self.tokens, self.store = tokens, store
        self.http = requests.Session()
        self.http.headers["User-Agent"] = f"workmonitor-agent/{__version__}"

    def _send(self, method: str, path: str, token: str | None = None, **kw) -> requests.Response:
        headers = dict(kw.pop("headers", None) or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            return self.http.request(method, self.base + path, headers=headers, timeout=TIMEOUT, **kw)
        except requests.RequestException as exc:
            raise Offline(_why_offline(exc)) from exc

    def public(self, method: str, path: str, **kw) -> dict:
        """Call an unauthenticated endpoint; return its JSON; raise ApiError or Offline."""
        resp = self._send(method, path, **kw)
        _raise_for(resp)
        return resp.json() if resp.content else {}

    # --- session -------------------------------------------------------------------------------------------

    def login(self, email: str, password: str) -> dict:
        """Return the login answer: tokens, or {"otp_required", "challenge"} when the account uses email OTP."""
        return self.public("POST", "/auth/login", json={"email": email, "password": password})

    def verify_otp(self, challenge: str, code: str) -> dict:
        """Return the tokens for a login OTP challenge."""
        return self.public("POST", "/auth/otp/verify", json={"challenge": challenge, "code": code})

    def remember(self, answer: dict) -> None:
        """Store the tokens of a login or refresh answer."""
        self.tokens.save(answer["refresh_token"])
        ttl = float(answer.get("expires_in") or 600)
        self.store.put("access", {"token": answer["access_token"], "expires": time.time() + ttl - min(30, ttl / 4)})

    def _access(self, force: bool = False) -> str:
        cached = self.store.get("access")
        if cached and not force and cached["expires"] > time.time():
            return cached["token"]
        with self._refresh_lock():
            fresh = self.store.get("access")
            if fresh and fresh != cached and fresh["expires"] > time.time():
                return fresh["token"]
            refresh = self.tokens.load()
            if not refresh:
                raise LoggedOut("not logged in")
            try:
                answer = self.public("POST", "/auth/refresh", json={"refresh_token": refresh})
            except ApiError as exc:
                if exc.status in (400, 401):
                    self.store.put("access", None)
                    raise LoggedOut(exc.message) from exc
                raise
            self.remember(answer)
            return answer["access_token"]

    @contextmanager
    def _refresh_lock(self):
        """Serialise refreshes across the daemon, tray and CLI processes: a rotated refresh token used twice makes
        the server revoke the whole session. A lock file of its own, so the queue never waits on the network."""
        lock = sqlite3.connect(self.store.path.with_name("refresh.lock"), timeout=60, isolation_level=None)
        try:
            lock.execute("BEGIN EXCLUSIVE")
            yield
        finally:
            lock.close()  # ends the transaction, releasing the lock

    def call(self, method: str, path: str, **kw) -> dict:
        """Call an authenticated endpoint (refreshing the access token once on 401); return its JSON."""
        resp = self._send(method, path, token=self._access(), **kw)
        if resp.status_code == 401:
            resp = self._send(method, path, token=self._access(force=True), **kw)
        _raise_for(resp)
        return resp.json() if resp.content else {}

    def logout(self) -> None:
        """Revoke the session on the server (best effort) and forget the tokens."""
        try:
            self.call("POST", "/auth/logout", json={})
        except (ApiError, Offline, LoggedOut):
            pass
        self.tokens.clear()
        self.store.put("access", None)

    # --- what the agent needs ------------------------------------------------------------------------------

    def me(self) -> dict:
        """Return {"user", "company", "agreement"}."""
        return self.call("GET", "/auth/me")

    def media_settings(self) -> dict:
        """Return the company's media settings (blur_screenshots, size limits)."""
        return self.call("GET", "/media/settings")["settings"]

    def timer(self) -> dict | None:
        """Return the running time entry or None."""
        return self.call("GET", "/time/timer")["entry"]

    def start_timer(self, project_id: str | None = None, description: str | None = None) -> dict:
        """Start the timer (stopping any running one) with an idempotency key; return the entry."""
        body = {"source": "desktop", "project_id": project_id, "description": description}
        return self.call(
            "POST",
            "/time/timer/start",
            json={k: v for k, v in body.items() if v is not None},
            headers={"Idempotency-Key": f"desktop-{uuid.uuid4()}"},
        )["entry"]

    def resolve_project(self, project: str) -> str:
        """Return the id of the project named `project` (an id, or a name matched case-insensitively: exact first,
        else a unique partial match); raise ValueError saying what matched when it is not exactly one."""
        try:
            return str(uuid.UUID(project))
        except ValueError:
            pass
        wanted = project.strip().casefold()
        found = self.call("GET", "/projects/projects", params={"q": project.strip(), "limit": 50})["items"]
        exact = [p for p in found if p["name"].strip().casefold() == wanted]
        matches = exact or found
        if len(matches) == 1:
            return str(matches[0]["id"])
        if not matches:
            raise ValueError(f'No project you can track to is named "{project}".')
        names = "; ".join(f"{p['name']} ({p['id']})" for p in matches[:10])
        raise ValueError(f'"{project}" matches {len(matches)} projects: {names}. Give the full name or the id.')

    def stop_timer(self) -> dict | None:
        """Stop the running timer; return the entry, or None when none was running."""
        try:
            return self.call("POST", "/time/timer/stop", json={})["entry"]
        except ApiError as exc:
            if exc.code == "no_running_timer":
                return None
            raise

    def post_samples(self, device_id: str, samples: list[dict]) -> dict:
        """Send one batch; return {"received", "accepted", "duplicates"}."""
        return self.call("POST", "/activity/samples", json={"device_id": device_id, "samples": samples})

    def upload_screenshot(self, device_id: str, shot: dict, data: bytes, content_type: str) -> dict:
        """Upload one screenshot (a retry of the same capture returns the stored one); return it."""
        form = {"device_id": device_id, "taken_at": shot["taken_at"], "monitor": str(shot["monitor"])}
        if shot.get("activity") is not None:
            form["activity_percent"] = str(shot["activity"])
        name = shot["path"].rsplit("/", 1)[-1]
        return self.call("POST", "/media/screenshots", data=form, files={"file": (name, data, content_type)})
