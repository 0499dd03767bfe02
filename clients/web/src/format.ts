// Dates and durations, always shown in the viewer's time zone (the API speaks UTC ISO 8601).

/** "1:05" style hours:minutes for a number of seconds (negative treated as 0). */
export function hm(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}`;
}

/** "01:02:03" running-clock style for a number of seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** The local calendar date (YYYY-MM-DD) of an instant in time zone `tz`. */
export function localDate(iso: string | Date, tz: string): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Local wall time "HH:MM" of an instant in `tz`. */
export function localTime(iso: string | Date, tz: string): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return new Intl.DateTimeFormat("en-GB", { timeZone: tz, hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .format(d);
}

/** A readable local date-time in `tz`. */
export function localDateTime(iso: string | Date | null | undefined, tz: string): string {
  if (!iso) return "—";
  return `${localDate(iso, tz)} ${localTime(iso, tz)}`;
}

/** Seconds elapsed between an ISO start and `now` (ms), never negative. */
export function elapsed(startIso: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(startIso).getTime()) / 1000));
}

/** Convert a local "YYYY-MM-DDTHH:MM" wall time in `tz` to a UTC ISO string (DST-aware, no library). */
export function zonedToUtc(local: string, tz: string): string {
  const [datePart, timePart = "00:00"] = local.split("T");
  const [y, mo, d] = datePart.split("-").map(Number);
  const [h, mi] = timePart.split(":").map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Offset of tz at an instant = wall time there minus UTC; two passes settle DST edges.
  const offsetAt = (t: number) => {
    const p = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric",
      minute: "numeric", second: "numeric",
    }).formatToParts(new Date(t));
    const v = (k: string) => Number(p.find((x) => x.type === k)?.value);
    return Date.UTC(v("year"), v("month") - 1, v("day"), v("hour"), v("minute"), v("second")) - t;
  };
  let t = guess - offsetAt(guess);
  t = guess - offsetAt(t);
  return new Date(t).toISOString();
}

/** The ISO date (YYYY-MM-DD) `days` after `day`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Money from integer minor units in the currency's own decimals, e.g. 12345 USD -> "$123.45", 500 JPY -> "¥500". */
export function money(minor: number | null | undefined, currency = "USD"): string {
  if (minor === null || minor === undefined) return "—";
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** A duration for charts and totals: hm(), but "<0:01" for a few seconds so tiny amounts do not read as none. */
export function dur(seconds: number): string {
  return seconds > 0 && seconds < 60 ? "<0:01" : hm(seconds);
}

/** A wire clock time ("08:00:00", or "08:00") as "HH:MM". */
export function hhmm(time: string | null | undefined): string {
  return time ? time.slice(0, 5) : "—";
}

/** A wire decimal ("5.0", "40.00", "2.50") for display without trailing zeros ("5", "40", "2.5"); null is `none`. */
export function decimal(value: string | null | undefined, none = "—"): string {
  if (value === null || value === undefined || value === "") return none;
  const n = Number(value);
  return Number.isFinite(n) ? String(n) : value;
}
