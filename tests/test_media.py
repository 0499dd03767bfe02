"""media: screenshot upload, presigned URLs, thumbnail/blur jobs, visibility, deletion, retention, recordings."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from factories import consent, drain, invite_and_accept, signup
from PIL import Image, ImageStat
from seed_media import WEBM_MAGIC, png_bytes, private_redis, upload

from workmonitor import storage
from workmonitor.config import settings
from workmonitor.jobs import media as media_jobs
from workmonitor.keys import MEDIA_QUEUE

ROOT = Path(__file__).resolve().parents[1]
M = "/function/media"


@pytest.fixture(scope="module", autouse=True)
def own_redis(stack):
    """This module's RQ jobs live in a Redis of their own (parallel runs share the default server's dbs)."""
    with private_redis() as url:
        yield url


@pytest.fixture()
def co(api):
    """A company with admin, a manager assigned to employee `emp`, an unassigned `emp2`; both consented."""
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager", name="Max Manager")
    emp = invite_and_accept(api, admin, name="Eve Employee")
    emp2 = invite_and_accept(api, admin, name="Otto Other")
    r = api.post(
        "/function/team/assignments",
        json={"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]},
        token=admin["token"],
    )
    assert r.status_code == 201, r.json
    for user in (emp, emp2):
        consent(api, admin, user, screenshots=True)
    return {"admin": admin, "manager": manager, "emp": emp, "emp2": emp2, "cid": admin["company"]["id"]}


def shots(api, user, **params) -> list[dict]:
    r = api.get(f"{M}/screenshots", token=user["token"], query_string=params)
    assert r.status_code == 200, r.json
    return r.json["items"]


def keys(cid: str) -> list[str]:
    return storage.list_keys(f"{cid}/")


def fetch(url: str) -> requests.Response:
    return requests.get(url, timeout=10)


def set_media(api, admin, **changes) -> dict:
    r = api.patch(f"{M}/settings", json=changes, token=admin["token"])
    assert r.status_code == 200, r.json
    return r.json["settings"]


# --- upload, URLs, thumbnails ----------------------------------------------------------------------------


def test_upload_presigned_url_works_then_expires(api, co, owner_conn):
    data = png_bytes()
    r = upload(api, co["emp"], data, activity_percent=42, monitor=1)
    assert r.status_code == 201, r.json
    shot = r.json["screenshot"]
    assert (shot["width"], shot["height"], shot["monitor"], shot["activity_percent"]) == (640, 400, 1, 42)
    assert shot["content_type"] == "image/png" and shot["size_bytes"] == len(data) and len(shot["sha256"]) == 64
    drain(MEDIA_QUEUE)
    item = shots(api, co["emp"])[0]
    got = fetch(item["url"])
    assert got.status_code == 200 and got.content == data
    short = shots(api, co["emp"], expires_in=1)[0]
    time.sleep(2.5)
    assert fetch(short["url"]).status_code == 403
    assert fetch(item["url"]).status_code == 200  # the 300 s URL is still good


def test_thumbnail_job_output_and_rerun_is_a_noop(api, co, owner_conn):
    r = upload(api, co["emp"], png_bytes(1280, 720))
    shot_id = r.json["screenshot"]["id"]
    assert r.json["screenshot"]["state"] == "pending" and r.json["screenshot"]["thumbnail_url"] is None
    drain(MEDIA_QUEUE)
    item = shots(api, co["emp"])[0]
    assert item["state"] == "ready"
    thumb = Image.open(io.BytesIO(fetch(item["thumbnail_url"]).content))
    thumb.load()
    assert thumb.format == "WEBP" and thumb.size == (320, 180)
    before = keys(co["cid"])
    assert sum(k.endswith(".thumb.webp") for k in before) == 1
    assert media_jobs.make_thumbnail(shot_id, co["cid"]) == "done"
    assert keys(co["cid"]) == before
    row = owner_conn.execute(
        "SELECT state, attempts, thumb_width FROM screenshots WHERE id = %s", (shot_id,)
    ).fetchone()
    assert row == ("ready", 1, 320)


def test_retried_upload_creates_nothing_twice(api, co, owner_conn):
    taken = datetime.now(UTC).replace(microsecond=0).isoformat()
    first = upload(api, co["emp"], taken_at=taken)
    again = upload(api, co["emp"], taken_at=taken)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json["screenshot"]["id"] == again.json["screenshot"]["id"]
    assert owner_conn.execute("SELECT count(*) FROM screenshots").fetchone()[0] == 1
    assert len(keys(co["cid"])) == 1
    assert upload(api, co["emp"], taken_at=taken, monitor=1).status_code == 201  # another monitor is another shot


def test_failed_row_insert_removes_the_object(api, co, owner_conn, monkeypatch):
    class ShortDigest:
        def __init__(self, _data):
            pass

        def hexdigest(self):
            return "abc"  # breaks the sha256 length CHECK, so the INSERT fails after the put

    monkeypatch.setattr("workmonitor.media.screenshots.hashlib", SimpleNamespace(sha256=ShortDigest))
    r = upload(api, co["emp"])
    assert r.status_code == 422, r.json
    assert owner_conn.execute("SELECT count(*) FROM screenshots").fetchone()[0] == 0
    assert keys(co["cid"]) == []


@pytest.mark.parametrize(
    "data,name",
    [
        (b"just some text, not an image", "shot.png"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "shot.png"),
        (b"GIF89a" + b"\x00" * 100, "shot.gif"),
    ],
)
def test_fake_or_unaccepted_images_are_refused(api, co, owner_conn, data, name):
    r = upload(api, co["emp"], data, filename=name)
    assert r.status_code in (400, 415) and r.json["error"]["code"] == "unsupported_media_type", r.json
    assert owner_conn.execute("SELECT count(*) FROM screenshots").fetchone()[0] == 0
    assert keys(co["cid"]) == []


def test_gif_decoded_is_refused_and_jpeg_webp_accepted(api, co):
    for fmt, ctype in (("GIF", None), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")):
        buf = io.BytesIO()
        Image.new("RGB", (50, 40), (1, 2, 3)).save(buf, fmt)
        r = upload(api, co["emp"], buf.getvalue(), filename="x.png", device_id=fmt)
        assert r.status_code == (415 if ctype is None else 201), r.json
        if ctype:
            assert r.json["screenshot"]["content_type"] == ctype


def test_size_limit_is_the_company_setting(api, co, owner_conn):
    set_media(api, co["admin"], screenshot_max_bytes=64 * 1024)
    big = io.BytesIO()
    Image.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3)).save(big, "PNG")
    r = upload(api, co["emp"], big.getvalue())
    assert r.status_code == 413 and r.json["error"]["code"] == "payload_too_large"
    assert upload(api, co["emp"]).status_code == 201  # a small one still fits
    assert upload(api, co["emp"], big.getvalue()[:10]).status_code == 415


def test_missing_fields_are_400(api, co):
    r = api.post(f"{M}/screenshots", data={"file": (io.BytesIO(png_bytes()), "a.png")}, token=co["emp"]["token"])
    assert r.status_code == 400 and {"device_id", "taken_at"} <= set(r.json["error"]["fields"])
    r = api.post(
        f"{M}/screenshots", data={"device_id": "d", "taken_at": datetime.now(UTC).isoformat()}, token=co["emp"]["token"]
    )
    assert r.status_code == 400 and "file" in r.json["error"]["fields"]


def test_no_consent_stores_nothing(api, owner_conn):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    consent(api, admin, emp, activity=True)  # activity only, no screenshots
    r = upload(api, emp)
    assert r.status_code == 403 and r.json["error"]["code"] == "consent_required"
    r = api.post(
        f"{M}/recordings",
        json={"device_id": "d", "content_type": "video/webm", "started_at": datetime.now(UTC).isoformat()},
        token=emp["token"],
    )
    assert r.status_code == 403
    assert (
        owner_conn.execute(
            "SELECT (SELECT count(*) FROM screenshots) + (SELECT count(*) FROM screen_recordings)"
        ).fetchone()[0]
        == 0
    )
    assert keys(admin["company"]["id"]) == []


# --- blur ------------------------------------------------------------------------------------------------


def test_blur_hides_the_original_from_non_admins(api, co):
    set_media(api, co["admin"], blur_screenshots=True)
    data = png_bytes()
    r = upload(api, co["emp"], data)
    assert r.json["screenshot"]["url"] is None  # not processed yet: nothing to show but the original
    drain(MEDIA_QUEUE)
    mine = shots(api, co["emp"])[0]
    mgr = shots(api, co["manager"])[0]
    adm = shots(api, co["admin"])[0]
    assert mine["blurred"] and mgr["blurred"]
    blurred = fetch(mine["url"]).content
    assert blurred != data and fetch(mgr["url"]).content == blurred
    assert fetch(adm["url"]).content == data and fetch(adm["blurred_url"]).content == blurred
    sharp = ImageStat.Stat(Image.open(io.BytesIO(data)).convert("L")).stddev[0]
    soft = ImageStat.Stat(Image.open(io.BytesIO(blurred)).convert("L")).stddev[0]
    assert soft < sharp / 2
    assert Image.open(io.BytesIO(fetch(mine["thumbnail_url"]).content)).width == 320


# --- visibility and deletion -----------------------------------------------------------------------------


def test_employee_manager_admin_visibility(api, co):
    a = upload(api, co["emp"]).json["screenshot"]["id"]
    b = upload(api, co["emp2"]).json["screenshot"]["id"]
    assert [s["id"] for s in shots(api, co["emp"])] == [a]
    assert [s["id"] for s in shots(api, co["emp2"])] == [b]
    assert [s["id"] for s in shots(api, co["manager"])] == [a]
    assert {s["id"] for s in shots(api, co["admin"])} == {a, b}
    assert shots(api, co["emp"], user_id=co["emp2"]["user"]["id"]) == []
    assert api.get(f"{M}/screenshots/{b}", token=co["emp"]["token"]).status_code == 404
    assert api.get(f"{M}/screenshots/{b}", token=co["manager"]["token"]).status_code == 404
    assert api.get(f"{M}/screenshots/{a}", token=co["manager"]["token"]).status_code == 200
    today = datetime.now(UTC).date()
    assert len(shots(api, co["admin"], user_id=co["emp"]["user"]["id"], date=today.isoformat())) == 1
    assert shots(api, co["admin"], date=(today - timedelta(days=3)).isoformat()) == []
    assert api.get(f"{M}/screenshots", token=co["emp"]["token"], query_string={"date": "x"}).status_code == 400


def test_delete_grace_window_and_audit(api, co, owner_conn):
    first = upload(api, co["emp"]).json["screenshot"]["id"]
    drain(MEDIA_QUEUE)
    assert len(keys(co["cid"])) == 2  # original + thumbnail
    assert api.delete(f"{M}/screenshots/{first}", token=co["emp2"]["token"]).status_code == 404
    assert api.delete(f"{M}/screenshots/{first}", token=co["emp"]["token"]).status_code == 204
    assert keys(co["cid"]) == []
    old = upload(api, co["emp"]).json["screenshot"]["id"]
    owner_conn.execute("UPDATE screenshots SET created_at = now() - interval '11 minutes' WHERE id = %s", (old,))
    r = api.delete(f"{M}/screenshots/{old}", token=co["emp"]["token"])
    assert r.status_code == 403 and r.json["error"]["code"] == "grace_expired"
    set_media(api, co["admin"], delete_grace_minutes=30)
    assert api.delete(f"{M}/screenshots/{old}", token=co["emp"]["token"]).status_code == 204
    third = upload(api, co["emp"]).json["screenshot"]["id"]
    owner_conn.execute("UPDATE screenshots SET created_at = now() - interval '2 days' WHERE id = %s", (third,))
    assert api.delete(f"{M}/screenshots/{third}", token=co["manager"]["token"]).status_code == 204
    assert owner_conn.execute("SELECT count(*) FROM screenshots").fetchone()[0] == 0
    audit = owner_conn.execute(
        "SELECT actor_id::text, target_id FROM audit_logs WHERE action = 'media.screenshot_deleted' ORDER BY id"
    ).fetchall()
    assert audit == [
        (co["emp"]["user"]["id"], first),
        (co["emp"]["user"]["id"], old),
        (co["manager"]["user"]["id"], third),
    ]
    assert keys(co["cid"]) == []


def test_cross_company_isolation(api, co):
    shot = upload(api, co["emp"]).json["screenshot"]["id"]
    drain(MEDIA_QUEUE)
    other = signup(api, company="Other")
    assert shots(api, other) == []
    assert api.get(f"{M}/screenshots/{shot}", token=other["token"]).status_code == 404
    assert api.delete(f"{M}/screenshots/{shot}", token=other["token"]).status_code == 404
    assert len(keys(co["cid"])) == 2


def test_presign_refuses_keys_outside_the_company(api, co):
    upload(api, co["emp"])
    key = keys(co["cid"])[0]
    other = signup(api, company="Other")["company"]["id"]
    with pytest.raises(storage.KeyOutsideCompany):
        storage.presign(other, key)
    for bad in (f"{other}/../{key}", f"{other}/", f"{other}", f"x{other}/a", f"{other}//a"):
        with pytest.raises(PermissionError):
            storage.presign(other, bad)
    assert fetch(storage.presign(co["cid"], key, 60)).status_code == 200
    with pytest.raises(ValueError):
        storage.key(co["cid"], "..", "x")


def test_missing_object_is_file_not_found(co):
    with pytest.raises(FileNotFoundError):
        storage.get(storage.key(co["cid"], "nope"))


# --- retention -------------------------------------------------------------------------------------------


def _publish_secret(stack, value: str) -> None:
    (Path(os.environ["WM_SECRETS_DIR"]) / "publish-secret").write_text(value)
    settings.cache_clear()


def test_retention_deletes_objects_and_rows(api, co, owner_conn, stack):
    set_media(api, co["admin"], retention_days={"screenshots": 30, "recordings": 7})
    old = upload(api, co["emp"], taken_at=(datetime.now(UTC) - timedelta(days=40)).isoformat())
    new = upload(api, co["emp"])
    rec = api.post(
        f"{M}/recordings",
        json={
            "device_id": "d",
            "content_type": "video/webm",
            "started_at": (datetime.now(UTC) - timedelta(days=8)).isoformat(),
        },
        token=co["emp"]["token"],
    ).json["recording"]["id"]
    assert (
        api.put(f"{M}/recordings/{rec}/chunks/0", data=WEBM_MAGIC + b"x" * 10, token=co["emp"]["token"]).status_code
        == 201
    )
    drain(MEDIA_QUEUE)
    assert len(keys(co["cid"])) == 5
    try:
        _publish_secret(stack, "cron-secret-123")
        assert api.post(f"{M}/retention/run").status_code == 401
        assert api.post(f"{M}/retention/run", headers={"X-WM-Secret": "wrong"}).status_code == 401
        assert api.post(f"{M}/retention/run", token=co["emp"]["token"]).status_code == 403
        r = api.post(f"{M}/retention/run", headers={"X-WM-Secret": "cron-secret-123"})
        assert r.status_code == 202 and r.json["scope"] == "all"
    finally:
        (Path(os.environ["WM_SECRETS_DIR"]) / "publish-secret").unlink()
        settings.cache_clear()
    drain(MEDIA_QUEUE)
    ids = [r[0] for r in owner_conn.execute("SELECT id::text FROM screenshots").fetchall()]
    assert ids == [new.json["screenshot"]["id"]]
    assert owner_conn.execute("SELECT count(*) FROM screen_recordings").fetchone()[0] == 0
    assert owner_conn.execute("SELECT count(*) FROM recording_chunks").fetchone()[0] == 0
    left = keys(co["cid"])
    assert len(left) == 2 and not any(old.json["screenshot"]["id"] in k for k in left)
    r = api.post(f"{M}/retention/run", token=co["admin"]["token"])  # an admin runs it for their own company
    assert r.status_code == 202 and r.json["scope"] == "company"
    drain(MEDIA_QUEUE)
    assert keys(co["cid"]) == left


# --- recordings ------------------------------------------------------------------------------------------


def test_recording_chunks_are_idempotent_and_checked(api, co, owner_conn):
    tok = co["emp"]["token"]
    start = {"device_id": "d1", "content_type": "video/mp4", "started_at": datetime.now(UTC).isoformat()}
    r = api.post(f"{M}/recordings", json=start, token=tok)
    assert r.status_code == 201
    rec = r.json["recording"]["id"]
    assert api.post(f"{M}/recordings", json=start, token=tok).json["recording"]["id"] == rec
    url = f"{M}/recordings/{rec}/chunks"
    assert api.put(f"{url}/0", data=WEBM_MAGIC + b"x" * 20, token=tok).status_code == 415  # webm bytes, mp4 declared
    mp4 = b"\x00\x00\x00\x18ftypisom" + b"\x00" * 100
    assert api.put(f"{url}/0", data=mp4, token=tok).status_code == 201
    assert api.put(f"{url}/0", data=mp4, token=tok).status_code == 200
    assert api.put(f"{url}/0", data=mp4 + b"!", token=tok).status_code == 409
    assert api.put(f"{url}/2", data=b"tail", token=tok).status_code == 201
    r = api.post(f"{M}/recordings/{rec}/complete", json={}, token=tok)
    assert r.status_code == 409 and r.json["error"]["code"] == "chunks_missing"
    assert api.put(f"{url}/1", data=b"middle", token=co["emp2"]["token"]).status_code == 404
    assert api.put(f"{url}/1", data=b"middle", token=tok).status_code == 201
    set_media(api, co["admin"], recording_chunk_max_bytes=64 * 1024)
    assert api.put(f"{url}/3", data=b"z" * (64 * 1024 + 1), token=tok).status_code == 413
    r = api.post(f"{M}/recordings/{rec}/complete", json={"duration_ms": 3000}, token=tok)
    assert r.status_code == 200 and r.json["recording"]["chunk_count"] == 3
    assert r.json["recording"]["state"] == "complete"
    assert api.put(f"{url}/3", data=b"late", token=tok).status_code == 409
    r = api.get(f"{M}/recordings/{rec}", token=co["manager"]["token"])
    assert r.status_code == 200
    assert b"".join(fetch(c["url"]).content for c in r.json["chunks"]) == mp4 + b"middle" + b"tail"
    assert api.get(f"{M}/recordings/{rec}", token=co["emp2"]["token"]).status_code == 404
    assert len(api.get(f"{M}/recordings", token=co["admin"]["token"]).json["items"]) == 1
    assert api.delete(f"{M}/recordings/{rec}", token=co["emp"]["token"]).status_code == 403
    assert api.delete(f"{M}/recordings/{rec}", token=co["manager"]["token"]).status_code == 204
    assert keys(co["cid"]) == []
    assert owner_conn.execute("SELECT count(*) FROM recording_chunks").fetchone()[0] == 0


def test_with_blur_on_only_admins_get_recording_chunks(api, co):
    """Issue 11 #12: blur applied to screenshots, yet managers still got raw screen-recording chunks."""
    tok = co["emp"]["token"]
    start = {"device_id": "d1", "content_type": "video/webm", "started_at": datetime.now(UTC).isoformat()}
    rec = api.post(f"{M}/recordings", json=start, token=tok).json["recording"]["id"]
    assert api.put(f"{M}/recordings/{rec}/chunks/0", data=WEBM_MAGIC + b"x" * 10, token=tok).status_code == 201
    assert api.post(f"{M}/recordings/{rec}/complete", json={}, token=tok).status_code == 200
    assert api.get(f"{M}/recordings/{rec}", token=co["manager"]["token"]).json["chunks"][0]["url"]
    set_media(api, co["admin"], blur_screenshots=True)
    for who in ("manager", "emp"):
        r = api.get(f"{M}/recordings/{rec}", token=co[who]["token"])
        assert r.status_code == 403 and r.json["error"]["code"] == "blur_on", (who, r.json)
    assert api.get(f"{M}/recordings/{rec}", token=co["emp2"]["token"]).status_code == 404  # still invisible first
    r = api.get(f"{M}/recordings/{rec}", token=co["admin"]["token"])
    assert r.status_code == 200 and fetch(r.json["chunks"][0]["url"]).content == WEBM_MAGIC + b"x" * 10
    assert len(api.get(f"{M}/recordings", token=co["manager"]["token"]).json["items"]) == 1  # listing stays


# --- a worker killed mid-job -----------------------------------------------------------------------------


def _rq_worker(extra_env: dict) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "shared"), **extra_env}
    rq = Path(sys.executable).parent / "rq"
    return subprocess.run(
        [str(rq), "worker", "--burst", "--url", settings().redis_url, "media"],
        check=False,
        env=env,
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        start_new_session=True,
    )


def test_worker_killed_mid_job_produces_the_thumbnail_exactly_once(api, co, owner_conn, tmp_path):
    shot = upload(api, co["emp"]).json["screenshot"]["id"]
    marker = tmp_path / "crashed"
    first = _rq_worker({media_jobs.CRASH_ENV: str(marker)})
    assert marker.exists() and first.returncode == -9, first.stderr.decode()[-2000:]
    row = owner_conn.execute("SELECT state, attempts, thumb_key FROM screenshots WHERE id = %s", (shot,)).fetchone()
    assert row == ("processing", 1, None)  # killed after writing the thumbnail, before recording it
    assert sum(k.endswith(".thumb.webp") for k in keys(co["cid"])) == 1
    assert media_jobs.requeue_stale(co["cid"], older_than_seconds=0) == 1  # the sweep finds the stuck row
    second = _rq_worker({media_jobs.CRASH_ENV: str(marker)})
    assert second.returncode == 0, second.stderr.decode()[-2000:]
    row = owner_conn.execute("SELECT state, attempts, thumb_key FROM screenshots WHERE id = %s", (shot,)).fetchone()
    assert row[0] == "ready" and row[1] == 2 and row[2].endswith(".thumb.webp"), second.stderr.decode()[-3000:]
    thumbs = [k for k in keys(co["cid"]) if k.endswith(".thumb.webp")]
    assert thumbs == [row[2]]
    assert media_jobs.requeue_stale(co["cid"], older_than_seconds=0) == 0


def test_capture_settings_reach_the_agent_through_me(api):
    from factories import invite_and_accept, signup

    admin = signup(api)
    emp = invite_and_accept(api, admin)
    defaults = api.get("/function/media/settings", token=admin["token"]).json["settings"]
    assert (defaults["screenshot_interval_minutes"], defaults["idle_threshold_minutes"]) == (10, 5)
    r = api.patch(
        "/function/media/settings",
        json={"screenshot_interval_minutes": 3, "idle_threshold_minutes": 7},
        token=admin["token"],
    )
    assert r.status_code == 200, r.json
    company = api.get("/function/auth/me", token=emp["token"]).json["company"]
    assert (company["settings"]["screenshot_interval_minutes"], company["settings"]["idle_threshold_minutes"]) == (3, 7)
    assert (
        api.patch("/function/media/settings", json={"screenshot_interval_minutes": 0}, token=admin["token"]).status_code
        == 400
    )
    assert (
        api.patch("/function/media/settings", json={"idle_threshold_minutes": 5}, token=emp["token"]).status_code == 403
    )


def test_an_upload_holds_no_database_connection_while_it_streams_to_s3(api, co, monkeypatch):
    from flask import g

    put, seen = storage.put, []

    def watched(key, data, content_type):
        seen.append(g.get("conn"))  # the request's connection, if one were checked out
        return put(key, data, content_type)

    monkeypatch.setattr(storage, "put", watched)
    r = upload(api, co["emp"], taken_at="2026-03-02T09:00:00+00:00")
    assert r.status_code == 201, r.json
    assert seen == [None]
    again = upload(api, co["emp"], taken_at="2026-03-02T09:00:00+00:00")  # a retry: same row, its object removed
    assert again.status_code == 200 and again.json["screenshot"]["id"] == r.json["screenshot"]["id"]
    assert len(storage.list_keys(f"{co['admin']['user']['company_id']}/")) == 1


def test_a_jpeg_is_decoded_in_draft_mode_and_a_truncated_one_refused(api, co):
    buf = io.BytesIO()
    Image.effect_noise((1920, 1080), 64).convert("RGB").save(buf, "JPEG", quality=80)
    whole = buf.getvalue()
    assert upload(api, co["emp"], whole, filename="shot.jpg").status_code == 201
    r = upload(api, co["emp"], whole[: len(whole) // 2], filename="cut.jpg", taken_at="2026-03-02T10:00:00+00:00")
    assert r.status_code == 415, r.json
