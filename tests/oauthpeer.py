"""A local stand-in for Google's and Microsoft's OAuth and calendar APIs: checks the request shapes (PKCE S256,
client credentials, bearer tokens, grant types) and keeps events in memory like the real services."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

CLIENT_ID, CLIENT_SECRET = "test-client", "test-client-secret"


class Peer:
    """State of the fake provider: issued codes, tokens, events, and what it was sent."""

    def __init__(self):
        self.codes: dict[str, dict] = {}  # code -> {"challenge", "redirect_uri"}
        self.access = {"at-1"}
        self.refresh = "rt-1"
        self.issued = 1
        self.grants: list[dict] = []
        self.revoked: list[str] = []
        self.google: dict[str, dict] = {}  # event id -> event
        self.graph: dict[str, dict] = {}
        self.google_seq = 0
        self.graph_clock = 0
        self.calls: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def authorize(self, query: dict, code: str) -> None:
        """Act as the user approving in the browser: the code is bound to the request's challenge."""
        assert query["code_challenge_method"] == ["S256"] and query["client_id"] == [CLIENT_ID]
        assert query["response_type"] == ["code"]
        self.codes[code] = {"challenge": query["code_challenge"][0], "redirect_uri": query["redirect_uri"][0]}

    def token(self, form: dict) -> tuple[int, dict]:
        self.grants.append(form)
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") == "authorization_code":
            bound = self.codes.pop(form.get("code", ""), None)
            verifier = form.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if bound is None or bound["challenge"] != challenge or bound["redirect_uri"] != form.get("redirect_uri"):
                return 400, {"error": "invalid_grant"}
            return 200, {"access_token": "at-1", "refresh_token": "rt-1", "expires_in": 3600, "token_type": "Bearer"}
        if form.get("grant_type") == "refresh_token" and form.get("refresh_token") == self.refresh:
            self.issued += 1
            token = f"at-{self.issued}"
            self.access = {token}
            return 200, {"access_token": token, "expires_in": 3600, "token_type": "Bearer"}
        return 400, {"error": "invalid_grant"}

    # --- Google Calendar v3 -------------------------------------------------------------------------------------

    def g_put(self, event: dict) -> dict:
        self.google_seq += 1
        event = {
            **event,
            "etag": f'"{self.google_seq}"',
            "seq": self.google_seq,
            "status": event.get("status", "confirmed"),
        }
        self.google[event["id"]] = event
        return event

    def google_api(self, method: str, path: str, query: dict, body: dict | None) -> tuple[int, dict]:
        parts = path.split("/")[4:]  # /calendar/v3/calendars/primary/events[/id]
        if parts[:2] != ["primary", "events"]:
            return 404, {}
        event_id = parts[2] if len(parts) > 2 else None
        if method == "POST":
            if body["id"] in self.google:
                return 409, {"error": {"code": 409, "message": "The requested identifier already exists."}}
            return 200, self.g_put(body)
        if method == "PUT":
            if event_id not in self.google:
                return 404, {}
            return 200, self.g_put({**body, "id": event_id})
        if method == "DELETE":
            if event_id not in self.google or self.google[event_id]["status"] == "cancelled":
                return 410, {}
            self.g_put({**self.google[event_id], "status": "cancelled"})
            return 204, {}
        since = int(query["syncToken"][0]) if "syncToken" in query else 0
        assert "syncToken" in query or ("timeMin" in query and "timeMax" in query), query
        items = [e for e in self.google.values() if e["seq"] > since and (since or e["status"] != "cancelled")]
        return 200, {"items": items, "nextSyncToken": str(self.google_seq)}

    # --- Microsoft Graph ----------------------------------------------------------------------------------------

    def tick(self) -> int:
        self.graph_clock += 1
        return self.graph_clock

    def graph_api(self, method: str, path: str, query: dict, body: dict | None) -> tuple[int, dict]:
        rest = path.split("/v1.0", 1)[1]
        if rest == "/me/events" and method == "POST":
            assert body["start"]["timeZone"] == "UTC" and body["transactionId"].startswith("wm-entry-")
            same = [e for e in self.graph.values() if e.get("transactionId") == body["transactionId"]]
            if same:
                return 201, same[0]  # Graph de-duplicates a retried create
            event = {**body, "id": uuid.uuid4().hex, "@odata.etag": "W/1", "changed": self.tick()}
            self.graph[event["id"]] = event
            return 201, event
        if rest.startswith("/me/events/"):
            event_id = rest.rsplit("/", 1)[1]
            if event_id not in self.graph:
                return 404, {}
            if method == "DELETE":
                self.graph[event_id].update({"@removed": {"reason": "deleted"}, "changed": self.tick()})
                return 204, {}
            self.graph[event_id] = {**self.graph[event_id], **body, "@odata.etag": f"W/{self.tick()}",
                                    "changed": self.graph_clock}  # fmt: skip
            return 200, self.graph[event_id]
        if rest.startswith("/me/calendarView/delta"):
            assert ("startDateTime" in query and "endDateTime" in query) or "deltatoken" in query, query
            since = int(query.get("deltatoken", ["0"])[0])
            items = [
                {"id": e["id"], "@removed": e["@removed"]} if "@removed" in e else e
                for e in self.graph.values()
                if e["changed"] > since and (since or "@removed" not in e)
            ]
            link = f"{self.base}/v1.0/me/calendarView/delta?deltatoken={self.graph_clock}"
            return 200, {"value": items, "@odata.deltaLink": link}
        return 404, {}

    def graph_add(self, subject: str, start: str, end: str) -> str:
        """Add a meeting as another Outlook client would."""
        event_id = uuid.uuid4().hex
        self.graph[event_id] = {
            "id": event_id,
            "subject": subject,
            "@odata.etag": "W/1",
            "changed": self.tick(),
            "start": {"dateTime": start, "timeZone": "UTC"},
            "end": {"dateTime": end, "timeZone": "UTC"},
        }
        return event_id


def serve(peer: Peer) -> ThreadingHTTPServer:
    """Start the fake provider on loopback; set `peer.base`."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _answer(self, status: int, data: dict) -> None:
            raw = json.dumps(data).encode() if status != 204 else b""
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def _handle(self, method: str) -> None:
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with peer.lock:
                peer.calls.append((method, self.path))
                if url.path.endswith("/token") or url.path == "/revoke":
                    form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                    if url.path == "/revoke":
                        peer.revoked.append(form["token"])
                        return self._answer(200, {})
                    return self._answer(*peer.token(form))
                auth = self.headers.get("Authorization", "")
                if auth.removeprefix("Bearer ") not in peer.access:
                    return self._answer(401, {"error": "invalid_token"})
                body = json.loads(raw) if raw else None
                if url.path.startswith("/calendar/v3/"):
                    return self._answer(*peer.google_api(method, url.path, query, body))
                return self._answer(*peer.graph_api(method, url.path, query, body))

        def do_GET(self):
            self._handle("GET")

        def do_POST(self):
            self._handle("POST")

        def do_PUT(self):
            self._handle("PUT")

        def do_PATCH(self):
            self._handle("PATCH")

        def do_DELETE(self):
            self._handle("DELETE")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    peer.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
