"""Fault test (issue 11): Redis killed and restarted EMPTY mid-ingest and mid-jobs. Every queued job still runs
exactly once, the worker recovers by itself, readiness reports the outage, revoked tokens stay revoked.

Runs against a redis-server of its own on a free port (never the shared one), restarted without persistence.
"""

from __future__ import annotations

import email
import email.policy
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import services
from factories import consent, invite_and_accept, signup
from rq import Worker
from rq.suspension import suspend
from seed_media import upload

from workmonitor import config, redis_client, storage

ROOT = Path(__file__).resolve().parents[1]


class RedisServer:
    """A redis-server on a fixed free port that can be killed and started again empty."""

    def __init__(self) -> None:
        self.port = services.free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.proc = subprocess.Popen(
            [binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        services._wait_port(self.port, "redis (faults)")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(10)


@pytest.fixture()
def redis_server(stack):
    """Point this process (and the workers it starts) at a private Redis for the test."""
    server = RedisServer()
    server.start()
    old = os.environ["REDIS_URL"]
    os.environ["REDIS_URL"] = server.url
    config.settings.cache_clear()
    redis_client.reset()
    try:
        yield server
    finally:
        os.environ["REDIS_URL"] = old
        config.settings.cache_clear()
        redis_client.reset()
        if server.proc is not None and server.proc.poll() is None:
            server.kill()


def start_worker() -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "shared")}
    return subprocess.Popen(
        [sys.executable, "-m", "workmonitor.worker", "--drain-every", "1", "--name", f"faults-{os.getpid()}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def mail_counts(outbox_dir: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in Path(outbox_dir).glob("*.eml"):
        to = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["To"]
        counts[to] = counts.get(to, 0) + 1
    return counts


def ingest(api, emp: dict, admin: dict, tag: str, shots: int, invites: int, outage: bool = False):
    """Upload screenshots and send invitations; return (screenshot ids, invitee addresses) the server took."""
    ids, invited = [], []
    for n in range(shots):
        r = upload(api, emp, device_id=f"{tag}-{n}")
        assert r.status_code in ((201, 503) if outage else (201,)), r.json
        if r.status_code == 201:
            ids.append(r.json["screenshot"]["id"])
    for n in range(invites):
        to = f"{tag}-{n}@example.com"
        r = api.post("/function/team/invitations", json={"email": to}, token=admin["token"])
        assert r.status_code in ((201, 503) if outage else (201,)), r.json
        if r.status_code == 201:
            invited.append(to)
    return ids, invited


def ready(owner_conn, shots: list[str]) -> bool:
    return owner_conn.execute(
        "SELECT count(*) FILTER (WHERE state = 'ready') = count(*) FROM screenshots WHERE id = ANY(%s::uuid[])",
        (shots,),
    ).fetchone()[0]


def wait_for(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise AssertionError(f"{what} not within {timeout:.0f} s")


def test_redis_restarted_empty_mid_ingest_and_mid_jobs_loses_no_job(api, owner_conn, redis_server, stack):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    consent(api, admin, emp, screenshots=True)
    cid = admin["company"]["id"]
    worker = start_worker()
    try:
        shots, invited = ingest(api, emp, admin, "before", 3, 2)
        wait_for(
            lambda: ready(owner_conn, shots) and mail_counts(stack["outbox"]).get(invited[-1]) == 1, 30, "jobs run"
        )
        suspend(redis_client.client())  # the worker stops taking jobs: the next ones stay queued in Redis
        more = ingest(api, emp, admin, "queued", 4, 2)
        redis_server.kill()  # mid-jobs: every job queued in Redis is gone with it
        assert api.get("/function/media/readyz").status_code == 503  # readiness reports the outage
        during = ingest(api, emp, admin, "outage", 2, 1, outage=True)  # mid-ingest
        redis_server.start()  # back, EMPTY (no persistence): the suspension is gone too
        after = ingest(api, emp, admin, "after", 2, 1)
        assert api.get("/function/media/readyz").status_code == 200
        shots += more[0] + during[0] + after[0]
        invited += more[1] + during[1] + after[1]

        mails_sent = lambda: all(mail_counts(stack["outbox"]).get(to) for to in invited)  # noqa: E731
        wait_for(lambda: ready(owner_conn, shots) and mails_sent(), 90, "every queued job run")
        time.sleep(3)  # room for a duplicate run to show up
        thumbs = [k for k in storage.list_keys(f"{cid}/") if k.endswith(".thumb.webp")]
        assert len(thumbs) == len(shots) >= 9  # one thumbnail per screenshot (the outage may have answered 503)
        mails = mail_counts(stack["outbox"])
        assert [mails.get(to) for to in invited] == [1] * len(invited)  # one mail per invitation
        left = owner_conn.execute("SELECT count(*) FROM job_outbox WHERE done_at IS NULL").fetchone()[0]
        assert left == 0
        assert worker.poll() is None  # the same worker process, recovered by itself
        assert Worker.all(connection=redis_client.client())  # and registered again in the new Redis
    finally:
        worker.terminate()
        try:
            worker.wait(20)
        except subprocess.TimeoutExpired:
            worker.kill()


def test_revoked_tokens_stay_revoked_after_redis_restarts_empty(api, redis_server):
    admin = signup(api)
    assert api.post("/function/auth/logout", json={}, token=admin["token"]).status_code == 204
    assert api.get("/function/auth/me", token=admin["token"]).status_code == 401
    redis_server.kill()
    redis_server.start()
    assert api.get("/function/auth/me", token=admin["token"]).status_code == 401
