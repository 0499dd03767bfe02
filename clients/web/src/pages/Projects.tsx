// Projects: the list with budget consumption; managers and admins create and edit projects and clients.
// Employees see the projects they are members of (the API's row-level security decides), read-only.
import { useState } from "react";
import { get, patch, post, qs } from "../api";
import { Meter } from "../charts";
import { decimal, money } from "../format";
import { fromMinor, toMinor } from "../metrics";
import type { Route } from "../router";
import { isManager, useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";
import { ProjectDetail } from "./ProjectDetail";
import type { Budget, BudgetOut, Client, ClientPage, Project, ProjectPage } from "../models";

export function Projects({ route }: { route: Route }) {
  const id = route.query.get("id");
  return id ? <ProjectDetail id={id} /> : <ProjectList />;
}

function ProjectList() {
  const me = useMe();
  const planner = isManager(me);
  const [q, setQ] = useState("");
  const [archived, setArchived] = useState(false);
  const list = useAsync(() => get<ProjectPage>(`/projects/projects${qs({ q, limit: 200, archived: archived ? "all" : undefined })}`), [q, archived]);
  const clients = useAsync(() => (planner ? get<ClientPage>("/projects/clients?limit=200&archived=all") : Promise.resolve(null)), [planner]);
  return (
    <>
      {planner && (
        <details className="panel">
          <summary>New project</summary>
          <ProjectForm clients={clients.data?.items ?? []} currency={me.company.currency} onSaved={list.reload} />
        </details>
      )}
      <section className="panel" aria-label="Projects">
        <div className="row">
          <Field label="Search projects"><input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Project name" /></Field>
          {planner && (
            <label className="check"><input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> Show archived</label>
          )}
        </div>
        <ErrorBanner error={list.error} />
        {list.loading && !list.data ? <Loading /> : !list.data?.items.length ? (
          <Empty>{planner ? "No projects yet. Create the first one above." : "You are not a member of any project yet."}</Empty>
        ) : (
          <div className="table-wrap"><table data-testid="projects-table">
            <thead><tr><th>Project</th><th>Client</th><th>Billing</th>{planner && <th>Budget</th>}</tr></thead>
            <tbody>{list.data.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <span className="dot" style={{ background: p.color }} aria-hidden="true" />
                  <a href={`#/projects?id=${p.id}`}>{p.name}</a>
                  {p.archived && <> <span className="badge">archived</span></>}
                </td>
                <td>{p.client_name ?? <span className="muted">—</span>}</td>
                <td>{p.billable ? (p.hourly_rate !== null ? `${money(p.hourly_rate, p.currency)}/h` : "billable") : <span className="muted">non-billable</span>}</td>
                {planner && <td><BudgetCell project={p} /></td>}
              </tr>
            ))}</tbody>
          </table></div>
        )}
      </section>
      {planner && <Clients clients={clients} />}
    </>
  );
}

function BudgetCell({ project }: { project: Project }) {
  const b = useAsync(() => get<BudgetOut>(`/projects/projects/${project.id}/budget`), [project.id]);
  if (b.error) return <span className="muted">unavailable</span>;
  if (!b.data) return <span className="muted">…</span>;
  return <BudgetMeters budget={b.data.budget} name={project.name} />;
}

export function BudgetMeters({ budget, name }: { budget: Budget; name: string }) {
  if (!budget.budget_hours && !budget.budget_amount) return <span className="muted">{budget.used_hours} h used · no budget</span>;
  return (
    <div className="stack-gap" style={{ gap: 6, marginBottom: 0, maxWidth: 520 }}>
      {budget.budget_hours !== null && (
        <Meter pct={budget.hours_percent} label={`Hours budget of ${name}`} detail={`${budget.used_hours} of ${decimal(budget.budget_hours)} hours`} />
      )}
      {budget.budget_amount !== null && (
        <Meter pct={budget.amount_percent} label={`Money budget of ${name}`}
          detail={`${money(budget.used_amount, budget.currency)} of ${money(budget.budget_amount, budget.currency)}`} />
      )}
    </div>
  );
}

/** Create (no `project`) or edit a project; money is typed in major units and sent in minor units. */
export function ProjectForm({ project, clients, currency, onSaved }: {
  project?: Project; clients: Client[]; currency: string; onSaved: () => void;
}) {
  const [f, setF] = useState({
    name: project?.name ?? "", client_id: project?.client_id ?? "", color: project?.color ?? "#4f46e5",
    billable: project?.billable ?? true, rate: fromMinor(project?.hourly_rate), currency: project?.currency ?? currency,
    budget_hours: project?.budget_hours ? decimal(project.budget_hours) : "", budget_amount: fromMinor(project?.budget_amount),
    archived: project?.archived ?? false,
  });
  const [saved, setSaved] = useState(false);
  const act = useAction();
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setF({ ...f, [k]: e.target.type === "checkbox" ? (e.target as HTMLInputElement).checked : e.target.value });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void act.run(async () => {
      const payload = {
        name: f.name, client_id: f.client_id || null, color: f.color, billable: f.billable,
        hourly_rate: toMinor(f.rate), currency: f.currency.trim().toUpperCase() || undefined,
        budget_hours: f.budget_hours.trim() ? Number(f.budget_hours) : null, budget_amount: toMinor(f.budget_amount),
        ...(project ? { archived: f.archived } : {}),
      };
      if (project) await patch(`/projects/projects/${project.id}`, payload);
      else {
        await post("/projects/projects", payload);
        setF({ ...f, name: "", budget_hours: "", budget_amount: "" });
      }
      setSaved(true);
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} aria-label={project ? "Edit project" : "New project"}>
      <div className="row">
        <Field label="Name"><input name="project-name" value={f.name} onChange={set("name")} required maxLength={200} /></Field>
        <Field label="Client"><select value={f.client_id} onChange={set("client_id")}>
          <option value="">No client</option>
          {clients.filter((c) => !c.archived || c.id === f.client_id).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select></Field>
        <Field label="Colour"><input type="color" value={f.color} onChange={set("color")} style={{ height: 40, width: 64, padding: 2 }} /></Field>
      </div>
      <div className="row">
        <label className="check"><input type="checkbox" checked={f.billable} onChange={set("billable")} /> Billable</label>
        <Field label={`Hourly rate (${f.currency || currency})`}><input inputMode="decimal" value={f.rate} onChange={set("rate")} placeholder="e.g. 85.00" /></Field>
        <Field label="Currency"><input value={f.currency} onChange={set("currency")} maxLength={3} size={4} pattern="[A-Za-z]{3}" /></Field>
        <Field label="Budget (hours)"><input type="number" min="0.01" step="0.01" value={f.budget_hours} onChange={set("budget_hours")} /></Field>
        <Field label={`Budget (${f.currency || currency})`}><input inputMode="decimal" value={f.budget_amount} onChange={set("budget_amount")} placeholder="e.g. 10000" /></Field>
        {project && <label className="check"><input type="checkbox" checked={f.archived} onChange={set("archived")} /> Archived</label>}
      </div>
      <div className="row" style={{ alignItems: "center" }}>
        <button type="submit" disabled={act.busy}>{project ? "Save project" : "Create project"}</button>
        {saved && !act.error && <span className="ok-text" role="status">Saved.</span>}
      </div>
      <ErrorBanner error={act.error} />
    </form>
  );
}

function Clients({ clients }: { clients: ReturnType<typeof useAsync<ClientPage | null>> }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const act = useAction();
  const create = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      await post("/projects/clients", { name, email: email || null });
      setName(""); setEmail(""); clients.reload();
    });
  };
  const toggle = (c: Client) => act.run(async () => { await patch(`/projects/clients/${c.id}`, { archived: !c.archived }); clients.reload(); });
  return (
    <section className="panel" aria-label="Clients">
      <h3>Clients</h3>
      <form className="row" onSubmit={create}>
        <Field label="Client name"><input name="client-name" value={name} onChange={(e) => setName(e.target.value)} required /></Field>
        <Field label="Billing email (optional)"><input type="email" value={email} onChange={(e) => setEmail(e.target.value)} /></Field>
        <button type="submit" disabled={act.busy} style={{ marginBottom: 12 }}>Add client</button>
      </form>
      <ErrorBanner error={act.error ?? clients.error} />
      {clients.loading && !clients.data ? <Loading /> : !clients.data?.items.length ? <Empty>No clients yet. Add one to group projects by customer.</Empty> : (
        <div className="table-wrap"><table>
          <thead><tr><th>Name</th><th>Email</th><th>Status</th><th /></tr></thead>
          <tbody>{clients.data.items.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td><td>{c.email ?? <span className="muted">—</span>}</td>
              <td>{c.archived ? <span className="badge">archived</span> : <span className="badge ok">active</span>}</td>
              <td><button className="secondary" disabled={act.busy} onClick={() => void toggle(c)}>{c.archived ? "Restore" : "Archive"}</button></td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}
