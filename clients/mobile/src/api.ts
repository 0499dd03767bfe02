// The API client: every call goes to <server>/function/<name>/...; errors arrive as {"error": {code, message, fields}}.
// Access tokens are short-lived: a 401 refreshes once (one refresh shared by concurrent calls, since the server
// rotates refresh tokens and revokes the whole family when a rotated one is reused) and retries the call.
import type { KeyValue } from "./storage";
import type { Tokens } from "./models";

export class ApiError extends Error {
  status: number;
  code: string;
  fields: Record<string, string>;
  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** Thrown when the server cannot be reached at all (offline, DNS, refused): the caller may queue the write. */
export class OfflineError extends Error {
  constructor(cause: unknown) {
    super(`The server cannot be reached (${cause instanceof Error ? cause.message : String(cause)}).`);
  }
}

export interface Session {
  access: string;
  refresh: string;
}

const SESSION_KEY = "wm.session";

export interface RequestOptions {
  body?: unknown;
  form?: FormData; // multipart (a receipt photo): the platform sets the boundary

  idempotencyKey?: string;
  auth?: boolean;
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export class Api {
  baseUrl: string;
  private store: KeyValue;
  private fetchFn: Fetch;
  private refreshing: Promise<boolean> | null = null;
  private session: Session | null = null;
  private loaded = false;
  onSignedOut: (() => void) | null = null;

  constructor(baseUrl: string, store: KeyValue, fetchFn: Fetch = (u, i) => fetch(u, i)) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.store = store;
    this.fetchFn = fetchFn;
  }

  async loadSession(): Promise<Session | null> {
    if (!this.loaded) {
      const raw = await this.store.getItem(SESSION_KEY);
      this.session = raw ? (JSON.parse(raw) as Session) : null;
      this.loaded = true;
    }
    return this.session;
  }

  async saveSession(tokens: Pick<Tokens, "access_token" | "refresh_token"> | null): Promise<void> {
    this.loaded = true;
    if (!tokens) {
      this.session = null;
      await this.store.removeItem(SESSION_KEY);
      return;
    }
    this.session = { access: tokens.access_token, refresh: tokens.refresh_token };
    await this.store.setItem(SESSION_KEY, JSON.stringify(this.session));
  }

  private async raw(method: string, path: string, opts: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (opts.body !== undefined && !opts.form) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    if (opts.idempotencyKey) headers["Idempotency-Key"] = opts.idempotencyKey;
    try {
      return await this.fetchFn(this.baseUrl + path, {
        method,
        headers,
        body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      });
    } catch (err) {
      throw new OfflineError(err);
    }
  }

  /** Refresh the tokens once for every caller waiting on a 401; false when the session is over. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        const current = await this.loadSession();
        if (!current) return false;
        const resp = await this.raw("POST", "/function/auth/refresh", { body: { refresh_token: current.refresh } }, null);
        if (!resp.ok) {
          if (resp.status === 401 || resp.status === 403) {
            await this.saveSession(null);
            this.onSignedOut?.();
          }
          return false;
        }
        await this.saveSession((await resp.json()) as Tokens);
        return true;
      })().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const useAuth = opts.auth !== false;
    const session = useAuth ? await this.loadSession() : null;
    let resp = await this.raw(method, path, opts, session?.access ?? null);
    if (resp.status === 401 && useAuth && session) {
      if (await this.refresh()) resp = await this.raw(method, path, opts, this.session?.access ?? null);
    }
    if (!resp.ok) throw await toApiError(resp);
    if (resp.status === 204) return undefined as T;
    return (await resp.json()) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>("GET", path);
  }
  post<T>(path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    return this.request<T>("POST", path, { body: body ?? {}, idempotencyKey });
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>("PATCH", path, { body });
  }
}

export async function toApiError(resp: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await resp.json();
  } catch {
    /* not JSON */
  }
  const err = (body as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null)?.error;
  if (err && typeof err.message === "string") {
    return new ApiError(resp.status, err.code ?? "error", err.message, err.fields ?? {});
  }
  return new ApiError(resp.status, "http_error", `The server answered ${resp.status}.`);
}

/** A random id (RFC 4122 v4 form) for idempotency keys; crypto.getRandomValues exists on Hermes and browsers. */
export function newKey(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
