"""Retention per company for every kind of capture: exactly what is past its limit goes, nothing else, nothing in
a company that keeps it; the settings page's preview says what goes when; expired exports are deleted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from factories import consent, invite_and_accept, signup
from seed_media import upload

from workmonitor import storage
from workmonitor.jobs.retention import apply_company_retention

LIMITS = {"screenshots": 30, "recordings": 7, "activity": 10, "gps": 5, "chat": 3}


def _company(api, owner_conn, limits: dict | None):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    consent(api, admin, emp, screenshots=True, activity=True, gps=True)
    if limits:
        r = api.patch("/function/media/settings", json={"retention_days": limits}, token=admin["token"])
        assert r.status_code == 200 and r.json["settings"]["retention_days"] == limits, r.json
    cid, uid = admin["company"]["id"], emp["user"]["id"]
    now = datetime.now(UTC)
    made: dict[str, list] = {}
    # One item a day past each limit, one a day inside it (an hour's margin either way).
    for kind, days in LIMITS.items():
        made[kind] = [now - timedelta(days=days + 1), now - timedelta(days=days - 1)]
    for at in made["screenshots"]:
        assert upload(api, emp, taken_at=at.isoformat()).status_code == 201
    for at in made["recordings"]:
        r = api.post("/function/media/recordings", token=emp["token"],
                     json={"device_id": "d", "content_type": "video/webm", "started_at": at.isoformat()})  # fmt: skip
        assert r.status_code == 201
    for seq, at in enumerate(made["activity"]):
        owner_conn.execute(
            "INSERT INTO activity_samples (company_id, user_id, device_id, seq, started_at, duration, app)"
            " VALUES (%s, %s, 'd', %s, %s, 60, 'Code')",
            (cid, uid, seq, at),
        )
    for at in made["gps"]:
        owner_conn.execute(
            "INSERT INTO location_points (company_id, user_id, recorded_at, lat, lng) VALUES (%s, %s, %s, 1, 2)",
            (cid, uid, at),
        )
    r = api.post("/function/messaging/channels", json={"name": "general", "kind": "public"}, token=admin["token"])
    channel = r.json["channel"]["id"]
    for at in made["chat"]:
        owner_conn.execute(
            "INSERT INTO chat_messages (company_id, channel_id, author_id, body, created_at)"
            " VALUES (%s, %s, %s, 'x', %s)",
            (cid, channel, uid, at),
        )
    return {"admin": admin, "cid": cid, "uid": uid}


def _times(owner_conn, cid: str) -> dict[str, int]:
    tables = {"screenshots": "screenshots", "recordings": "screen_recordings", "activity": "activity_samples",
              "gps": "location_points", "chat": "chat_messages"}  # fmt: skip
    return {k: owner_conn.execute(f"SELECT count(*) FROM {t} WHERE company_id = %s", (cid,)).fetchone()[0]
            for k, t in tables.items()}  # fmt: skip


def test_retention_deletes_exactly_what_is_past_its_limit(api, owner_conn):
    keeps = _company(api, owner_conn, None)  # defaults: screenshots 90, recordings 30, the rest kept for good
    limited = _company(api, owner_conn, LIMITS)
    preview = api.get("/function/media/retention/preview", token=limited["admin"]["token"])
    assert preview.status_code == 200, preview.json
    due = {i["kind"]: i["due_now"] for i in preview.json["items"]}
    assert due == dict.fromkeys(LIMITS, 1)
    gps = next(i for i in preview.json["items"] if i["kind"] == "gps")
    assert gps["days"] == 5 and gps["oldest_kept_at"] and gps["oldest_deleted_at"] > gps["next_run_at"]
    assert api.get("/function/media/retention/preview", token=keeps["admin"]["token"]).json["items"][2]["days"] == 0

    shots_sql = "SELECT object_key FROM screenshots WHERE company_id = %s ORDER BY taken_at"
    shot_keys = [r[0] for r in owner_conn.execute(shots_sql, (limited["cid"],)).fetchall()]
    out = apply_company_retention(limited["cid"])
    assert {k: out[k] for k in LIMITS} == dict.fromkeys(LIMITS, 1)
    assert _times(owner_conn, limited["cid"]) == dict.fromkeys(LIMITS, 1)
    # What is left is the fresh item of each kind.
    assert not storage.exists(shot_keys[0]) and storage.exists(shot_keys[1])
    assert apply_company_retention(limited["cid"]) == {**dict.fromkeys(out, 0)}

    out = apply_company_retention(keeps["cid"])
    assert _times(owner_conn, keeps["cid"]) == dict.fromkeys(LIMITS, 2)
    due = {i["kind"]: i["due_now"] for i in
           api.get("/function/media/retention/preview", token=limited["admin"]["token"]).json["items"]}  # fmt: skip
    assert due == dict.fromkeys(LIMITS, 0)


def test_expired_exports_are_deleted(api, owner_conn):
    admin = signup(api)
    cid = admin["company"]["id"]
    key = storage.key(cid, "exports", "x.zip")
    storage.put(key, b"PK", "application/zip")
    owner_conn.execute(
        "INSERT INTO data_exports (company_id, user_id, status, progress, object_key, expires_at)"
        " VALUES (%s, %s, 'ready', 100, %s, now() - interval '1 minute')",
        (cid, admin["user"]["id"], key),
    )
    assert apply_company_retention(cid)["exports"] == 1
    assert not storage.exists(key)
    assert owner_conn.execute("SELECT status FROM data_exports").fetchone()[0] == "expired"
