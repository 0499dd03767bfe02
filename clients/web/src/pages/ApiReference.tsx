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
        <Operation key={`${method} ${path}`} fn={fn} method={method.toUpperCase()} path={path} op={op} token={token}
          example={exampleBody(op, doc.data?.components?.schemas ?? {})} />
      )))}
    </>
  );
}

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[];
  enum?: unknown[]; default?: unknown; format?: string; anyOf?: Schema[]; items?: Schema };

/** An example JSON body from the operation's request schema: required fields and defaults, typed placeholders. */
function exampleBody(op: Op, schemas: Record<string, unknown>): string {
  const root = op.requestBody?.content?.["application/json"]?.schema as Schema | undefined;
  if (!root) return "";
  const resolve = (s: Schema): Schema => (s.$ref ? (schemas[s.$ref.split("/").pop() ?? ""] as Schema) ?? {} : s);
  const value = (s0: Schema, depth: number): unknown => {
    const s = resolve(s0);
    if (s.default !== undefined) return s.default;
    if (s.enum) return s.enum[0];
    if (s.anyOf) return value(s.anyOf.find((a) => a.type !== "null") ?? {}, depth);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
    if (type === "object" && s.properties && depth < 3) {
      return Object.fromEntries(Object.entries(s.properties).filter(([k]) => (s.required ?? []).includes(k))
        .map(([k, v]) => [k, value(v, depth + 1)]));
    }
    if (type === "array") return [];
    if (type === "integer" || type === "number") return 0;
    if (type === "boolean") return false;
    return s.format === "date" ? "2026-11-02" : s.format === "date-time" ? "2026-11-02T09:00:00Z" : s.format === "uuid" ? "00000000-0000-0000-0000-000000000000" : "text";
  };
  return JSON.stringify(value(root, 0), null, 2);
}

function Operation({ fn, method, path, op, token, example }: { fn: string; method: string; path: string; op: Op; token: string; example: string }) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState(`/function/${fn}${path}`);
  const [body, setBody] = useState(example);
  const [result, setResult] = useState<{ status: number; text: string } | null>(null);
  const curl = `curl -X ${method} -H "Authorization: Bearer $WM_TOKEN"${example ? ` -H 'Content-Type: application/json' -d '${example.replace(/\s+/g, " ")}'` : ""} ${window.location.origin}/function/${fn}${path}`;
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
          <pre>{curl}</pre>
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
