"""Writes under gunicorn (the function template's gunicorn.conf.py: 2 workers x 4 threads, as the image runs):

- POST /entries of the time function, OPEN LOOP at 100, 200 and 300 requests/s (sent on schedule whatever the
  answers; latency from the scheduled send time; a client gives up after BENCH_WRITE_TIMEOUT_S), beside a bare
  Flask route served the same way (the floor); entries written after their client gave up are counted.
- POST /heartbeat/<bucket> of the activity function, closed loop (one bucket per client, one heartbeat a second of
  event time, the window changing every 10), beside the bare route closed loop: the most answered per second.

A company of BENCH_WRITE_USERS employees is seeded by COPY in the run's database. Printed, never asserted.
Knobs: BENCH_WRITE_RATES ("100,200,300"), BENCH_WRITE_SECONDS (10), BENCH_WRITE_TIMEOUT_S (10),
BENCH_WRITE_USERS (50), BENCH_HEARTBEAT_CLIENTS (8).
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime, timedelta

import psycopg

from bench import loadgen, report
from bench.seed_scale import Company, seed

APPS = [("Code", "handler.py"), ("Firefox", "Pull requests - GitHub"), ("Slack", "#general")]


def _tokens(c: Company) -> list[str]:
    from workmonitor import security

    return [security.issue_access_token(e, c.id, "employee", str(uuid.uuid4()), ttl=86400) for e in c.employees]


def _entry_maker(c: Company, tokens: list[str], base: datetime):
    """Return make(i): a POST /entries of a 1-minute entry, user i % U, at base + 2 min * (i // U) (no overlap)."""
    users = len(tokens)

    def make(i: int) -> loadgen.Request:
        k, slot = i % users, i // users
        start = base + timedelta(minutes=2 * slot)
        body = {
            "started_at": start.isoformat(),
            "ended_at": (start + timedelta(minutes=1)).isoformat(),
            "project_id": c.projects[k % len(c.projects)],
            "description": f"bench {i}",
            "source": "desktop",
        }
        headers = {"Authorization": f"Bearer {tokens[k]}", "Content-Type": "application/json"}
        return "POST", "/entries", headers, json.dumps(body).encode()

    return make


def _written(owner_url: str, cid: str, base: datetime, until: datetime) -> int:
    with psycopg.connect(owner_url) as conn:
        return conn.execute(
            "SELECT count(*) FROM time_entries WHERE company_id = %s AND started_at >= %s AND started_at < %s",
            (cid, base, until),
        ).fetchone()[0]


def _entries(env: dict, c: Company, tokens: list[str]) -> None:
    rates = [float(r) for r in os.environ.get("BENCH_WRITE_RATES", "100,200,300").split(",")]
    seconds = float(os.environ.get("BENCH_WRITE_SECONDS", "10"))
    timeout = float(os.environ.get("BENCH_WRITE_TIMEOUT_S", "10"))
    first = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=60)
    print(f"POST /entries, open loop, {seconds:.0f} s per rate, clients give up after {timeout:.0f} s", flush=True)
    with loadgen.gunicorn("bench.wsgi:bare_app()") as server:
        loadgen.open_loop(server, _entry_maker(c, tokens, first), 50, 1, timeout)  # warm the workers
        for rate in rates:
            run = loadgen.open_loop(server, _entry_maker(c, tokens, first), rate, seconds, timeout)
            print(f"  bare Flask route  {run.line(201)}  (load {report.load()})", flush=True)
    with loadgen.gunicorn("bench.wsgi:function_app('time')") as server:
        loadgen.open_loop(server, _entry_maker(c, tokens, first - timedelta(days=1)), 50, 1, timeout)
        for k, rate in enumerate(rates):
            base = first + timedelta(days=k)
            run = loadgen.open_loop(server, _entry_maker(c, tokens, base), rate, seconds, timeout)
            late = _written(env["owner_url"], c.id, base, base + timedelta(days=1)) - run.statuses.get(201, 0)
            print(
                f"  time function     {run.line(201)}  written after give-up {late}  (load {report.load()})", flush=True
            )


def _heartbeat_maker(tokens: list[str], base: datetime):
    """Return make(client, k): heartbeat k of client's bucket, k seconds after base, pulsetime 2 (aw-watcher-window)."""

    def make(client: int, k: int) -> loadgen.Request:
        app, title = APPS[(k // 10) % len(APPS)]
        body = {
            "timestamp": (base + timedelta(seconds=k)).isoformat(),
            "duration": 0,
            "data": {"app": app, "title": title},
        }
        headers = {"Authorization": f"Bearer {tokens[client]}", "Content-Type": "application/json"}
        return "POST", f"/heartbeat/bench-window-{client}?pulsetime=2", headers, json.dumps(body).encode()

    return make


def _heartbeats(tokens: list[str]) -> None:
    clients = int(os.environ.get("BENCH_HEARTBEAT_CLIENTS", "8"))
    seconds = float(os.environ.get("BENCH_WRITE_SECONDS", "10"))
    base = datetime.now(UTC) - timedelta(days=2)
    print(f"POST /heartbeat/<bucket>?pulsetime=2, closed loop, {clients} clients (one bucket each), {seconds:.0f} s")
    with loadgen.gunicorn("bench.wsgi:bare_app()") as server:
        run = loadgen.closed_loop(server, _heartbeat_maker(tokens, base), clients, seconds)
        print(f"  bare Flask route   {run.line(200)}", flush=True)
    with loadgen.gunicorn("bench.wsgi:function_app('activity')") as server:
        make = _heartbeat_maker(tokens, base)
        body = json.dumps({"type": "currentwindow", "client": "aw-watcher-window", "hostname": "bench"}).encode()
        for c in range(clients):  # the watcher creates its bucket once at start
            status = loadgen.post_once(server, f"/api/0/buckets/bench-window-{c}", make(c, 0)[2], body)
            if status not in (200, 304):
                raise RuntimeError(f"bucket creation answered {status}")
        run = loadgen.closed_loop(server, make, clients, seconds)
        print(f"  activity function  {run.line(200)}  (load {report.load()})", flush=True)
    print("  (aw-server is not installed here: compare with it on the same machine by hand; target >= 10x aw-server)")


def run(env: dict) -> None:
    """Seed a small company, then print the entry and heartbeat write figures."""
    users = int(os.environ.get("BENCH_WRITE_USERS", "50"))
    c = seed(env["owner_url"], users, 1)
    tokens = _tokens(c)
    _entries(env, c, tokens)
    _heartbeats(tokens)
    print("targets: entries p99 < 50 ms at 300/s open loop, overload shed with 503 + Retry-After (printed only)")
