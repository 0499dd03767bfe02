// Drives the mobile app's web build in Debian's Chromium (playwright-core from the web app's node_modules) at phone
// size with geolocation emulated. Argument: JSON {app, server, admin (Authorization header), email, password, shots}.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "..", "web", "package.json"));
const { chromium } = require("playwright-core");

const args = JSON.parse(process.argv[2]);
const OFFICE = { latitude: 52.5201, longitude: 13.405, accuracy: 10 };
const FAR = { latitude: 52.53, longitude: 13.405, accuracy: 10 };

function step(name) {
  console.log(`step: ${name}`);
}

async function policy(value) {
  const r = await fetch(`${args.server}/function/attendance/settings`, {
    method: "PATCH",
    headers: { Authorization: args.admin, "Content-Type": "application/json" },
    body: JSON.stringify({ geofence_policy: value }),
  });
  if (!r.ok) throw new Error(`policy ${value}: ${r.status} ${await r.text()}`);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH, args: ["--no-sandbox"] });
const context = await browser.newContext({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  geolocation: FAR,
  permissions: ["geolocation"],
});
const page = await context.newPage();
const consoleErrors = [];
page.on("pageerror", (e) => consoleErrors.push(String(e)));
const shot = (name) => page.screenshot({ path: path.join(args.shots, `${name}.png`) });
const byId = (id) => page.getByTestId(id);
async function expectText(id, re, timeout = 10000) {
  const el = byId(id);
  await el.waitFor({ timeout });
  const deadline = Date.now() + timeout;
  let text = "";
  while (Date.now() < deadline) {
    text = await el.innerText();
    if (re.test(text)) return text;
    await page.waitForTimeout(150);
  }
  throw new Error(`${id}: expected ${re}, saw ${JSON.stringify(text)}`);
}

try {
  step("sign in with the server address");
  await page.goto(args.app);
  await byId("server-url").fill(args.server);
  await byId("email").fill(args.email);
  await byId("password").fill(args.password);
  await shot("01-sign-in");
  await byId("signin-submit").click();
  await byId("timer-card").waitFor({ timeout: 20000 });
  await shot("02-timer");

  step("clock-in outside every site is refused under policy require");
  await byId("tab-attendance").click();
  await expectText("location-hint", /outside every work site \(\d+ m from Office\)/);
  await byId("clock-in").click();
  await expectText("attendance-message", /^Clock-in refused: /);
  await shot("03-refused");

  step("inside the office: clock in, break, clock out");
  await context.setGeolocation(OFFICE);
  await byId("clock-in").click();
  await expectText("attendance-message", /^Clocked in at Office\.$/);
  await byId("break-start").click();
  await expectText("attendance-message", /^Break started\.$/);
  await shot("04-on-break");
  await byId("break-end").click();
  await expectText("attendance-message", /^Break ended\.$/);
  await byId("clock-out").click();
  await expectText("attendance-message", /^Clocked out\.$/);
  await shot("05-clocked-out");

  step("policy flag: clock-in outside is accepted and flagged");
  await policy("flag");
  await context.setGeolocation(FAR);
  await byId("clock-in").click();
  await expectText("attendance-message", /Flagged for your manager: outside every work site\./);
  await shot("06-flagged");
  await byId("clock-out").click();
  await expectText("attendance-message", /^Clocked out\.$/);

  step("offline: start and stop the timer, then back online, sent once");
  await byId("tab-timer").click();
  await byId("timer-start").waitFor();
  await context.setOffline(true);
  await byId("timer-description").fill("offline visit");
  await byId("timer-start").click();
  await byId("timer-offline").waitFor({ timeout: 5000 });
  await expectText("sync-state", /Offline/);
  await page.waitForTimeout(2500);
  await byId("timer-stop").click();
  await expectText("timer-message", /Saved on this phone/);
  await expectText("sync-state", /1 waiting to be sent/);
  await shot("07-offline-queued");
  await context.setOffline(false);
  // back online: the app replays on the connection event (or at the latest on its 15 s timer)
  await page.waitForFunction(() => !document.querySelector('[data-testid="sync-state"]'), null, { timeout: 30000 });
  await page.reload();
  await byId("today").waitFor({ timeout: 20000 });
  await expectText("today", /offline visit/);
  await shot("08-back-online");

  step("an expense with a receipt photo (the web build's file picker)");
  await byId("tab-expenses").click();
  await byId("category-Travel").click();
  await byId("expense-amount").fill("12,50");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), byId("receipt-photo").click()]);
  await chooser.setFiles(args.receipt);
  await byId("receipt-preview").waitFor({ timeout: 10000 });
  await byId("expense-submit").click();
  await expectText("expense-message", /^Submitted 12\.50 [A-Z]{3}: your manager decides\.$/);
  await expectText("expense-list", /Travel · receipt/);
  await shot("09-expense");

  step("dark theme and the capture statement");
  await byId("tab-more").click();
  await page.getByRole("button", { name: "Dark" }).click();
  await expectText("capture", /location at clock-in and clock-out/);
  await shot("10-more-dark");

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`horizontal overflow at 390 px: ${overflow}px`);

  step("tablet layout: side rail and two columns");
  const tablet = await browser.newContext({ viewport: { width: 1180, height: 820 }, geolocation: OFFICE, permissions: ["geolocation"] });
  const tp = await tablet.newPage();
  await tp.goto(args.app);
  await tp.getByTestId("server-url").fill(args.server);
  await tp.getByTestId("email").fill(args.email);
  await tp.getByTestId("password").fill(args.password);
  await tp.getByTestId("signin-submit").click();
  await tp.getByTestId("today").waitFor({ timeout: 20000 });
  const [timerBox, todayBox] = [await tp.getByTestId("timer-card").boundingBox(), await tp.getByTestId("today").boundingBox()];
  if (!(todayBox.x > timerBox.x + timerBox.width - 1)) throw new Error("tablet: the day's entries are not beside the timer");
  await tp.screenshot({ path: path.join(args.shots, "11-tablet-timer.png") });
  await tp.getByTestId("tab-attendance").click();
  await tp.getByTestId("clock-card").waitFor();
  await tp.waitForTimeout(500);
  await tp.screenshot({ path: path.join(args.shots, "12-tablet-attendance.png") });
  await tablet.close();
  if (consoleErrors.length) throw new Error(`page errors: ${consoleErrors.join("; ")}`);
  console.log("mobile e2e: all steps passed");
} catch (err) {
  await shot("99-failure").catch(() => undefined);
  console.error(err);
  console.error("page text:", await page.evaluate(() => document.body.innerText).catch(() => "?"));
  process.exitCode = 1;
} finally {
  await browser.close();
}
