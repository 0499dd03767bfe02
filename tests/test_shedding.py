"""Load shedding (issue 13): a full process and a request that queued too long get 503 + Retry-After, unworked."""

from __future__ import annotations

import threading
import time

from factories import signup
from flask import Blueprint
from werkzeug.test import Client

from workmonitor import shedding, wire
from workmonitor.web import create_function, public, responds


def _blocking_app() -> tuple:
    """Return (app, gate, entered, release): GET /slow waits until `release` is set."""
    app = create_function("shedtest")
    entered, release = threading.Event(), threading.Event()
    bp = Blueprint("shedtest_slow", __name__)

    @bp.get("/slow")
    @public
    @responds(wire.Health)
    def slow():
        entered.set()
        release.wait(10)
        return {"status": "ok", "function": "shedtest"}

    app.register_blueprint(bp)
    return app, app.extensions["workmonitor_gate"], entered, release


def test_a_full_process_refuses_the_next_request_with_503_and_retry_after(stack):
    app, gate, entered, release = _blocking_app()
    gate.limit = 1
    first: list = []
    worker = threading.Thread(target=lambda: first.append(Client(app).get("/slow")))
    worker.start()
    assert entered.wait(5)
    assert gate.running == 1
    r = Client(app).get("/slow")
    assert r.status_code == 503 and r.headers["Retry-After"] == str(shedding.RETRY_AFTER_SECONDS)
    assert r.json["error"]["code"] == "overloaded"
    assert Client(app).get("/healthz").status_code == 200  # health is never shed
    release.set()
    worker.join(5)
    assert first[0].status_code == 200 and gate.running == 0
    assert Client(app).get("/slow").status_code == 200  # room again


def test_a_request_that_queued_too_long_is_refused_before_any_work(api, owner_conn):
    admin = signup(api)
    body = {"started_at": "2026-03-02T09:00:00Z", "ended_at": "2026-03-02T10:00:00Z"}
    stale = {"X-Request-Start": f"t={time.time() - 5:.3f}"}  # nginx's ${msec}: its client has long given up
    r = api.post("/function/time/entries", json=body, token=admin["token"], headers=stale)
    assert r.status_code == 503 and r.headers["Retry-After"] and r.json["error"]["code"] == "overloaded"
    assert owner_conn.execute("SELECT count(*) FROM time_entries").fetchone()[0] == 0  # nothing written after the fact
    fresh = {"X-Request-Start": f"t={int(time.time() * 1_000_000)}"}  # microseconds are understood too
    assert api.post("/function/time/entries", json=body, token=admin["token"], headers=fresh).status_code == 201


def test_queue_stamps_in_seconds_milliseconds_and_microseconds():
    now = 1_800_000_000.0
    assert shedding.queued_seconds("t=1799999999.5", now) == 0.5
    assert shedding.queued_seconds("t=1799999999500", now) == 0.5
    assert shedding.queued_seconds("1799999999500000", now) == 0.5
    for bad in (None, "", "t=soon", "t=1", f"t={now + 60}"):  # absent, malformed, absurd, a clock far ahead
        assert shedding.queued_seconds(bad, now) is None
