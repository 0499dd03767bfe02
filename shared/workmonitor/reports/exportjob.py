"""The export job (queue "reports"): a large export written in the background, with its progress in percent.

What must stay true:
- The job reads with the requesting user's claims (their current role), so the file holds exactly what they may see.
- Progress is committed in short transactions of its own while the read runs, so the web app's progress bar moves;
  it only grows, and reaches 100 with the file stored and the row 'done' in one final transaction.
- Safe to run twice: a done export is left alone; the object key is fixed per export, so a re-run overwrites.
"""

from __future__ import annotations

import logging

from .. import notify, storage
from ..db import Claims, transaction
from ..jobs import progress as job_progress
from . import builder, exportpdf, exports
from .models import ExportIn
from .store import spec_of

log = logging.getLogger("workmonitor.reports.export")


def _claims(company_id: str, user_id: str) -> Claims | None:
    with transaction(Claims.job(company_id)) as conn:
        user = conn.execute("SELECT role, status FROM users WHERE id = %s", (user_id,)).fetchone()
    if user is None or user["status"] != "active":
        return None
    return Claims(company_id=company_id, user_id=user_id, role=user["role"])


def run_export(export_id: str, company_id: str, user_id: str) -> str:
    """Write export `export_id` to S3 and notify its user; return 'done', 'already-done' or 'gone'. A failure is
    recorded on the row (the web app shows it) and raised, so RQ retries; a later success clears it."""
    try:
        return _run(export_id, company_id, user_id)
    except Exception as exc:
        log.exception("export failed", extra={"fields": {"export_id": export_id}})
        fail(export_id, company_id, user_id, f"{type(exc).__name__}: {exc}")
        raise


def _run(export_id: str, company_id: str, user_id: str) -> str:
    claims = _claims(company_id, user_id)
    if claims is None:
        return "gone"
    with transaction(claims) as conn:
        row = conn.execute("SELECT format, spec, status FROM report_exports WHERE id = %s", (export_id,)).fetchone()
        if row is None:
            return "gone"
        if row["status"] == "done":
            return "already-done"
        data = ExportIn.model_validate(row["spec"])
        spec = spec_of(conn, data, user_id)
        total = builder.count(conn, spec)
    job_progress.advance(claims, "report_exports", export_id, 1)
    fmt = row["format"]

    def progress(done: int) -> None:
        job_progress.advance(claims, "report_exports", export_id, 1 + int(90 * done / max(total, 1)))

    with transaction(claims) as conn:
        payload, count = render(conn, spec, fmt, progress)
    object_key = storage.key(company_id, "exports", f"{export_id}.{fmt}")
    storage.put(object_key, payload, exports.CONTENT_TYPES[fmt])
    later: list = []
    with transaction(claims) as conn:
        conn.execute(
            "UPDATE report_exports SET status = 'done', progress = 100, object_key = %s, row_count = %s,"
            " finished_at = now(), error = NULL WHERE id = %s",
            (object_key, count, export_id),
        )
        notify.notify(
            conn,
            user_id,
            "export_ready",
            f"Your {fmt.upper()} export is ready",
            f"{count} rows.",
            {"export_id": export_id},
            defer=later.append,
        )
    for task in later:
        task()
    return "done"


def render(conn, spec: builder.Spec, fmt: str, progress: exports.Progress | None = None) -> tuple[bytes, int]:
    """Return (file bytes, record count) of the export of `spec` in `fmt`, read through `conn`."""
    counted = [0]

    def counting():
        for rec in builder.records(conn, spec):
            counted[0] += 1
            yield rec

    if fmt == "csv":
        return exports.to_csv(counting(), spec, progress), counted[0]
    recs = list(counting())
    report = builder.group(recs, spec) | {"source": spec.source}
    if fmt == "xlsx":
        return exports.to_xlsx(recs, spec, report, progress), counted[0]
    return exportpdf.to_pdf(report, spec, f"{spec.source.capitalize()} report"), counted[0]


def fail(export_id: str, company_id: str, user_id: str, error: str) -> None:
    """Mark an export failed (RQ gave up on it)."""
    claims = _claims(company_id, user_id)
    if claims is None:
        return
    with transaction(claims) as conn:
        conn.execute(
            "UPDATE report_exports SET status = 'failed', error = %s, finished_at = now() WHERE id = %s"
            " AND status <> 'done'",
            (error[:500], export_id),
        )
