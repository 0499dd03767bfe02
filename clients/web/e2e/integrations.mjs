// e2e: the integrations page (a CalDAV calendar that cannot be reached shows its sync error; time tracking goes
// on) and the admins' alerts page (repeated failed sign-ins of the employee raise one alert, acknowledged here).
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function noErrors(page, where) {
  const alerts = await page.$$eval('[role="alert"]', (els) => els.map((e) => e.textContent));
  if (alerts.length) throw new Error(`${where}: error banner shown: ${alerts.join(" | ")}`);
}

export async function run({ base, admin: a, employee: e, shoot, nav, waitFor, step }) {
  await nav(e, "/integrations");
  await e.waitForSelector("text=Connect a CalDAV calendar");
  await e.fill("input[placeholder^='https://cloud.example.com']", "http://127.0.0.1:9/eve/work/");
  await e.fill("label:has-text('User name') input", "eve");
  await e.fill("input[type=password]", "calendar password");
  await e.click("form button:text-is('Connect')");
  await e.waitForSelector('[data-testid="calendar-connections"]');
  await waitFor(async () => {
    await e.reload();
    await e.waitForSelector('[data-testid="calendar-connections"]');
    return (await e.textContent('[data-testid="calendar-connections"]')).includes("unreachable");
  }, "the sync error on the connection");
  await noErrors(e, "integrations");
  await shoot(e, "integrations");
  step("employee connected a calendar; its sync error is shown");

  const me = await e.evaluate(async () => {
    const token = JSON.parse(localStorage.getItem("wm.session")).access;
    const r = await fetch("/function/auth/me", { headers: { Authorization: `Bearer ${token}` } });
    return (await r.json()).user.email;
  });
  for (let i = 0; i < 5; i++) {
    await fetch(`${base}/function/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": "203.0.113.50" },
      body: JSON.stringify({ email: me, password: "not the password" }),
    });
    await sleep(50);
  }
  await nav(a, "/alerts");
  await waitFor(async () => {
    await a.reload();
    await a.waitForSelector('[aria-label="Security alerts"]');
    return (await a.textContent('[aria-label="Security alerts"]')).includes("Repeated failed sign-ins");
  }, "the failed sign-in alert");
  await noErrors(a, "alerts");
  await shoot(a, "alerts");
  await a.click("button:has-text('Acknowledge')");
  await a.waitForSelector("text=No new alerts.");
  step("admin saw the failed sign-in alert and acknowledged it");

  for (const [page, who] of [[e, "employee"], [a, "admin"]]) {
    await nav(page, "/insights");
    await page.waitForSelector('[aria-label="Insights"]');
    await noErrors(page, `insights (${who})`);
    await shoot(page, `insights-${who}`);
  }
  step("insights shown to the employee and, with the team table, to the admin");
}
