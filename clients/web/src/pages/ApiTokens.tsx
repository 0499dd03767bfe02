// Personal API tokens: create with scopes (shown once), see last use, revoke. Admins can list the whole company's.
import { useState } from "react";
import { get, post } from "../api";
import { localDateTime } from "../format";
import type { TokenCreated, TokenPage } from "../models";
import { isAdmin, useMe } from "../session";
import { Empty, ErrorBanner, Field, useAction, useAsync } from "../ui";

const FUNCTIONS = ["time", "projects", "attendance", "activity", "team", "reports", "media", "messaging"];

export function ApiTokens() {
  const me = useMe();
  const [all, setAll] = useState(false);
  const list = useAsync(() => get<TokenPage>(`/reports/api-tokens?limit=200${all ? "&all=true" : ""}`), [all]);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["read"]);
  const [shown, setShown] = useState<TokenCreated | null>(null);
  const action = useAction();
  const toggle = (s: string) => setScopes(scopes.includes(s) ? scopes.filter((x) => x !== s) : [...scopes, s]);
  const create = () => action.run(async () => {
    setShown(await post<TokenCreated>("/reports/api-tokens", { name, scopes }));
    setName("");
    list.reload();
  });
  const revoke = (id: string) => action.run(async () => { await post(`/reports/api-tokens/${id}/revoke`); list.reload(); });
  return (
    <>
      <form className="panel" aria-label="New API token" onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <p className="muted">A token acts as you, with your role, limited to its scopes. Send it as <code>Authorization: Bearer wmp_…</code>.</p>
        <div className="row">
          <Field label="Name"><input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Payroll sync" /></Field>
          <fieldset className="scopes"><legend>Scopes</legend>
            {["read", "write"].map((s) => <label key={s}><input type="checkbox" checked={scopes.includes(s)} onChange={() => toggle(s)} /> {s} (all)</label>)}
            {FUNCTIONS.map((f) => ["read", "write"].map((a) => `${f}:${a}`)).flat().map((s) => (
              <label key={s}><input type="checkbox" checked={scopes.includes(s)} onChange={() => toggle(s)} /> {s}</label>
            ))}
          </fieldset>
          <button type="submit" disabled={!name.trim() || !scopes.length || action.busy}>Create token</button>
        </div>
        {shown && (
          <div className="notice" role="status">
            Copy this token now — it is not shown again: <code className="secret">{shown.token}</code>
          </div>
        )}
        <ErrorBanner error={action.error} />
      </form>
      <section className="panel" aria-label="API tokens">
        {isAdmin(me) && <label><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Every token in the company</label>}
        <ErrorBanner error={list.error} />
        {list.data && !list.data.items.length && <Empty>No tokens yet.</Empty>}
        {list.data && list.data.items.length > 0 && (
          <table>
            <thead><tr><th>Name</th><th>Owner</th><th>Token</th><th>Scopes</th><th>Last used</th><th>Created</th><th /></tr></thead>
            <tbody>{list.data.items.map((t) => (
              <tr key={t.id} className={t.revoked_at ? "muted" : undefined}>
                <td>{t.name}</td><td>{t.user_name}</td><td><code>{t.prefix}…</code></td><td>{t.scopes.join(", ")}</td>
                <td>{t.last_used_at ? localDateTime(t.last_used_at, me.user.timezone) : "never"}</td>
                <td>{localDateTime(t.created_at, me.user.timezone)}</td>
                <td>{t.revoked_at ? "revoked" : <button className="secondary" onClick={() => void revoke(t.id)}>Revoke</button>}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </section>
    </>
  );
}
