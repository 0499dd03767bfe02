// e2e: the manager's day (issue 14). The admin invites a manager and ASSIGNS the employee to them in the Team page;
// the manager sees the employee working live (< 2 s after a timer start), the day timeline shows the agent's
// activity and screenshot, a screenshot opens in the lightbox, the manager approves a FINISHED week in the grid
// while the employee keeps tracking this week, and edits an entry inline. Pages are checked at 390 px for sideways
// scrolling and shot at 1440 and 390 px.
import { join } from "node:path";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { PNG_BASE64 } from "./gallery.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(base, page, method, path, body) {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem("wm.session")).access);
  const headers = { Authorization: `Bearer ${token}` };
  let payload = body;
  if (body && !(body instanceof FormData)) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const r = await fetch(`${base}/function${path}`, { method, headers, body: payload });
  const out = r.status === 204 ? null : await r.json();
  return { status: r.status, body: out };
}

async function ok(base, page, method, path, body) {
  const r = await call(base, page, method, path, body);
  if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

function inviteToken(outbox, to) {
  if (!existsSync(outbox)) return null;
  for (const file of readdirSync(outbox).sort().reverse()) {
    const text = readFileSync(join(outbox, file), "utf8");
    if (text.includes(`To: ${to}`)) {
      const m = text.match(/accept-invite\?token=([\w-]+)/);
      if (m) return m[1];
    }
  }
  return null;
}

/** No sideways scrolling at a 390 px phone width (the innermost culprits named on failure). */
async function fitsPhone(page, where) {
  await page.setViewportSize({ width: 390, height: 844 });
  await sleep(200);
  const [scroll, inner, culprits] = await page.evaluate(() => {
    const w = window.innerWidth;
    const out = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > w + 1
      && ![...el.children].some((c) => c.getBoundingClientRect().right > w + 1)).slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}[${(el.textContent || "").slice(0, 30)}] right=${Math.round(el.getBoundingClientRect().right)}`);
    return [document.documentElement.scrollWidth, w, out];
  });
  if (scroll > inner) throw new Error(`${where}: the page is ${scroll}px wide at a ${inner}px phone width: ${culprits.join("; ")}`);
}

/** Full-page shots at 1440 and 390 px (after the overflow check at 390). */
async function shots(page, dir, name) {
  await fitsPhone(page, name);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(dir, `mgr-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await sleep(200);
  await page.screenshot({ path: join(dir, `mgr-${name}-1440.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 15000 });
  await sleep(200);
}

async function noErrors(page, where) {
  const alerts = await page.$$eval('[role="alert"]', (els) => els.map((e) => e.textContent));
  if (alerts.length) throw new Error(`${where}: error banner shown: ${alerts.join(" | ")}`);
}

const isoDay = (d) => d.toISOString().slice(0, 10);

export async function run({ base, admin, employee, nav, step, waitFor, outbox, shotsDir }) {
  const dir = shotsDir;
  const browser = admin.context().browser();
  employee.on("console", (m) => m.type() === "error" && console.log(`e2e: employee console error: ${m.text()}`));
  const eve = (await ok(base, employee, "GET", "/auth/me")).user;
  // Eve's timer may run from earlier steps; the live check starts from "not working".
  await call(base, employee, "POST", "/time/timer/stop", {});

  // 1. The admin invites a manager in the Team page; the manager accepts in a third browser context.
  const mgrEmail = `mia-${Date.now().toString(36)}@e2e.example.com`;
  await nav(admin, "/team");
  await admin.reload();
  await admin.fill('input[name="invite-email"]', mgrEmail);
  await admin.selectOption('form[aria-label="Invite"] select', "manager");
  await admin.click("text=Send invitation");
  await admin.waitForSelector(`text=${mgrEmail} (manager)`);
  const token = await waitFor(() => inviteToken(outbox, mgrEmail), "the manager's invitation mail");
  const mctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const m = await mctx.newPage();
  m.on("console", (msg) => msg.type() === "error" && console.log(`e2e: manager console error: ${msg.text()}`));
  await m.goto(`${base}/accept-invite?token=${token}`);
  await m.fill('input[name="name"]', "Mia Manager");
  await m.fill('input[name="password"]', "a manager's long pass");
  await m.click('button[type="submit"]');
  await m.waitForSelector("text=Your people");
  await m.waitForSelector("text=Nobody to show yet.");
  step("admin invited a manager; before any assignment the manager's dashboard shows nobody");

  // 2. The admin assigns Eve to Mia in the Team page (bulk control, PUT /team/managers/<id>/employees).
  await admin.reload();
  const team = 'fieldset[aria-label="Team of Mia Manager"]';
  await admin.waitForSelector(team);
  await admin.check(`${team} input[aria-label="Eve Employee reports to Mia Manager"]`);
  await admin.click(`${team} button:has-text("Save team of Mia Manager")`);
  await admin.waitForSelector(`${team} >> text=Saved: 1 added, 0 removed.`);
  await settle(admin);
  await noErrors(admin, "team");
  await shots(admin, dir, "team-admin");
  step("admin assigned the employee to the manager in the Team page");

  // 3. Agent data as the desktop agent sends it: activity samples over the last 30 minutes and a screenshot.
  const now = Date.now();
  const samples = Array.from({ length: 30 }, (_, i) => ({
    seq: 1000 + i, started_at: new Date(now - (30 - i) * 60000).toISOString(), duration: 60, app: i % 3 ? "Code" : "Firefox",
    title: i % 3 ? "manager.mjs — WorkMonitor" : "Docs — Firefox", keyboard: (i * 13) % 60, mouse: (i * 7) % 40, idle: i % 10 === 9,
  }));
  await ok(base, employee, "POST", "/activity/samples", { device_id: "e2e-agent", samples });
  const form = new FormData();
  form.append("file", new Blob([Buffer.from(PNG_BASE64, "base64")], { type: "image/png" }), "screen.png");
  form.append("taken_at", new Date(now - 90_000).toISOString());
  form.append("device_id", "e2e-agent");
  form.append("monitor", "0");
  form.append("activity_percent", "64");
  await ok(base, employee, "POST", "/media/screenshots", form);
  step("employee's agent sent 30 activity samples and a screenshot through the API");

  // 4. Live: the manager's dashboard (socket connected) shows Eve working within 2 s of her timer start.
  await m.reload();
  await m.waitForSelector(`[data-testid="person"][data-user="${eve.id}"]`);
  await settle(m);
  await sleep(1000); // the socket connects after the page loads
  const t0 = Date.now();
  await ok(base, employee, "POST", "/time/timer/start", { description: "Live for the manager", source: "api" });
  await m.waitForSelector('[data-testid="working-now"] >> text=Eve Employee', { timeout: 2000 });
  const live = Date.now() - t0;
  if (live > 2000) throw new Error(`the manager saw the timer start after ${live} ms`);
  const row = `[data-testid="person"][data-user="${eve.id}"]`;
  await m.waitForSelector(`${row} [data-testid="person-status"]:has-text("Working")`);
  await m.waitForSelector(`${row} [data-testid="tl-bin"]`);
  await m.waitForSelector(`${row} [data-testid="tl-shot"]`);
  await m.waitForSelector(`${row} [data-testid="tl-entry"]`);
  step(`manager saw the employee working live ${live} ms after the timer start; the row's timeline shows entries, activity and a screenshot`);
  await settle(m);
  await noErrors(m, "dashboard-manager");
  await shots(m, dir, "dashboard-manager");

  // 5. Drill down to Eve's day: the timeline, entries and screenshots; a screenshot opens in the lightbox.
  await m.click(`${row} .who a`);
  await m.waitForSelector('[data-testid="person-day"] [data-testid="tl-bin"]');
  const bins = await m.$$eval('[data-testid="person-day"] [data-testid="timeline"] [data-testid="tl-bin"]', (els) => els.length);
  if (bins < 3) throw new Error(`the drill-down timeline shows ${bins} activity bins for 30 minutes of samples`);
  await settle(m);
  await noErrors(m, "person-day");
  await shots(m, dir, "person-day");
  // Ticks of screenshots taken the same minute overlap: the one drawn on top (the last) takes the click.
  await m.locator('[data-testid="person-day"] [data-testid="timeline"] [data-testid="tl-shot"]').last().click();
  await m.waitForSelector('[data-testid="lightbox"] img');
  const label = await m.textContent('[data-testid="lightbox-app"]');
  if (!label.includes("Code") && !label.includes("Firefox")) throw new Error(`the lightbox does not name the app: ${label}`);
  await m.screenshot({ path: join(dir, "mgr-lightbox-1280.png") });
  await m.keyboard.press("Escape");
  await m.waitForSelector('[data-testid="lightbox"]', { state: "detached" });
  step(`drill-down timeline shows ${bins} activity bins; the screenshot opened in the lightbox (${label.trim()})`);

  // 6. A FINISHED week: Eve tracked two hours last week and never submitted it; the manager approves it in the grid.
  const lastWeek = new Date(now - 7 * 86400000);
  let entry = null;
  for (const hour of [5, 9, 13, 17]) {
    const start = new Date(Date.UTC(lastWeek.getUTCFullYear(), lastWeek.getUTCMonth(), lastWeek.getUTCDate(), hour));
    const r = await call(base, employee, "POST", "/time/entries", { started_at: start.toISOString(),
      ended_at: new Date(start.getTime() + 2 * 3600000).toISOString(), description: "Last week's report", source: "web" });
    if (r.status === 201) { entry = r.body.entry; break; }
  }
  if (!entry) throw new Error("could not add last week's entry");
  await nav(m, "/timesheets");
  await m.waitForSelector('[data-testid="timesheet-grid"]');
  await m.click("button:has-text('← Previous week')");
  const gridRow = `[data-testid="grid-row"][data-user="${eve.id}"]`;
  await m.waitForSelector(`${gridRow} [data-testid="grid-status"]:has-text("open")`);
  await settle(m);
  await shots(m, dir, "timesheets-grid");
  await m.click(`button[aria-label="Approve the week of Eve Employee"]`);
  await m.waitForSelector(`${gridRow} [data-testid="grid-status"]:has-text("approved")`);
  await noErrors(m, "timesheets");
  // Eve keeps tracking this week: her running timer stops and a new one starts.
  await ok(base, employee, "POST", "/time/timer/stop", {});
  const again = await call(base, employee, "POST", "/time/timer/start", { description: "Still tracking", source: "api" });
  if (again.status !== 201) throw new Error(`timer start after the approval: ${again.status} ${JSON.stringify(again.body)}`);
  await ok(base, employee, "POST", "/time/timer/stop", {});
  const sheet = (await ok(base, employee, "GET", `/time/timesheets/week?date=${isoDay(lastWeek)}`)).timesheet;
  if (sheet.status !== "approved") throw new Error(`last week is ${sheet.status} for the employee`);
  step("manager approved last week (never submitted) in the grid; the employee's timer still starts this week (201)");
  await m.click("button:has-text('Projects × days')");
  await m.waitForSelector('[data-testid="project-grid"]');
  await shots(m, dir, "timesheets-projects");

  // 7. Inline edit: the manager edits Eve's latest entry on the Entries page (person column and filter).
  await nav(m, `/entries?user=${eve.id}`);
  await m.reload();
  await m.waitForSelector('[data-testid="entry-row"] >> text=Still tracking');
  const first = '[data-testid="entry-row"]:has-text("Still tracking")';
  // the person column fills in once the team's names have loaded
  await m.waitForSelector(`${first}:has-text("Eve Employee")`, { timeout: 10000 }).catch(() => {
    throw new Error("the entries table has no person column");
  });
  // An edit that overlaps last week's entry is refused, and the form names the entry in the way.
  const mgrTz = (await ok(base, m, "GET", "/auth/me")).user.timezone;
  const local = (ms) => {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: mgrTz, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(ms));
    const g = (t) => parts.find((p) => p.type === t).value;
    return { day: `${g("year")}-${g("month")}-${g("day")}`, time: `${g("hour")}:${g("minute")}` };
  };
  const inside = Date.parse(entry.started_at) + 30 * 60000;
  await m.click(`${first} button:has-text("Edit")`);
  await m.fill('[data-testid="entry-editor"] input[name="edit-day"]', local(inside).day);
  await m.fill('[data-testid="entry-editor"] input[name="edit-start"]', local(inside).time);
  await m.fill('[data-testid="entry-editor"] input[name="edit-end"]', local(inside + 30 * 60000).time);
  await m.click('[data-testid="entry-editor"] button:has-text("Save")');
  await m.waitForSelector('[data-testid="conflict"]:has-text("Last week\'s report")');
  await m.screenshot({ path: join(dir, "mgr-entry-overlap-1280.png") });
  await m.click('[data-testid="conflict"] button:has-text("Show it")');
  await m.waitForSelector('tr.highlight[data-testid="entry-row"]:has-text("Last week\'s report")');
  await nav(m, `/entries?user=${eve.id}`);
  await m.reload();
  await m.waitForSelector('[data-testid="entry-row"] >> text=Still tracking');
  step("an overlapping inline edit was refused and the form named the entry in the way");
  await m.click(`${first} button:has-text("Edit")`);
  await m.fill('[data-testid="entry-editor"] input[name="edit-description"]', "Still tracking, edited by Mia");
  await m.click('[data-testid="entry-editor"] button:has-text("Save")');
  await m.waitForSelector('[data-testid="entry-row"] >> text=Still tracking, edited by Mia');
  const edited = (await ok(base, employee, "GET", "/time/entries?limit=5")).items.find((e) => e.description === "Still tracking, edited by Mia");
  if (!edited) throw new Error("the inline edit did not reach the server");
  await settle(m);
  await noErrors(m, "entries-manager");
  await shots(m, dir, "entries-manager");
  step("manager edited the employee's entry inline; the server has the new description");

  // 8. The screenshots page: by person and hour, the lightbox with app, activity and blur state.
  await nav(m, `/screenshots?user=${eve.id}`);
  await m.reload();
  await m.waitForSelector('[data-testid="gallery"] [data-testid="shot"] img');
  await settle(m);
  await shots(m, dir, "screenshots-manager");
  await m.click('[data-testid="gallery"] [data-testid="shot"] button');
  await m.waitForSelector('[data-testid="lightbox"] [data-testid="lightbox-blur"]');
  await m.screenshot({ path: join(dir, "mgr-screenshots-lightbox-1280.png") });
  await m.setViewportSize({ width: 390, height: 844 });
  await sleep(200);
  await m.screenshot({ path: join(dir, "mgr-screenshots-lightbox-390.png") });
  await m.setViewportSize({ width: 1280, height: 800 });
  await m.keyboard.press("Escape");
  step("manager's screenshot gallery opens the lightbox with app, activity and blur state");

  // A screen recording in two chunks (as the agent uploads it) plays in the page: the chunks joined into one video.
  const rec = (await ok(base, employee, "POST", "/media/recordings", { device_id: "e2e-agent", monitor: 0,
    content_type: "video/webm", started_at: new Date(Date.now() - 60000).toISOString() })).recording;
  const empToken = await employee.evaluate(() => JSON.parse(localStorage.getItem("wm.session")).access);
  for (const [n, bytes] of [[0, Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(64)])], [1, Buffer.alloc(64, 1)]]) {
    const r = await fetch(`${base}/function/media/recordings/${rec.id}/chunks/${n}`, { method: "PUT", body: bytes,
      headers: { Authorization: `Bearer ${empToken}`, "Content-Type": "application/octet-stream" } });
    if (r.status !== 201) throw new Error(`recording chunk ${n}: ${r.status} ${await r.text()}`);
  }
  await ok(base, employee, "POST", `/media/recordings/${rec.id}/complete`, { duration_ms: 2000 });
  await m.click("button:has-text('Recordings')");
  await m.click("td button:has-text('Play')");
  await m.waitForSelector('video[data-testid="recording-video"][src^="blob:"]');
  await noErrors(m, "recordings");
  step("manager played a two-chunk screen recording in the page (<video> from the joined presigned chunks)");

  // 9. The admin's views of the same pages fit a phone too.
  for (const [path, sel, name] of [["/", '[data-testid="team-list"]', "dashboard-admin"], ["/timesheets", '[data-testid="timesheet-grid"]', "timesheets-admin"],
    ["/entries", '[data-testid="entries-table"]', "entries-admin"]]) {
    await nav(admin, path);
    await admin.waitForSelector(sel);
    await settle(admin);
    await noErrors(admin, name);
    await shots(admin, dir, name);
  }
  step("admin's team dashboard, timesheet grid and entries fit 390 px");
  await mctx.close();
}
