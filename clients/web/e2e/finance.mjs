// e2e: the finance pages. The admin sets up a category and a rate; the employee submits an expense with a receipt
// photo at phone width; the manager-admin approves it; payroll, invoices and payouts render for the admin.
async function call(base, page, method, path, body) {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem("wm.session")).access);
  const headers = { Authorization: `Bearer ${token}` };
  if (body) headers["Content-Type"] = "application/json";
  const r = await fetch(`${base}/function${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const out = r.status === 204 ? null : await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(out)}`);
  return out;
}

// An 8x6 PNG receipt (decoded by the server).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAFElEQVR4nGN8dkKDARtgwipKJwkAFJ8B4gX9D4AAAAAASUVORK5CYII=",
  "base64",
);

export async function run({ base, admin, employee, shoot, nav, step }) {
  await call(base, admin, "POST", "/finance/expense-categories", { name: "Travel" });
  step("finance: admin created an expense category");
  await employee.setViewportSize({ width: 390, height: 844 });
  await nav(employee, "/expenses");
  await employee.waitForSelector("text=New expense");
  await employee.fill('input[placeholder="12.50"]', "23.40");
  await employee.selectOption('section[aria-label="New expense"] select', { label: "Travel" });
  await employee.setInputFiles('input[type="file"]', { name: "receipt.png", mimeType: "image/png", buffer: PNG });
  await employee.click("button:has-text('Submit expense')");
  await employee.waitForSelector("text=submitted");
  const width = await employee.evaluate(() => document.documentElement.scrollWidth);
  if (width > 400) throw new Error(`the expenses page scrolls sideways at phone width (${width}px)`);
  await shoot(employee, "expenses-employee");
  step("finance: employee submitted an expense with a receipt at phone width");
  await nav(admin, "/expenses");
  await admin.reload();
  await admin.waitForSelector("text=Expenses to approve");
  await admin.click("section[aria-label='Expenses to approve'] button:has-text('Approve')");
  await admin.waitForSelector("text=Nothing waiting.");
  step("finance: admin approved it");
  for (const [path, marker, name] of [
    ["/payroll", "text=Payroll runs", "payroll-admin"],
    ["/invoices", "text=New draft from approved billable time", "invoices-admin"],
    ["/payouts", "section[aria-label='Payouts']", "payouts-admin"],
  ]) {
    await nav(admin, path);
    await admin.waitForSelector(marker);
    await shoot(admin, name);
  }
  // Payouts: a contract with a milestone, funded, released, and the payout marked paid with a reference.
  await nav(admin, "/payouts");
  await admin.click("summary:has-text('New contract')");
  const form = admin.locator("form[aria-label='New contract']");
  await form.locator("select").first().selectOption({ label: "Eve Employee" });
  await form.locator("input[placeholder='e.g. Logo redesign']").fill("Logo redesign");
  await form.locator("button:has-text('Create')").click();
  const milestone = admin.locator("form[aria-label='New milestone']");
  await milestone.locator("input[placeholder='e.g. First draft']").fill("First draft");
  await milestone.locator("input[placeholder='500.00']").fill("500.00");
  await milestone.locator("button:has-text('Add milestone')").click();
  await admin.waitForSelector("td:has-text('First draft')");
  await admin.click("section[aria-label='Contracts'] button:has-text('Fund')");
  await admin.click("section[aria-label='Contracts'] button:has-text('Release')");
  const payouts = admin.locator("section[aria-label='Payouts'] tbody tr");
  await payouts.filter({ hasText: "pending" }).waitFor();
  admin.once("dialog", (d) => d.accept("BANK-REF-77"));
  await payouts.locator("button:has-text('Mark paid')").click();
  await payouts.filter({ hasText: "paid" }).filter({ hasText: "500.00" }).waitFor();
  const after = await call(base, admin, "GET", "/finance/payouts?limit=10");
  const paid = after.items.find((p) => p.amount_minor === 50000);
  if (!paid || paid.state !== "paid" || paid.reference !== "BANK-REF-77") {
    throw new Error(`the released milestone's payout is not paid with its reference: ${JSON.stringify(after.items)}`);
  }
  await shoot(admin, "payouts-walk-admin");
  step("finance: admin created a contract, funded and released a milestone, marked the payout paid");
  await nav(employee, "/payroll");
  await employee.waitForSelector("text=My payslips");
  await shoot(employee, "payroll-employee");
  step("finance: payroll, invoices and payouts pages render");
}
