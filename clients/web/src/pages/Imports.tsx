// Imports (admins): a Toggl Track, Clockify, Kimai or Harvest CSV export, previewed (column mapping, people matched
// by email or name, unreadable lines), then imported as a job with a progress bar. Importing twice adds nothing.
import { useEffect, useState } from "react";
import { get, post } from "../api";
import { hm } from "../format";
import type { ImportJob, ImportOut, ImportPreview } from "../models";
import { Empty, ErrorBanner, Field, useAction } from "../ui";

type Format = ImportPreview["format"];

export function Imports() {
  const [format, setFormat] = useState<Format>("toggl");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const action = useAction();
  useEffect(() => {
    if (!job || job.status === "done" || job.status === "failed") return;
    const timer = setTimeout(() => void get<ImportOut>(`/reports/imports/${job.id}`).then((r) => setJob(r.import)), 1000);
    return () => clearTimeout(timer);
  }, [job]);
  const body = () => ({ format, csv: file?.text ?? "", filename: file?.name ?? null, mapping: {} });
  const load = async (f: File | undefined) => {
    setPreview(null);
    setJob(null);
    setFile(f ? { name: f.name, text: await f.text() } : null);
  };
  return (
    <>
      <form className="panel row" aria-label="Import file" onSubmit={(e) => { e.preventDefault(); void action.run(async () => setPreview(await post<ImportPreview>("/reports/imports/preview", body()))); }}>
        <Field label="From"><select value={format} onChange={(e) => { setFormat(e.target.value as Format); setPreview(null); }}>
          <option value="toggl">Toggl Track (detailed CSV)</option><option value="clockify">Clockify (detailed CSV)</option>
          <option value="kimai">Kimai (CSV export)</option><option value="harvest">Harvest (detailed time CSV)</option>
        </select></Field>
        <Field label="CSV file"><input type="file" accept=".csv,text/csv" onChange={(e) => void load(e.target.files?.[0])} /></Field>
        <button type="submit" disabled={!file || action.busy}>Preview</button>
        <ErrorBanner error={action.error} />
      </form>
      {preview && (
        <section className="panel" aria-label="Preview">
          <h3>{preview.total} rows</h3>
          <p className="muted">Columns: {Object.entries(preview.mapping).map(([k, v]) => `${k} ← “${v}”`).join(" · ")}</p>
          <table>
            <thead><tr><th>Person in the file</th><th>Matched</th></tr></thead>
            <tbody>{preview.people.map((p) => <tr key={p.source}><td>{p.source}</td><td>{p.name ?? <strong>nobody — these rows are skipped</strong>}</td></tr>)}</tbody>
          </table>
          {preview.problems.length > 0 && <ul className="error">{preview.problems.map((p) => <li key={p.line}>line {p.line}: {p.message}</li>)}</ul>}
          {preview.rows.length === 0 ? <Empty>No readable rows.</Empty> : (
            <table>
              <thead><tr><th>Date</th><th>Start</th><th>Duration</th><th>Person</th><th>Client</th><th>Project</th><th>Task</th><th>Description</th></tr></thead>
              <tbody>{preview.rows.map((r) => (
                <tr key={r.line}><td>{r.date}</td><td>{r.start ?? "—"}</td><td>{r.seconds !== null ? hm(r.seconds) : r.end ? `until ${r.end}` : "—"}</td>
                  <td>{r.person}</td><td>{r.client}</td><td>{r.project}</td><td>{r.task}</td><td>{r.description}</td></tr>
              ))}</tbody>
            </table>
          )}
          <button disabled={action.busy || (job !== null && job.status !== "done")} onClick={() => void action.run(async () => setJob((await post<ImportOut>("/reports/imports", body())).import))}>Import {preview.total} rows</button>
          {job && (
            <p aria-live="polite">
              <progress max={100} value={job.progress} aria-label="Import progress" /> {job.progress}%
              {job.status === "done" && <> · created {job.created}, already there {job.duplicates}, skipped {job.skipped}</>}
            </p>
          )}
        </section>
      )}
    </>
  );
}
