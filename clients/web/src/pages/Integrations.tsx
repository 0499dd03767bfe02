// Calendar integrations: connect CalDAV (URL + credentials) or Google / Microsoft (OAuth), see each connection's
// sync state and last error, disconnect; calendar events offered as time entries, accepted in one click.
import { useEffect, useState } from "react";
import { del, get, post } from "../api";
import { localDateTime } from "../format";
import type { CalendarConnection, CalendarConnectionList, CalendarSuggestionPage, OAuthStart } from "../models";
import type { Route } from "../router";
import { useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

const PROVIDER_NAMES: Record<string, string> = { caldav: "CalDAV", google: "Google Calendar", microsoft: "Outlook (Microsoft 365)" };
const PENDING_PROVIDER = "wm.oauth.provider";
const STATE_BADGE: Record<string, string> = { active: "ok", pending: "warn", error: "danger" };

/** The provider's redirect lands on /integrations/callback?code&state: finish the connection there. */
export function OAuthCallback() {
  const act = useAction();
  const [done, setDone] = useState(false);
  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    const provider = sessionStorage.getItem(PENDING_PROVIDER) ?? "google";
    void act.run(async () => {
      if (q.get("error")) throw new Error(`The provider said: ${q.get("error")}`);
      await post(`/integrations/calendars/oauth/${provider}/finish`, { state: q.get("state") ?? "", code: q.get("code") ?? "" });
      sessionStorage.removeItem(PENDING_PROVIDER);
      setDone(true);
    });
  }, [act.run]);
  return (
    <section className="panel">
      <h2>Connecting your calendar</h2>
      <ErrorBanner error={act.error} />
      {act.busy && <Loading />}
      {(done || Boolean(act.error)) && <a href="/#/integrations">Back to integrations</a>}
    </section>
  );
}

function Connection({ c, onChange }: { c: CalendarConnection; onChange: () => void }) {
  const me = useMe();
  const act = useAction();
  return (
    <tr>
      <td>{PROVIDER_NAMES[c.provider]}<div className="muted">{c.calendar_url}</div></td>
      <td>{[c.push_entries && "entries → calendar", c.pull_events && "calendar → suggestions"].filter(Boolean).join(", ")}</td>
      <td>
        <span className={`badge ${STATE_BADGE[c.state]}`}>{c.state}</span>
        {c.last_error && <div style={{ color: "var(--danger)" }}>{c.last_error}</div>}
      </td>
      <td>{c.last_sync_at ? localDateTime(c.last_sync_at, me.user.timezone) : <span className="muted">not yet</span>}</td>
      <td>
        <button className="secondary" disabled={act.busy} onClick={() => void act.run(async () => { await post(`/integrations/calendars/${c.id}/sync`, {}); onChange(); })}>Sync now</button>{" "}
        <button className="danger" disabled={act.busy} onClick={() => void act.run(async () => { await del(`/integrations/calendars/${c.id}`); onChange(); })}>Disconnect</button>
        <ErrorBanner error={act.error} />
      </td>
    </tr>
  );
}

function CalDavForm({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState({ url: "", username: "", password: "", push_entries: true, pull_events: true });
  const act = useAction();
  const set = (k: string, v: string | boolean) => setForm((f) => ({ ...f, [k]: v }));
  return (
    <form className="panel" onSubmit={(e) => { e.preventDefault(); void act.run(async () => { await post("/integrations/calendars/caldav", form); onDone(); }); }}>
      <h3>Connect a CalDAV calendar</h3>
      <p className="muted">Nextcloud, Radicale, Fastmail, iCloud…: the calendar's address and your account. The password is stored encrypted.</p>
      <Field label="Calendar URL"><input required value={form.url} onChange={(e) => set("url", e.target.value)} placeholder="https://cloud.example.com/remote.php/dav/calendars/me/work/" /></Field>
      <Field label="User name"><input required value={form.username} onChange={(e) => set("username", e.target.value)} /></Field>
      <Field label="Password (an app password if you can)"><input required type="password" value={form.password} onChange={(e) => set("password", e.target.value)} /></Field>
      <label className="check"><input type="checkbox" checked={form.push_entries} onChange={(e) => set("push_entries", e.target.checked)} /> Put my time entries in this calendar</label>
      <label className="check"><input type="checkbox" checked={form.pull_events} onChange={(e) => set("pull_events", e.target.checked)} /> Suggest time entries from its events</label>
      <ErrorBanner error={act.error} />
      <button disabled={act.busy}>Connect</button>
    </form>
  );
}

function Suggestions() {
  const me = useMe();
  const list = useAsync(() => get<CalendarSuggestionPage>("/integrations/suggestions?limit=50"), []);
  const act = useAction();
  return (
    <section className="panel" aria-label="Suggested entries">
      <h3>Meetings from your calendars</h3>
      <ErrorBanner error={list.error ?? act.error} />
      {list.loading ? <Loading /> : !list.data?.items.length ? <Empty>No calendar events waiting to become time entries.</Empty> : (
        <ul>{list.data.items.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> <span className="muted">{localDateTime(s.started_at, me.user.timezone)} – {localDateTime(s.ended_at, me.user.timezone)}</span>{" "}
            <button disabled={act.busy} onClick={() => void act.run(async () => { await post(`/integrations/suggestions/${s.id}/accept`, {}); list.reload(); })}>Add as time entry</button>{" "}
            <button className="secondary" disabled={act.busy} onClick={() => void act.run(async () => { await post(`/integrations/suggestions/${s.id}/dismiss`, {}); list.reload(); })}>Dismiss</button>
          </li>
        ))}</ul>
      )}
    </section>
  );
}

export function Integrations(_: { route: Route }) {
  const list = useAsync(() => get<CalendarConnectionList>("/integrations/calendars"), []);
  const act = useAction();
  const connected = new Set(list.data?.items.map((c) => c.provider));
  const oauth = (provider: string) => act.run(async () => {
    const start = await post<OAuthStart>(`/integrations/calendars/oauth/${provider}/start`, {});
    sessionStorage.setItem(PENDING_PROVIDER, provider);
    window.location.assign(start.authorize_url);
  });
  return (
    <>
      <section className="panel" aria-label="Calendar connections">
        <h2>Calendars</h2>
        <ErrorBanner error={list.error ?? act.error} />
        {list.data && !list.data.encryption_configured && (
          <p className="error" role="alert">Calendar connections are off on this server: no encryption key is configured.</p>
        )}
        {list.loading ? <Loading /> : !list.data?.items.length ? <Empty>No calendar connected.</Empty> : (
          <div className="table-wrap"><table data-testid="calendar-connections">
            <thead><tr><th>Calendar</th><th>Sync</th><th>State</th><th>Last sync</th><th /></tr></thead>
            <tbody>{list.data.items.map((c) => <Connection key={c.id} c={c} onChange={list.reload} />)}</tbody>
          </table></div>
        )}
        <div className="row">
          {!connected.has("google") && list.data?.oauth_providers.includes("google") && <button className="secondary" disabled={act.busy} onClick={() => void oauth("google")}>Connect Google Calendar</button>}
          {!connected.has("microsoft") && list.data?.oauth_providers.includes("microsoft") && <button className="secondary" disabled={act.busy} onClick={() => void oauth("microsoft")}>Connect Outlook</button>}
        </div>
      </section>
      {!connected.has("caldav") && <CalDavForm onDone={list.reload} />}
      <Suggestions />
    </>
  );
}
