// The timer, always at hand in the top bar: project/task picker, start/stop, live across devices.
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { get, post } from "../api";
import { clock, elapsed } from "../format";
import type { Entry, Project, ProjectPage, ServerEvents, StartOut, Task, TaskPage, TimerOut } from "../models";
import { connectSocket, listen } from "../socket";
import { useMe } from "../session";
import { ErrorBanner, useAction } from "../ui";

// The catalogue declares the entry of timer events loosely (another domain's row); it is time's Entry.
const entryOf = (p: ServerEvents["timer.started"]) => p.entry as Entry;

export function Timer() {
  const me = useMe();
  const [entry, setEntry] = useState<Entry | null>(null);
  const [projects, setProjects] = useState<Project[]>([]);
  const [tasks, setTasks] = useState<Task[]>([]);
  const [projectId, setProjectId] = useState("");
  const [taskId, setTaskId] = useState("");
  const [description, setDescription] = useState("");
  const [now, setNow] = useState(Date.now());
  const { busy, error, run } = useAction();
  const [more, setMore] = useState(false); // phones: the project/task/description fields fold away

  useEffect(() => {
    void get<TimerOut>("/time/timer").then((r) => setEntry(r.entry)).catch(() => undefined);
    void get<ProjectPage>("/projects/projects?limit=200").then((r) => setProjects(r.items)).catch(() => undefined);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    let off = () => {};
    void connectSocket().then((s) => {
      // Managers also receive their team's timer events; the top-bar timer shows only the user's own.
      const mine = (e: Entry) => e.user_id === me.user.id;
      const offStarted = listen(s, ["timer.started"], (p) => { const e = entryOf(p); if (mine(e)) setEntry(e); });
      const offStopped = listen(s, ["timer.stopped"], (p) => {
        const e = entryOf(p);
        if (mine(e)) setEntry((cur) => (cur && cur.id === e.id ? null : cur));
      });
      const refetch = () => void get<TimerOut>("/time/timer").then((r) => setEntry(r.entry));
      s.on("connect", refetch); // catch up after a reconnect: the database is the truth
      off = () => { offStarted(); offStopped(); s.off("connect", refetch); };
    });
    return () => { clearInterval(tick); off(); };
  }, [me.user.id]);

  useEffect(() => {
    setTaskId("");
    if (!projectId) return setTasks([]);
    void get<TaskPage>(`/projects/projects/${projectId}/tasks?limit=200`).then((r) => setTasks(r.items)).catch(() => setTasks([]));
  }, [projectId]);

  const start = () => run(async () => {
    const r = await post<StartOut>("/time/timer/start", {
      project_id: projectId || null, task_id: taskId || null, description: description || null, source: "web",
    });
    setEntry(r.entry);
    setMore(false);
  });
  const stop = () => run(async () => {
    await post("/time/timer/stop", {});
    setEntry(null);
  });

  return (
    <div className="timer" aria-live="polite">
      <span className="clock" data-testid="timer-clock">{entry ? clock(elapsed(entry.started_at, now)) : "00:00:00"}</span>
      {entry ? (
        <>
          <span className="muted timer-what">{projects.find((p) => p.id === entry.project_id)?.name ?? entry.description ?? "No project"}</span>
          <button className="danger" onClick={() => void stop()} disabled={busy}>Stop</button>
        </>
      ) : (
        <>
          <button type="button" className="secondary timer-more" aria-expanded={more} aria-controls="timer-fields"
            aria-label="Project and description" onClick={() => setMore(!more)}>{more ? "▴" : "▾"}</button>
          <div id="timer-fields" className={`timer-fields${more ? " open" : ""}`}>
          <select aria-label="Project" value={projectId} onChange={(e) => setProjectId(e.target.value)}>
            <option value="">No project</option>
            {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          {tasks.length > 0 && (
            <select aria-label="Task" value={taskId} onChange={(e) => setTaskId(e.target.value)}>
              <option value="">No task</option>
              {tasks.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          )}
          <input aria-label="What are you working on?" placeholder="What are you working on?" value={description}
            onChange={(e) => setDescription(e.target.value)} />
          </div>
          <button onClick={() => void start()} disabled={busy}>Start</button>
        </>
      )}
      <TopbarError error={error} />
    </div>
  );
}

/** The timer's error, shown below the top bar (in App's #topbar-errors slot), never inside it. */
function TopbarError({ error }: { error: unknown }) {
  const slot = document.getElementById("topbar-errors");
  if (!error) return null;
  return slot ? createPortal(<ErrorBanner error={error} />, slot) : <ErrorBanner error={error} />;
}
