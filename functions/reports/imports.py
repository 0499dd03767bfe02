"""Import routes (admins): preview a Toggl/Clockify/Kimai/Harvest CSV (column mapping, people matched), then import it
as a job with progress; re-importing the same file creates nothing twice."""

from __future__ import annotations

import json
import uuid

from flask import Blueprint

from workmonitor import storage
from workmonitor.errors import NotFound, ValidationFailed
from workmonitor.jobs import registry
from workmonitor.reports import imports
from workmonitor.reports.models import ImportIn, ImportOut, ImportPreview
from workmonitor.web import audit, body, caller, db, responds, roles

bp = Blueprint("imports", __name__)
COLUMNS = (
    "id, format, filename, status, progress, total, created, duplicates, skipped, problems, created_at, finished_at"
)


def _parsed(data: ImportIn):
    try:
        return imports.parse(data.format, data.csv, data.mapping)
    except imports.ImportProblem as exc:
        raise ValidationFailed(str(exc), code="import_unreadable", fields={"csv": str(exc)}) from exc


@bp.post("/imports/preview")
@roles("admin")
@responds(ImportPreview, body=ImportIn)
def preview():
    """What importing this file would do: detected columns, the first rows, who matched, unreadable lines."""
    data = body(ImportIn)
    _parsed(data)
    return imports.preview(db(), data.format, data.csv, data.mapping)


@bp.post("/imports")
@roles("admin")
@responds(ImportOut, 202, body=ImportIn)
def start_import():
    """Store the file and import it as a job; poll GET /imports/<id> for progress and counts."""
    data = body(ImportIn)
    found, parsed, _ = _parsed(data)
    if not parsed:
        raise ValidationFailed("No readable rows in this file.", code="import_empty", fields={"csv": "no rows"})
    conn, me = db(), caller()
    import_id = str(uuid.uuid4())
    key = storage.key(me.company_id, "imports", f"{import_id}.csv")
    storage.put(key, data.csv.encode(), "text/csv")
    row = conn.execute(
        "INSERT INTO imports (id, company_id, user_id, format, filename, mapping, object_key)"
        f" VALUES (%s, %s, %s, %s, %s, %s::jsonb, %s) RETURNING {COLUMNS}",
        (import_id, me.company_id, me.user_id, data.format, data.filename, json.dumps(data.mapping), key),
    ).fetchone()
    registry.IMPORT_TIME.enqueue(conn, import_id, me.company_id, me.user_id)
    audit(conn, "import.started", "import", import_id, {"format": data.format, "rows": len(parsed)})
    return {"import": row}, 202


@bp.get("/imports/<uuid:import_id>")
@roles("admin")
@responds(ImportOut)
def get_import(import_id):
    """An import's progress (percent) and, once done, how many entries it created, found twice or skipped (why)."""
    row = db().execute(f"SELECT {COLUMNS} FROM imports WHERE id = %s", (str(import_id),)).fetchone()
    if row is None:
        raise NotFound("No such import.")
    return {"import": row}
