// The offline queue: every write the person makes while the server is unreachable is kept (persisted) with an
// idempotency key and replayed in order when the server answers again. A replay the server already applied is
// answered from its idempotency record, so nothing is doubled; a write the server refuses (4xx) leaves the queue
// and is shown as failed with the server's message, so nothing is silently lost.
import { Api, ApiError, OfflineError, newKey } from "./api";
import type { KeyValue } from "./storage";

export interface QueuedWrite {
  key: string; // the Idempotency-Key, also the item's id
  method: "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  body: unknown;
  label: string; // what the person sees: "Time entry 09:00-10:30"
  queuedAt: string;
  attempts: number;
  lastError: string | null;
}

export interface FailedWrite extends QueuedWrite {
  status: number;
  message: string;
}

interface Stored {
  pending: QueuedWrite[];
  failed: FailedWrite[];
}

const KEY = "wm.queue";

export class OfflineQueue {
  private store: KeyValue;
  private state: Stored = { pending: [], failed: [] };
  private loaded: Promise<void> | null = null;
  private flushing: Promise<number> | null = null;
  private listeners = new Set<() => void>();
  now: () => Date;

  constructor(store: KeyValue, now: () => Date = () => new Date()) {
    this.store = store;
    this.now = now;
  }

  load(): Promise<void> {
    if (!this.loaded) {
      this.loaded = (async () => {
        const raw = await this.store.getItem(KEY);
        if (raw) this.state = JSON.parse(raw) as Stored;
      })();
    }
    return this.loaded;
  }

  private async save(): Promise<void> {
    await this.store.setItem(KEY, JSON.stringify(this.state));
    this.listeners.forEach((f) => f());
  }

  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  get pending(): readonly QueuedWrite[] {
    return this.state.pending;
  }
  get failed(): readonly FailedWrite[] {
    return this.state.failed;
  }

  async enqueue(method: QueuedWrite["method"], path: string, body: unknown, label: string): Promise<QueuedWrite> {
    await this.load();
    const item: QueuedWrite = {
      key: newKey(),
      method,
      path,
      body,
      label,
      queuedAt: this.now().toISOString(),
      attempts: 0,
      lastError: null,
    };
    this.state.pending.push(item);
    await this.save();
    return item;
  }

  async dismiss(key: string): Promise<void> {
    this.state.failed = this.state.failed.filter((f) => f.key !== key);
    await this.save();
  }

  /** Replay the queue in order; stop at the first write the server cannot take yet. Returns how many were sent. */
  flush(api: Api): Promise<number> {
    if (!this.flushing) {
      this.flushing = this.flushOnce(api).finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async flushOnce(api: Api): Promise<number> {
    await this.load();
    let sent = 0;
    while (this.state.pending.length > 0) {
      const item = this.state.pending[0];
      item.attempts += 1;
      try {
        await api.request(item.method, item.path, { body: item.body, idempotencyKey: item.key });
        this.state.pending.shift();
        sent += 1;
        await this.save();
      } catch (err) {
        if (err instanceof OfflineError || (err instanceof ApiError && (err.status >= 500 || err.status === 429 || err.status === 401))) {
          // not the write's fault: keep it at the head and try again later, in order
          item.lastError = err.message;
          await this.save();
          break;
        }
        const e = err as ApiError;
        this.state.pending.shift();
        this.state.failed.push({ ...item, status: e.status ?? 0, message: e.message, lastError: e.message });
        await this.save();
      }
    }
    return sent;
  }
}
