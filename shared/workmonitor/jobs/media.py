"""Media jobs (queue "media"): screenshot thumbnails and blurred copies, leftover-object deletion, stale requeue.

Exactly once: the derived objects have deterministic keys (a re-run overwrites, never adds) and the row moves
to 'ready' with a conditional UPDATE, so a job run twice, or killed midway and run again, leaves one
thumbnail and one state change. A row deleted while the job ran gets its freshly written objects removed.
"""

from __future__ import annotations

import io
import logging
import os
import signal
from pathlib import Path

from PIL import Image, ImageFilter, ImageOps

from .. import storage
from ..db import Claims, Conn, transaction
from ..media import screenshots
from ..media.settings import company_settings
from . import outbox, registry

log = logging.getLogger("workmonitor.jobs.media")
THUMB_WIDTH = 320
BLUR_RADIUS = 16
BLUR_MAX_WIDTH = 1280
MAX_ATTEMPTS = 8
# Test hook: when set to a path that does not exist yet, the first run creates it and SIGKILLs itself and its
# rq worker right after writing the thumbnail (the worst moment: object written, row not updated).
CRASH_ENV = "WM_TEST_MEDIA_CRASH_MARKER"


def enqueue_thumbnail(conn: Conn, screenshot_id, company_id, defer: outbox.Defer | None = None) -> str | None:
    """Enqueue make_thumbnail for one screenshot (in `conn`'s transaction); return the job id."""
    return registry.MAKE_THUMBNAIL.enqueue(conn, str(screenshot_id), str(company_id), defer=defer)


def make_thumbnail(screenshot_id: str, company_id: str) -> str:
    """Write the thumbnail (and blurred copy when the company blurs) once; return 'ready', 'done' or 'gone'."""
    with transaction(Claims.job(company_id)) as conn:
        row = conn.execute(
            "UPDATE screenshots SET state = 'processing', attempts = attempts + 1 WHERE id = %s"
            " AND state <> 'ready' RETURNING object_key, attempts",
            (screenshot_id,),
        ).fetchone()
        if row is None:
            done = conn.execute("SELECT 1 FROM screenshots WHERE id = %s", (screenshot_id,)).fetchone()
            return "done" if done else "gone"
        blur = bool(company_settings(conn, company_id)["blur_screenshots"])
    thumb_key, blur_key = screenshots.derived_keys(row["object_key"])
    try:
        original = storage.get(row["object_key"])
    except FileNotFoundError:
        return _mark_failed(screenshot_id, company_id, "original object missing")
    try:
        thumb, blurred, width = render(original, blur)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        return _mark_failed(screenshot_id, company_id, f"cannot decode: {exc}")
    if blurred is not None:
        storage.put(blur_key, blurred, "image/webp")
    storage.put(thumb_key, thumb, "image/webp")
    _crash_hook()
    with transaction(Claims.job(company_id)) as conn:
        updated = conn.execute(
            "UPDATE screenshots SET state = 'ready', thumb_key = %s, blur_key = %s, thumb_width = %s,"
            " processed_at = now() WHERE id = %s AND state <> 'ready' RETURNING id",
            (thumb_key, blur_key if blurred is not None else None, width, screenshot_id),
        ).fetchone()
        if (
            updated is None
            and conn.execute("SELECT 1 FROM screenshots WHERE id = %s", (screenshot_id,)).fetchone() is None
        ):
            storage.delete(thumb_key, blur_key)  # deleted while we worked: leave nothing behind
            return "gone"
    return "ready" if updated else "done"


def render(data: bytes, blur: bool) -> tuple[bytes, bytes | None, int]:
    """Return (thumbnail WebP, blurred WebP or None, thumbnail width); a blurred shot's thumbnail is blurred too."""
    with Image.open(io.BytesIO(data)) as src:
        full_width, height = src.size
        # JPEG draft mode decodes at the smallest 1/2, 1/4 or 1/8 scale still at least the size we need: a bounded
        # cost per image whatever its resolution. The blurred copy needs half size (big shots) and the thumbnail
        # twice its width (the `reducing_gap` below).
        need = full_width // 2 if blur and full_width > BLUR_MAX_WIDTH else full_width if blur else 2 * THUMB_WIDTH
        src.draft("RGB", (need, max(1, height * need // max(full_width, 1))))
        src.load()
        img = ImageOps.exif_transpose(src) if src.format != "PNG" else src
        img = img.convert("RGB") if img.mode != "RGB" else img
        blurred_bytes = None
        if blur:
            # Blurred detail needs no full resolution: halve big shots first, which also makes the blur cheaper.
            small = img.reduce(2) if img.width > BLUR_MAX_WIDTH else img
            img = small.filter(ImageFilter.GaussianBlur(BLUR_RADIUS * small.width / max(full_width, 1)))
            blurred_bytes = _webp(img, quality=70)
        thumb = img.copy()
        thumb.thumbnail((THUMB_WIDTH, 100_000), Image.Resampling.LANCZOS, reducing_gap=2.0)
    return _webp(thumb, quality=75), blurred_bytes, thumb.width


def _webp(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "WEBP", quality=quality, method=2)
    return buf.getvalue()


def _mark_failed(screenshot_id: str, company_id: str, reason: str) -> str:
    log.warning("screenshot processing failed", extra={"fields": {"screenshot_id": screenshot_id, "reason": reason}})
    with transaction(Claims.job(company_id)) as conn:
        conn.execute("UPDATE screenshots SET state = 'failed' WHERE id = %s AND state <> 'ready'", (screenshot_id,))
    return "failed"


def _crash_hook() -> None:
    marker = os.environ.get(CRASH_ENV)
    if marker and not Path(marker).exists():
        Path(marker).write_text(str(os.getpid()))
        if os.getpgrp() == os.getpid():  # an rq work horse (it leads its own group): take the worker down too
            os.kill(os.getppid(), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)


def requeue_stale(company_id: str, older_than_seconds: int = 900) -> int:
    """Re-enqueue thumbnails stuck in pending/processing (a worker died); give up after MAX_ATTEMPTS. Return count."""
    later: list = []
    with transaction(Claims.job(company_id)) as conn:
        conn.execute(
            "UPDATE screenshots SET state = 'failed' WHERE state IN ('pending', 'processing') AND attempts >= %s",
            (MAX_ATTEMPTS,),
        )
        rows = conn.execute(
            "SELECT id FROM screenshots WHERE state IN ('pending', 'processing')"
            " AND created_at < now() - make_interval(secs => %s) ORDER BY created_at LIMIT 1000",
            (older_than_seconds,),
        ).fetchall()
        for row in rows:
            enqueue_thumbnail(conn, row["id"], company_id, defer=later.append)
    for task in later:
        task()
    return len(rows)


def delete_objects(company_id: str, keys: list[str]) -> int:
    """Delete leftover objects of one company (retried when S3 was down at deletion time); return how many."""
    mine = [k for k in keys if storage.owned_by(company_id, k)]
    storage.delete(*mine)
    return len(mine)
