// The read-only report behind a client share link (#/shared/<token>): no sign-in; only that client's projects.
import { useState } from "react";
import type { SharedView } from "../models";
import type { Route } from "../router";
import { toApiError } from "../api";
import { Field, ErrorBanner, Loading, useAsync } from "../ui";
import { ReportView } from "./ReportBuilder";

export function SharedReport({ route }: { route: Route }) {
  const token = route.path.replace(/^\/shared\//, "");
  const [range, setRange] = useState({ from: route.query.get("from") ?? "", to: route.query.get("to") ?? "" });
  const view = useAsync(async () => {
    const q = new URLSearchParams(Object.entries(range).filter(([, v]) => v)).toString();
    const resp = await fetch(`/function/reports/shared/${encodeURIComponent(token)}${q ? `?${q}` : ""}`);
    if (!resp.ok) throw await toApiError(resp);
    return (await resp.json()) as SharedView;
  }, [token, range.from, range.to]);
  return (
    <main className="shared">
      {view.loading && !view.data && <Loading />}
      <ErrorBanner error={view.error} />
      {view.data && (
        <>
          <h1>{view.data.name}</h1>
          <p className="muted">{view.data.company} for {view.data.client} · link valid until {new Date(view.data.expires_at).toLocaleDateString()}</p>
          <form className="panel row" onSubmit={(e) => e.preventDefault()}>
            <Field label="From"><input type="date" value={range.from || view.data.report.from} onChange={(e) => setRange({ ...range, from: e.target.value })} /></Field>
            <Field label="To"><input type="date" value={range.to || view.data.report.to} onChange={(e) => setRange({ ...range, to: e.target.value })} /></Field>
          </form>
          <ReportView report={view.data.report} />
        </>
      )}
    </main>
  );
}
