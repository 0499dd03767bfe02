// Money in reports (expenses, payroll): sums come per currency and are never added across currencies, so a group
// is one table row per currency; the chart shows the report's main currency (the one most records are in).
import type { ReportGroup, ReportOut } from "./models";

type Totals = ReportOut["totals"];
type Money = NonNullable<Totals["money"]>[number];
export type MoneyMeasure = Exclude<keyof Money, "currency" | "count">;

/** The measure columns each money source shows, in order, with their headings. */
export const MONEY_COLUMNS: Record<string, [MoneyMeasure, string][]> = {
  expenses: [["amount_minor", "Amount"], ["billable_minor", "Billable"], ["reimbursable_minor", "Reimbursable"]],
  payroll: [
    ["regular_minor", "Regular"], ["overtime_minor", "Overtime"], ["premium_minor", "Premiums"],
    ["salary_minor", "Salary"], ["leave_minor", "Leave"], ["adjustment_minor", "Adjustments"],
    ["gross_minor", "Gross"], ["reimbursement_minor", "Reimbursements"], ["total_minor", "Total"],
  ],
};
/** The measure that sizes a group (bars) per money source. */
export const SIZE: Record<string, MoneyMeasure> = { expenses: "amount_minor", payroll: "total_minor" };

/** The currency most records are in (the first code on a tie), or null when the totals carry no money. */
export function mainCurrency(totals: Totals): string | null {
  const sorted = [...(totals.money ?? [])].sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
  return sorted[0]?.currency ?? null;
}

/** One row per group and currency: the group's label (and its hours, for payroll) on its first row only. */
export function moneyRows(groups: ReportGroup[]): { key: string; label: string; seconds: number | null; money: Money }[] {
  return groups.flatMap((g) => (g.totals.money ?? []).map((m, i) => ({
    key: `${g.key ?? g.label}:${m.currency}`, label: i === 0 ? g.label : "", seconds: i === 0 ? g.totals.seconds ?? null : null, money: m,
  })));
}

/** A group's `measure` in `currency` (0 when it has none in that currency). */
export function amountIn(totals: Totals, currency: string | null, measure: MoneyMeasure): number {
  return (totals.money ?? []).find((m) => m.currency === currency)?.[measure] ?? 0;
}
