// The app's state shared by every screen: the API client for the configured server, the signed-in person, the
// offline queue and the timer, whether the server is reachable, and the person's preferences.
import NetInfo from "@react-native-community/netinfo";
import React, { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";

import { Api, OfflineError } from "./api";
import type { Me } from "./models";
import { OfflineQueue } from "./queue";
import { plainStore, secureStore } from "./storage";
import type { ThemePref } from "./theme";
import { Timer } from "./timer";

export interface AppState {
  serverUrl: string;
  setServerUrl(url: string): Promise<void>;
  api: Api;
  queue: OfflineQueue;
  timer: Timer;
  me: Me | null;
  setMe(me: Me | null): void;
  reloadMe(): Promise<void>;
  online: boolean;
  queueVersion: number;
  themePref: ThemePref;
  setThemePref(p: ThemePref): Promise<void>;
  signOut(): Promise<void>;
  ready: boolean;
}

const Ctx = createContext<AppState | null>(null);

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error("AppProvider missing");
  return v;
}

function defaultServer(): string {
  const loc = (globalThis as { location?: { origin?: string } }).location;
  return loc?.origin && loc.origin.startsWith("http") ? loc.origin : "";
}

export function AppProvider({ children }: { children: React.ReactNode }) {
  const [serverUrl, setUrl] = useState<string>("");
  const [me, setMe] = useState<Me | null>(null);
  const [online, setOnline] = useState(true);
  const [queueVersion, setQueueVersion] = useState(0);
  const [themePref, setPref] = useState<ThemePref>("system");
  const [ready, setReady] = useState(false);
  const queue = useRef(new OfflineQueue(plainStore)).current;
  // One client for the app's life; changing the server address changes its base URL (and signs out).
  const api = useRef(new Api("", secureStore)).current;
  const timer = useRef(new Timer(api, queue, plainStore)).current;

  useEffect(() => queue.subscribe(() => setQueueVersion((v) => v + 1)), [queue]);

  useEffect(() => {
    (async () => {
      const saved = await plainStore.getItem("wm.server");
      const pref = (await plainStore.getItem("wm.theme")) as ThemePref | null;
      if (pref) setPref(pref);
      api.baseUrl = (saved ?? defaultServer()).replace(/\/+$/, "");
      setUrl(api.baseUrl);
      api.onSignedOut = () => setMe(null);
      if (await api.loadSession()) {
        try {
          setMe(await api.get<Me>("/function/auth/me"));
        } catch {
          /* offline or signed out: the sign-in page or the cached state */
        }
      }
      setReady(true);
      await queue.load();
      setQueueVersion((v) => v + 1);
    })();
  }, [api, queue]);

  const reloadMe = useCallback(async () => {
    try {
      setMe(await api.get<Me>("/function/auth/me"));
    } catch (err) {
      if (!(err instanceof OfflineError)) setMe(null);
    }
  }, [api]);

  // Replay queued writes whenever the connection comes back, and every 15 s while anything waits.
  const flush = useCallback(async () => {
    if (!me) return;
    try {
      await queue.flush(api);
    } catch {
      /* next time */
    }
  }, [api, queue, me]);
  useEffect(() => {
    const unsub = NetInfo.addEventListener((s) => {
      const up = s.isConnected !== false;
      setOnline(up);
      if (up) void flush();
    });
    const id = setInterval(() => {
      if (queue.pending.length > 0) void flush();
    }, 15000);
    return () => {
      unsub();
      clearInterval(id);
    };
  }, [flush, queue]);

  const value: AppState = {
    serverUrl,
    setServerUrl: async (url) => {
      const clean = url.trim().replace(/\/+$/, "");
      if (clean !== api.baseUrl && (await api.loadSession())) {
        await api.saveSession(null); // tokens belong to the server that issued them
        setMe(null);
      }
      api.baseUrl = clean;
      await plainStore.setItem("wm.server", clean);
      setUrl(clean);
    },
    api,
    queue,
    timer,
    me,
    setMe,
    reloadMe,
    online,
    queueVersion,
    themePref,
    setThemePref: async (p) => {
      await plainStore.setItem("wm.theme", p);
      setPref(p);
    },
    signOut: async () => {
      const s = await api.loadSession();
      try {
        if (s) await api.post("/function/auth/logout", { refresh_token: s.refresh });
      } catch {
        /* signed out locally anyway */
      }
      await api.saveSession(null);
      setMe(null);
    },
    ready,
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
