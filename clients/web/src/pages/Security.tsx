// Security: an authenticator app (QR code or secret, then recovery codes shown once), signed-in devices (sign out
// one or all others); for admins, requiring two-step sign-in and single sign-on with OpenID Connect.
import { useState } from "react";
import { api, del, get } from "../api";
import { localDateTime } from "../format";
import { isAdmin, useMe } from "../session";
import type { CompanyTwoFactor, RecoveryCodes, Sessions, SsoConfigOut, TotpSetup, TwoFactor } from "../trust";
import { ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

export function Security() {
  const me = useMe();
  return (
    <>
      <div className="grid2" style={{ marginBottom: 16 }}>
        <Authenticator />
        <Devices />
      </div>
      {isAdmin(me) && <div className="grid2"><RequireTwoFactor /><SingleSignOn /></div>}
    </>
  );
}

function Codes({ codes }: { codes: string[] }) {
  return (
    <div className="notice" data-testid="recovery-codes">
      <strong>Recovery codes — shown only now.</strong> Each one signs you in once if you lose your phone. Keep them somewhere safe.
      <ul className="codes">{codes.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
    </div>
  );
}

function Authenticator() {
  const state = useAsync(() => get<TwoFactor>("/auth/me/two-factor"), []);
  const [password, setPassword] = useState("");
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const act = useAction();
  const call = <T,>(path: string, body: unknown) => api<T>("POST", path, { body, retry: false });
  const begin = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => { setSetup(await call<TotpSetup>("/auth/me/totp/setup", { password })); setPassword(""); });
  };
  const confirm = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      setCodes((await call<RecoveryCodes>("/auth/me/totp/confirm", { code })).recovery_codes);
      setSetup(null); setCode(""); state.reload();
    });
  };
  const disable = () => void act.run(async () => { await call("/auth/me/totp/disable", { password }); setPassword(""); setCodes(null); state.reload(); });
  const renew = () => void act.run(async () => { setCodes((await call<RecoveryCodes>("/auth/me/recovery-codes", { password })).recovery_codes); setPassword(""); state.reload(); });
  const s = state.data;
  return (
    <section className="panel" aria-label="Authenticator app">
      <h3>Authenticator app</h3>
      <ErrorBanner error={state.error ?? act.error} />
      {!s ? <Loading /> : (
        <>
          <p>Two-step sign-in with an app such as Aegis, FreeOTP or Google Authenticator is <strong data-testid="totp-state">{s.totp_enabled ? "on" : "off"}</strong>.
            {s.totp_enabled && <> {s.recovery_codes_left} recovery codes left.</>}
            {s.company_requires && <> Your company requires two-step sign-in{s.totp_enabled ? "" : ": until you set up an app, each sign-in asks for a code by email"}.</>}</p>
          {codes && <Codes codes={codes} />}
          {setup ? (
            <form onSubmit={confirm}>
              <p>Scan this code with the app, or type the secret in.</p>
              <img src={setup.qr_svg} alt="QR code for the authenticator app" width={200} height={200} style={{ background: "#fff", padding: 8 }} />
              <p><code data-testid="totp-secret">{setup.secret}</code></p>
              <Field label="The 6-digit code the app shows"><input name="totp-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required /></Field>
              <button type="submit" disabled={act.busy}>Turn on</button>
            </form>
          ) : (
            <form className="row" onSubmit={s.totp_enabled ? (e) => { e.preventDefault(); disable(); } : begin}>
              <Field label="Your password, to confirm"><input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></Field>
              {s.totp_enabled ? <>
                <button type="button" className="secondary" disabled={act.busy || !password} onClick={renew} style={{ marginBottom: 12 }}>New recovery codes</button>
                <button type="submit" className="danger" disabled={act.busy} style={{ marginBottom: 12 }}>Turn off</button>
              </> : <button type="submit" disabled={act.busy} style={{ marginBottom: 12 }}>Set up</button>}
            </form>
          )}
        </>
      )}
    </section>
  );
}

function Devices() {
  const me = useMe();
  const list = useAsync(() => get<Sessions>("/auth/sessions"), []);
  const act = useAction();
  const out = (id?: string) => void act.run(async () => { await del(id ? `/auth/sessions/${id}` : "/auth/sessions"); list.reload(); });
  return (
    <section className="panel" aria-label="Signed-in devices">
      <h3>Signed-in devices</h3>
      <ErrorBanner error={list.error ?? act.error} />
      {!list.data ? <Loading /> : (
        <>
          <table>
            <thead><tr><th>Device</th><th>Address</th><th>Last used</th><th /></tr></thead>
            <tbody>{list.data.items.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <td>{s.device_name ?? (s.user_agent ?? "Unknown device").slice(0, 60)}{s.current && <span className="badge ok" style={{ marginLeft: 6 }}>this device</span>}</td>
                <td>{s.ip ?? "—"}</td>
                <td>{localDateTime(s.last_used_at, me.user.timezone)}</td>
                <td>{!s.current && <button className="secondary" disabled={act.busy} onClick={() => out(s.id)}>Sign out</button>}</td>
              </tr>
            ))}</tbody>
          </table>
          <button className="danger" disabled={act.busy || list.data.items.length < 2} onClick={() => out()}>Sign out all other devices</button>
        </>
      )}
    </section>
  );
}

function RequireTwoFactor() {
  const state = useAsync(() => get<CompanyTwoFactor>("/auth/company/two-factor"), []);
  const act = useAction();
  const set = (required: boolean) => void act.run(async () => { await api("PUT", "/auth/company/two-factor", { body: { required } }); state.reload(); });
  return (
    <section className="panel" aria-label="Company two-step sign-in">
      <h3>Two-step sign-in for everyone</h3>
      <ErrorBanner error={state.error ?? act.error} />
      {state.data && (
        <>
          <p>Currently <strong>{state.data.required ? "required" : "optional"}</strong>. When required, members without an authenticator app get a code by email at every sign-in.</p>
          <button className={state.data.required ? "secondary" : ""} disabled={act.busy} onClick={() => set(!state.data!.required)}>
            {state.data.required ? "Make it optional" : "Require it"}
          </button>
        </>
      )}
    </section>
  );
}

function SingleSignOn() {
  const state = useAsync(() => get<SsoConfigOut>("/auth/sso/config"), []);
  const act = useAction();
  const [form, setForm] = useState<{ issuer: string; client_id: string; client_secret: string; domains: string; jit: boolean; required: boolean } | null>(null);
  const cfg = state.data?.config;
  const f = form ?? { issuer: cfg?.issuer ?? "", client_id: cfg?.client_id ?? "", client_secret: "", domains: (cfg?.email_domains ?? []).join(", "),
    jit: cfg?.jit_provisioning ?? false, required: cfg?.sso_required ?? false };
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      await api("PUT", "/auth/sso/config", { body: { issuer: f.issuer, client_id: f.client_id, client_secret: f.client_secret || null,
        email_domains: f.domains.split(/[\s,]+/).filter(Boolean), jit_provisioning: f.jit, sso_required: f.required } });
      setForm(null); state.reload();
    });
  };
  const set = (patch: Partial<typeof f>) => setForm({ ...f, ...patch });
  return (
    <form className="panel" aria-label="Single sign-on" onSubmit={save}>
      <h3>Single sign-on (OpenID Connect)</h3>
      <ErrorBanner error={state.error ?? act.error} />
      {state.data && <p className="muted">Register this redirect URI at your provider: <code>{state.data.redirect_uri}</code></p>}
      <Field label="Issuer (e.g. https://login.example.com/realms/acme)"><input value={f.issuer} onChange={(e) => set({ issuer: e.target.value })} required /></Field>
      <div className="row">
        <Field label="Client ID"><input value={f.client_id} onChange={(e) => set({ client_id: e.target.value })} required /></Field>
        <Field label={cfg?.has_secret ? "Client secret (kept if empty)" : "Client secret"}><input type="password" value={f.client_secret} onChange={(e) => set({ client_secret: e.target.value })} /></Field>
      </div>
      <Field label="Email domains (comma separated)"><input value={f.domains} onChange={(e) => set({ domains: e.target.value })} required /></Field>
      <label><input type="checkbox" checked={f.jit} onChange={(e) => set({ jit: e.target.checked })} /> Create an employee account at first sign-in</label><br />
      <label><input type="checkbox" checked={f.required} onChange={(e) => set({ required: e.target.checked })} /> Require SSO (passwords are refused)</label>
      <div className="row" style={{ marginTop: 12 }}><button type="submit" disabled={act.busy}>Save</button></div>
    </form>
  );
}
