// The report builder: time, attendance, activity, expenses or payroll over a date range, filtered by people, team,
// projects, clients, tasks, billable and (expenses) states, grouped one or two levels deep (calendar groups in the
// viewer's time zone), with a chart, totals, saved definitions and exports (CSV, XLSX, PDF; large ones run as a job
// with a progress bar). Money comes per currency (one row each), never added across currencies.
import { useEffect, useState } from "react";
import { del, get, post } from "../api";
import { BarList } from "../charts";
import { addDays, hm, localDate, money } from "../format";
import type { ClientPage, ExportJob, ExportOut, ProjectPage, ReportGroup, ReportIn, ReportOut, SavedPage } from "../models";
import { usePeople } from "../people";
import { amountIn, mainCurrency, MONEY_COLUMNS, moneyRows, SIZE } from "../reportMoney";
import { postForFile, saveBlob } from "../reportsApi";
import { isManager, useMe } from "../session";
import { Empty, ErrorBanner, Field, useAction, useAsync } from "../ui";

type Grouping = NonNullable<ReportIn["group_by"]>[number];
const GROUPINGS: Record<string, Grouping[]> = {
  time: ["project", "person", "client", "task", "day", "week", "month"],
  attendance: ["person", "day", "week", "month"],
  activity: ["person", "day", "week", "month"],
  expenses: ["person", "project", "client", "category", "day", "week", "month"],
  payroll: ["person", "period", "day", "week", "month"],
};
const SOURCES: [ReportIn["source"], string][] = [
  ["time", "Time entries"], ["attendance", "Attendance"], ["activity", "Activity"], ["expenses", "Expenses"], ["payroll", "Payroll"],
];
const STATUSES = ["approved", "submitted", "rejected"] as const;
const byProject = (source: string | undefined) => source === "time" || source === "expenses";

/** The spec switched to `source`: its first grouping, and no filter that source does not have. */
function switchSource(spec: ReportIn, source: ReportIn["source"]): ReportIn {
  const keep = byProject(source);
  return {
    ...spec, source, group_by: [GROUPINGS[source ?? "time"][0]],
    project_ids: keep ? spec.project_ids : [], client_ids: keep ? spec.client_ids : [],
    task_ids: source === "time" ? spec.task_ids : [], billable: keep ? spec.billable : null,
    statuses: source === "expenses" ? spec.statuses : [],
  };
}

export function ReportBuilder() {
  const me = useMe();
  const manager = isManager(me);
  const today = localDate(new Date(), me.user.timezone);
  const [spec, setSpec] = useState<ReportIn>({
    source: "time", from: addDays(today, -29), to: today, group_by: ["project"],
    user_ids: [], team_of: null, project_ids: [], client_ids: [], task_ids: [], billable: null, statuses: [], timezone: null,
  });
  const [report, setReport] = useState<ReportOut | null>(null);
  const people = usePeople(manager);
  const projects = useAsync(() => get<ProjectPage>("/projects/projects?limit=200"), []);
  const clients = useAsync(() => get<ClientPage>("/projects/clients?limit=200"), []);
  const action = useAction();
  const run = () => action.run(async () => setReport(await post<ReportOut>("/reports/run", spec)));
  useEffect(() => { void run(); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (patch: Partial<ReportIn>) => setSpec({ ...spec, ...patch });
  const [first, second] = spec.group_by ?? [];
  const multi = (e: React.ChangeEvent<HTMLSelectElement>) => Array.from(e.target.selectedOptions).map((o) => o.value);
  return (
    <>
      <form className="panel" aria-label="Report definition" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <div className="row">
          <Field label="Source"><select value={spec.source} onChange={(e) => setSpec(switchSource(spec, e.target.value as ReportIn["source"]))}>
            {SOURCES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select></Field>
          <Field label="From"><input type="date" value={spec.from} max={spec.to} onChange={(e) => set({ from: e.target.value })} /></Field>
          <Field label="To"><input type="date" value={spec.to} min={spec.from} onChange={(e) => set({ to: e.target.value })} /></Field>
          <Field label="Group by"><select value={first} onChange={(e) => set({ group_by: [e.target.value as Grouping, ...(second && second !== e.target.value ? [second] : [])] })}>
            {GROUPINGS[spec.source ?? "time"].map((g) => <option key={g} value={g}>{g}</option>)}
          </select></Field>
          <Field label="Then by"><select value={second ?? ""} onChange={(e) => set({ group_by: e.target.value ? [first, e.target.value as Grouping] : [first] })}>
            <option value="">—</option>
            {GROUPINGS[spec.source ?? "time"].filter((g) => g !== first).map((g) => <option key={g} value={g}>{g}</option>)}
          </select></Field>
          {byProject(spec.source) && (
            <Field label="Billable"><select value={spec.billable === undefined || spec.billable === null ? "" : String(spec.billable)}
              onChange={(e) => set({ billable: e.target.value === "" ? null : e.target.value === "true" })}>
              <option value="">All</option><option value="true">Billable</option><option value="false">Not billable</option>
            </select></Field>
          )}
        </div>
        <div className="row">
          {manager && (
            <Field label="People"><select multiple size={4} value={spec.user_ids ?? []} onChange={(e) => set({ user_ids: multi(e) })}>
              {(people.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select></Field>
          )}
          {manager && (
            <Field label="Team of"><select value={spec.team_of ?? ""} onChange={(e) => set({ team_of: e.target.value || null })}>
              <option value="">Anyone</option>
              {(people.data ?? []).filter((p) => p.role !== "employee").map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select></Field>
          )}
          {spec.source === "expenses" && (
            <Field label="States"><select multiple size={3} value={spec.statuses?.length ? spec.statuses : ["approved"]}
              onChange={(e) => set({ statuses: multi(e) as ReportIn["statuses"] })}>
              {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select></Field>
          )}
          {byProject(spec.source) && (
            <>
              <Field label="Projects"><select multiple size={4} value={spec.project_ids ?? []} onChange={(e) => set({ project_ids: multi(e) })}>
                {(projects.data?.items ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select></Field>
              <Field label="Clients"><select multiple size={4} value={spec.client_ids ?? []} onChange={(e) => set({ client_ids: multi(e) })}>
                {(clients.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select></Field>
            </>
          )}
        </div>
        <div className="row">
          <button type="submit" disabled={action.busy}>Run report</button>
          <ExportButtons spec={spec} />
        </div>
        <ErrorBanner error={action.error} />
      </form>
      <SavedReports spec={spec} load={(s) => { setSpec(s); void action.run(async () => setReport(await post<ReportOut>("/reports/run", s))); }} />
      {report && <ReportView report={report} />}
    </>
  );
}

export function ReportView({ report }: { report: ReportOut }) {
  if (!report.groups.length) return <section className="panel"><Empty>No data in this range.</Empty></section>;
  if (report.totals.money) return <MoneyView report={report} />;
  const billable = report.totals.billable_seconds !== null && report.totals.billable_seconds !== undefined;
  return (
    <section className="panel" aria-label="Report">
      <h3>{report.from} – {report.to} <span className="muted">({report.timezone})</span></h3>
      <BarList label="Hours per group" rows={report.groups.slice(0, 30).map((g) => ({
        key: g.key ?? g.label, label: g.label, value: g.totals.seconds ?? 0, display: hm(g.totals.seconds ?? 0),
      }))} />
      <table>
        <thead><tr><th>{report.group_by.join(" / ")}</th><th>Entries</th><th>Hours</th>{billable && <th>Billable</th>}</tr></thead>
        <tbody>{report.groups.map((g) => <GroupRows key={g.key ?? g.label} g={g} billable={billable} />)}</tbody>
        <tfoot><tr><th>Total</th><th>{report.totals.count}</th><th>{hm(report.totals.seconds ?? 0)}</th>
          {billable && <th>{hm(report.totals.billable_seconds ?? 0)}</th>}</tr></tfoot>
      </table>
    </section>
  );
}

function GroupRows({ g, billable }: { g: ReportGroup; billable: boolean }) {
  return (
    <>
      <tr><td><strong>{g.label}</strong></td><td>{g.totals.count}</td><td>{hm(g.totals.seconds ?? 0)}</td>
        {billable && <td>{hm(g.totals.billable_seconds ?? 0)}</td>}</tr>
      {g.subgroups.map((s) => (
        <tr key={s.key ?? s.label} className="muted"><td style={{ paddingLeft: 24 }}>{s.label}</td><td>{s.totals.count}</td>
          <td>{hm(s.totals.seconds ?? 0)}</td>{billable && <td>{hm(s.totals.billable_seconds ?? 0)}</td>}</tr>
      ))}
    </>
  );
}

/** Expenses and payroll: a row per group and currency (subgroups indented), totals per currency, payroll hours. */
function MoneyView({ report }: { report: ReportOut }) {
  const cols = MONEY_COLUMNS[report.source] ?? [];
  const size = SIZE[report.source] ?? "amount_minor";
  const main = mainCurrency(report.totals);
  const hours = report.totals.seconds !== null && report.totals.seconds !== undefined;
  const rows = report.groups.flatMap((g) => [
    ...moneyRows([g]).map((r) => ({ ...r, sub: false })),
    ...moneyRows(g.subgroups).map((r) => ({ ...r, key: `${g.key ?? g.label}/${r.key}`, sub: true })),
  ]);
  return (
    <section className="panel" aria-label="Report">
      <h3>{report.from} – {report.to} <span className="muted">({report.timezone})</span></h3>
      {main && <BarList label={`${cols.find(([m]) => m === size)?.[1] ?? "Amount"} per group (${main})`} rows={report.groups.slice(0, 30).map((g) => ({
        key: g.key ?? g.label, label: g.label, value: amountIn(g.totals, main, size), display: money(amountIn(g.totals, main, size), main),
      }))} />}
      <div className="table-wrap"><table>
        <thead><tr><th>{report.group_by.join(" / ")}</th><th>Currency</th><th>Count</th>{hours && <th>Hours</th>}
          {cols.map(([m, title]) => <th key={m}>{title}</th>)}</tr></thead>
        <tbody>{rows.map((r) => (
          <tr key={r.key} className={r.sub ? "muted" : undefined}>
            <td style={r.sub ? { paddingLeft: 24 } : undefined}>{r.sub ? r.label : <strong>{r.label}</strong>}</td>
            <td>{r.money.currency}</td><td>{r.money.count}</td>{hours && <td>{r.seconds === null ? "" : hm(r.seconds)}</td>}
            {cols.map(([m]) => <td key={m}>{money(r.money[m], r.money.currency)}</td>)}
          </tr>
        ))}</tbody>
        <tfoot>{(report.totals.money ?? []).map((t, i) => (
          <tr key={t.currency}><th>{`Total ${t.currency}`}</th><th>{t.currency}</th><th>{t.count}</th>
            {hours && <th>{i === 0 ? hm(report.totals.seconds ?? 0) : ""}</th>}
            {cols.map(([m]) => <th key={m}>{money(t[m], t.currency)}</th>)}</tr>
        ))}</tfoot>
      </table></div>
    </section>
  );
}

function ExportButtons({ spec }: { spec: ReportIn }) {
  const [job, setJob] = useState<ExportJob | null>(null);
  const action = useAction();
  useEffect(() => {
    if (!job || job.status === "done" || job.status === "failed") return;
    const timer = setTimeout(() => void get<ExportOut>(`/reports/exports/${job.id}`).then((r) => setJob(r.export)), 1000);
    return () => clearTimeout(timer);
  }, [job]);
  const start = (format: "csv" | "xlsx" | "pdf") => action.run(async () => {
    const got = await postForFile("/reports/exports", { ...spec, format });
    if ("blob" in got) saveBlob(got.blob, got.name);
    else setJob((got.json as ExportOut).export);
  });
  return (
    <span className="row" role="group" aria-label="Export">
      {(["csv", "xlsx", "pdf"] as const).map((f) => (
        <button key={f} type="button" className="secondary" disabled={action.busy} onClick={() => void start(f)}>Export {f.toUpperCase()}</button>
      ))}
      {job && (
        <span className="export-job" aria-live="polite">
          <progress max={100} value={job.progress} aria-label="Export progress" /> {job.progress}%
          {job.status === "done" && job.url && <> · <a href={job.url}>Download {job.format.toUpperCase()}</a></>}
          {job.status === "failed" && <> · failed: {job.error}</>}
        </span>
      )}
      <ErrorBanner error={action.error} />
    </span>
  );
}

function SavedReports({ spec, load }: { spec: ReportIn; load: (s: ReportIn) => void }) {
  const saved = useAsync(() => get<SavedPage>("/reports/saved?limit=100"), []);
  const [name, setName] = useState("");
  const action = useAction();
  const save = () => action.run(async () => { await post("/reports/saved", { name, spec }); setName(""); saved.reload(); });
  return (
    <section className="panel" aria-label="Saved reports">
      <h3>Saved reports</h3>
      <div className="row">
        {(saved.data?.items ?? []).map((r) => (
          <span key={r.id} className="chip">
            <button type="button" className="link" onClick={() => load(r.spec as ReportIn)}>{r.name}</button>
            <button type="button" className="link" aria-label={`Delete ${r.name}`} onClick={() => void action.run(async () => { await del(`/reports/saved/${r.id}`); saved.reload(); })}>×</button>
          </span>
        ))}
        <Field label="Name"><input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Billable by client" /></Field>
        <button type="button" className="secondary" disabled={!name.trim() || action.busy} onClick={() => void save()}>Save this report</button>
      </div>
      <ErrorBanner error={action.error} />
    </section>
  );
}
