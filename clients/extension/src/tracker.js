// The tracking state machine: pure functions over one plain state object and a clock in seconds (no browser
// API here, so the tests drive it with a fake clock). background.js keeps the state in extension storage and
// calls these for every browser event, alarm and server answer.
//
// What must stay true:
// - Nothing is recorded without an accepted work agreement with activity consent, while paused, while the
//   timer is stopped, in a private window, with the browser unfocused or the screen locked.
// - Time between two events belongs to what was seen at the first one; a gap longer than gapSeconds (sleep,
//   a browser that was closed) is not recorded. Idle time starts at the last input (now - idle detection
//   interval), not when the browser noticed it.
// - Every closed sample gets the next sequence number once and stays queued until the server acknowledged its
//   seq; a full queue merges its oldest samples (their seconds are kept) and never drops one without counting it.

export const DEFAULT_TUNING = {
  sampleSeconds: 60,
  gapSeconds: 180,
  maxQueue: 5000,
  batchSize: 500,
  backoffBase: 5,
  backoffCap: 300,
  policySeconds: 60,
};

/** A fresh state for a new installation with the given device id. */
export function initialState(deviceId) {
  return {
    deviceId,
    seq: 0,
    session: null,
    policy: { agreement: "none", activity: false, capture: "domain", idleSeconds: 300, timer: null, checkedAt: 0 },
    paused: false,
    open: null,
    obs: null,
    queue: [],
    summarized: 0,
    dropped: 0,
    sent: 0,
    today: { day: "", seconds: 0, sites: {} },
    sync: { failures: 0, nextAt: 0, lastOkAt: 0, lastError: "" },
    tuning: { ...DEFAULT_TUNING },
  };
}

const tune = (state) => ({ ...DEFAULT_TUNING, ...(state.tuning || {}) });

/** Whether the server allows capture for this person: an accepted agreement that includes activity. */
export function allowed(state) {
  return Boolean(state.session) && state.policy.agreement === "accepted" && Boolean(state.policy.activity);
}

/** The one-word state the popup and badge show. */
export function status(state) {
  if (!state.session) return "signed_out";
  if (!allowed(state)) return "not_allowed";
  if (state.paused) return "paused";
  if (!state.policy.timer) return "timer_stopped";
  return "tracking";
}

/** The domain of an http(s) URL without a leading "www.", or null for anything else (new tab, settings, files). */
export function domainOf(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  return u.hostname.toLowerCase().replace(/^www\./, "") || null;
}

/** What the observation `obs` would record now ({domain, url, title, idle}), or null when nothing may be. */
export function keyFor(state, obs) {
  if (status(state) !== "tracking" || !obs || !obs.focused || !obs.tab || obs.tab.incognito) return null;
  if (obs.idle === "locked") return null;
  const domain = domainOf(obs.tab.url || "");
  if (!domain) return null;
  const full = state.policy.capture === "full";
  return { domain, url: full ? obs.tab.url : null, title: full ? obs.tab.title || "" : null, idle: obs.idle === "idle" };
}

const sameKey = (a, b) => a.domain === b.domain && a.url === b.url && a.title === b.title && a.idle === b.idle;

function openAt(start, last, key) {
  return { start, last, key, active: 0, keyboard: 0, mouse: 0, activeSecond: -1 };
}

/** Account the time since the previous event to what was seen then, and record `obs` as what is seen now. */
export function observe(state, now, obs, app = "Browser") {
  const t = tune(state);
  let cur = state.open;
  if (cur) {
    if (now < cur.last || now - cur.last > t.gapSeconds) {
      close(state, cur.last, app); // the gap itself (sleep, a closed browser) is never recorded
      cur = null;
    } else {
      cur.last = now;
    }
  }
  state.obs = obs;
  const key = keyFor(state, obs);
  if (cur && key && key.idle && !cur.key.idle && key.domain === cur.key.domain) {
    // Idle began at the last input, idleSeconds ago: that part of the open sample is idle time too.
    const cut = Math.max(cur.start, now - state.policy.idleSeconds);
    close(state, cut, app);
    state.open = openAt(cut, now, key);
    return;
  }
  if (cur && (!key || !sameKey(cur.key, key) || cur.last - cur.start >= t.sampleSeconds)) {
    close(state, now, app);
  }
  if (key && !state.open) state.open = openAt(now, now, key);
}

/** Re-observe what was last seen (an alarm or timer tick): closes samples that reached their length. */
export function tick(state, now, app) {
  observe(state, now, state.obs, app);
}

/** Input seen in the page at `now` ("key" or "mouse"): marks that second active. */
export function input(state, now, kind) {
  const cur = state.open;
  if (!cur || cur.key.idle) return;
  const second = Math.floor(now);
  if (second !== cur.activeSecond) {
    cur.activeSecond = second;
    cur.active += 1;
  }
  if (kind === "key") cur.keyboard += 1;
  else cur.mouse += 1;
}

function iso(seconds) {
  return new Date(Math.round(seconds * 1000)).toISOString();
}

/** Local calendar day (YYYY-MM-DD) of a clock time in seconds. */
export function localDay(seconds) {
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** End the open sample at `end`: queue it (in pieces of at most sampleSeconds) when it lasted a second or more. */
export function close(state, end, app = "Browser") {
  const cur = state.open;
  state.open = null;
  if (!cur) return;
  const t = tune(state);
  let start = cur.start;
  let active = cur.active;
  let counts = { keyboard: cur.keyboard, mouse: cur.mouse };
  while (Math.round(end - start) >= 1) {
    const pieceEnd = end - start > t.sampleSeconds + 0.5 ? start + t.sampleSeconds : end;
    const duration = Math.min(3600, Math.round(pieceEnd - start));
    const piece = cur.key.idle ? 0 : Math.min(duration, active);
    active -= piece;
    const sample = {
      seq: ++state.seq,
      started_at: iso(start),
      duration,
      app,
      domain: cur.key.domain,
      keyboard: counts.keyboard,
      mouse: counts.mouse,
      idle: cur.key.idle,
      active_seconds: piece,
      source: "browser",
    };
    if (cur.key.url !== null) Object.assign(sample, { url: cur.key.url.slice(0, 2048), title: cur.key.title.slice(0, 1000) });
    counts = { keyboard: 0, mouse: 0 };
    enqueue(state, sample);
    count(state, start, duration, cur.key);
    start = pieceEnd;
  }
}

function count(state, start, duration, key) {
  const day = localDay(start);
  if (state.today.day !== day) state.today = { day, seconds: 0, sites: {} };
  state.today.seconds += duration;
  state.today.sites[key.domain] = (state.today.sites[key.domain] || 0) + duration;
}

/** Today's tracked seconds (closed samples plus the open one) and the top sites, for the popup and badge. */
export function today(state, now, top = 5) {
  const day = localDay(now);
  const base = state.today.day === day ? state.today : { seconds: 0, sites: {} };
  const sites = { ...base.sites };
  let seconds = base.seconds;
  if (state.open && localDay(state.open.start) === day) {
    const open = Math.max(0, state.open.last - state.open.start);
    seconds += open;
    sites[state.open.key.domain] = (sites[state.open.key.domain] || 0) + open;
  }
  const ranked = Object.entries(sites)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([domain, secs]) => ({ domain, seconds: Math.round(secs) }));
  return { seconds: Math.round(seconds), sites: ranked };
}

const mergeable = (a, b) => a.domain === b.domain && a.idle === b.idle && a.duration + b.duration <= 3600;

/** Add a sample to the queue; past maxQueue the oldest mergeable pair becomes one sample (time kept, counted). */
export function enqueue(state, sample) {
  state.queue.push(sample);
  const { maxQueue } = tune(state);
  while (state.queue.length > maxQueue) {
    const q = state.queue;
    const i = q.findIndex((s, k) => k + 1 < q.length && mergeable(s, q[k + 1]));
    if (i < 0) {
      q.shift(); // nothing left to merge: the oldest goes, and the popup says how many did
      state.dropped += 1;
      continue;
    }
    const [a, b] = [q[i], q[i + 1]];
    q.splice(i, 2, {
      ...a,
      duration: a.duration + b.duration,
      active_seconds: a.active_seconds + b.active_seconds,
      keyboard: a.keyboard + b.keyboard,
      mouse: a.mouse + b.mouse,
    });
    state.summarized += 1;
  }
}

/** The next batch to send now, or null (signed out, no consent, backing off or nothing queued). */
export function nextBatch(state, now) {
  if (!allowed(state) || !state.queue.length || now < state.sync.nextAt) return null;
  return { device_id: state.deviceId, samples: state.queue.slice(0, tune(state).batchSize) };
}

/** The server stored (or already had) the samples with these sequence numbers. */
export function acked(state, now, seqs) {
  const done = new Set(seqs);
  const before = state.queue.length;
  state.queue = state.queue.filter((s) => !done.has(s.seq));
  state.sent += before - state.queue.length;
  succeeded(state, now);
}

/** A server call worked: forget the failure history. */
export function succeeded(state, now) {
  state.sync = { failures: 0, nextAt: 0, lastOkAt: now, lastError: "" };
}

/** A server call failed: back off exponentially with jitter (`rand` in [0, 1)); return the delay in seconds. */
export function failed(state, now, message, rand = Math.random()) {
  const t = tune(state);
  const failures = state.sync.failures + 1;
  const ceiling = Math.min(t.backoffCap, t.backoffBase * 2 ** (failures - 1));
  const delay = ceiling / 2 + (rand * ceiling) / 2;
  state.sync = { ...state.sync, failures, nextAt: now + delay, lastError: message };
  return delay;
}

/** Apply what the server says (consent, capture setting, idle threshold, timer); closes the open sample first. */
export function setPolicy(state, now, policy, app) {
  tick(state, now, app);
  state.policy = { ...state.policy, ...policy, checkedAt: now };
  observe(state, now, state.obs, app); // a changed key (consent gone, timer stopped) ends the open sample now
}

/** Pause (true) or resume (false) capture. */
export function setPaused(state, now, paused, app) {
  tick(state, now, app);
  state.paused = paused;
  if (paused) close(state, now, app);
  observe(state, now, state.obs, app);
}

/** Sign out: close what is open (it stays queued for this account) and forget the session. */
export function signOut(state, now, app) {
  tick(state, now, app);
  close(state, now, app);
  state.session = null;
  state.policy = initialState(state.deviceId).policy;
}

/** The badge: today's tracked time as h:mm, "II" while paused, "off" without consent, nothing signed out. */
export function badge(state, now) {
  const s = status(state);
  if (s === "signed_out") return { text: "", color: "#6b7280" };
  if (s === "not_allowed") return { text: "off", color: "#6b7280" };
  if (s === "paused") return { text: "II", color: "#d97706" };
  const secs = today(state, now).seconds;
  const text = `${Math.floor(secs / 3600)}:${String(Math.floor((secs % 3600) / 60)).padStart(2, "0")}`;
  return { text, color: s === "tracking" ? "#16a34a" : "#6b7280" };
}
