// Report exports and API "try it": calls that answer a file or must send a token other than the session's.
import { loadSession, toApiError } from "./api";

/** POST `body` to `/function<path>`; return the answer: a file (Blob + filename) or parsed JSON (a 202 job). */
export async function postForFile(path: string, body: unknown): Promise<{ blob: Blob; name: string } | { json: unknown }> {
  const session = loadSession();
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (session) headers.Authorization = `Bearer ${session.access}`;
  const resp = await fetch(`/function${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  if (!resp.ok) throw await toApiError(resp);
  if ((resp.headers.get("Content-Type") ?? "").startsWith("application/json")) return { json: await resp.json() };
  const disposition = resp.headers.get("Content-Disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "report";
  return { blob: await resp.blob(), name };
}

/** Offer `blob` to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Send one request with a personal API token (the API reference's "try it"); return status and body text. */
export async function tryRequest(method: string, url: string, token: string, body: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body && method !== "GET") headers["Content-Type"] = "application/json";
  const resp = await fetch(url, { method, headers, body: body && method !== "GET" ? body : undefined });
  let text = await resp.text();
  try {
    text = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    /* not JSON: shown as is */
  }
  return { status: resp.status, text };
}
