// The tracking state machine with a fake clock: focus changes, idle and lock, service worker restarts (the state
// goes through JSON as it does through extension storage), consent, the offline queue and backoff.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as T from "../src/tracker.js";

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0) / 1000;
const A = { url: "https://www.github.com/org/repo", title: "repo", incognito: false };
const B = { url: "http://localhost:5173/page", title: "page", incognito: false };
const seen = (tab, extra = {}) => ({ tab, focused: true, idle: "active", ...extra });

/** A signed-in, consenting person with a running timer, short samples and a 30 s idle threshold. */
function tracking(over = {}) {
  const s = T.initialState("browser-test");
  s.session = { server: "http://x", email: "e@x", user: { id: "u1", name: "Eve" } };
  s.policy = { ...s.policy, agreement: "accepted", activity: true, timer: { id: "t1" }, idleSeconds: 30, ...over };
  s.tuning = { ...s.tuning, sampleSeconds: 60 };
  return s;
}

/** Run `fn(state, now)` at every second from `from` to `to` (a tick per second, like a busy browser). */
function each(state, from, to, fn = (s, now) => T.tick(s, now)) {
  for (let now = from; now <= to; now += 1) fn(state, now);
}

const restart = (state) => JSON.parse(JSON.stringify(state)); // what a stopped service worker keeps

const byDomain = (queue, idle = false) =>
  queue.filter((q) => q.idle === idle).reduce((m, q) => ({ ...m, [q.domain]: (m[q.domain] || 0) + q.duration }), {});

describe("tracking state machine", () => {
  it("splits time by focused tab into samples of at most a minute", () => {
    const s = tracking();
    T.observe(s, T0, seen(A));
    each(s, T0 + 1, T0 + 130);
    T.observe(s, T0 + 130, seen(B));
    each(s, T0 + 131, T0 + 150);
    T.observe(s, T0 + 150, { ...seen(B), focused: false }); // another application in front
    each(s, T0 + 151, T0 + 200);
    assert.deepEqual(byDomain(s.queue), { "github.com": 130, localhost: 20 });
    assert.ok(s.queue.every((q) => q.duration <= 60 && q.source === "browser"));
    assert.deepEqual(s.queue.map((q) => q.seq), [1, 2, 3, 4]);
    assert.equal(s.open, null);
    assert.equal(s.queue[0].url, undefined, "domain only unless the company allows full URLs");
  });

  it("keeps URL and title only when the company setting says full", () => {
    const s = tracking({ capture: "full" });
    T.observe(s, T0, seen(A));
    T.observe(s, T0 + 10, seen(B));
    assert.equal(s.queue[0].url, A.url);
    assert.equal(s.queue[0].title, "repo");
  });

  it("never records private windows, locked screens, non-web pages, a paused or stopped timer, or no consent", () => {
    const s = tracking();
    T.observe(s, T0, seen({ ...A, incognito: true }));
    T.observe(s, T0 + 10, seen({ url: "chrome://settings", title: "" }));
    T.observe(s, T0 + 20, seen(A, { idle: "locked" }));
    T.observe(s, T0 + 30, seen(A));
    T.setPaused(s, T0 + 40, true);
    T.tick(s, T0 + 50);
    T.setPaused(s, T0 + 60, false);
    T.setPolicy(s, T0 + 70, { timer: null });
    T.tick(s, T0 + 80);
    T.setPolicy(s, T0 + 90, { timer: { id: "t2" } });
    T.setPolicy(s, T0 + 100, { activity: false });
    T.tick(s, T0 + 110);
    assert.deepEqual(
      s.queue.map((q) => [q.started_at.slice(11, 19), q.duration]),
      [["09:00:30", 10], ["09:01:00", 10], ["09:01:30", 10]],
    );
    assert.equal(T.status(s), "not_allowed");
    assert.equal(T.nextBatch(s, T0 + 200), null, "nothing is sent without consent");
  });

  it("counts idle time from the last input and active seconds per second with input", () => {
    const s = tracking();
    T.observe(s, T0, seen(A));
    each(s, T0 + 1, T0 + 20, (st, now) => {
      T.input(st, now, "key");
      T.input(st, now + 0.5, "mouse"); // two events in one second: still one active second
      T.tick(st, now);
    });
    each(s, T0 + 21, T0 + 50); // no input; the browser reports idle 30 s after the last one
    T.observe(s, T0 + 50, seen(A, { idle: "idle" }));
    each(s, T0 + 51, T0 + 80);
    T.observe(s, T0 + 80, seen(A)); // back
    T.tick(s, T0 + 90);
    T.close(s, T0 + 90);
    assert.deepEqual(byDomain(s.queue, true), { "github.com": 60 }, "idle from 09:00:20 to 09:01:20");
    assert.deepEqual(byDomain(s.queue), { "github.com": 30 });
    assert.equal(s.queue[0].active_seconds, 20);
    assert.equal(s.queue[0].keyboard, 20);
    assert.ok(s.queue.filter((q) => q.idle).every((q) => q.active_seconds === 0));
  });

  it("survives service worker restarts: nothing lost, nothing twice, a long gap not recorded", () => {
    let s = tracking();
    T.observe(s, T0, seen(A));
    each(s, T0 + 1, T0 + 45);
    s = restart(s); // the browser stopped the worker; an alarm wakes a new one 25 s later
    T.tick(s, T0 + 70);
    s = restart(s);
    T.tick(s, T0 + 70 + 600); // asleep for 10 minutes: the open sample ends where it was last seen
    each(s, T0 + 671, T0 + 700);
    T.observe(s, T0 + 700, seen(B));
    const seqs = s.queue.map((q) => q.seq);
    assert.deepEqual(seqs, [...new Set(seqs)]);
    assert.deepEqual(byDomain(s.queue), { "github.com": 70 + 30 });
  });

  it("queues offline with backoff, acks by sequence number and summarizes instead of dropping", () => {
    const s = tracking();
    s.tuning = { ...s.tuning, maxQueue: 4, batchSize: 3 };
    T.observe(s, T0, seen(A));
    for (let i = 1; i <= 6; i += 1) T.observe(s, T0 + i * 10, seen(i % 2 ? B : A));
    assert.equal(s.queue.length, 4);
    assert.equal(s.summarized + s.dropped, 2);
    assert.equal(s.queue.reduce((n, q) => n + q.duration, 0) + 10 * s.dropped, 60, "seconds kept, drops counted");
    const d1 = T.failed(s, T0 + 60, "server unreachable", 0.999);
    const d2 = T.failed(s, T0 + 60 + d1, "server unreachable", 0.999);
    assert.ok(d1 <= 5 && d2 > d1 && d2 <= 10);
    assert.equal(T.nextBatch(s, T0 + 61), null, "backing off");
    const batch = T.nextBatch(s, T0 + 60 + d1 + d2);
    assert.equal(batch.samples.length, 3);
    assert.equal(batch.device_id, "browser-test");
    T.acked(s, T0 + 80, batch.samples.map((q) => q.seq));
    assert.equal(s.queue.length, 1);
    assert.equal(s.sync.failures, 0);
    assert.equal(s.sync.lastError, "");
    for (let i = 0; i < 10; i += 1) T.failed(s, T0 + 100, "down", 1);
    assert.equal(s.sync.nextAt, T0 + 100 + 300, "backoff capped at five minutes");
  });

  it("shows today's time and top sites, and a badge per state", () => {
    const s = tracking();
    s.tuning.gapSeconds = 7200;
    T.observe(s, T0, seen(A));
    T.observe(s, T0 + 3600, seen(B)); // after a long tick (as alarms run): pieces of a minute each
    T.tick(s, T0 + 3600 + 300);
    const day = T.today(s, T0 + 3900);
    assert.equal(day.seconds, 3900);
    assert.deepEqual(day.sites.map((x) => x.domain), ["github.com", "localhost"]);
    assert.equal(s.queue.filter((q) => q.domain === "github.com").length, 60);
    assert.deepEqual(T.badge(s, T0 + 3900), { text: "1:05", color: "#16a34a" });
    T.setPaused(s, T0 + 3900, true);
    assert.equal(T.badge(s, T0 + 3900).text, "II");
    T.signOut(s, T0 + 3900);
    assert.equal(T.badge(s, T0 + 3900).text, "");
    assert.equal(T.status(s), "signed_out");
  });
});
