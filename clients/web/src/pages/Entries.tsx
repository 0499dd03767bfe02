// Time entries: filters by date range (and person, for managers and admins), totals per person, manual add, and
// full inline editing (day, start, end, project, description); an overlap names the entry in the way.
import { Fragment, useEffect, useState } from "react";
import { del, get, post, qs } from "../api";
import { addDays, hm, localDate, localDateTime, localTime, zonedToUtc } from "../format";
import type { Entry, EntryPage, ProjectPage, TimeSummary } from "../models";
import { nameOf, useMyPeople } from "../people";
import type { Route } from "../router";
import { isManager, useMe } from "../session";
import { EntryEditor } from "../EntryEditor";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

export function Entries({ route }: { route: Route }) {
  const me = useMe();
  const tz = me.user.timezone;
  const manager = isManager(me);
  const today = localDate(new Date(), tz);
  const [from, setFrom] = useState(route.query.get("from") ?? addDays(today, -6));
  const [to, setTo] = useState(route.query.get("to") ?? today);
  const [userId, setUserId] = useState(manager ? (route.query.get("user") ?? "") : "");
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const people = useMyPeople(me.user, manager);
  const list = useAsync(() => get<EntryPage>(`/time/entries${qs({ from, to, user_id: userId, limit: 50, offset })}`), [from, to, userId, offset]);
  const perPerson = useAsync(() => (manager ? get<TimeSummary>(`/time/reports/summary${qs({ group_by: "user", from, to, user_id: userId })}`)
    : Promise.resolve(null)), [from, to, userId, manager, list.data]);
  const projects = useAsync(() => get<ProjectPage>("/projects/projects?limit=200"), []);
  const [form, setForm] = useState({ day: today, start: "09:00", end: "10:00", project_id: "", description: "" });
  const add = useAction();
  const edit = useAction();
  const [highlight, setHighlight] = useState<string | null>(null);
  // The entry in the way of an edit: list its day (and person) and mark it.
  const show = (c: Entry) => {
    const d = localDate(c.started_at, tz);
    setOffset(0); setFrom(d); setTo(d); setEditing(null); setHighlight(c.id);
    if (manager) setUserId(c.user_id);
  };
  useEffect(() => {
    if (highlight && list.data) document.getElementById(`entry-${highlight}`)?.scrollIntoView({ block: "center" });
  }, [highlight, list.data]);
  const mine = !manager || userId === "" || userId === me.user.id;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void add.run(async () => {
      await post("/time/entries", {
        started_at: zonedToUtc(`${form.day}T${form.start}`, tz), ended_at: zonedToUtc(`${form.day}T${form.end}`, tz),
        project_id: form.project_id || null, description: form.description || null, source: "web",
        ...(manager && userId ? { user_id: userId } : {}),
      }, { "Idempotency-Key": crypto.randomUUID() });
      list.reload();
    });
  };
  const cols = manager ? 7 : 6;

  return (
    <>
      <div className="panel row">
        {manager && (
          <Field label="Person"><select name="person" value={userId} onChange={(e) => { setOffset(0); setUserId(e.target.value); }}>
            <option value="">Everyone I see</option>
            {people.data?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select></Field>
        )}
        <Field label="From"><input type="date" value={from} onChange={(e) => { setOffset(0); setFrom(e.target.value); }} /></Field>
        <Field label="To"><input type="date" value={to} onChange={(e) => { setOffset(0); setTo(e.target.value); }} /></Field>
        {(!manager || userId) && (
          <div className="card"><div className="label">Total{manager ? ` of ${nameOf(people.data, userId)}` : ""}</div>
            <div className="value" data-testid="entries-total">{list.data ? hm(list.data.totals.seconds) : "…"}</div></div>
        )}
      </div>
      {manager && !userId && perPerson.data && (
        <section className="panel" aria-label="Totals per person">
          <h3>Totals per person</h3>
          {!perPerson.data.groups.length ? <p className="muted">No time in this range.</p> : (
            <div className="table-wrap"><table>
              <thead><tr><th>Person</th><th className="num">Entries</th><th className="num">Time</th><th className="num">Billable</th></tr></thead>
              <tbody>{perPerson.data.groups.map((g) => (
                <tr key={g.key ?? "none"}><td><button className="secondary" onClick={() => g.key && setUserId(g.key)}>{g.name ?? nameOf(people.data, g.key)}</button></td>
                  <td className="num">{g.count}</td><td className="num">{hm(g.seconds)}</td><td className="num">{hm(g.billable_seconds)}</td></tr>
              ))}</tbody>
            </table></div>
          )}
        </section>
      )}
      {mine && (
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
      )}
      <ErrorBanner error={list.error ?? edit.error} />
      {list.loading && !list.data ? <Loading /> : !list.data?.items.length ? <Empty>No time in this range.</Empty> : (
        <div className="panel table-wrap">
          <table data-testid="entries-table">
            <thead><tr>{manager && <th>Person</th>}<th>When ({tz})</th><th>Project / task</th><th>Description</th><th className="num">Duration</th><th>Source</th><th /></tr></thead>
            <tbody>
              {list.data.items.map((e) => (
                <Fragment key={e.id}>
                  <tr id={`entry-${e.id}`} data-testid="entry-row" className={highlight === e.id ? "highlight" : undefined}>
                    {manager && <td>{nameOf(people.data, e.user_id).replace(" (me)", "")}</td>}
                    <td>{localDateTime(e.started_at, tz)}–{e.ended_at ? localTime(e.ended_at, tz) : "running"}</td>
                    <td>{e.project_name ?? "—"}{e.task_name ? ` / ${e.task_name}` : ""}</td>
                    <td style={{ overflowWrap: "anywhere" }}>{e.description ?? ""}</td>
                    <td className="num">{hm(e.duration_seconds)}</td>
                    <td><span className="badge">{e.source}</span></td>
                    <td><div className="row" style={{ flexWrap: "nowrap" }}>
                      <button className="secondary" aria-expanded={editing === e.id} onClick={() => setEditing(editing === e.id ? null : e.id)}>Edit</button>
                      {!e.running && <button className="secondary" onClick={() => void edit.run(async () => { await del(`/time/entries/${e.id}`); list.reload(); })}>Delete</button>}
                    </div></td>
                  </tr>
                  {editing === e.id && (
                    <tr className="sub"><td colSpan={cols}>
                      <EntryEditor entry={e} projects={projects.data?.items ?? []} tz={tz}
                        onSaved={() => { setEditing(null); list.reload(); }} onCancel={() => setEditing(null)} onShow={show} />
                    </td></tr>
                  )}
                </Fragment>
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
