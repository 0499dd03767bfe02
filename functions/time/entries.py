"""Entry routes: list with totals, create (manual, idempotent), read, edit and delete."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.errors import ValidationFailed
from workmonitor.time import entries, manual, reports, settings
from workmonitor.time.models import EntryIn, EntryOut, EntryPage, EntryPatch
from workmonitor.web import body, caller, db, page, paginated, responds

from .common import created, filters, idempotency_key, publish_entry

bp = Blueprint("entries", __name__)


@bp.get("/entries")
@responds(EntryPage)
def list_entries():
    """Entries newest first, with totals under the company's rounding (over every match from `from`, else the page)."""
    limit, offset = page()
    conn = db()
    flt = filters()
    rule = settings.rounding(settings.settings(conn, caller().company_id))
    return paginated(
        reports.list_entries(conn, flt, rule, limit, offset),
        limit,
        offset,
        totals=reports.totals(conn, flt, rule, limit, offset),
        rounding={"mode": rule.mode, "minutes": rule.minutes},
    )


@bp.post("/entries")
@responds(EntryOut, 201, body=EntryIn)
def create_entry():
    """Create a finished entry (for the caller or a user they manage); idempotent with Idempotency-Key."""
    data = body(EntryIn)
    if data.ended_at and data.duration_seconds:
        raise ValidationFailed("Give ended_at or duration_seconds, not both.", fields={"duration_seconds": "both"})
    row, replayed = manual.create_entry(db(), caller(), data.model_dump(), idempotency_key())
    if not replayed:
        publish_entry("entry.created", row)
    return created({"entry": row}, replayed)


@bp.get("/entries/<entry_id>")
@responds(EntryOut)
def get_entry(entry_id: str):
    """Read one entry."""
    return {"entry": entries.entry(db(), entry_id)}


@bp.patch("/entries/<entry_id>")
@responds(EntryOut, body=EntryPatch)
def update_entry(entry_id: str):
    """Edit an entry under the same rules as a create."""
    changes = body(EntryPatch).model_dump(exclude_unset=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give at least one field"})
    row = entries.update_entry(db(), caller(), entry_id, changes)
    publish_entry("entry.updated", row)
    return {"entry": row}


@bp.delete("/entries/<entry_id>")
@responds(None, 204)
def delete_entry(entry_id: str):
    """Delete an entry."""
    row = entries.delete_entry(db(), caller(), entry_id)
    publish_entry("entry.deleted", {"id": row["id"], "user_id": row["user_id"]})
    return "", 204
