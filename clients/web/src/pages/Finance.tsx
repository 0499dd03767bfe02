// Finance pages: Payroll (rates, runs with review and finalize, payslips), Expenses (submit with a receipt from a
// phone, approve queue), Invoices (list with states, editor, PDF preview, payment, credit note) and Payouts.
// Employees see only their own payslips, expenses and payouts (the API enforces it; the pages only hide buttons).
import { useState } from "react";
import { api, get, post, qs } from "../api";
import { hm, money } from "../format";
import { toMinor } from "../metrics";
import type {
  ClientPage, ContractOut, ContractPage, ExpenseCategories, ExpenseCategory, ExpensePage, InvoiceOut, InvoicePage, PayLines,
  PayoutPage, PayrollRunPage, PayrollSummary, PayslipPage, UrlOut,
} from "../models";
import { nameOf, usePeople } from "../people";
import { PayOnlineButton } from "./Billing";
import { PayRules } from "./PayRules";
import { isAdmin, isManager, useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

const F = "/finance";
const cur = (c: string) => c.trim();
const tone = (s: string) =>
  ["paid", "approved", "finalized", "released"].includes(s) ? "ok"
    : ["rejected", "void", "failed", "reversed"].includes(s) ? "danger" : ["submitted", "draft", "pending"].includes(s) ? "warn" : "";

async function openPdf(path: string) {
  const { url } = await get<UrlOut>(path);
  window.open(url, "_blank", "noopener");
}

// --- Payroll -------------------------------------------------------------------------------------------------

export function Payroll() {
  const me = useMe();
  const slips = useAsync(() => get<PayslipPage>(`${F}/payslips?limit=50`), []);
  const act = useAction();
  return (
    <>
      {isAdmin(me) && <PayrollAdmin />}
      <section className="panel" aria-label="Payslips">
        <h3>{isAdmin(me) ? "Payslips" : "My payslips"}</h3>
        <ErrorBanner error={slips.error ?? act.error} />
        {slips.loading && !slips.data ? <Loading /> : !slips.data?.items.length ? <Empty>No payslips yet.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Period</th>{isAdmin(me) && <th>Employee</th>}<th>Gross</th><th>Reimbursed</th><th>Total</th><th /></tr></thead>
            <tbody>{slips.data.items.map((p) => (
              <tr key={p.id}>
                <td>{p.period_start} – {p.period_end}</td>{isAdmin(me) && <td>{p.user_name}</td>}
                <td>{money(p.gross_minor, cur(p.currency))}</td><td>{money(p.reimbursed_minor, cur(p.currency))}</td>
                <td><strong>{money(p.total_minor, cur(p.currency))}</strong></td>
                <td><button className="secondary" disabled={!p.pdf_ready || act.busy}
                  onClick={() => void act.run(() => openPdf(`${F}/payslips/${p.id}/pdf`))}>{p.pdf_ready ? "PDF" : "Rendering…"}</button></td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
      </section>
    </>
  );
}

function PayrollAdmin() {
  const people = usePeople();
  const runs = useAsync(() => get<PayrollRunPage>(`${F}/payroll/runs?limit=20`), []);
  const [open, setOpen] = useState<string | null>(null);
  const [day, setDay] = useState(new Date().toISOString().slice(0, 10));
  const [rate, setRate] = useState({ user_id: "", kind: "hourly", amount: "", effective_from: day });
  const act = useAction();
  return (
    <div className="grid2" style={{ marginBottom: 16 }}>
      <section className="panel" aria-label="Payroll runs">
        <h3>Payroll runs</h3>
        <ErrorBanner error={runs.error ?? act.error} />
        <form className="row" onSubmit={(e) => { e.preventDefault(); void act.run(async () => { await post(`${F}/payroll/runs`, { date: day }); runs.reload(); }); }}>
          <Field label="Period containing"><input type="date" value={day} onChange={(e) => setDay(e.target.value)} /></Field>
          <button disabled={act.busy}>New run</button>
        </form>
        {!runs.data?.items.length ? <Empty>No runs yet.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Period</th><th>Status</th><th>Total</th><th /></tr></thead>
            <tbody>{runs.data.items.map((r) => (
              <tr key={r.id}>
                <td><a href="#/payroll" onClick={() => setOpen(r.id)}>{r.period_start} – {r.period_end}</a></td>
                <td><span className={`badge ${tone(r.status)}`}>{r.status}</span></td>
                <td>{money(r.total_minor, cur(r.currency))}</td>
                <td className="row">
                  {r.status !== "finalized" && <button className="secondary" disabled={act.busy} onClick={() => void act.run(async () => { await post(`${F}/payroll/runs/${r.id}/compute`); runs.reload(); setOpen(r.id); })}>Compute</button>}
                  {r.status === "computed" && <button className="secondary" disabled={act.busy} onClick={() => void act.run(async () => { await post(`${F}/payroll/runs/${r.id}/review`); runs.reload(); })}>Reviewed</button>}
                  {r.status === "reviewed" && <button disabled={act.busy} onClick={() => void act.run(async () => { await post(`${F}/payroll/runs/${r.id}/finalize`); runs.reload(); })}>Finalize</button>}
                </td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
        {open && <RunDetail id={open} />}
      </section>
      <section className="panel" aria-label="Wage rates">
        <h3>Wage rates</h3>
        <form onSubmit={(e) => { e.preventDefault(); void act.run(async () => { await post(`${F}/rates`, rate); setRate({ ...rate, amount: "" }); }); }}>
          <Field label="Employee"><select value={rate.user_id} onChange={(e) => setRate({ ...rate, user_id: e.target.value })} required>
            <option value="">Choose…</option>{(people.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select></Field>
          <Field label="Kind"><select value={rate.kind} onChange={(e) => setRate({ ...rate, kind: e.target.value })}>
            <option value="hourly">Hourly (per hour)</option><option value="salaried">Salaried (per year)</option></select></Field>
          <Field label="Amount"><input inputMode="decimal" value={rate.amount} onChange={(e) => setRate({ ...rate, amount: e.target.value })} required /></Field>
          <Field label="Effective from"><input type="date" value={rate.effective_from} onChange={(e) => setRate({ ...rate, effective_from: e.target.value })} /></Field>
          <button disabled={act.busy}>Add rate</button>
        </form>
      </section>
      <PayRules />
    </div>
  );
}

function RunDetail({ id }: { id: string }) {
  const s = useAsync(() => get<PayrollSummary>(`${F}/payroll/runs/${id}`), [id]);
  const lines = useAsync(() => get<PayLines>(`${F}/payroll/runs/${id}/lines`), [id]);
  if (!s.data) return <Loading />;
  const c = cur(s.data.run.currency);
  return (
    <div aria-label="Run summary" style={{ marginTop: 12 }}>
      <h4>Summary {s.data.run.period_start} – {s.data.run.period_end} · <a href={`/function${F}/payroll/runs/${id}/export.csv`}>CSV</a></h4>
      <div className="table-wrap"><table>
        <thead><tr><th>Employee</th><th>Hours</th><th>Gross</th><th>Reimbursed</th><th>Total</th></tr></thead>
        <tbody>{s.data.employees.map((e) => (
          <tr key={e.user_id}><td>{e.name}</td><td>{hm(e.seconds)}</td><td>{money(e.gross_minor, c)}</td>
            <td>{money(e.reimbursed_minor, c)}</td><td><strong>{money(e.total_minor, c)}</strong></td></tr>
        ))}</tbody>
      </table></div>
      <details><summary>{lines.data?.items.length ?? 0} lines</summary>
        <ul>{lines.data?.items.map((l) => <li key={l.id}>{l.description} — {money(l.amount_minor, c)}</li>)}</ul>
      </details>
    </div>
  );
}

// --- Expenses ------------------------------------------------------------------------------------------------

export function Expenses() {
  const me = useMe();
  const cats = useAsync(() => get<ExpenseCategories>(`${F}/expense-categories`), []);
  const mine = useAsync(() => get<ExpensePage>(`${F}/expenses${qs({ user_id: me.user.id, limit: 50 })}`), []);
  const act = useAction();
  return (
    <>
      <ExpenseForm categories={cats.data?.items ?? []} currency={me.company.currency} onDone={mine.reload} />
      <section className="panel" aria-label="My expenses">
        <h3>My expenses</h3>
        <ErrorBanner error={mine.error ?? act.error} />
        {!mine.data?.items.length ? <Empty>No expenses yet.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Date</th><th>Category</th><th>Amount</th><th>Status</th><th /></tr></thead>
            <tbody>{mine.data.items.map((x) => (
              <tr key={x.id}><td>{x.spent_on}</td><td>{x.category}{x.billable && <span className="muted"> (billable)</span>}</td>
                <td>{money(x.amount_minor, cur(x.currency))}</td>
                <td><span className={`badge ${tone(x.status)}`}>{x.status}</span>{x.reason && <div className="muted">“{x.reason}”</div>}</td>
                <td>{x.has_receipt && <button className="secondary" onClick={() => void act.run(() => openPdf(`${F}/expenses/${x.id}/receipt`))}>Receipt</button>}</td></tr>
            ))}</tbody>
          </table></div>
        )}
      </section>
      {isManager(me) && <ExpenseQueue />}
    </>
  );
}

function ExpenseForm({ categories, currency, onDone }: { categories: ExpenseCategory[]; currency: string; onDone: () => void }) {
  const blank = { spent_on: new Date().toISOString().slice(0, 10), amount: "", currency: cur(currency), category_id: "", note: "" };
  const [f, setF] = useState(blank);
  const [file, setFile] = useState<File | null>(null);
  const act = useAction();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      const form = new FormData();
      form.set("spent_on", f.spent_on);
      form.set("amount_minor", String(Math.round(Number(f.amount.replace(",", ".")) * 100)));
      form.set("currency", f.currency);
      form.set("category_id", f.category_id);
      if (f.note) form.set("note", f.note);
      if (file) form.set("receipt", file);
      await api("POST", `${F}/expenses`, { form });
      setF(blank); setFile(null); onDone();
    });
  };
  return (
    <section className="panel" aria-label="New expense" style={{ marginBottom: 16 }}>
      <h3>New expense</h3>
      <ErrorBanner error={act.error} />
      <form onSubmit={submit}>
        <Field label="Date"><input type="date" value={f.spent_on} onChange={(e) => setF({ ...f, spent_on: e.target.value })} required /></Field>
        <Field label="Amount"><input inputMode="decimal" placeholder="12.50" value={f.amount} onChange={(e) => setF({ ...f, amount: e.target.value })} required /></Field>
        <Field label="Category"><select value={f.category_id} onChange={(e) => setF({ ...f, category_id: e.target.value })} required>
          <option value="">Choose…</option>{categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select></Field>
        <Field label="Note"><input value={f.note} onChange={(e) => setF({ ...f, note: e.target.value })} /></Field>
        <Field label="Receipt (photo or PDF)"><input type="file" accept="image/*,application/pdf" capture="environment"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></Field>
        <button disabled={act.busy}>Submit expense</button>
      </form>
    </section>
  );
}

function ExpenseQueue() {
  const queue = useAsync(() => get<ExpensePage>(`${F}/expenses?status=submitted&limit=100`), []);
  const act = useAction();
  const me = useMe();
  const decide = (id: string, action: string) => void act.run(async () => {
    const reason = action === "rejected" ? window.prompt("Reason for rejecting") ?? "" : undefined;
    await post(`${F}/expenses/${id}/decision`, { action, reason });
    queue.reload();
  });
  const items = queue.data?.items.filter((x) => x.user_id !== me.user.id) ?? [];
  return (
    <section className="panel" aria-label="Expenses to approve">
      <h3>Expenses to approve</h3>
      <ErrorBanner error={queue.error ?? act.error} />
      {!items.length ? <Empty>Nothing waiting.</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr><th>Employee</th><th>Date</th><th>Category</th><th>Amount</th><th /></tr></thead>
          <tbody>{items.map((x) => (
            <tr key={x.id}><td>{x.user_name}</td><td>{x.spent_on}</td><td>{x.category}</td>
              <td>{money(x.amount_minor, cur(x.currency))}</td>
              <td className="row"><button disabled={act.busy} onClick={() => decide(x.id, "approved")}>Approve</button>
                <button className="secondary" disabled={act.busy} onClick={() => decide(x.id, "rejected")}>Reject</button></td></tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}

// --- Invoices ------------------------------------------------------------------------------------------------

export function Invoices() {
  const list = useAsync(() => get<InvoicePage>(`${F}/invoices?limit=100`), []);
  const clients = useAsync(() => get<ClientPage>("/projects/clients?limit=200"), []);
  const [open, setOpen] = useState<string | null>(null);
  const [f, setF] = useState({ client_id: "", period_start: "", period_end: "", tax_rate: "", grouping: "project" });
  const act = useAction();
  const create = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      const out = await post<InvoiceOut>(`${F}/invoices`, { ...f, tax_rate: f.tax_rate || undefined, period_start: f.period_start || undefined, period_end: f.period_end || undefined });
      list.reload(); setOpen(out.invoice.id);
    });
  };
  return (
    <div className="grid2">
      <section className="panel" aria-label="Invoices">
        <h3>Invoices</h3>
        <ErrorBanner error={list.error ?? act.error} />
        <form onSubmit={create}>
          <Field label="Client"><select value={f.client_id} onChange={(e) => setF({ ...f, client_id: e.target.value })} required>
            <option value="">Choose…</option>{clients.data?.items.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select></Field>
          <div className="row">
            <Field label="From"><input type="date" value={f.period_start} onChange={(e) => setF({ ...f, period_start: e.target.value })} /></Field>
            <Field label="To"><input type="date" value={f.period_end} onChange={(e) => setF({ ...f, period_end: e.target.value })} /></Field>
            <Field label="Tax %"><input inputMode="decimal" value={f.tax_rate} onChange={(e) => setF({ ...f, tax_rate: e.target.value })} /></Field>
            <Field label="Group by"><select value={f.grouping} onChange={(e) => setF({ ...f, grouping: e.target.value })}>
              {["project", "task", "person", "entry"].map((g) => <option key={g}>{g}</option>)}</select></Field>
          </div>
          <button disabled={act.busy}>New draft from approved billable time</button>
        </form>
        {!list.data?.items.length ? <Empty>No invoices yet.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Number</th><th>Client</th><th>Status</th><th>Total</th><th>Due</th></tr></thead>
            <tbody>{list.data.items.map((i) => (
              <tr key={i.id} onClick={() => setOpen(i.id)} style={{ cursor: "pointer" }}>
                <td>{i.number ?? "Draft"}{i.kind === "credit_note" && <span className="muted"> (credit)</span>}</td>
                <td>{clients.data?.items.find((c) => c.id === i.client_id)?.name ?? "—"}</td>
                <td><span className={`badge ${tone(i.status)}`}>{i.status.replace("_", " ")}</span>{i.overdue && <span className="badge danger">overdue</span>}</td>
                <td>{money(i.total_minor, cur(i.currency))}</td><td>{i.due_date ?? "—"}</td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
      </section>
      {open && <InvoiceEditor id={open} onChange={list.reload} onOpen={setOpen} />}
    </div>
  );
}

function InvoiceEditor({ id, onChange, onOpen }: { id: string; onChange: () => void; onOpen: (id: string) => void }) {
  const inv = useAsync(() => get<InvoiceOut>(`${F}/invoices/${id}`), [id]);
  const [line, setLine] = useState({ description: "", quantity: "1", unit_price: "" });
  const [pay, setPay] = useState({ amount: "", reference: "" });
  const [preview, setPreview] = useState<string | null>(null);
  const act = useAction();
  if (!inv.data) return <Loading />;
  const i = inv.data.invoice;
  const c = cur(i.currency);
  const done = (next?: string) => { inv.reload(); onChange(); if (next) onOpen(next); };
  const call = (path: string, body?: unknown) => void act.run(async () => { const out = await post<InvoiceOut>(`${F}/invoices/${id}${path}`, body); done(out.invoice?.id !== id ? out.invoice?.id : undefined); });
  return (
    <section className="panel" aria-label="Invoice">
      <h3>{i.kind === "credit_note" ? "Credit note" : "Invoice"} {i.number ?? "(draft)"} <span className={`badge ${tone(i.status)}`}>{i.status.replace("_", " ")}</span></h3>
      <ErrorBanner error={inv.error ?? act.error} />
      <div className="table-wrap"><table>
        <thead><tr><th>Description</th><th>Qty</th><th>Price</th><th>Amount</th></tr></thead>
        <tbody>{inv.data.lines.map((l) => (
          <tr key={l.id}><td>{l.description}</td><td>{l.kind === "tax" ? "" : Number(l.quantity)}</td>
            <td>{l.kind === "tax" ? "" : l.unit_price}</td><td>{money(l.amount_minor, c)}</td></tr>
        ))}</tbody>
        <tfoot><tr><th colSpan={3}>Total</th><th>{money(i.total_minor, c)}</th></tr>
          {i.paid_minor !== 0 && <tr><td colSpan={3}>Paid</td><td>{money(i.paid_minor, c)}</td></tr>}</tfoot>
      </table></div>
      {i.status === "draft" && (
        <form className="row" onSubmit={(e) => { e.preventDefault(); call("/lines", line); setLine({ ...line, description: "", unit_price: "" }); }}>
          <input placeholder="Description" value={line.description} onChange={(e) => setLine({ ...line, description: e.target.value })} required />
          <input inputMode="decimal" placeholder="Qty" value={line.quantity} onChange={(e) => setLine({ ...line, quantity: e.target.value })} />
          <input inputMode="decimal" placeholder="Unit price" value={line.unit_price} onChange={(e) => setLine({ ...line, unit_price: e.target.value })} required />
          <button className="secondary">Add line</button>
        </form>
      )}
      <div className="row" style={{ marginTop: 8 }}>
        {i.status === "draft" && <button disabled={act.busy} onClick={() => call("/issue")}>Issue</button>}
        {i.status !== "draft" && <button className="secondary" disabled={!i.pdf_ready} onClick={() => void act.run(async () => setPreview((await get<UrlOut>(`${F}/invoices/${id}/pdf`)).url))}>Preview PDF</button>}
        {["issued", "sent", "partially_paid"].includes(i.status) && <button className="secondary" disabled={act.busy} onClick={() => call("/send", {})}>Email to client</button>}
        {["issued", "sent"].includes(i.status) && i.paid_minor === 0 && <button className="secondary" disabled={act.busy} onClick={() => call("/void")}>Void</button>}
        {i.kind === "invoice" && !["draft", "void"].includes(i.status) && <button className="secondary" disabled={act.busy} onClick={() => call("/credit-note", {})}>Credit note</button>}
        {i.kind === "invoice" && <PayOnlineButton invoiceId={id} status={i.status} />}
      </div>
      {["issued", "sent", "partially_paid"].includes(i.status) && i.kind === "invoice" && (
        <form className="row" style={{ marginTop: 8 }} onSubmit={(e) => { e.preventDefault(); void act.run(async () => {
          await post(`${F}/invoices/${id}/payments`, { amount_minor: Math.round(Number(pay.amount) * 100), currency: c, method: "bank", reference: pay.reference });
          setPay({ amount: "", reference: "" }); done(); }); }}>
          <input inputMode="decimal" placeholder="Amount" value={pay.amount} onChange={(e) => setPay({ ...pay, amount: e.target.value })} required />
          <input placeholder="Reference" value={pay.reference} onChange={(e) => setPay({ ...pay, reference: e.target.value })} required />
          <button>Record payment</button>
        </form>
      )}
      {preview && <iframe title="Invoice PDF" src={preview} style={{ width: "100%", height: 480, border: 0, marginTop: 8 }} />}
    </section>
  );
}

// --- Payouts -------------------------------------------------------------------------------------------------

export function Payouts() {
  const me = useMe();
  const people = usePeople();
  const contracts = useAsync(() => get<ContractPage>(`${F}/contracts?limit=100`), []);
  const payouts = useAsync(() => get<PayoutPage>(`${F}/payouts?limit=100`), []);
  const [open, setOpen] = useState<string | null>(null);
  const act = useAction();
  const settle = (id: string, state: "paid" | "failed") => void act.run(async () => {
    const reference = state === "paid" ? window.prompt("Payment reference (optional)") : null;
    await post(`${F}/payouts/${id}/state`, { state, reference: reference || null });
    payouts.reload();
  });
  return (
    <div className="grid2">
      <section className="panel" aria-label="Contracts">
        <h3>{isAdmin(me) ? "Contracts" : "My contracts"}</h3>
        <ErrorBanner error={contracts.error} />
        {isAdmin(me) && <NewContract onCreated={(id) => { contracts.reload(); setOpen(id); }} />}
        {!contracts.data?.items.length ? <Empty>{isAdmin(me) ? "No contracts yet: add one above for a contractor or freelancer." : "No contracts."}</Empty> : (
          <ul>{contracts.data.items.map((c) => (
            <li key={c.id}><a href="#/payouts" onClick={() => setOpen(c.id)}>{c.title}</a> — {nameOf(people.data, c.user_id)} ({c.kind})</li>
          ))}</ul>
        )}
        {open && <ContractDetail key={open} id={open} onChanged={payouts.reload} />}
      </section>
      <section className="panel" aria-label="Payouts">
        <h3>{isAdmin(me) ? "Payouts" : "My payouts"}</h3>
        <ErrorBanner error={payouts.error ?? act.error} />
        {!payouts.data?.items.length ? <Empty>No payouts.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>To</th><th>Amount</th><th>Method</th><th>State</th><th>Stripe transfer</th>{isAdmin(me) && <th />}</tr></thead>
            <tbody>{payouts.data.items.map((p) => (
              <tr key={p.id}><td>{nameOf(people.data, p.user_id)}</td><td>{money(p.amount_minor, cur(p.currency))}</td><td>{p.method}</td>
                <td><span className={`badge ${tone(p.state)}`}>{p.state}</span>
                  {p.reversed_minor > 0 && p.state !== "reversed" && <> ({money(p.reversed_minor, cur(p.currency))} reversed)</>}</td>
                <td>{p.stripe_transfer_id ? <code>{p.stripe_transfer_id}</code> : "—"}</td>
                {isAdmin(me) && <td className="row">{p.state === "pending" && <>
                  <button onClick={() => settle(p.id, "paid")}>Mark paid</button>
                  <button className="secondary" onClick={() => settle(p.id, "failed")}>Failed</button>
                </>}</td>}</tr>
            ))}</tbody>
          </table></div>
        )}
      </section>
    </div>
  );
}

/** A new contract for a contractor: milestones (escrow per milestone) or hourly with an optional weekly cap. */
function NewContract({ onCreated }: { onCreated: (id: string) => void }) {
  const people = usePeople();
  const me = useMe();
  const [f, setF] = useState({ user_id: "", title: "", kind: "milestone", hourly_rate: "", weekly_cap_hours: "", currency: "" });
  const act = useAction();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const create = () => void act.run(async () => {
    const hourly = f.kind === "hourly";
    const out = await post<ContractOut>(`${F}/contracts`, {
      user_id: f.user_id, title: f.title, kind: f.kind, currency: (f.currency || me.company.currency || "USD").toUpperCase(),
      hourly_rate: hourly ? f.hourly_rate || null : null, weekly_cap_hours: hourly ? f.weekly_cap_hours || null : null,
    });
    setF({ ...f, title: "", hourly_rate: "", weekly_cap_hours: "" });
    onCreated(out.contract.id);
  });
  return (
    <details><summary>New contract</summary>
      <ErrorBanner error={act.error} />
      <form className="row" aria-label="New contract" onSubmit={(e) => { e.preventDefault(); create(); }}>
        <Field label="Contractor">
          <select required value={f.user_id} onChange={set("user_id")}>
            <option value="">Choose…</option>
            {(people.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
        <Field label="Title"><input required maxLength={200} value={f.title} onChange={set("title")} placeholder="e.g. Logo redesign" /></Field>
        <Field label="Kind">
          <select value={f.kind} onChange={set("kind")}><option value="milestone">Milestones</option><option value="hourly">Hourly</option></select>
        </Field>
        <Field label="Currency"><input value={f.currency} onChange={set("currency")} placeholder={me.company.currency || "USD"} maxLength={3} size={4} /></Field>
        {f.kind === "hourly" && <>
          <Field label="Hourly rate"><input required inputMode="decimal" value={f.hourly_rate} onChange={set("hourly_rate")} placeholder="45.00" /></Field>
          <Field label="Weekly cap (h)"><input inputMode="decimal" value={f.weekly_cap_hours} onChange={set("weekly_cap_hours")} placeholder="none" /></Field>
        </>}
        <button disabled={act.busy}>Create</button>
      </form>
    </details>
  );
}

/** Add a milestone to a contract: its amount is what escrow is funded with and released from. */
function NewMilestone({ contractId, onAdded }: { contractId: string; onAdded: () => void }) {
  const [title, setTitle] = useState("");
  const [amount, setAmount] = useState("");
  const act = useAction();
  const add = () => void act.run(async () => {
    await post(`${F}/contracts/${contractId}/milestones`, { title, amount_minor: toMinor(amount) });
    setTitle(""); setAmount(""); onAdded();
  });
  return (
    <>
      <ErrorBanner error={act.error} />
      <form className="row" aria-label="New milestone" onSubmit={(e) => { e.preventDefault(); add(); }}>
        <Field label="Milestone"><input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. First draft" /></Field>
        <Field label="Amount"><input required inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="500.00" /></Field>
        <button disabled={act.busy}>Add milestone</button>
      </form>
    </>
  );
}

function ContractDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const me = useMe();
  const c = useAsync(() => get<ContractOut>(`${F}/contracts/${id}`), [id]);
  const act = useAction();
  if (!c.data) return <Loading />;
  const k = cur(c.data.contract.currency);
  const step = (m: string, action: string) => void act.run(async () => {
    if (action === "refund" && !window.confirm("Refund what is held in escrow for this milestone?")) return;
    await post(`${F}/milestones/${m}/${action}`, {});
    c.reload();
    onChanged();
  });
  return (
    <div style={{ marginTop: 12 }}>
      <ErrorBanner error={act.error} />
      {isAdmin(me) ? <ConnectAccount key={id} id={id} current={c.data.contract.stripe_account_id} onSaved={c.reload} />
        : c.data.contract.stripe_account_id && <p className="muted">Paid to Stripe account <code>{c.data.contract.stripe_account_id}</code></p>}
      <div className="table-wrap"><table>
        <thead><tr><th>Milestone</th><th>Amount</th><th>Funded</th><th>Released</th><th>Status</th><th /></tr></thead>
        <tbody>{c.data.milestones.map((m) => (
          <tr key={m.id}><td>{m.title}</td><td>{money(m.amount_minor, k)}</td><td>{money(m.funded_minor, k)}</td><td>{money(m.released_minor, k)}</td>
            <td><span className={`badge ${tone(m.status)}`}>{m.status.replace("_", " ")}</span></td>
            <td className="row">{isAdmin(me) && <>
              {m.funded_minor < m.amount_minor && <button className="secondary" onClick={() => step(m.id, "fund")}>Fund</button>}
              {m.funded_minor > m.released_minor + m.refunded_minor && <>
                <button onClick={() => step(m.id, "release")}>Release</button>
                <button className="secondary" onClick={() => step(m.id, "refund")}>Refund</button>
              </>}
            </>}</td></tr>
        ))}</tbody>
      </table></div>
      {isAdmin(me) && c.data.contract.kind === "milestone" && <NewMilestone contractId={id} onAdded={c.reload} />}
      <details><summary>Audit trail ({c.data.trail.length})</summary>
        <ul>{c.data.trail.map((t) => <li key={t.id}>{t.created_at.slice(0, 16).replace("T", " ")} {t.action}{t.amount_minor !== null && ` ${money(t.amount_minor, k)}`}</li>)}</ul>
      </details>
    </div>
  );
}

/** The contractor's Stripe connected account: releases are transferred to it when the company has Stripe (Billing). */
function ConnectAccount({ id, current, onSaved }: { id: string; current: string | null; onSaved: () => void }) {
  const [value, setValue] = useState(current ?? "");
  const act = useAction();
  const save = (account_id: string | null) => void act.run(async () => {
    await api<ContractOut>("PUT", `${F}/contracts/${id}/connect-account`, { body: { account_id } });
    setValue(account_id ?? "");
    onSaved();
  });
  return (
    <>
    <ErrorBanner error={act.error} />
    <form className="row" aria-label="Stripe connected account" onSubmit={(e) => { e.preventDefault(); save(value.trim() || null); }}>
      <Field label="Stripe connected account (releases are transferred to it)">
        <input value={value} placeholder="acct_…" pattern="acct_[A-Za-z0-9]{6,250}" onChange={(e) => setValue(e.target.value)} />
      </Field>
      <button disabled={act.busy}>Save</button>
      {current && <button type="button" className="secondary" disabled={act.busy} onClick={() => save(null)}>Clear</button>}
    </form>
    </>
  );
}
