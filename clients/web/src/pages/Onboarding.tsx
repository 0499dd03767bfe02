// The admin's first steps after signup, on the dashboard: each step's state comes from the company's data
// (people, assignments, the capture policy in the audit log, agent activity), so it ticks itself off.
import { get } from "../api";
import type { AssignmentPage, AuditPage, InvitationList, PersonPage, UsagePage } from "../models";
import { useAsync } from "../ui";

interface Step { key: string; done: boolean; title: string; how: string; href: string; action: string }

async function progress(): Promise<Step[]> {
  const none = <T,>(fallback: T) => () => fallback;
  const [people, invites, assigned, policy, usage] = await Promise.all([
    get<PersonPage>("/team/users?limit=2").catch(none(null)),
    get<InvitationList>("/team/invitations?limit=1").catch(none(null)),
    get<AssignmentPage>("/team/assignments?limit=1").catch(none(null)),
    get<AuditPage>("/team/audit?action=media.settings_changed&limit=1").catch(none(null)),
    get<UsagePage>("/activity/usage?by=app&limit=1").catch(none(null)),
  ]);
  const invited = (people?.items.length ?? 0) > 1 || (invites?.items.length ?? 0) > 0;
  const agent = (usage?.items.length ?? 0) > 0 || localStorage.getItem("wm.agent-downloaded") === "1";
  return [
    { key: "invite", done: invited, title: "Invite your people",
      how: "Send invitations by email from the Team page; each person picks their own password.", href: "#/team", action: "Invite people" },
    { key: "managers", done: (assigned?.items.length ?? 0) > 0, title: "Assign managers",
      how: "Give each manager their people: they approve those timesheets and leave, and see that activity.", href: "#/team", action: "Assign managers" },
    { key: "capture", done: (policy?.items.length ?? 0) > 0, title: "Set the capture policy",
      how: "Screenshot interval, blurring, idle threshold and how long captures are kept.", href: "#/settings?tab=capture", action: "Open capture policy" },
    { key: "agent", done: agent, title: "Download the desktop agent",
      how: "Install it on each computer that tracks time; it needs each person's consent before it captures anything.", href: "#/downloads", action: "Get the agent" },
  ];
}

export function Onboarding() {
  const steps = useAsync(progress, []);
  if (!steps.data) return null;
  const left = steps.data.filter((s) => !s.done).length;
  if (left === 0) return null;
  return (
    <section className="panel" aria-label="Getting started" data-testid="onboarding">
      <h3 style={{ marginTop: 0 }}>Getting started <span className="muted" style={{ fontWeight: 400, fontSize: 14 }}>
        {steps.data.length - left} of {steps.data.length} done</span></h3>
      <ol className="checklist">{steps.data.map((s) => (
        <li key={s.key} className={s.done ? "done" : ""} data-step={s.key} data-done={s.done}>
          <span className="tick" aria-hidden="true">{s.done ? "✓" : ""}</span>
          <span className="what"><strong>{s.title}</strong>{s.done ? <span className="sr-only"> (done)</span> : <>
            {" — "}<span className="muted">{s.how}</span> <a href={s.href}>{s.action} →</a></>}</span>
        </li>
      ))}</ol>
    </section>
  );
}
