// One time entry edited in place: day, start, end, project and description; an overlap names (and links to)
// the entry in the way, which the API returns with the error.
import { useState } from "react";
import { ApiError, patch } from "./api";
import { localDate, localDateTime, localTime, zonedToUtc } from "./format";
import type { Entry, ListedEntry, Project } from "./models";
import { ErrorBanner, useAction } from "./ui";
import "./manager.css";

/** The entry an overlap error carries, if the error is one. */
export function conflictOf(error: unknown): Entry | null {
  return error instanceof ApiError && error.code === "overlap" ? ((error.detail.conflicting_entry as Entry | undefined) ?? null) : null;
}

export function EntryEditor({ entry, projects, tz, onSaved, onCancel, onShow }: {
  entry: ListedEntry; projects: Project[]; tz: string; onSaved: () => void; onCancel: () => void;
  /** Show the conflicting entry in the list (when the page can). */
  onShow?: (conflict: Entry) => void;
}) {
  const [initial] = useState(() => ({
    day: localDate(entry.started_at, tz),
    start: localTime(entry.started_at, tz),
    end: entry.ended_at ? localTime(entry.ended_at, tz) : "",
    project_id: entry.project_id ?? "",
    description: entry.description ?? "",
  }));
  const [form, setForm] = useState(initial);
  const act = useAction();
  const conflict = conflictOf(act.error);
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      const started = zonedToUtc(`${form.day}T${form.start}`, tz);
      let ended: string | null = form.end ? zonedToUtc(`${form.day}T${form.end}`, tz) : null;
      // An end before the start means the entry runs past midnight.
      if (ended && ended <= started) ended = new Date(new Date(ended).getTime() + 86400_000).toISOString();
      // Only what the person changed is sent: the fields show minutes, the entry keeps its seconds otherwise.
      const body: Record<string, unknown> = {};
      const moved = form.day !== initial.day;
      if (moved || form.start !== initial.start) body.started_at = started;
      if (!entry.running && ended && (moved || form.end !== initial.end || form.start !== initial.start)) body.ended_at = ended;
      if (form.project_id !== initial.project_id) body.project_id = form.project_id || null;
      if (form.description !== initial.description) body.description = form.description;
      if (Object.keys(body).length) await patch(`/time/entries/${entry.id}`, body);
      onSaved();
    });
  };
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  return (
    <form onSubmit={save} aria-label="Edit entry" data-testid="entry-editor">
      <div className="entry-edit">
        <label className="field"><span>Day</span><input type="date" name="edit-day" value={form.day} onChange={set("day")} required /></label>
        <label className="field"><span>Start</span><input type="time" name="edit-start" value={form.start} onChange={set("start")} required /></label>
        <label className="field"><span>End</span><input type="time" name="edit-end" value={form.end} onChange={set("end")} disabled={entry.running} required={!entry.running} /></label>
        <label className="field"><span>Project</span><select name="edit-project" value={form.project_id} onChange={set("project_id")}>
          <option value="">No project</option>
          {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select></label>
        <label className="field" style={{ gridColumn: "span 2" }}><span>Description</span><input name="edit-description" value={form.description} onChange={set("description")} /></label>
      </div>
      <div className="row">
        <button type="submit" disabled={act.busy}>Save</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
      <ErrorBanner error={act.error} />
      {conflict && (
        <p className="conflict" data-testid="conflict">
          In the way: {localDateTime(conflict.started_at, tz)}–{conflict.ended_at ? localTime(conflict.ended_at, tz) : "running"}
          {conflict.description ? ` “${conflict.description}”` : ""}
          {onShow && <> · <button type="button" className="secondary" onClick={() => onShow(conflict)}>Show it</button></>}
        </p>
      )}
    </form>
  );
}
