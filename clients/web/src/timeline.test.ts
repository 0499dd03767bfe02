import { describe, expect, it } from "vitest";
import { byHour, dayAxis, liveStatus, place, sumBy } from "./timeline";

const H = 3600_000;
const day = Date.UTC(2026, 10, 30);

describe("dayAxis", () => {
  it("shows 8 to 18 o'clock when nothing happened", () => {
    const a = dayAxis(day, day + 24 * H, []);
    expect(a.start).toBe(day + 8 * H);
    expect(a.end).toBe(day + 18 * H);
    expect(a.hours).toHaveLength(11);
  });
  it("widens to whole hours around early and late work, within the day", () => {
    const a = dayAxis(day, day + 24 * H, [[day + 6.5 * H, day + 7 * H], [day + 20.2 * H, day + 30 * H]]);
    expect(a.start).toBe(day + 6 * H);
    expect(a.end).toBe(day + 24 * H);
  });
  it("fits the data with an hour either side, at least four hours, when asked", () => {
    const a = dayAxis(day, day + 24 * H, [[day + 10.5 * H, day + 11.2 * H]], 8, 18, true);
    expect(a.start).toBe(day + 9 * H);
    expect(a.end).toBe(day + 14 * H); // 9:30 + 4 h, to the whole hour
    const late = dayAxis(day, day + 24 * H, [[day + 22.5 * H, day + 23.5 * H]], 8, 18, true);
    expect([late.start, late.end]).toEqual([day + 20 * H, day + 24 * H]);
    expect(dayAxis(day, day + 24 * H, [], 8, 18, true).start).toBe(day + 8 * H);
  });
  it("ignores intervals of other days", () => {
    const a = dayAxis(day, day + 24 * H, [[day - 5 * H, day - 4 * H]]);
    expect(a.start).toBe(day + 8 * H);
  });
});

describe("place", () => {
  const axis = dayAxis(day, day + 24 * H, []);
  it("puts an interval in percent of the axis", () => {
    expect(place(axis, day + 9 * H, day + 10 * H)).toEqual({ left: 10, width: 10 });
  });
  it("clips to the axis and drops what is outside", () => {
    expect(place(axis, day + 7 * H, day + 9 * H)).toEqual({ left: 0, width: 10 });
    expect(place(axis, day + 19 * H, day + 20 * H)).toBeNull();
  });
  it("keeps a tiny interval visible", () => {
    expect(place(axis, day + 9 * H, day + 9 * H + 1000)!.width).toBe(0.3);
  });
});

describe("liveStatus", () => {
  const now = day + 12 * H;
  it("is offline without a timer, working with a fresh or no agent signal, idle when the agent went quiet", () => {
    expect(liveStatus(false, null, now)).toBe("offline");
    expect(liveStatus(true, null, now)).toBe("working");
    expect(liveStatus(true, new Date(now - 5 * 60_000).toISOString(), now)).toBe("working");
    expect(liveStatus(true, new Date(now - 25 * 60_000).toISOString(), now)).toBe("idle");
  });
});

describe("byHour and sumBy", () => {
  it("groups in hour order and sums per key", () => {
    const g = byHour([{ h: "10:00" }, { h: "09:00" }, { h: "10:00" }], (x) => x.h);
    expect(g.map((x) => [x.hour, x.items.length])).toEqual([["09:00", 1], ["10:00", 2]]);
    const s = sumBy([{ k: "a", v: 1 }, { k: "a", v: 2 }, { k: "b", v: 5 }], (x) => x.k, (x) => x.v);
    expect([...s.entries()]).toEqual([["a", 3], ["b", 5]]);
  });
});
