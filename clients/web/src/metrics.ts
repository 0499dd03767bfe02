// Pure helpers behind the projects, attendance and reports pages: budgets, chart scaling, leave days, money input.
import { addDays } from "./format";

/** Percentage of `used` against `total`, one decimal; null when there is no (positive) total. */
export function percentOf(used: number, total: number | null | undefined): number | null {
  if (!total || total <= 0 || !Number.isFinite(used)) return null;
  return Math.round((1000 * Math.max(0, used)) / total) / 10;
}

/** Width of a bar for a percentage: clamped to 0..100 so an overrun budget fills the track, never overflows. */
export function barWidth(pct: number | null | undefined): number {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return 0;
  return Math.min(100, Math.max(0, pct));
}

/** Badge/bar tone for budget consumption: fine below 80 %, a warning up to 100 %, danger beyond. */
export function budgetTone(pct: number | null | undefined): "" | "warn" | "danger" {
  if (pct === null || pct === undefined) return "";
  if (pct > 100) return "danger";
  if (pct >= 80) return "warn";
  return "";
}

/** Widths (0..100) for a bar chart: the biggest value fills the track, the others in proportion. */
export function scaleBars(values: number[]): number[] {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  if (max <= 0) return values.map(() => 0);
  return values.map((v) => (Number.isFinite(v) && v > 0 ? Math.round((1000 * v) / max) / 10 : 0));
}

/** Shares (percent, one decimal) of each part of a stacked bar; they sum to 100 unless every part is zero. */
export function stackShares(parts: number[]): number[] {
  const clean = parts.map((p) => (Number.isFinite(p) && p > 0 ? p : 0));
  const total = clean.reduce((a, b) => a + b, 0);
  if (total <= 0) return clean.map(() => 0);
  const raw = clean.map((p) => Math.round((1000 * p) / total) / 10);
  // Give the rounding remainder to the biggest part so the segments meet the end of the track exactly.
  const diff = Math.round((100 - raw.reduce((a, b) => a + b, 0)) * 10) / 10;
  if (diff !== 0) {
    const i = clean.indexOf(Math.max(...clean));
    raw[i] = Math.round((raw[i] + diff) * 10) / 10;
  }
  return raw;
}

/**
 * Working days (Monday to Friday) of a leave request from `start` to `end` (YYYY-MM-DD, inclusive), halving
 * the first or last day when flagged. Mirrors the attendance function's count, to preview a request.
 */
export function leaveDays(start: string, end: string, startHalf = false, endHalf = false): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end) || end < start) return 0;
  let total = 0;
  for (let day = start, guard = 0; day <= end && guard < 800; day = addDays(day, 1), guard++) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const half = (day === start && startHalf) || (day === end && endHalf);
    total += half ? 0.5 : 1;
  }
  return total;
}

/** Every date from `from` to `to` inclusive (at most 400), for charts that must show empty days too. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Parse a money amount typed in major units ("12.5", "1,234.56") into integer minor units; "" is null. */
export function toMinor(text: string): number | null {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return null;
  if (!/^\d+(\.\d{0,2})?$/.test(t)) throw new Error("Use a number with at most two decimals, like 45.50.");
  const [whole, frac = ""] = t.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** Integer minor units as an editable major-unit string: 4550 -> "45.50", null -> "". */
export function fromMinor(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return "";
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

/** Minutes typed as "1:30", "90" or "1.5h" into whole minutes; "" is null, nonsense throws. */
export function parseMinutes(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(\d+):([0-5]\d)$/))) return Number(m[1]) * 60 + Number(m[2]);
  if ((m = t.match(/^(\d+(?:\.\d+)?)\s*h$/))) return Math.round(Number(m[1]) * 60);
  if ((m = t.match(/^(\d+)\s*m?$/))) return Number(m[1]);
  throw new Error("Give minutes (90), hours:minutes (1:30) or hours (1.5h).");
}

export interface DayActivity { day: string; seconds: number; active_seconds: number; activity_pct: number | null }

/** Sum per-user-per-day activity rows into one row per day of [from, to] (missing days are zero). */
export function totalsByDay(rows: { day: string; seconds: number; active_seconds: number }[], from: string, to: string): DayActivity[] {
  const acc = new Map<string, { seconds: number; active: number }>();
  for (const r of rows) {
    const a = acc.get(r.day) ?? { seconds: 0, active: 0 };
    a.seconds += r.seconds || 0;
    a.active += r.active_seconds || 0;
    acc.set(r.day, a);
  }
  return daysBetween(from, to).map((day) => {
    const a = acc.get(day) ?? { seconds: 0, active: 0 };
    return { day, seconds: a.seconds, active_seconds: a.active, activity_pct: percentOf(a.active, a.seconds) };
  });
}
