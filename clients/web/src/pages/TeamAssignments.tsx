// Who manages whom: per manager, the employees they see and approve (bulk: PUT /team/managers/<id>/employees).
// Admins edit; a manager sees their own people read-only.
import { useEffect, useState } from "react";
import { api, get } from "../api";
import type { AssignmentPage, Person, TeamOut } from "../models";
import { isAdmin, useMe } from "../session";
import { Empty, ErrorBanner, Loading, useAction, useAsync } from "../ui";
import "../manager.css";

export function TeamAssignments({ people, onSaved }: { people: Person[]; onSaved?: () => void }) {
  const me = useMe();
  const links = useAsync(() => get<AssignmentPage>("/team/assignments?limit=200"), []);
  const active = people.filter((p) => p.status === "active");
  const managers = active.filter((p) => p.role === "manager" || (p.role === "admin" && isAdmin(me) && p.id !== me.user.id));
  const visible = isAdmin(me) ? managers : managers.filter((m) => m.id === me.user.id);
  return (
    <section className="panel" aria-label="Managers and their people">
      <h3>Managers and their people</h3>
      <p className="muted" style={{ marginTop: 0 }}>A manager sees, and approves the timesheets of, exactly the people ticked here.</p>
      <ErrorBanner error={links.error} />
      {links.loading && !links.data ? <Loading /> : !visible.length ? (
        <Empty>{isAdmin(me) ? "No managers yet: invite someone as a manager, or change a person's role to manager above." : "Nobody is assigned to you yet."}</Empty>
      ) : visible.map((m) => (
        <ManagerTeam key={m.id} manager={m} candidates={active.filter((p) => p.id !== m.id && p.role !== "admin")}
          assigned={(links.data?.items ?? []).filter((l) => l.manager_id === m.id).map((l) => l.employee_id)}
          editable={isAdmin(me)} onSaved={() => { links.reload(); onSaved?.(); }} />
      ))}
    </section>
  );
}

function ManagerTeam({ manager, candidates, assigned, editable, onSaved }: {
  manager: Person; candidates: Person[]; assigned: string[]; editable: boolean; onSaved: () => void;
}) {
  const key = assigned.slice().sort().join(",");
  const [chosen, setChosen] = useState<Set<string>>(new Set(assigned));
  useEffect(() => setChosen(new Set(key ? key.split(",") : [])), [key]);
  const act = useAction();
  const [saved, setSaved] = useState("");
  const dirty = [...chosen].sort().join(",") !== key;
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id); else next.add(id);
    setChosen(next);
    setSaved("");
  };
  const save = () => void act.run(async () => {
    const out = await api<TeamOut>("PUT", `/team/managers/${manager.id}/employees`, { body: { employee_ids: [...chosen] } });
    setSaved(`Saved: ${out.added.length} added, ${out.removed.length} removed.`);
    onSaved();
  });
  return (
    <fieldset className="panel" style={{ margin: "0 0 12px" }} aria-label={`Team of ${manager.name}`} data-testid="manager-team">
      <legend><strong>{manager.name}</strong> <span className="muted">({manager.role}) · {chosen.size} {chosen.size === 1 ? "person" : "people"}</span></legend>
      {!candidates.length ? <p className="muted">Nobody to assign.</p> : (
        <div className="assign">
          {candidates.map((p) => (
            <label key={p.id}>
              <input type="checkbox" checked={chosen.has(p.id)} disabled={!editable} onChange={() => toggle(p.id)}
                aria-label={`${p.name} reports to ${manager.name}`} />
              <span>{p.name} <span className="muted">{p.role === "manager" ? "(manager)" : ""}</span></span>
            </label>
          ))}
        </div>
      )}
      {editable && (
        <div className="row" style={{ alignItems: "center" }}>
          <button type="button" className="secondary" onClick={() => { setChosen(new Set(candidates.map((c) => c.id))); setSaved(""); }}>Select all</button>
          <button type="button" className="secondary" onClick={() => { setChosen(new Set()); setSaved(""); }}>Clear</button>
          <button type="button" disabled={!dirty || act.busy} onClick={save}>Save team of {manager.name}</button>
          {saved && <span className="ok-text" role="status">{saved}</span>}
        </div>
      )}
      <ErrorBanner error={act.error} />
    </fieldset>
  );
}
