// One person's day on one axis: time entries (project colours), activity % per 10 minutes with idle time, and
// screenshots as ticks that open the lightbox. Data comes from three lists: entries, the activity timeline, media.
import { useState } from "react";
import { get, qs } from "./api";
import { addDays, hm, localTime, zonedToUtc } from "./format";
import type { ActivityTimeline, EntryPage, ListedEntry, Screenshot, ScreenshotPage } from "./models";
import { dayAxis, place } from "./timeline";
import { Lightbox } from "./Lightbox";
import { useAsync } from "./ui";
import "./manager.css";

export interface DayData { entries: ListedEntry[]; bins: ActivityTimeline["items"]; shots: Screenshot[]; interval: number }

/** Load a person's entries, activity bins and screenshots of local `day` (viewer's time zone `tz`); a new
 * `version` loads them again. */
export function useDayData(userId: string, day: string, tz: string, version: string | number = 0) {
  return useAsync<DayData>(async () => {
    const from = zonedToUtc(`${day}T00:00`, tz);
    const to = zonedToUtc(`${addDays(day, 1)}T00:00`, tz);
    const [entries, timeline, shots] = await Promise.all([
      get<EntryPage>(`/time/entries${qs({ user_id: userId, from: day, to: day, limit: 200 })}`).then((r) => r.items),
      get<ActivityTimeline>(`/activity/timeline${qs({ user_id: userId, from, to, interval: 600 })}`).catch(() => ({ items: [], interval: 600 })),
      get<ScreenshotPage>(`/media/screenshots${qs({ user_id: userId, date: day, limit: 200 })}`).then((r) => r.items).catch(() => []),
    ]);
    return { entries, bins: timeline.items, shots, interval: timeline.interval };
  }, [userId, day, tz, version]);
}

export function DayTimeline({ data, day, tz, name, compact = false }: {
  data: DayData; day: string; tz: string; name: string; compact?: boolean;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const dayStart = new Date(zonedToUtc(`${day}T00:00`, tz)).getTime();
  const dayEnd = new Date(zonedToUtc(`${addDays(day, 1)}T00:00`, tz)).getTime();
  const now = Date.now();
  const ivMs = data.interval * 1000;
  const spans: [number, number][] = [
    ...data.entries.map((e) => [new Date(e.started_at).getTime(), e.ended_at ? new Date(e.ended_at).getTime() : now] as [number, number]),
    ...data.bins.map((b) => [new Date(b.start).getTime(), new Date(b.start).getTime() + ivMs] as [number, number]),
    ...data.shots.map((s) => [new Date(s.taken_at).getTime(), new Date(s.taken_at).getTime() + 1] as [number, number]),
  ];
  const axis = dayAxis(dayStart, dayEnd, spans, 8, 18, !compact);
  const shots = [...data.shots].sort((a, b) => a.taken_at.localeCompare(b.taken_at));
  const step = axis.hours.length > 13 ? 2 : 1;
  return (
    <div className={`timeline${compact ? " compact" : ""}`} role="group" aria-label={`Day timeline of ${name}`} data-testid="timeline">
      <div className="tl-lane" aria-label="Time entries">
        {data.entries.map((e) => {
          const end = e.ended_at ? new Date(e.ended_at).getTime() : now;
          const p = place(axis, new Date(e.started_at).getTime(), end);
          if (!p) return null;
          const label = `${localTime(e.started_at, tz)}–${e.ended_at ? localTime(e.ended_at, tz) : "now"} ${e.project_name ?? "No project"}${e.description ? ` · ${e.description}` : ""} (${hm(e.duration_seconds)})`;
          return <span key={e.id} className={`tl-entry${e.running ? " running" : ""}`} title={label} aria-label={label} data-testid="tl-entry"
            style={{ left: `${p.left}%`, width: `${p.width}%`, background: e.project_color ?? "var(--accent)" }} />;
        })}
      </div>
      <div className="tl-lane tl-activity" aria-label="Activity">
        {data.bins.map((b) => {
          const t = new Date(b.start).getTime();
          const p = place(axis, t, t + ivMs);
          if (!p) return null;
          const pct = b.activity_pct ?? 0;
          const idle = b.seconds ? Math.round((100 * b.idle_seconds) / b.seconds) : 0;
          const label = `${localTime(b.start, tz)} activity ${pct}%${b.idle_seconds ? `, idle ${hm(b.idle_seconds)}` : ""}`;
          return (
            <span key={b.start} className="tl-bin" title={label} aria-label={label} data-testid="tl-bin" style={{ left: `${p.left}%`, width: `${p.width}%` }}>
              {idle > 0 && <span className="tl-idle" style={{ height: `${idle}%` }} />}
              <span className="tl-act" style={{ height: `${Math.max(4, pct)}%` }} />
            </span>
          );
        })}
      </div>
      <div className="tl-lane tl-shots" aria-label="Screenshots">
        {shots.map((s, i) => {
          const t = new Date(s.taken_at).getTime();
          const p = place(axis, t, t + 1);
          if (!p) return null;
          return <button key={s.id} type="button" className="tl-shot" style={{ left: `${p.left}%` }} data-testid="tl-shot"
            aria-label={`Screenshot at ${localTime(s.taken_at, tz)}`} title={`Screenshot at ${localTime(s.taken_at, tz)}`} onClick={() => setOpen(i)} />;
        })}
      </div>
      <div className="tl-axis" aria-hidden="true">
        {axis.hours.map((h, i) => i % step === 0 && (
          <span key={h} style={{ left: `${((h - axis.start) / (axis.end - axis.start)) * 100}%` }}>{localTime(new Date(h), tz).slice(0, 2)}</span>
        ))}
      </div>
      {open !== null && <Lightbox shots={shots} index={open} tz={tz} name={name} onIndex={setOpen} onClose={() => setOpen(null)} />}
    </div>
  );
}
