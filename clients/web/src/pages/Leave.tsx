// Leave: my balances and requests with a new-request form (working days previewed), the manager's approval
// queue (approve / reject with a comment) and, for admins, the company's leave types.
import { useState } from "react";
import { get, post, qs } from "../api";
import { decimal, localDate } from "../format";
import { leaveDays } from "../metrics";
import type { LeaveBalances, LeaveRequest, LeaveRequestPage, LeaveType, LeaveTypePage } from "../models";
import { nameOf, usePeople } from "../people";
import { isAdmin, isManager, useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

const tone = (s: string) => (s === "approved" ? "ok" : s === "rejected" ? "danger" : s === "pending" ? "warn" : "");
const span = (r: LeaveRequest) => `${r.start_date}${r.start_half ? " (½)" : ""}${r.end_date !== r.start_date ? ` – ${r.end_date}${r.end_half ? " (½)" : ""}` : ""}`;

export function Leave() {
  const me = useMe();
  const types = useAsync(() => get<LeaveTypePage>("/attendance/leave/types?limit=200"), []);
  const balances = useAsync(() => get<LeaveBalances>("/attendance/leave/balances"), []);
  const mine = useAsync(() => get<LeaveRequestPage>(`/attendance/leave/requests${qs({ user_id: me.user.id, limit: 50 })}`), []);
  const act = useAction();
  const refresh = () => { mine.reload(); balances.reload(); };
  const typeName = (id: string) => types.data?.items.find((t) => t.id === id)?.name ?? "Leave";
  return (
    <>
      <div className="grid2" style={{ marginBottom: 16 }}>
        <section className="panel" aria-label="Leave balances">
          <h3>Leave balances ({new Date().getFullYear()})</h3>
          <ErrorBanner error={balances.error} />
          {balances.loading && !balances.data ? <Loading /> : !balances.data?.balances.length ? (
            <Empty>{isAdmin(me) ? "No leave types yet. Add one below." : "Your company has not set up leave types yet."}</Empty>
          ) : (
            <div className="table-wrap"><table>
              <thead><tr><th>Type</th><th>Allowance</th><th>Used</th><th>Pending</th><th>Left</th></tr></thead>
              <tbody>{balances.data.balances.map((b) => (
                <tr key={b.leave_type_id}>
                  <td>{b.name}{!b.paid && <span className="muted"> (unpaid)</span>}</td>
                  <td>{decimal(b.allowance_days, "∞")}</td><td>{decimal(b.used_days)}</td><td>{decimal(b.pending_days)}</td>
                  <td><strong>{decimal(b.remaining_days)}</strong></td>
                </tr>
              ))}</tbody>
            </table></div>
          )}
        </section>
        <RequestForm types={(types.data?.items ?? []).filter((t) => !t.archived)} onDone={refresh} />
      </div>
      <section className="panel" aria-label="My leave requests">
        <h3>My leave requests</h3>
        <ErrorBanner error={mine.error ?? act.error} />
        {mine.loading && !mine.data ? <Loading /> : !mine.data?.items.length ? <Empty>No leave requested yet. Request days off with the form on this page.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Type</th><th>Dates</th><th>Days</th><th>Status</th><th /></tr></thead>
            <tbody>{mine.data.items.map((r) => (
              <tr key={r.id}>
                <td>{typeName(r.leave_type_id)}</td><td>{span(r)}</td><td>{decimal(r.days)}</td>
                <td><span className={`badge ${tone(r.status)}`}>{r.status}</span>
                  {r.decision_comment && <div className="muted" style={{ fontSize: 13 }}>“{r.decision_comment}”</div>}</td>
                <td>{(r.status === "pending" || (r.status === "approved" && r.start_date > localDate(new Date(), me.user.timezone))) && (
                  <button className="secondary" disabled={act.busy} onClick={() => void act.run(async () => { await post(`/attendance/leave/requests/${r.id}/cancel`, {}); refresh(); })}>Cancel</button>
                )}</td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
      </section>
      {isManager(me) && <Approvals typeName={typeName} />}
      {isAdmin(me) && <LeaveTypes types={types} />}
    </>
  );
}

function RequestForm({ types, onDone }: { types: LeaveType[]; onDone: () => void }) {
  const me = useMe();
  const today = localDate(new Date(), me.user.timezone);
  const blank = { leave_type_id: "", start_date: today, end_date: today, start_half: false, end_half: false, reason: "" };
  const [f, setF] = useState(blank);
  const [sent, setSent] = useState(false);
  const act = useAction();
  const single = f.start_date === f.end_date;
  const days = leaveDays(f.start_date, f.end_date, f.start_half, single ? false : f.end_half);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSent(false);
    void act.run(async () => {
      await post("/attendance/leave/requests", { ...f, end_half: single ? false : f.end_half, reason: f.reason || null,
        leave_type_id: f.leave_type_id || types[0]?.id });
      setF({ ...blank, leave_type_id: f.leave_type_id });
      setSent(true);
      onDone();
    });
  };
  return (
    <form className="panel" onSubmit={submit} aria-label="Request leave">
      <h3>Request leave</h3>
      {!types.length ? <Empty>No leave types to request yet. {isAdmin(me) ? "Add one under Leave types on this tab." : "Ask an admin to set them up."}</Empty> : (
        <>
          <div className="row">
            <Field label="Type"><select value={f.leave_type_id || types[0].id} onChange={(e) => setF({ ...f, leave_type_id: e.target.value })}>
              {types.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select></Field>
            <Field label="First day"><input type="date" value={f.start_date} required
              onChange={(e) => setF({ ...f, start_date: e.target.value, end_date: e.target.value > f.end_date ? e.target.value : f.end_date })} /></Field>
            <Field label="Last day"><input type="date" value={f.end_date} min={f.start_date} required onChange={(e) => setF({ ...f, end_date: e.target.value })} /></Field>
          </div>
          <div className="row">
            <label className="check"><input type="checkbox" checked={f.start_half} onChange={(e) => setF({ ...f, start_half: e.target.checked })} />
              {single ? "Half day only" : "First day is a half day"}</label>
            {!single && <label className="check"><input type="checkbox" checked={f.end_half} onChange={(e) => setF({ ...f, end_half: e.target.checked })} /> Last day is a half day</label>}
          </div>
          <Field label="Reason (optional)"><input value={f.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} maxLength={2000} /></Field>
          <div className="row" style={{ alignItems: "center" }}>
            <button type="submit" disabled={act.busy || days === 0}>Request {days} working day{days === 1 ? "" : "s"}</button>
            {sent && !act.error && <span className="ok-text" role="status">Sent to your manager.</span>}
          </div>
          {days === 0 && <p className="muted">The dates cover no working day (Monday to Friday).</p>}
        </>
      )}
      <ErrorBanner error={act.error} />
    </form>
  );
}

function Approvals({ typeName }: { typeName: (id: string) => string }) {
  const me = useMe();
  const queue = useAsync(() => get<LeaveRequestPage>("/attendance/leave/requests?status=pending&limit=200"), []);
  const people = usePeople();
  const [comments, setComments] = useState<Record<string, string>>({});
  const act = useAction();
  const items = (queue.data?.items ?? []).filter((r) => r.user_id !== me.user.id);
  const decide = (r: LeaveRequest, action: "approve" | "reject") => act.run(async () => {
    await post(`/attendance/leave/requests/${r.id}/${action}`, { comment: comments[r.id] || null });
    queue.reload();
  });
  return (
    <section className="panel" aria-label="Leave approvals">
      <h3>Leave waiting for approval</h3>
      <ErrorBanner error={queue.error ?? act.error} />
      {queue.loading && !queue.data ? <Loading /> : !items.length ? <Empty>No leave to approve.</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr><th>Employee</th><th>Type</th><th>Dates</th><th>Days</th><th>Reason</th><th>Comment</th><th /></tr></thead>
          <tbody>{items.map((r) => (
            <tr key={r.id}>
              <td>{nameOf(people.data, r.user_id)}</td><td>{typeName(r.leave_type_id)}</td><td>{span(r)}</td><td>{decimal(r.days)}</td>
              <td>{r.reason ?? <span className="muted">—</span>}</td>
              <td><input aria-label={`Comment for ${nameOf(people.data, r.user_id)}`} value={comments[r.id] ?? ""}
                onChange={(e) => setComments({ ...comments, [r.id]: e.target.value })} /></td>
              <td className="row">
                <button disabled={act.busy} onClick={() => void decide(r, "approve")}>Approve</button>
                <button className="danger" disabled={act.busy} onClick={() => void decide(r, "reject")}>Reject</button>
              </td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}

function LeaveTypes({ types }: { types: { data: LeaveTypePage | null; reload: () => void } }) {
  const [f, setF] = useState({ name: "", paid: true, allowance: "" });
  const act = useAction();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      await post("/attendance/leave/types", { name: f.name, paid: f.paid, allowance_days: f.allowance === "" ? null : Number(f.allowance) });
      setF({ name: "", paid: true, allowance: "" });
      types.reload();
    });
  };
  return (
    <form className="panel" onSubmit={submit} aria-label="Leave types">
      <h3>Leave types</h3>
      <p className="muted">{types.data?.items.length ? types.data.items.map((t) => `${t.name} (${decimal(t.allowance_days, "no limit")}${t.paid ? "" : ", unpaid"})`).join(" · ") : "None yet."}</p>
      <div className="row">
        <Field label="New type"><input name="leave-type" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required placeholder="Vacation" /></Field>
        <Field label="Days per year (blank: no limit)"><input type="number" min="0" max="366" step="0.5" value={f.allowance} onChange={(e) => setF({ ...f, allowance: e.target.value })} /></Field>
        <label className="check"><input type="checkbox" checked={f.paid} onChange={(e) => setF({ ...f, paid: e.target.checked })} /> Paid</label>
        <button type="submit" disabled={act.busy} style={{ marginBottom: 12 }}>Add type</button>
      </div>
      <ErrorBanner error={act.error} />
    </form>
  );
}
