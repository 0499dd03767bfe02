// Reports: time by project/user/client/task, app and website usage, daily activity and productivity per
// user and day. Employees see their own data; managers and admins everyone they may see, or one person.
import { useState } from "react";
import { get, qs } from "../api";
import { BarList, Legend, StackedBar, type StackPart } from "../charts";
import { addDays, dur, hm, localDate, money } from "../format";
import { totalsByDay } from "../metrics";
import type { DailyProductivity, DailyTotals, Person, ProductivityReport, TimeSummary as Summary, UsagePage } from "../models";
import { nameOf, usePeople } from "../people";
import { isManager, useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAsync } from "../ui";
import { EXTENSION_HREF, usageEmpty, usageName } from "../usage";

interface Filters { from: string; to: string; userId: string }

const GROUP_LABEL = { project: "Project", user: "Person", client: "Client", task: "Task" } as const;

export function Reports() {
  const me = useMe();
  const manager = isManager(me);
  const today = localDate(new Date(), me.user.timezone);
  const [f, setF] = useState<Filters>({ from: addDays(today, -6), to: today, userId: "" });
  const people = usePeople(manager);
  return (
    <>
      <form className="panel row" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="From"><input type="date" value={f.from} max={f.to} onChange={(e) => setF({ ...f, from: e.target.value })} /></Field>
        <Field label="To"><input type="date" value={f.to} min={f.from} onChange={(e) => setF({ ...f, to: e.target.value })} /></Field>
        {manager && (
          <Field label="Person"><select name="report-user" value={f.userId} onChange={(e) => setF({ ...f, userId: e.target.value })}>
            <option value="">Everyone I can see</option>
            {(people.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select></Field>
        )}
        <div className="row" style={{ marginBottom: 12 }}>
          {[["7 days", 6], ["30 days", 29], ["90 days", 89]].map(([label, n]) => (
            <button key={label} type="button" className="secondary" onClick={() => setF({ ...f, from: addDays(today, -Number(n)), to: today })}>{label}</button>
          ))}
        </div>
      </form>
      {!manager && <p className="muted">These reports show your own time and activity only.</p>}
      <TimeSummary f={f} manager={manager} />
      <div className="grid2" style={{ marginBottom: 16 }}>
        <UsageReport f={f} by="app" title="Apps" self={f.userId ? f.userId === me.user.id : !manager} />
        <UsageReport f={f} by="domain" title="Websites" self={f.userId ? f.userId === me.user.id : !manager} />
      </div>
      <DailyActivity f={f} />
      <Productivity f={f} people={people.data} manager={manager} />
    </>
  );
}

function TimeSummary({ f, manager }: { f: Filters; manager: boolean }) {
  const [groupBy, setGroupBy] = useState<keyof typeof GROUP_LABEL>("project");
  const sum = useAsync(() => get<Summary>(`/time/reports/summary${qs({ group_by: groupBy, from: f.from, to: f.to, user_id: f.userId })}`), [groupBy, f.from, f.to, f.userId]);
  const none = groupBy === "user" ? "Unknown" : `No ${GROUP_LABEL[groupBy].toLowerCase()}`;
  const amounts = (a: Record<string, number>) => Object.entries(a).map(([c, v]) => money(v, c)).join(" + ");
  return (
    <section className="panel" aria-label="Time summary">
      <h3>Tracked time</h3>
      <div className="tabs" role="group" aria-label="Group by">
        {(Object.keys(GROUP_LABEL) as (keyof typeof GROUP_LABEL)[]).filter((g) => manager || g !== "user").map((g) => (
          <button key={g} type="button" aria-pressed={groupBy === g} onClick={() => setGroupBy(g)}>By {GROUP_LABEL[g].toLowerCase()}</button>
        ))}
      </div>
      <ErrorBanner error={sum.error} />
      {sum.loading && !sum.data ? <Loading /> : !sum.data?.groups.length ? <Empty>No time tracked in this range. Start the timer in the top bar, add time under Time entries, or pick a longer range.</Empty> : (
        <>
          <p data-testid="time-total">
            <strong>{dur(sum.data.totals.seconds)}</strong> tracked · {dur(sum.data.totals.billable_seconds)} billable
            {Object.keys(sum.data.totals.amounts).length > 0 && ` · ${amounts(sum.data.totals.amounts)}`}
            {sum.data.rounding.mode !== "none" && <span className="muted"> (amounts use rounding {sum.data.rounding.mode} to {sum.data.rounding.minutes} min)</span>}
          </p>
          <BarList label={`Time by ${GROUP_LABEL[groupBy].toLowerCase()}`} rows={sum.data.groups.map((g, i) => ({
            key: g.key ?? `none-${i}`, label: g.name ?? none, value: g.seconds, display: dur(g.seconds),
            note: Object.keys(g.amounts).length ? amounts(g.amounts) : g.billable_seconds ? `${dur(g.billable_seconds)} billable` : undefined,
          }))} />
        </>
      )}
    </section>
  );
}

function UsageReport({ f, by, title, self }: { f: Filters; by: "app" | "domain"; title: string; self: boolean }) {
  const person = Boolean(f.userId);
  const usage = useAsync(() => get<UsagePage>(`/activity/usage${qs({ by, from: f.from, to: f.to, user_id: f.userId, limit: 12 })}`), [by, f.from, f.to, f.userId]);
  return (
    <section className="panel" aria-label={`${title} usage`}>
      <h3>{title}</h3>
      <ErrorBanner error={usage.error} />
      {usage.loading && !usage.data ? <Loading /> : !usage.data?.items.length ? (
        <Empty>
          <span data-testid={`${by}-usage-empty`}>{usageEmpty(by, self, person)}</span>
          {by === "domain" && <> <a href={EXTENSION_HREF}>Get the browser extension</a></>}
        </Empty>
      ) : (
        <BarList label={`${title} by time`} rows={usage.data.items.map((u) => ({
          key: u.name, label: usageName(by, u.name), value: u.seconds, display: dur(u.seconds),
          note: u.activity_pct !== null ? `${u.activity_pct}% active` : undefined,
        }))} />
      )}
    </section>
  );
}

function DailyActivity({ f }: { f: Filters }) {
  const daily = useAsync(() => get<DailyTotals>(`/activity/daily${qs({ from: f.from, to: f.to, user_id: f.userId, per: "day" })}`), [f.from, f.to, f.userId]);
  const days = daily.data ? totalsByDay(daily.data.items, f.from, f.to) : [];
  return (
    <section className="panel" aria-label="Daily activity">
      <h3>Daily activity</h3>
      <ErrorBanner error={daily.error} />
      {daily.loading && !daily.data ? <Loading /> : !days.some((d) => d.seconds > 0) ? <Empty>No activity recorded in this range. It comes from the <a href="#/downloads">desktop agent</a> while a timer runs.</Empty> : (
        <BarList label="Tracked activity per day" rows={days.map((d) => ({
          key: d.day, label: d.day, value: d.seconds, display: dur(d.seconds),
          note: d.activity_pct !== null ? `${d.activity_pct}% active` : undefined,
        }))} />
      )}
    </section>
  );
}

const PARTS: { key: keyof Pick<DailyProductivity, "productive_seconds" | "neutral_seconds" | "unproductive_seconds" | "idle_seconds">; label: string; tone: StackPart["tone"] }[] = [
  { key: "productive_seconds", label: "Productive", tone: "ok" },
  { key: "neutral_seconds", label: "Neutral", tone: "neutral" },
  { key: "unproductive_seconds", label: "Unproductive", tone: "danger" },
  { key: "idle_seconds", label: "Idle", tone: "idle" },
];

function Productivity({ f, people, manager }: { f: Filters; people: Person[] | null; manager: boolean }) {
  const prod = useAsync(() => get<ProductivityReport>(`/activity/productivity${qs({ from: f.from, to: f.to, user_id: f.userId })}`), [f.from, f.to, f.userId]);
  const me = useMe();
  const name = (id: string) => (id === me.user.id ? me.user.name : nameOf(people, id));
  return (
    <section className="panel" aria-label="Productivity">
      <h3>Productivity per {manager ? "person and " : ""}day</h3>
      <p className="muted" style={{ marginTop: 0 }}>Categories come from the productivity rules in Settings; uncategorised apps count as neutral. Score = productive share of productive + unproductive time (— when there is none).</p>
      <Legend items={PARTS.map((p) => ({ label: p.label, tone: p.tone }))} />
      <ErrorBanner error={prod.error} />
      {prod.loading && !prod.data ? <Loading /> : !prod.data?.items.length ? <Empty>No productivity data in this range. It needs activity from the <a href="#/downloads">desktop agent</a>; rules in Settings say what counts as productive.</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr>{manager && <th>Person</th>}<th>Day</th><th style={{ width: "45%" }}>Split</th><th>Productive</th><th>Score</th></tr></thead>
          <tbody>{prod.data.items.map((r) => (
            <tr key={`${r.user_id}-${r.day}`}>
              {manager && <td>{name(r.user_id)}</td>}
              <td>{r.day}</td>
              <td><StackedBar title={`${name(r.user_id)} ${r.day}`} parts={PARTS.map((p) => ({ label: p.label, tone: p.tone, value: r[p.key] }))} /></td>
              <td>{hm(r.productive_seconds)}</td>
              <td>{r.score === null ? "—" : `${r.score}%`}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}
