import { describe, expect, it } from "vitest";
import { addDays, clock, decimal, dur, elapsed, hhmm, hm, localDate, localTime, money, zonedToUtc } from "./format";

describe("format", () => {
  it("formats durations", () => {
    expect(hm(0)).toBe("0:00");
    expect(hm(3900)).toBe("1:05");
    expect(hm(-5)).toBe("0:00");
    expect(clock(3723)).toBe("01:02:03");
    expect(dur(0)).toBe("0:00");
    expect(dur(12)).toBe("<0:01");
    expect(dur(3900)).toBe("1:05");
  });

  it("reads the wire's decimals and clock times", () => {
    expect(decimal("5.0")).toBe("5");
    expect(decimal("2.50")).toBe("2.5");
    expect(decimal("40.00")).toBe("40");
    expect(decimal(null)).toBe("—");
    expect(decimal(null, "∞")).toBe("∞");
    expect(hhmm("08:00:00")).toBe("08:00");
    expect(hhmm("17:30")).toBe("17:30");
  });

  it("parses the wire's timestamps (RFC 3339, Z, microseconds) as instants", () => {
    expect(localTime("2026-11-02T09:00:00.000000Z", "Europe/Berlin")).toBe("10:00");
    expect(elapsed("2026-11-02T09:00:00.000000Z", Date.parse("2026-11-02T09:01:30Z"))).toBe(90);
  });

  it("shows instants in the viewer's zone, across midnight", () => {
    // 23:30 UTC on 2026-03-28 is already the 29th in Berlin (UTC+1 before the DST switch).
    expect(localDate("2026-03-28T23:30:00Z", "Europe/Berlin")).toBe("2026-03-29");
    expect(localDate("2026-03-28T23:30:00Z", "America/New_York")).toBe("2026-03-28");
    expect(localTime("2026-07-01T12:00:00Z", "Europe/Berlin")).toBe("14:00");
  });

  it("converts local wall time to UTC on DST days", () => {
    expect(zonedToUtc("2026-03-29T01:30", "Europe/Berlin")).toBe("2026-03-29T00:30:00.000Z"); // CET
    expect(zonedToUtc("2026-03-29T03:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z"); // CEST
    expect(zonedToUtc("2026-10-25T12:00", "Europe/Berlin")).toBe("2026-10-25T11:00:00.000Z");
    expect(zonedToUtc("2026-07-01T09:00", "UTC")).toBe("2026-07-01T09:00:00.000Z");
  });

  it("counts elapsed seconds and days", () => {
    expect(elapsed("2026-01-01T00:00:00Z", Date.parse("2026-01-01T00:01:30Z"))).toBe(90);
    expect(elapsed("2026-01-01T00:00:10Z", Date.parse("2026-01-01T00:00:00Z"))).toBe(0);
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
  });

  it("formats money from minor units", () => {
    expect(money(12345, "USD")).toBe("$123.45");
    expect(money(500, "JPY")).toBe("¥500");
    expect(money(1234, "KWD")).toMatch(/KWD\s1\.234/);
    expect(money(null)).toBe("—");
  });
});
