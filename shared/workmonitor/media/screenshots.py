"""Screenshots: image checks, storing uploads, listing with presigned URLs, deletion.

Objects go to S3 first and the row second; when the row cannot be written the object is deleted again, so
nothing is ever half-written. Derived objects (thumbnail, blurred copy) have keys derived from the original's
key, so re-running the job or deleting a screenshot always finds them.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PIL import Image, UnidentifiedImageError

from .. import storage
from ..db import Conn
from ..errors import ApiError, Conflict, Forbidden, NotFound, PayloadTooLarge, id_or_404
from .settings import merged_settings

FORMATS = {"PNG": ("image/png", "png"), "JPEG": ("image/jpeg", "jpg"), "WEBP": ("image/webp", "webp")}
MAX_PIXELS = 40_000_000
SHOT_COLUMNS = (
    "id, user_id, device_id, taken_at, monitor, activity_percent, content_type, size_bytes, width,"
    " height, sha256, state, object_key, thumb_key, blur_key, thumb_width, processed_at, created_at"
)


class UnsupportedMedia(ApiError):
    status, code = 415, "unsupported_media_type"


# --- images ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageInfo:
    """What decoding an upload found out."""

    content_type: str
    ext: str
    width: int
    height: int


def inspect_image(data: bytes) -> ImageInfo:
    """Return the image's type and size by decoding it; raise UnsupportedMedia unless a sound PNG/JPEG/WebP."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt, (width, height) = img.format, img.size
            if fmt not in FORMATS:
                raise UnsupportedMedia(
                    "Screenshots must be PNG, JPEG or WebP images.",
                    fields={"file": f"{fmt or 'unknown'} is not accepted"},
                )
            if width * height > MAX_PIXELS:
                raise UnsupportedMedia("The image has too many pixels.", fields={"file": "too many pixels"})
            if fmt == "JPEG":  # verify() reads no JPEG data: decode it all, at 1/8 scale (draft mode) to bound the cost
                img.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                img.load()
            else:
                img.verify()
    except UnsupportedMedia:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise UnsupportedMedia(
            "The file is not a readable PNG, JPEG or WebP image.", fields={"file": "not a decodable image"}
        ) from exc
    content_type, ext = FORMATS[fmt]
    return ImageInfo(content_type, ext, width, height)


def check_size(size: int, limit: int, what: str = "file") -> None:
    """Raise PayloadTooLarge when `size` exceeds `limit` bytes."""
    if size > limit:
        raise PayloadTooLarge(f"The {what} is larger than {limit} bytes.", fields={what: f"at most {limit} bytes"})


def derived_keys(object_key: str) -> tuple[str, str]:
    """Return the (thumbnail, blurred) keys belonging to an original's key."""
    base = object_key.rsplit(".", 1)[0]
    return f"{base}.thumb.webp", f"{base}.blur.webp"


def all_keys(row: dict) -> list[str]:
    """Return every S3 key a screenshot row may own (original and both derived ones)."""
    return [row["object_key"], *derived_keys(row["object_key"])]


# --- upload ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Capture:
    """One capture's identity: a retried upload of the same capture is the same screenshot."""

    user_id: str
    device_id: str
    taken_at: datetime
    monitor: int
    activity_percent: int | None


def find_capture(conn: Conn, cap: Capture) -> dict | None:
    """Return the screenshot row already stored for this capture, or None."""
    return conn.execute(
        f"SELECT {SHOT_COLUMNS} FROM screenshots WHERE user_id = %s AND device_id = %s"
        " AND taken_at = %s AND monitor = %s",
        (cap.user_id, cap.device_id, cap.taken_at, cap.monitor),
    ).fetchone()


def upload_policy(conn: Conn, user_id, company_id) -> dict:
    """Return the company's media settings; raise Forbidden (consent_required) without screenshot consent."""
    row = conn.execute(
        "SELECT (SELECT screenshots FROM work_agreements WHERE user_id = %s AND status = 'accepted') AS ok,"
        " (SELECT settings FROM companies WHERE id = %s) AS settings",
        (user_id, company_id),
    ).fetchone()
    if not (row and row["ok"]):
        raise Forbidden(
            "No screenshots consent is recorded for this employee.",
            code="consent_required",
            fields={"consent": "screenshots"},
        )
    return merged_settings(row["settings"])


def store_screenshot(
    conn_of: Callable[[], Conn],
    company_id,
    cap: Capture,
    data: bytes,
    info: ImageInfo,
    on_created: Callable[[Conn, dict], object] | None = None,
) -> tuple[dict, bool]:
    """Put the object, then insert the row (while consent still holds) and commit; return (row, created).

    `conn_of` gives the database connection only once the object is stored: no connection waits on S3. The object
    is removed again on any failure, and when a retry of the same capture stored its row first. `on_created` runs
    in the row's transaction (the thumbnail job's outbox row commits with it)."""
    shot_id = uuid.uuid4()
    day = cap.taken_at.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%d")
    key = storage.key(company_id, "screenshots", cap.user_id, day, f"{shot_id}.{info.ext}")
    storage.put(key, data, info.content_type)
    conn = None
    try:
        conn = conn_of()
        row = conn.execute(
            "INSERT INTO screenshots (id, company_id, user_id, device_id, taken_at, monitor, activity_percent,"
            " content_type, size_bytes, width, height, sha256, object_key)"
            " SELECT %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s WHERE EXISTS (SELECT FROM work_agreements"
            "  WHERE user_id = %s AND status = 'accepted' AND screenshots)"
            f" ON CONFLICT (user_id, device_id, taken_at, monitor) DO NOTHING RETURNING {SHOT_COLUMNS}",
            (
                shot_id,
                company_id,
                cap.user_id,
                cap.device_id,
                cap.taken_at,
                cap.monitor,
                cap.activity_percent,
                info.content_type,
                len(data),
                info.width,
                info.height,
                hashlib.sha256(data).hexdigest(),
                key,
                cap.user_id,
            ),
        ).fetchone()
        if row is None:  # a retry of the same capture stored it first, or consent was withdrawn meanwhile
            storage.delete(key)
            existing = find_capture(conn, cap)
            if existing is None:
                upload_policy(conn, cap.user_id, company_id)  # raises when consent is gone
                # ...else the retry's row was deleted (retention, a manager) before we could read it
                raise Conflict("This screenshot was removed while it was stored; send it again.", code="capture_gone")
            return existing, False
        if on_created is not None:
            on_created(conn, row)
        conn.commit()  # the row is durable before we answer; the object is never left without it
    except BaseException:
        if conn is not None:
            conn.rollback()
        storage.delete(key)
        raise
    return row, True


# --- listing -----------------------------------------------------------------------------------------------


def day_bounds(day: date, tz: str) -> tuple[datetime, datetime]:
    """Return the UTC-aware [start, end) of local `day` in time zone `tz`."""
    zone = ZoneInfo(tz)
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def list_screenshots(
    conn: Conn,
    *,
    user_id: str | None,
    start: datetime | None,
    end: datetime | None,
    limit: int,
    offset: int,
) -> list[dict]:
    """Return up to limit + 1 screenshot rows the caller may see (RLS), newest first, each with the app and window
    title of the activity sample that covers its instant (None when the agent sent none)."""
    rows = list_by_time(conn, "screenshots", SHOT_COLUMNS, "taken_at", user_id, start, end, limit, offset)
    return with_window(conn, rows)


# The sample covering a screenshot's instant (a minute's slack for clocks), found through the samples' index.
_WINDOW_SQL = (
    "SELECT sc.id, a.app, a.title FROM screenshots sc CROSS JOIN LATERAL ("
    " SELECT s.app, s.title FROM activity_samples s WHERE s.company_id = sc.company_id AND s.user_id = sc.user_id"
    " AND s.started_at <= sc.taken_at + interval '1 minute' AND s.started_at > sc.taken_at - interval '1 hour'"
    " AND s.started_at + make_interval(secs => s.duration) >= sc.taken_at - interval '1 minute'"
    " ORDER BY s.started_at DESC LIMIT 1) a WHERE sc.id = ANY(%s::uuid[])"
)


def with_window(conn: Conn, rows: list[dict]) -> list[dict]:
    """Return `rows` (screenshot rows) with `app` and `title` of the activity sample at each one's instant."""
    if not rows:
        return rows
    found = {r["id"]: r for r in conn.execute(_WINDOW_SQL, ([r["id"] for r in rows],)).fetchall()}
    for row in rows:
        hit = found.get(row["id"])
        row["app"] = (hit["app"] or None) if hit else None
        row["title"] = (hit["title"] or None) if hit else None
    return rows


def list_by_time(
    conn: Conn,
    table: str,
    columns: str,
    at: str,
    user_id: str | None,
    start: datetime | None,
    end: datetime | None,
    limit: int,
    offset: int,
) -> list[dict]:
    """Return up to limit + 1 visible rows of media `table` (a constant) newest first by column `at`.

    The WHERE names only the filters given (no "match anything when empty" parameters): one plan per shape."""
    where: list[str] = ["true"]
    params: dict[str, object] = {"limit": limit + 1, "offset": offset}
    for cond, key, value in (
        ("user_id = %(uid)s::uuid", "uid", user_id),
        (f"{at} >= %(start)s", "start", start),
        (f"{at} < %(end)s", "end", end),
    ):
        if value is not None:
            where.append(cond)
            params[key] = value
    return conn.execute(
        f"SELECT {columns} FROM {table} WHERE {' AND '.join(where)} ORDER BY {at} DESC, id"
        " LIMIT %(limit)s OFFSET %(offset)s",
        params,
    ).fetchall()


def public_view(row: dict, *, company_id, is_admin: bool, blur_on: bool, expires: int) -> dict:
    """Return the client view of a row with presigned URLs; with blur on, non-admins never get the original."""
    out = {
        k: row[k]
        for k in (
            "id",
            "user_id",
            "device_id",
            "taken_at",
            "monitor",
            "activity_percent",
            "content_type",
            "size_bytes",
            "width",
            "height",
            "sha256",
            "state",
            "created_at",
        )
    }
    blurred = row["blur_key"] is not None
    full_key = row["object_key"] if is_admin or not blur_on else row["blur_key"]
    # The thumbnail is made from the blurred copy when blur is on; one made before blur was enabled is not safe.
    thumb_key = row["thumb_key"] if (is_admin or not blur_on or blurred) else None

    def sign(key: str | None) -> str | None:
        return storage.presign(company_id, key, expires) if key else None

    out.update(url=sign(full_key), thumbnail_url=sign(thumb_key), blurred=blurred, url_expires_in=expires)
    out.update(app=row.get("app"), title=row.get("title"))
    if is_admin and blurred:
        out["blurred_url"] = sign(row["blur_key"])
    return out


def get_screenshot(conn: Conn, shot_id: str) -> dict:
    """Return one visible screenshot row; raise NotFound."""
    row = conn.execute(
        f"SELECT {SHOT_COLUMNS} FROM screenshots WHERE id = %s", (id_or_404(shot_id, "screenshot"),)
    ).fetchone()
    if row is None:
        raise NotFound("No such screenshot.")
    return row


# --- deletion ----------------------------------------------------------------------------------------------


def delete_screenshot(conn: Conn, shot_id: str, *, actor_id: str, actor_role: str, grace_minutes: int) -> dict:
    """Delete a visible screenshot row; return it. Own screenshots only within the grace window (admins always)."""
    row = conn.execute(
        f"SELECT {SHOT_COLUMNS}, now() - created_at AS age FROM screenshots WHERE id = %s",
        (id_or_404(shot_id, "screenshot"),),
    ).fetchone()
    if row is None:
        raise NotFound("No such screenshot.")
    own = str(row["user_id"]) == str(actor_id)
    if actor_role == "employee" and not own:
        raise NotFound("No such screenshot.")
    if own and actor_role != "admin" and row["age"] > timedelta(minutes=grace_minutes):
        raise Forbidden(f"Screenshots can be deleted within {grace_minutes} minutes of upload.", code="grace_expired")
    conn.execute("DELETE FROM screenshots WHERE id = %s", (row["id"],))
    return row
