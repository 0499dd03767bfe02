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

const slug = (href) => href.replace(/^#\//, "").replace(/[?=&]/g, "-") || "dashboard";

async function review(role, person) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"] });
  const problems = [];
  let count = 0;
  try {
    const context = await browser.newContext({ viewport: WIDE });
    await context.addInitScript(([access, refresh]) => {
      if (!localStorage.getItem("wm.session")) localStorage.setItem("wm.session", JSON.stringify({ access, refresh }));
      localStorage.setItem("wm.theme", "light");
    }, [person.token, person.refresh]);
    const page = await context.newPage();
    page.on("response", (r) => r.status() >= 400 && console.log(`review: ${role}: ${r.status()} from ${r.request().method()} ${r.url()}`));
    await page.goto(`${base}/#/`);
    await page.waitForSelector('nav[aria-label="Main"] a');
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
      // Other tabs of this page (the one showing now is this visit).
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
  } finally {
    await browser.close();
  }
  return { problems, count };
}

const t0 = Date.now();
try {
  const people = await seed();
  console.log(`review: seeded the company in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
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
