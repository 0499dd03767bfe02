export function duration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}`;
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${duration(s)}:${String(s % 60).padStart(2, "0")}`;
}

export function time(iso: string | null | undefined, tz?: string): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZone: tz });
}

export function day(iso: string, tz?: string): string {
  return new Date(iso).toLocaleDateString([], { weekday: "short", day: "numeric", month: "short", timeZone: tz });
}
