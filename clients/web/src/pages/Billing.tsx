// Billing (admins): the plan, seats, status and trial end; upgrade through Stripe Checkout, manage payment methods
// and cancellation in the Stripe Customer Portal, and the Stripe invoices with their hosted links.
import { useState } from "react";
import { api, del, get, post, qs } from "../api";
import { localDate, localDateTime, money } from "../format";
import type { BillingOverview, CompanyStripeOut, PayLinkOut, RedirectOut, StripeInvoicePage } from "../models";
import { useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";

const STATUS: Record<string, string> = {
  trialing: "Trial", active: "Active", past_due: "Payment failed", unpaid: "Unpaid", canceled: "Canceled",
  incomplete: "Incomplete", incomplete_expired: "Expired", paused: "Paused",
};

export function Billing() {
  const me = useMe();
  const tz = me.user.timezone;
  const info = useAsync(() => get<BillingOverview>("/billing/"), []);
  const act = useAction();
  const b = info.data;
  const go = (path: string, body: unknown = {}) =>
    void act.run(async () => { window.location.assign((await post<RedirectOut>(path, body)).url); });
  if (info.loading) return <Loading />;
  if (!b) return <ErrorBanner error={info.error} />;
  if (!b.enabled) return <><section className="panel"><p>{b.message}</p></section><CompanyStripe /></>;
  return (
    <>
      <ErrorBanner error={act.error} />
      {b.reason && <div className={b.access === "read_only" ? "error" : "notice"} role="status">{b.reason}</div>}
      <section className="panel" aria-label="Subscription">
        <div className="table-wrap"><table><tbody>
          <tr><th>Plan</th><td>{b.plan_name ? `${b.plan_name} (${b.interval === "year" ? "yearly" : "monthly"}, per seat)` : "No plan yet"}</td></tr>
          <tr><th>Status</th><td>{STATUS[b.status ?? ""] ?? b.status}{b.cancel_at_period_end ? " · ends at the period's end" : ""}</td></tr>
          <tr><th>Seats</th><td>{b.subscribed ? `${b.seats} billed · ` : ""}{b.active_members} active {b.active_members === 1 ? "member" : "members"}</td></tr>
          {b.status === "trialing" && b.trial_end && <tr><th>Trial ends</th><td>{localDate(b.trial_end, tz)}</td></tr>}
          {b.current_period_end && <tr><th>Renews</th><td>{localDate(b.current_period_end, tz)}</td></tr>}
          {b.grace_until && <tr><th>Grace until</th><td>{localDateTime(b.grace_until, tz)}</td></tr>}
        </tbody></table></div>
        {b.subscribed
          ? <button disabled={act.busy} onClick={() => go("/billing/portal")}>Manage billing</button>
          : <Upgrade plans={b.plans ?? []} busy={act.busy} onChoose={(plan, interval) => go("/billing/checkout", { plan, interval })} />}
      </section>
      <Invoices />
      <CompanyStripe />
    </>
  );
}

/** The company's OWN Stripe account, for client invoices paid online: the key is write-only (last 4 shown). */
function CompanyStripe() {
  const info = useAsync(() => get<CompanyStripeOut>("/billing/stripe-account"), []);
  const act = useAction();
  const [key, setKey] = useState("");
  const [hook, setHook] = useState("");
  const s = info.data;
  const save = () => void act.run(async () => {
    await api<CompanyStripeOut>("PUT", "/billing/stripe-account", { body: { secret_key: key, webhook_secret: hook || null } });
    setKey(""); setHook(""); info.reload();
  });
  const forget = () => void act.run(async () => { await del("/billing/stripe-account"); info.reload(); });
  return (
    <section className="panel" aria-label="Client payments">
      <h3>Client payments (your Stripe account)</h3>
      <ErrorBanner error={info.error ?? act.error} />
      {s && <p>{s.configured ? `Stripe key configured (…${s.key_last4}).` : "No Stripe key: client invoices cannot be paid online."}
        {s.configured && (s.webhook_configured ? " Webhook configured." : " Add the webhook secret so payments are recorded.")}</p>}
      {s && <p className="muted">In Stripe, add a webhook endpoint <code>{s.webhook_url}</code> for checkout.session.completed and payment_intent.succeeded.</p>}
      <form className="row" aria-label="Stripe account" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <Field label="Secret key"><input type="password" autoComplete="off" value={key} placeholder="sk_live_…" onChange={(e) => setKey(e.target.value)} /></Field>
        <Field label="Webhook signing secret"><input type="password" autoComplete="off" value={hook} placeholder="whsec_…" onChange={(e) => setHook(e.target.value)} /></Field>
        <button type="submit" disabled={act.busy || !key} style={{ marginBottom: 12 }}>Save</button>
        {s?.configured && <button type="button" className="secondary" disabled={act.busy} onClick={forget} style={{ marginBottom: 12 }}>Remove</button>}
      </form>
    </section>
  );
}

/** "Pay online" for an open client invoice: opens a Stripe Checkout page for its open amount (the company's key). */
export function PayOnlineButton({ invoiceId, status }: { invoiceId: string; status: string }) {
  const act = useAction();
  if (!["issued", "sent", "partially_paid"].includes(status)) return null;
  const open = () => void act.run(async () => {
    const link = await post<PayLinkOut>(`/billing/client-invoices/${invoiceId}/pay-online`);
    window.open(link.url, "_blank", "noopener");
  });
  return <><button className="secondary" disabled={act.busy} onClick={open}>Pay online</button><ErrorBanner error={act.error} /></>;
}

function Upgrade({ plans, busy, onChoose }: {
  plans: NonNullable<BillingOverview["plans"]>; busy: boolean; onChoose: (plan: string, interval: string) => void;
}) {
  const keys = [...new Set(plans.map((p) => p.key))];
  const [plan, setPlan] = useState(keys[0] ?? "");
  const [interval, setInterval] = useState<string>(plans.find((p) => p.key === keys[0])?.interval ?? "month");
  if (!plans.length) return <p className="muted">The operator has configured no plans yet.</p>;
  return (
    <form className="row" aria-label="Upgrade" onSubmit={(e) => { e.preventDefault(); onChoose(plan, interval); }}>
      <Field label="Plan"><select value={plan} onChange={(e) => setPlan(e.target.value)}>
        {keys.map((k) => <option key={k} value={k}>{plans.find((p) => p.key === k)?.name}</option>)}
      </select></Field>
      <Field label="Billed"><select value={interval} onChange={(e) => setInterval(e.target.value)}>
        {plans.filter((p) => p.key === plan).map((p) => <option key={p.interval} value={p.interval}>{p.interval === "year" ? "Yearly" : "Monthly"}</option>)}
      </select></Field>
      <button type="submit" disabled={busy} style={{ marginBottom: 12 }}>Upgrade</button>
    </form>
  );
}

function Invoices() {
  const me = useMe();
  const [after, setAfter] = useState<string | null>(null);
  const list = useAsync(() => get<StripeInvoicePage>(`/billing/invoices${qs({ limit: 20, starting_after: after })}`), [after]);
  return (
    <section className="panel" aria-label="Invoices">
      <h3>Invoices</h3>
      <ErrorBanner error={list.error} />
      {list.loading ? <Loading /> : !list.data?.items.length ? <Empty>No invoices yet.</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr><th>Date</th><th>Number</th><th>Amount</th><th>Status</th><th /></tr></thead>
          <tbody>{list.data.items.map((i) => (
            <tr key={i.id}>
              <td>{i.created ? localDate(i.created, me.user.timezone) : "—"}</td>
              <td>{i.number ?? i.id}</td>
              <td>{money(i.status === "paid" ? i.amount_paid : i.amount_due, i.currency)}</td>
              <td>{i.status}</td>
              <td>{i.hosted_invoice_url && <a href={i.hosted_invoice_url} target="_blank" rel="noreferrer">View</a>}
                {i.invoice_pdf && <> · <a href={i.invoice_pdf} target="_blank" rel="noreferrer">PDF</a></>}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      {list.data?.next_cursor && <button className="secondary" onClick={() => setAfter(list.data?.next_cursor ?? null)}>Older</button>}
    </section>
  );
}

/** The banner for admins and managers while the company is past due (warning) or read-only. */
export function BillingBanner({ access, reason, admin }: { access: string; reason: string | null; admin: boolean }) {
  if (access === "full" || !reason) return null;
  return (
    <div className={access === "read_only" ? "error" : "notice"} role="status" aria-label="Billing">
      {reason}{access === "read_only" ? " Tracking keeps working; management changes are paused." : ""}
      {admin && <> <a href="#/billing">Open Billing</a>.</>}
    </div>
  );
}
