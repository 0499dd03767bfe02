import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, qs, saveSession, loadSession, toApiError } from "./api";

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe("api client", () => {
  it("reads the error JSON into an ApiError", async () => {
    const resp = new Response(JSON.stringify({ error: { code: "validation_failed", message: "Bad", fields: { email: "x" } } }),
      { status: 400 });
    const err = await toApiError(resp);
    expect(err).toBeInstanceOf(ApiError);
    expect([err.status, err.code, err.message, err.fields.email]).toEqual([400, "validation_failed", "Bad", "x"]);
    const plain = await toApiError(new Response("oops", { status: 502 }));
    expect(plain.code).toBe("http_error");
  });

  it("refreshes once on 401 and retries with the new token", async () => {
    saveSession({ access_token: "old", refresh_token: "r1" });
    const calls: string[] = [];
    vi.stubGlobal("fetch", vi.fn(async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>)?.Authorization ?? "";
      calls.push(`${url} ${auth}`);
      if (url.endsWith("/auth/refresh")) {
        return new Response(JSON.stringify({ access_token: "new", refresh_token: "r2" }), { status: 200 });
      }
      if (auth === "Bearer old") return new Response(JSON.stringify({ error: { code: "token_expired", message: "e" } }), { status: 401 });
      return new Response(JSON.stringify({ ok: true }), { status: 200 });
    }));
    expect(await api("GET", "/auth/me")).toEqual({ ok: true });
    expect(calls).toEqual(["/function/auth/me Bearer old", "/function/auth/refresh ", "/function/auth/me Bearer new"]);
    expect(loadSession()).toEqual({ access: "new", refresh: "r2" });
  });

  it("builds query strings from defined values only", () => {
    expect(qs({ a: 1, b: undefined, c: "", d: "x y" })).toBe("?a=1&d=x+y");
    expect(qs({})).toBe("");
  });
});
