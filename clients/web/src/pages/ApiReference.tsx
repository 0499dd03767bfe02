// The API reference: every function's OpenAPI document (served at /function/<name>/openapi.json, generated from
// the code), its routes with parameters and bodies, and "try it" with a personal API token.
import { useState } from "react";
import { tryRequest } from "../reportsApi";
import { ErrorBanner, Field, Loading, useAsync } from "../ui";

const FUNCTIONS = ["auth", "team", "projects", "time", "attendance", "activity", "media", "messaging", "reports", "scheduler"];
type Op = { summary?: string; description?: string; parameters?: { name: string; in: string; required?: boolean }[]; requestBody?: { content?: Record<string, { schema?: unknown }> } };
type Doc = { info?: { title?: string }; paths: Record<string, Record<string, Op>>; components?: { schemas?: Record<string, unknown> } };

export function ApiReference() {
  const [fn, setFn] = useState("time");
  const [token, setToken] = useState("");
  const doc = useAsync(async () => {
    const resp = await fetch(`/function/${fn}/openapi.json`);
    return (await resp.json()) as Doc;
  }, [fn]);
  return (
    <>
      <div className="panel row">
        <Field label="Function"><select value={fn} onChange={(e) => setFn(e.target.value)}>{FUNCTIONS.map((f) => <option key={f}>{f}</option>)}</select></Field>
        <Field label="Personal API token for “try it”"><input value={token} onChange={(e) => setToken(e.target.value)} placeholder="wmp_…" size={44} /></Field>
        <a href="#/api-tokens">Create a token</a>
      </div>
      {doc.loading && <Loading />}
      <ErrorBanner error={doc.error} />
      {doc.data && Object.entries(doc.data.paths).map(([path, ops]) => Object.entries(ops).map(([method, op]) => (
        <Operation key={`${method} ${path}`} fn={fn} method={method.toUpperCase()} path={path} op={op} token={token} />
      )))}
    </>
  );
}

function Operation({ fn, method, path, op, token }: { fn: string; method: string; path: string; op: Op; token: string }) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState(`/function/${fn}${path}`);
  const [body, setBody] = useState(op.requestBody ? "{}" : "");
  const [result, setResult] = useState<{ status: number; text: string } | null>(null);
  const example = `curl -X ${method} -H "Authorization: Bearer $WM_TOKEN"${op.requestBody ? " -H 'Content-Type: application/json' -d '{…}'" : ""} ${window.location.origin}/function/${fn}${path}`;
  return (
    <section className="panel api-op">
      <button className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        <code className={`method ${method.toLowerCase()}`}>{method}</code> <code>{path}</code> <span className="muted">{op.summary}</span>
      </button>
      {open && (
        <div>
          {op.description && <p>{op.description}</p>}
          {op.parameters && op.parameters.length > 0 && (
            <p>Parameters: {op.parameters.map((p) => <code key={p.name}>{p.name} ({p.in}{p.required ? ", required" : ""}) </code>)}</p>
          )}
          <pre>{example}</pre>
          <div className="row">
            <Field label="URL"><input value={url} onChange={(e) => setUrl(e.target.value)} size={60} /></Field>
            <button onClick={() => void tryRequest(method, url, token, body).then(setResult)}>Try it</button>
          </div>
          {op.requestBody && <Field label="JSON body"><textarea rows={4} value={body} onChange={(e) => setBody(e.target.value)} /></Field>}
          {result && <pre aria-label="Response">HTTP {result.status}{"\n"}{result.text}</pre>}
        </div>
      )}
    </section>
  );
}
