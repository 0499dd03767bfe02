// The WorkMonitor API as the extension uses it: sign-in, token refresh, consent and settings, timer, samples.
// Errors become one readable sentence (ApiError.message); a network failure is Offline.

export class ApiError extends Error {
  constructor(status, code, message, fields) {
    super(message || code);
    Object.assign(this, { status, code, fields: fields || {} });
  }
}

export class Offline extends Error {}

const TIMEOUT_MS = 15000;

/** The API base of a server URL the person typed ("tracker.example.com" or "https://.../" both work). */
export function apiBase(server) {
  let s = String(server || "").trim().replace(/\/+$/, "");
  if (!/^https?:\/\//i.test(s)) s = `https://${s}`;
  return s.endsWith("/function") ? s : `${s}/function`;
}

async function send(server, method, path, { token, body } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  let resp;
  try {
    resp = await fetch(apiBase(server) + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      credentials: "omit",
    });
  } catch (err) {
    throw new Offline(`cannot reach ${new URL(apiBase(server)).host} (${err.name === "TimeoutError" ? "timed out" : "offline or refused"})`);
  }
  if (resp.status >= 500 && resp.status !== 501) throw new Offline(`the server answered ${resp.status} (temporarily unavailable)`);
  const text = await resp.text();
  let data = {};
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    if (!resp.ok) throw new ApiError(resp.status, "http_error", `the server answered ${resp.status}`);
  }
  if (!resp.ok) {
    const e = data.error || {};
    throw new ApiError(resp.status, e.code || "error", e.message || `the server answered ${resp.status}`, e.fields);
  }
  return data;
}

/** Sign in; returns the login answer (tokens and user) or {otp_required, challenge}. */
export function login(server, email, password) {
  return send(server, "POST", "/auth/login", { body: { email, password } });
}

/** Sign in with a pairing code shown in the web app (Settings → Pair the browser extension). */
export function pair(server, code, deviceName) {
  return send(server, "POST", "/auth/pairing", { body: { code, device_name: deviceName } });
}

export function verifyOtp(server, challenge, code) {
  return send(server, "POST", "/auth/otp/verify", { body: { challenge, code } });
}

/** The session kept in storage from a login or refresh answer. */
export function sessionFrom(server, email, answer, now) {
  const ttl = Number(answer.expires_in || 600);
  return {
    server,
    email,
    user: { id: answer.user.id, name: answer.user.name || email },
    access: answer.access_token,
    accessExpires: now + ttl - Math.min(30, ttl / 4),
    refresh: answer.refresh_token,
  };
}

/**
 * Call an authenticated endpoint with `session` (refreshing its access token when needed; the refreshed
 * session goes to `save` before the call, so a rotated refresh token is never lost). Returns the JSON answer.
 */
export async function call(session, save, method, path, body, now = Date.now() / 1000) {
  let s = session;
  if (!s.access || s.accessExpires <= now) s = await refresh(s, save, now);
  try {
    return await send(s.server, method, path, { token: s.access, body });
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    s = await refresh(s, save, now);
    return send(s.server, method, path, { token: s.access, body });
  }
}

async function refresh(session, save, now) {
  let answer;
  try {
    answer = await send(session.server, "POST", "/auth/refresh", { body: { refresh_token: session.refresh } });
  } catch (err) {
    if (err instanceof ApiError && (err.status === 400 || err.status === 401)) {
      throw new ApiError(401, "signed_out", "Your session ended: sign in again.");
    }
    throw err;
  }
  const next = sessionFrom(session.server, session.email, { ...answer, user: answer.user || session.user }, now);
  await save(next);
  return next;
}

/** The capture policy from /auth/me and the running timer (the same rule as the desktop agent). */
export async function policy(session, save) {
  const me = await call(session, save, "GET", "/auth/me");
  const timer = (await call(session, save, "GET", "/time/timer")).entry;
  const agreement = me.agreement || {};
  const settings = (me.company && me.company.settings) || {};
  return {
    agreement: agreement.status || "none",
    activity: agreement.status === "accepted" && Boolean(agreement.activity),
    capture: settings.browser_capture === "full" ? "full" : "domain",
    idleSeconds: Math.max(15, Number(settings.idle_threshold_minutes || 5) * 60),
    timer: timer ? { id: timer.id, started_at: timer.started_at, project_id: timer.project_id || null } : null,
  };
}

export async function projects(session, save) {
  const out = await call(session, save, "GET", "/projects/projects?limit=100");
  return out.items.map((p) => ({ id: p.id, name: p.name }));
}

export async function tasks(session, save, projectId) {
  const out = await call(session, save, "GET", `/projects/projects/${encodeURIComponent(projectId)}/tasks?limit=100`);
  return out.items.map((t) => ({ id: t.id, name: t.title || t.name }));
}

export async function startTimer(session, save, projectId, taskId) {
  const body = { source: "browser" };
  if (projectId) body.project_id = projectId;
  if (taskId) body.task_id = taskId;
  return (await call(session, save, "POST", "/time/timer/start", body)).entry;
}

export async function stopTimer(session, save) {
  try {
    return (await call(session, save, "POST", "/time/timer/stop", {})).entry;
  } catch (err) {
    if (err instanceof ApiError && err.code === "no_running_timer") return null;
    throw err;
  }
}

export function postSamples(session, save, batch) {
  return call(session, save, "POST", "/activity/samples", batch);
}

export function logout(session, save) {
  return call(session, save, "POST", "/auth/logout", {}).catch(() => null);
}
