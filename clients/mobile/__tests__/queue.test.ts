import { Api } from "../src/api";
import { OfflineQueue } from "../src/queue";
import { memoryStore } from "../src/storage";
import { Timer } from "../src/timer";
import { FakeServer } from "../test-support/fakeserver";

function setup() {
  const server = new FakeServer();
  const tokens = memoryStore({ "wm.session": JSON.stringify({ access: server.access, refresh: server.refresh }) });
  const api = new Api("http://server.test", tokens, server.fetch);
  const plain = memoryStore();
  const queue = new OfflineQueue(plain);
  const timer = new Timer(api, queue, plain);
  return { server, api, queue, timer, plain };
}

test("a timer started and stopped offline becomes one entry when the server is back, never two", async () => {
  const { server, api, queue, timer } = setup();
  server.online = false;
  await timer.start({ projectId: "p1", description: "site visit" });
  expect(timer.running?.entryId).toBeNull();
  expect(await timer.stop()).toBe("queued");
  expect(queue.pending).toHaveLength(1);
  expect(queue.pending[0].label).toMatch(/^Time entry \d\d:\d\d–\d\d:\d\d$/);

  // a replay that reached the server but whose answer was lost: the same key is sent again
  server.online = true;
  const key = queue.pending[0].key;
  expect(await queue.flush(api)).toBe(1);
  await api.request("POST", "/function/time/entries", { body: server.calls.at(-1)!.body, idempotencyKey: key });
  expect(server.entries).toHaveLength(1);
  expect(server.entries[0]).toMatchObject({ project_id: "p1", description: "site visit", source: "mobile" });
  expect(queue.pending).toHaveLength(0);
  expect(server.calls.filter((c) => c.path === "/function/time/entries").every((c) => c.headers["Idempotency-Key"] === key)).toBe(true);
});

test("the queue replays in order, keeps writes while offline, and reports refused ones instead of dropping them", async () => {
  const { server, api, queue } = setup();
  server.entries.push({ id: "x", started_at: "2026-11-30T09:00:00Z", ended_at: "2026-11-30T10:00:00Z" });
  await queue.enqueue("POST", "/function/time/entries", { started_at: "2026-11-30T07:00:00Z", ended_at: "2026-11-30T08:00:00Z" }, "A");
  await queue.enqueue("POST", "/function/time/entries", { started_at: "2026-11-30T09:30:00Z", ended_at: "2026-11-30T09:45:00Z" }, "B (overlaps)");
  await queue.enqueue("POST", "/function/time/entries", { started_at: "2026-11-30T11:00:00Z", ended_at: "2026-11-30T12:00:00Z" }, "C");

  server.online = false;
  expect(await queue.flush(api)).toBe(0);
  expect(queue.pending.map((p) => p.label)).toEqual(["A", "B (overlaps)", "C"]);
  expect(queue.pending[0].lastError).toMatch(/cannot be reached/);

  server.online = true;
  expect(await queue.flush(api)).toBe(2);
  expect(server.entries.map((e) => e.started_at)).toEqual(["2026-11-30T09:00:00Z", "2026-11-30T07:00:00Z", "2026-11-30T11:00:00Z"]);
  expect(queue.pending).toHaveLength(0);
  expect(queue.failed).toHaveLength(1);
  expect(queue.failed[0]).toMatchObject({ label: "B (overlaps)", status: 409, message: "Overlaps entry x." });
});

test("the queue survives a restart of the app (it is persisted)", async () => {
  const { server, api, queue, plain } = setup();
  await queue.enqueue("POST", "/function/time/entries", { started_at: "2026-11-30T07:00:00Z", ended_at: "2026-11-30T08:00:00Z" }, "A");
  const again = new OfflineQueue(plain);
  await again.load();
  expect(again.pending).toHaveLength(1);
  expect(await again.flush(api)).toBe(1);
  expect(server.entries).toHaveLength(1);
  expect(queue.pending).toHaveLength(1); // the old instance is gone with the old app process
});

test("a server timer stopped while offline is closed at the moment of the tap", async () => {
  const { server, api, queue, timer } = setup();
  await timer.start({});
  expect(timer.running?.entryId).toBe("e1");
  server.online = false;
  const tapped = Date.now();
  expect(await timer.stop()).toBe("queued");
  server.online = true;
  await queue.flush(api);
  const ended = Date.parse(server.entries[0].ended_at);
  expect(Math.abs(ended - tapped)).toBeLessThan(1000);
  expect(server.running).toBeNull();
});
