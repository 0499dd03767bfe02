// Team: invite, roles, deactivate, manager assignments and each person's consent status.
import { useState } from "react";
import { get, patch, post, qs } from "../api";
import { isAdmin, useMe } from "../session";
import type { Agreements, InvitationPage, Person, PersonPage } from "../models";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";
import { TeamAssignments } from "./TeamAssignments";

export function Team() {
  const me = useMe();
  const [q, setQ] = useState("");
  const users = useAsync(() => get<PersonPage>(`/team/users${qs({ q, limit: 200, status: "all" })}`), [q]);
  const invites = useAsync(() => get<InvitationPage>("/team/invitations"), []);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("employee");
  const act = useAction();

  const invite = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => { await post("/team/invitations", { email, role }); setEmail(""); invites.reload(); });
  };
  return (
    <>
      <form className="panel" onSubmit={invite} aria-label="Invite">
        <h3>Invite someone</h3>
        <div className="row">
          <Field label="Email"><input type="email" name="invite-email" value={email} onChange={(e) => setEmail(e.target.value)} required /></Field>
          <Field label="Role"><select value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="employee">Employee</option>
            {isAdmin(me) && <option value="manager">Manager</option>}
            {isAdmin(me) && <option value="admin">Admin</option>}
          </select></Field>
          <button type="submit" disabled={act.busy} style={{ marginBottom: 12 }}>Send invitation</button>
        </div>
        {invites.data?.items.length ? <p className="muted">Pending: {invites.data.items.map((i) => `${i.email} (${i.role})`).join(", ")}</p> : null}
      </form>
      <ErrorBanner error={act.error ?? users.error} />
      <div className="panel">
        <Field label="Search"><input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name or email" /></Field>
        {users.loading ? <Loading /> : !users.data?.items.length ? <Empty>No people match.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Consent</th><th>Status</th><th /></tr></thead>
            <tbody>{users.data.items.map((u) => <UserRow key={u.id} user={u} admin={isAdmin(me)} self={u.id === me.user.id} onChange={users.reload} />)}</tbody>
          </table></div>
        )}
      </div>
      {users.data && !q && <TeamAssignments people={users.data.items} />}
    </>
  );
}

function UserRow({ user, admin, self, onChange }: { user: Person; admin: boolean; self: boolean; onChange: () => void }) {
  const agreements = useAsync(() => get<Agreements>(`/team/users/${user.id}/agreements`), [user.id]);
  const act = useAction();
  const current = agreements.data?.items.find((a) => a.status === "accepted" || a.status === "proposed");
  const consent = current
    ? `${current.status}: ${[current.screenshots && "screenshots", current.activity && "activity", current.gps && "GPS"].filter(Boolean).join(", ") || "nothing"}`
    : "none";
  return (
    <tr>
      <td>{user.name}</td>
      <td>{user.email}</td>
      <td>{admin && !self ? (
        <select aria-label={`Role of ${user.name}`} value={user.role}
          onChange={(e) => void act.run(async () => { await patch(`/team/users/${user.id}`, { role: e.target.value }); onChange(); })}>
          <option value="employee">employee</option><option value="manager">manager</option><option value="admin">admin</option>
        </select>
      ) : user.role}</td>
      <td><span className={`badge ${current?.status === "accepted" ? "ok" : ""}`}>{consent}</span></td>
      <td>{user.status}</td>
      <td>
        {admin && !self && (
          <button className="secondary" onClick={() => void act.run(async () => {
            await post(`/team/users/${user.id}/${user.status === "active" ? "deactivate" : "reactivate"}`, {}); onChange();
          })}>{user.status === "active" ? "Deactivate" : "Reactivate"}</button>
        )}
        {admin && !current && (
          <button className="secondary" onClick={() => void act.run(async () => {
            await post(`/team/users/${user.id}/agreements`, { screenshots: true, activity: true, gps: false }); agreements.reload();
          })}>Request consent</button>
        )}
        <ErrorBanner error={act.error} />
      </td>
    </tr>
  );
}
