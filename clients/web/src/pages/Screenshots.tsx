// Screenshots per employee and day: thumbnails (short-lived presigned URLs) with their activity bars.
import { useState } from "react";
import { del, get, qs } from "../api";
import { localDate, localTime } from "../format";
import { isManager, useMe } from "../session";
import type { Person, PersonPage, ScreenshotPage } from "../models";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

export function Screenshots() {
  const me = useMe();
  const [userId, setUserId] = useState(me.user.id);
  const [day, setDay] = useState(localDate(new Date(), me.user.timezone));
  const users = useAsync(() => (isManager(me) ? get<PersonPage>("/team/users?limit=200").then((r) => r.items)
    : Promise.resolve<Pick<Person, "id" | "name">[]>([{ id: me.user.id, name: me.user.name }])), [me.user.id]);
  const shots = useAsync(() => get<ScreenshotPage>(`/media/screenshots${qs({ user_id: userId, date: day, limit: 200 })}`), [userId, day]);
  const act = useAction();
  return (
    <>
      <div className="panel row">
        {isManager(me) && (
          <Field label="Employee"><select name="employee" value={userId} onChange={(e) => setUserId(e.target.value)}>
            {users.data?.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select></Field>
        )}
        <Field label="Day"><input type="date" value={day} onChange={(e) => setDay(e.target.value)} /></Field>
        <button className="secondary" onClick={shots.reload} style={{ marginBottom: 12 }}>Refresh</button>
      </div>
      <ErrorBanner error={shots.error ?? act.error} />
      {shots.loading ? <Loading /> : !shots.data?.items.length ? <Empty>No screenshots for this day.</Empty> : (
        <div className="gallery" data-testid="gallery">
          {shots.data.items.map((s) => (
            <figure key={s.id}>
              <a href={s.url ?? "#"} target="_blank" rel="noreferrer">
                {s.thumbnail_url || s.url ? <img src={s.thumbnail_url ?? s.url!} alt={`Screenshot at ${localTime(s.taken_at, me.user.timezone)}`} loading="lazy" />
                  : <div className="muted" style={{ padding: 24 }}>processing…</div>}
              </a>
              <figcaption>
                <div className="row" style={{ justifyContent: "space-between" }}>
                  <span>{localTime(s.taken_at, me.user.timezone)} · screen {s.monitor + 1}</span>
                  <span>{s.activity_percent ?? 0}%</span>
                </div>
                <div className="bar" aria-label={`Activity ${s.activity_percent ?? 0}%`}><div style={{ width: `${s.activity_percent ?? 0}%` }} /></div>
                {s.user_id === me.user.id && (
                  <button className="secondary" style={{ marginTop: 6 }}
                    onClick={() => void act.run(async () => { await del(`/media/screenshots/${s.id}`); shots.reload(); })}>Delete</button>
                )}
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </>
  );
}
