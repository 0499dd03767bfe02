// Live updates: one Socket.IO connection to the gateway, authenticated with the access token, reconnecting.
import { io, type Socket } from "socket.io-client";
import { loadSession } from "./api";
import type { ServerEvent, ServerEvents } from "./models";

let socket: Socket | null = null;
let configured: Promise<string> | null = null;

async function socketUrl(): Promise<string> {
  configured = configured ?? fetch("/wm-config.json")
    .then((r) => (r.ok ? r.json() : {}))
    .then((c: { socket_url?: string }) => c.socket_url || window.location.origin)
    .catch(() => window.location.origin);
  return configured;
}

/** Connect (once) and return the socket; `auth` is re-read on every reconnect so refreshed tokens are used. */
export async function connectSocket(): Promise<Socket> {
  if (socket) return socket;
  const url = await socketUrl();
  socket = io(url, {
    transports: ["websocket"],
    auth: (cb) => cb({ token: loadSession()?.access ?? "" }),
    reconnectionDelayMax: 10000,
  });
  return socket;
}

export function disconnectSocket(): void {
  socket?.disconnect();
  socket = null;
}

/** Listen to catalogue events `events` with their typed payloads; returns the function that stops listening. */
export function listen<E extends ServerEvent>(s: Socket, events: E[], fn: (payload: ServerEvents[E]) => void): () => void {
  const handler = fn as (payload: unknown) => void;
  events.forEach((e) => s.on(e as string, handler));
  return () => events.forEach((e) => s.off(e as string, handler));
}
