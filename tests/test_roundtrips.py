"""SQL round trips per request on the request's connection: one activity batch, one screenshot upload (issue 10)."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

import psycopg
from factories import consent, invite_and_accept, signup
from seed_media import png_bytes, upload

COUNTS: list[str] = []


@contextlib.contextmanager
def counting(monkeypatch):
    """Count every statement and commit sent by psycopg while the block runs (the request's connection only)."""
    COUNTS.clear()
    execute, commit = psycopg.Cursor.execute, psycopg.Connection.commit

    def counted_execute(self, query, *args, **kwargs):
        COUNTS.append(str(query)[:60] if not hasattr(query, "as_string") else "sql.Composed")
        return execute(self, query, *args, **kwargs)

    def counted_commit(self):
        if self.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:  # an idle commit sends nothing
            COUNTS.append("COMMIT")
        return commit(self)

    monkeypatch.setattr(psycopg.Cursor, "execute", counted_execute)
    monkeypatch.setattr(psycopg.Connection, "commit", counted_commit)
    yield COUNTS
    monkeypatch.undo()


def test_round_trips_of_one_activity_batch_and_one_screenshot(api, monkeypatch):
    admin = signup(api)
    emp = invite_and_accept(api, admin, name="Eve Employee")
    consent(api, admin, emp, activity=True, screenshots=True)
    t0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    samples = [
        {"seq": i, "started_at": (t0 + timedelta(minutes=i)).isoformat(), "duration": 60, "app": "Code", "keyboard": 5}
        for i in range(100)
    ]
    body = {"device_id": "laptop", "samples": samples}
    assert api.post("/function/activity/samples", json=body, token=emp["token"]).status_code == 200  # warm
    body["samples"] = [{**s, "seq": s["seq"] + 1000} for s in samples]
    with counting(monkeypatch) as seen:
        r = api.post("/function/activity/samples", json=body, token=emp["token"])
    assert r.status_code == 200, r.json
    batch = list(seen)
    upload(api, emp, png_bytes())  # warm
    with counting(monkeypatch) as seen:
        r = upload(api, emp, png_bytes(), taken_at=(t0 + timedelta(hours=1)).isoformat())
    assert r.status_code == 201, r.json
    shot = list(seen)
    print(f"\nactivity batch: {len(batch)} round trips: {batch}\nscreenshot upload: {len(shot)} round trips: {shot}")
    assert len(batch) <= 5 and len(shot) <= 6  # before issue 10: 7 and 6 (claims, consent, lock, ..., commit)
