"""Prometheus metrics in the text exposition format (0.0.4), a few lines of our own instead of prometheus_client.

What must stay true:
- Request counters live in Redis, one hash per function, not in process memory: a scrape through the OpenFaaS
  gateway reaches one random replica and one random gunicorn worker, so only a shared store gives a counter
  that never jumps backwards. Recording is one pipelined round trip and never fails a request.
- `route` is the URL rule (`/projects/<uuid:project_id>`), never the raw path, so the label set stays bounded.
- A function's /metrics answers only `Authorization: Bearer <metrics-token>` (a secret); without the secret it
  is 404. It is reachable through the public /function/ prefix, so it must never be open.
- The queue exporter (`python -m workmonitor.metrics --port 9108`) reads queue depth, failed jobs and workers
  from Redis, and the last backup's time from the status file backup.sh writes (BACKUP_STATUS_FILE).
"""

from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import redis

from . import keys
from .config import secret
from .redis_client import client

log = logging.getLogger("workmonitor.metrics")
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
PREFIX = keys.METRICS_PREFIX
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def _esc(value: str) -> str:
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _labels(**labels: str) -> str:
    return "{" + ",".join(f'{k}="{_esc(v)}"' for k, v in labels.items()) + "}"


def _num(value: float) -> str:
    return repr(float(value)) if isinstance(value, float) and not value.is_integer() else str(int(value))


def observe(function: str, route: str, method: str, status: int, seconds: float) -> None:
    """Count one answered request and its latency in the function's Redis hashes (errors are logged, not raised)."""
    le = next((f"{b}" for b in BUCKETS if seconds <= b), "+Inf")
    key = PREFIX + function
    try:
        pipe = client().pipeline(transaction=False)
        pipe.hincrby(key + ":requests", f"{method}\t{route}\t{status}", 1)
        pipe.hincrby(key + ":buckets", f"{route}\t{le}", 1)
        pipe.hincrbyfloat(key + ":sum", route, seconds)
        pipe.execute()
    except redis.RedisError as exc:  # metrics must never cost a request its answer
        log.debug("metrics not recorded", extra={"fields": {"error": str(exc)}})


def render_function(function: str) -> str:
    """Return the function's request counters and latency histogram as Prometheus text."""
    key = PREFIX + function
    pipe = client().pipeline(transaction=False)
    pipe.hgetall(key + ":requests")
    pipe.hgetall(key + ":buckets")
    pipe.hgetall(key + ":sum")
    requests, buckets, sums = pipe.execute()
    lines = [
        "# HELP workmonitor_http_requests_total Requests answered, by function, route, method and status.",
        "# TYPE workmonitor_http_requests_total counter",
    ]
    for field, count in sorted(requests.items()):
        method, route, status = field.decode().split("\t")
        lab = _labels(function=function, route=route, method=method, status=status)
        lines.append(f"workmonitor_http_requests_total{lab} {int(count)}")
    lines += [
        "# HELP workmonitor_http_request_duration_seconds Time from request to response, by function and route.",
        "# TYPE workmonitor_http_request_duration_seconds histogram",
    ]
    per_route: dict[str, dict[str, int]] = {}
    for field, count in buckets.items():
        route, le = field.decode().split("\t")
        per_route.setdefault(route, {})[le] = int(count)
    for route in sorted(per_route):
        seen, total = per_route[route], 0
        for le in [f"{b}" for b in BUCKETS] + ["+Inf"]:
            total += seen.get(le, 0)
            lab = _labels(function=function, route=route, le=le)
            lines.append(f"workmonitor_http_request_duration_seconds_bucket{lab} {total}")
        lab = _labels(function=function, route=route)
        lines.append(f"workmonitor_http_request_duration_seconds_sum{lab} {float(sums.get(route.encode(), 0))}")
        lines.append(f"workmonitor_http_request_duration_seconds_count{lab} {total}")
    return "\n".join(lines) + "\n"


def authorized(header: str) -> bool | None:
    """Return None when no metrics-token is configured (the endpoint is off), else whether `header` carries it."""
    token = secret("metrics-token")
    if not token:
        return None
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def gauge(name: str, help_text: str, samples: Iterable[tuple[dict[str, str], float]], kind: str = "gauge") -> str:
    """Return one metric family as Prometheus text: HELP, TYPE, then one line per (labels, value)."""
    lines = [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
    lines += [f"{name}{_labels(**labels) if labels else ''} {_num(value)}" for labels, value in samples]
    return "\n".join(lines) + "\n"


def render_queues(status_file: str | None = None) -> str:
    """Return queue depth, started/failed/scheduled jobs, worker count and the last backup's time as text."""
    from rq import Worker
    from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry

    from .queue import QUEUES, queue

    conn = client()
    depth, started, failed, scheduled = [], [], [], []
    for name in QUEUES:
        q, lab = queue(name), {"queue": name}
        depth.append((lab, q.count))
        started.append((lab, StartedJobRegistry(queue=q).count))
        failed.append((lab, FailedJobRegistry(queue=q).count))
        scheduled.append((lab, ScheduledJobRegistry(queue=q).count))
    out = [
        gauge("workmonitor_queue_jobs", "Jobs waiting in each RQ queue.", depth),
        gauge("workmonitor_queue_started_jobs", "Jobs being worked on, per queue.", started),
        gauge("workmonitor_queue_failed_jobs", "Jobs in each queue's failed registry (retries exhausted).", failed),
        gauge("workmonitor_queue_scheduled_jobs", "Jobs waiting for a retry or a schedule, per queue.", scheduled),
        gauge("workmonitor_workers", "RQ workers registered in Redis.", [({}, len(Worker.all(connection=conn)))]),
    ]
    path = status_file or os.environ.get("BACKUP_STATUS_FILE")
    if path:
        try:
            stamp = float(Path(path).read_text().split()[0])
        except (OSError, ValueError, IndexError):
            stamp = 0.0  # no backup yet: the age alert fires
        out.append(
            gauge("workmonitor_backup_last_success_timestamp_seconds", "When the last backup finished.", [({}, stamp)])
        )
    out.append(gauge("workmonitor_exporter_scrape_timestamp_seconds", "When this page was made.", [({}, time.time())]))
    return "".join(out)


def serve(host: str, port: int) -> None:
    """Serve render_queues() at GET /metrics until interrupted (the worker-side exporter)."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            if self.path.split("?")[0] not in ("/metrics", "/healthz"):
                self.send_error(404)
                return
            try:
                body, status = (render_queues() if self.path.startswith("/metrics") else "ok\n").encode(), 200
            except redis.RedisError as exc:
                body, status = f"redis unreachable: {exc}\n".encode(), 503
            self.send_response(status)
            self.send_header("Content-Type", CONTENT_TYPE)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # scrapes every 15 s would drown the logs
            pass

    ThreadingHTTPServer((host, port), Handler).serve_forever()


def main(argv: list[str] | None = None) -> int:
    """Command line: `python -m workmonitor.metrics [--port 9108] [--host 0.0.0.0]`, or `--once` to print."""
    parser = argparse.ArgumentParser(description="WorkMonitor queue and backup exporter for Prometheus")
    parser.add_argument("--host", default=os.environ.get("METRICS_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("METRICS_PORT", "9108")))
    parser.add_argument("--once", action="store_true", help="print the page once and exit")
    args = parser.parse_args(argv)
    if args.once:
        sys.stdout.write(render_queues())
        return 0
    serve(args.host, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
