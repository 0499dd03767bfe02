"""Geometry for GPS attendance: haversine distance, point-in-polygon, geofence membership and enter/exit events.

Pure functions (no Flask, no database) so the attendance domain, RQ jobs and tests share them. Polygons are
lists of [lat, lng] on the plain lat/lng plane, which is accurate enough for site-sized fences; fences that
cross the antimeridian are not supported.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

EARTH_RADIUS_M = 6_371_008.8
POLICIES = ("off", "flag", "require")


def check_lat_lng(lat: float, lng: float) -> None:
    """Raise ValueError unless (lat, lng) is a finite coordinate within range."""
    if any(not isinstance(v, (int, float)) or isinstance(v, bool) for v in (lat, lng)):
        raise ValueError("latitude and longitude must be numbers")
    try:  # an integer of hundreds of digits is a JSON number too, and too large for a float
        lat, lng = float(lat), float(lng)
    except OverflowError as exc:
        raise ValueError("latitude and longitude must be finite") from exc
    if not (math.isfinite(lat) and math.isfinite(lng)):
        raise ValueError("latitude and longitude must be finite")
    if not -90 <= lat <= 90:
        raise ValueError("latitude must be between -90 and 90")
    if not -180 <= lng <= 180:
        raise ValueError("longitude must be between -180 and 180")


def haversine_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Return the great-circle distance in metres between two coordinates."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def point_in_polygon(lat: float, lng: float, polygon: Sequence[Sequence[float]]) -> bool:
    """Return True when (lat, lng) lies inside `polygon` ([[lat, lng], ...]) by ray casting; edges count as inside."""
    n = len(polygon)
    inside = False
    for i in range(n):
        y1, x1 = polygon[i][0], polygon[i][1]
        y2, x2 = polygon[(i + 1) % n][0], polygon[(i + 1) % n][1]
        if _on_segment(lat, lng, y1, x1, y2, x2):
            return True
        if (y1 > lat) != (y2 > lat):
            x_cross = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lng < x_cross:
                inside = not inside
    return inside


def _on_segment(py: float, px: float, y1: float, x1: float, y2: float, x2: float) -> bool:
    cross = (px - x1) * (y2 - y1) - (py - y1) * (x2 - x1)
    if abs(cross) > 1e-12:
        return False
    return min(x1, x2) - 1e-12 <= px <= max(x1, x2) + 1e-12 and min(y1, y2) - 1e-12 <= py <= max(y1, y2) + 1e-12


def validate_polygon(points: Any) -> list[list[float]]:
    """Return `points` as [[lat, lng], ...]; raise ValueError unless it has >= 3 distinct valid points and an area."""
    if not isinstance(points, list) or len(points) < 3:
        raise ValueError("a polygon needs at least 3 points")
    if len(points) > 1000:
        raise ValueError("a polygon may have at most 1000 points")
    out: list[list[float]] = []
    for i, p in enumerate(points):
        if not isinstance(p, (list, tuple)) or len(p) != 2:
            raise ValueError(f"point {i} must be [lat, lng]")
        try:
            check_lat_lng(p[0], p[1])
        except ValueError as exc:
            raise ValueError(f"point {i}: {exc}") from exc
        out.append([float(p[0]), float(p[1])])
    if len(out) > 3 and out[0] == out[-1]:
        out.pop()  # a closed ring repeats its first point
    if len({tuple(p) for p in out}) < 3 or abs(_area(out)) < 1e-14:
        raise ValueError("a polygon needs at least 3 distinct points enclosing an area")
    return out


def check_shape(kind: str, lat: float | None, lng: float | None, radius: float | None, polygon: list | None) -> None:
    """Raise ValueError unless the fields given fit the fence kind exactly."""
    if kind == "circle" and (lat is None or lng is None or radius is None or polygon is not None):
        raise ValueError("a circle needs center_lat, center_lng and radius_m, and no polygon")
    if kind == "polygon" and (polygon is None or lat is not None or lng is not None or radius is not None):
        raise ValueError("a polygon needs polygon [[lat, lng], ...] with at least 3 points, and no centre or radius")


def _area(points: Sequence[Sequence[float]]) -> float:
    return (
        sum(
            points[i][1] * points[(i + 1) % len(points)][0] - points[(i + 1) % len(points)][1] * points[i][0]
            for i in range(len(points))
        )
        / 2
    )


@dataclass(frozen=True)
class Fence:
    """A geofence: a circle (centre + radius in metres) or a polygon of [lat, lng] points."""

    id: str
    kind: str
    center_lat: float | None = None
    center_lng: float | None = None
    radius_m: float | None = None
    polygon: tuple[tuple[float, float], ...] | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Fence:
        """Return the Fence of a geofences row."""
        poly = row.get("polygon")
        return cls(
            id=str(row["id"]),
            kind=row["kind"],
            center_lat=row.get("center_lat"),
            center_lng=row.get("center_lng"),
            radius_m=row.get("radius_m"),
            polygon=tuple((float(p[0]), float(p[1])) for p in poly) if poly else None,
        )

    def contains(self, lat: float, lng: float) -> bool:
        """Return True when (lat, lng) is inside this fence (on the boundary counts as inside)."""
        if self.kind == "circle":
            # geofences' CHECK: a circle has a center and a radius
            assert self.center_lat is not None and self.center_lng is not None and self.radius_m is not None
            return haversine_m(self.center_lat, self.center_lng, lat, lng) <= self.radius_m
        return point_in_polygon(lat, lng, self.polygon or ())


def containing(fences: Iterable[Fence], lat: float, lng: float) -> list[Fence]:
    """Return the fences that contain (lat, lng), in the order given."""
    return [f for f in fences if f.contains(lat, lng)]


@dataclass(frozen=True)
class Evaluation:
    """The outcome of checking one location against a company's geofence policy."""

    status: str  # not_checked | no_location | no_geofences | inside | outside
    geofence_id: str | None  # the first fence containing the point, when inside
    allowed: bool  # False only under policy "require" when outside or without a location
    flag: str | None  # outside_geofence / no_location under policy "flag", else None


def evaluate(policy: str, fences: Sequence[Fence], lat: float | None, lng: float | None) -> Evaluation:
    """Return how a clock-in at (lat, lng) fares under `policy` (off / flag / require) and `fences`."""
    if policy not in POLICIES:
        raise ValueError(f"unknown geofence policy {policy!r}")
    if policy == "off":
        return Evaluation("not_checked", None, True, None)
    if lat is None or lng is None:
        return Evaluation("no_location", None, policy != "require", "no_location" if policy == "flag" else None)
    if not fences:  # nothing to check against: never lock a whole company out
        return Evaluation("no_geofences", None, True, None)
    found = containing(fences, lat, lng)
    if found:
        return Evaluation("inside", found[0].id, True, None)
    return Evaluation("outside", None, policy != "require", "outside_geofence" if policy == "flag" else None)


def transitions(
    points: Iterable[Mapping[str, Any]], fences: Sequence[Fence], initial: Mapping[str, bool] | None = None
) -> list[dict]:
    """Return enter/exit events for `points` (dicts with lat, lng, recorded_at) walked in recorded_at order.

    `initial` maps fence id to whether the device was inside before the first point; a fence missing from it
    starts outside, so a first point inside yields an "enter".
    """
    state = {f.id: bool((initial or {}).get(f.id, False)) for f in fences}
    events: list[dict] = []
    for p in sorted(points, key=lambda q: q["recorded_at"]):
        for f in fences:
            inside = f.contains(p["lat"], p["lng"])
            if inside != state[f.id]:
                state[f.id] = inside
                events.append(
                    {
                        "geofence_id": f.id,
                        "event": "enter" if inside else "exit",
                        "recorded_at": p["recorded_at"],
                        "lat": p["lat"],
                        "lng": p["lng"],
                    }
                )
    return events
