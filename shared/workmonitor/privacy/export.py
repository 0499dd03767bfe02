"""Export everything about one person (GDPR art. 15 and 20): a ZIP of JSON and CSV per table, plus their files.

What must stay true:
- The tables come from the catalog, not a list: every table of schema public with a column that names a person
  (a uuid column called like one, or a foreign key to users or people) is exported, so a table added later is
  in the export the day it lands (tests/test_privacy.py checks this against the catalog).
- Each query is restricted to rows whose person columns hold the person (their membership id, or their identity
  id for person_id); secrets (password and token hashes, the TOTP secret) are left out.
- The job acts with admin claims of the company with the person as user (RLS keeps it in the company; channel
  membership still limits chat to the person's channels). It is safe to run twice: the ZIP is rebuilt and
  overwritten under the same key.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import tempfile
import uuid
import zipfile
from datetime import UTC, datetime, timedelta

import psycopg

from .. import storage
from ..config import settings
from ..db import Claims, Conn, Row, transaction
from ..jobs import registry

log = logging.getLogger("workmonitor.privacy.export")
# A uuid column named like one of these (or ending in _by) names a person.
PERSON_NAMES = (
    r"^(.*_)?(user|employee|manager|actor|author|uploader|sender|subject|viewer|person|recipient|assignee|approver"
    r"|owner|member)_id$|_by$"
)
SECRET_COLUMNS = {"token_hash", "code_hash", "password_hash", "secret_enc", "search"}
EXPORT_TTL = timedelta(days=7)
DOWNLOAD_URL_TTL = 900

CATALOG_SQL = """
SELECT c.relname AS table_name, a.attname AS column_name
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND a.atttypid = 'uuid'::regtype
  AND (a.attname ~ %(names)s
       OR EXISTS (SELECT 1 FROM pg_constraint k
                  WHERE k.conrelid = c.oid AND k.contype = 'f' AND a.attnum = ANY(k.conkey)
                    AND k.confrelid IN ('public.users'::regclass, 'public.people'::regclass)
                    AND a.attname <> 'company_id'))
ORDER BY c.relname, a.attnum
"""


def person_tables(conn: Conn) -> dict[str, list[str]]:
    """Return {table: [columns naming a person]} for every table that can hold a row about someone."""
    found: dict[str, list[str]] = {}
    for row in conn.execute(CATALOG_SQL, {"names": PERSON_NAMES}).fetchall():
        found.setdefault(row["table_name"], []).append(row["column_name"])
    found.setdefault("people", [])  # the identity itself: matched by its id
    return found


def claims_for(company_id: str, user_id: str) -> Claims:
    """Return the claims the export and erasure jobs act with (see the module docstring)."""
    return Claims(company_id=str(company_id), user_id=str(user_id), role="admin")


def request_export(conn: Conn, company_id: str, user_id: str) -> Row:
    """Record a new export of the caller and enqueue its job (in `conn`'s transaction); return the row."""
    row = conn.execute(
        "INSERT INTO data_exports (company_id, user_id) VALUES (%s, %s) RETURNING *", (company_id, user_id)
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    registry.BUILD_EXPORT.enqueue(conn, str(row["id"]), str(company_id), str(user_id))
    return row


def rows_about(conn: Conn, table: str, columns: list[str], user_id: str, person_id: str) -> list[Row]:
    """Return the rows of `table` naming the person in any of `columns`, secrets left out."""
    cols = [
        r["attname"]
        for r in conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped"
            " ORDER BY attnum",
            (f"public.{table}",),
        ).fetchall()
        if r["attname"] not in SECRET_COLUMNS
    ]
    select = ", ".join(f'"{c}"' for c in cols)
    if table == "people":
        where, params = "id = %s", [person_id]
    else:
        where = " OR ".join(f'"{c}" = %s' for c in columns)
        params = [person_id if c == "person_id" else user_id for c in columns]
    return conn.execute(f'SELECT {select} FROM "{table}" WHERE {where}', params).fetchall()


def _json_default(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return str(value)


def _csv(rows: list[Row]) -> str:
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _cell(v) for k, v in r.items()})
    return buf.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, default=_json_default)
    text = _json_default(value) if not isinstance(value, str) else value
    # A cell starting with = + - @ is a formula to a spreadsheet: quote it as text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _progress(export_id: str, claims: Claims, progress: int, **fields) -> None:
    sets = ", ".join(f"{k} = %({k})s" for k in fields)
    with transaction(claims) as conn:
        conn.execute(
            f"UPDATE data_exports SET progress = %(progress)s{', ' + sets if sets else ''} WHERE id = %(id)s",
            {"progress": progress, "id": export_id, **fields},
        )


def build_export(export_id: str, company_id: str, user_id: str) -> str:
    """Build the person's ZIP, store it in S3 and mail them; return 'ready' (or 'gone' for an unknown export)."""
    claims = claims_for(company_id, user_id)
    with transaction(claims) as conn:
        found = conn.execute(
            "SELECT e.id, u.email, u.name, u.person_id FROM data_exports e JOIN users u ON u.id = e.user_id"
            " WHERE e.id = %s AND e.user_id = %s",
            (export_id, user_id),
        ).fetchone()
        if found is None:
            return "gone"
        tables = person_tables(conn)
    _progress(export_id, claims, 1, status="running")
    object_key = storage.key(company_id, "exports", f"{uuid.UUID(export_id)}.zip")
    try:
        with tempfile.TemporaryFile() as tmp:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                media = _write_tables(zf, export_id, claims, tables, user_id, str(found["person_id"]))
                _write_files(zf, export_id, claims, media)
            size = tmp.tell()
            tmp.seek(0)
            storage.client().upload_fileobj(
                tmp, storage.bucket(), object_key, ExtraArgs={"ContentType": "application/zip"}
            )
    except Exception as exc:
        _progress(export_id, claims, 0, status="failed", error=str(exc)[:500])
        raise
    expires = datetime.now(UTC) + EXPORT_TTL
    later: list = []  # the mail goes to RQ once this transaction has committed
    with transaction(claims) as conn:
        conn.execute(
            "UPDATE data_exports SET status = 'ready', progress = 100, object_key = %s, size_bytes = %s,"
            " finished_at = now(), expires_at = %s, error = NULL WHERE id = %s",
            (object_key, size, expires, export_id),
        )
        registry.SEND_EMAIL.enqueue(
            conn,
            found["email"],
            "Your WorkMonitor data export is ready",
            f"Hello {found['name']},\n\nthe export of your data is ready. Download it from your privacy center"
            f" until {expires:%Y-%m-%d %H:%M} UTC:\n{settings().public_url}/privacy\n\nThe download link in the"
            " privacy center works for 15 minutes each time you open it.",
            f"export-{export_id}",
            defer=later.append,
        )
    for task in later:
        task()
    return "ready"


def _write_tables(
    zf: zipfile.ZipFile, export_id: str, claims: Claims, tables: dict[str, list[str]], user_id: str, person_id: str
) -> dict[str, list[Row]]:
    """Write data/<table>.json and .csv for every table; return the media rows whose files go in too."""
    media: dict[str, list[Row]] = {}
    names = sorted(tables)
    index = []
    for i, table in enumerate(names):
        entry: dict = {"table": table, "matched_on": tables[table] or ["id"]}
        try:
            with transaction(claims) as conn:
                rows = rows_about(conn, table, tables[table], user_id, person_id)
        except psycopg.errors.InsufficientPrivilege:
            # A table the application may not read (a new one without grants): say so rather than fail the export.
            log.warning("export: table not readable", extra={"fields": {"table": table}})
            rows, entry["unreadable"] = [], True
        zf.writestr(f"data/{table}.json", json.dumps(rows, default=_json_default, indent=1))
        zf.writestr(f"data/{table}.csv", _csv(rows))
        index.append({**entry, "rows": len(rows)})
        if table in ("screenshots", "recording_chunks", "chat_attachments"):
            media[table] = rows
        if i % 5 == 4:
            _progress(export_id, claims, 1 + int(69 * (i + 1) / len(names)))
    zf.writestr("index.json", json.dumps({"export_id": export_id, "user_id": user_id, "tables": index}, indent=1))
    return media


def _write_files(zf: zipfile.ZipFile, export_id: str, claims: Claims, media: dict[str, list[Row]]) -> None:
    """Copy the person's screenshots, recording chunks and chat attachments from S3 into files/."""
    wanted = [
        *((f"files/screenshots/{r['id']}-{r['object_key'].rsplit('/', 1)[-1]}", r["object_key"])
          for r in media.get("screenshots", [])),
        *((f"files/recordings/{r['recording_id']}/{r['seq']:05d}.webm", r["object_key"])
          for r in media.get("recording_chunks", [])),
        *((f"files/chat/{r['id']}-{r['filename']}", r["object_key"]) for r in media.get("chat_attachments", [])),
    ]  # fmt: skip
    for i, (name, key) in enumerate(wanted):
        try:
            zf.writestr(name, storage.get(key))
        except FileNotFoundError:
            log.warning("export: object missing", extra={"fields": {"key": key}})
        if i % 20 == 19:
            _progress(export_id, claims, 70 + int(29 * (i + 1) / len(wanted)))


def download_url(row: Row) -> str | None:
    """Return a short-lived link to a ready, unexpired export's ZIP, else None."""
    if (
        row["status"] != "ready"
        or not row["object_key"]
        or (row["expires_at"] and row["expires_at"] <= datetime.now(UTC))
    ):
        return None
    return storage.presign(row["company_id"], row["object_key"], DOWNLOAD_URL_TTL)


def view(row: Row) -> Row:
    """Return an export row as the wire shows it (with its download link while ready)."""
    expired = row["status"] == "ready" and row["expires_at"] is not None and row["expires_at"] <= datetime.now(UTC)
    keys = ("id", "user_id", "status", "progress", "size_bytes", "error", "requested_at", "finished_at", "expires_at")
    out = {k: row[k] for k in keys}
    if expired:
        out["status"] = "expired"
    out["download_url"] = download_url(row)
    return out
