// Attendance: clock in/out and breaks, today's status, my days, records and shifts with late/early/absent flags,
// leave; managers also approve leave and plan shifts, admins keep leave types and geofences.
import { useCallback, useEffect, useState } from "react";
import { get, post, qs } from "../api";
import { BarList } from "../charts";
import { addDays, hhmm, hm, localDate, localTime } from "../format";
import { daysBetween } from "../metrics";
import { isAdmin, isManager, useMe } from "../session";
import type { AttendanceDays, AttendanceStatus, ListedRecordPage, Shift, ShiftAttendance, ShiftPage } from "../models";
import { connectSocket, listen } from "../socket";
import type { Route } from "../router";
import { Empty, ErrorBanner, Loading, Tabs, useAction, useAsync } from "../ui";
import { Leave } from "./Leave";
import { Geofences, ShiftPlanner } from "./Shifts";


/** A shift's wall-clock span, "09:00–17:00". */
export const shiftSpan = (s: Shift) => `${hhmm(s.start_time)}–${hhmm(s.end_time)}`;

const FLAG_TEXT: Record<string, string> = { late: "late", outside_geofence: "outside geofence", no_location: "no location" };

/** Badges for a shift's computed attendance: late / left early / absent / on leave, or its plain status. */
export function ShiftFlags({ a }: { a: ShiftAttendance }) {
  const flags: [string, string][] = [];
  if (a.late) flags.push([`late ${a.late_minutes} min`, "warn"]);
  if (a.left_early) flags.push([`left early ${a.early_minutes} min`, "warn"]);
  if (a.absent) flags.push(["absent", "danger"]);
  if (a.on_leave) flags.push(["on leave", ""]);
  if (!flags.length) flags.push([a.status.replace("_", " "), a.status === "present" || a.status === "working" ? "ok" : ""]);
  return <>{flags.map(([t, c]) => <span key={t} className={`badge ${c}`} style={{ marginRight: 4 }}>{t}</span>)}</>;
}

/** Attendance as tabs (?tab=): today (clock, my days and shifts), records, leave; shifts and geofences for planners. */
export function Attendance({ route }: { route: Route }) {
  const me = useMe();
  const [version, setVersion] = useState(0); // bumped by every clock action so the days and records follow
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const tabs: [string, string][] = [["today", "Today"], ["records", "Records"], ["leave", "Leave"]];
  if (isManager(me)) tabs.push(["shifts", "Shift planning"]);
  if (isAdmin(me)) tabs.push(["geofences", "Work sites"]);
  const wanted = route.query.get("tab") ?? "today";
  const tab = tabs.some(([k]) => k === wanted) ? wanted : "today";
  return (
    <>
      <Tabs tabs={tabs} current={tab} base="/attendance" label="Attendance sections" />
      {tab === "today" && (
        <>
          <Clock onChange={changed} />
          <div className="grid2" style={{ marginBottom: 16 }}>
            <MyDays version={version} />
            <MyShifts />
          </div>
        </>
      )}
      {tab === "records" && <MyRecords version={version} />}
      {tab === "leave" && <Leave />}
      {tab === "shifts" && <ShiftPlanner />}
      {tab === "geofences" && <Geofences />}
    </>
  );
}

function Clock({ onChange }: { onChange: () => void }) {
  const me = useMe();
  const tz = me.user.timezone;
  const status = useAsync(() => get<AttendanceStatus>("/attendance/status"), []);
  const act = useAction();
  useEffect(() => {
    // Clocking in on the phone shows here too: the socket event is a hint, /status is the truth.
    let off = () => {};
    void connectSocket().then((s) => {
      const on = () => { status.reload(); onChange(); };
      const offEvents = listen(s, ["attendance.clocked_in", "attendance.clocked_out", "attendance.break_started", "attendance.break_ended"], on);
      s.on("connect", on);
      off = () => { offEvents(); s.off("connect", on); };
    });
    return () => off();
  }, [status.reload, onChange]);
  const call = (path: string, body: unknown = {}) => act.run(async () => { await post(`/attendance/${path}`, body); status.reload(); onChange(); });
  const s = status.data;
  const openBreak = s?.record?.breaks.find((b) => !b.ended_at);
  return (
    <section className="panel" aria-label="Clock">
      <h3>Today</h3>
      <ErrorBanner error={status.error ?? act.error} />
      {status.loading && !s ? <Loading /> : s && (
        <>
          <p className="status-big" data-testid="attendance-status">
            {!s.clocked_in ? "Not clocked in" : openBreak ? `On a break since ${localTime(openBreak.started_at, tz)}` : `Clocked in since ${localTime(s.record!.clock_in_at, tz)}`}
          </p>
          {s.record && (
            <p className="muted">
              Worked {hm(s.record.worked_seconds)} · breaks {hm(s.record.paid_break_seconds + s.record.unpaid_break_seconds)}
              {s.record.flags.map((f) => <span key={f} className="badge warn" style={{ marginLeft: 6 }}>{FLAG_TEXT[f] ?? f}</span>)}
            </p>
          )}
          {s.shift ? (
            <p>Shift {s.shift.shift_date}: {shiftSpan(s.shift)} <ShiftFlags a={s.shift.attendance} /></p>
          ) : <p className="muted">No shift planned right now.</p>}
          <div className="row">
            {!s.clocked_in && <button disabled={act.busy} onClick={() => void call("clock-in", { source: "web" })}>Clock in</button>}
            {s.clocked_in && !s.on_break && <>
              <button className="secondary" disabled={act.busy} onClick={() => void call("breaks/start", { paid: false })}>Start break</button>
              <button className="secondary" disabled={act.busy} onClick={() => void call("breaks/start", { paid: true })}>Start paid break</button>
              <button className="danger" disabled={act.busy} onClick={() => void call("clock-out")}>Clock out</button>
            </>}
            {s.on_break && <button disabled={act.busy} onClick={() => void call("breaks/end")}>End break</button>}
          </div>
        </>
      )}
    </section>
  );
}

function MyDays({ version }: { version: number }) {
  const me = useMe();
  const today = localDate(new Date(), me.user.timezone);
  const from = addDays(today, -6);
  const days = useAsync(() => get<AttendanceDays>(`/attendance/days${qs({ from, to: today })}`), [from, today, version]);
  const byDate = new Map((days.data?.days ?? []).map((d) => [d.date, d]));
  const rows = daysBetween(from, today).map((date) => {
    const d = byDate.get(date);
    const breaks = d ? d.paid_break_seconds + d.unpaid_break_seconds : 0;
    return { key: date, label: date.slice(5), value: d?.worked_seconds ?? 0, display: hm(d?.worked_seconds ?? 0),
      note: breaks ? `break ${hm(breaks)}` : undefined };
  });
  return (
    <section className="panel" aria-label="My last 7 days">
      <h3>My last 7 days</h3>
      <ErrorBanner error={days.error} />
      {days.loading && !days.data ? <Loading /> : <BarList rows={rows} label="Worked time per day" />}
    </section>
  );
}

function MyShifts() {
  const me = useMe();
  const today = localDate(new Date(), me.user.timezone);
  const shifts = useAsync(() => get<ShiftPage>(`/attendance/shifts${qs({ user_id: me.user.id, from: addDays(today, -7), to: addDays(today, 14), limit: 100 })}`), [today]);
  return (
    <section className="panel" aria-label="My shifts">
      <h3>My shifts</h3>
      <ErrorBanner error={shifts.error} />
      {shifts.loading && !shifts.data ? <Loading /> : !shifts.data?.items.length ? <Empty>No shifts planned for these weeks. {isManager(me) ? "Plan them on the Shift planning tab." : "Your manager plans them; clock in on this tab whenever you start work."}</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr><th>Day</th><th>Time</th><th>Attendance</th></tr></thead>
          <tbody>{shifts.data.items.map((s) => (
            <tr key={s.id}><td>{s.shift_date}</td><td>{shiftSpan(s)}</td><td><ShiftFlags a={s.attendance} /></td></tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}

function MyRecords({ version }: { version: number }) {
  const me = useMe();
  const tz = me.user.timezone;
  const today = localDate(new Date(), tz);
  const recs = useAsync(() => get<ListedRecordPage>(`/attendance/records${qs({ user_id: me.user.id, from: addDays(today, -13), to: today, limit: 100 })}`), [today, version]);
  return (
    <section className="panel" aria-label="My records">
      <h3>My records (last 14 days)</h3>
      <ErrorBanner error={recs.error} />
      {recs.loading && !recs.data ? <Loading /> : !recs.data?.items.length ? <Empty>No clock-ins in the last two weeks. Use <a href="#/attendance?tab=today">Clock in</a> on the Today tab when you start work.</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr><th>Day</th><th>In</th><th>Out</th><th>Worked</th><th>Breaks</th><th>Flags</th></tr></thead>
          <tbody>{recs.data.items.map((r) => (
            <tr key={r.id}>
              <td>{r.local_date}</td>
              <td>{localTime(r.clock_in_at, tz)}</td>
              <td>{r.clock_out_at ? localTime(r.clock_out_at, tz) : <span className="badge ok">open</span>}</td>
              <td>{hm(r.worked_seconds)}</td>
              <td>{hm(r.paid_break_seconds + r.unpaid_break_seconds)}</td>
              <td>{r.flags.length ? r.flags.map((f) => <span key={f} className="badge warn" style={{ marginRight: 4 }}>{FLAG_TEXT[f] ?? f}</span>) : <span className="muted">—</span>}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}
