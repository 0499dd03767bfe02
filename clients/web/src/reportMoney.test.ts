import { describe, expect, it } from "vitest";
import { amountIn, mainCurrency, moneyRows } from "./reportMoney";
import type { ReportGroup } from "./models";

const eur = { currency: "EUR", count: 1, amount_minor: 1000 } as const;
const usd = { currency: "USD", count: 2, amount_minor: 7099 } as const;

function group(label: string, money: object[]): ReportGroup {
  return { key: label, label, subgroups: [], totals: { count: money.length, money } } as unknown as ReportGroup;
}

describe("report money", () => {
  it("picks the currency most records are in", () => {
    expect(mainCurrency({ count: 3, money: [eur, usd] } as never)).toBe("USD");
    expect(mainCurrency({ count: 0, seconds: 0 } as never)).toBeNull();
  });
  it("lists one row per group and currency, never adding currencies", () => {
    const rows = moneyRows([group("Eve", [eur, usd]), group("Otto", [usd])]);
    expect(rows.map((r) => [r.label, r.money.currency, r.money.amount_minor])).toEqual([
      ["Eve", "EUR", 1000], ["", "USD", 7099], ["Otto", "USD", 7099],
    ]);
    expect(amountIn(group("Eve", [eur]).totals, "USD", "amount_minor")).toBe(0);
  });
});
