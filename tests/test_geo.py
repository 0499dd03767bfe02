"""Pure geometry: haversine, point-in-polygon, polygon validation, policy evaluation, enter/exit transitions."""
from datetime import datetime, timedelta, timezone

import pytest

from workmonitor import geo

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
    for bad in (None, [], [[1, 2], [3, 4]], [[1, 2], [1, 2], [1, 2]], [[0, 0], [1, 1], [2, 2]],
                [[0, 0], [0, 1], [95, 1]], [[0, 0], [0, 1], "x"], [[0, 0], [0, 1], [1, 181]],
                [[0, 0], [0, 1], [1, float("nan")]], [[0, 0], [0, 1], [True, 1]]):
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
    t0 = datetime(2026, 3, 1, tzinfo=timezone.utc)

    def pt(minutes, inside):
        return {"recorded_at": t0 + timedelta(minutes=minutes), "lat": 0 if inside else 1, "lng": 0}

    # Given out of order: outside, inside, inside, outside, inside.
    points = [pt(3, False), pt(0, False), pt(1, True), pt(2, True), pt(4, True)]
    events = geo.transitions(points, [fence])
    assert [(e["event"], e["recorded_at"]) for e in events] == [
        ("enter", t0 + timedelta(minutes=1)), ("exit", t0 + timedelta(minutes=3)),
        ("enter", t0 + timedelta(minutes=4))]
    # Already inside before the batch: no enter for a first inside point.
    assert geo.transitions([pt(0, True)], [fence], {"c": True}) == []
    assert [e["event"] for e in geo.transitions([pt(0, False)], [fence], {"c": True})] == ["exit"]
