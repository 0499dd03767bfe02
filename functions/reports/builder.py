"""Report routes: run a report, save report definitions, export (directly when small, else as a job)."""

from __future__ import annotations

from flask import Blueprint, Response

from workmonitor.integrations.alerts import records_removed
from workmonitor.jobs import registry
from workmonitor.reports import builder, exportjob, store
from workmonitor.reports.models import ExportIn, ExportOut, ReportIn, ReportOut, SavedIn, SavedOut, SavedPage
from workmonitor.web import audit, body, caller, db, page, paginated, release_db, responds

bp = Blueprint("builder", __name__)
SYNC_MAX_ROWS = 5000  # larger exports run as a job with a progress bar


@bp.post("/run")
@responds(ReportOut, body=ReportIn)
def run_report():
    """The report: groups with totals (and subgroups for a second grouping), overall totals and chart data."""
    data = body(ReportIn)
    conn, me = db(), caller()
    return builder.run(conn, store.spec_of(conn, data, me.user_id))


@bp.get("/saved")
@responds(SavedPage)
def list_saved():
    """The caller's saved reports, by name."""
    limit, offset = page()
    return paginated(store.list_saved(db(), limit, offset), limit, offset)


@bp.post("/saved")
@responds(SavedOut, 201, body=SavedIn)
def save_report():
    """Save a report definition for the caller."""
    data = body(SavedIn)
    me = caller()
    spec = data.spec.model_dump(mode="json", by_alias=True)
    return {"report": store.save(db(), me.company_id, me.user_id, data.name, spec)}, 201


@bp.get("/saved/<uuid:report_id>")
@responds(SavedOut)
def get_saved(report_id):
    """One of the caller's saved reports."""
    return {"report": store.get_saved(db(), str(report_id))}


@bp.put("/saved/<uuid:report_id>")
@responds(SavedOut, body=SavedIn)
def update_saved(report_id):
    """Rename or redefine one of the caller's saved reports."""
    data = body(SavedIn)
    spec = data.spec.model_dump(mode="json", by_alias=True)
    return {"report": store.update_saved(db(), str(report_id), data.name, spec)}


@bp.delete("/saved/<uuid:report_id>")
@responds(None, 204)
def delete_saved(report_id):
    """Delete one of the caller's saved reports."""
    store.delete_saved(db(), str(report_id))
    return "", 204


@bp.post("/exports")
@responds(None, 200, media_type="application/octet-stream", body=ExportIn, summary="The file (CSV, XLSX or PDF)")
@responds(ExportOut, 202)
def export():
    """Export a report: the file itself when small, else 202 with an export job to follow (progress, then a URL)."""
    data = body(ExportIn)
    conn, me = db(), caller()
    spec = store.spec_of(conn, data, me.user_id)
    rows = builder.count(conn, spec)
    if spec.source == "activity":  # captured data leaving the platform: admins are alerted past an hourly threshold
        records_removed(conn, me.company_id, me.user_id, "mass_export", count=rows)
    if spec.source == "payroll":  # pay leaving the platform is on the record, like the finance CSV export
        details = {"format": data.format, "from": spec.first, "to": spec.last, "rows": rows}
        audit(conn, "reports.payroll_exported", "report_export", None, details)
    if not data.background and rows <= SYNC_MAX_ROWS:
        payload, _ = exportjob.render(conn, spec, data.format)
        release_db()
        name = f"{spec.source}-report-{spec.first.isoformat()}-{spec.last.isoformat()}.{data.format}"
        return Response(
            payload,
            content_type=exportjob.exports.CONTENT_TYPES[data.format],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    row = store.create_export(conn, me.company_id, me.user_id, data.format, data.model_dump(mode="json", by_alias=True))
    registry.EXPORT_REPORT.enqueue(conn, str(row["id"]), me.company_id, me.user_id)
    return {"export": store.export_out(row, me.company_id)}, 202


@bp.get("/exports/<uuid:export_id>")
@responds(ExportOut)
def get_export(export_id):
    """An export job's progress (percent) and, once done, a short-lived download URL."""
    me = caller()
    return {"export": store.export_out(store.get_export(db(), str(export_id)), me.company_id)}
