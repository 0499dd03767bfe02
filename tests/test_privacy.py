"""The privacy center: the access log records every view, the export holds every kind of record about the person
(checked against the catalog), erasure leaves no captured object or row and keeps pseudonymized records."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime

import pytest
import requests
from factories import PASSWORD, consent, drain, invite_and_accept, last_mail, signup
from seed import seed_company
from seed_media import upload

from workmonitor import keys, storage
from workmonitor.privacy import erasure

P = "/function/team/privacy"
PERSON_NAMES = r"^(.*_)?(user|employee|manager|actor|author|uploader|sender|subject|viewer|person)_id$|_by$"

# Tables with a person column, found from the catalog by a rule of the test's own: a uuid column with a foreign
# key to users or people, or named like a person.
CATALOG_SQL = """
SELECT DISTINCT c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attname <> 'company_id'
  AND a.atttypid = 'uuid'::regtype AND (a.attname ~ %s OR EXISTS (
        SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'f' AND a.attnum = ANY(k.conkey)
          AND k.confrelid IN ('public.users'::regclass, 'public.people'::regclass)))
ORDER BY 1
"""


def _ok(r, status=200):
    assert r.status_code == status, (r.status_code, r.json)
    return r.json


def test_access_log_records_every_view_and_only_the_subject_sees_it(api):
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager", name="Max Manager")
    emp = invite_and_accept(api, admin, name="Eve")
    other = invite_and_accept(api, admin, name="Olga")
    pair = {"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]}
    _ok(api.post("/function/team/assignments", json=pair, token=admin["token"]), 201)
    consent(api, admin, emp, screenshots=True, activity=True, gps=True)
    shots = [_ok(upload(api, emp, taken_at=f"2026-03-0{d}T10:00:00Z"), 201)["screenshot"]["id"] for d in (1, 2)]
    points = [{"recorded_at": datetime.now(UTC).isoformat(), "lat": 48.1, "lng": 11.5}]
    _ok(
        api.post("/function/attendance/locations", json={"device_id": "phone", "points": points}, token=emp["token"]),
        201,
    )
    uid = emp["user"]["id"]

    _ok(api.get(f"/function/media/screenshots?user_id={uid}", token=admin["token"]))  # 2 views
    _ok(api.get(f"/function/media/screenshots/{shots[0]}", token=manager["token"]))  # 1 view
    _ok(api.get(f"/function/attendance/locations?user_id={uid}", token=manager["token"]))  # 1 (1 point)
    _ok(api.get(f"/function/media/screenshots?user_id={other['user']['id']}", token=admin["token"]))  # nothing
    assert api.get(f"/function/media/screenshots/{shots[1]}", token=other["token"]).status_code == 404  # no view

    log = _ok(api.get(f"{P}/access-log", token=emp["token"]))["items"]
    seen = sorted((r["viewer_name"], r["kind"], r["target_id"], r["items"]) for r in log)
    assert seen == sorted([
        ("Ada Admin", "screenshot", shots[0], 1), ("Ada Admin", "screenshot", shots[1], 1),
        ("Max Manager", "screenshot", shots[0], 1), ("Max Manager", "gps", None, 1),
    ])  # fmt: skip
    assert all(r["viewed_at"] for r in log)
    assert _ok(api.get(f"{P}/access-log", token=other["token"]))["items"] == []
    assert _ok(api.get(f"{P}/access-log", token=manager["token"]))["items"] == []

    overview = _ok(api.get(P, token=emp["token"]))
    assert [a["status"] for a in overview["consent_history"]] == ["accepted"]
    assert {(c["client"], c["kind"]) for c in overview["capture"] if c["active"]} == {
        ("desktop_agent", "screenshots"), ("desktop_agent", "activity"), ("browser_extension", "activity"),
        ("phone", "gps"),
    }  # fmt: skip
    held = {h["kind"]: h for h in overview["held"]}
    assert held["screenshots"]["count"] == 2 and held["gps"]["count"] == 1 and held["recordings"]["count"] == 0
    assert held["screenshots"]["retention_days"] == 90


@pytest.fixture()
def company(api):
    return seed_company(api, "Privacy")


def test_export_contains_every_table_with_a_person_column(api, owner_conn, company):
    emp = company["employee"]
    r = _ok(api.post(f"{P}/exports", token=emp["token"]), 202)["export"]
    assert r["status"] == "queued" and r["download_url"] is None
    drain(keys.REPORTS_QUEUE)
    done = _ok(api.get(f"{P}/exports/{r['id']}", token=emp["token"]))["export"]
    assert done["status"] == "ready" and done["progress"] == 100 and done["download_url"], done
    assert "privacy center" in last_mail(emp["email"])
    # Another person cannot read it.
    assert api.get(f"{P}/exports/{r['id']}", token=company["manager"]["token"]).status_code == 404

    zf = zipfile.ZipFile(io.BytesIO(requests.get(done["download_url"], timeout=10).content))
    names = set(zf.namelist())
    tables = [row[0] for row in owner_conn.execute(CATALOG_SQL, (PERSON_NAMES,)).fetchall()]
    assert {"screenshots", "location_points", "activity_samples", "time_entries", "data_access_log"} <= set(tables)
    missing = [t for t in tables if f"data/{t}.json" not in names or f"data/{t}.csv" not in names]
    assert not missing, f"tables with a person column missing from the export: {missing}"

    def rows(table):
        return json.loads(zf.read(f"data/{table}.json"))

    uid = emp["user"]["id"]
    for table in ("screenshots", "screen_recordings", "activity_samples", "location_points", "time_entries",
                  "work_agreements", "chat_messages"):  # fmt: skip
        got = rows(table)
        assert got, table
        assert all(uid in (str(v) for v in r.values()) for r in got), table
    assert all("token_hash" not in r for r in rows("refresh_tokens")) and rows("refresh_tokens")
    assert rows("people")[0]["email"] == emp["email"] and "password_hash" not in rows("people")[0]
    shot = rows("screenshots")[0]
    assert any(n.startswith(f"files/screenshots/{shot['id']}") for n in names)
    assert len([n for n in names if n.startswith("files/recordings/")]) == 2
    assert zf.read("data/activity_samples.csv").decode().splitlines()[0].startswith("company_id,user_id")


def _captured(owner_conn, user_id: str) -> dict[str, int]:
    out = {}
    for table in (*erasure.CAPTURED_TABLES, "recording_chunks"):
        out[table] = owner_conn.execute(f"SELECT count(*) FROM {table} WHERE user_id = %s", (user_id,)).fetchone()[0]
    out["chat_attachments"] = owner_conn.execute(
        "SELECT count(*) FROM chat_attachments WHERE uploader_id = %s", (user_id,)
    ).fetchone()[0]
    return out


def _object_keys(owner_conn, user_id: str) -> list[str]:
    return [
        r[0]
        for r in owner_conn.execute(
            "SELECT unnest(ARRAY[object_key, thumb_key, blur_key]) FROM screenshots WHERE user_id = %(u)s"
            " UNION ALL SELECT object_key FROM recording_chunks WHERE user_id = %(u)s",
            {"u": user_id},
        ).fetchall()
        if r[0]
    ]


def test_erasure_leaves_no_captured_data_and_keeps_pseudonymized_records(api, owner_conn, company):
    emp, admin, manager = company["employee"], company["admin"], company["manager"]
    uid = emp["user"]["id"]
    drain(keys.MEDIA_QUEUE)  # thumbnails exist, so derived objects are erased too
    r = _ok(api.get(f"{P}/erasure-requests?status=pending", token=admin["token"]))  # the seed's request
    req = next(i for i in r["items"] if i["user_id"] == uid)
    keys_before = _object_keys(owner_conn, uid)
    assert len(keys_before) >= 3 and all(storage.exists(k) for k in keys_before)
    assert sum(_captured(owner_conn, uid).values()) > 10
    entries_before = owner_conn.execute("SELECT count(*) FROM time_entries WHERE user_id = %s", (uid,)).fetchone()[0]
    sheets = owner_conn.execute(
        "SELECT count(*) FROM timesheets WHERE user_id = %s AND status = 'approved'", (uid,)
    ).fetchone()[0]
    assert entries_before and sheets

    assert api.post(f"{P}/erasure-requests/{req['id']}/approve", json={}, token=emp["token"]).status_code == 403
    out = _ok(api.post(f"{P}/erasure-requests/{req['id']}/approve", json={"note": "ok"}, token=admin["token"]))
    assert out["request"]["status"] == "approved"
    drain(keys.MEDIA_QUEUE)
    done = _ok(api.get(f"{P}/erasure-requests", token=admin["token"]))["items"]
    done = next(i for i in done if i["id"] == req["id"])
    assert done["status"] == "completed" and done["summary"]["screenshots"] >= 1

    assert _captured(owner_conn, uid) == dict.fromkeys(_captured(owner_conn, uid), 0)
    assert not [k for k in keys_before if storage.exists(k)]
    # What stays under exports/ is other people's files (e.g. an admin's report export), none of theirs.
    others = {
        r[0]
        for r in owner_conn.execute(
            "SELECT object_key FROM report_exports WHERE user_id <> %s AND object_key IS NOT NULL"
            " UNION ALL SELECT object_key FROM data_exports WHERE user_id <> %s",
            (uid, uid),
        ).fetchall()
    }
    assert set(storage.list_keys(f"{company['company_id']}/exports/")) <= others
    # Legal records stay, under a pseudonym.
    assert (
        owner_conn.execute("SELECT count(*) FROM time_entries WHERE user_id = %s", (uid,)).fetchone()[0]
        == entries_before
    )
    assert (
        owner_conn.execute(
            "SELECT count(*) FROM timesheets WHERE user_id = %s AND status = 'approved'", (uid,)
        ).fetchone()[0]
        == sheets
    )
    name, email, status = owner_conn.execute("SELECT name, email, status FROM users WHERE id = %s", (uid,)).fetchone()
    assert name.startswith("Former member") and email.endswith("@erased.invalid") and status == "deactivated"
    assert owner_conn.execute("SELECT count(*) FROM people WHERE email = %s", (emp["email"],)).fetchone()[0] == 0
    assert api.post("/function/auth/login", json={"email": emp["email"], "password": PASSWORD}).status_code == 401
    # Running the job again changes nothing.
    assert erasure.erase_person(req["id"], company["company_id"], admin["user"]["id"]) == {}

    # Offboarding takes the same steps at once (the manager's session ends).
    off = _ok(api.post(f"/function/team/users/{manager['user']['id']}/offboard", json={}, token=admin["token"]), 201)
    assert off["request"]["offboarding"] is True and off["request"]["status"] == "approved"
    assert api.get("/function/auth/me", token=manager["token"]).status_code == 401
    drain(keys.MEDIA_QUEUE)
    assert _ok(api.get(f"{P}/erasure-requests?status=completed", token=admin["token"]))["items"][0]["offboarding"]
