"""GPS: pure geometry (haversine, point-in-polygon, policy, enter/exit), the attendance GPS API, and RLS isolation."""

from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from workmonitor import db as dbmod
from workmonitor.attendance import geo

BERLIN_TV = (52.520815, 13.409419)  # Fernsehturm
SQUARE = [[52.0, 13.0], [52.0, 13.1], [52.1, 13.1], [52.1, 13.0]]


def test_haversine_known_distances():
    assert geo.haversine_m(*BERLIN_TV, *BERLIN_TV) == 0
    # Berlin -> Paris (Notre-Dame) is about 877.5 km.
    assert geo.haversine_m(*BERLIN_TV, 48.853, 2.3499) == pytest.approx(877_500, rel=0.005)
    # One degree of latitude is about 111.2 km anywhere.
    assert geo.haversine_m(10, 20, 11, 20) == pytest.approx(111_195, rel=0.001)
    # Symmetric, and across the antimeridian the short way round.
    assert geo.haversine_m(0, 179.9, 0, -179.9) == pytest.approx(22_239, rel=0.01)


def test_point_in_polygon_inside_outside_edge_and_concave():
    assert geo.point_in_polygon(52.05, 13.05, SQUARE)
    assert not geo.point_in_polygon(52.15, 13.05, SQUARE)
    assert not geo.point_in_polygon(52.05, 12.99, SQUARE)
    assert geo.point_in_polygon(52.0, 13.05, SQUARE)  # on an edge
    assert geo.point_in_polygon(52.1, 13.1, SQUARE)  # on a vertex
    # A "U" shape: the notch is outside.
    u_shape = [[0, 0], [0, 3], [3, 3], [3, 2], [1, 2], [1, 1], [3, 1], [3, 0]]
    assert geo.point_in_polygon(0.5, 1.5, u_shape)
    assert not geo.point_in_polygon(2, 1.5, u_shape)
    assert geo.point_in_polygon(2, 0.5, u_shape)


def test_validate_polygon():
    assert geo.validate_polygon(SQUARE + [SQUARE[0]]) == SQUARE  # closed ring is accepted and opened
    for bad in (
        None,
        [],
        [[1, 2], [3, 4]],
        [[1, 2], [1, 2], [1, 2]],
        [[0, 0], [1, 1], [2, 2]],
        [[0, 0], [0, 1], [95, 1]],
        [[0, 0], [0, 1], "x"],
        [[0, 0], [0, 1], [1, 181]],
        [[0, 0], [0, 1], [1, float("nan")]],
        [[0, 0], [0, 1], [True, 1]],
        [[0, 0], [0, 1], [1, False]],
    ):
        with pytest.raises(ValueError):
            geo.validate_polygon(bad)


def test_fences_contain():
    circle = geo.Fence(id="c", kind="circle", center_lat=BERLIN_TV[0], center_lng=BERLIN_TV[1], radius_m=100)
    assert circle.contains(*BERLIN_TV)
    assert circle.contains(BERLIN_TV[0] + 0.0008, BERLIN_TV[1])  # ~89 m north
    assert not circle.contains(BERLIN_TV[0] + 0.001, BERLIN_TV[1])  # ~111 m north
    poly = geo.Fence.from_row({"id": "p", "kind": "polygon", "polygon": SQUARE})
    assert poly.contains(52.05, 13.05) and not poly.contains(53, 13.05)
    assert [f.id for f in geo.containing([circle, poly], 52.05, 13.05)] == ["p"]


def test_evaluate_policies():
    fence = geo.Fence(id="c", kind="circle", center_lat=0, center_lng=0, radius_m=1000)
    assert geo.evaluate("off", [fence], 5, 5) == geo.Evaluation("not_checked", None, True, None)
    assert geo.evaluate("flag", [fence], 0, 0) == geo.Evaluation("inside", "c", True, None)
    assert geo.evaluate("flag", [fence], 5, 5) == geo.Evaluation("outside", None, True, "outside_geofence")
    assert geo.evaluate("require", [fence], 5, 5) == geo.Evaluation("outside", None, False, None)
    assert geo.evaluate("require", [fence], None, None).allowed is False
    assert geo.evaluate("flag", [fence], None, None).flag == "no_location"
    assert geo.evaluate("require", [], 5, 5) == geo.Evaluation("no_geofences", None, True, None)
    with pytest.raises(ValueError):
        geo.evaluate("maybe", [fence], 0, 0)


def test_transitions_in_recorded_order_with_initial_state():
    fence = geo.Fence(id="c", kind="circle", center_lat=0, center_lng=0, radius_m=1000)
    t0 = datetime(2026, 3, 1, tzinfo=UTC)

    def pt(minutes, inside):
        return {"recorded_at": t0 + timedelta(minutes=minutes), "lat": 0 if inside else 1, "lng": 0}

    # Given out of order: outside, inside, inside, outside, inside.
    points = [pt(3, False), pt(0, False), pt(1, True), pt(2, True), pt(4, True)]
    events = geo.transitions(points, [fence])
    assert [(e["event"], e["recorded_at"]) for e in events] == [
        ("enter", t0 + timedelta(minutes=1)),
        ("exit", t0 + timedelta(minutes=3)),
        ("enter", t0 + timedelta(minutes=4)),
    ]
    # Already inside before the batch: no enter for a first inside point.
    assert geo.transitions([pt(0, True)], [fence], {"c": True}) == []
    assert [e["event"] for e in geo.transitions([pt(0, False)], [fence], {"c": True})] == ["exit"]


# --- the attendance function's GPS API -----------------------------------------------------------------------

A = "/function/attendance"
TABLES = (
    "attendance_records",
    "attendance_breaks",
    "shifts",
    "leave_types",
    "leave_requests",
    "geofences",
    "location_points",
    "geofence_events",
)
SITE = (48.8584, 2.2945)
FAR = (48.8700, 2.2945)  # ~1.3 km north
T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def _team(api, gps: bool = True) -> dict:
    from factories import consent
    from seed_attendance import team

    t = team(api)
    if gps:
        consent(api, t["admin"], t["employee"], gps=True)
    return t


def _pt(minutes: int, where=SITE, accuracy=5) -> dict:
    return {
        "lat": where[0],
        "lng": where[1],
        "accuracy": accuracy,
        "recorded_at": (T0 + timedelta(minutes=minutes)).isoformat(),
    }


def _count(owner_conn, table: str) -> int:
    return owner_conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _circle(api, t, radius=200):
    r = api.post(
        f"{A}/geofences",
        json={"name": "Site", "kind": "circle", "center_lat": SITE[0], "center_lng": SITE[1], "radius_m": radius},
        token=t["admin"]["token"],
    )
    assert r.status_code == 201, r.json
    return r.json["geofence"]


def test_points_need_gps_consent_and_nothing_is_stored(api, owner_conn):
    from factories import consent

    t = _team(api, gps=False)
    _circle(api, t)
    consent(api, t["admin"], t["employee"], screenshots=True, gps=False)
    r = api.post(f"{A}/locations", json={"points": [_pt(0), _pt(1, FAR)]}, token=t["employee"]["token"])
    assert r.status_code == 403 and r.json["error"]["code"] == "consent_required"
    r = api.post(f"{A}/clock-in", json={"location": {"lat": SITE[0], "lng": SITE[1]}}, token=t["employee"]["token"])
    assert r.status_code == 403 and r.json["error"]["code"] == "consent_required"
    assert [_count(owner_conn, x) for x in ("location_points", "geofence_events", "attendance_records")] == [0, 0, 0]
    # Consent given, then revoked: refused again.
    agreement = consent(api, t["admin"], t["employee"], gps=True)
    assert api.post(f"{A}/locations", json={"points": [_pt(0)]}, token=t["employee"]["token"]).status_code == 201
    api.post(f"/function/team/agreements/{agreement['id']}/revoke", token=t["employee"]["token"])
    r = api.post(f"{A}/locations", json={"points": [_pt(5)]}, token=t["employee"]["token"])
    assert r.status_code == 403 and _count(owner_conn, "location_points") == 1


def test_point_batches_are_validated_by_index(api, owner_conn):
    t = _team(api)
    emp = t["employee"]["token"]
    bad_lat = [_pt(0), _pt(1), {**_pt(2), "lat": 91}]
    r = api.post(f"{A}/locations", json={"points": bad_lat}, token=emp)
    assert r.status_code == 400 and "points.2.lat" in r.json["error"]["fields"]
    r = api.post(
        f"{A}/locations", json={"points": [_pt(0), {**_pt(1), "lng": "east"}, {**_pt(2), "accuracy": -1}]}, token=emp
    )
    assert {"points.1.lng", "points.2.accuracy"} <= set(r.json["error"]["fields"])
    naive = {**_pt(0), "recorded_at": "2026-11-02T08:00:00"}
    assert (
        "points.0.recorded_at"
        in api.post(f"{A}/locations", json={"points": [naive]}, token=emp).json["error"]["fields"]
    )
    future = {**_pt(0), "recorded_at": (datetime.now(UTC) + timedelta(days=1)).isoformat()}
    r = api.post(f"{A}/locations", json={"points": [_pt(0), future]}, token=emp)
    assert r.status_code == 400 and "points.1.recorded_at" in r.json["error"]["fields"]
    assert api.post(f"{A}/locations", json={"points": []}, token=emp).status_code == 400
    assert api.post(f"{A}/locations", json={"points": [_pt(i) for i in range(1001)]}, token=emp).status_code == 400
    assert api.post(f"{A}/locations", json={"points": [{**_pt(0), "extra": 1}]}, token=emp).status_code == 400
    assert _count(owner_conn, "location_points") == 0
    r = api.post(f"{A}/locations", json={"device_id": "phone", "points": [_pt(i) for i in range(1000)]}, token=emp)
    assert r.status_code == 201 and r.json["stored"] == 1000


def test_enter_exit_events_deduplicated_on_retry(api, owner_conn):
    t = _team(api)
    fence = _circle(api, t)
    emp = t["employee"]["token"]
    batch = {"device_id": "phone-1", "points": [_pt(0, FAR), _pt(1), _pt(2), _pt(3, FAR), _pt(4, FAR)]}
    r = api.post(f"{A}/locations", json=batch, token=emp)
    assert r.status_code == 201 and r.json["stored"] == 5
    assert [(e["event"], e["geofence_id"]) for e in r.json["events"]] == [("enter", fence["id"]), ("exit", fence["id"])]
    r = api.post(f"{A}/locations", json=batch, token=emp)  # the app retries after a timeout
    assert r.status_code == 200 and r.json == {**r.json, "stored": 0, "duplicates": 5, "events": []}
    assert _count(owner_conn, "location_points") == 5 and _count(owner_conn, "geofence_events") == 2
    # A later batch continues from the stored state: already outside, so only a new enter.
    r = api.post(f"{A}/locations", json={"device_id": "phone-1", "points": [_pt(6, FAR), _pt(7)]}, token=emp)
    assert [e["event"] for e in r.json["events"]] == ["enter"]
    # A late batch filling a gap re-derives the sequence after it (exit at 5, enter at 7 stays).
    r = api.post(f"{A}/locations", json={"device_id": "phone-1", "points": [_pt(5)]}, token=emp)
    events = api.get(f"{A}/geofence-events?user_id={t['emp_id']}", token=t["manager"]["token"]).json["items"]
    assert [(e["event"], e["recorded_at"][11:16]) for e in events] == [
        ("enter", "08:01"),
        ("exit", "08:03"),
        ("enter", "08:05"),
        ("exit", "08:06"),
        ("enter", "08:07"),
    ]
    # Vague fixes are stored but move nobody.
    r = api.post(f"{A}/locations", json={"device_id": "phone-1", "points": [_pt(8, FAR, accuracy=900)]}, token=emp)
    assert r.json["stored"] == 1 and r.json["events"] == []
    # Another device is its own stream.
    r = api.post(f"{A}/locations", json={"device_id": "watch", "points": [_pt(0)]}, token=emp)
    assert [e["event"] for e in r.json["events"]] == ["enter"]
    assert api.get(f"{A}/geofence-events", token=t["other"]["token"]).json["items"] == []
    assert len(api.get(f"{A}/locations?limit=3", token=t["manager"]["token"]).json["items"]) == 3
    r = api.get(f"{A}/locations?from=2026-11-02T08:05:00Z&to=2026-11-02T08:07:00Z", token=emp)
    assert len(r.json["items"]) == 2
    assert api.get(f"{A}/locations?from=yesterday", token=emp).status_code == 400
    r = api.get(f"{A}/locations?from=2026-11-02T08:05:00", token=emp)  # no zone: which instant is meant?
    assert r.status_code == 400 and set(r.json["error"]["fields"]) == {"from"}
    r = api.get(f"{A}/locations?from=2026-11-02T09:05:00+01:00&to=2026-11-02T10:07:00%2B02:00", token=emp)
    assert len(r.json["items"]) == 2  # an unescaped "+" arrives as a space and still reads as an offset
    assert api.get(f"{A}/locations", token=t["other"]["token"]).json["items"] == []


def test_polygon_geofence_events(api):
    t = _team(api)
    square = [[48.85, 2.29], [48.85, 2.30], [48.86, 2.30], [48.86, 2.29]]
    r = api.post(
        f"{A}/geofences", json={"name": "Block", "kind": "polygon", "polygon": square}, token=t["admin"]["token"]
    )
    assert r.status_code == 201 and r.json["geofence"]["polygon"] == square
    r = api.post(
        f"{A}/locations",
        json={"points": [_pt(0, (48.855, 2.295)), _pt(1, (48.855, 2.305))]},
        token=t["employee"]["token"],
    )
    assert [e["event"] for e in r.json["events"]] == ["enter", "exit"]


def test_geofence_validation_permissions_and_audit(api, owner_conn):
    t = _team(api)
    admin = t["admin"]["token"]
    circle = {"name": "C", "kind": "circle", "center_lat": 1, "center_lng": 2, "radius_m": 50}
    assert api.post(f"{A}/geofences", json=circle, token=t["manager"]["token"]).status_code == 403
    for bad in (
        {**circle, "radius_m": 0},
        {**circle, "radius_m": -5},
        {**circle, "center_lat": 91},
        {**circle, "center_lng": -181},
        {k: v for k, v in circle.items() if k != "radius_m"},
        {**circle, "polygon": [[0, 0], [0, 1], [1, 1]]},
        {**circle, "kind": "square"},
        {"name": "P", "kind": "polygon", "polygon": [[0, 0], [0, 1]]},
        {"name": "P", "kind": "polygon", "polygon": [[0, 0], [0, 1], [100, 1]]},
        {"name": "P", "kind": "polygon", "polygon": [[0, 0], [1, 1], [2, 2]]},
        {"name": "P", "kind": "polygon", "polygon": "0,0 1,1 2,0"},
    ):
        assert api.post(f"{A}/geofences", json=bad, token=admin).status_code == 400, bad
    fence = api.post(f"{A}/geofences", json=circle, token=admin).json["geofence"]
    assert api.get(f"{A}/geofences", token=t["employee"]["token"]).json["items"][0]["id"] == fence["id"]
    r = api.patch(f"{A}/geofences/{fence['id']}", json={"radius_m": 500, "active": False}, token=admin)
    assert r.status_code == 200 and r.json["geofence"]["radius_m"] == 500
    assert (
        api.patch(f"{A}/geofences/{fence['id']}", json={"polygon": [[0, 0], [0, 1], [1, 1]]}, token=admin).status_code
        == 400
    )
    assert api.patch(f"{A}/geofences/{fence['id']}", json={"radius_m": None}, token=admin).status_code == 400
    assert api.get(f"{A}/geofences", token=admin).json["items"] == []
    assert len(api.get(f"{A}/geofences?all=true", token=admin).json["items"]) == 1
    assert api.delete(f"{A}/geofences/{fence['id']}", token=t["employee"]["token"]).status_code == 403
    assert api.delete(f"{A}/geofences/{fence['id']}", token=admin).status_code == 204
    assert api.delete(f"{A}/geofences/{fence['id']}", token=admin).status_code == 404
    assert api.get(f"{A}/geofences/bogus", token=admin).status_code == 404
    actions = [
        r[0]
        for r in owner_conn.execute(
            "SELECT action FROM audit_logs WHERE target_id = %s ORDER BY id", (fence["id"],)
        ).fetchall()
    ]
    assert actions == ["geofence.created", "geofence.changed", "geofence.deleted"]


def test_clock_in_geofence_policy(api, owner_conn):
    t = _team(api)
    admin, emp = t["admin"]["token"], t["employee"]["token"]
    fence = _circle(api, t)
    inside = {"lat": SITE[0] + 0.001, "lng": SITE[1], "accuracy": 8}
    outside = {"lat": FAR[0], "lng": FAR[1]}
    # off: location kept, never evaluated.
    r = api.post(f"{A}/clock-in", json={"location": outside}, token=emp)
    assert r.json["geofence"]["status"] == "not_checked" and r.json["record"]["flags"] == []
    assert r.json["record"]["clock_in_lat"] == FAR[0]
    api.post(f"{A}/clock-out", json={}, token=emp)
    assert api.patch(f"{A}/settings", json={"geofence_policy": "maybe"}, token=admin).status_code == 400
    assert api.patch(f"{A}/settings", json={"geofence_policy": "flag"}, token=admin).status_code == 200
    r = api.post(f"{A}/clock-in", json={"location": outside}, token=emp)
    assert r.status_code == 201 and r.json["record"]["flags"] == ["outside_geofence"]
    r = api.post(f"{A}/clock-out", json={"location": inside}, token=emp)
    assert r.json["geofence"]["status"] == "inside" and r.json["record"]["flags"] == ["outside_geofence"]
    r = api.post(f"{A}/clock-in", json={}, token=emp)
    assert r.json["record"]["flags"] == ["no_location"]
    api.post(f"{A}/clock-out", json={"location": outside}, token=emp)
    assert api.patch(f"{A}/settings", json={"geofence_policy": "require"}, token=admin).status_code == 200
    before = _count(owner_conn, "attendance_records")
    r = api.post(f"{A}/clock-in", json={"location": outside}, token=emp)
    assert r.status_code == 403 and r.json["error"]["code"] == "outside_geofence"
    r = api.post(f"{A}/clock-in", json={}, token=emp)
    assert r.status_code == 403 and r.json["error"]["code"] == "location_required"
    assert api.post(f"{A}/clock-in", json={"location": {"lat": 200, "lng": 0}}, token=emp).status_code == 400
    assert _count(owner_conn, "attendance_records") == before
    r = api.post(f"{A}/clock-in", json={"location": inside}, token=emp)
    assert r.status_code == 201 and r.json["geofence"] == {"status": "inside", "geofence_id": fence["id"]}
    assert r.json["record"]["geofence_id"] == fence["id"] and r.json["record"]["flags"] == []
    r = api.post(f"{A}/clock-out", json={"location": outside}, token=emp)  # leaving is never refused
    assert r.status_code == 200 and r.json["record"]["flags"] == []
    audit = owner_conn.execute("SELECT count(*) FROM audit_logs WHERE action = 'attendance.settings_changed'")
    assert audit.fetchone()[0] == 2


# --- RLS isolation of every attendance table ----------------------------------------------------------------


def test_rls_isolation_between_companies(api):
    from seed import seed_company

    a, b = seed_company(api, "Alpha"), seed_company(api, "Beta")
    ids = a["attendance"]
    b_admin = b["admin"]["token"]
    assert api.get(f"{A}/records/{ids['record_id']}", token=b_admin).status_code == 404
    assert api.get(f"{A}/shifts/{ids['shift_id']}", token=b_admin).status_code == 404
    assert api.get(f"{A}/geofences/{ids['geofence_id']}", token=b_admin).status_code == 404
    assert api.get(f"{A}/leave/requests/{ids['leave_request_id']}", token=b_admin).status_code == 404
    assert api.post(f"{A}/leave/requests/{ids['leave_request_id']}/approve", json={}, token=b_admin).status_code == 404
    assert api.patch(f"{A}/geofences/{ids['geofence_id']}", json={"name": "x"}, token=b_admin).status_code == 404
    assert (
        api.post(
            f"{A}/shifts",
            json={
                "user_id": a["employee"]["user"]["id"],
                "date": "2026-05-05",
                "start_time": "09:00",
                "end_time": "10:00",
            },
            token=b_admin,
        ).status_code
        == 404
    )
    for path in ("records", "shifts", "leave/requests", "locations", "geofence-events"):
        items = api.get(f"{A}/{path}?user_id={a['employee']['user']['id']}", token=b_admin).json["items"]
        assert items == [], path
    with psycopg.connect(dbmod.settings().database_url) as conn:
        dbmod.set_claims(conn, dbmod.Claims(company_id=b["company_id"], user_id=b["admin"]["user"]["id"], role="admin"))
        for table in TABLES:
            seen = conn.execute(f"SELECT count(*) FROM {table} WHERE company_id <> %s", (b["company_id"],)).fetchone()
            assert seen[0] == 0, table
            updated = conn.execute(
                f"UPDATE {table} SET company_id = company_id WHERE company_id = %s", (a["company_id"],)
            )
            assert updated.rowcount == 0, table
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO geofences (company_id, name, kind, center_lat, center_lng, radius_m)"
                " VALUES (%s, 'x', 'circle', 0, 0, 10)",
                (a["company_id"],),
            )
