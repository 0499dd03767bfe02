"""Seed for the RLS suite (one row in every attendance table, through the API) and the attendance tests' team."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from factories import invite_and_accept, signup

A = "/function/attendance"
SITE = (48.8584, 2.2945)


def _ok(r, status=(200, 201)):
    assert r.status_code in ((status,) if isinstance(status, int) else status), r.json
    return r.json


def seed(api, ctx) -> None:
    """Create a geofence, a shift, a leave type and request, a clock record with a break, points and events."""
    admin, manager, employee = ctx["admin"]["token"], ctx["manager"]["token"], ctx["employee"]["token"]
    emp_id = ctx["employee"]["user"]["id"]
    fence = _ok(
        api.post(
            f"{A}/geofences",
            json={"name": "HQ", "kind": "circle", "center_lat": SITE[0], "center_lng": SITE[1], "radius_m": 150},
            token=admin,
        )
    )["geofence"]
    today = datetime.now(UTC).date()
    shift = _ok(
        api.post(
            f"{A}/shifts",
            json={
                "user_id": emp_id,
                "date": (today + timedelta(days=7)).isoformat(),
                "start_time": "09:00",
                "end_time": "17:00",
            },
            token=manager,
        )
    )["shift"]
    ltype = _ok(
        api.post(f"{A}/leave/types", json={"name": "Vacation", "paid": True, "allowance_days": 25}, token=admin)
    )["leave_type"]
    start = today + timedelta(days=30)
    start += timedelta(days=(7 - start.weekday()) % 7)  # a Monday
    request = _ok(
        api.post(
            f"{A}/leave/requests",
            json={
                "leave_type_id": ltype["id"],
                "start_date": start.isoformat(),
                "end_date": (start + timedelta(days=1)).isoformat(),
            },
            token=employee,
        )
    )["request"]
    record = _ok(api.post(f"{A}/clock-in", json={"source": "mobile"}, token=employee))["record"]
    _ok(api.post(f"{A}/breaks/start", json={"paid": False}, token=employee))
    _ok(api.post(f"{A}/breaks/end", token=employee))
    _ok(api.post(f"{A}/clock-out", token=employee))
    now = datetime.now(UTC)
    points = [
        {
            "lat": SITE[0] + 0.01,
            "lng": SITE[1],
            "accuracy": 10,
            "recorded_at": (now - timedelta(minutes=2)).isoformat(),
        },
        {"lat": SITE[0], "lng": SITE[1], "accuracy": 10, "recorded_at": (now - timedelta(minutes=1)).isoformat()},
    ]
    upload = _ok(api.post(f"{A}/locations", json={"device_id": "seed-phone", "points": points}, token=employee))
    assert [e["event"] for e in upload["events"]] == ["enter"], upload
    ctx["attendance"] = {
        "geofence_id": fence["id"],
        "shift_id": shift["id"],
        "leave_type_id": ltype["id"],
        "leave_request_id": request["id"],
        "record_id": record["id"],
    }


def team(api, tz: str | None = "Europe/Berlin") -> dict:
    """Return a company with admin, assigned manager, unassigned manager and employee (in zone `tz`)."""
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    other = invite_and_accept(api, admin, role="manager", name="Otto Other")
    employee = invite_and_accept(api, admin, role="employee", name="Eve Employee")
    r = api.post(
        "/function/team/assignments",
        json={"manager_id": manager["user"]["id"], "employee_id": employee["user"]["id"]},
        token=admin["token"],
    )
    assert r.status_code == 201, r.json
    if tz:
        r = api.patch(f"/function/team/users/{employee['user']['id']}", json={"timezone": tz}, token=admin["token"])
        assert r.status_code == 200, r.json
    return {"admin": admin, "manager": manager, "other": other, "employee": employee, "emp_id": employee["user"]["id"]}
