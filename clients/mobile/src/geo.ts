// Location decisions on the phone. The server decides whether a clock-in is allowed (its geofence policy:
// off / flag / require); the phone only decides whether it may SEND a location (GPS consent in the accepted work
// agreement) and explains the server's answer. Geometry matches the server's (shared/workmonitor/attendance/geo.py):
// circles by haversine distance, polygons of [lat, lng] by ray casting, boundary inside.
import type { Agreement, ClockInOut, Geofence } from "./models";

export interface Point {
  lat: number;
  lng: number;
  accuracy?: number | null;
}

const EARTH_RADIUS_M = 6371008.8;

export function haversineM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function pointInPolygon(lat: number, lng: number, polygon: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [y1, x1] = polygon[i];
    const [y2, x2] = polygon[j];
    // on an edge counts as inside, like the server
    const cross = (lng - x1) * (y2 - y1) - (lat - y1) * (x2 - x1);
    if (Math.abs(cross) < 1e-12 && lng >= Math.min(x1, x2) && lng <= Math.max(x1, x2) && lat >= Math.min(y1, y2) && lat <= Math.max(y1, y2)) {
      return true;
    }
    if (y1 > lat !== y2 > lat && lng < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

export function fenceContains(fence: Geofence, p: Point): boolean {
  if (fence.kind === "circle") {
    if (fence.center_lat == null || fence.center_lng == null || fence.radius_m == null) return false;
    return haversineM(fence.center_lat, fence.center_lng, p.lat, p.lng) <= fence.radius_m;
  }
  return fence.polygon ? pointInPolygon(p.lat, p.lng, fence.polygon) : false;
}

/** GPS may be sent only when the person's accepted work agreement includes it. */
export function gpsAllowed(agreement: Agreement | null | undefined): boolean {
  return !!agreement && agreement.status === "accepted" && agreement.gps === true;
}

export type Hint =
  | { kind: "no_consent" }
  | { kind: "no_location" }
  | { kind: "no_sites" }
  | { kind: "inside"; name: string }
  | { kind: "outside"; nearest: string | null; distanceM: number | null };

/** What the phone can tell before clocking in: where it is relative to the company's sites (the server decides). */
export function clockInHint(agreement: Agreement | null | undefined, fences: Geofence[], p: Point | null): Hint {
  if (!gpsAllowed(agreement)) return { kind: "no_consent" };
  if (!p) return { kind: "no_location" };
  const active = fences.filter((f) => f.active);
  if (active.length === 0) return { kind: "no_sites" };
  const inside = active.find((f) => fenceContains(f, p));
  if (inside) return { kind: "inside", name: inside.name };
  let nearest: Geofence | null = null;
  let best = Infinity;
  for (const f of active) {
    if (f.kind !== "circle" || f.center_lat == null || f.center_lng == null || f.radius_m == null) continue;
    const d = haversineM(f.center_lat, f.center_lng, p.lat, p.lng) - f.radius_m;
    if (d < best) {
      best = d;
      nearest = f;
    }
  }
  return { kind: "outside", nearest: nearest?.name ?? null, distanceM: nearest ? Math.round(best) : null };
}

export function describeHint(h: Hint): string {
  switch (h.kind) {
    case "no_consent":
      return "Your work agreement does not include GPS: no location is sent.";
    case "no_location":
      return "No location yet: clock-in is sent without one.";
    case "no_sites":
      return "Your company has no work sites set up.";
    case "inside":
      return `You are at ${h.name}.`;
    case "outside":
      return h.nearest && h.distanceM != null
        ? `You are outside every work site (${h.distanceM} m from ${h.nearest}).`
        : "You are outside every work site.";
  }
}

/** The server's clock-in answer, in words: where, and any flag the company's policy put on it. */
export function describeClockIn(result: ClockInOut, fences: Geofence[]): string {
  const where = result.geofence.geofence_id ? fences.find((f) => f.id === result.geofence.geofence_id)?.name : null;
  const parts = [where ? `Clocked in at ${where}.` : "Clocked in."];
  if (result.record.flags.includes("outside_geofence")) parts.push("Flagged for your manager: outside every work site.");
  if (result.record.flags.includes("no_location")) parts.push("Flagged for your manager: no location.");
  if (result.record.flags.includes("late")) parts.push("Marked late for your shift.");
  return parts.join(" ");
}
