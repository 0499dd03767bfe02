// Company settings: time (rounding, week start, editing the past), screenshots and retention, attendance (admins),
// and productivity rules (admins company-wide, managers for their own team).
import { useEffect, useMemo, useState } from "react";
import { del, get, patch, post } from "../api";
import type {
  AttendanceSettings as AttCfg, AttendanceSettingsOut, CompanyOut, CompanyProfile, MediaSettingsOut, Rule, RulePage, TimeSettings as TimeCfg, TimeSettingsOut,
} from "../models";
import { nameOf, usePeople } from "../people";
import { isAdmin, useMe, useSession } from "../session";
import { zones } from "./Settings";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MB = 1024 * 1024;

/** One admin/manager settings tab: company (profile, time), capture policy, attendance, productivity rules. */
export function CompanySettings({ tab }: { tab: string }) {
  const me = useMe();
  if (tab === "rules") return <Rules />;
  if (!isAdmin(me)) return null;
  return (
    <div className="grid2" style={{ marginBottom: 16 }}>
      {tab === "company" && <><CompanyProfileForm /><TimeSettings /></>}
      {tab === "capture" && <MediaSettings />}
      {tab === "attendance" && <AttendanceSettings />}
    </div>
  );
}

const CURRENCIES = ["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "INR", "SEK", "NOK", "DKK", "PLN", "BRL", "ZAR"];

function CompanyProfileForm() {
  const { reload } = useSession();
  const loaded = useAsync(() => get<CompanyOut>("/team/company"), []);
  const [d, setD] = useState<CompanyProfile | null>(null);
  const [saved, setSaved] = useState(false);
  const act = useAction();
  const all = useMemo(zones, []);
  useEffect(() => { if (loaded.data) setD(loaded.data.company); }, [loaded.data]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!d) return;
    setSaved(false);
    void act.run(async () => {
      const r = await patch<CompanyOut>("/team/company", { name: d.name, timezone: d.timezone, currency: d.currency, week_start: d.week_start });
      setD(r.company);
      setSaved(true);
      await reload();
    });
  };
  return (
    <form className="panel" aria-label="Company profile" onSubmit={submit}>
      <h3>Company profile</h3>
      {!d ? (loaded.error ? null : <Loading />) : (
        <>
          <Field label="Company name"><input name="company-name" value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} required maxLength={200} /></Field>
          <Field label="Time zone (the company's days, reports and payroll periods)">
            <input name="company-timezone" list="company-tz-list" value={d.timezone} onChange={(e) => setD({ ...d, timezone: e.target.value })} required />
          </Field>
          <datalist id="company-tz-list">{all.map((z) => <option key={z} value={z} />)}</datalist>
          <div className="row">
            <Field label="Week starts on"><select value={d.week_start} onChange={(e) => setD({ ...d, week_start: Number(e.target.value) })}>
              {WEEKDAYS.map((w, i) => <option key={w} value={i + 1}>{w}</option>)}
            </select></Field>
            <Field label="Currency"><select name="company-currency" value={d.currency} onChange={(e) => setD({ ...d, currency: e.target.value })}>
              {(CURRENCIES.includes(d.currency) ? CURRENCIES : [d.currency, ...CURRENCIES]).map((c) => <option key={c} value={c}>{c}</option>)}
            </select></Field>
          </div>
          <div className="row" style={{ alignItems: "center" }}><button type="submit" disabled={act.busy}>Save company profile</button><Saved on={saved} /></div>
        </>
      )}
      <ErrorBanner error={loaded.error ?? act.error} />
    </form>
  );
}

/** Load `path` (answer `Out`, {settings}), keep an editable copy, PATCH the changes; shows saved / error state. */
function useSettings<Out extends { settings: object }>(path: string) {
  type T = Out["settings"];
  const loaded = useAsync(() => get<Out>(path), [path]);
  const [draft, setDraft] = useState<T | null>(null);
  const [saved, setSaved] = useState(false);
  const act = useAction();
  useEffect(() => { if (loaded.data) setDraft(loaded.data.settings); }, [loaded.data]);
  const save = (changes: Partial<T>) => {
    setSaved(false);
    void act.run(async () => { const r = await patch<Out>(path, changes); setDraft(r.settings); setSaved(true); });
  };
  return { draft, setDraft, save, saved, busy: act.busy, error: loaded.error ?? act.error };
}

function Saved({ on }: { on: boolean }) {
  return on ? <span className="ok-text" role="status">Saved.</span> : null;
}

function TimeSettings() {
  const s = useSettings<TimeSettingsOut>("/time/settings");
  const d = s.draft;
  return (
    <form className="panel" aria-label="Time settings" onSubmit={(e) => { e.preventDefault(); if (d) s.save({ rounding_mode: d.rounding_mode, rounding_minutes: d.rounding_minutes, employees_edit_past: d.employees_edit_past, week_start: d.week_start }); }}>
      <h3>Time tracking</h3>
      {!d ? (s.error ? null : <Loading />) : (
        <>
          <div className="row">
            <Field label="Rounding in reports"><select value={d.rounding_mode} onChange={(e) => s.setDraft({ ...d, rounding_mode: e.target.value as TimeCfg["rounding_mode"] })}>
              <option value="none">No rounding</option><option value="up">Round up</option><option value="down">Round down</option><option value="nearest">Round to nearest</option>
            </select></Field>
            <Field label="To a multiple of"><select value={d.rounding_minutes} disabled={d.rounding_mode === "none"} onChange={(e) => s.setDraft({ ...d, rounding_minutes: Number(e.target.value) })}>
              {[1, 5, 6, 10, 15].map((m) => <option key={m} value={m}>{m} min</option>)}
            </select></Field>
          </div>
          <Field label="Week starts on"><select value={d.week_start} onChange={(e) => s.setDraft({ ...d, week_start: Number(e.target.value) })}>
            {WEEKDAYS.map((w, i) => <option key={w} value={i + 1}>{w}</option>)}
          </select></Field>
          <label className="check"><input type="checkbox" checked={d.employees_edit_past} onChange={(e) => s.setDraft({ ...d, employees_edit_past: e.target.checked })} />
            Employees may add and edit time in past (unsubmitted) weeks</label>
          <div className="row" style={{ alignItems: "center" }}><button type="submit" disabled={s.busy}>Save time settings</button><Saved on={s.saved} /></div>
        </>
      )}
      <ErrorBanner error={s.error} />
    </form>
  );
}

function MediaSettings() {
  const s = useSettings<MediaSettingsOut>("/media/settings");
  const d = s.draft;
  return (
    <form className="panel" aria-label="Capture policy" onSubmit={(e) => { e.preventDefault(); if (d) s.save({ screenshot_max_bytes: d.screenshot_max_bytes, blur_screenshots: d.blur_screenshots, delete_grace_minutes: d.delete_grace_minutes, retention_days: d.retention_days, screenshot_interval_minutes: d.screenshot_interval_minutes, idle_threshold_minutes: d.idle_threshold_minutes, browser_capture: d.browser_capture }); }}>
      <h3>Capture policy</h3>
      <p className="muted" style={{ marginTop: 0 }}>The desktop agent follows these while a person's timer runs, and only with their consent.</p>
      {!d ? (s.error ? null : <Loading />) : (
        <>
          <div className="row">
            <Field label="Screenshot every (minutes)"><input name="screenshot-interval" type="number" min={1} max={120} value={d.screenshot_interval_minutes}
              onChange={(e) => s.setDraft({ ...d, screenshot_interval_minutes: Number(e.target.value) })} /></Field>
            <Field label="Idle after (minutes without input)"><input name="idle-threshold" type="number" min={1} max={120} value={d.idle_threshold_minutes}
              onChange={(e) => s.setDraft({ ...d, idle_threshold_minutes: Number(e.target.value) })} /></Field>
          </div>
          <label className="check"><input type="checkbox" checked={d.blur_screenshots} onChange={(e) => s.setDraft({ ...d, blur_screenshots: e.target.checked })} />
            Show screenshots blurred</label>
          <Field label="The browser extension records"><select name="browser_capture" value={d.browser_capture}
            onChange={(e) => s.setDraft({ ...d, browser_capture: e.target.value })}>
            <option value="domain">Domain only (default)</option>
            <option value="full">Full URL and page title</option>
          </select></Field>
          <div className="row">
            <Field label="Keep screenshots (days)"><input type="number" min={1} max={3650} value={d.retention_days.screenshots}
              onChange={(e) => s.setDraft({ ...d, retention_days: { ...d.retention_days, screenshots: Number(e.target.value) } })} /></Field>
            <Field label="Keep recordings (days)"><input type="number" min={1} max={3650} value={d.retention_days.recordings}
              onChange={(e) => s.setDraft({ ...d, retention_days: { ...d.retention_days, recordings: Number(e.target.value) } })} /></Field>
          </div>
          <div className="row">
            <Field label="Employees may delete a screenshot within (minutes)"><input type="number" min={0} max={10080} value={d.delete_grace_minutes}
              onChange={(e) => s.setDraft({ ...d, delete_grace_minutes: Number(e.target.value) })} /></Field>
            <Field label="Largest screenshot (MB)"><input name="screenshot-max-mb" type="number" min={0.0625} step="any" value={Math.round((d.screenshot_max_bytes / MB) * 100) / 100}
              onChange={(e) => s.setDraft({ ...d, screenshot_max_bytes: Math.round(Number(e.target.value) * MB) })} /></Field>
          </div>
          <div className="row" style={{ alignItems: "center" }}><button type="submit" disabled={s.busy}>Save capture policy</button><Saved on={s.saved} /></div>
        </>
      )}
      <ErrorBanner error={s.error} />
    </form>
  );
}

function AttendanceSettings() {
  const s = useSettings<AttendanceSettingsOut>("/attendance/settings");
  const d = s.draft;
  return (
    <form className="panel" aria-label="Attendance settings" onSubmit={(e) => { e.preventDefault(); if (d) s.save({ grace_minutes: d.grace_minutes, geofence_policy: d.geofence_policy }); }}>
      <h3>Attendance</h3>
      {!d ? (s.error ? null : <Loading />) : (
        <>
          <Field label="Grace before late / after left early (minutes)"><input type="number" min={0} max={240} value={d.grace_minutes}
            onChange={(e) => s.setDraft({ ...d, grace_minutes: Number(e.target.value) })} /></Field>
          <Field label="Geofences at clock-in"><select value={d.geofence_policy} onChange={(e) => s.setDraft({ ...d, geofence_policy: e.target.value as AttCfg["geofence_policy"] })}>
            <option value="off">Off</option><option value="flag">Flag clock-ins outside a work site</option><option value="require">Require being inside a work site</option>
          </select></Field>
          <div className="row" style={{ alignItems: "center" }}><button type="submit" disabled={s.busy}>Save attendance settings</button><Saved on={s.saved} /></div>
        </>
      )}
      <ErrorBanner error={s.error} />
    </form>
  );
}

const CATEGORIES = ["productive", "neutral", "unproductive"];
const catClass = (c: string) => (c === "productive" ? "ok" : c === "unproductive" ? "danger" : "");

function Rules() {
  const me = useMe();
  const rules = useAsync(() => get<RulePage>("/activity/rules?limit=200"), []);
  const people = usePeople();
  const [f, setF] = useState({ target: "app", match_type: "exact", pattern: "", category: "productive" });
  const act = useAction();
  const mayEdit = (r: Rule) => isAdmin(me) || r.manager_id === me.user.id;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => { await post("/activity/rules", f); setF({ ...f, pattern: "" }); rules.reload(); });
  };
  return (
    <section className="panel" aria-label="Productivity rules">
      <h3>Productivity rules</h3>
      <p className="muted" style={{ marginTop: 0 }}>
        {isAdmin(me) ? "Company-wide rules apply to everyone; a manager's rules override them for their team." : "Your rules apply to your team and override the company-wide ones."}
        {" "}Reports are recomputed in the background after a change.
      </p>
      <form className="row" onSubmit={submit} aria-label="New rule">
        <Field label="Applies to"><select value={f.target} onChange={(e) => setF({ ...f, target: e.target.value })}>
          <option value="app">App</option><option value="domain">Website domain</option></select></Field>
        <Field label="Match"><select value={f.match_type} onChange={(e) => setF({ ...f, match_type: e.target.value })}>
          <option value="exact">Exactly</option><option value="glob">Wildcard (*.example.com)</option><option value="regex">Regular expression</option></select></Field>
        <Field label="Pattern"><input name="rule-pattern" value={f.pattern} onChange={(e) => setF({ ...f, pattern: e.target.value })} required placeholder={f.target === "app" ? "Code" : "github.com"} /></Field>
        <Field label="Category"><select value={f.category} onChange={(e) => setF({ ...f, category: e.target.value })}>
          {CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}</select></Field>
        <button type="submit" disabled={act.busy} style={{ marginBottom: 12 }}>Add rule</button>
      </form>
      <ErrorBanner error={rules.error ?? act.error} />
      {rules.loading && !rules.data ? <Loading /> : !rules.data?.items.length ? <Empty>No rules yet: every app and site counts as neutral.</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr><th>For</th><th>Pattern</th><th>Scope</th><th>Category</th><th /></tr></thead>
          <tbody>{rules.data.items.map((r) => (
            <tr key={r.id}>
              <td>{r.target === "app" ? "App" : "Website"}</td>
              <td><code>{r.pattern}</code> <span className="muted">({r.match_type})</span></td>
              <td>{r.manager_id ? `Team of ${r.manager_id === me.user.id ? "you" : nameOf(people.data, r.manager_id)}` : "Company"}</td>
              <td>{mayEdit(r) ? (
                <select aria-label={`Category of ${r.pattern}`} value={r.category} disabled={act.busy}
                  onChange={(e) => void act.run(async () => { await patch(`/activity/rules/${r.id}`, { category: e.target.value }); rules.reload(); })}>
                  {CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
                </select>
              ) : <span className={`badge ${catClass(r.category)}`}>{r.category}</span>}</td>
              <td>{mayEdit(r) && <button className="secondary" disabled={act.busy}
                onClick={() => void act.run(async () => { await del(`/activity/rules/${r.id}`); rules.reload(); })}>Delete</button>}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}
