"""GPS routes: batches of location points, geofences (admins) and the enter/exit events derived from points."""

from __future__ import annotations

from flask import Blueprint, request

from workmonitor.errors import ValidationFailed
from workmonitor.web import body, caller, db, page, paginated, query_uuid, roles

from . import common as common
from . import gps as gps
from .inputs import GeofenceIn, GeofencePatch, PointsIn, parse_uuid, query_datetime
from .web import record_audit

bp = Blueprint("gps", __name__)
out = common.out


@bp.post("/locations")
def upload_locations():
    data = body(PointsIn)
    me = caller()
    result = gps.upload(db(), me.company_id, me.user_id, data.device_id, data.points)
    return out(result), 201 if result["stored"] else 200


@bp.get("/locations")
def list_locations():
    limit, offset = page()
    rows = gps.list_points(
        db(),
        caller().company_id,
        query_uuid("user_id"),
        query_datetime(request.args, "from"),
        query_datetime(request.args, "to"),
        limit,
        offset,
    )
    return out(paginated(rows, limit, offset))


@bp.get("/geofence-events")
def list_events():
    limit, offset = page()
    rows = gps.list_events(
        db(),
        caller().company_id,
        query_uuid("user_id"),
        query_uuid("geofence_id"),
        query_datetime(request.args, "from"),
        query_datetime(request.args, "to"),
        limit,
        offset,
    )
    return out(paginated(rows, limit, offset))


@bp.get("/geofences")
def list_geofences():
    limit, offset = page()
    rows = gps.list_fences(db(), request.args.get("all") == "true", limit, offset)
    return out(paginated(rows, limit, offset))


@bp.post("/geofences")
@roles("admin")
def create_geofence():
    data = body(GeofenceIn)
    conn = db()
    row = gps.create_fence(conn, caller().company_id, caller().user_id, data)
    record_audit(conn, "geofence.created", "geofence", row["id"], name=row["name"], kind=row["kind"])
    return out({"geofence": row}), 201


@bp.get("/geofences/<fence_id>")
def get_geofence(fence_id: str):
    return out({"geofence": gps.get_fence(db(), parse_uuid(fence_id, "geofence"))})


@bp.patch("/geofences/<fence_id>")
@roles("admin")
def patch_geofence(fence_id: str):
    changes = body(GeofencePatch).model_dump(exclude_unset=True)
    if any(v is None for v in changes.values()):
        raise ValidationFailed(
            "Fields cannot be set to null.", fields={k: "null" for k, v in changes.items() if v is None}
        )
    conn = db()
    before, after = gps.update_fence(conn, parse_uuid(fence_id, "geofence"), changes)
    record_audit(conn, "geofence.changed", "geofence", after["id"], before=common.out(before), after=common.out(after))
    return out({"geofence": after})


@bp.delete("/geofences/<fence_id>")
@roles("admin")
def delete_geofence(fence_id: str):
    conn = db()
    row = gps.delete_fence(conn, parse_uuid(fence_id, "geofence"))
    record_audit(conn, "geofence.deleted", "geofence", row["id"], name=row["name"])
    return "", 204
