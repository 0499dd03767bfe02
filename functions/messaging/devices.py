"""Device routes: the caller's push tokens (FCM, APNs)."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.messaging import inbox
from workmonitor.messaging.models import DeviceIn, DeviceOut, Devices, DeviceTokenIn
from workmonitor.web import body, caller, db, responds

bp = Blueprint("devices", __name__)


@bp.get("/devices")
@responds(Devices)
def list_devices():
    """List the caller's push devices."""
    return {"items": inbox.devices(db(), caller().user_id)}


@bp.post("/devices")
@responds(DeviceOut, 201, body=DeviceIn)
def register_device():
    """Register (or refresh) a push token."""
    data = body(DeviceIn)
    me = caller()
    return {
        "device": inbox.register_device(db(), me.company_id, me.user_id, data.platform, data.token, data.label)
    }, 201


@bp.delete("/devices/<device_id>")
@responds(None, 204)
def unregister_device(device_id: str):
    """Forget one device."""
    inbox.unregister_device(db(), caller().user_id, device_id)
    return "", 204


@bp.post("/devices/unregister")
@responds(None, 204, body=DeviceTokenIn)
def unregister_token():
    """Forget a push token (a signed-out app)."""
    inbox.unregister_token(db(), caller().user_id, body(DeviceTokenIn).token)
    return "", 204
