// The API client: every call goes to /function/<name>/..., errors arrive as {"error": {code, message, fields}}.
import type { Tokens } from "./models";

export class ApiError extends Error {
  status: number;
  code: string;
  fields: Record<string, string>;
  /** The whole error object, for the extras some errors carry (e.g. `conflicting_entry` of an overlap). */
  detail: Record<string, unknown>;
  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, detail: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.detail = detail;
  }
}

/** What saveSession keeps of any answer that carries tokens (Tokens, SignedIn, SignupOut). */
export type TokenPair = Pick<Tokens, "access_token" | "refresh_token">;

const STORAGE_KEY = "wm.session";

export interface StoredSession {
  access: string;
  refresh: string;
}

export function loadSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

export function saveSession(tokens: TokenPair | null): void {
  if (!tokens) localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, JSON.stringify({ access: tokens.access_token, refresh: tokens.refresh_token }));
}

/** Turn a non-2xx response into an ApiError, tolerating bodies that are not our error JSON. */
export async function toApiError(resp: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await resp.json();
  } catch {
    /* not JSON */
  }
  const err = (body as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null)?.error;
  if (err && typeof err.message === "string") {
    return new ApiError(resp.status, err.code ?? "error", err.message, err.fields ?? {}, err as Record<string, unknown>);
  }
  return new ApiError(resp.status, "http_error", `The server answered ${resp.status}.`);
}

let refreshing: Promise<boolean> | null = null;

async function refreshTokens(): Promise<boolean> {
  const current = loadSession();
  if (!current) return false;
  const resp = await fetch("/function/auth/refresh", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refresh_token: current.refresh }),
  });
  if (!resp.ok) {
    saveSession(null);
    return false;
  }
  saveSession((await resp.json()) as Tokens);
  return true;
}

type Options = { body?: unknown; form?: FormData; headers?: Record<string, string>; retry?: boolean };

/** Call `method path` on the gateway; on an expired access token refresh once (shared by concurrent calls). */
export async function api<T = unknown>(method: string, path: string, opts: Options = {}): Promise<T> {
  const session = loadSession();
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (session) headers.Authorization = `Bearer ${session.access}`;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  const resp = await fetch(`/function${path}`, { method, headers, body });
  if (resp.status === 401 && session && opts.retry !== false) {
    refreshing = refreshing ?? refreshTokens().finally(() => (refreshing = null));
    if (await refreshing) return api<T>(method, path, { ...opts, retry: false });
    window.dispatchEvent(new Event("wm:signed-out"));
  }
  if (!resp.ok) throw await toApiError(resp);
  if (resp.status === 204) return undefined as T;
  return (await resp.json()) as T;
}

export const get = <T = unknown>(path: string) => api<T>("GET", path);
export const post = <T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) =>
  api<T>("POST", path, { body: body ?? {}, headers });
export const patch = <T = unknown>(path: string, body: unknown) => api<T>("PATCH", path, { body });
export const del = <T = unknown>(path: string) => api<T>("DELETE", path);

/** Build a query string from defined values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "");
  return entries.length ? "?" + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString() : "";
}
