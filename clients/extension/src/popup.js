// The popup: sign in, what is tracked now and why, today's time and top sites, pause/resume, the timer.
// It holds no state of its own: every action is a message to the background, which answers with the new state.
// Built with DOM nodes (never innerHTML), so no server or page text can become markup.
const ext = globalThis.browser ?? globalThis.chrome;
const app = document.getElementById("app");
let pendingOtp = null;
let error = "";

const STATUS = {
  tracking: ["Tracking", "Your timer runs and this browser's active tab is recorded."],
  paused: ["Paused", "Nothing is recorded until you resume."],
  not_allowed: ["Not allowed", "Your work agreement does not include activity tracking, so nothing is recorded or sent."],
  timer_stopped: ["Timer stopped", "Nothing is recorded while your timer is stopped."],
};

/** Create an element: h("p", {class: "muted"}, "text", child, ...). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

function show(...nodes) {
  app.replaceChildren(...nodes.flat().filter(Boolean));
}

/** A duration as people read it: "42s", "12m", "1h 05m". */
function hm(seconds) {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m` : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

async function ask(type, extra = {}) {
  const answer = await ext.runtime.sendMessage({ type, ...extra });
  if (!answer?.ok) throw new Error(answer?.error || "No answer from the extension.");
  return answer.value;
}

async function act(type, extra) {
  error = "";
  app.querySelectorAll("button").forEach((b) => (b.disabled = true));
  try {
    const value = await ask(type, extra);
    if (value?.otp) {
      pendingOtp = { ...extra, challenge: value.otp };
      return renderOtp();
    }
    pendingOtp = null;
    render(value);
  } catch (err) {
    error = err.message;
    if (pendingOtp) return renderOtp();
    render(await ask("state"));
  }
}

const alert = () => (error ? h("div", { class: "error", role: "alert" }, error) : null);

function renderSignIn(s, withCode = false) {
  document.getElementById("who").textContent = "";
  const server = h("label", {}, "Server", h("input", { name: "server", type: "url", required: true, placeholder: "https://tracker.example.com", value: s.server }));
  const fields = withCode
    ? [h("label", {}, "Pairing code", h("input", { name: "code", required: true, placeholder: "ABCD-EFGH-JKLM", autocomplete: "off" })),
       h("p", { class: "muted" }, "Get a code in the WorkMonitor web app: Settings → Pair the browser extension.")]
    : [h("label", {}, "Email", h("input", { name: "email", type: "email", required: true, autocomplete: "username" })),
       h("label", {}, "Password", h("input", { name: "password", type: "password", required: true, autocomplete: "current-password" }))];
  const form = h(
    "form",
    { id: "signin" },
    h("p", { class: "muted" }, "Sign in with your WorkMonitor account. The extension records the website in your active tab while your timer runs, only if your work agreement allows activity tracking."),
    alert(),
    server,
    fields,
    h("div", { class: "row" },
      h("button", { type: "submit", id: "signin-button" }, "Sign in"),
      h("a", { href: "#", id: "switch-signin", onclick: (e) => { e.preventDefault(); error = ""; renderSignIn(s, !withCode); } },
        withCode ? "Use email and password" : "Use a pairing code")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const f = new FormData(form);
    if (withCode) act("pair", { server: f.get("server"), code: f.get("code") });
    else act("signIn", { server: f.get("server"), email: f.get("email"), password: f.get("password") });
  });
  show(form);
}

function renderOtp() {
  const form = h(
    "form",
    { id: "otp" },
    h("p", {}, "We emailed you a sign-in code."),
    alert(),
    h("label", {}, "Code", h("input", { name: "code", inputmode: "numeric", required: true })),
    h("button", { type: "submit" }, "Verify"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    act("otp", { ...pendingOtp, code: new FormData(form).get("code") });
  });
  show(form);
}

function captureText(s) {
  const what =
    s.capture === "full"
      ? "the address (URL) and title of the active tab"
      : "the website's domain only (e.g. github.com), never the full address or page title";
  return `What is recorded while tracking: ${what}, in one-minute samples, and whether you are active or idle (seconds with keyboard or mouse input, never what you type). Private windows and other applications are never recorded.`;
}

async function loadTasks(project, task) {
  task.hidden = true;
  if (!project.value) return;
  const { tasks } = await ask("tasks", { projectId: project.value }).catch(() => ({ tasks: [] }));
  task.replaceChildren(h("option", { value: "" }, "No task"), ...tasks.map((t) => h("option", { value: t.id }, t.name)));
  task.hidden = tasks.length === 0;
}

function timerBlock(s) {
  if (s.status === "not_allowed") return [];
  const running = Boolean(s.timer);
  const project = h(
    "select",
    { id: "project", "aria-label": "Project", disabled: running },
    h("option", { value: "" }, "No project"),
    s.projects.map((p) => h("option", { value: p.id, selected: s.timer?.project_id === p.id }, p.name)),
  );
  const task = h("select", { id: "task", "aria-label": "Task", hidden: true });
  project.addEventListener("change", () => loadTasks(project, task));
  const start = () => act("start", { projectId: project.value || null, taskId: task.value || null });
  const paused = s.status === "paused";
  const buttons = paused
    ? [h("button", { id: "resume", onclick: () => act("resume") }, "Resume")]
    : [
        running
          ? h("button", { id: "stop", class: "danger", onclick: () => act("stop") }, "Stop timer")
          : h("button", { id: "start", onclick: start }, "Start timer"),
        running ? h("button", { id: "pause", class: "secondary", onclick: () => act("pause") }, "Pause") : null,
      ];
  const projectName = s.projects.find((p) => p.id === s.timer?.project_id)?.name;
  const since = running ? new Date(s.timer.started_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "";
  return [
    h("h2", {}, "Timer"),
    paused ? null : h("div", { class: "row" }, project, task),
    h("div", { class: "row", style: "margin-top:8px" }, buttons),
    running ? h("p", { class: "muted" }, `Running since ${since}${projectName ? ` on ${projectName}` : ""}.`) : null,
  ];
}

function render(s) {
  if (s.status === "signed_out") return renderSignIn(s);
  document.getElementById("who").textContent = s.name || s.email;
  const [label, why] = STATUS[s.status];
  const sites = s.today.sites.length
    ? h("ul", { class: "sites" }, s.today.sites.map((x) => h("li", {}, h("span", {}, x.domain), h("span", {}, hm(x.seconds)))))
    : h("p", { class: "muted" }, "No websites recorded today.");
  const unsent = s.queued ? `${s.queued} sample${s.queued === 1 ? "" : "s"} waiting to be sent` : "All samples sent";
  const kept = s.summarized || s.dropped ? ` · queue full: ${s.summarized} merged, ${s.dropped} removed` : "";
  show(
    h("span", { class: `pill ${s.status}`, "data-testid": "status" }, label),
    h("p", { class: "muted" }, why),
    alert(),
    s.lastError
      ? h("div", { class: "error", "data-testid": "sync-error" }, `${s.lastError} Samples stay queued and are sent when the server is back.`)
      : null,
    s.status === "not_allowed" ? null : [h("h2", {}, "Today"), h("div", { class: "big", "data-testid": "today" }, hm(s.today.seconds)), sites],
    timerBlock(s),
    h("div", { class: "what" }, captureText(s)),
    h(
      "footer",
      {},
      h("span", { class: "muted", "data-testid": "queue" }, unsent + kept),
      h("button", { id: "signout", class: "secondary", onclick: () => act("signOut") }, "Sign out"),
    ),
  );
}

ask("state").then(render, (err) => show(h("div", { class: "error" }, err.message)));
