// End-to-end run in real headless Chromium against `make run`'s stack (started by tests/test_web_e2e.py).
// Usage: node e2e/run.mjs <base-url> <outbox-dir> <screenshot-dir>
// Exits non-zero on the first failed step; prints one line per step.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [base, outbox, shots] = process.argv.slice(2);
if (!base || !outbox || !shots) {
  console.error("usage: node e2e/run.mjs <base-url> <outbox-dir> <screenshot-dir>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const stamp = Date.now().toString(36);
const admin = { email: `ada-${stamp}@e2e.example.com`, password: "correct horse battery" };
const employee = { email: `eve-${stamp}@e2e.example.com`, password: "another good pass" };

const browser = await chromium.launch({
  // A console error in the app is printed, so a failed step comes with the page's own complaint.
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const step = (name) => console.log(`e2e: ${name}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function shoot(page, name) {
  for (const [label, width, height] of [["desktop", 1280, 800], ["phone", 390, 844]]) {
    await page.setViewportSize({ width, height });
    await sleep(150);
    await page.screenshot({ path: join(shots, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

function inviteLink(to) {
  if (!existsSync(outbox)) return null; // the worker creates it with the first mail
  for (const file of readdirSync(outbox).sort().reverse()) {
    const text = readFileSync(join(outbox, file), "utf8");
    if (text.includes(`To: ${to}`)) {
      const m = text.match(/https?:\/\/\S+accept-invite\?token=([\w-]+)/);
      if (m) return m[1];
    }
  }
  return null;
}

async function waitFor(fn, what, timeout = 20000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const v = await fn();
    if (v) return v;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function nav(page, path) {
  await page.evaluate((p) => { window.location.hash = p; }, path);
}

const pages = [];
try {
  // 1. Sign up as the admin.
  const adminCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await adminCtx.newPage();
  pages.push(["admin", a]);
  await a.goto(`${base}/#/signup`);
  await a.fill('input[name="company_name"]', "E2E Co");
  await a.fill('input[name="name"]', "Ada Admin");
  await a.fill('input[name="email"]', admin.email);
  await a.fill('input[name="password"]', admin.password);
  await a.fill('input[name="timezone"]', "Europe/Berlin");
  await a.click('button[type="submit"]');
  await a.waitForSelector("text=Dashboard");
  step("admin signed up and sees the dashboard");
  await shoot(a, "dashboard-admin");

  // 2. Invite the employee from the Team page.
  await nav(a, "/team");
  await a.fill('input[name="invite-email"]', employee.email);
  await a.click("text=Send invitation");
  await a.waitForSelector(`text=${employee.email} (employee)`);
  const token = await waitFor(() => inviteLink(employee.email), "the invitation mail");
  step("invitation sent and delivered by the worker");
  await shoot(a, "team");

  // 3. Accept in a second browser context.
  const empCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const e = await empCtx.newPage();
  pages.push(["employee", e]);
  await e.goto(`${base}/accept-invite?token=${token}`);
  await e.fill('input[name="name"]', "Eve Employee");
  await e.fill('input[name="password"]', employee.password);
  await e.click('button[type="submit"]');
  await e.waitForSelector("text=Dashboard");
  const navText = await e.textContent("nav");
  if (navText.includes("Team")) throw new Error("an employee sees the manager-only Team link");
  step("employee accepted in a second context; no manager links shown");

  // 4. Employee starts and stops the timer.
  await e.fill('input[aria-label="What are you working on?"]', "Writing the report");
  await e.click("button:has-text('Start')");
  await e.waitForSelector("button:has-text('Stop')");
  await waitFor(async () => (await e.textContent('[data-testid="timer-clock"]')) >= "00:00:02", "the clock to run");
  await shoot(e, "timer-running");
  await e.click("button:has-text('Stop')");
  await e.waitForSelector("button:has-text('Start')");
  step("employee started and stopped the timer");
  await nav(e, "/entries");
  await e.waitForSelector("text=Writing the report", { state: "attached" }).catch(async () => {
    await e.waitForSelector('input[value="Writing the report"]', { state: "attached" });
  });
  await shoot(e, "entries");

  // 5. Employee submits the week.
  await nav(e, "/timesheets");
  await e.click("button:has-text('Submit week')");
  await waitFor(async () => (await e.textContent('[data-testid="my-sheet-status"]')) === "submitted", "submitted status");
  step("employee submitted the week");

  // 6. The admin (a manager for approvals) approves it.
  await nav(a, "/timesheets");
  await a.reload();
  await a.waitForSelector("text=Eve Employee");
  await shoot(a, "approvals");
  await a.click("button:has-text('Approve')");
  await a.waitForSelector("text=Nothing to approve.");
  await e.reload();
  await waitFor(async () => (await e.textContent('[data-testid="my-sheet-status"]')) === "approved", "approved status");
  step("manager approved; the employee sees it approved");
  await shoot(e, "timesheet-approved");

  for (const extra of (process.env.E2E_EXTRA || "").split(",").filter(Boolean)) {
    const mod = await import(`./${extra}.mjs`);
    await mod.run({ base, admin: a, employee: e, shoot, nav, waitFor, step, outbox, shotsDir: shots });
  }
  await browser.close();
  console.log("e2e: all steps passed");
} catch (err) {
  console.error(`e2e: FAILED: ${err.stack || err}`);
  for (const [who, page] of pages) {
    await page.screenshot({ path: join(shots, `FAILED-${who}.png`), fullPage: true }).catch(() => undefined);
  }
  await browser.close();
  process.exit(1);
}
