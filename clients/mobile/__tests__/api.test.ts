import { Api, ApiError, OfflineError } from "../src/api";
import { memoryStore } from "../src/storage";
import { FakeServer } from "../test-support/fakeserver";

test("an expired access token is refreshed once for concurrent calls, and the rotated pair is stored", async () => {
  const server = new FakeServer();
  const store = memoryStore({ "wm.session": JSON.stringify({ access: "stale", refresh: server.refresh }) });
  const api = new Api("http://server.test/", store, server.fetch);
  const results = await Promise.all([api.get("/function/time/timer"), api.get("/function/time/timer"), api.get("/function/time/timer")]);
  expect(results).toHaveLength(3);
  expect(server.refreshCount).toBe(1);
  expect(JSON.parse(store.data["wm.session"])).toEqual({ access: "access-2", refresh: "refresh-2" });
  expect(server.calls.filter((c) => c.path === "/function/auth/refresh")).toHaveLength(1);
});

test("a refused refresh signs the person out", async () => {
  const server = new FakeServer();
  const store = memoryStore({ "wm.session": JSON.stringify({ access: "stale", refresh: "revoked" }) });
  const api = new Api("http://server.test", store, server.fetch);
  let signedOut = false;
  api.onSignedOut = () => {
    signedOut = true;
  };
  await expect(api.get("/function/time/timer")).rejects.toBeInstanceOf(ApiError);
  expect(signedOut).toBe(true);
  expect(store.data["wm.session"]).toBeUndefined();
});

test("no connection is an OfflineError, an error answer an ApiError with the server's message", async () => {
  const server = new FakeServer();
  const store = memoryStore({ "wm.session": JSON.stringify({ access: server.access, refresh: server.refresh }) });
  const api = new Api("http://server.test", store, server.fetch);
  server.online = false;
  await expect(api.get("/function/time/timer")).rejects.toBeInstanceOf(OfflineError);
  server.online = true;
  const err = await api.post("/function/time/timer/stop").catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ status: 409, code: "not_running", message: "No timer is running." });
});
