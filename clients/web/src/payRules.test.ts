import { describe, expect, it } from "vitest";
import type { FinanceSettings } from "./models";
import { payRulesBody, payRulesForm } from "./payRules";

const stored = {
  daily_overtime_hours: null, weekly_overtime_hours: "40.00", overtime_multiplier: "1.500", weekend_premium: "0",
  holiday_premium: "1.000", night_premium: "0.250", night_start: "22:00:00", night_end: "06:00:00",
} as unknown as FinanceSettings;

describe("pay rules form", () => {
  it("shows times as HH:MM and no threshold as empty", () => {
    const f = payRulesForm(stored);
    expect([f.night_start, f.night_end, f.daily_overtime_hours, f.night_premium]).toEqual(["22:00", "06:00", "", "0.250"]);
  });
  it("sends empty thresholds as null, empty premiums as 0 and commas as points", () => {
    const body = payRulesBody({ ...payRulesForm(stored), night_premium: "0,3", weekend_premium: " ", weekly_overtime_hours: "" });
    expect(body).toMatchObject({ night_premium: "0.3", weekend_premium: "0", weekly_overtime_hours: null, daily_overtime_hours: null,
      night_start: "22:00", night_end: "06:00", holiday_premium: "1.000" });
  });
});
