"""The import job (queue "reports"): a Toggl/Clockify/Kimai/Harvest CSV stored in S3 written as time entries, with
progress in percent. Runs with the importing admin's claims; re-running it is safe (import_keys)."""

from __future__ import annotations

import json

from .. import storage
from ..db import transaction
from ..jobs import progress
from . import imports
from .exportjob import _claims


def run_import(import_id: str, company_id: str, user_id: str) -> str:
    """Import one stored file; return 'done', 'already-done' or 'gone'. A failure is recorded on the row and raised
    (RQ retries; nothing was written, the import ran in one transaction)."""
    try:
        return _run(import_id, company_id, user_id)
    except Exception as exc:
        claims = _claims(company_id, user_id)
        if claims is not None:
            with transaction(claims) as conn:
                conn.execute(
                    "UPDATE imports SET status = 'failed', finished_at = now(), problems = %s::jsonb"
                    " WHERE id = %s AND status <> 'done'",
                    (json.dumps([{"line": 0, "message": f"{type(exc).__name__}: {exc}"[:300]}]), import_id),
                )
        raise


def _run(import_id: str, company_id: str, user_id: str) -> str:
    claims = _claims(company_id, user_id)
    if claims is None:
        return "gone"
    with transaction(claims) as conn:
        row = conn.execute(
            "SELECT format, mapping, object_key, status FROM imports WHERE id = %s", (import_id,)
        ).fetchone()
    if row is None:
        return "gone"
    if row["status"] == "done":
        return "already-done"
    text = storage.get(row["object_key"]).decode("utf-8-sig", errors="replace")
    _, parsed, problems = imports.parse(row["format"], text, row["mapping"] or None)
    total = len(parsed)
    progress.advance(claims, "imports", import_id, 1)
    with transaction(claims) as conn:
        conn.execute("UPDATE imports SET total = %s WHERE id = %s", (total, import_id))
        result = imports.write(
            conn,
            company_id,
            user_id,
            import_id,
            row["format"],
            parsed,
            lambda n: progress.advance(claims, "imports", import_id, 1 + int(95 * n / max(total, 1))),
        )
        conn.execute(
            "UPDATE imports SET status = 'done', progress = 100, created = %s, duplicates = %s, skipped = %s,"
            " problems = %s::jsonb, finished_at = now() WHERE id = %s",
            (
                result["created"],
                result["duplicates"],
                result["skipped"] + len(problems),
                json.dumps((problems + result["problems"])[:200]),
                import_id,
            ),
        )
    return "done"
