// The team's week as a grid (people × days, or projects × days) for managers and admins: a cell opens that
// person's entries of the day for inline editing; approve or reject per person, or every selected week at once.
import { Fragment, useState } from "react";
import { get, post, qs } from "../api";
import { addDays, hm, localDate, localTime } from "../format";
import type { EntryPage, ListedEntry, ProjectPage, TeamSummary, TimesheetWeek } from "../models";
import { useMe } from "../session";
import { sumBy } from "../timeline";
import { EntryEditor } from "../EntryEditor";
import { Empty, ErrorBanner, Loading, useAction, useAsync } from "../ui";
import "../manager.css";

const statusClass = (s: string) => (s === "approved" ? "ok" : s === "rejected" ? "danger" : s === "submitted" ? "warn" : "");
const weekday = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" });

interface Row { id: string; name: string; week: TimesheetWeek }

export function TimesheetGrid({ first, version, onChange }: { first: string; version: number; onChange: () => void }) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(first, i));
  const [mode, setMode] = useState<"people" | "projects">("people");
  const [tick, setTick] = useState(0);
  const rows = useAsync<Row[]>(async () => {
    const team = await get<TeamSummary>("/time/team/summary");
    return Promise.all(team.items.map(async (p) => ({
      id: p.user_id, name: p.name,
      week: await get<TimesheetWeek>(`/time/timesheets/week${qs({ user_id: p.user_id, date: first })}`),
    })));
  }, [first, version, tick]);
  const reload = () => { setTick((t) => t + 1); onChange(); };
  return (
    <section className="panel" aria-label="Team week">
      <div className="row" style={{ alignItems: "center", justifyContent: "space-between" }}>
        <h3 style={{ margin: 0 }}>Team week {first} – {days[6]}</h3>
        <div className="tabs" role="group" aria-label="Grid rows" style={{ margin: 0 }}>
          <button type="button" aria-pressed={mode === "people"} onClick={() => setMode("people")}>People × days</button>
          <button type="button" aria-pressed={mode === "projects"} onClick={() => setMode("projects")}>Projects × days</button>
        </div>
      </div>
      <ErrorBanner error={rows.error} />
      {rows.loading && !rows.data ? <Loading /> : !rows.data?.length ? (
        <Empty>Nobody on your team yet. Admins assign people to managers on the <a href="#/team">Team</a> page.</Empty>
      ) : mode === "people" ? <PeopleGrid rows={rows.data} days={days} onChange={reload} />
        : <ProjectGrid first={first} days={days} people={rows.data} />}
    </section>
  );
}

/** Whether the manager may approve this row's week: submitted, or ended and never submitted (or rejected). */
function approvable(r: Row, ended: boolean): boolean {
  const s = r.week.timesheet.status;
  return (s === "submitted" && !!r.week.timesheet.id) || (ended && (s === "open" || s === "rejected"));
}

function PeopleGrid({ rows, days, onChange }: { rows: Row[]; days: string[]; onChange: () => void }) {
  const me = useMe();
  const ended = days[6] < localDate(new Date(), me.user.timezone);
  const [selected, setSelected] = useState<Set<string>>(new Set()); // user ids
  const [open, setOpen] = useState<{ user: string; day: string } | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const act = useAction();
  const ready = rows.filter((r) => approvable(r, ended));
  // A submitted week is decided by its id; an ended week nobody submitted is approved for the person and period.
  const decide = (users: string[], action: "approve" | "reject", note: string | null) => act.run(async () => {
    for (const r of rows.filter((x) => users.includes(x.id))) {
      const sheet = r.week.timesheet;
      if (sheet.status === "submitted" && sheet.id) await post(`/time/timesheets/${sheet.id}/${action}`, { comment: note });
      else if (action === "approve") await post("/time/timesheets/approve-week", { user_id: r.id, date: sheet.period_start, comment: note });
    }
    setSelected(new Set());
    setRejecting(null);
    setComment("");
    onChange();
  });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    setSelected(next);
  };
  const perDay = days.map((d) => rows.reduce((a, r) => a + (r.week.days.find((x) => x.date === d)?.seconds ?? 0), 0));
  return (
    <>
      <div className="row" style={{ alignItems: "center", margin: "10px 0" }}>
        <button type="button" disabled={!selected.size || act.busy} onClick={() => void decide([...selected], "approve", null)}>
          Approve selected ({selected.size})
        </button>
        <button type="button" className="secondary" disabled={!ready.length}
          onClick={() => setSelected(new Set(ready.map((r) => r.id)))}>Select all to approve ({ready.length})</button>
        {ended && <span className="muted">This week has ended: weeks nobody submitted can be approved too.</span>}
      </div>
      <ErrorBanner error={act.error} />
      <div className="table-wrap">
        <table className="grid-table" data-testid="timesheet-grid">
          <thead><tr><th /><th className="sticky-col">Person</th>{days.map((d) => <th key={d} className="num">{weekday(d)} {d.slice(8)}</th>)}<th className="num">Total</th><th>Status</th><th /></tr></thead>
          <tbody>
            {rows.map((r) => {
              const sheet = r.week.timesheet;
              const can = approvable(r, ended);
              const canReject = sheet.status === "submitted" && !!sheet.id;
              return (
                <Fragment key={r.id}>
                  <tr data-testid="grid-row" data-user={r.id}>
                    <td><input type="checkbox" aria-label={`Select the week of ${r.name}`} disabled={!can}
                      checked={selected.has(r.id)} onChange={() => toggle(r.id)} /></td>
                    <td className="sticky-col"><a href={`#/?person=${r.id}`}>{r.name}</a>
                      <span className="phone-only"> <span className={`badge ${statusClass(sheet.status)}`}>{sheet.status}</span>
                        {can && <button type="button" className="secondary" disabled={act.busy} onClick={() => void decide([r.id], "approve", null)}>Approve</button>}</span>
                    </td>
                    {days.map((d) => {
                      const secs = r.week.days.find((x) => x.date === d)?.seconds ?? 0;
                      const isOpen = open?.user === r.id && open.day === d;
                      return <td key={d} className="num cell"><button type="button" aria-expanded={isOpen} aria-label={`${r.name} on ${d}: ${hm(secs)}`}
                        onClick={() => setOpen(isOpen ? null : { user: r.id, day: d })}>{secs ? hm(secs) : "–"}</button></td>;
                    })}
                    <td className="num"><strong>{hm(r.week.totals.seconds)}</strong></td>
                    <td><span className={`badge ${statusClass(sheet.status)}`} data-testid="grid-status">{sheet.status}</span></td>
                    <td><div className="row" style={{ flexWrap: "nowrap" }}>
                      {can && <button type="button" disabled={act.busy} onClick={() => void decide([r.id], "approve", null)} aria-label={`Approve the week of ${r.name}`}>Approve</button>}
                      {canReject && <button type="button" className="danger" disabled={act.busy} onClick={() => setRejecting(rejecting === r.id ? null : r.id)}>Reject</button>}
                    </div></td>
                  </tr>
                  {rejecting && rejecting === r.id && (
                    <tr className="sub"><td colSpan={days.length + 5}>
                      <form className="row" onSubmit={(e) => { e.preventDefault(); void decide([r.id], "reject", comment); }}>
                        <input aria-label={`Why reject the week of ${r.name}?`} placeholder="What needs fixing?" value={comment} required
                          onChange={(e) => setComment(e.target.value)} style={{ flex: 1 }} />
                        <button type="submit" className="danger" disabled={act.busy}>Reject week</button>
                      </form>
                    </td></tr>
                  )}
                  {open?.user === r.id && (
                    <tr className="sub"><td colSpan={days.length + 5}><DayEntries userId={r.id} day={open.day} name={r.name} onChange={onChange} /></td></tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot><tr><td /><td className="sticky-col">Total</td>{perDay.map((s, i) => <td key={days[i]} className="num">{s ? hm(s) : "–"}</td>)}
            <td className="num">{hm(perDay.reduce((a, b) => a + b, 0))}</td><td /><td /></tr></tfoot>
        </table>
      </div>
    </>
  );
}

/** One person's entries of one day, each editable in place. */
function DayEntries({ userId, day, name, onChange }: { userId: string; day: string; name: string; onChange: () => void }) {
  const me = useMe();
  const tz = me.user.timezone;
  const list = useAsync(() => get<EntryPage>(`/time/entries${qs({ user_id: userId, from: day, to: day, limit: 200 })}`), [userId, day]);
  const projects = useAsync(() => get<ProjectPage>("/projects/projects?limit=200"), []);
  const [editing, setEditing] = useState<string | null>(null);
  if (list.loading && !list.data) return <Loading />;
  return (
    <div aria-label={`Entries of ${name} on ${day}`} data-testid="day-entries">
      <strong>{name} · {day}</strong>
      <ErrorBanner error={list.error} />
      {!list.data?.items.length ? <p className="muted">No entries this day.</p> : (
        <ul style={{ listStyle: "none", padding: 0, margin: "6px 0", display: "grid", gap: 6 }}>
          {list.data.items.map((e) => (
            <li key={e.id}>
              {editing === e.id ? (
                <EntryEditor entry={e} projects={projects.data?.items ?? []} tz={tz}
                  onSaved={() => { setEditing(null); list.reload(); onChange(); }} onCancel={() => setEditing(null)} />
              ) : (
                <span className="row" style={{ alignItems: "center" }}>
                  <span>{localTime(e.started_at, tz)}–{e.ended_at ? localTime(e.ended_at, tz) : "now"} · {e.project_name ?? "No project"}
                    {e.description ? ` · ${e.description}` : ""} · <strong>{hm(e.duration_seconds)}</strong></span>
                  <button type="button" className="secondary" onClick={() => setEditing(e.id)}>Edit</button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ProjectGrid({ first, days, people }: { first: string; days: string[]; people: Row[] }) {
  const me = useMe();
  const tz = me.user.timezone;
  const ids = new Set(people.map((p) => p.id));
  const entries = useAsync(async () => {
    const out: ListedEntry[] = [];
    for (let offset = 0, more = true; more && offset < 1000; offset += 200) {
      const page = await get<EntryPage>(`/time/entries${qs({ from: first, to: days[6], limit: 200, offset })}`);
      out.push(...page.items);
      more = page.has_more;
    }
    return out.filter((e) => ids.has(e.user_id));
  }, [first]);
  if (entries.loading && !entries.data) return <Loading />;
  const list = entries.data ?? [];
  const cell = sumBy(list, (e) => `${e.project_name ?? "No project"}|${localDate(e.started_at, tz)}`, (e) => e.duration_seconds);
  const total = sumBy(list, (e) => e.project_name ?? "No project", (e) => e.duration_seconds);
  const names = [...total.keys()].sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0));
  return (
    <>
      <ErrorBanner error={entries.error} />
      {!names.length ? <p className="muted">No time tracked this week.</p> : (
        <div className="table-wrap">
          <table className="grid-table" data-testid="project-grid">
            <thead><tr><th>Project</th>{days.map((d) => <th key={d} className="num">{weekday(d)} {d.slice(8)}</th>)}<th className="num">Total</th></tr></thead>
            <tbody>{names.map((n) => (
              <tr key={n}><td>{n}</td>{days.map((d) => <td key={d} className="num">{cell.get(`${n}|${d}`) ? hm(cell.get(`${n}|${d}`)!) : "–"}</td>)}
                <td className="num"><strong>{hm(total.get(n) ?? 0)}</strong></td></tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
