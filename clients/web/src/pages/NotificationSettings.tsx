// My notification preferences: per kind of notification, in the app, by email and as a phone push.
import { useEffect, useState } from "react";
import { api, get } from "../api";
import type { NotificationPrefs, NotificationPrefsOut } from "../models";
import { isManager, useMe } from "../session";
import { ErrorBanner, Loading, useAction, useAsync } from "../ui";

const KIND_TEXT: Record<string, string> = {
  timesheet_submitted: "A timesheet is submitted to me",
  timesheet_approved: "My timesheet is approved",
  timesheet_rejected: "My timesheet is rejected",
  leave_requested: "A leave request needs my decision",
  leave_decided: "My leave request is decided",
  chat_mention: "Someone mentions me in chat",
  task_assigned: "I am assigned a task",
};
// Kinds only an approver receives: not offered to employees.
const APPROVER_KINDS = new Set(["timesheet_submitted", "leave_requested"]);
const CHANNEL_TEXT: Record<string, string> = { in_app: "In the app", email: "Email", push: "Phone push" };

type Prefs = NotificationPrefs["preferences"];

export function NotificationSettings() {
  const me = useMe();
  const loaded = useAsync(() => get<NotificationPrefs>("/messaging/notification-preferences"), []);
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [saved, setSaved] = useState(false);
  const act = useAction();
  useEffect(() => { if (loaded.data) setPrefs(loaded.data.preferences); }, [loaded.data]);
  const kinds = (loaded.data?.kinds ?? []).filter((k) => isManager(me) || !APPROVER_KINDS.has(k));
  const channels = loaded.data?.channels ?? [];
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void act.run(async () => {
      const r = await api<NotificationPrefsOut>("PUT", "/messaging/notification-preferences", { body: { preferences: prefs } });
      setPrefs(r.preferences);
      setSaved(true);
    });
  };
  return (
    <form className="panel" aria-label="Notification preferences" onSubmit={submit}>
      <h3>Notifications</h3>
      <p className="muted" style={{ marginTop: 0 }}>Choose how you hear about each thing. Phone pushes reach the mobile app once you sign in there.</p>
      <ErrorBanner error={loaded.error ?? act.error} />
      {!prefs ? (loaded.error ? null : <Loading />) : (
        <>
          <div className="table-wrap"><table className="prefs">
            <thead><tr><th>When</th>{channels.map((c) => <th key={c}>{CHANNEL_TEXT[c] ?? c}</th>)}</tr></thead>
            <tbody>{kinds.map((k) => (
              <tr key={k}>
                <td>{KIND_TEXT[k] ?? k.replace(/_/g, " ")}</td>
                {channels.map((c) => (
                  <td key={c}><input type="checkbox" aria-label={`${KIND_TEXT[k] ?? k}: ${CHANNEL_TEXT[c] ?? c}`}
                    data-pref={`${k}.${c}`}
                    checked={Boolean(prefs[k]?.[c as keyof Prefs[string]])}
                    onChange={(e) => setPrefs({ ...prefs, [k]: { ...prefs[k], [c]: e.target.checked } })} /></td>
                ))}
              </tr>
            ))}</tbody>
          </table></div>
          <div className="row" style={{ alignItems: "center", marginTop: 12 }}>
            <button type="submit" disabled={act.busy}>Save notification settings</button>
            {saved && <span className="ok-text" role="status">Saved.</span>}
          </div>
        </>
      )}
    </form>
  );
}
