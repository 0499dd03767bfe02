"""Prometheus endpoints answer valid exposition text with the expected series; the scrape config and the alert
rules pass promtool (Debian's `prometheus` package) or, without it, a structural check."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PROM = ROOT / "infra" / "prometheus"
SAMPLE = re.compile(
    r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? (-?[0-9.e+-]+|\+Inf|NaN)$'
)


def parse(text: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    """Parse Prometheus text (strictly: every line a comment or a valid sample; TYPE before samples)."""
    out: dict[str, list[tuple[dict[str, str], float]]] = {}
    typed: set[str] = set()
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            typed.add(line.split()[2])
            continue
        if line.startswith("#") or not line:
            continue
        m = SAMPLE.match(line)
        assert m, f"not a valid sample line: {line!r}"
        name = m.group(1)
        assert re.sub(r"_(bucket|sum|count)$", "", name) in typed or name in typed, f"no TYPE for {name}"
        labels = dict(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:\\.|[^"\\])*)"', m.group(2) or ""))
        out.setdefault(name, []).append((labels, float(m.group(5))))
    if shutil.which("promtool"):
        check = subprocess.run(["promtool", "check", "metrics"], input=text, capture_output=True, text=True)
        assert "error" not in (check.stdout + check.stderr).lower(), check.stdout + check.stderr
    return out


def value(series, **labels) -> float:
    found = [v for lab, v in series if all(lab.get(k) == want for k, want in labels.items())]
    assert len(found) == 1, (labels, series)
    return found[0]


@pytest.fixture()
def metrics_token(stack):
    path = Path(os.environ["WM_SECRETS_DIR"]) / "metrics-token"
    path.write_text("scrape-" + "y" * 24)
    yield path.read_text()
    path.unlink()


def test_function_metrics_are_off_without_the_secret(api):
    assert api.get("/function/auth/metrics").status_code == 404


def test_function_metrics_count_requests_by_route_and_status(api, metrics_token):
    from factories import signup

    signup(api, company="Metered Co")
    for _ in range(3):
        api.get("/function/auth/healthz")
    api.post("/function/auth/login", json={"email": "nobody@example.com", "password": "wrong-password-1"})
    api.get("/function/auth/no-such-route")
    assert api.get("/function/auth/metrics").status_code == 401
    assert api.get("/function/auth/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = api.get("/function/auth/metrics", headers={"Authorization": f"Bearer {metrics_token}"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    fams = parse(r.get_data(as_text=True))
    req = fams["workmonitor_http_requests_total"]
    assert value(req, function="auth", route="/healthz", method="GET", status="200") == 3
    assert value(req, function="auth", route="/signup", method="POST", status="201") == 1
    assert value(req, function="auth", route="/login", method="POST", status="401") == 1
    assert value(req, function="auth", route="unmatched", method="GET", status="404") == 1
    buckets = fams["workmonitor_http_request_duration_seconds_bucket"]
    assert value(buckets, route="/healthz", le="+Inf") == 3
    counts = [v for lab, v in buckets if lab["route"] == "/healthz"]
    assert counts == sorted(counts)  # cumulative
    assert value(fams["workmonitor_http_request_duration_seconds_count"], route="/healthz") == 3
    assert value(fams["workmonitor_http_request_duration_seconds_sum"], route="/healthz") > 0
    # Another function's page holds only its own series.
    other = parse(
        api.get("/function/team/metrics", headers={"Authorization": f"Bearer {metrics_token}"}).get_data(True)
    )
    assert {lab["function"] for lab, _ in other.get("workmonitor_http_requests_total", [])} <= {"team"}


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as resp:
        assert resp.headers["Content-Type"].startswith("text/plain")
        return resp.read().decode()


def test_queue_exporter_reports_depth_failures_workers_and_backup_age(stack, tmp_path):
    from rq import Worker

    from workmonitor.jobs import registry
    from workmonitor.queue import queue
    from workmonitor.redis_client import client

    for i in range(3):
        registry.RECOMPUTE_ACTIVITY.enqueue_now(f"00000000-0000-0000-0000-00000000000{i}")  # waits on "reports"
    failing = queue("default").enqueue("workmonitor.no_such_module.job")  # no retry: fails at once
    Worker([queue("default")], connection=client()).work(burst=True)
    assert failing.get_status(refresh=True) == "failed"
    status = tmp_path / "last-success"
    status.write_text("1700000000\n")
    from services import free_port

    port = free_port()
    env = {**os.environ, "BACKUP_STATUS_FILE": str(status)}
    proc = subprocess.Popen([sys.executable, "-m", "workmonitor.metrics", "--port", str(port)], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                fams = parse(_get(f"http://127.0.0.1:{port}/metrics"))
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "exporter did not start"
                time.sleep(0.1)
    finally:
        proc.terminate()
        proc.wait(10)
    assert value(fams["workmonitor_queue_jobs"], queue="reports") == 3
    assert value(fams["workmonitor_queue_jobs"], queue="default") == 0
    assert value(fams["workmonitor_queue_failed_jobs"], queue="default") == 1
    assert value(fams["workmonitor_workers"]) == 0
    assert value(fams["workmonitor_backup_last_success_timestamp_seconds"]) == 1700000000


def test_gateway_metrics_count_sockets_and_rooms(stack):
    import asyncio

    from test_gateway import token

    from gateway import harness
    from gateway.probe import Probe

    gw = harness.GatewayProcess()
    try:
        gw.wait_ready()
        before = parse(_get(f"{gw.url}/metrics"))
        assert value(before["workmonitor_gateway_sockets"]) == 0

        async def scenario():
            tok, _claims = token()  # a live membership: the gateway asks the database
            probe = Probe(gw.url, tok)
            try:
                assert await probe.connect(), probe.refused
                return await asyncio.to_thread(_get, f"{gw.url}/metrics")
            finally:
                await Probe.close_all()

        fams = parse(asyncio.run(scenario()))
        assert value(fams["workmonitor_gateway_sockets"]) == 1 and value(fams["workmonitor_gateway_users"]) == 1
        assert value(fams["workmonitor_gateway_rooms"]) >= 2  # the user's and the company's rooms
    finally:
        gw.stop()


def test_scrape_config_covers_every_function_and_alert_rules_are_valid(tmp_path):
    stack = yaml.safe_load((ROOT / "stack.yml").read_text())
    config = yaml.safe_load((PROM / "prometheus.yml").read_text())
    jobs = {j["job_name"]: j for j in config["scrape_configs"]}
    paths = {g["labels"]["__metrics_path__"] for g in jobs["workmonitor-functions"]["static_configs"]}
    assert paths == {f"/function/{name}/metrics" for name in stack["functions"]}
    assert jobs["workmonitor-functions"]["authorization"]["credentials_file"]
    assert {"workmonitor-ws-gateway", "workmonitor-queues"} <= set(jobs)
    rules = yaml.safe_load((PROM / "alerts.yml").read_text())["groups"][0]["rules"]
    exprs = " ".join(r["expr"] for r in rules)
    for series in (
        'workmonitor_http_requests_total{status=~"5.."}',
        'workmonitor_http_requests_total{status="429"}',
        "workmonitor_queue_jobs",
        "workmonitor_queue_failed_jobs",
        "workmonitor_backup_last_success_timestamp_seconds",
    ):
        assert series in exprs, series
    assert all(r["alert"] and r["annotations"]["summary"] for r in rules)
    if not shutil.which("promtool"):
        return  # structure checked above; Debian's `prometheus` package adds promtool for the full check
    out = subprocess.run(["promtool", "check", "rules", str(PROM / "alerts.yml")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    # check config wants the credentials file to exist: point it at a temporary one.
    (tmp_path / "token").write_text("x")
    shutil.copy(PROM / "alerts.yml", tmp_path / "alerts.yml")
    cfg = (
        (PROM / "prometheus.yml").read_text().replace("/etc/prometheus/secrets/metrics-token", str(tmp_path / "token"))
    )
    (tmp_path / "prometheus.yml").write_text(cfg)
    out = subprocess.run(
        ["promtool", "check", "config", str(tmp_path / "prometheus.yml")], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr
