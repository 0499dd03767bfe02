"""Activity ingest: (a) samples/s through the full HTTP stack vs (b) raw COPY into the same table; prints a/b.

(a) starts gunicorn (a subprocess serving workmonitor.devserver:gateway_app()) on a free loopback port, signs up a
company with consenting employees, and posts pre-encoded batches of 500 samples from several threads (one device
each) with auth, RLS, validation, de-dup insert and rollup updates. (b) COPYs the same number of rows, in the same
batch size, into activity_samples (same indexes, constraints and FK) as the owner, one stream and as many streams as
(a) has threads. Figures are printed, never asserted.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import services

from bench.loadgen import tree_cpu

ROOT = Path(__file__).resolve().parents[1]
BATCHES, BATCH_SIZE, THREADS, USERS = 200, 500, 8, 4
APPS = [
    ("Code", None, "handler.py - workmonitor"),
    ("Firefox", "https://github.com/workmonitor/pulls", "Pull requests"),
    ("Firefox", "https://www.youtube.com/watch?v=abc", "Music - YouTube"),
    ("Slack", None, "#general | Acme"),
    ("Chrome", "https://docs.google.com/document/d/1", "Spec - Google Docs"),
    ("Terminal", None, "bash — 120x40"),
]
COLUMNS = (
    "company_id",
    "user_id",
    "device_id",
    "seq",
    "started_at",
    "duration",
    "app",
    "title",
    "url",
    "domain",
    "keyboard",
    "mouse",
    "idle",
    "active_seconds",
)


def _samples(device: int, batch: int) -> list[dict]:
    start = datetime(2026, 1, 5, 8, tzinfo=UTC) + timedelta(minutes=batch * BATCH_SIZE)
    out = []
    for i in range(BATCH_SIZE):
        app, url, title = APPS[(i // 3 + device) % len(APPS)]
        out.append(
            {
                "seq": batch * BATCH_SIZE + i,
                "started_at": (start + timedelta(minutes=i)).isoformat(),
                "duration": 60,
                "app": app,
                "title": f"{title} ({i % 17})",
                "url": url,
                "keyboard": (i * 7) % 90,
                "mouse": (i * 13) % 70,
                "idle": i % 23 == 0,
            }
        )
    return out


def _bodies() -> list[list[bytes]]:
    per_thread = BATCHES // THREADS
    return [
        [json.dumps({"device_id": f"bench-dev-{t}", "samples": _samples(t, b)}).encode() for b in range(per_thread)]
        for t in range(THREADS)
    ]


def _start_server(port: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "shared"), os.environ.get("PYTHONPATH", "")]))
    cmd = [
        sys.executable,
        "-m",
        "gunicorn",
        "-k",
        "gthread",
        "-w",
        "2",
        "--threads",
        "4",
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "workmonitor.devserver:gateway_app()",
    ]
    proc = subprocess.Popen(cmd, env=env, cwd=str(ROOT), stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/function/activity/readyz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("gunicorn did not become ready")


def _setup_users() -> list[str]:
    """Return access tokens of USERS consenting employees of a fresh company (set up in-process)."""
    from apiclient import Api
    from factories import consent, invite_and_accept, signup

    api = Api()
    admin = signup(api, company="Bench Inc")
    tokens = []
    for n in range(USERS):
        for attempt in range(3):  # another process flushing the shared Redis db loses the invitation mail job
            try:
                emp = invite_and_accept(api, admin, name=f"Bench Employee {n}")
                break
            except AssertionError:
                if attempt == 2:
                    raise
        consent(api, admin, emp, activity=True)
        tokens.append(emp["token"])
    return tokens


def _post_all(port: int, tokens: list[str], bodies: list[list[bytes]]) -> tuple[float, int, int]:
    results, errors = [], []

    def worker(t: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Authorization": f"Bearer {tokens[t % len(tokens)]}", "Content-Type": "application/json"}
        for raw in bodies[t]:
            conn.request("POST", "/function/activity/samples", body=raw, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            if resp.status != 200:
                errors.append((resp.status, data[:200]))
                return
            results.append(json.loads(data)["accepted"])

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    started = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if errors:
        raise RuntimeError(f"ingest failed: {errors[0]}")
    return time.perf_counter() - started, sum(results), len(results)


def _copy_rows(owner_url: str, streams: int) -> tuple[float, int]:
    """COPY BATCHES x BATCH_SIZE rows as `streams` parallel connections (one transaction per batch); return time."""
    with psycopg.connect(owner_url) as conn:
        row = conn.execute("SELECT company_id, id FROM users WHERE role = 'employee' LIMIT 1").fetchone()
    cid, uid = row
    tag = uuid.uuid4().hex[:8]
    batches = [
        [
            (
                cid,
                uid,
                f"copy-{tag}-{b % streams}",
                b * BATCH_SIZE + i,
                s["started_at"],
                60,
                s["app"],
                s["title"],
                s["url"],
                None,
                s["keyboard"],
                s["mouse"],
                s["idle"],
                30,
            )
            for i, s in enumerate(_samples(b % streams, b))
        ]
        for b in range(BATCHES)
    ]

    statement = f"COPY activity_samples ({', '.join(COLUMNS)}) FROM STDIN"

    def worker(k: int) -> None:
        with psycopg.connect(owner_url) as conn:
            for b in range(k, BATCHES, streams):
                with conn.transaction(), conn.cursor() as cur, cur.copy(statement) as copy:
                    for r in batches[b]:
                        copy.write_row(r)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(streams)]
    started = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return time.perf_counter() - started, BATCHES * BATCH_SIZE


def run(env: dict) -> None:
    """Print samples/s for the HTTP path and for COPY, and their ratio."""
    tokens = _setup_users()
    bodies = _bodies()
    # The single-stream COPY runs once before and once after the HTTP run, so load drifting on a shared machine
    # biases neither side.
    before, n_before = _copy_rows(env["owner_url"], 1)
    port = services.free_port()
    server = _start_server(port)
    try:
        warm = [[json.dumps({"device_id": "warm", "samples": _samples(99, b)[:50]}).encode()] for b in range(THREADS)]
        _post_all(port, tokens, warm)
        cpu0 = tree_cpu(server.pid)
        secs, accepted, requests = _post_all(port, tokens, bodies)
        server_cpu = tree_cpu(server.pid) - cpu0
    finally:
        server.terminate()
        server.wait(timeout=10)
    after, n_after = _copy_rows(env["owner_url"], 1)
    copy_n, nn = _copy_rows(env["owner_url"], THREADS)
    http_rate, rate1, rate_n = accepted / secs, (n_before + n_after) / (before + after), nn / copy_n
    print(
        f"(a) HTTP ingest: {accepted} samples in {requests} requests of {BATCH_SIZE}, {THREADS} client threads,"
        f" gunicorn 2 workers x 4 threads: {secs:.2f} s = {http_rate:,.0f} samples/s"
        f" ({requests / secs:.1f} req/s, {1000 * secs * THREADS / requests:.1f} ms per request,"
        f" {1000 * server_cpu / requests:.1f} ms gunicorn CPU per request)"
    )
    print(
        f"(b) COPY as owner, same table and indexes, batches of {BATCH_SIZE}: 1 stream {rate1:,.0f} rows/s"
        f" (before {n_before / before:,.0f}, after {n_after / after:,.0f}); {THREADS} streams {rate_n:,.0f} rows/s"
    )
    print(
        f"a/b = {http_rate / rate1:.2f} (vs 1 COPY stream), {http_rate / rate_n:.2f} (vs {THREADS} COPY streams);"
        f" target >= 0.5; cpus={os.cpu_count()}, load average {os.getloadavg()[0]:.1f}"
    )
    with psycopg.connect(env["owner_url"]) as conn:
        rows = conn.execute("SELECT count(*) FROM activity_samples").fetchone()[0]
    print(f"rows in activity_samples: {rows} (expected {accepted + 50 * THREADS + n_before + n_after + nn})")
