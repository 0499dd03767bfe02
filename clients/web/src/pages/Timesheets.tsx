// My week (submit) and, for managers and admins, the approval queue with approve / reject and a comment.
import { useState } from "react";
import { get, post, qs } from "../api";
import { addDays, hm, localDate } from "../format";
import type { PersonPage, TimesheetPage, TimesheetWeek } from "../models";
import { isManager, useMe } from "../session";
import { Empty, ErrorBanner, Loading, useAction, useAsync } from "../ui";
import { TimesheetGrid } from "./TimesheetGrid";
import { WeekViolations } from "./WorkTime";

const statusClass = (s: string) => (s === "approved" ? "ok" : s === "rejected" ? "danger" : s === "submitted" ? "warn" : "");

export function Timesheets() {
  const me = useMe();
  const [day, setDay] = useState(localDate(new Date(), me.user.timezone));
  const week = useAsync(() => get<TimesheetWeek>(`/time/timesheets/week${qs({ date: day })}`), [day]);
  const submit = useAction();
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  return (
    <>
      <section className="panel" aria-label="My week">
        <div className="row" style={{ alignItems: "center" }}>
          <button className="secondary" onClick={() => setDay(addDays(day, -7))}>← Previous week</button>
          <strong>{week.data ? `${week.data.timesheet.period_start} – ${week.data.timesheet.period_end}` : "…"}</strong>
          <button className="secondary" onClick={() => setDay(addDays(day, 7))}>Next week →</button>
          {week.data && <span className={`badge ${statusClass(week.data.timesheet.status)}`} data-testid="my-sheet-status">{week.data.timesheet.status}</span>}
        </div>
        <ErrorBanner error={week.error ?? submit.error} />
        {week.loading ? <Loading /> : week.data && (
          <>
            <div className="table-wrap"><table>
              <thead><tr>{week.data.days.map((d) => <th key={d.date}>{d.date.slice(5)}</th>)}<th>Total</th></tr></thead>
              <tbody><tr>{week.data.days.map((d) => <td key={d.date}>{hm(d.seconds)}</td>)}<td><strong>{hm(week.data.totals.seconds)}</strong></td></tr></tbody>
            </table></div>
            <WeekViolations first={week.data.timesheet.period_start} last={week.data.timesheet.period_end} />
            {week.data.timesheet.comment && <p className="muted">Comment: {week.data.timesheet.comment}</p>}
            {["open", "rejected"].includes(week.data.timesheet.status) && (
              <button disabled={submit.busy} onClick={() => void submit.run(async () => { await post("/time/timesheets/submit", { date: day }); week.reload(); })}>
                Submit week
              </button>
            )}
          </>
        )}
      </section>
      {isManager(me) && <ApprovalQueue version={version} onChange={bump} />}
      {isManager(me) && week.data && <TimesheetGrid first={week.data.timesheet.period_start} version={version} onChange={bump} />}
    </>
  );
}

function ApprovalQueue({ version, onChange }: { version: number; onChange: () => void }) {
  const queue = useAsync(() => get<TimesheetPage>(`/time/timesheets${qs({ status: "submitted", limit: 100 })}`), [version]);
  const users = useAsync(() => get<PersonPage>("/team/users?limit=200"), []);
  const [comments, setComments] = useState<Record<string, string>>({});
  const act = useAction();
  const name = (id: string) => users.data?.items.find((u) => u.id === id)?.name ?? id.slice(0, 8);
  const decide = (id: string, action: "approve" | "reject") => act.run(async () => {
    await post(`/time/timesheets/${id}/${action}`, { comment: comments[id] || (action === "reject" ? "" : null) });
    onChange();
  });
  return (
    <section className="panel" aria-label="Approval queue">
      <h3>Waiting for approval</h3>
      <ErrorBanner error={queue.error ?? act.error} />
      {queue.loading ? <Loading /> : !queue.data?.items.length ? <Empty>Nothing to approve.</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr><th>Employee</th><th>Week</th><th>Total</th><th>Working-time rules</th><th>Comment</th><th /></tr></thead>
          <tbody>{queue.data.items.map((s) => (
            <tr key={s.id}>
              <td>{name(s.user_id)}</td>
              <td>{s.period_start} – {s.period_end}</td>
              <td>{hm(s.total_seconds)}</td>
              <td><WeekViolations userId={s.user_id} first={s.period_start} last={s.period_end} /></td>
              <td><input aria-label="Comment" value={comments[s.id] ?? ""} onChange={(e) => setComments({ ...comments, [s.id]: e.target.value })} /></td>
              <td className="row">
                <button onClick={() => void decide(s.id, "approve")} disabled={act.busy}>Approve</button>
                <button className="danger" onClick={() => void decide(s.id, "reject")} disabled={act.busy}>Reject</button>
              </td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}
