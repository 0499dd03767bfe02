"""GPS routes: batches of location points, geofences (admins) and the enter/exit events derived from points."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.attendance import gps
from workmonitor.attendance.models import (
    FenceEventPage,
    GeofenceIn,
    GeofenceOut,
    GeofencePage,
    GeofencePatch,
    PointPage,
    PointsIn,
    Upload,
)
from workmonitor.errors import ValidationFailed, id_or_404
from workmonitor.privacy import access
from workmonitor.web import (
    audit,
    body,
    caller,
    capturing,
    db,
    page,
    paginated,
    query_datetime,
    query_uuid,
    responds,
    roles,
)

bp = Blueprint("gps", __name__)


@bp.post("/locations")
@capturing
@responds(Upload, (200, 201), body=PointsIn)
def upload_locations():
    """Store a batch of the caller's points (GPS consent required); 201 when new points were stored, else 200."""
    data = body(PointsIn)
    me = caller()
    result = gps.upload(db(), me.company_id, me.user_id, data.device_id, data.points)
    return result, 201 if result["stored"] else 200


@bp.get("/locations")
@responds(PointPage)
def list_locations():
    """List visible location points, newest first (?user_id, ?from, ?to: times with a zone)."""
    limit, offset = page()
    frm, to = query_datetime("from"), query_datetime("to")
    conn = db()
    rows = gps.list_points(conn, caller().company_id, query_uuid("user_id"), frm, to, limit, offset)
    access.record_views(conn, caller().user_id, "gps", rows[:limit], per_item=False)
    return paginated(rows, limit, offset)


@bp.get("/geofence-events")
@responds(FenceEventPage)
def list_events():
    """List visible enter/exit events in time order (?user_id, ?geofence_id, ?from, ?to)."""
    limit, offset = page()
    who, fence = query_uuid("user_id"), query_uuid("geofence_id")
    frm, to = query_datetime("from"), query_datetime("to")
    conn = db()
    rows = gps.list_events(conn, caller().company_id, who, fence, frm, to, limit, offset)
    access.record_views(conn, caller().user_id, "gps", rows[:limit], per_item=False)  # events carry positions
    return paginated(rows, limit, offset)


@bp.get("/geofences")
@responds(GeofencePage)
def list_geofences():
    """List the company's active geofences (?all=true: inactive ones too)."""
    limit, offset = page()
    rows = gps.list_fences(db(), request.args.get("all") == "true", limit, offset)
    return paginated(rows, limit, offset)


@bp.post("/geofences")
@roles("admin")
@responds(GeofenceOut, 201, body=GeofenceIn)
def create_geofence():
    """Create a circle or polygon geofence (audited)."""
    data = body(GeofenceIn)
    me, conn = caller(), db()
    row = gps.create_fence(conn, me.company_id, me.user_id, data)
    audit(conn, "geofence.created", "geofence", row["id"], dict(name=row["name"], kind=row["kind"]))
    return {"geofence": row}, 201


@bp.get("/geofences/<fence_id>")
@responds(GeofenceOut)
def get_geofence(fence_id: str):
    """Read one geofence."""
    return {"geofence": gps.get_fence(db(), id_or_404(fence_id, "geofence"))}


@bp.patch("/geofences/<fence_id>")
@roles("admin")
@responds(GeofenceOut, body=GeofencePatch)
def patch_geofence(fence_id: str):
    """Change a geofence, keeping its shape valid (audited)."""
    changes = body(GeofencePatch).model_dump(exclude_unset=True)
    if any(v is None for v in changes.values()):
        nulls = {k: "null" for k, v in changes.items() if v is None}
        raise ValidationFailed("Fields cannot be set to null.", fields=nulls)
    conn = db()
    before, after = gps.update_fence(conn, id_or_404(fence_id, "geofence"), changes)
    audit(conn, "geofence.changed", "geofence", after["id"], dict(before=before, after=after))
    return {"geofence": after}


@bp.delete("/geofences/<fence_id>")
@roles("admin")
@responds(None, 204)
def delete_geofence(fence_id: str):
    """Delete a geofence and its events (audited)."""
    conn = db()
    row = gps.delete_fence(conn, id_or_404(fence_id, "geofence"))
    audit(conn, "geofence.deleted", "geofence", row["id"], dict(name=row["name"]))
    return "", 204
