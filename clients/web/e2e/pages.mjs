// e2e: the projects, attendance, reports and settings pages, as the admin and as the employee, with screenshots
// at desktop and phone widths. Each visit asserts a key element, no error banner and no sideways scrolling.
async function call(base, page, method, path, body) {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem("wm.session")).access);
  const headers = { Authorization: `Bearer ${token}` };
  if (body) headers["Content-Type"] = "application/json";
  const r = await fetch(`${base}/function${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const out = r.status === 204 ? null : await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(out)}`);
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const inFlight = new Map(); // page -> requests not yet answered, named when a page never finishes loading

function track(page) {
  const set = new Set();
  inFlight.set(page, set);
  page.on("request", (r) => set.add(r));
  page.on("requestfinished", (r) => set.delete(r));
  page.on("requestfailed", (r) => set.delete(r));
  page.on("console", (m) => m.type() === "error" && console.log(`e2e: console error: ${m.text()}`));
}

/** Wait until nothing on the page is loading any more. */
async function settle(page) {
  try {
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 15000 });
  } catch (err) {
    const open = [...(inFlight.get(page) ?? [])].map((r) => `${r.method()} ${r.url()}`);
    throw new Error(`the page is still loading after 15 s; unanswered requests: ${open.join(", ") || "none"}`);
  }
  await sleep(300);
}

async function noErrors(page, where) {
  const alerts = await page.$$eval('[role="alert"]', (els) => els.map((e) => e.textContent));
  if (alerts.length) throw new Error(`${where}: error banner shown: ${alerts.join(" | ")}`);
}

/** The page must not scroll sideways at phone width (wide tables scroll inside their own wrapper). */
async function fitsPhone(page, where) {
  await page.setViewportSize({ width: 390, height: 844 });
  await sleep(150);
  const [scroll, client, culprits] = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    // The innermost elements sticking out name the culprit in the failure message.
    const out = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > w + 1
      && ![...el.children].some((c) => c.getBoundingClientRect().right > w + 1)).slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}[${el.textContent.slice(0, 30)}] right=${Math.round(el.getBoundingClientRect().right)}`);
    return [document.documentElement.scrollWidth, w, out];
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  if (scroll > client + 1) throw new Error(`${where}: the page is ${scroll}px wide at a 390px phone width: ${culprits.join("; ")}`);
}

async function visit(page, nav, path, selector) {
  await nav(page, path);
  await page.waitForSelector(selector, { timeout: 15000 });
  await settle(page);
}

async function check(page, shoot, name) {
  await noErrors(page, name);
  await fitsPhone(page, name);
  await page.evaluate(() => window.scrollTo(0, 0)); // else the sticky top bar lands mid-page in a full-page shot
  await shoot(page, name);
}

/** Next Monday (YYYY-MM-DD), so a three-day leave request always covers three working days. */
function nextMonday() {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}
const plusDays = (day, n) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

export async function run({ base, admin, employee, nav, step, shoot, waitFor }) {
  track(admin);
  track(employee);
  // Navigation: the employee sees the new pages but never a manager/admin link.
  const empNav = await employee.textContent("nav");
  for (const title of ["Projects", "Attendance", "Reports", "Settings"]) {
    if (!empNav.includes(title)) throw new Error(`the employee's navigation lacks ${title}`);
  }
  if (empNav.includes("Team")) throw new Error("the employee sees the Team link");
  await employee.waitForSelector('[data-testid="notification-bell"]');

  // Settings as the admin: company sections and a productivity rule.
  await visit(admin, nav, "/settings?tab=company", "text=Save time settings");
  await admin.waitForSelector("text=Save company profile");
  await visit(admin, nav, "/settings?tab=rules", 'input[name="rule-pattern"]');
  await admin.fill('input[name="rule-pattern"]', "Code");
  await admin.click("button:has-text('Add rule')");
  await admin.waitForSelector("td code:has-text('Code')");
  await settle(admin);
  await check(admin, shoot, "settings-admin");
  step("admin settings: time, screenshots, attendance and a productivity rule");

  // The employee's consent and some activity (after the rule, so it counts as productive).
  const me = await call(base, employee, "GET", "/auth/me");
  if (me.agreement?.status !== "accepted") {
    const p = await call(base, admin, "POST", `/team/users/${me.user.id}/agreements`, { screenshots: true, activity: true, gps: false });
    await call(base, employee, "POST", `/team/agreements/${p.agreement.id}/accept`, {});
  }
  const apps = [["Code", null], ["Firefox", "github.com"], ["Firefox", "news.example.com"], ["Slack", null]];
  const now = Date.now();
  const samples = Array.from({ length: 48 }, (_, i) => {
    const [app, domain] = apps[i % 7 < 4 ? 0 : (i % 3) + 1];
    return { seq: i + 1, started_at: new Date(now - (i + 1) * 60000).toISOString(), duration: 60, app, domain,
      title: domain ? `${domain} — Firefox` : app, keyboard: (i * 7) % 50, mouse: (i * 11) % 40, idle: i % 12 === 11 };
  });
  await call(base, employee, "POST", "/activity/samples", { device_id: "e2e-laptop", samples });
  await visit(employee, nav, "/settings", '[data-testid="consent-status"]');
  const consent = await employee.textContent('[data-testid="consent-status"]');
  if (!consent.includes("You consented")) throw new Error(`consent not shown as accepted: ${consent}`);
  if (await employee.$("text=Productivity rules")) throw new Error("the employee sees the productivity rules");
  await check(employee, shoot, "settings-employee");
  step("employee settings show the accepted consent; activity samples sent");

  // Projects as the admin: a client, a project with a budget, a member and an assigned task.
  await visit(admin, nav, "/projects", '[aria-label="Clients"]');
  await admin.fill('input[name="client-name"]', "Acme Corp");
  await admin.click("button:has-text('Add client')");
  await admin.waitForSelector("td:has-text('Acme Corp')");
  await admin.click("summary:has-text('New project')");
  await admin.fill('input[name="project-name"]', "Website relaunch");
  await admin.selectOption('form[aria-label="New project"] select', { label: "Acme Corp" });
  await admin.getByLabel("Budget (hours)").fill("10");
  await admin.click("button:has-text('Create project')");
  await admin.waitForSelector("a:has-text('Website relaunch')");
  await admin.click("a:has-text('Website relaunch')");
  await admin.waitForSelector('[data-testid="project-name"]');
  await admin.selectOption('select[name="member"]', { label: "Eve Employee" });
  await admin.click("button:has-text('Add member')");
  await admin.waitForSelector('[aria-label="Members"] >> text=Eve Employee');
  // Three hours of Eve's on the project, last week (this week's timesheet is approved and locked): 30 % of budget.
  const projectId = new URL(admin.url()).hash.split("id=")[1];
  const start = Date.now() - 8 * 86400000;
  await call(base, employee, "POST", "/time/entries", { project_id: projectId, description: "Wireframes", source: "web",
    started_at: new Date(start).toISOString(), ended_at: new Date(start + 3 * 3600000).toISOString() });
  await admin.click("summary:has-text('New task')");
  await admin.fill('form[aria-label="New task"] input[name="task-name"]', "Design homepage");
  await admin.getByLabel("Due date").fill(plusDays(nextMonday(), 4));
  await admin.getByLabel("Estimate (minutes or 1:30)").fill("2:30");
  await admin.check('form[aria-label="New task"] label:has-text("Eve Employee") input');
  await admin.click("button:has-text('Add task')");
  await admin.waitForSelector('[data-testid="tasks"] >> text=Design homepage');
  await settle(admin);
  await check(admin, shoot, "project-admin");
  await visit(admin, nav, "/projects", '[data-testid="projects-table"]');
  await admin.waitForSelector('[role="progressbar"][aria-valuenow="30"]');
  await check(admin, shoot, "projects-admin");
  step("admin created a client, a project with a budget, a member and an assigned task");

  // Projects as the employee: read-only, but their own task's status can move.
  await visit(employee, nav, "/projects", "a:has-text('Website relaunch')");
  if (await employee.$("summary:has-text('New project')")) throw new Error("the employee may create projects");
  await check(employee, shoot, "projects-employee");
  await employee.click("a:has-text('Website relaunch')");
  await employee.waitForSelector('select[aria-label="Status of Design homepage"]');
  await employee.selectOption('select[aria-label="Status of Design homepage"]', "in_progress");
  await waitFor(() => employee.$eval('select[aria-label="Status of Design homepage"]', (el) => el.value === "in_progress" && !el.disabled),
    "the task to show in progress");
  await settle(employee);
  await check(employee, shoot, "project-employee");
  step("employee sees the project read-only and moved their task to in progress");

  // Attendance: a leave type and a shift (admin); clock in, a break, a leave request (employee); approval.
  await visit(admin, nav, "/attendance?tab=leave", 'input[name="leave-type"]');
  await admin.fill('input[name="leave-type"]', "Vacation");
  await admin.getByLabel("Days per year (blank: no limit)").fill("25");
  await admin.click("button:has-text('Add type')");
  await admin.waitForSelector("text=Vacation (25");
  await visit(admin, nav, "/attendance?tab=shifts", 'select[name="shift-user"]');
  await admin.selectOption('select[name="shift-user"]', { label: "Eve Employee" });
  await admin.click("button:has-text('Add shift')");
  await admin.waitForSelector('[aria-label="Shift planning"] td:has-text("Eve Employee")');
  step("admin added a leave type and planned a shift");

  await visit(employee, nav, "/attendance", '[data-testid="attendance-status"]');
  await employee.reload();
  await employee.waitForSelector('[data-testid="attendance-status"]');
  await employee.click("button:has-text('Clock in')");
  await employee.waitForSelector("text=Clocked in since");
  await employee.click("button:has-text('Start break')");
  await employee.waitForSelector("text=On a break since");
  await employee.click("button:has-text('End break')");
  await employee.waitForSelector("text=Clocked in since");
  await visit(employee, nav, "/attendance?tab=leave", '[aria-label="My leave requests"]');
  const monday = nextMonday();
  await employee.getByLabel("First day").fill(monday);
  await employee.getByLabel("Last day").fill(plusDays(monday, 2));
  await employee.getByLabel("Reason (optional)").fill("Family trip");
  await employee.click("button:has-text('Request 3 working days')");
  await employee.waitForSelector("text=Sent to your manager.");
  await settle(employee);
  await check(employee, shoot, "attendance-employee");
  step("employee clocked in, took a break and requested three days of leave");

  await visit(admin, nav, "/attendance?tab=leave", '[aria-label="Leave approvals"]');
  await admin.reload();
  await admin.waitForSelector('[aria-label="Leave approvals"] td:has-text("Eve Employee")');
  await admin.fill('[aria-label="Leave approvals"] input', "Enjoy!");
  await admin.click('[aria-label="Leave approvals"] button:has-text("Approve")');
  await admin.waitForSelector("text=No leave to approve.");
  await settle(admin);
  await check(admin, shoot, "attendance-admin");
  await employee.reload();
  await employee.waitForSelector('[aria-label="My leave requests"] .badge:has-text("approved")');
  step("admin approved the leave with a comment; the employee sees it approved");

  // Reports: time by project, apps and websites, daily activity and productivity.
  for (const [who, page] of [["admin", admin], ["employee", employee]]) {
    await visit(page, nav, "/reports", '[data-testid="time-total"]');
    await page.waitForSelector('[aria-label="Apps usage"] >> text=Code');
    await page.waitForSelector('[aria-label="Productivity"] [role="img"]');
    await check(page, shoot, `reports-${who}`);
  }
  await admin.selectOption('select[aria-label="Theme"]', "dark");
  await shoot(admin, "reports-admin-dark");
  await visit(admin, nav, "/attendance", '[data-testid="attendance-status"]');
  await shoot(admin, "attendance-admin-dark");
  await admin.selectOption('select[aria-label="Theme"]', "auto");
  step("reports show tracked time, app and website usage and productivity for both roles");
}
