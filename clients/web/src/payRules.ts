// The payroll rules form's values (strings from inputs) to and from the finance settings API.
import type { FinanceSettings } from "./models";

export type PayRulesForm = {
  daily_overtime_hours: string; weekly_overtime_hours: string; overtime_multiplier: string;
  weekend_premium: string; holiday_premium: string; night_premium: string; night_start: string; night_end: string;
};

/** The form's values from the stored settings (times as HH:MM, as `<input type="time">` wants them). */
export function payRulesForm(s: FinanceSettings): PayRulesForm {
  return {
    daily_overtime_hours: s.daily_overtime_hours ?? "", weekly_overtime_hours: s.weekly_overtime_hours ?? "",
    overtime_multiplier: s.overtime_multiplier, weekend_premium: s.weekend_premium, holiday_premium: s.holiday_premium,
    night_premium: s.night_premium, night_start: s.night_start.slice(0, 5), night_end: s.night_end.slice(0, 5),
  };
}

/** The PUT body: decimals as typed (a comma taken as the decimal point), an empty threshold as none (null),
 * an empty premium as 0 (off). */
export function payRulesBody(f: PayRulesForm): Record<string, string | null> {
  const dec = (v: string) => v.trim().replace(",", ".");
  return {
    daily_overtime_hours: dec(f.daily_overtime_hours) || null, weekly_overtime_hours: dec(f.weekly_overtime_hours) || null,
    overtime_multiplier: dec(f.overtime_multiplier) || "1", weekend_premium: dec(f.weekend_premium) || "0",
    holiday_premium: dec(f.holiday_premium) || "0", night_premium: dec(f.night_premium) || "0",
    night_start: f.night_start, night_end: f.night_end,
  };
}
