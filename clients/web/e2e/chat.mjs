// e2e: a chat message sent by the admin appears live in the employee's browser (no reload).
export async function run({ admin, employee, nav, step, shoot, waitFor }) {
  await nav(admin, "/chat");
  await admin.fill('input[name="channel-name"]', "general");
  await admin.click("button:has-text('Create')");
  await admin.waitForSelector("text=# general");
  await nav(employee, "/chat");
  await employee.reload(); // the channel list is fetched on load; live messages arrive without further reloads
  await employee.waitForSelector("text=# general");
  await employee.click("text=# general");
  await employee.waitForSelector("text=No messages yet. Say hello!");
  const text = `Hello team ${Date.now()}`;
  await admin.fill('input[name="message"]', text);
  await admin.click("button:has-text('Send')");
  await waitFor(async () => (await employee.textContent('[data-testid="messages"]')).includes(text),
    "the message to appear live for the employee", 15000);
  step("chat message appeared live in the other browser context");
  await shoot(employee, "chat");
}
