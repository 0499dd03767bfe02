// Outgoing webhooks (admins): register HTTPS endpoints for events, see each delivery (status, duration, retries).
import { useState } from "react";
import { del, get, patch, post } from "../api";
import { localDateTime } from "../format";
import type { DeliveryPage, EventList, WebhookCreated, WebhookPage } from "../models";
import { useMe } from "../session";
import { Empty, ErrorBanner, Field, useAction, useAsync } from "../ui";

export function Webhooks() {
  const me = useMe();
  const list = useAsync(() => get<WebhookPage>("/reports/webhooks?limit=100"), []);
  const catalogue = useAsync(() => get<EventList>("/reports/webhooks/events"), []);
  const [url, setUrl] = useState("https://");
  const [events, setEvents] = useState<string[]>(["*"]);
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const action = useAction();
  const toggle = (e: string) => setEvents(events.includes(e) ? events.filter((x) => x !== e) : [...events, e]);
  const create = () => action.run(async () => { setCreated(await post<WebhookCreated>("/reports/webhooks", { url, events })); list.reload(); });
  return (
    <>
      <form className="panel" aria-label="New webhook" onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <div className="row">
          <Field label="Endpoint URL (https)"><input type="url" value={url} onChange={(e) => setUrl(e.target.value)} size={48} /></Field>
          <fieldset className="scopes"><legend>Events</legend>
            {["*", ...(catalogue.data?.events ?? [])].map((e) => (
              <label key={e}><input type="checkbox" checked={events.includes(e)} onChange={() => toggle(e)} /> {e === "*" ? "every event" : e}</label>
            ))}
          </fieldset>
          <button type="submit" disabled={action.busy || !events.length}>Add endpoint</button>
        </div>
        {created && <div className="notice" role="status">Signing secret (shown once): <code className="secret">{created.secret}</code></div>}
        <ErrorBanner error={action.error} />
        <details><summary>Verifying a delivery</summary>
          <p>Each POST carries <code>WorkMonitor-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>. Compute
          HMAC-SHA256 with your secret over <code>&lt;t&gt;.&lt;raw body&gt;</code>, compare with <code>v1</code> in constant
          time, and refuse a <code>t</code> older than five minutes. Failed deliveries are retried after 30 s, 2 min,
          10 min, 1 h, 4 h, 12 h and 24 h; an endpoint failing for three days is disabled and the admins are emailed.</p>
        </details>
      </form>
      <section className="panel" aria-label="Webhook endpoints">
        <ErrorBanner error={list.error} />
        {list.data && !list.data.items.length && <Empty>No endpoints yet.</Empty>}
        {list.data && list.data.items.length > 0 && (
          <table>
            <thead><tr><th>URL</th><th>Events</th><th>State</th><th /></tr></thead>
            <tbody>{list.data.items.map((w) => (
              <tr key={w.id}>
                <td><button className="link" onClick={() => setOpen(open === w.id ? null : w.id)}>{w.url}</button></td>
                <td>{w.events.join(", ")}</td>
                <td>{w.enabled ? (w.failing_since ? `failing since ${localDateTime(w.failing_since, me.user.timezone)}` : "enabled") : `disabled${w.disabled_reason ? ` (${w.disabled_reason})` : ""}`}</td>
                <td className="row">
                  <button className="secondary" onClick={() => void action.run(async () => { await patch(`/reports/webhooks/${w.id}`, { enabled: !w.enabled }); list.reload(); })}>{w.enabled ? "Disable" : "Enable"}</button>
                  <button className="secondary" onClick={() => void action.run(async () => { await del(`/reports/webhooks/${w.id}`); list.reload(); })}>Delete</button>
                </td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </section>
      {open && <Deliveries id={open} tz={me.user.timezone} />}
    </>
  );
}

function Deliveries({ id, tz }: { id: string; tz: string }) {
  const log = useAsync(() => get<DeliveryPage>(`/reports/webhooks/${id}/deliveries?limit=50`), [id]);
  return (
    <section className="panel" aria-label="Deliveries">
      <h3>Deliveries</h3>
      <ErrorBanner error={log.error} />
      {log.data && !log.data.items.length && <Empty>Nothing delivered yet.</Empty>}
      {log.data && log.data.items.length > 0 && (
        <table>
          <thead><tr><th>When</th><th>Event</th><th>Status</th><th>HTTP</th><th>ms</th><th>Attempts</th><th>Next retry</th></tr></thead>
          <tbody>{log.data.items.map((d) => (
            <tr key={d.id}><td>{localDateTime(d.created_at, tz)}</td><td>{d.event}</td><td>{d.status}{d.last_error ? ` (${d.last_error})` : ""}</td>
              <td>{d.response_status ?? "—"}</td><td>{d.duration_ms ?? "—"}</td><td>{d.attempts}</td>
              <td>{d.next_retry_at ? localDateTime(d.next_retry_at, tz) : "—"}</td></tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}
