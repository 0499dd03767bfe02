// A project's tasks: managers/admins create, edit (assignees, status, due date, estimate) and delete them;
// assignees move their own tasks between to do / in progress / done (POST /tasks/<id>/status).
import { useState } from "react";
import { del, get, patch, post, qs } from "../api";
import { hm } from "../format";
import { parseMinutes } from "../metrics";
import { isManager, useMe } from "../session";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";
import type { Member, Project, Task, TaskPage } from "../models";

type TaskStatus = Task["status"];
const STATUS: Record<TaskStatus, string> = { todo: "To do", in_progress: "In progress", done: "Done" };
const statusClass = (s: TaskStatus) => (s === "done" ? "ok" : s === "in_progress" ? "warn" : "");

export function Tasks({ project, members }: { project: Project; members: Member[] }) {
  const me = useMe();
  const planner = isManager(me);
  const [filter, setFilter] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const list = useAsync(() => get<TaskPage>(`/projects/projects/${project.id}/tasks${qs({ status: filter, limit: 200 })}`), [project.id, filter]);
  const act = useAction();
  const names = (ids: string[]) => ids.map((id) => members.find((m) => m.user_id === id)?.name ?? (id === me.user.id ? me.user.name : "someone")).join(", ");
  const move = (t: Task, status: string) => act.run(async () => { await post(`/projects/tasks/${t.id}/status`, { status }); list.reload(); });
  const remove = (t: Task) => {
    if (!window.confirm(`Delete the task “${t.name}”?`)) return;
    void act.run(async () => { await del(`/projects/tasks/${t.id}`); list.reload(); });
  };
  return (
    <section className="panel" aria-label="Tasks">
      <h3>Tasks</h3>
      <Field label="Show"><select value={filter} onChange={(e) => setFilter(e.target.value)}>
        <option value="">All tasks</option>
        {Object.entries(STATUS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
      </select></Field>
      <ErrorBanner error={list.error ?? act.error} />
      {list.loading && !list.data ? <Loading /> : !list.data?.items.length ? <Empty>No tasks here.</Empty> : (
        <ul className="consent-list" data-testid="tasks">{list.data.items.map((t) => {
          const mine = t.assignee_ids.includes(me.user.id);
          return (
            <li key={t.id} style={{ flexDirection: "column", gap: 4, borderBottom: "1px solid var(--line)", paddingBottom: 8 }}>
              <div className="row" style={{ alignItems: "center", justifyContent: "space-between", width: "100%" }}>
                <strong>{t.name}</strong>
                {planner || mine ? (
                  <select aria-label={`Status of ${t.name}`} value={t.status} disabled={act.busy} onChange={(e) => void move(t, e.target.value)}>
                    {Object.entries(STATUS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
                  </select>
                ) : <span className={`badge ${statusClass(t.status)}`}>{STATUS[t.status]}</span>}
              </div>
              {t.description && <span>{t.description}</span>}
              <span className="muted" style={{ fontSize: 13 }}>
                {t.due_date ? `Due ${t.due_date}` : "No due date"}
                {t.estimate_minutes ? ` · estimate ${hm(t.estimate_minutes * 60)}` : ""}
                {" · "}{t.assignee_ids.length ? `Assigned to ${names(t.assignee_ids)}` : "Unassigned"}
              </span>
              {planner && (editing === t.id ? (
                <TaskForm projectId={project.id} task={t} members={members} onDone={() => { setEditing(null); list.reload(); }} />
              ) : (
                <div className="row">
                  <button className="secondary" onClick={() => setEditing(t.id)}>Edit</button>
                  <button className="secondary" onClick={() => remove(t)} disabled={act.busy}>Delete</button>
                </div>
              ))}
            </li>
          );
        })}</ul>
      )}
      {planner && !project.archived && (
        <details style={{ marginTop: 12 }}>
          <summary>New task</summary>
          <TaskForm projectId={project.id} members={members} onDone={list.reload} />
        </details>
      )}
    </section>
  );
}

function TaskForm({ projectId, task, members, onDone }: {
  projectId: string; task?: Task; members: Member[]; onDone: () => void;
}) {
  const [f, setF] = useState({
    name: task?.name ?? "", description: task?.description ?? "", status: task?.status ?? "todo",
    due_date: task?.due_date ?? "", estimate: task?.estimate_minutes ? String(task.estimate_minutes) : "",
    assignees: task?.assignee_ids ?? [] as string[],
  });
  const act = useAction();
  const toggle = (id: string) => setF({ ...f, assignees: f.assignees.includes(id) ? f.assignees.filter((a) => a !== id) : [...f.assignees, id] });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      const payload = {
        name: f.name, description: f.description || null, status: f.status, due_date: f.due_date || null,
        estimate_minutes: parseMinutes(f.estimate), assignee_ids: f.assignees,
      };
      if (task) await patch(`/projects/tasks/${task.id}`, payload);
      else {
        await post(`/projects/projects/${projectId}/tasks`, payload);
        setF({ ...f, name: "", description: "", estimate: "", due_date: "", assignees: [] });
      }
      onDone();
    });
  };
  return (
    <form onSubmit={submit} aria-label={task ? `Edit ${task.name}` : "New task"} style={{ width: "100%" }}>
      <div className="row">
        <Field label="Task name"><input name="task-name" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required /></Field>
        <Field label="Status"><select value={f.status} onChange={(e) => setF({ ...f, status: e.target.value as TaskStatus })}>
          {Object.entries(STATUS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </select></Field>
        <Field label="Due date"><input type="date" value={f.due_date} onChange={(e) => setF({ ...f, due_date: e.target.value })} /></Field>
        <Field label="Estimate (minutes or 1:30)"><input value={f.estimate} onChange={(e) => setF({ ...f, estimate: e.target.value })} size={8} /></Field>
      </div>
      <Field label="Description"><textarea rows={2} value={f.description} onChange={(e) => setF({ ...f, description: e.target.value })} /></Field>
      <fieldset style={{ border: 0, padding: 0, margin: "0 0 12px" }}>
        <legend className="muted" style={{ fontSize: 13 }}>Assignees (project members)</legend>
        {!members.length ? <span className="muted">Add members to the project first.</span> : (
          <div className="row">{members.map((m) => (
            <label key={m.user_id} className="check" style={{ marginBottom: 0 }}>
              <input type="checkbox" checked={f.assignees.includes(m.user_id)} onChange={() => toggle(m.user_id)} /> {m.name}
            </label>
          ))}</div>
        )}
      </fieldset>
      <div className="row">
        <button type="submit" disabled={act.busy}>{task ? "Save task" : "Add task"}</button>
        {task && <button type="button" className="secondary" onClick={onDone}>Cancel</button>}
      </div>
      <ErrorBanner error={act.error} />
    </form>
  );
}
