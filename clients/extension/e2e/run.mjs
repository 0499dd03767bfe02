// End-to-end run of the built extension in real Chromium (tests/test_extension.py starts the platform and checks
// the database afterwards). Usage: node e2e/run.mjs <config.json>; prints one line "e2e-result <json>".
//
// Steps: sign in through the popup (via a TCP relay in front of the platform, so the test can take the server
// away), start the timer, visit test pages on two hosts (127.0.0.1 and localhost) for measured times, go idle,
// lose the server, force a service worker restart while offline, get the server back (the queue drains with
// nothing twice), pause; then sign in as a person without consent and browse: nothing may be sent.
import { mkdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../scripts/build.mjs";

const cfg = JSON.parse(readFileSync(process.argv[2], "utf8"));
const require = createRequire(cfg.playwright);
const { chromium } = require("playwright-core");
const SAMPLE = 3; // seconds per sample in this run (60 in real use)
const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));
const log = (...a) => console.log("e2e:", ...a);
mkdirSync(cfg.shots, { recursive: true });

// --- test pages on two hosts, and a relay to the platform that can be taken down --------------------------------

const pages = http.createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><title>Page ${req.headers.host} ${req.url}</title><h1>Test page on ${req.headers.host}</h1>`);
});
await new Promise((r) => pages.listen(0, "127.0.0.1", r));
const PAGE_PORT = pages.address().port;

const relay = { up: true, sockets: new Set(), server: null, port: 0 };
function relayListen(port) {
  relay.server = net.createServer((client) => {
    const upstream = net.connect(cfg.port, "127.0.0.1");
    for (const s of [client, upstream]) {
      relay.sockets.add(s);
      s.on("close", () => relay.sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((r) => relay.server.listen(port, "127.0.0.1", () => r(relay.server.address().port)));
}
relay.port = await relayListen(0);
async function serverDown() {
  await new Promise((r) => relay.server.close(r));
  for (const s of relay.sockets) s.destroy();
}
const serverUp = () => relayListen(relay.port);
const SERVER = `http://127.0.0.1:${relay.port}`;

// --- the browser with the unpacked extension ----------------------------------------------------------------------

const dir = join(build(), "chrome");
const ctx = await chromium.launchPersistentContext(join(tmpdir(), `wm-ext-${process.pid}-${Date.now()}`), {
  executablePath: cfg.chromium,
  headless: false,
  viewport: { width: 360, height: 620 },
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
});
let worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"));
const extId = new URL(worker.url()).host;
const inWorker = (fn, arg) => worker.evaluate(fn, arg);
const popup = await ctx.newPage();
const popupUrl = `chrome-extension://${extId}/popup.html`;
// An extension page of its own to read storage and message the worker (whichever worker is running).
const probe = await ctx.newPage();
await probe.goto(popupUrl);
const state = () => probe.evaluate(() => chrome.storage.local.get("state").then((x) => x.state));
const syncNow = () => probe.evaluate(() => chrome.runtime.sendMessage({ type: "sync" }));
async function openPopup() {
  await popup.goto(popupUrl);
  await popup.waitForSelector("#signin, [data-testid=status]");
}
async function shot(name, reload = true) {
  if (reload) await openPopup();
  await popup.screenshot({ path: join(cfg.shots, `popup-${name}.png`), fullPage: true });
  log("screenshot", name);
}
async function signIn(email, pairingCode) {
  await openPopup();
  if (pairingCode) {
    await popup.click("#switch-signin");
    await popup.fill("input[name=server]", SERVER);
    await popup.fill("input[name=code]", pairingCode.toLowerCase()); // typed loosely
    await shot("pairing-code", false);
  } else {
    await popup.fill("input[name=server]", SERVER);
    await popup.fill("input[name=email]", email);
    await popup.fill("input[name=password]", cfg.password);
  }
  await popup.click("#signin-button");
  await popup.waitForSelector("[data-testid=status]", { timeout: 20000 });
  await inWorker(
    (sample) =>
      globalThis.workmonitor.withState((s) => {
        s.tuning = { ...s.tuning, sampleSeconds: sample, policySeconds: 2, backoffBase: 1, backoffCap: 2 };
      }),
    SAMPLE,
  );
}
async function status() {
  await openPopup();
  return popup.textContent("[data-testid=status]");
}
async function until(what, fn, seconds = 30) {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    let timer;
    const timeout = new Promise((_, no) => {
      timer = setTimeout(() => no(new Error(`timed out waiting for ${what}`)), Math.max(1, end - Date.now()));
    });
    const v = await Promise.race([fn(), timeout]).finally(() => clearTimeout(timer));
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(0.5);
  }
}

async function getTargets(cdp, id) {
  const { targetInfos } = await cdp.send("Target.getTargets");
  return targetInfos.find((t) => t.type === "service_worker" && t.url.includes(id))?.targetId;
}

const result = { extId, sample: SAMPLE };
try {
  await shot("signed-out");
  await signIn(cfg.email);
  if ((await status()) !== "Timer stopped") throw new Error(`expected "Timer stopped", saw ${await status()}`);
  await shot("timer-stopped");
  await popup.selectOption("#project", { label: cfg.project });
  await popup.click("#start");
  await until("tracking", async () => (await popup.textContent("[data-testid=status]")) === "Tracking");

  // Two hosts, measured from the moment each tab is in front.
  const site = await ctx.newPage();
  const marks = {}; // when each phase began, in seconds (Python works out the expected times from these)
  const mark = (name) => (marks[name] = Date.now() / 1000);
  const visit = async (host, path, seconds, name) => {
    await site.goto(`http://${host}:${PAGE_PORT}${path}`);
    await site.bringToFront();
    mark(name);
    await site.mouse.move(10, 10);
    for (let i = 0; i < seconds; i += 1) {
      await site.keyboard.press("Shift");
      await sleep(1);
    }
  };
  await visit("127.0.0.1", "/a", 8, "a");
  await visit("localhost", "/b", 6, "b");

  // Idle: the browser reports idle (here: its idle API answers "idle"); the time since the last input is idle.
  await inWorker(() => {
    globalThis.realQueryState = chrome.idle.queryState;
    chrome.idle.queryState = async () => "idle";
    return globalThis.workmonitor.periodic();
  });
  mark("idle");
  await sleep(6);
  await inWorker(() => {
    chrome.idle.queryState = globalThis.realQueryState;
    return globalThis.workmonitor.periodic();
  });
  mark("back");
  await sleep(2);
  result.sentBeforeOffline = (await state()).sent;

  // Offline: samples queue up; the worker is stopped by force; the server returns; everything arrives once.
  await serverDown();
  await visit("127.0.0.1", "/c", 5, "c");
  await until("a sync error", async () => (await state()).sync.lastError !== "");
  await site.bringToFront();
  const queued = (await state()).queue.length;
  if (!queued) throw new Error("nothing queued while offline");
  await shot("offline");
  await site.bringToFront();
  const cdp = await ctx.newCDPSession(site);
  const { targetInfos } = await cdp.send("Target.getTargets");
  const sw = targetInfos.find((t) => t.type === "service_worker" && t.url.includes(extId));
  const boots = (await state()).boots;
  await cdp.send("Target.closeTarget", { targetId: sw.targetId });
  await until("the worker to stop", async () => (await getTargets(cdp, extId)) !== sw.targetId, 15);
  log("service worker stopped with", queued, "samples queued");
  await sleep(1);
  await site.goto(`http://127.0.0.1:${PAGE_PORT}/d`); // an event wakes a new worker
  await site.bringToFront();
  await sleep(3);
  await until("a new worker", async () => {
    const ok = await probe.evaluate(() => chrome.runtime.sendMessage({ type: "state" }).then((a) => a?.ok));
    return ok && (await state()).boots > boots;
  });
  result.restarted = (await state()).boots - boots;
  log("service worker started again", result.restarted, "time(s)");
  await serverUp();
  await until("the queue drained", async () => {
    await syncNow();
    const s = await state();
    return s.queue.length === 0 && s.sync.lastError === "" && s;
  }, 40);

  await openPopup();
  await popup.click("#pause");
  mark("pause");
  await until("paused", async () => (await popup.textContent("[data-testid=status]")) === "Paused");
  await shot("paused");
  await sleep(3); // paused: nothing recorded
  await popup.click("#resume");
  await until("tracking again", async () => (await popup.textContent("[data-testid=status]")) === "Tracking");
  mark("resume");
  await site.bringToFront();
  await sleep(3);
  await shot("tracking");
  await site.bringToFront();
  mark("stop");
  await popup.click("#stop");
  await until("timer stopped", async () => (await popup.textContent("[data-testid=status]")) === "Timer stopped");
  result.marks = marks;
  const final = await state();
  result.sent = final.sent;
  result.seq = final.seq;
  result.summarized = final.summarized;
  result.dropped = final.dropped;
  result.deviceId = final.deviceId;

  // A person without consent: not allowed, nothing is sent however long they browse.
  await popup.click("#signout");
  await signIn(cfg.noConsentEmail, cfg.pairingCode); // with a code from the web app: no password typed
  result.noConsentStatus = await status();
  await shot("not-allowed");
  await site.goto(`http://localhost:${PAGE_PORT}/e`);
  await site.bringToFront();
  await sleep(2 * SAMPLE + 1);
  await syncNow();
  const after = await state();
  result.noConsentQueued = after.queue.length;
  result.noConsentSent = after.sent - final.sent;
  console.log(`e2e-result ${JSON.stringify(result)}`);
} finally {
  await ctx.close();
  pages.close();
  relay.server.close();
}
