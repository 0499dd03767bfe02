// Privacy center: my consent history, what each client captures now, what is held about me, who viewed my
// screenshots, recordings and GPS; exporting everything and asking for erasure. Admins also decide erasure
// requests and set how long each kind of capture is kept (with a preview of what goes when).
import { useEffect, useState } from "react";
import { get, patch, post } from "../api";
import { localDate, localDateTime } from "../format";
import type { MediaSettingsOut } from "../models";
import { isAdmin, useMe } from "../session";
import type { AccessPage, DataExport, DataExportOut, DataExports, ErasureOut, ErasurePage, PrivacyOverview, RetentionPreview } from "../trust";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

const CLIENTS: Record<string, string> = { desktop_agent: "Desktop agent", browser_extension: "Browser extension", phone: "Phone" };

export function Privacy() {
  const me = useMe();
  return (
    <>
      <Overview />
      <AccessLog />
      <div className="grid2" style={{ marginBottom: 16 }}><Exports /><Erasure /></div>
      {isAdmin(me) && <><ErasureDecisions /><Retention /></>}
    </>
  );
}

function Overview() {
  const me = useMe();
  const tz = me.user.timezone;
  const data = useAsync(() => get<PrivacyOverview>("/team/privacy"), []);
  if (!data.data) return <section className="panel"><ErrorBanner error={data.error} />{!data.error && <Loading />}</section>;
  const o = data.data;
  return (
    <section className="panel" aria-label="What is captured about me">
      <h3>What is captured now</h3>
      <table>
        <thead><tr><th>Client</th><th>Kind</th><th>Now</th><th>How</th></tr></thead>
        <tbody>{o.capture.map((c) => (
          <tr key={`${c.client}-${c.kind}`}><td>{CLIENTS[c.client]}</td><td>{c.kind}</td>
            <td><span className={`badge ${c.active ? "warn" : ""}`}>{c.active ? "captured" : "off"}</span></td><td className="muted">{c.detail}</td></tr>
        ))}</tbody>
      </table>
      <h3 style={{ marginTop: 16 }}>What is held about me</h3>
      <table>
        <thead><tr><th>Kind</th><th>Items</th><th>From</th><th>To</th><th>Kept</th></tr></thead>
        <tbody>{o.held.map((h) => (
          <tr key={h.kind} data-testid="held-row"><td>{h.kind}</td><td>{h.count}</td>
            <td>{h.first_at ? localDate(h.first_at, tz) : "—"}</td><td>{h.last_at ? localDate(h.last_at, tz) : "—"}</td>
            <td>{h.retention_days ? `${h.retention_days} days` : "until deleted"}</td></tr>
        ))}</tbody>
      </table>
      <p><a href="#/screenshots">See my screenshots</a> · <a href="#/reports">my activity</a> · <a href="#/attendance">my attendance and GPS</a></p>
      <h3 style={{ marginTop: 16 }}>Consent history</h3>
      {o.consent_history.length === 0 ? <Empty>No monitoring agreement was ever proposed to you.</Empty> : (
        <ul>{o.consent_history.map((a) => (
          <li key={a.id}><span className="badge">{a.status}</span> proposed {localDateTime(a.proposed_at, tz)}
            {a.accepted_at && <>, accepted {localDateTime(a.accepted_at, tz)}</>}{a.revoked_at && <>, ended {localDateTime(a.revoked_at, tz)}</>}
            {" — "}{(["screenshots", "activity", "gps"] as const).filter((k) => a[k]).join(", ") || "nothing"}</li>
        ))}</ul>
      )}
    </section>
  );
}

function AccessLog() {
  const me = useMe();
  const [offset, setOffset] = useState(0);
  const log = useAsync(() => get<AccessPage>(`/team/privacy/access-log?limit=20&offset=${offset}`), [offset]);
  return (
    <section className="panel" aria-label="Who viewed my data" style={{ marginBottom: 16 }}>
      <h3>Who viewed my screenshots, recordings and location</h3>
      <ErrorBanner error={log.error} />
      {!log.data ? <Loading /> : log.data.items.length === 0 ? <Empty>Nobody has viewed them yet.</Empty> : (
        <table>
          <thead><tr><th>When</th><th>Who</th><th>What</th></tr></thead>
          <tbody>{log.data.items.map((r) => (
            <tr key={r.id} data-testid="access-row"><td>{localDateTime(r.viewed_at, me.user.timezone)}</td>
              <td>{r.viewer_id === me.user.id ? "You" : `${r.viewer_name ?? "Former member"} (${r.viewer_role ?? "?"})`}</td>
              <td>{r.kind === "gps" ? `${r.items} location point${r.items === 1 ? "" : "s"}` : `a ${r.kind}`}</td></tr>
          ))}</tbody>
        </table>
      )}
      <div className="row">
        {offset > 0 && <button className="secondary" onClick={() => setOffset(Math.max(0, offset - 20))}>Newer</button>}
        {log.data?.has_more && <button className="secondary" onClick={() => setOffset(log.data!.next_offset ?? 0)}>Older</button>}
      </div>
    </section>
  );
}

function Exports() {
  const me = useMe();
  const list = useAsync(() => get<DataExports>("/team/privacy/exports"), []);
  const act = useAction();
  const running = list.data?.items.some((e) => e.status === "queued" || e.status === "running");
  useEffect(() => {
    if (!running) return;
    const t = window.setInterval(list.reload, 2000);
    return () => window.clearInterval(t);
  }, [running, list.reload]);
  const start = () => void act.run(async () => { await post<DataExportOut>("/team/privacy/exports"); list.reload(); });
  const label = (e: DataExport) => e.status === "ready" ? "ready" : e.status === "running" || e.status === "queued" ? `${e.progress}%` : e.status;
  return (
    <section className="panel" aria-label="Export my data">
      <h3>Export everything about me</h3>
      <p className="muted">A ZIP with every record about you (JSON and CSV) and your screenshot and recording files. We email you when it is ready; it can be downloaded for 7 days.</p>
      <ErrorBanner error={list.error ?? act.error} />
      <button disabled={act.busy || running} onClick={start}>Request an export</button>
      <ul>{list.data?.items.map((e) => (
        <li key={e.id} data-testid="export-row">{localDateTime(e.requested_at, me.user.timezone)}: <span className="badge">{label(e)}</span>
          {e.download_url && <> <a href={e.download_url}>Download ({Math.ceil((e.size_bytes ?? 0) / 1024)} KB)</a></>}</li>
      ))}</ul>
    </section>
  );
}

function Erasure() {
  const mine = useAsync(() => get<ErasurePage>("/team/privacy/erasure-requests"), []);
  const [reason, setReason] = useState("");
  const act = useAction();
  const open = mine.data?.items.find((r) => r.status === "pending" || r.status === "approved");
  const ask = (e: React.FormEvent) => {
    e.preventDefault();
    if (!window.confirm("Ask for your screenshots, recordings, activity, location and chat attachments to be erased?")) return;
    void act.run(async () => { await post<ErasureOut>("/team/privacy/erasure", { reason: reason || null }); setReason(""); mine.reload(); });
  };
  return (
    <form className="panel" aria-label="Erase my data" onSubmit={ask}>
      <h3>Erase my data</h3>
      <p className="muted">An admin decides. Captured data is deleted; records the company must keep by law (approved timesheets, payroll, invoices) stay under a pseudonym.</p>
      <ErrorBanner error={mine.error ?? act.error} />
      {mine.data?.items.map((r) => <p key={r.id}><span className="badge">{r.status}</span> requested {r.requested_at.slice(0, 10)}{r.decision_note && <> — “{r.decision_note}”</>}</p>)}
      {!open && <>
        <Field label="Reason (optional)"><textarea value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
        <button type="submit" className="danger" disabled={act.busy}>Ask for erasure</button>
      </>}
    </form>
  );
}

function ErasureDecisions() {
  const me = useMe();
  const list = useAsync(() => get<ErasurePage>("/team/privacy/erasure-requests?status=pending"), []);
  const act = useAction();
  const decide = (id: string, how: "approve" | "reject") => {
    const note = window.prompt(how === "approve" ? "Note (optional)" : "Why is it rejected?") ?? undefined;
    void act.run(async () => { await post<ErasureOut>(`/team/privacy/erasure-requests/${id}/${how}`, { note: note || null }); list.reload(); });
  };
  return (
    <section className="panel" aria-label="Erasure requests" style={{ marginBottom: 16 }}>
      <h3>Erasure requests</h3>
      <ErrorBanner error={list.error ?? act.error} />
      {!list.data ? <Loading /> : list.data.items.length === 0 ? <Empty>No pending requests.</Empty> : (
        <table>
          <thead><tr><th>Person</th><th>Requested</th><th>Reason</th><th /></tr></thead>
          <tbody>{list.data.items.map((r) => (
            <tr key={r.id} data-testid="erasure-row"><td>{r.user_name}</td><td>{localDateTime(r.requested_at, me.user.timezone)}</td><td>{r.reason ?? "—"}</td>
              <td className="row">
                <button className="danger" disabled={act.busy || r.user_id === me.user.id} onClick={() => decide(r.id, "approve")}>Approve and erase</button>
                <button className="secondary" disabled={act.busy || r.user_id === me.user.id} onClick={() => decide(r.id, "reject")}>Reject</button>
              </td></tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}

const KINDS = ["screenshots", "recordings", "activity", "gps", "chat"] as const;

function Retention() {
  const me = useMe();
  const settings = useAsync(() => get<MediaSettingsOut>("/media/settings"), []);
  const preview = useAsync(() => get<RetentionPreview>("/media/retention/preview"), []);
  const [days, setDays] = useState<Record<string, number> | null>(null);
  const act = useAction();
  const current = days ?? (settings.data?.settings.retention_days as unknown as Record<string, number> | undefined) ?? null;
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => { await patch("/media/settings", { retention_days: current }); setDays(null); settings.reload(); preview.reload(); });
  };
  return (
    <form className="panel" aria-label="Retention" onSubmit={save}>
      <h3>How long captures are kept</h3>
      <ErrorBanner error={settings.error ?? preview.error ?? act.error} />
      {current && <div className="row">{KINDS.map((k) => (
        <Field key={k} label={`${k} (days${k === "screenshots" || k === "recordings" ? "" : ", 0 = keep"})`}>
          <input type="number" min={k === "screenshots" || k === "recordings" ? 1 : 0} max={3650} value={current[k]}
            onChange={(e) => setDays({ ...current, [k]: Number(e.target.value) })} />
        </Field>
      ))}</div>}
      <button type="submit" disabled={act.busy || !current}>Save</button>
      {preview.data && (
        <table style={{ marginTop: 12 }}>
          <thead><tr><th>Kind</th><th>What goes</th><th>Past the limit now</th><th>Next run</th><th>Oldest kept item goes</th></tr></thead>
          <tbody>{preview.data.items.map((p) => (
            <tr key={p.kind} data-testid="retention-row"><td>{p.kind}</td><td className="muted">{p.what}</td>
              <td>{p.days ? p.due_now : "kept"}</td><td>{localDateTime(p.next_run_at, me.user.timezone)}</td>
              <td>{p.oldest_deleted_at ? localDateTime(p.oldest_deleted_at, me.user.timezone) : "—"}</td></tr>
          ))}</tbody>
        </table>
      )}
    </form>
  );
}
