// A small stand-in for the WorkMonitor API used by the unit tests: it keeps entries, honours Idempotency-Key like
// the real time function (same key → the first answer again), rotates refresh tokens, and can be taken offline.
export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: any;
}

export class FakeServer {
  online = true;
  calls: Call[] = [];
  entries: any[] = [];
  running: any = null;
  access = "access-1";
  refresh = "refresh-1";
  refreshCount = 0;
  idempotency = new Map<string, any>();
  clockedIn = false;
  policy: "off" | "flag" | "require" = "flag";
  gps = true;

  fetch = async (url: string, init: RequestInit): Promise<Response> => {
    if (!this.online) throw new TypeError("Network request failed");
    const path = url.replace(/^https?:\/\/[^/]+/, "");
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    this.calls.push({ method: init.method ?? "GET", path, headers, body });
    const json = (status: number, data: unknown) =>
      new Response(JSON.stringify(data), { status, headers: { "Content-Type": "application/json" } });
    if (path === "/function/auth/refresh") {
      if (body.refresh_token !== this.refresh) return json(401, { error: { code: "invalid_token", message: "Signed out." } });
      this.refreshCount += 1;
      this.access = `access-${this.refreshCount + 1}`;
      this.refresh = `refresh-${this.refreshCount + 1}`;
      return json(200, { access_token: this.access, refresh_token: this.refresh, token_type: "Bearer", expires_in: 900, refresh_expires_in: 86400 });
    }
    if (headers.Authorization !== `Bearer ${this.access}`) {
      return json(401, { error: { code: "token_expired", message: "The access token has expired." } });
    }
    const key = headers["Idempotency-Key"];
    if (key && this.idempotency.has(`${path}|${key}`)) return json(201, this.idempotency.get(`${path}|${key}`));
    if (path === "/function/time/entries" && init.method === "POST") {
      const overlap = this.entries.find((e) => e.started_at < body.ended_at && e.ended_at > body.started_at);
      if (overlap) return json(409, { error: { code: "overlap", message: `Overlaps entry ${overlap.id}.` } });
      const entry = { id: `e${this.entries.length + 1}`, ...body, running: false };
      this.entries.push(entry);
      if (key) this.idempotency.set(`${path}|${key}`, { entry });
      return json(201, { entry });
    }
    if (path === "/function/time/timer/start") {
      this.running = { id: `e${this.entries.length + 1}`, started_at: new Date().toISOString(), ended_at: null, project_id: body.project_id, task_id: body.task_id, description: body.description, running: true };
      this.entries.push(this.running);
      return json(201, { entry: this.running, stopped: null });
    }
    if (path === "/function/time/timer/stop") {
      if (!this.running) return json(409, { error: { code: "not_running", message: "No timer is running." } });
      this.running.ended_at = new Date().toISOString();
      this.running.running = false;
      const entry = this.running;
      this.running = null;
      return json(200, { entry });
    }
    if (path === "/function/time/timer") return json(200, { entry: this.running });
    if (path.startsWith("/function/time/entries/") && init.method === "PATCH") {
      const e = this.entries.find((x) => `/function/time/entries/${x.id}` === path);
      if (!e) return json(404, { error: { code: "not_found", message: "No such entry." } });
      Object.assign(e, body, { running: false });
      if (this.running === e) this.running = null;
      return json(200, { entry: e });
    }
    if (path === "/function/attendance/clock-in") {
      if (this.clockedIn) return json(409, { error: { code: "already_clocked_in", message: "You are already clocked in." } });
      const inside = body.location && Math.abs(body.location.lat - 52.52) < 0.001;
      if (!inside && this.policy === "require") {
        return json(403, { error: { code: body.location ? "outside_geofence" : "location_required", message: "You are outside every work site geofence." } });
      }
      this.clockedIn = true;
      const flags = !inside && this.policy === "flag" ? [body.location ? "outside_geofence" : "no_location"] : [];
      return json(201, {
        geofence: { status: inside ? "inside" : body.location ? "outside" : "no_location", geofence_id: inside ? "f1" : null },
        record: { id: "r1", flags, breaks: [], clock_in_at: new Date().toISOString(), clock_out_at: null },
        shift: null,
      });
    }
    if (path === "/function/auth/me") {
      return json(200, {
        user: { id: "u1", name: "Eve Field", email: "eve@field.test", role: "employee", timezone: "Europe/Berlin" },
        company: { id: "c1", name: "Field Co", timezone: "Europe/Berlin", week_start: 1, currency: "EUR", settings: {} },
        agreement: { id: "a1", status: "accepted", gps: this.gps, activity: false, screenshots: false },
      });
    }
    if (path === "/function/attendance/status") return json(200, { clocked_in: this.clockedIn, on_break: false, record: null, shift: null });
    if (path.startsWith("/function/attendance/geofences")) {
      return json(200, { items: [{ id: "f1", name: "Office", kind: "circle", center_lat: 52.52, center_lng: 13.405, radius_m: 150, polygon: null, active: true }], has_more: false, next_offset: null });
    }
    if (path.startsWith("/function/attendance/shifts") || path.startsWith("/function/attendance/leave/types")) return json(200, { items: [], has_more: false, next_offset: null });
    if (path.startsWith("/function/attendance/leave/balances")) return json(200, { balances: [], user_id: "u1", year: 2026 });
    return json(404, { error: { code: "not_found", message: `No route ${path}` } });
  };
}
