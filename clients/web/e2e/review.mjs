// Visual review in real headless Chromium: every page of the app (every link of the navigation, and every tab of
// a page), as an admin, a manager and an employee, at 1440 px and at a 390 px phone width; a screenshot of each and,
// at 390 px, no sideways overflow: the document is no wider than the window and no element sticks out of it unless
// it sits inside its own scroll container. Also: no error banner on any page, and the phone menu opens.
// Usage: node e2e/review.mjs <base-url> <outbox-dir> <screenshot-dir>; prints one line per page, exits 1 on failure.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [base, outbox, shots] = process.argv.slice(2);
if (!base || !outbox || !shots) {
  console.error("usage: node e2e/review.mjs <base-url> <outbox-dir> <screenshot-dir>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = "correct horse battery";
const stamp = Date.now().toString(36);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(method, path, token, body) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  if (body) headers["Content-Type"] = "application/json";
  const r = await fetch(`${base}/function${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const out = r.status === 204 ? null : await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(out)}`);
  return out;
}

async function invitationToken(email) {
  const end = Date.now() + 20000;
  while (Date.now() < end) {
    for (const file of existsSync(outbox) ? readdirSync(outbox) : []) {
      const text = readFileSync(join(outbox, file), "utf8");
      const m = text.includes(`To: ${email}`) && text.match(/accept-invite\?token=([\w-]+)/);
      if (m) return m[1];
    }
    await sleep(200);
  }
  throw new Error(`no invitation mail for ${email}`);
}

/** A company with an admin, a manager and their employee, and a little of everything each page shows. */
async function seed() {
  const admin = await call("POST", "/auth/signup", null, { company_name: "Review Co", name: "Ada Admin",
    email: `ada-${stamp}@review.example.com`, password: PASSWORD, timezone: "Europe/Berlin" });
  const people = { admin: { token: admin.access_token, refresh: admin.refresh_token, user: admin.user } };
  for (const [role, name] of [["manager", "Mia Manager"], ["employee", "Eve Employee"]]) {
    const email = `${role}-${stamp}@review.example.com`;
    await call("POST", "/team/invitations", people.admin.token, { email, role });
    const r = await call("POST", "/auth/invitations/accept", null, { token: await invitationToken(email), name,
      password: PASSWORD, timezone: "Europe/Berlin" });
    people[role] = { token: r.access_token, refresh: r.refresh_token, user: r.user };
  }
  const [a, m, e] = [people.admin, people.manager, people.employee];
  await call("POST", "/team/assignments", a.token, { manager_id: m.user.id, employee_id: e.user.id });
  const p = await call("POST", `/team/users/${e.user.id}/agreements`, a.token, { screenshots: true, activity: true, gps: false });
  await call("POST", `/team/agreements/${p.agreement.id}/accept`, e.token, {});
  const project = (await call("POST", "/projects/projects", a.token, { name: "Website relaunch with a long name" })).project;
  await call("POST", `/projects/projects/${project.id}/members`, a.token, { user_id: e.user.id });
  await call("POST", `/projects/projects/${project.id}/tasks`, a.token, { name: "Design the homepage", assignee_ids: [e.user.id] });
  const start = Date.now() - 26 * 3600000;
  await call("POST", "/time/entries", e.token, { project_id: project.id, description: "Wireframes for the landing page",
    source: "web", started_at: new Date(start).toISOString(), ended_at: new Date(start + 2.5 * 3600000).toISOString() });
  const apps = [["Code", null], ["Firefox", "github.com"], ["Slack", null]];
  const samples = Array.from({ length: 30 }, (_, i) => ({ seq: i + 1, started_at: new Date(Date.now() - (i + 2) * 60000).toISOString(),
    duration: 60, app: apps[i % 3][0], domain: apps[i % 3][1], title: `Window ${i}`, keyboard: i % 40, mouse: (i * 3) % 30, idle: false }));
  await call("POST", "/activity/samples", e.token, { device_id: "review-laptop", samples });
  await call("POST", "/time/timer/start", e.token, { project_id: project.id, description: "Reviewing pages", source: "web" });
  const dm = (await call("POST", "/messaging/dms", e.token, { user_id: m.user.id })).channel;
  await call("POST", `/messaging/channels/${dm.id}/messages`, e.token, { body: "@Mia Manager could you check my week?", client_id: crypto.randomUUID() });
  return people;
}

/** Elements sticking out of a 390 px window outside any scroll container (empty when the page fits). */
async function overflow(page) {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    // A scroll container (a table's wrapper) or a deliberate clip (an ellipsis); a panel clipping a form is not one.
    const scrolls = (el) => /(auto|scroll|hidden|clip)/.test(getComputedStyle(el).overflowX) 
      && !(el.classList.contains("panel") && !el.classList.contains("table-wrap"));
    const contained = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (scrolls(p)) return p.getBoundingClientRect().right <= vw + 1;
      }
      return false;
    };
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || (r.right <= vw + 1 && r.left >= -1)) continue;
      if (getComputedStyle(el).position === "fixed" || contained(el)) continue;
      // Report the innermost culprit only.
      if ([...el.children].some((c) => { const cr = c.getBoundingClientRect(); return cr.right > vw + 1 && cr.width > 0; })) continue;
      out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)}[${(el.textContent || "").trim().slice(0, 30)}] ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    const doc = document.documentElement.scrollWidth;
    if (doc > vw) out.unshift(`document ${doc}px wide`);
    return out.slice(0, 6);
  });
}

async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 15000 })
    .catch(() => { throw new Error(`${page.url()} still loading after 15 s`); });
  await sleep(250);
}

async function signedIn(browser, person, viewport = WIDE) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(([access, refresh]) => {
    if (!localStorage.getItem("wm.session")) localStorage.setItem("wm.session", JSON.stringify({ access, refresh }));
    localStorage.setItem("wm.theme", "light");
  }, [person.token, person.refresh]);
  const page = await context.newPage();
  await page.goto(`${base}/#/`);
  await page.waitForSelector('nav[aria-label="Main"] a');
  return page;
}

const hashOf = (page) => page.evaluate(() => window.location.hash);
function expect(ok, what) { if (!ok) throw new Error(what); console.log(`review: ok: ${what}`); }

/** What the pages do, before they are photographed: badges, clickable notifications, onboarding, filters, downloads. */
async function behaviour(people) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"] });
  try {
    // The manager: unread badges on Chat and Notifications; the mention opens the DM, named after Eve.
    const m = await signedIn(browser, people.manager);
    await m.waitForSelector('[data-testid="nav-unread-chat"]');
    await m.waitForSelector('[data-testid="nav-unread-notifications"]');
    expect(await m.textContent('[data-testid="unread-count"]') === "1", "the manager's bell and navigation show unread chat and notifications");
    await m.evaluate(() => { window.location.hash = "/notifications"; });
    await m.click('[data-testid="notifications"] a:has-text("mentioned you")');
    await m.waitForSelector('[data-testid="messages"] >> text=could you check my week?');
    expect((await hashOf(m)).startsWith("#/chat?channel="), "a notification opens the chat message it is about");
    await m.waitForSelector('[aria-label="Channels"] a[aria-current="page"]:has-text("Eve Employee")');
    await m.waitForSelector('[data-testid="nav-unread-notifications"]', { state: "detached" });
    await m.waitForSelector('[data-testid="nav-unread-chat"]', { state: "detached" });
    expect(true, "the DM is named after the other person; badges clear once read");

    // The admin: the checklist ticks itself off from data (capture policy saved -> done).
    const a = await signedIn(browser, people.admin);
    await a.waitForSelector('[data-testid="onboarding"] [data-step="capture"][data-done="false"]');
    expect(await a.$('[data-step="invite"][data-done="true"]') && await a.$('[data-step="managers"][data-done="true"]'),
      "onboarding: invited and assigned are done, the capture policy is next");
    await a.click('[data-step="capture"] a');
    await a.waitForSelector('input[name="screenshot-interval"]');
    await a.fill('input[name="screenshot-interval"]', "15");
    await a.fill('input[name="idle-threshold"]', "3");
    await a.click("button:has-text('Save capture policy')");
    await a.waitForSelector('[aria-label="Capture policy"] >> text=Saved.');
    const media = await call("GET", "/media/settings", people.admin.token);
    expect(media.settings.screenshot_interval_minutes === 15 && media.settings.idle_threshold_minutes === 3,
      "the capture policy page saves the screenshot interval and idle threshold");
    await a.evaluate(() => { window.location.hash = "/"; });
    await a.waitForSelector('[data-testid="onboarding"]', { state: "detached" }).catch(async () => {
      await a.waitForSelector('[data-step="capture"][data-done="true"]');
    });
    expect(true, "the capture step is done after saving the policy");

    // The audit log: filtering by action and by person.
    await a.evaluate(() => { window.location.hash = "/audit"; });
    await a.waitForSelector('[data-testid="audit-table"]');
    await a.selectOption('select[name="audit-action"]', "team.invited");
    await a.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="audit-table"] tbody tr')];
      return rows.length === 2 && rows.every((r) => r.textContent.includes("team.invited"));
    });
    await a.selectOption('select[name="audit-action"]', "");
    await a.selectOption('select[name="audit-actor"]', { label: "Eve Employee" });
    await a.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="audit-table"] tbody tr')];
      return rows.length > 0 && rows.every((r) => r.textContent.includes("Eve Employee"));
    });
    expect(true, "the audit log filters by action and by person");

    // Downloads: the agent archive is served by the platform.
    await a.evaluate(() => { window.location.hash = "/downloads"; });
    const href = await (await a.waitForSelector('[data-testid="agent-download"]')).getAttribute("href");
    const r = await fetch(`${base}${href}`);
    const bytes = (await r.arrayBuffer()).byteLength;
    expect(r.ok && bytes > 10000 && href.endsWith(".tar.gz"), `the agent download ${href} is served (${bytes} bytes)`);
    await a.waitForSelector('[data-testid="extension-coming"]');
    const bad = await fetch(`${base}/api/0/buckets/aw-watcher-window_x/heartbeat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(bad.status === 404 && (await bad.json()).error.code === "not_found", "an unknown API path is a JSON 404");
  } catch (err) {
    let i = 0;
    for (const ctx of browser.contexts()) {
      for (const pg of ctx.pages()) {
        const alerts = await pg.$$eval('[role="alert"]', (els) => els.map((el) => el.textContent)).catch(() => []);
        if (alerts.length) console.error(`review: error shown on ${pg.url()}: ${alerts.join(" | ")}`);
        await pg.screenshot({ path: join(shots, `FAILED-behaviour-${i++}.png`), fullPage: true }).catch(() => undefined);
      }
    }
    throw err;
  } finally {
    await browser.close();
  }
}

const slug = (href) => href.replace(/^#\//, "").replace(/[?=&]/g, "-") || "dashboard";

async function review(role, person) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"] });
  const problems = [];
  let count = 0;
  try {
    const page = await signedIn(browser, person);
    page.on("response", (r) => r.status() >= 400 && console.log(`review: ${role}: ${r.status()} from ${r.request().method()} ${r.url()}`));
    const links = await page.$$eval('nav[aria-label="Main"] a', (as) => as.map((a) => a.getAttribute("href")));
    const seen = new Set();
    const queue = [...links];
    while (queue.length) {
      const href = queue.shift();
      if (seen.has(href)) continue;
      seen.add(href);
      await page.setViewportSize(WIDE);
      await page.evaluate((h) => { window.location.hash = h; }, href.slice(1));
      await settle(page);
      // The tab showing now is this visit (#/settings is #/settings?tab=profile); the others are queued.
      for (const tab of await page.$$eval("nav.tabs a[aria-current]", (as) => as.map((a) => a.getAttribute("href")))) seen.add(tab);
      for (const tab of await page.$$eval("nav.tabs a:not([aria-current])", (as) => as.map((a) => a.getAttribute("href")))) {
        if (!seen.has(tab) && !queue.includes(tab)) queue.push(tab);
      }
      const bar = await page.$eval(".topbar", (el) => el.getBoundingClientRect().height);
      if (bar > 70) problems.push(`${role} ${href} at 1440 px: the top bar wraps (${Math.round(bar)} px tall)`);
      const alerts = await page.$$eval('[role="alert"]', (els) => els.map((el) => el.textContent));
      if (alerts.length) problems.push(`${role} ${href}: error shown: ${alerts.join(" | ")}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, `${role}-${slug(href)}-1440.png`), fullPage: true });
      await page.setViewportSize(PHONE);
      await sleep(200);
      const wide = await overflow(page);
      if (wide.length) problems.push(`${role} ${href} at 390 px: ${wide.join("; ")}`);
      await page.screenshot({ path: join(shots, `${role}-${slug(href)}-390.png`), fullPage: true });
      count += 2;
      console.log(`review: ${role} ${href}${wide.length ? " OVERFLOWS" : ""}`);
    }
    // The phone menu: the navigation, the theme and sign-out, and the top bar in one row.
    await page.evaluate(() => { window.location.hash = "/"; });
    await settle(page);
    const bar = await page.$eval(".topbar", (el) => el.getBoundingClientRect().height);
    if (bar > 64) problems.push(`${role}: the phone top bar is ${Math.round(bar)} px tall (wraps into rows)`);
    await page.click(".menu-toggle");
    await page.waitForSelector(".side.open .side-extra button");
    await page.screenshot({ path: join(shots, `${role}-menu-open-390.png`) });
    count += 1;
    // The timer's project and description fold into a panel under the bar on phones.
    await page.click(".menu-toggle");
    if (await page.$(".timer-more")) {
      await page.click(".timer-more");
      await page.waitForSelector(".timer-fields.open select");
      const wide = await overflow(page);
      if (wide.length) problems.push(`${role}: the open timer fields overflow at 390 px: ${wide.join("; ")}`);
      await page.screenshot({ path: join(shots, `${role}-timer-fields-390.png`) });
      count += 1;
    }
  } finally {
    await browser.close();
  }
  return { problems, count };
}

const t0 = Date.now();
try {
  const people = await seed();
  console.log(`review: seeded the company in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await behaviour(people);
  const results = await Promise.all(["admin", "manager", "employee"].map((role) => review(role, people[role])));
  const problems = results.flatMap((r) => r.problems);
  const shotsTaken = results.reduce((n, r) => n + r.count, 0);
  console.log(`review: ${shotsTaken} screenshots in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (problems.length) {
    console.error(`review: FAILED:\n${problems.join("\n")}`);
    process.exit(1);
  }
  console.log("review: all pages fit");
} catch (err) {
  console.error(`review: FAILED: ${err.stack || err}`);
  process.exit(1);
}
