import { clockInHint, describeClockIn, describeHint, fenceContains, gpsAllowed, haversineM } from "../src/geo";

const office = { id: "f1", name: "Office", kind: "circle", center_lat: 52.52, center_lng: 13.405, radius_m: 100, polygon: null, active: true } as any;
const yard = {
  id: "f2",
  name: "Yard",
  kind: "polygon",
  center_lat: null,
  center_lng: null,
  radius_m: null,
  polygon: [
    [48.0, 11.0],
    [48.0, 11.01],
    [48.01, 11.01],
    [48.01, 11.0],
  ],
  active: true,
} as any;
const accepted = { id: "a", status: "accepted", gps: true, activity: true, screenshots: false } as any;

test("haversine matches a known distance (Berlin to Munich, about 504 km)", () => {
  expect(haversineM(52.52, 13.405, 48.137, 11.575) / 1000).toBeCloseTo(504.4, 0);
});

test("circles and polygons contain points like the server's geometry, boundary inside", () => {
  expect(fenceContains(office, { lat: 52.5205, lng: 13.405 })).toBe(true); // ~56 m
  expect(fenceContains(office, { lat: 52.522, lng: 13.405 })).toBe(false); // ~222 m
  expect(fenceContains(yard, { lat: 48.005, lng: 11.005 })).toBe(true);
  expect(fenceContains(yard, { lat: 48.0, lng: 11.005 })).toBe(true); // on an edge
  expect(fenceContains(yard, { lat: 48.02, lng: 11.005 })).toBe(false);
});

test("GPS is sent only with an accepted agreement that includes it", () => {
  expect(gpsAllowed(accepted)).toBe(true);
  expect(gpsAllowed({ ...accepted, gps: false })).toBe(false);
  expect(gpsAllowed({ ...accepted, status: "proposed" })).toBe(false);
  expect(gpsAllowed(null)).toBe(false);
  expect(clockInHint({ ...accepted, gps: false }, [office], { lat: 52.52, lng: 13.405 })).toEqual({ kind: "no_consent" });
});

test("the hint names the site or the distance to the nearest one", () => {
  expect(clockInHint(accepted, [office, yard], { lat: 52.52, lng: 13.405 })).toEqual({ kind: "inside", name: "Office" });
  const out = clockInHint(accepted, [office], { lat: 52.53, lng: 13.405 });
  expect(out).toMatchObject({ kind: "outside", nearest: "Office" });
  expect(describeHint(out)).toMatch(/^You are outside every work site \(1\d{3} m from Office\)\.$/);
  expect(clockInHint(accepted, [], { lat: 1, lng: 1 })).toEqual({ kind: "no_sites" });
  expect(clockInHint(accepted, [office], null)).toEqual({ kind: "no_location" });
});

test("the server's answer is explained: site name and flags", () => {
  const flagged = { geofence: { status: "outside", geofence_id: null }, record: { flags: ["outside_geofence", "late"] }, shift: null } as any;
  expect(describeClockIn(flagged, [office])).toBe("Clocked in. Flagged for your manager: outside every work site. Marked late for your shift.");
  const inside = { geofence: { status: "inside", geofence_id: "f1" }, record: { flags: [] }, shift: null } as any;
  expect(describeClockIn(inside, [office])).toBe("Clocked in at Office.");
});
