// One project: budget, settings (managers/admins), members and tasks.
import { useState } from "react";
import { del, get, post } from "../api";
import { money } from "../format";
import { toMinor } from "../metrics";
import { usePeople } from "../people";
import { isManager, useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";
import type { ClientPage, Member, Members as MemberList, ProjectOut } from "../models";
import { BudgetMeters, ProjectForm } from "./Projects";
import { Tasks } from "./Tasks";

export function ProjectDetail({ id }: { id: string }) {
  const me = useMe();
  const planner = isManager(me);
  const proj = useAsync(() => get<ProjectOut>(`/projects/projects/${id}`), [id]);
  const members = useAsync(() => get<MemberList>(`/projects/projects/${id}/members`), [id]);
  const clients = useAsync(() => (planner ? get<ClientPage>("/projects/clients?limit=200&archived=all").then((r) => r.items) : Promise.resolve([])), [planner]);
  const p = proj.data?.project;
  return (
    <>
      <p><a href="#/projects">← All projects</a></p>
      <ErrorBanner error={proj.error} />
      {proj.loading && !p ? <Loading /> : p && (
        <>
          <section className="panel" aria-label="Project summary">
            <h3 data-testid="project-name"><span className="dot" style={{ background: p.color }} aria-hidden="true" />{p.name}
              {p.archived && <> <span className="badge">archived</span></>}</h3>
            <p className="muted">
              {p.client_name ? `Client: ${p.client_name}` : "No client"} · {p.billable ? "billable" : "non-billable"}
              {p.hourly_rate !== null && ` · ${money(p.hourly_rate, p.currency)}/h`}
            </p>
            {proj.data?.budget && <BudgetMeters budget={proj.data.budget} name={p.name} />}
          </section>
          {planner && (
            <details className="panel">
              <summary>Edit project</summary>
              <ProjectForm key={`${p.id}-${p.name}-${p.archived}`} project={p} clients={clients.data ?? []}
                currency={me.company.currency} onSaved={proj.reload} />
            </details>
          )}
          <div className="grid2" style={{ marginBottom: 16 }}>
            <Members projectId={p.id} members={members.data?.items ?? null} error={members.error} onChange={members.reload}
              currency={p.currency} />
            <Tasks project={p} members={members.data?.items ?? []} />
          </div>
        </>
      )}
    </>
  );
}

function Members({ projectId, members, error, onChange, currency }: {
  projectId: string; members: Member[] | null; error: unknown; onChange: () => void; currency: string;
}) {
  const me = useMe();
  const planner = isManager(me);
  const people = usePeople(planner);
  const [userId, setUserId] = useState("");
  const [rate, setRate] = useState("");
  const act = useAction();
  const candidates = (people.data ?? []).filter((u) => !members?.some((m) => m.user_id === u.id));
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      await post(`/projects/projects/${projectId}/members`, { user_id: userId, hourly_rate: toMinor(rate) });
      setUserId(""); setRate(""); onChange();
    });
  };
  const remove = (m: Member) => {
    if (!window.confirm(`Remove ${m.name} from this project? Their task assignments here are removed too.`)) return;
    void act.run(async () => { await del(`/projects/projects/${projectId}/members/${m.user_id}`); onChange(); });
  };
  return (
    <section className="panel" aria-label="Members">
      <h3>Members</h3>
      <ErrorBanner error={error ?? act.error} />
      {!planner ? <p className="muted">You are a member of this project. Managers see the whole team.</p>
        : members === null ? <Loading /> : !members.length ? <Empty>No members yet: add the people who track time to this project.</Empty> : (
        <ul className="consent-list">{members.map((m) => (
          <li key={m.user_id} style={{ justifyContent: "space-between", alignItems: "center" }}>
            <span>{m.name}<span className="muted" style={{ display: "block", fontSize: 13 }}>{m.email}{m.hourly_rate !== null && ` · ${money(m.hourly_rate, currency)}/h`}</span></span>
            {planner && <button className="secondary" disabled={act.busy} onClick={() => remove(m)} aria-label={`Remove ${m.name}`}>Remove</button>}
          </li>
        ))}</ul>
      )}
      {planner && (
        <form className="row" onSubmit={add} aria-label="Add member" style={{ marginTop: 12 }}>
          <Field label="Add a person"><select value={userId} onChange={(e) => setUserId(e.target.value)} required name="member">
            <option value="">Choose…</option>
            {candidates.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select></Field>
          <Field label={`Own rate (${currency}, optional)`}><input inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} size={8} /></Field>
          <button type="submit" disabled={act.busy || !userId} style={{ marginBottom: 12 }}>Add member</button>
        </form>
      )}
    </section>
  );
}
