// Screenshots and screen recordings of one person and day: the gallery grouped by hour (app, title, activity %,
// blur state), a lightbox, and recordings played in the page (their chunks joined into one video).
import { useEffect, useState } from "react";
import { del, get, qs } from "../api";
import { localDate, localTime } from "../format";
import type { Recording, RecordingDetail, RecordingPage, Screenshot, ScreenshotPage } from "../models";
import { useMyPeople } from "../people";
import type { Route } from "../router";
import { isManager, useMe } from "../session";
import { byHour } from "../timeline";
import { Lightbox } from "../Lightbox";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";
import "../manager.css";

export function Screenshots({ route }: { route: Route }) {
  const me = useMe();
  const tz = me.user.timezone;
  const [userId, setUserId] = useState(route.query.get("user") ?? me.user.id);
  const [day, setDay] = useState(route.query.get("date") ?? localDate(new Date(), tz));
  const [tab, setTab] = useState<"shots" | "recordings">("shots");
  // A manager picks among exactly their people (the team summary), an admin among everyone; both plus themselves.
  const users = useMyPeople(me.user, isManager(me));
  const shots = useAsync(() => get<ScreenshotPage>(`/media/screenshots${qs({ user_id: userId, date: day, limit: 200 })}`), [userId, day]);
  const name = users.data?.find((u) => u.id === userId)?.name.replace(" (me)", "") ?? "";
  return (
    <>
      <div className="panel row">
        {isManager(me) && (
          <Field label="Employee"><select name="employee" value={userId} onChange={(e) => setUserId(e.target.value)}>
            {users.data?.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select></Field>
        )}
        <Field label="Day"><input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} /></Field>
        <button className="secondary" onClick={shots.reload} style={{ marginBottom: 12 }}>Refresh</button>
        <div className="tabs" role="group" aria-label="Media" style={{ marginBottom: 12 }}>
          <button type="button" aria-pressed={tab === "shots"} onClick={() => setTab("shots")}>Screenshots</button>
          <button type="button" aria-pressed={tab === "recordings"} onClick={() => setTab("recordings")}>Recordings</button>
        </div>
      </div>
      {tab === "shots" ? <Gallery page={shots} tz={tz} name={name} mine={userId === me.user.id} />
        : <Recordings userId={userId} day={day} tz={tz} />}
    </>
  );
}

function Gallery({ page, tz, name, mine }: {
  page: ReturnType<typeof useAsync<ScreenshotPage>>; tz: string; name: string; mine: boolean;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const act = useAction();
  if (page.loading && !page.data) return <Loading />;
  // Oldest first, so the hours read like a day; the lightbox walks the same order.
  const items: Screenshot[] = [...(page.data?.items ?? [])].sort((a, b) => a.taken_at.localeCompare(b.taken_at));
  const hours = byHour(items, (s) => `${localTime(s.taken_at, tz).slice(0, 2)}:00`);
  return (
    <>
      <ErrorBanner error={page.error ?? act.error} />
      {!items.length ? <Empty>No screenshots for this day. The desktop agent takes them while a timer runs, once the person has consented.</Empty> : (
        <div data-testid="gallery">
          {hours.map((h) => (
            <section key={h.hour} className="hour-group" aria-label={`Screenshots ${h.hour}`}>
              <h4>{h.hour} – {h.hour.slice(0, 2)}:59 · {h.items.length} {h.items.length === 1 ? "screenshot" : "screenshots"}</h4>
              <div className="gallery shots">
                {h.items.map((s) => {
                  const i = items.indexOf(s);
                  return (
                    <figure key={s.id} data-testid="shot">
                      <button type="button" style={{ padding: 0, background: "none", border: 0, width: "100%", display: "block" }}
                        onClick={() => setOpen(i)} aria-label={`Open the screenshot at ${localTime(s.taken_at, tz)}`}>
                        {s.thumbnail_url || s.url ? <img src={s.thumbnail_url ?? s.url!} alt={`Screenshot at ${localTime(s.taken_at, tz)}`} loading="lazy" />
                          : <div className="muted" style={{ padding: 24 }}>processing…</div>}
                      </button>
                      <figcaption>
                        <div className="row" style={{ justifyContent: "space-between", alignItems: "center" }}>
                          <span>{localTime(s.taken_at, tz)} · screen {s.monitor + 1}</span>
                          <span>{s.activity_percent ?? 0}%</span>
                        </div>
                        <div className="muted" style={{ whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }} title={s.title ?? ""}>
                          {s.app ?? "—"}{s.title ? ` · ${s.title}` : ""}
                        </div>
                        <div className="bar" aria-label={`Activity ${s.activity_percent ?? 0}%`}><div style={{ width: `${s.activity_percent ?? 0}%` }} /></div>
                        {s.blurred && <span className="badge warn" style={{ marginTop: 6 }}>blurred</span>}
                        {mine && (
                          <button className="secondary" style={{ marginTop: 6 }}
                            onClick={() => void act.run(async () => { await del(`/media/screenshots/${s.id}`); page.reload(); })}>Delete</button>
                        )}
                      </figcaption>
                    </figure>
                  );
                })}
              </div>
            </section>
          ))}
        </div>
      )}
      {open !== null && <Lightbox shots={items} index={open} tz={tz} name={name} onIndex={setOpen} onClose={() => setOpen(null)} />}
    </>
  );
}

function Recordings({ userId, day, tz }: { userId: string; day: string; tz: string }) {
  const list = useAsync(() => get<RecordingPage>(`/media/recordings${qs({ user_id: userId, date: day, limit: 100 })}`), [userId, day]);
  const [playing, setPlaying] = useState<string | null>(null);
  if (list.loading && !list.data) return <Loading />;
  return (
    <section className="panel" aria-label="Recordings">
      <ErrorBanner error={list.error} />
      {!list.data?.items.length ? <Empty>No screen recordings for this day.</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr><th>Started</th><th>Screen</th><th className="num">Length</th><th>State</th><th /></tr></thead>
          <tbody>{list.data.items.map((r: Recording) => (
            <tr key={r.id}>
              <td>{localTime(r.started_at, tz)}</td><td>{r.monitor + 1}</td>
              <td className="num">{r.duration_ms ? `${Math.round(r.duration_ms / 1000)} s` : "—"}</td>
              <td><span className={`badge ${r.state === "complete" ? "ok" : ""}`}>{r.state}</span></td>
              <td><button className="secondary" onClick={() => setPlaying(playing === r.id ? null : r.id)}>{playing === r.id ? "Close" : "Play"}</button></td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      {playing && <Player id={playing} />}
    </section>
  );
}

/** Join a recording's chunks (one continuous stream cut in pieces) into one playable video. */
function Player({ id }: { id: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    (async () => {
      const d = await get<RecordingDetail>(`/media/recordings/${id}`);
      if (!d.chunks.length) throw new Error("This recording has no video yet.");
      if (d.chunks.length === 1) return d.chunks[0].url;
      const parts = await Promise.all(d.chunks.sort((a, b) => a.seq - b.seq).map((c) => fetch(c.url).then((r) => r.blob())));
      url = URL.createObjectURL(new Blob(parts, { type: d.recording.content_type }));
      return url;
    })().then((u) => live && setSrc(u), (e) => live && setError(e));
    return () => { live = false; if (url) URL.revokeObjectURL(url); };
  }, [id]);
  return (
    <div style={{ marginTop: 12 }}>
      <ErrorBanner error={error} />
      {src ? <video className="recording" src={src} controls autoPlay muted data-testid="recording-video" /> : !error && <Loading />}
    </div>
  );
}
