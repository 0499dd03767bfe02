// Working-time rules: the violations of a week shown in the timesheet (to the person and their manager), the
// company's rule set (admins: a preset and overrides) and the monthly compliance report (managers and admins).
import { useState } from "react";
import { api, get, qs } from "../api";
import { localDate, localDateTime } from "../format";
import { isAdmin, isManager, useMe } from "../session";
import type { ComplianceReport, Violations, WorkRules, WorkRulesOut } from "../trust";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

const RULE_NAMES: Record<string, string> = {
  break: "Break", max_daily: "Daily maximum", rest: "Rest between days", weekly_average: "Weekly average",
  sunday: "Sunday work", night: "Night work",
};

/** The violations of `userId` on first..last, with the breaks deducted and what was flagged at submission. */
export function WeekViolations({ userId, first, last }: { userId?: string; first: string; last: string }) {
  const me = useMe();
  const data = useAsync(() => get<Violations>(`/time/worktime/violations${qs({ user_id: userId, from: first, to: last })}`), [userId, first, last]);
  if (data.error) return <ErrorBanner error={data.error} />;
  if (!data.data) return null;
  const v = data.data;
  if (v.items.length === 0 && v.deductions.length === 0) return <p className="ok-text" data-testid="worktime-ok">Working-time rules: all kept this week.</p>;
  return (
    <div className="notice" data-testid="worktime-violations">
      <strong>Working-time rules</strong>
      <ul>{v.items.map((x) => (
        <li key={`${x.date}-${x.rule}`}><span className={`badge ${x.severity === "violation" ? "danger" : "warn"}`}>{RULE_NAMES[x.rule]}</span> {x.date}: {x.message}</li>
      ))}</ul>
      {v.deductions.map((d) => <p key={d.day}>Unpaid break deducted on {d.day}: {d.minutes} min (missing break).</p>)}
      {v.flagged_on_submission.length > 0 && <p className="muted">Flagged when submitted on {localDateTime(v.flagged_on_submission[0].flagged_at, me.user.timezone)}.</p>}
    </div>
  );
}

export function WorkTime() {
  const me = useMe();
  return (
    <>
      {isManager(me) && <Report />}
      <RuleSet />
    </>
  );
}

function Report() {
  const me = useMe();
  const [month, setMonth] = useState(localDate(new Date(), me.user.timezone).slice(0, 7));
  const rep = useAsync(() => get<ComplianceReport>(`/time/worktime/report?month=${month}`), [month]);
  return (
    <section className="panel" aria-label="Compliance report" style={{ marginBottom: 16 }}>
      <div className="row" style={{ alignItems: "end" }}>
        <h3 style={{ marginRight: "auto" }}>Compliance report</h3>
        <Field label="Month"><input type="month" value={month} onChange={(e) => setMonth(e.target.value)} /></Field>
      </div>
      <ErrorBanner error={rep.error} />
      {!rep.data ? <Loading /> : rep.data.items.length === 0 ? <Empty>Nobody to report on.</Empty> : (
        <table>
          <thead><tr><th>Person</th>{Object.keys(RULE_NAMES).map((r) => <th key={r}>{RULE_NAMES[r]}</th>)}<th>Breaks deducted</th></tr></thead>
          <tbody>{rep.data.items.map((r) => (
            <tr key={r.user_id} data-testid="compliance-row" title={r.violations.map((v) => `${v.date} ${v.message}`).join("\n")}>
              <td>{r.name}</td>{Object.keys(RULE_NAMES).map((k) => <td key={k}>{r.counts[k] ? <span className="badge danger">{r.counts[k]}</span> : "—"}</td>)}
              <td>{r.deducted_minutes ? `${r.deducted_minutes} min` : "—"}</td></tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}

const LIMITS: [keyof WorkRules, string][] = [
  ["break_after_6h", "Break after 6 h (min)"], ["break_after_9h", "Break after 9 h (min)"], ["max_daily", "Daily maximum (min)"],
  ["min_rest", "Rest between days (min)"], ["max_weekly_avg", "Weekly average (min)"], ["reference_weeks", "Reference period (weeks)"],
];

function RuleSet() {
  const me = useMe();
  const data = useAsync(() => get<WorkRulesOut>("/time/worktime/rules"), []);
  const act = useAction();
  const [edit, setEdit] = useState<{ preset: string; overrides: Record<string, number | boolean> } | null>(null);
  if (!data.data) return <section className="panel"><ErrorBanner error={data.error} />{!data.error && <Loading />}</section>;
  const d = data.data;
  const cur = edit ?? { preset: d.preset, overrides: d.overrides };
  const base = d.presets[cur.preset];
  const value = (k: keyof WorkRules) => (cur.overrides[k] ?? base[k]) as number | boolean;
  const set = (k: string, v: number | boolean) => setEdit({ ...cur, overrides: { ...cur.overrides, [k]: v } });
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => { await api("PUT", "/time/worktime/rules", { body: cur }); setEdit(null); data.reload(); });
  };
  const admin = isAdmin(me);
  return (
    <form className="panel" aria-label="Working-time rules" onSubmit={save}>
      <h3>Working-time rules</h3>
      <ErrorBanner error={act.error} />
      <Field label="Preset">
        <select value={cur.preset} disabled={!admin} onChange={(e) => setEdit({ preset: e.target.value, overrides: {} })}>
          <option value="de_arbzg">Germany (ArbZG)</option><option value="eu_wtd">EU Working Time Directive</option>
        </select>
      </Field>
      <div className="row">{LIMITS.map(([k, label]) => (
        <Field key={k} label={label}><input type="number" min={0} disabled={!admin} value={value(k) as number} onChange={(e) => set(k, Number(e.target.value))} /></Field>
      ))}</div>
      <label><input type="checkbox" disabled={!admin} checked={value("flag_sunday") as boolean} onChange={(e) => set("flag_sunday", e.target.checked)} /> Flag Sunday work</label><br />
      <label><input type="checkbox" disabled={!admin} checked={value("flag_night") as boolean} onChange={(e) => set("flag_night", e.target.checked)} /> Flag night work ({value("night_start_hour") as number}:00–{value("night_end_hour") as number}:00)</label><br />
      <label><input type="checkbox" disabled={!admin} checked={value("auto_deduct_breaks") as boolean} onChange={(e) => set("auto_deduct_breaks", e.target.checked)} /> Deduct a missing break as unpaid when a week is submitted (recorded and shown)</label>
      {admin && <div className="row" style={{ marginTop: 12 }}><button type="submit" disabled={act.busy}>Save rules</button></div>}
    </form>
  );
}
