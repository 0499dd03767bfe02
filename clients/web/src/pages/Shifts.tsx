// Managers: who is clocked in, shift planning (create / delete a shift for an employee, with attendance flags);
// admins: circle geofences for work sites.
import { useState } from "react";
import { del, get, post, qs } from "../api";
import { addDays, localDate, localTime } from "../format";
import { nameOf, usePeople } from "../people";
import { useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";
import type { Geofence, GeofencePage, ListedRecordPage, Shift, ShiftPage } from "../models";
import { ShiftFlags, shiftSpan } from "./Attendance";

export function ShiftPlanner() {
  const me = useMe();
  const tz = me.user.timezone;
  const today = localDate(new Date(), tz);
  const people = usePeople();
  const [from, setFrom] = useState(today);
  const shifts = useAsync(() => get<ShiftPage>(`/attendance/shifts${qs({ from, to: addDays(from, 13), limit: 200 })}`), [from]);
  const open = useAsync(() => get<ListedRecordPage>("/attendance/records?open=true&limit=200"), []);
  const [f, setF] = useState({ user_id: "", date: addDays(today, 1), start_time: "09:00", end_time: "17:00", note: "" });
  const act = useAction();
  const others = (people.data ?? []).filter((p) => p.id !== me.user.id); // nobody plans their own shifts
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      await post("/attendance/shifts", { ...f, note: f.note || null });
      shifts.reload();
    });
  };
  const remove = (s: Shift) => {
    if (!window.confirm(`Delete the shift of ${nameOf(people.data, s.user_id)} on ${s.shift_date}?`)) return;
    void act.run(async () => { await del(`/attendance/shifts/${s.id}`); shifts.reload(); });
  };
  return (
    <>
      <section className="panel" aria-label="Clocked in now">
        <h3>Clocked in now</h3>
        <ErrorBanner error={open.error} />
        {open.loading && !open.data ? <Loading /> : !open.data?.items.length ? <Empty>Nobody is clocked in.</Empty> : (
          <ul>{open.data.items.map((r) => (
            <li key={r.id}>{nameOf(people.data, r.user_id)} since {localTime(r.clock_in_at, tz)}
              {r.breaks.some((b) => !b.ended_at) && <span className="badge" style={{ marginLeft: 6 }}>on a break</span>}</li>
          ))}</ul>
        )}
      </section>
      <section className="panel" aria-label="Shift planning">
        <h3>Shift planning</h3>
        <form className="row" onSubmit={submit} aria-label="New shift">
          <Field label="Employee"><select name="shift-user" value={f.user_id} onChange={(e) => setF({ ...f, user_id: e.target.value })} required>
            <option value="">Choose…</option>
            {others.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select></Field>
          <Field label="Day"><input type="date" value={f.date} onChange={(e) => setF({ ...f, date: e.target.value })} required /></Field>
          <Field label="Starts"><input type="time" value={f.start_time} onChange={(e) => setF({ ...f, start_time: e.target.value })} required /></Field>
          <Field label="Ends"><input type="time" value={f.end_time} onChange={(e) => setF({ ...f, end_time: e.target.value })} required /></Field>
          <Field label="Note"><input value={f.note} onChange={(e) => setF({ ...f, note: e.target.value })} /></Field>
          <button type="submit" disabled={act.busy} style={{ marginBottom: 12 }}>Add shift</button>
        </form>
        <p className="muted" style={{ marginTop: 0 }}>Times are the employee's local wall-clock time; a shift ending before it starts runs past midnight.</p>
        <ErrorBanner error={shifts.error ?? act.error} />
        <div className="row" style={{ alignItems: "center", marginBottom: 8 }}>
          <button className="secondary" onClick={() => setFrom(addDays(from, -14))}>← Earlier</button>
          <strong>{from} – {addDays(from, 13)}</strong>
          <button className="secondary" onClick={() => setFrom(addDays(from, 14))}>Later →</button>
        </div>
        {shifts.loading && !shifts.data ? <Loading /> : !shifts.data?.items.length ? <Empty>No shifts in these two weeks. Plan one with the form above.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Employee</th><th>Day</th><th>Time</th><th>Attendance</th><th>Note</th><th /></tr></thead>
            <tbody>{shifts.data.items.map((s) => (
              <tr key={s.id}>
                <td>{nameOf(people.data, s.user_id)}</td><td>{s.shift_date}</td><td>{shiftSpan(s)}</td>
                <td><ShiftFlags a={s.attendance} /></td><td>{s.note ?? ""}</td>
                <td><button className="secondary" disabled={act.busy} onClick={() => remove(s)}>Delete</button></td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
      </section>
    </>
  );
}

export function Geofences() {
  const fences = useAsync(() => get<GeofencePage>("/attendance/geofences?all=true&limit=200"), []);
  const [f, setF] = useState({ name: "", lat: "", lng: "", radius: "150" });
  const act = useAction();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      await post("/attendance/geofences", { name: f.name, kind: "circle", center_lat: Number(f.lat), center_lng: Number(f.lng), radius_m: Number(f.radius) });
      setF({ name: "", lat: "", lng: "", radius: "150" });
      fences.reload();
    });
  };
  const remove = (g: Geofence) => {
    if (!window.confirm(`Delete the geofence ${g.name}?`)) return;
    void act.run(async () => { await del(`/attendance/geofences/${g.id}`); fences.reload(); });
  };
  return (
    <section className="panel" aria-label="Geofences">
      <h3>Work-site geofences</h3>
      <p className="muted">Used when the attendance geofence policy (Settings) is “flag” or “require”; locations are only sent by people who consented to GPS.</p>
      <ErrorBanner error={fences.error ?? act.error} />
      {fences.loading && !fences.data ? <Loading /> : !fences.data?.items.length ? <Empty>No work sites yet. Add one above to check clock-ins against its area.</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr><th>Name</th><th>Centre</th><th>Radius</th><th>Active</th><th /></tr></thead>
          <tbody>{fences.data.items.map((g) => (
            <tr key={g.id}>
              <td>{g.name}</td>
              <td>{g.kind === "circle" ? `${g.center_lat?.toFixed(5)}, ${g.center_lng?.toFixed(5)}` : "polygon"}</td>
              <td>{g.radius_m ? `${Math.round(g.radius_m)} m` : "—"}</td>
              <td>{g.active ? "yes" : "no"}</td>
              <td><button className="secondary" disabled={act.busy} onClick={() => remove(g)}>Delete</button></td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      <form className="row" onSubmit={submit} aria-label="New geofence">
        <Field label="Site name"><input value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required /></Field>
        <Field label="Latitude"><input type="number" step="any" min="-90" max="90" value={f.lat} onChange={(e) => setF({ ...f, lat: e.target.value })} required /></Field>
        <Field label="Longitude"><input type="number" step="any" min="-180" max="180" value={f.lng} onChange={(e) => setF({ ...f, lng: e.target.value })} required /></Field>
        <Field label="Radius (m)"><input type="number" min="1" max="100000" value={f.radius} onChange={(e) => setF({ ...f, radius: e.target.value })} required /></Field>
        <button type="submit" disabled={act.busy} style={{ marginBottom: 12 }}>Add geofence</button>
      </form>
    </section>
  );
}
