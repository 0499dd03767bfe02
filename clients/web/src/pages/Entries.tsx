// Time entries: filters by date range and project, totals, manual add, edit and delete.
import { useState } from "react";
import { del, get, patch, post, qs } from "../api";
import { addDays, hm, localDate, localDateTime, localTime, zonedToUtc } from "../format";
import type { EntryPage, ProjectPage } from "../models";
import { useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

export function Entries() {
  const me = useMe();
  const tz = me.user.timezone;
  const today = localDate(new Date(), tz);
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const [offset, setOffset] = useState(0);
  const list = useAsync(() => get<EntryPage>(`/time/entries${qs({ from, to, limit: 50, offset })}`), [from, to, offset]);
  const projects = useAsync(() => get<ProjectPage>("/projects/projects?limit=200"), []);
  const [form, setForm] = useState({ day: today, start: "09:00", end: "10:00", project_id: "", description: "" });
  const add = useAction();
  const edit = useAction();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void add.run(async () => {
      await post("/time/entries", {
        started_at: zonedToUtc(`${form.day}T${form.start}`, tz), ended_at: zonedToUtc(`${form.day}T${form.end}`, tz),
        project_id: form.project_id || null, description: form.description || null, source: "web",
      }, { "Idempotency-Key": crypto.randomUUID() });
      list.reload();
    });
  };

  return (
    <>
      <div className="panel row">
        <Field label="From"><input type="date" value={from} onChange={(e) => { setOffset(0); setFrom(e.target.value); }} /></Field>
        <Field label="To"><input type="date" value={to} onChange={(e) => { setOffset(0); setTo(e.target.value); }} /></Field>
        <div className="card"><div className="label">Total</div><div className="value">{list.data ? hm(list.data.totals.seconds) : "…"}</div></div>
      </div>
      <form className="panel" onSubmit={submit} aria-label="Add time manually">
        <h3>Add time</h3>
        <div className="row">
          <Field label="Day"><input type="date" value={form.day} onChange={(e) => setForm({ ...form, day: e.target.value })} required /></Field>
          <Field label="Start"><input type="time" value={form.start} onChange={(e) => setForm({ ...form, start: e.target.value })} required /></Field>
          <Field label="End"><input type="time" value={form.end} onChange={(e) => setForm({ ...form, end: e.target.value })} required /></Field>
          <Field label="Project"><select value={form.project_id} onChange={(e) => setForm({ ...form, project_id: e.target.value })}>
            <option value="">No project</option>
            {projects.data?.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select></Field>
          <Field label="Description"><input value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} /></Field>
          <button type="submit" disabled={add.busy} style={{ marginBottom: 12 }}>Add</button>
        </div>
        <ErrorBanner error={add.error} />
      </form>
      <ErrorBanner error={list.error ?? edit.error} />
      {list.loading ? <Loading /> : !list.data?.items.length ? <Empty>No time in this range.</Empty> : (
        <div className="panel table-wrap">
          <table>
            <thead><tr><th>When ({tz})</th><th>Project / task</th><th>Description</th><th>Duration</th><th>Source</th><th /></tr></thead>
            <tbody>
              {list.data.items.map((e) => (
                <tr key={e.id}>
                  <td>{localDateTime(e.started_at, tz)}–{e.ended_at ? localTime(e.ended_at, tz) : "running"}</td>
                  <td>{e.project_name ?? "—"}{e.task_name ? ` / ${e.task_name}` : ""}</td>
                  <td>
                    <input aria-label="Description" defaultValue={e.description ?? ""} disabled={e.running}
                      onBlur={(ev) => ev.target.value !== (e.description ?? "") &&
                        void edit.run(async () => { await patch(`/time/entries/${e.id}`, { description: ev.target.value }); list.reload(); })} />
                  </td>
                  <td>{hm(e.duration_seconds)}</td>
                  <td><span className="badge">{e.source}</span></td>
                  <td>{!e.running && <button className="secondary" onClick={() => void edit.run(async () => { await del(`/time/entries/${e.id}`); list.reload(); })}>Delete</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>Previous</button>
            <button className="secondary" disabled={!list.data.has_more} onClick={() => setOffset(list.data?.next_offset ?? 0)}>Next</button>
          </div>
        </div>
      )}
    </>
  );
}
