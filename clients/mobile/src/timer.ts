// The timer, online or not. Online it is the server's timer (shared with the web app and the desktop agent).
// Started offline, it runs on the phone and becomes a finished entry (POST /entries with an idempotency key) when
// stopped; a server timer stopped offline is closed by its entry's end time (PATCH), replayed when back online.
import { Api, OfflineError } from "./api";
import type { Entry, TimerOut } from "./models";
import type { OfflineQueue } from "./queue";
import type { KeyValue } from "./storage";

export interface RunningTimer {
  entryId: string | null; // the server's entry, or null when started offline
  startedAt: string;
  projectId: string | null;
  taskId: string | null;
  description: string | null;
}

export interface StartOptions {
  projectId?: string | null;
  taskId?: string | null;
  description?: string | null;
}

const KEY = "wm.timer";

function hhmm(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

export class Timer {
  running: RunningTimer | null = null;
  private loaded = false;

  constructor(
    private api: Api,
    private queue: OfflineQueue,
    private store: KeyValue,
    private now: () => Date = () => new Date(),
  ) {}

  async load(): Promise<RunningTimer | null> {
    if (!this.loaded) {
      const raw = await this.store.getItem(KEY);
      this.running = raw ? (JSON.parse(raw) as RunningTimer) : null;
      this.loaded = true;
    }
    return this.running;
  }

  private async set(r: RunningTimer | null): Promise<void> {
    this.running = r;
    this.loaded = true;
    if (r) await this.store.setItem(KEY, JSON.stringify(r));
    else await this.store.removeItem(KEY);
  }

  /** Take the server's view when online, unless a timer started offline is still running here. */
  async sync(): Promise<RunningTimer | null> {
    await this.load();
    if (this.running && this.running.entryId === null) return this.running;
    try {
      const out = await this.api.get<TimerOut>("/function/time/timer");
      const e = out.entry;
      await this.set(e ? fromEntry(e) : null);
    } catch (err) {
      if (!(err instanceof OfflineError)) throw err;
    }
    return this.running;
  }

  async start(opts: StartOptions = {}): Promise<RunningTimer> {
    await this.load();
    if (this.running) throw new Error("A timer is already running.");
    const body = {
      project_id: opts.projectId ?? null,
      task_id: opts.taskId ?? null,
      description: opts.description || null,
      source: "mobile",
    };
    try {
      const out = await this.api.post<{ entry: Entry }>("/function/time/timer/start", body);
      await this.set(fromEntry(out.entry));
    } catch (err) {
      if (!(err instanceof OfflineError)) throw err;
      await this.set({
        entryId: null,
        startedAt: this.now().toISOString(),
        projectId: body.project_id,
        taskId: body.task_id,
        description: body.description,
      });
    }
    const started = this.running as RunningTimer | null;
    if (!started) throw new Error("The timer did not start.");
    return started;
  }

  /** Stop: returns "stopped" when the server has it, "queued" when it waits for the connection. */
  async stop(): Promise<"stopped" | "queued"> {
    await this.load();
    const r = this.running;
    if (!r) throw new Error("No timer is running.");
    const endedAt = this.now().toISOString();
    if (r.entryId === null) {
      await this.queue.enqueue(
        "POST",
        "/function/time/entries",
        {
          started_at: r.startedAt,
          ended_at: endedAt,
          project_id: r.projectId,
          task_id: r.taskId,
          description: r.description,
          source: "mobile",
        },
        `Time entry ${hhmm(r.startedAt)}–${hhmm(endedAt)}`,
      );
    } else {
      try {
        await this.api.post("/function/time/timer/stop");
        await this.set(null);
        return "stopped";
      } catch (err) {
        if (!(err instanceof OfflineError)) throw err;
        await this.queue.enqueue("PATCH", `/function/time/entries/${r.entryId}`, { ended_at: endedAt }, `Stop timer at ${hhmm(endedAt)}`);
      }
    }
    await this.set(null);
    try {
      await this.queue.flush(this.api);
    } catch {
      /* replayed later */
    }
    return this.queue.pending.length === 0 ? "stopped" : "queued";
  }
}

function fromEntry(e: Entry): RunningTimer {
  return {
    entryId: e.id,
    startedAt: e.started_at,
    projectId: e.project_id,
    taskId: e.task_id,
    description: e.description,
  };
}
