"""The job outbox (issue 11, items 3 and 11): a job is a row written in the caller's transaction, pushed into RQ
after commit and again by the drainer when Redis lost it, run exactly once; a dead worker's job runs again soon."""

from __future__ import annotations

import email
import email.policy
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from factories import consent, drain, invite_and_accept, signup
from rq import Queue
from seed_media import upload

from workmonitor import keys
from workmonitor.db import Claims, transaction
from workmonitor.jobs import media as media_jobs
from workmonitor.jobs import outbox, registry
from workmonitor.redis_client import client

ROOT = Path(__file__).resolve().parents[1]


def queued(name: str) -> list[str]:
    return Queue(name, connection=client()).get_job_ids()


def open_rows(owner_conn) -> list[tuple]:
    return owner_conn.execute(
        "SELECT id::text, job FROM job_outbox WHERE done_at IS NULL AND failed_at IS NULL ORDER BY created_at"
    ).fetchall()


def mails_to(outbox_dir: str, to: str) -> int:
    found = 0
    for path in Path(outbox_dir).glob("*.eml"):
        found += email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["To"] == to
    return found


def test_enqueue_writes_a_row_in_the_callers_transaction_and_pushes_after_commit(owner_conn):
    later: list = []
    with pytest.raises(RuntimeError), transaction(Claims()) as conn:
        registry.SEND_EMAIL.enqueue(conn, "a@example.com", "s", "t", "m-rolled-back", defer=later.append)
        raise RuntimeError("the change rolls back")
    assert open_rows(owner_conn) == []  # no job leaves for a change that rolled back
    later.clear()
    with transaction(Claims()) as conn:
        job_id = registry.SEND_EMAIL.enqueue(conn, "a@example.com", "s", "t", "m-1", defer=later.append)
        assert queued(keys.EMAIL_QUEUE) == []  # nothing reaches Redis before the commit
    assert open_rows(owner_conn) == [(job_id, registry.SEND_EMAIL.path)]
    for task in later:
        task()
    later[0]()  # a second push of the same row enqueues nothing
    assert queued(keys.EMAIL_QUEUE) == [job_id]  # the RQ job id is the outbox id


def test_the_app_role_reaches_the_outbox_only_through_its_functions(stack):
    with psycopg.connect(stack["app_url"]) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM job_outbox")
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO job_outbox (job, args) VALUES ('x', '[]')")


def test_jobs_lost_with_redis_run_exactly_once_after_draining(api, owner_conn, stack):
    admin = signup(api)
    drain(keys.EMAIL_QUEUE)  # (signup sends no mail; keep the queue empty either way)
    invitees = [f"lost-{n}@example.com" for n in range(3)]
    for to in invitees:
        r = api.post("/function/team/invitations", json={"email": to}, token=admin["token"])
        assert r.status_code == 201, r.json
    assert len(queued(keys.EMAIL_QUEUE)) == 3
    client().flushdb()  # Redis restarted empty: today these three mails are gone for good
    with transaction(Claims()) as conn:
        first = outbox.drain(conn)
        second = outbox.drain(conn)  # draining twice never queues twice
    assert first["pushed"] == 3 and second["pushed"] == 0
    assert len(queued(keys.EMAIL_QUEUE)) == 3
    drain(keys.EMAIL_QUEUE)
    assert [mails_to(stack["outbox"], to) for to in invitees] == [1, 1, 1]
    assert open_rows(owner_conn) == []  # the success callback closed every row
    args = owner_conn.execute("SELECT DISTINCT args::text FROM job_outbox").fetchall()
    assert args == [("[]",)]  # a done row keeps no mail text (invitation links)
    client().flushdb()
    with transaction(Claims()) as conn:
        assert outbox.drain(conn)["pushed"] == 0  # done rows are never pushed again


def test_drain_closes_rows_whose_job_finished_without_the_callback(owner_conn):
    job_id = registry.EXPIRE_IDEMPOTENCY_KEYS.enqueue_now()
    owner_conn.execute("UPDATE job_outbox SET done_at = NULL")  # as if the callback's database was away
    drain(keys.DEFAULT_QUEUE)
    owner_conn.execute("UPDATE job_outbox SET done_at = NULL, args = '[]'")
    with transaction(Claims()) as conn:
        assert outbox.drain(conn) == {"pushed": 0, "done": 1, "failed": 0}
    assert open_rows(owner_conn) == [] and job_id


def _worker(extra_env: dict, *queues: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "shared"), **extra_env}
    return subprocess.Popen(
        [sys.executable, "-m", "workmonitor.worker", *queues, "--drain-every", "1"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_a_job_whose_worker_died_runs_again_within_a_minute(api, owner_conn, tmp_path):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    consent(api, admin, emp, screenshots=True)
    marker = tmp_path / "crashed"
    first = _worker({media_jobs.CRASH_ENV: str(marker)}, keys.MEDIA_QUEUE)
    try:
        shot = upload(api, emp).json["screenshot"]["id"]
        assert first.wait(60) == -9, first.stderr.read().decode()[-2000:]  # the horse killed itself and its worker
    finally:
        _stop(first)
    crashed = time.monotonic()
    again = _worker({media_jobs.CRASH_ENV: str(marker)}, keys.MEDIA_QUEUE)  # what `make run` does: a new worker
    try:
        state = None
        while time.monotonic() - crashed < 75:
            state = owner_conn.execute("SELECT state FROM screenshots WHERE id = %s", (shot,)).fetchone()[0]
            if state == "ready":
                break
            time.sleep(1)
        assert state == "ready", f"still {state} {time.monotonic() - crashed:.0f} s after the crash"
    finally:
        _stop(again)
    assert open_rows(owner_conn) == []
