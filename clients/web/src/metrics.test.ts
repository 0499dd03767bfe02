import { describe, expect, it } from "vitest";
import {
  barWidth, budgetTone, daysBetween, fromMinor, leaveDays, parseMinutes, percentOf, scaleBars, stackShares, toMinor,
  totalsByDay,
} from "./metrics";

describe("budgets", () => {
  it("computes consumption against a budget", () => {
    expect(percentOf(30, 40)).toBe(75);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(50, 40)).toBe(125);
    expect(percentOf(5, null)).toBeNull();
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(-2, 10)).toBe(0);
  });

  it("clamps bars and picks a tone", () => {
    expect(barWidth(125)).toBe(100);
    expect(barWidth(-3)).toBe(0);
    expect(barWidth(null)).toBe(0);
    expect(barWidth(42.5)).toBe(42.5);
    expect(budgetTone(null)).toBe("");
    expect(budgetTone(79.9)).toBe("");
    expect(budgetTone(80)).toBe("warn");
    expect(budgetTone(100)).toBe("warn");
    expect(budgetTone(100.1)).toBe("danger");
  });
});

describe("chart scaling", () => {
  it("scales to the biggest value", () => {
    expect(scaleBars([3600, 1800, 0])).toEqual([100, 50, 0]);
    expect(scaleBars([1, 3])).toEqual([33.3, 100]);
    expect(scaleBars([0, 0])).toEqual([0, 0]);
    expect(scaleBars([])).toEqual([]);
    expect(scaleBars([NaN, 5, -1])).toEqual([0, 100, 0]);
  });

  it("splits a stacked bar into shares summing to 100", () => {
    expect(stackShares([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(stackShares([3, 1])).toEqual([75, 25]);
    expect(stackShares([0, 0])).toEqual([0, 0]);
    const s = stackShares([7, 13, 29, 0]);
    expect(Math.round(s.reduce((a, b) => a + b, 0) * 10) / 10).toBe(100);
  });

  it("lists every day of a range", () => {
    expect(daysBetween("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(daysBetween("2026-03-02", "2026-03-01")).toEqual([]);
  });
});

describe("leave days", () => {
  it("counts Monday to Friday only", () => {
    expect(leaveDays("2026-11-23", "2026-11-27")).toBe(5); // Mon..Fri
    expect(leaveDays("2026-11-27", "2026-11-30")).toBe(2); // Fri..Mon over a weekend
    expect(leaveDays("2026-11-28", "2026-11-29")).toBe(0); // a weekend
  });

  it("halves flagged first and last days", () => {
    expect(leaveDays("2026-11-23", "2026-11-27", true, true)).toBe(4);
    expect(leaveDays("2026-11-23", "2026-11-23", true)).toBe(0.5);
    expect(leaveDays("2026-11-27", "2026-11-30", false, true)).toBe(1.5);
  });

  it("is zero for a reversed or unfinished range", () => {
    expect(leaveDays("2026-11-27", "2026-11-23")).toBe(0);
    expect(leaveDays("2026-11-27", "")).toBe(0);
  });
});

describe("inputs", () => {
  it("turns typed money into minor units and back", () => {
    expect(toMinor("45")).toBe(4500);
    expect(toMinor("45.5")).toBe(4550);
    expect(toMinor("1,234.56")).toBe(123456);
    expect(toMinor(" ")).toBeNull();
    expect(() => toMinor("4.555")).toThrow();
    expect(() => toMinor("abc")).toThrow();
    expect(fromMinor(4550)).toBe("45.50");
    expect(fromMinor(5)).toBe("0.05");
    expect(fromMinor(null)).toBe("");
  });

  it("parses estimates", () => {
    expect(parseMinutes("90")).toBe(90);
    expect(parseMinutes("1:30")).toBe(90);
    expect(parseMinutes("1.5h")).toBe(90);
    expect(parseMinutes("")).toBeNull();
    expect(() => parseMinutes("soon")).toThrow();
  });
});

describe("daily totals", () => {
  it("sums users per day and fills empty days", () => {
    const rows = [
      { day: "2026-11-23", seconds: 3600, active_seconds: 1800 },
      { day: "2026-11-23", seconds: 3600, active_seconds: 3600 },
      { day: "2026-11-25", seconds: 600, active_seconds: 0 },
    ];
    expect(totalsByDay(rows, "2026-11-23", "2026-11-25")).toEqual([
      { day: "2026-11-23", seconds: 7200, active_seconds: 5400, activity_pct: 75 },
      { day: "2026-11-24", seconds: 0, active_seconds: 0, activity_pct: null },
      { day: "2026-11-25", seconds: 600, active_seconds: 0, activity_pct: 0 },
    ]);
  });
});
