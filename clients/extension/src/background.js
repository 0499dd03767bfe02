// The extension's background (a service worker in Chrome/Edge, an event page in Firefox). The browser may stop
// it at any moment, so it keeps nothing in memory that matters: every event loads the state from
// storage.local, runs the tracker (src/tracker.js) and writes the state back, one event at a time; periodic
// work (closing minute samples, uploads, consent and timer refresh) runs from an alarm.
import * as api from "./api.js";
import * as T from "./tracker.js";

const ext = globalThis.browser ?? globalThis.chrome;
const ALARM = "workmonitor-tick";
const APP = /firefox/i.test(navigator.userAgent) ? "Firefox" : /edg\//i.test(navigator.userAgent) ? "Edge" : "Chrome";
const now = () => Date.now() / 1000;

// --- state: one event at a time, always from and back to storage ------------------------------------------------

let chain = Promise.resolve();

/** Run fn(state) with the stored state, then store it; serialised so two events never interleave. */
function withState(fn) {
  const run = chain.then(async () => {
    const { state: stored } = await ext.storage.local.get("state");
    const state = stored ?? T.initialState(`browser-${crypto.randomUUID()}`);
    try {
      return await fn(state);
    } finally {
      await ext.storage.local.set({ state });
      await showBadge(state);
    }
  });
  chain = run.catch(() => undefined);
  return run;
}

async function showBadge(state) {
  const b = T.badge(state, now());
  await ext.action.setBadgeText({ text: b.text });
  await ext.action.setBadgeBackgroundColor({ color: b.color });
}

// --- what the browser shows now ------------------------------------------------------------------------------------

async function observation(state) {
  let win = null;
  try {
    win = await ext.windows.getLastFocused({ populate: true, windowTypes: ["normal"] });
  } catch {
    win = null;
  }
  const tab = win?.tabs?.find((t) => t.active) ?? null;
  const idle = await ext.idle.queryState(Math.max(15, Math.round(state.policy.idleSeconds)));
  return {
    focused: Boolean(win?.focused),
    idle,
    tab: tab ? { url: tab.url || tab.pendingUrl || "", title: tab.title || "", incognito: Boolean(tab.incognito || win.incognito) } : null,
  };
}

/** Look at the browser and account the time since the last event. */
function refreshObservation() {
  return withState(async (state) => T.observe(state, now(), await observation(state), APP));
}

// --- server: consent and timer, uploads --------------------------------------------------------------------------

const saver = (state) => async (session) => {
  state.session = session;
  await ext.storage.local.set({ state });
};

function explain(err) {
  if (err instanceof api.Offline) return `Server unreachable: ${err.message}.`;
  return err.message || String(err);
}

async function syncPolicy(state, force = false) {
  if (!state.session) return;
  const t = now();
  if (!force && t - state.policy.checkedAt < (state.tuning.policySeconds ?? T.DEFAULT_TUNING.policySeconds)) return;
  try {
    const policy = await api.policy(state.session, saver(state));
    T.setPolicy(state, now(), policy, APP);
    await ext.idle.setDetectionInterval(Math.max(15, Math.round(policy.idleSeconds)));
    T.succeeded(state, now());
  } catch (err) {
    if (err instanceof api.ApiError && err.code === "signed_out") T.signOut(state, now(), APP);
    else T.failed(state, now(), explain(err));
  }
}

async function upload(state) {
  for (let batch = T.nextBatch(state, now()); batch; batch = T.nextBatch(state, now())) {
    try {
      await api.postSamples(state.session, saver(state), batch);
      T.acked(state, now(), batch.samples.map((s) => s.seq));
    } catch (err) {
      if (err instanceof api.ApiError && err.code === "consent_required") {
        T.setPolicy(state, now(), { activity: false }, APP); // kept queued; sent again only with consent
      } else if (err instanceof api.ApiError && err.code === "signed_out") {
        T.signOut(state, now(), APP);
      } else {
        T.failed(state, now(), explain(err));
      }
      return;
    }
  }
}

/** The periodic work: close samples that reached their length, refresh consent and timer, upload. */
function periodic(force = false) {
  return withState(async (state) => {
    T.observe(state, now(), await observation(state), APP);
    await syncPolicy(state, force);
    await upload(state);
  });
}

// --- the popup's requests ----------------------------------------------------------------------------------------

async function popupState(state) {
  const t = now();
  return {
    status: T.status(state),
    email: state.session?.email ?? "",
    server: state.session?.server ?? state.lastServer ?? "",
    name: state.session?.user?.name ?? "",
    capture: state.policy.capture,
    agreement: state.policy.agreement,
    timer: state.policy.timer,
    today: T.today(state, t),
    queued: state.queue.length,
    summarized: state.summarized,
    dropped: state.dropped,
    lastError: state.sync.lastError,
    projects: state.projects ?? [],
  };
}

const handlers = {
  async state(state) {
    return popupState(state);
  },
  async signIn(state, msg) {
    const answer = await api.login(msg.server, msg.email.trim().toLowerCase(), msg.password);
    if (answer.otp_required) return { otp: answer.challenge };
    return this.signedIn(state, msg, answer);
  },
  async pair(state, msg) {
    const answer = await api.pair(msg.server, msg.code, `${APP} extension`);
    return this.signedIn(state, { ...msg, email: answer.user.email || answer.user.name || "" }, answer);
  },
  async otp(state, msg) {
    return this.signedIn(state, msg, await api.verifyOtp(msg.server, msg.challenge, msg.code));
  },
  async signedIn(state, msg, answer) {
    if (state.owner && state.owner !== answer.user.id && state.queue.length) {
      // Another account's unsent samples are never sent as this one's: removed, and counted in the popup.
      state.dropped += state.queue.length;
      state.queue = [];
    }
    if (state.owner !== answer.user.id) state.today = { day: "", seconds: 0, sites: {} }; // their own day only
    state.owner = answer.user.id;
    state.session = api.sessionFrom(msg.server, msg.email.trim().toLowerCase(), answer, now());
    state.lastServer = msg.server;
    await syncPolicy(state, true);
    state.projects = await api.projects(state.session, saver(state)).catch(() => []);
    return popupState(state);
  },
  async signOut(state) {
    if (state.session) {
      T.close(state, now(), APP);
      await upload(state); // what this account recorded goes now if it can (else it waits for their next sign-in)
      await api.logout(state.session, saver(state));
    }
    T.signOut(state, now(), APP);
    return popupState(state);
  },
  async pause(state) {
    T.setPaused(state, now(), true, APP);
    if (state.session) await api.stopTimer(state.session, saver(state)).catch(() => null);
    await syncPolicy(state, true);
    await upload(state);
    return popupState(state);
  },
  async resume(state) {
    T.setPaused(state, now(), false, APP);
    await api.startTimer(state.session, saver(state), state.lastProject || null, null);
    await syncPolicy(state, true);
    return popupState(state);
  },
  async start(state, msg) {
    state.lastProject = msg.projectId || null;
    T.setPaused(state, now(), false, APP);
    await api.startTimer(state.session, saver(state), msg.projectId || null, msg.taskId || null);
    await syncPolicy(state, true);
    return popupState(state);
  },
  async stop(state) {
    await api.stopTimer(state.session, saver(state));
    await syncPolicy(state, true);
    await upload(state);
    return popupState(state);
  },
  async projects(state) {
    state.projects = await api.projects(state.session, saver(state));
    return popupState(state);
  },
  async tasks(state, msg) {
    return { tasks: await api.tasks(state.session, saver(state), msg.projectId) };
  },
  async sync(state) {
    await syncPolicy(state, true);
    await upload(state);
    return popupState(state);
  },
  async input(state, msg, sender) {
    if (sender?.tab?.incognito) return null;
    T.input(state, now(), msg.kind);
    return null;
  },
};

ext.runtime.onMessage.addListener((msg, sender, reply) => {
  const handler = handlers[msg?.type];
  if (!handler) return false;
  withState(async (state) => {
    if (!["input", "state", "signIn", "otp", "pair"].includes(msg.type)) {
      T.observe(state, now(), await observation(state), APP);
    }
    return handler.call(handlers, state, msg, sender);
  })
    .then((value) => reply({ ok: true, value }))
    .catch((err) => reply({ ok: false, error: explain(err) }));
  return true; // the answer comes asynchronously
});

// --- browser events ----------------------------------------------------------------------------------------------

ext.tabs.onActivated.addListener(() => refreshObservation());
ext.tabs.onUpdated.addListener((_id, change, tab) => {
  if (tab.active && (change.url || change.title || change.status === "complete")) refreshObservation();
});
ext.windows.onFocusChanged.addListener(() => refreshObservation());
ext.idle.onStateChanged.addListener(() => refreshObservation());
ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) periodic();
});

/** Make sure the periodic alarm exists (alarms outlive the worker, but not always an update or a restart). */
async function ensureAlarm() {
  if (!(await ext.alarms.get(ALARM))) await ext.alarms.create(ALARM, { periodInMinutes: 0.5 });
}

ext.runtime.onInstalled.addListener(() => ensureAlarm());
ext.runtime.onStartup.addListener(() => ensureAlarm());
ensureAlarm();
withState((state) => {
  state.boots = (state.boots || 0) + 1; // how often a worker started (support, and the restart test)
});
// While this worker lives, close samples on time even between alarms (alarms fire at most every 30 s).
setInterval(() => periodic(), 5000);
periodic();

// For the end-to-end test (and a support session): run the periodic work now.
globalThis.workmonitor = { periodic, withState };
