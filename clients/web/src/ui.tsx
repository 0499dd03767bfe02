// Small shared UI pieces: async data hook, error banner, loading/empty states, form field.
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { ApiError } from "./api";

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): {
  data: T | null; error: ApiError | Error | null; loading: boolean; reload: () => void;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (d) => live && (setData(d), setError(null)),
      (e) => live && setError(e),
    ).finally(() => live && setLoading(false));
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error as ApiError;
  const fields = e.fields ? Object.entries(e.fields) : [];
  return (
    <div className="error" role="alert">
      <strong>{e.message || String(error)}</strong>
      {fields.length > 0 && (
        <ul>{fields.map(([k, v]) => <li key={k}><code>{k}</code>: {v}</li>)}</ul>
      )}
    </div>
  );
}

export function Loading() {
  return <p className="muted" aria-busy="true">Loading…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return <label className="field"><span>{label}</span>{children}</label>;
}

/** Run an async action from a form/button, keeping its error and busy state. */
export function useAction(): { busy: boolean; error: unknown; run: (fn: () => Promise<unknown>) => Promise<boolean> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

/** Tabs as links (#base?tab=key), so a tab can be linked to and survives a reload. */
export function Tabs({ tabs, current, base, label }: { tabs: [string, string][]; current: string; base: string; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map(([key, title]) => (
        <a key={key} href={`#${base}?tab=${key}`} className="tab" aria-current={key === current ? "page" : undefined}>{title}</a>
      ))}
    </nav>
  );
}
