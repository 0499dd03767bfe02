// Settings → "Pair the browser extension": a single-use code to type into the extension instead of a password.
import { useState } from "react";
import { post } from "./api";
import { localTime } from "./format";
import type { PairingCode } from "./models";
import { useMe } from "./session";
import { ErrorBanner } from "./ui";
import { EXTENSION_HREF } from "./usage";

export function PairExtension() {
  const me = useMe();
  const [code, setCode] = useState<PairingCode | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      setCode(await post<PairingCode>("/auth/pairing-codes"));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-label="Pair the browser extension" id="browser-extension">
      <h3>Pair the browser extension</h3>
      <p className="muted" style={{ marginTop: 0 }}>
        The WorkMonitor extension for Chrome, Edge and Firefox records website time while your timer runs.
        Sign it in with a one-time code instead of your password (<a href={EXTENSION_HREF}>get the extension</a>).
      </p>
      <ErrorBanner error={error} />
      {code && (
        <p>
          Server: <strong>{window.location.origin}</strong> · Code: <strong data-testid="pairing-code" style={{ fontSize: 20, letterSpacing: 2 }}>{code.code}</strong>
          <span className="muted"> (single use, valid until {localTime(code.expires_at, me.user.timezone)})</span>
        </p>
      )}
      <button type="button" disabled={busy} onClick={create}>{code ? "New code" : "Show a pairing code"}</button>
    </section>
  );
}
