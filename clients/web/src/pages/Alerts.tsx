// Security alerts for admins: new ones first; acknowledge each once it is dealt with.
import { useState } from "react";
import { get, post } from "../api";
import { localDateTime } from "../format";
import type { SecurityAlertPage } from "../models";
import type { Route } from "../router";
import { useMe } from "../session";
import { Empty, ErrorBanner, Loading, useAction, useAsync } from "../ui";

export function Alerts(_: { route: Route }) {
  const me = useMe();
  const [state, setState] = useState<"new" | "">("new");
  const list = useAsync(() => get<SecurityAlertPage>(`/integrations/alerts?limit=100${state ? `&state=${state}` : ""}`), [state]);
  const act = useAction();
  const counts = list.data?.counts ?? {};
  return (
    <section className="panel" aria-label="Security alerts">
      <div className="row">
        <label className="check"><input type="checkbox" checked={state === ""} onChange={(e) => setState(e.target.checked ? "" : "new")} /> Show acknowledged ({counts.acknowledged ?? 0})</label>
      </div>
      <ErrorBanner error={list.error ?? act.error} />
      {list.loading ? <Loading /> : !list.data?.items.length ? <Empty>No new alerts.</Empty> : (
        <div className="table-wrap"><table data-testid="alerts-table">
          <thead><tr><th>When</th><th>Alert</th><th>Details</th><th>State</th></tr></thead>
          <tbody>{list.data.items.map((a) => (
            <tr key={a.id}>
              <td>{localDateTime(a.created_at, me.user.timezone)}</td>
              <td><strong>{a.title}</strong>{a.ip && <div className="muted">from {a.ip}</div>}</td>
              <td>{Object.entries(a.details).map(([k, v]) => <div key={k}><span className="muted">{k.replaceAll("_", " ")}:</span> {String(v)}</div>)}</td>
              <td>{a.state === "new" ? (
                <button disabled={act.busy} onClick={() => void act.run(async () => { await post(`/integrations/alerts/${a.id}/acknowledge`, {}); list.reload(); })}>Acknowledge</button>
              ) : <span className="badge">acknowledged {a.acknowledged_at ? localDateTime(a.acknowledged_at, me.user.timezone) : ""}</span>}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}
