// The team dashboard (managers and admins): who works now, live over the WebSocket; each person's today, week,
// activity, current project, latest screenshots and day timeline; a click drills down to the person's day.
import { useEffect, useMemo, useState } from "react";
import { get } from "../api";
import { addDays, clock, elapsed, hm, localDate, localTime } from "../format";
import type { Screenshot, TeamMember, TeamSummary } from "../models";
import type { Route } from "../router";
import { useMe } from "../session";
import { connectSocket, listen } from "../socket";
import { liveStatus } from "../timeline";
import { DayTimeline, useDayData } from "../DayTimeline";
import { Lightbox } from "../Lightbox";
import { Empty, ErrorBanner, Loading, useAsync } from "../ui";
import "../manager.css";

/** The team summary, refetched on every team timer event (and on reconnect: the database is the truth). */
function useLiveSummary() {
  const [tick, setTick] = useState(0);
  // The server counts running timers up to the moment it answered; `fetchedAt` lets the page keep counting.
  const summary = useAsync(() => get<TeamSummary>("/time/team/summary").then((s) => ({ ...s, fetchedAt: Date.now() })), [tick]);
  useEffect(() => {
    let off = () => {};
    let live = true;
    const bump = () => setTick((t) => t + 1);
    void connectSocket().then((s) => {
      if (!live) return;
      const offEvents = listen(s, ["timer.started", "timer.stopped", "entry.created", "entry.updated", "entry.deleted"], bump);
      s.on("connect", bump);
      off = () => { offEvents(); s.off("connect", bump); };
    });
    const poll = setInterval(bump, 60_000); // agent data (activity, screenshots) has no event: refresh now and then
    return () => { live = false; off(); clearInterval(poll); };
  }, []);
  return { ...summary, tick };
}

function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => { const t = setInterval(() => setNow(Date.now()), ms); return () => clearInterval(t); }, [ms]);
  return now;
}

export function TeamDashboard({ route }: { route: Route }) {
  const person = route.query.get("person");
  const live = useLiveSummary();
  const now = useNow();
  if (person) return <PersonDay userId={person} day={route.query.get("date")} summary={live.data} tick={live.tick} />;
  const items = live.data?.items ?? [];
  const working = items.filter((m) => m.entry_id);
  const since = Math.max(0, Math.floor((now - (live.data?.fetchedAt ?? now)) / 1000));
  const plus = (m: TeamMember) => (m.entry_id ? since : 0);
  const withActivity = items.filter((m) => m.activity_pct !== null);
  const avg = withActivity.length ? Math.round(withActivity.reduce((a, m) => a + (m.activity_pct ?? 0), 0) / withActivity.length) : null;
  return (
    <section aria-label="Team">
      <ErrorBanner error={live.error} />
      <div className="cards team-cards">
        <div className="card"><div className="label">Working now</div><div className="value" data-testid="working-count">{live.data ? `${working.length} / ${items.length}` : "…"}</div></div>
        <div className="card"><div className="label">Team today</div><div className="value">{hm(items.reduce((a, m) => a + m.today_seconds + plus(m), 0))}</div></div>
        <div className="card"><div className="label">Team this week</div><div className="value">{hm(items.reduce((a, m) => a + m.week_seconds + plus(m), 0))}</div></div>
        <div className="card"><div className="label">Activity today</div><div className="value">{avg === null ? "—" : `${avg}%`}</div></div>
      </div>
      <section className="panel" aria-label="Working now">
        <h3>Working now</h3>
        {!live.data && live.loading ? <Loading /> : working.length ? (
          <ul data-testid="working-now">{working.map((m) => (
            <li key={m.user_id}><a href={`#/?person=${m.user_id}`}>{m.name}</a> — {m.project_name ?? m.description ?? "no project"}{" "}
              <span className="muted">({clock(elapsed(m.running_since!, now))})</span></li>
          ))}</ul>
        ) : <Empty>Nobody is tracking time right now.</Empty>}
      </section>
      <h3>Your people</h3>
      {!live.data && live.loading ? <Loading /> : !items.length ? (
        <Empty>Nobody to show yet. Admins assign employees to managers on the <a href="#/team">Team</a> page.</Empty>
      ) : (
        <div className="team-list" data-testid="team-list">
          {items.map((m) => <PersonRow key={m.user_id} m={m} now={now} tick={live.tick} extra={plus(m)} />)}
        </div>
      )}
    </section>
  );
}

function PersonRow({ m, now, tick, extra }: { m: TeamMember; now: number; tick: number; extra: number }) {
  const me = useMe();
  const tz = me.user.timezone;
  const day = localDate(new Date(), tz);
  // Reload the row's day only when something of this person changed (or every fifth summary: the 60 s poll).
  const version = [m.entry_id, m.running_since, m.last_seen_at, m.screenshots_today, m.today_seconds > 0, Math.floor(tick / 5)].join("|");
  const data = useDayData(m.user_id, day, tz, version);
  const [open, setOpen] = useState<number | null>(null);
  const status = liveStatus(!!m.entry_id, m.last_seen_at, now);
  const latest: Screenshot[] = useMemo(() => (data.data?.shots ?? []).slice(0, 3), [data.data]);
  return (
    <article className="person" data-testid="person" data-user={m.user_id} aria-label={m.name}>
      <div className="who">
        <a href={`#/?person=${m.user_id}`}>{m.name}</a>
        <span className={`status ${status}`} data-testid="person-status">{status === "working" ? "Working" : status === "idle" ? "Idle" : "Not tracking"}
          {m.running_since && <span className="muted"> · {clock(elapsed(m.running_since, now))}</span>}</span>
        <span className="doing" title={m.description ?? ""}>{m.entry_id ? (m.project_name ?? "No project") + (m.description ? ` · ${m.description}` : "") : m.role}</span>
      </div>
      <div className="stat"><div className="label">Today</div><div className="value" data-testid="person-today">{hm(m.today_seconds + extra)}</div></div>
      <div className="stat"><div className="label">Week</div><div className="value">{hm(m.week_seconds + extra)}</div></div>
      <div className="stat"><div className="label">Activity</div><div className="value">{m.activity_pct === null ? "—" : `${Math.round(m.activity_pct)}%`}</div></div>
      <div className="stat"><div className="label">Last seen</div><div className="value">{m.last_seen_at ? localTime(m.last_seen_at, tz) : "—"}</div></div>
      <div className="thumbs">
        {latest.length ? latest.map((s, i) => (
          <button key={s.id} type="button" onClick={() => setOpen(i)} aria-label={`Screenshot of ${m.name} at ${localTime(s.taken_at, tz)}`}>
            {s.thumbnail_url || s.url ? <img src={s.thumbnail_url ?? s.url!} alt="" loading="lazy" /> : <span className="ph" />}
          </button>
        )) : <span className="muted">{m.screenshots_today ? "…" : "No screenshots today"}</span>}
      </div>
      <div className="span-all">
        {data.data ? <DayTimeline data={data.data} day={day} tz={tz} name={m.name} compact /> : <Loading />}
      </div>
      {open !== null && <Lightbox shots={latest} index={open} tz={tz} name={m.name} onIndex={setOpen} onClose={() => setOpen(null)} />}
    </article>
  );
}

function PersonDay({ userId, day: dayParam, summary, tick }: { userId: string; day: string | null; summary: TeamSummary | null; tick: number }) {
  const me = useMe();
  const tz = me.user.timezone;
  const today = localDate(new Date(), tz);
  const day = dayParam && /^\d{4}-\d{2}-\d{2}$/.test(dayParam) ? dayParam : today;
  const m = summary?.items.find((p) => p.user_id === userId);
  const data = useDayData(userId, day, tz, tick);
  const [open, setOpen] = useState<number | null>(null);
  const go = (d: string) => { window.location.hash = `/?person=${userId}&date=${d}`; };
  const shots = [...(data.data?.shots ?? [])].sort((a, b) => a.taken_at.localeCompare(b.taken_at));
  const total = (data.data?.entries ?? []).reduce((a, e) => a + e.duration_seconds, 0);
  const bins = data.data?.bins ?? [];
  const secs = bins.reduce((a, b) => a + b.seconds, 0);
  const act = secs ? Math.round((100 * bins.reduce((a, b) => a + b.active_seconds, 0)) / secs) : null;
  const idle = bins.reduce((a, b) => a + b.idle_seconds, 0);
  const name = m?.name ?? "This person";
  return (
    <section aria-label={`Day of ${name}`} data-testid="person-day">
      <div className="row" style={{ alignItems: "center", marginBottom: 12 }}>
        <a href="#/">← Team</a>
        <h3 style={{ margin: 0 }} data-testid="person-name">{name}</h3>
        <span className="spacer" style={{ flex: 1 }} />
        <button className="secondary" onClick={() => go(addDays(day, -1))}>← Day before</button>
        <input type="date" aria-label="Day" value={day} onChange={(e) => e.target.value && go(e.target.value)} />
        <button className="secondary" disabled={day >= today} onClick={() => go(addDays(day, 1))}>Day after →</button>
      </div>
      <ErrorBanner error={data.error} />
      <div className="cards team-cards">
        <div className="card"><div className="label">Tracked {day === today ? "today" : day}</div><div className="value">{hm(total)}</div></div>
        <div className="card"><div className="label">This week</div><div className="value">{m ? hm(m.week_seconds) : "—"}</div></div>
        <div className="card"><div className="label">Activity</div><div className="value">{act === null ? "—" : `${act}%`}</div></div>
        <div className="card"><div className="label">Idle</div><div className="value">{hm(idle)}</div></div>
      </div>
      <section className="panel">
        <h3>Timeline</h3>
        <p className="muted" style={{ marginTop: 0 }}>Top: time entries · middle: activity per 10 minutes (striped: idle) · bottom: screenshots (click to open).</p>
        {data.loading && !data.data ? <Loading /> : data.data && <DayTimeline data={data.data} day={day} tz={tz} name={name} />}
      </section>
      <section className="panel">
        <h3>Time entries</h3>
        {!data.data?.entries.length ? <Empty>No time tracked this day.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>When</th><th>Project</th><th>Description</th><th className="num">Duration</th></tr></thead>
            <tbody>{data.data.entries.map((e) => (
              <tr key={e.id}><td>{localTime(e.started_at, tz)}–{e.ended_at ? localTime(e.ended_at, tz) : "now"}</td>
                <td>{e.project_name ?? "—"}</td><td>{e.description ?? ""}</td><td className="num">{hm(e.duration_seconds)}</td></tr>
            ))}</tbody>
          </table></div>
        )}
        <p><a href={`#/entries?user=${userId}&from=${day}&to=${day}`}>Edit these entries</a> · <a href={`#/screenshots?user=${userId}&date=${day}`}>All screenshots</a></p>
      </section>
      <section className="panel">
        <h3>Screenshots</h3>
        {!shots.length ? <Empty>No screenshots this day.</Empty> : (
          <div className="gallery shots">{shots.map((s, i) => (
            <figure key={s.id}>
              <button type="button" style={{ padding: 0, background: "none", border: 0, width: "100%" }} onClick={() => setOpen(i)}>
                {s.thumbnail_url || s.url ? <img src={s.thumbnail_url ?? s.url!} alt={`Screenshot at ${localTime(s.taken_at, tz)}`} loading="lazy" /> : <div className="muted">processing…</div>}
              </button>
              <figcaption>{localTime(s.taken_at, tz)} · {s.activity_percent ?? 0}%{s.blurred ? " · blurred" : ""}</figcaption>
            </figure>
          ))}</div>
        )}
      </section>
      {open !== null && <Lightbox shots={shots} index={open} tz={tz} name={name} onIndex={setOpen} onClose={() => setOpen(null)} />}
    </section>
  );
}
