"""The production request path, live: nginx (the real config) → an OpenFaaS gateway stand-in → fwatchdog → gunicorn.

Every function runs from its own `faas-cli build --shrinkwrap` context, laid out by the template's assemble.py,
behind the real fwatchdog with the Dockerfile's ENV and exactly stack.yml's environment, its secrets as files (only
the ones stack.yml lists). Loopback stand-ins replace the topology's hosts: S3_ENDPOINT/S3_BUCKET point at the test
S3, S3_PUBLIC_ENDPOINT at this nginx, and each watchdog/gunicorn gets its own port (they run side by side).
The gateway stand-in copies OpenFaaS's X-Forwarded-For rule (faas-provider proxy.go: set only when absent, never
appended). Python: a clean venv per function holding only its requirements: pip-installed from the hashed lock lines
with WM_CLEAN_VENV=1 (`make venv-check`), else hard-linked from this venv's distributions (production.runtime_bin).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.client
import http.server
import json
import os
import re
import secrets
import shutil
import socket
import ssl
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
from factories import signup as local_signup
from production import (
    ROOT,
    Running,
    assemble,
    dockerfile_env,
    free_port,
    runtime_bin,
    shrinkwrap,
    start,
    status,
    stop,
    vs,
    wait_ready,
)

STACK = vs.load_stack(ROOT / "stack.yml")
NGINX_CONF = ROOT / "infra" / "nginx" / "workmonitor.conf"
PASSWORD = "correct horse battery staple"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"}


# --- stand-ins -------------------------------------------------------------------------------------------------


def gateway_handler(functions: dict[str, Running]):
    """Return a handler class proxying /function/<name>/<path> to that function's watchdog, like the gateway."""

    class Gateway(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _proxy(self) -> None:
            match = re.match(r"^/function/([a-z0-9-]+)(/[^?]*)?(\?.*)?$", self.path)
            fn = functions.get(match.group(1)) if match else None
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if fn is None:
                self._send(404, {"Content-Type": "text/plain"}, b"no such function")
                return
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            if "X-Forwarded-For" not in self.headers:  # faas-provider: only when absent; RemoteAddr is ip:port
                headers["X-Forwarded-For"] = f"{self.client_address[0]}:{self.client_address[1]}"
            if "X-Forwarded-Host" not in self.headers:
                headers["X-Forwarded-Host"] = self.headers.get("Host", "")
            conn = http.client.HTTPConnection("127.0.0.1", fn.port, timeout=60)
            conn.request(self.command, (match.group(2) or "/") + (match.group(3) or ""), body, headers)
            resp = conn.getresponse()
            data = resp.read()
            self._send(resp.status, {k: v for k, v in resp.getheaders() if k.lower() not in HOP_BY_HOP}, data)
            conn.close()

        def _send(self, code: int, headers: dict, data: bytes) -> None:
            self.send_response_only(code)
            for key, value in headers.items():
                if key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _proxy

        def log_message(self, *args) -> None:
            pass

    return Gateway


def socket_stand_in(server: socket.socket, seen: list[dict]) -> None:
    """A WebSocket endpoint: completes the handshake nginx forwards (recording its headers), then echoes bytes."""
    while True:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        with conn:
            raw = b""
            while b"\r\n\r\n" not in raw:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                raw += chunk
            lines = raw.decode("latin-1").split("\r\n")
            headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
            seen.append(headers)
            accept = base64.b64encode(
                hashlib.sha1(
                    (headers.get("sec-websocket-key", "") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()
                ).digest()
            ).decode()
            conn.sendall(
                b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + f"Sec-WebSocket-Accept: {accept}\r\n\r\n".encode()
            )
            data = conn.recv(1024)
            conn.sendall(data)


# --- the whole path, once per module ----------------------------------------------------------------------------


def nginx_site(tmp: Path, ports: dict, s3: str) -> str:
    """Return workmonitor.conf with only addresses and file paths replaced for this machine."""
    certs = tmp / "certs"
    certs.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-keyout", str(certs / "key.pem"), "-out", str(certs / "cert.pem")],
        check=True,
        capture_output=True,
    )
    web = tmp / "web"
    web.mkdir()
    (web / "index.html").write_text("<!doctype html><title>WorkMonitor</title>")
    (web / "downloads").mkdir()
    (web / "downloads" / "agent.json").write_text('{"file": "workmonitor_agent-0.1.0.tar.gz"}')
    site = NGINX_CONF.read_text()
    swaps = {
        "/etc/letsencrypt/live/workmonitor.example.com/fullchain.pem": str(certs / "cert.pem"),
        "/etc/letsencrypt/live/workmonitor.example.com/privkey.pem": str(certs / "key.pem"),
        "listen 443 ssl http2;": f"listen 127.0.0.1:{ports['https']} ssl http2;",
        "listen 80;": f"listen 127.0.0.1:{ports['http']};",
        "listen [::]:443 ssl http2;": "",
        "listen [::]:80;": "",
        "server 127.0.0.1:8080;": f"server 127.0.0.1:{ports['gateway']};",
        "server 127.0.0.1:8090;": f"server 127.0.0.1:{ports['sockets']};",
        "server 10.62.0.1:9000;": f"server {s3};",
        "root /srv/workmonitor/web;": f"root {web};",
        "root /var/www/letsencrypt;": f"root {web};",
    }
    for old, new in swaps.items():
        assert old in site, old
        site = site.replace(old, new)
    return site


def start_nginx(tmp: Path, site: str) -> subprocess.Popen:
    """Check the config with `nginx -t`, then run nginx in the foreground; return its process."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "nginx is missing: `make test` installs it (edge-deps) when run as root"
    (tmp / "site.conf").write_text(site)
    temp = " ".join(f"{kind}_temp_path {tmp}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;" if os.geteuid() == 0 else ""  # workers must reach the temp folders in tmp
    (tmp / "nginx.conf").write_text(
        f"{user} worker_processes 1; pid {tmp}/nginx.pid; error_log {tmp}/error.log; events {{}}\n"
        f"http {{ access_log off; {temp} include {tmp}/site.conf; }}\n"
    )
    check = subprocess.run(["nginx", "-t", "-c", str(tmp / "nginx.conf")], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen(["nginx", "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"], stderr=subprocess.PIPE)
    return proc


@pytest.fixture(scope="module")
def edge(stack, tmp_path_factory):
    """Contexts laid out, nginx, the gateway stand-in (empty routes) and a WebSocket stand-in; yield the handles.

    Functions are started by `serve()`, one at a time: of-watchdog 0.11.5 always binds its metrics listener to
    :8081 (config.go has no setting for it), so two watchdogs cannot share a network namespace, as in production
    where each runs in its own container.
    """
    tmp = tmp_path_factory.mktemp("edge")
    ports = {"https": free_port(), "http": free_port(), "gateway": free_port(), "sockets": free_port()}
    svc = stack["services"]
    values = {
        "database-url": stack["app_url"],
        "redis-url": os.environ["REDIS_URL"],
        "jwt-secret": os.environ["JWT_SECRET"],  # the in-process signup (factories) mints tokens the functions accept
        "s3-access-key": svc.s3_access_key,
        "s3-secret-key": svc.s3_secret_key,
        "publish-secret": secrets.token_hex(16),
        "metrics-token": secrets.token_hex(16),
        "stripe-secret-key": "sk_test_" + secrets.token_hex(12),  # Stripe is never called through the edge
        "stripe-webhook-secret": "whsec_" + secrets.token_hex(16),  # signs the events sent to stripe-webhook
        "integrations-keys": "k1:" + secrets.token_urlsafe(32)[:43],
        "google-client-secret": secrets.token_hex(16),
        "microsoft-client-secret": secrets.token_hex(16),
        "ai-api-key": secrets.token_hex(16),
    }
    overrides = {
        "S3_ENDPOINT": svc.s3_endpoint,
        "S3_BUCKET": stack["bucket"],
        "S3_PUBLIC_ENDPOINT": f"https://127.0.0.1:{ports['https']}/s3",
    }
    apps = {name: assemble(ctx, tmp / f"{name}-app") for name, ctx in shrinkwrap(tmp).items()}
    runtimes = {name: runtime_bin(app / "requirements.txt", tmp) for name, app in apps.items()}
    routes: dict[str, Running] = {}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", ports["gateway"]), gateway_handler(routes))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sockets = socket.create_server(("127.0.0.1", ports["sockets"]))
    ws_seen: list[dict] = []
    threading.Thread(target=socket_stand_in, args=(sockets, ws_seen), daemon=True).start()
    s3 = svc.s3_endpoint.split("://", 1)[1].rstrip("/")
    nginx = start_nginx(tmp, nginx_site(tmp, ports, s3))
    try:
        for _ in range(100):
            if status(f"http://127.0.0.1:{ports['http']}/") == 301:
                break
            time.sleep(0.05)
        yield {
            "apps": apps,
            "runtimes": runtimes,
            "routes": routes,
            "ports": ports,
            "overrides": overrides,
            "ws_seen": ws_seen,
            "values": values,
        }
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        server.shutdown()
        sockets.close()


@contextlib.contextmanager
def serve(edge: dict, name: str, tmp: Path, without: tuple[str, ...] = ()):
    """Run function `name` behind fwatchdog (only its stack.yml secrets, less `without`), routed by the gateway."""
    fn = STACK["functions"][name]
    own = {key: edge["values"][key] for key in fn["secrets"] if key not in without}
    bindir = edge["runtimes"][name][0]
    running = start(name, edge["apps"][name], bindir, fn["environment"], own, edge["overrides"], tmp)
    try:
        wait_ready([running], time.monotonic() + 60)
        edge["routes"][name] = running
        yield running
    finally:
        edge["routes"].pop(name, None)
        stop(running)


class Edge:
    """An HTTPS client of nginx from a chosen loopback source address (a distinct 'client')."""

    def __init__(self, port: int, source: str):
        self.port, self.source = port, source
        self.ctx = ssl.create_default_context()
        self.ctx.check_hostname = False
        self.ctx.verify_mode = ssl.CERT_NONE

    def call(self, method: str, path: str, body=None, token: str | None = None, headers: dict | None = None):
        """Return (status, headers, parsed JSON or raw bytes)."""
        conn = http.client.HTTPSConnection(
            "127.0.0.1", self.port, context=self.ctx, source_address=(self.source, 0), timeout=120
        )
        hdrs = dict(headers or {})
        if token:
            hdrs["Authorization"] = f"Bearer {token}"
        if isinstance(body, dict):
            body = json.dumps(body).encode()
            hdrs.setdefault("Content-Type", "application/json")
        conn.request(method, path, body, hdrs)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        kind = resp.getheader("Content-Type") or ""
        return resp.status, dict(resp.getheaders()), json.loads(data) if "json" in kind and data else data


def edge_signup(client: Edge, headers: dict | None = None) -> tuple[int, dict, dict]:
    """Sign up a new company through nginx; return (status, headers, body + "email")."""
    email = f"admin-{uuid.uuid4().hex[:10]}@example.com"
    payload = {"company_name": "Edge Co", "name": "Ada", "email": email, "password": PASSWORD, "timezone": "UTC"}
    code, hdrs, body = client.call("POST", "/function/auth/signup", payload, headers=headers)
    if isinstance(body, dict):
        body["email"] = email
    return code, hdrs, body


# --- (b) every function behind the real watchdog ------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(STACK["functions"]))
def test_function_starts_behind_fwatchdog_with_only_its_environment_and_secrets(edge, name, tmp_path):
    harness = {"PATH", "HOME", "LANG", "TMPDIR", "WM_SECRETS_DIR", "port", "upstream_url", "GUNICORN_BIND"}
    with serve(edge, name, tmp_path) as fn:
        log = fn.log.read_text(errors="replace")
        assert fn.proc.poll() is None, f"{name} exited:\n{log[-3000:]}"
        expected = set(dockerfile_env()) | set(STACK["functions"][name]["environment"]) | set(edge["overrides"])
        assert set(fn.env) == expected | harness
        assert not {"DATABASE_URL", "REDIS_URL", "JWT_SECRET", "S3_ACCESS_KEY"} & set(fn.env)
        secrets_dir = Path(fn.env["WM_SECRETS_DIR"])
        assert sorted(p.name for p in secrets_dir.iterdir()) == sorted(STACK["functions"][name]["secrets"])
        assert fn.env["http_buffer_req_body"] == "true" and "ready_path" not in fn.env
        # /_/health and /_/ready: not 200 at first, 200 only once gunicorn itself answers.
        assert 503 in [health for health, _, _ in fn.states], fn.states[:5]
        assert fn.states[-1] == (200, 200, True), (fn.states[-3:], log[-2000:])
        assert all(answered for health, ready, answered in fn.states if 200 in (health, ready))
        code, _, body = Edge(edge["ports"]["https"], "127.0.0.2").call("GET", f"/function/{name}/readyz")
        assert code == 200 and body == {"status": "ready", "function": name}  # nginx → gateway → watchdog → DB
    print(name, "runtime:", edge["runtimes"][name][1])


def test_stripe_webhook_takes_only_signed_events_and_no_jwt(edge, tmp_path):
    """Issue 16: Stripe reaches stripe-webhook through nginx and the gateway with no JWT; unsigned is a 400."""
    from stripe_peer import event, sign

    with serve(edge, "stripe-webhook", tmp_path):
        client = Edge(edge["ports"]["https"], "127.0.0.6")
        plain = {"Content-Type": "application/json"}
        code, _, body = client.call("POST", "/function/stripe-webhook/", b'{"id": "evt_x"}', headers=plain)
        assert code == 400 and body["error"]["code"] == "signature_invalid", body
        payload = json.dumps(event("customer.tax_id.created", {"id": "txi_1", "object": "tax_id"}))
        signed = {**plain, "Stripe-Signature": sign(payload, edge["values"]["stripe-webhook-secret"])}
        code, _, body = client.call("POST", "/function/stripe-webhook/", payload.encode(), headers=signed)
        assert code == 200 and body == {"received": True, "outcome": "ignored"}, body


def test_a_function_without_its_signing_key_refuses_to_serve(edge, tmp_path):
    fn = STACK["functions"]["auth"]
    own = {key: edge["values"][key] for key in fn["secrets"] if key != "jwt-secret"}
    bindir = edge["runtimes"]["auth"][0]
    running = start("auth", edge["apps"]["auth"], bindir, fn["environment"], own, edge["overrides"], tmp_path)
    try:
        deadline = time.monotonic() + 45
        while running.proc.poll() is None and time.monotonic() < deadline:
            running.states.append((status(running.url("/_/health")), status(running.url("/_/ready")), False))
            time.sleep(0.1)
        assert running.proc.poll() not in (None, 0), "the watchdog kept running a function with no signing key"
        assert all(200 not in state[:2] for state in running.states)
        assert "refusing to serve" in running.log.read_text(errors="replace")
    finally:
        stop(running)


def test_messaging_attachment_upload_through_the_edge_to_s3(edge, api, tmp_path):
    token = local_signup(api)["token"]
    client = Edge(edge["ports"]["https"], "127.0.0.2")
    with serve(edge, "messaging", tmp_path):
        code, _, ch = client.call("POST", "/function/messaging/channels", {"name": "general", "kind": "public"}, token)
        assert code == 201, ch
        data = b"quarterly report\n" * 100
        meta = {"filename": "report.txt", "content_type": "text/plain", "size_bytes": len(data)}
        url = f"/function/messaging/channels/{ch['channel']['id']}/attachments"
        code, _, up = client.call("POST", url, meta, token)
        assert code == 201, up
        public = edge["overrides"]["S3_PUBLIC_ENDPOINT"]
        assert up["upload_url"].startswith(public + "/"), up["upload_url"]  # reachable from outside, same origin
        path = up["upload_url"].split(f":{edge['ports']['https']}", 1)[1]
        code, _, answer = client.call("PUT", path, data, headers=up["upload_headers"])
        assert code == 200, answer
        code, _, got = client.call("GET", f"/function/messaging/attachments/{up['attachment']['id']}", token=token)
        assert code == 200 and got["url"].startswith(public + "/"), got
    code, hdrs, body = client.call("GET", got["url"].split(f":{edge['ports']['https']}", 1)[1])
    assert code == 200 and body == data
    assert "connect-src 'self'" in hdrs.get("Content-Security-Policy", "")  # same origin: the page may fetch it


# --- (c) nginx in front ------------------------------------------------------------------------------------------


def test_nginx_config_sets_forwarding_headers_once_and_only_forward_secret_ciphers():
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "''", re.sub(r"#[^\n]*", "", NGINX_CONF.read_text()))
    in_location = re.findall(r"location[^{]*\{[^{}]*\}", text)
    assert len(in_location) >= 10
    assert not [block for block in in_location if "proxy_set_header" in block]
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in text
    ciphers = re.search(r"ssl_ciphers ([^;]+);", text).group(1).split(":")
    assert ciphers and all(c.startswith(("ECDHE-", "TLS_")) and ("GCM" in c or "CHACHA20" in c) for c in ciphers)
    assert STACK["functions"]["auth"]["environment"]["TRUSTED_PROXY_HOPS"] == "1"


@pytest.fixture(scope="class")
def auth(edge, tmp_path_factory):
    """The auth function behind fwatchdog, for the tests of one class."""
    with serve(edge, "auth", tmp_path_factory.mktemp("auth")) as running:
        yield running


class TestAuthBehindTheEdge:
    """Client addresses through nginx → gateway stand-in → watchdog → auth, with stack.yml's TRUSTED_PROXY_HOPS."""

    def test_one_clients_failed_logins_never_throttle_another(self, edge, auth):
        other = Edge(edge["ports"]["https"], "127.0.0.3")
        code, _, user = edge_signup(other)
        assert code == 201, user
        attacker = Edge(edge["ports"]["https"], "127.0.0.4")
        answers = []
        for i in range(12):  # past LOGIN_ADDRESS_MAX_ACCOUNTS (10) different accounts
            wrong = {"email": f"nobody-{i}@example.com", "password": "wrong password!"}
            forged = {"X-Forwarded-For": "1.2.3.4"}
            answers.append(attacker.call("POST", "/function/auth/login", wrong, headers=forged)[0])
        assert answers[-1] == 429 and 401 in answers, answers  # the attacker's own address is throttled
        code, _, body = other.call("POST", "/function/auth/login", {"email": user["email"], "password": PASSWORD})
        assert code == 200, body

    def test_forged_forwarded_for_does_not_escape_the_signup_limit_and_audit_holds_the_real_address(
        self, edge, auth, owner_conn
    ):
        client = Edge(edge["ports"]["https"], "127.0.0.5")
        codes = []
        for i in range(21):
            code, hdrs, body = edge_signup(client, headers={"X-Forwarded-For": f"203.0.113.{i}"})
            codes.append(code)
        assert codes[:20] == [201] * 20 and codes[20] == 429, codes
        assert "X-Request-Id" in hdrs and body["error"]["code"] != "rate_limited"  # the API's 429, not nginx's
        ips = {str(r[0]) for r in owner_conn.execute("SELECT ip FROM audit_logs WHERE ip IS NOT NULL").fetchall()}
        assert ips == {"127.0.0.5"}, ips


def test_websocket_upgrade_reaches_the_socket_gateway(edge):
    ctx = ssl.create_default_context()
    ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
    key = base64.b64encode(os.urandom(16)).decode()
    raw = socket.create_connection(("127.0.0.1", edge["ports"]["https"]), timeout=10)
    with raw, ctx.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
        tls.sendall(
            (
                "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                "Sec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = tls.recv(4096).decode("latin-1")
        assert head.startswith("HTTP/1.1 101"), head
        tls.sendall(b"\x81\x05hello")
        assert tls.recv(1024) == b"\x81\x05hello"
    seen = edge["ws_seen"][-1]
    assert seen["upgrade"] == "websocket" and seen["connection"].lower() == "upgrade"
    assert seen["x-forwarded-for"] == "127.0.0.1"


def test_a_60mb_recording_chunk_gets_the_apis_json_answer(edge, api, tmp_path):
    token = local_signup(api)["token"]
    client = Edge(edge["ports"]["https"], "127.0.0.6")
    path = f"/function/media/recordings/{uuid.uuid4()}/chunks/0"
    with serve(edge, "media", tmp_path):
        chunk = os.urandom(60 * 1000 * 1000)
        code, hdrs, body = client.call("PUT", path, chunk, token, {"Content-Type": "application/octet-stream"})
        assert code != 413 and isinstance(body, dict) and "error" in body, (code, body)
        assert "X-Request-Id" in hdrs  # answered by the media function, past nginx, the gateway and the watchdog
    code, hdrs, body = client.call("PUT", path, b"\0" * (66 * 1024 * 1024), token)
    assert code == 413 and body["error"]["code"] == "payload_too_large", body  # nginx's own page is JSON too
    code, _, body = client.call("GET", "/system/functions")
    assert code == 404 and body["error"]["code"] == "not_found"


def test_unknown_paths_answer_404_json_and_only_page_routes_get_the_app(edge):
    """The SPA fallback covers the app's page paths only; an unknown function or path is the API's JSON 404."""
    client = Edge(edge["ports"]["https"], "127.0.0.7")
    for method, path in [
        ("GET", "/function/nope/anything"),
        ("POST", "/function/no-such-function"),
        ("POST", "/api/0/buckets/aw-watcher-window_host/heartbeat?pulsetime=60"),
        ("GET", "/api/0/info"),
        ("GET", "/some/page"),
        ("GET", "/downloads/missing.tar.gz"),
    ]:
        code, hdrs, body = client.call(method, path, {"data": {}} if method == "POST" else None)
        assert code == 404 and isinstance(body, dict) and body["error"]["code"] == "not_found", (path, code, body)
        assert hdrs["Content-Type"].startswith("application/json"), (path, hdrs)
    for path in ("/", "/accept-invite?token=abc", "/reset-password?token=abc", "/index.html"):
        code, hdrs, body = client.call("GET", path)
        assert code == 200 and b"<title>WorkMonitor</title>" in body, (path, code, body)
        assert "Content-Security-Policy" in hdrs and hdrs.get("Cache-Control") == "no-cache", (path, hdrs)
    code, hdrs, body = client.call("GET", "/downloads/agent.json")
    info = body if isinstance(body, dict) else json.loads(body)  # typed by mime.types where nginx includes it
    assert code == 200 and info["file"].endswith(".tar.gz"), (code, body)
    # A known function's path still reaches the gateway (its stand-in answers for functions not started).
    code, _, body = client.call("GET", "/function/team/healthz")
    assert code == 404 and body == b"no such function", (code, body)


def test_nginx_function_allowlist_covers_every_function_in_the_stack():
    """The edge's list of reachable functions names each function of stack.yml (and only planned others)."""
    found = re.search(r"location ~ \^/function/\(\?!\(([a-z|-]+)\)", NGINX_CONF.read_text())
    assert found, "the /function/ allowlist location is missing"
    allowed = set(found.group(1).split("|"))
    planned = {"finance", "billing", "stripe-webhook", "reports", "integrations"}
    assert set(STACK["functions"]) <= allowed, set(STACK["functions"]) - allowed
    assert allowed <= set(STACK["functions"]) | planned, allowed - set(STACK["functions"]) - planned
