// Pure helpers behind the day timeline and the team dashboard: the axis of a day, where an interval sits on it,
// and a person's live status. Instants are compared as numbers (ms), never as strings.

export interface Axis { start: number; end: number; hours: number[] }

const HOUR = 3600_000;

/**
 * The visible window of one day: at least `minFrom`..`minTo` o'clock (local to the day's start `dayStart`), widened
 * to whole hours so every interval in `spans` fits, never beyond the day itself. `hours` are the ticks (ms).
 * With `fit`, the window is the spans' own hours plus one on each side (at least four), 8..18 when there are none.
 */
export function dayAxis(dayStart: number, dayEnd: number, spans: [number, number][], minFrom = 8, minTo = 18, fit = false): Axis {
  const inDay = spans.filter(([a, b]) => b > dayStart && a < dayEnd);
  let start = dayStart + minFrom * HOUR;
  let end = dayStart + minTo * HOUR;
  if (fit && inDay.length) {
    start = Math.max(dayStart, Math.min(...inDay.map(([a]) => a)) - HOUR);
    end = Math.min(dayEnd, Math.max(...inDay.map(([, b]) => b)) + HOUR);
    if (end - start < 4 * HOUR) end = Math.min(dayEnd, start + 4 * HOUR);
    if (end - start < 4 * HOUR) start = Math.max(dayStart, end - 4 * HOUR);
  }
  for (const [a, b] of inDay) {
    start = Math.min(start, Math.max(dayStart, a));
    end = Math.max(end, Math.min(dayEnd, b));
  }
  start = dayStart + Math.floor((start - dayStart) / HOUR) * HOUR;
  end = Math.min(dayEnd, dayStart + Math.ceil((end - dayStart) / HOUR) * HOUR);
  const hours: number[] = [];
  for (let t = start; t <= end; t += HOUR) hours.push(t);
  return { start, end, hours };
}

/** Left offset and width (percent of the axis) of [a, b), clipped to the axis; null when outside it. */
export function place(axis: Axis, a: number, b: number): { left: number; width: number } | null {
  const lo = Math.max(a, axis.start);
  const hi = Math.min(b, axis.end);
  if (hi <= lo) return null;
  const span = axis.end - axis.start;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { left: r(((lo - axis.start) / span) * 100), width: r(Math.max(0.3, ((hi - lo) / span) * 100)) };
}

export type LiveStatus = "working" | "idle" | "offline";

/**
 * A person's status: working while a timer runs and the agent was seen in the last `idleMinutes` (or no agent data
 * at all: web and phone timers send none), idle while a timer runs but the agent has been quiet, else offline.
 */
export function liveStatus(running: boolean, lastSeen: string | null, now: number, idleMinutes = 10): LiveStatus {
  if (!running) return "offline";
  if (!lastSeen) return "working";
  return now - new Date(lastSeen).getTime() <= idleMinutes * 60_000 ? "working" : "idle";
}

/** Group items by local hour label ("09:00") in display order, keeping each group's order. */
export function byHour<T>(items: T[], hourOf: (item: T) => string): { hour: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const h = hourOf(it);
    groups.set(h, [...(groups.get(h) ?? []), it]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([hour, list]) => ({ hour, items: list }));
}

/** Seconds per person per day from entries ({user_id, started_at, duration_seconds}), keyed "user|YYYY-MM-DD". */
export function sumBy<T>(items: T[], key: (item: T) => string, value: (item: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of items) out.set(key(it), (out.get(key(it)) ?? 0) + value(it));
  return out;
}
