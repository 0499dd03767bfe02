// The audit log (admins): who did what and when, filtered by person, action and date range, a page at a time.
import { useState } from "react";
import { get, qs } from "../api";
import { addDays, localDateTime, zonedToUtc } from "../format";
import type { AuditActions, AuditPage, AuditRow, Person, PersonPage } from "../models";
import { useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAsync } from "../ui";

const PAGE = 25;

/** "team.role_changed" -> "team · role changed". */
const actionText = (a: string) => a.replace(".", " · ").replace(/_/g, " ");

function details(row: AuditRow): string {
  const entries = Object.entries(row.details ?? {});
  return entries.map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`).join(", ");
}

export function AuditLog() {
  const me = useMe();
  const tz = me.user.timezone;
  const [f, setF] = useState({ actor: "", action: "", from: "", to: "" });
  const [offset, setOffset] = useState(0);
  const people = useAsync(() => get<PersonPage>("/team/users?status=all&limit=200").then((r) => r.items as Person[]), []);
  const actions = useAsync(() => get<AuditActions>("/team/audit/actions").then((r) => r.actions), []);
  const query = qs({
    limit: PAGE, offset, actor_id: f.actor, action: f.action,
    since: f.from ? zonedToUtc(f.from, tz) : "", until: f.to ? zonedToUtc(addDays(f.to, 1), tz) : "",
  });
  const rows = useAsync(() => get<AuditPage>(`/team/audit${query}`), [query]);
  const set = (changes: Partial<typeof f>) => { setF({ ...f, ...changes }); setOffset(0); };
  const filtered = Boolean(f.actor || f.action || f.from || f.to);
  return (
    <section className="panel" aria-label="Audit log">
      <form className="row" aria-label="Audit filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="Person"><select name="audit-actor" value={f.actor} onChange={(e) => set({ actor: e.target.value })}>
          <option value="">Anyone</option>
          {people.data?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select></Field>
        <Field label="Action"><select name="audit-action" value={f.action} onChange={(e) => set({ action: e.target.value })}>
          <option value="">Any action</option>
          {[...new Set((actions.data ?? []).map((a) => `${a.split(".")[0]}.`))].map((p) => <option key={p} value={p}>All of {p.slice(0, -1)}</option>)}
          {actions.data?.map((a) => <option key={a} value={a}>{actionText(a)}</option>)}
        </select></Field>
        <Field label="From"><input type="date" name="audit-from" value={f.from} onChange={(e) => set({ from: e.target.value })} /></Field>
        <Field label="To"><input type="date" name="audit-to" value={f.to} onChange={(e) => set({ to: e.target.value })} /></Field>
        {filtered && <button type="button" className="secondary" style={{ marginBottom: 12 }} onClick={() => set({ actor: "", action: "", from: "", to: "" })}>Clear filters</button>}
      </form>
      <ErrorBanner error={rows.error} />
      {rows.loading && !rows.data ? <Loading /> : !rows.data?.items.length ? (
        <Empty>{filtered ? "Nothing matches these filters." : "No audited actions yet. Sign-ins, role changes, settings changes and deletions are recorded here."}</Empty>
      ) : (
        <>
          <div className="table-wrap"><table data-testid="audit-table" className="stack-phone">
            <thead><tr><th>When</th><th>Who</th><th>Action</th><th>What</th><th>Address</th></tr></thead>
            <tbody>{rows.data.items.map((r) => (
              <tr key={r.id}>
                <td data-label="When" style={{ whiteSpace: "nowrap" }}>{localDateTime(r.created_at, tz)}</td>
                <td data-label="Who">{r.actor_name ?? (r.actor_id ? `${r.actor_id.slice(0, 8)}…` : "system")}</td>
                <td data-label="Action"><code>{r.action}</code></td>
                <td data-label="What"><div className="audit-details">{r.target_type ? `${r.target_type} ` : ""}<span className="muted">{details(r)}</span></div></td>
                <td data-label="Address" className="muted">{r.ip ?? "—"}</td>
              </tr>
            ))}</tbody>
          </table></div>
          <div className="pager">
            <button className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Newer</button>
            <span className="muted" data-testid="audit-range">{offset + 1}–{offset + rows.data.items.length}</span>
            <button className="secondary" disabled={!rows.data.has_more} onClick={() => setOffset(offset + PAGE)}>Older</button>
          </div>
        </>
      )}
    </section>
  );
}
