"""(c) Screenshot uploads/s through the full HTTP stack (loopback server, auth, RLS, Pillow check, S3, insert),
then the thumbnail jobs drained by real `rq worker --burst` processes. Bounded well under a minute."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from botocore.exceptions import ClientError
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
UPLOADS = 120
CLIENTS = 8
WORKERS = 2
UPLOAD_BUDGET_S = 20
DRAIN_BUDGET_S = 32


def _screenshot_png(width: int = 1920, height: int = 1080) -> bytes:
    """Return a desktop-like PNG: panels, text-like lines, a photo-ish gradient block."""
    img = Image.new("RGB", (width, height), (236, 239, 244))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, width, 40), fill=(40, 44, 52))
    draw.rectangle((0, 40, 260, height), fill=(250, 250, 252))
    for y in range(70, height - 40, 22):
        draw.line((300, y, 300 + (y * 37) % 1300, y), fill=(60, 60, 70), width=9)
        draw.line((20, y, 20 + (y * 13) % 200, y), fill=(120, 120, 140), width=7)
    photo = Image.frombytes("RGB", (480, 300), os.urandom(480 * 300 * 3)).resize((560, 400))
    img.paste(photo, (1300, 600))
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=False)
    return buf.getvalue()


def _ensure_bucket() -> None:
    from workmonitor import storage

    s3 = storage.client()
    try:
        s3.head_bucket(Bucket=storage.bucket())
    except ClientError:
        s3.create_bucket(Bucket=storage.bucket())


def _serve():
    from werkzeug.serving import WSGIRequestHandler, make_server

    from workmonitor.devserver import gateway_app

    class Quiet(WSGIRequestHandler):
        def log_request(self, *args, **kwargs) -> None:
            pass

    server = make_server("127.0.0.1", 0, gateway_app(), threaded=True, request_handler=Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def _setup_user() -> dict:
    from apiclient import Api
    from factories import consent, invite_and_accept, signup

    api = Api()
    admin = signup(api, company="Bench Media")
    emp = invite_and_accept(api, admin)
    consent(api, admin, emp, screenshots=True)
    return emp


def _upload_all(base: str, token: str, png: bytes) -> tuple[int, int, float]:
    """Upload until UPLOADS done or the budget spent; return (ok, failed, seconds)."""
    t0 = datetime.now(UTC)
    local = threading.local()
    deadline = time.perf_counter() + UPLOAD_BUDGET_S

    def one(i: int) -> bool:
        if time.perf_counter() > deadline:
            return False
        sess = getattr(local, "s", None) or requests.Session()
        local.s = sess
        r = sess.post(
            f"{base}/function/media/screenshots",
            headers={"Authorization": f"Bearer {token}"},
            files={"file": ("s.png", png, "image/png")},
            data={
                "device_id": f"bench-{i % CLIENTS}",
                "monitor": "0",
                "activity_percent": "60",
                "taken_at": (t0 - timedelta(seconds=i)).isoformat(),
            },
            timeout=30,
        )
        return r.status_code == 201

    start = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(one, range(UPLOADS)))
    return sum(results), len(results) - sum(results), time.perf_counter() - start


def _drain() -> float:
    """Run WORKERS burst workers (preloaded, as deployed) until the queue is empty or the budget is spent."""
    from workmonitor.config import settings
    from workmonitor.jobs import registry

    env = {**os.environ, "PYTHONPATH": str(ROOT / "shared")}
    rq = Path(sys.executable).parent / "rq"
    cmd = [
        str(rq),
        "worker",
        "--burst",
        "--quiet",
        "-c",
        "workmonitor.jobs.rqconfig",
        "--url",
        settings().redis_url,
        registry.MAKE_THUMBNAIL.queue,
    ]
    start = time.perf_counter()
    procs = [
        subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(WORKERS)
    ]
    for p in procs:
        try:
            p.wait(timeout=max(0.1, start + DRAIN_BUDGET_S - time.perf_counter()))
        except subprocess.TimeoutExpired:
            p.terminate()
            p.wait(timeout=10)
    return time.perf_counter() - start


def run(env: dict) -> None:
    """Print upload, thumbnail and end-to-end screenshot rates."""
    from seed_media import private_redis

    with private_redis():
        _run(env)


def _run(env: dict) -> None:
    import psycopg

    _ensure_bucket()
    emp = _setup_user()
    png = _screenshot_png()
    server, base = _serve()
    try:
        ok, failed, up_s = _upload_all(base, emp["token"], png)
    finally:
        server.shutdown()
    drain_s = _drain()
    with psycopg.connect(env["owner_url"]) as conn:
        states = dict(conn.execute("SELECT state, count(*) FROM screenshots GROUP BY state").fetchall())
    ready = states.get("ready", 0)
    print(
        f"screenshot size            {len(png) / 1024:.0f} KiB PNG 1920x1080, {CLIENTS} HTTP clients,"
        f" {WORKERS} rq workers"
    )
    print(f"uploads                    {ok} ok, {failed} failed/skipped in {up_s:.2f} s = {ok / up_s:.1f} uploads/s")
    print(
        f"thumbnail drain            {ready} ready in {drain_s:.2f} s = {ready / drain_s:.1f} thumbnails/s"
        f" (incl. worker start-up); states {states}"
    )
    print(
        f"end to end                 {ready / (up_s + drain_s):.1f} screenshots/s uploaded and thumbnailed"
        f" ({ready}/{ok} drained within the budget)"
    )
