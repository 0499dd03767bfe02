// Payroll rules (admins): overtime thresholds and multiplier, weekend, holiday and night premiums with the local night
// window. Premiums are fractions of the base rate (0.25 = +25 %, 0 = off) and stack (docs/finance.md).
import { useEffect, useState } from "react";
import { api, get } from "../api";
import type { FinanceSettingsOut } from "../models";
import { type PayRulesForm, payRulesBody, payRulesForm } from "../payRules";
import { ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

export function PayRules() {
  const cfg = useAsync(() => get<FinanceSettingsOut>("/finance/settings"), []);
  const [f, setF] = useState<PayRulesForm | null>(null);
  const [saved, setSaved] = useState(false);
  const act = useAction();
  useEffect(() => { if (cfg.data) setF(payRulesForm(cfg.data.settings)); }, [cfg.data]);
  if (!f) return <section className="panel" aria-label="Pay rules"><h3>Pay rules</h3><ErrorBanner error={cfg.error} /><Loading /></section>;
  const input = (key: keyof PayRulesForm, placeholder = "") => (
    <input inputMode="decimal" placeholder={placeholder} value={f[key]} onChange={(e) => { setSaved(false); setF({ ...f, [key]: e.target.value }); }} />
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      const out = await api<FinanceSettingsOut>("PUT", "/finance/settings", { body: payRulesBody(f) });
      setF(payRulesForm(out.settings)); setSaved(true);
    });
  };
  return (
    <section className="panel" aria-label="Pay rules">
      <h3>Pay rules</h3>
      <ErrorBanner error={cfg.error ?? act.error} />
      <form onSubmit={submit}>
        <Field label="Overtime after hours per day">{input("daily_overtime_hours", "none")}</Field>
        <Field label="Overtime after hours per week">{input("weekly_overtime_hours", "none")}</Field>
        <Field label="Overtime multiplier">{input("overtime_multiplier")}</Field>
        <Field label="Weekend premium (0.25 = +25 %)">{input("weekend_premium")}</Field>
        <Field label="Holiday premium">{input("holiday_premium")}</Field>
        <Field label="Night premium (0 = off)">{input("night_premium")}</Field>
        <div className="row">
          <Field label="Night from"><input type="time" value={f.night_start} required onChange={(e) => setF({ ...f, night_start: e.target.value })} /></Field>
          <Field label="Night until"><input type="time" value={f.night_end} required onChange={(e) => setF({ ...f, night_end: e.target.value })} /></Field>
        </div>
        <p className="muted">Times are in the company's time zone; the night may cross midnight. Premiums are fractions of the base rate and add up
          (a Saturday night hour earns the weekend and the night premium).</p>
        <button disabled={act.busy}>Save pay rules</button>{saved && <span className="muted"> Saved.</span>}
      </form>
    </section>
  );
}
