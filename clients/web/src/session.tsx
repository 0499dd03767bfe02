// The signed-in user, company and consent, loaded from /auth/me; role-aware navigation reads it.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { get, loadSession, post, saveSession, type TokenPair } from "./api";
import type { Me } from "./models";

export type { Me } from "./models";

interface SessionValue {
  me: Me | null;
  loading: boolean;
  signIn: (tokens: TokenPair) => Promise<void>;
  signOut: () => Promise<void>;
  reload: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    if (!loadSession()) {
      setMe(null);
      setLoading(false);
      return;
    }
    try {
      setMe(await get<Me>("/auth/me"));
    } catch {
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
    const onOut = () => setMe(null);
    window.addEventListener("wm:signed-out", onOut);
    return () => window.removeEventListener("wm:signed-out", onOut);
  }, [reload]);

  const signIn = useCallback(async (tokens: TokenPair) => {
    saveSession(tokens);
    setLoading(true);
    await reload();
  }, [reload]);

  const signOut = useCallback(async () => {
    try {
      await post("/auth/logout", {});
    } catch {
      /* already signed out on the server */
    }
    saveSession(null);
    setMe(null);
  }, []);

  return <SessionContext.Provider value={{ me, loading, signIn, signOut, reload }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in user's data; only for pages rendered behind the sign-in gate. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error("not signed in");
  return me;
}

export const isManager = (me: Me) => me.user.role === "admin" || me.user.role === "manager";
export const isAdmin = (me: Me) => me.user.role === "admin";
