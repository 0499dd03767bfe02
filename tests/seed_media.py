"""Seed the media tables through the API: a screenshot and a two-chunk screen recording of the employee."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

WEBM_MAGIC = b"\x1a\x45\xdf\xa3"


def png_bytes(width: int = 640, height: int = 400, color=(30, 120, 200)) -> bytes:
    """Return a small PNG with a pattern (so blurring changes it)."""
    img = Image.new("RGB", (width, height), color)
    for x in range(0, width, 16):
        for y in range(0, height, 16):
            if (x // 16 + y // 16) % 2:
                img.paste((250, 250, 250), (x, y, x + 16, y + 16))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def upload(
    api,
    user: dict,
    data: bytes | None = None,
    *,
    taken_at: str | None = None,
    device_id: str = "laptop-1",
    monitor: int = 0,
    activity_percent: int | None = 55,
    filename: str = "shot.png",
):
    """POST one screenshot as `user`; return the response."""
    form = {
        "file": (io.BytesIO(png_bytes() if data is None else data), filename),
        "device_id": device_id,
        "taken_at": taken_at or datetime.now(UTC).isoformat(),
        "monitor": str(monitor),
    }
    if activity_percent is not None:
        form["activity_percent"] = str(activity_percent)
    return api.post("/function/media/screenshots", data=form, token=user["token"])


@contextmanager
def private_redis():
    """Run the block against a redis-server of its own, so no other test run or benchmark sharing the Redis
    databases can drain or flush this run's RQ jobs (worker subprocesses inherit REDIS_URL)."""
    import services

    from workmonitor import config, redis_client

    binary = shutil.which("redis-server") or str(Path(sys.executable).parent / "redis-server")
    port = services.free_port()
    proc = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    old = os.environ.get("REDIS_URL")
    try:
        services._wait_port(port, "redis (media)")
        os.environ["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        config.settings.cache_clear()
        redis_client.reset()
        yield os.environ["REDIS_URL"]
    finally:
        if old is None:
            os.environ.pop("REDIS_URL", None)
        else:
            os.environ["REDIS_URL"] = old
        config.settings.cache_clear()
        redis_client.reset()
        proc.terminate()
        proc.wait(timeout=10)


def seed(api, ctx) -> None:
    """Create one row in screenshots, screen_recordings and recording_chunks for ctx's company."""
    emp = ctx["employee"]
    r = upload(api, emp, device_id="seed-laptop")
    assert r.status_code == 201, r.json
    ctx["screenshot_id"] = r.json["screenshot"]["id"]
    r = api.post(
        "/function/media/recordings",
        json={"device_id": "seed-laptop", "content_type": "video/webm", "started_at": datetime.now(UTC).isoformat()},
        token=emp["token"],
    )
    assert r.status_code == 201, r.json
    rec_id = r.json["recording"]["id"]
    for n, chunk in enumerate((WEBM_MAGIC + b"\x00" * 64, b"\x01" * 64)):
        r = api.put(
            f"/function/media/recordings/{rec_id}/chunks/{n}",
            data=chunk,
            token=emp["token"],
            headers={"Content-Type": "application/octet-stream"},
        )
        assert r.status_code == 201, r.json
    r = api.post(f"/function/media/recordings/{rec_id}/complete", json={"duration_ms": 2000}, token=emp["token"])
    assert r.status_code == 200, r.json
    ctx["recording_id"] = rec_id
