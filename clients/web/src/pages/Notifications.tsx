// In-app notifications: each one opens the thing it is about (and is marked read); mark all read; new ones
// arrive live over the socket.
import { useEffect } from "react";
import { get, post } from "../api";
import { localDateTime } from "../format";
import { useMe } from "../session";
import { NOTIFICATIONS_CHANGED } from "../NotificationBell";
import type { AppNotification, NotificationPage } from "../models";
import { navigate } from "../router";
import { connectSocket, listen } from "../socket";
import { Empty, ErrorBanner, Loading, useAction, useAsync } from "../ui";

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The page a notification is about (hash path), from its kind and data; null when there is none. */
export function notificationLink(n: Pick<AppNotification, "kind" | "data">): string | null {
  const d = n.data ?? {};
  switch (n.kind) {
    case "timesheet_submitted":
    case "timesheet_approved":
    case "timesheet_rejected":
      return "/timesheets";
    case "leave_requested":
    case "leave_decided":
      return "/attendance?tab=leave";
    case "chat_mention":
      return str(d.channel_id) ? `/chat?channel=${str(d.channel_id)}` : "/chat";
    case "task_assigned":
      return str(d.project_id) ? `/projects?id=${str(d.project_id)}` : "/projects";
    default:
      return null;
  }
}

export function Notifications() {
  const me = useMe();
  const list = useAsync(() => get<NotificationPage>("/messaging/notifications?limit=100"), []);
  const act = useAction();
  useEffect(() => {
    let off = () => {};
    void connectSocket().then((s) => {
      off = listen(s, ["notification"], () => list.reload());
    });
    return () => off();
  }, [list.reload]);
  const changed = () => { list.reload(); window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED)); };
  const markRead = (n: AppNotification) => post(`/messaging/notifications/${n.id}/read`, {});
  const open = (n: AppNotification, to: string) => void act.run(async () => {
    if (!n.read_at) { await markRead(n); changed(); }
    navigate(to);
  });
  return (
    <section className="panel">
      <div className="row" style={{ justifyContent: "space-between", alignItems: "center" }}>
        <span className="muted">{list.data ? `${list.data.unread_count} unread` : ""}</span>
        <button className="secondary" disabled={!list.data?.unread_count}
          onClick={() => void act.run(async () => { await post("/messaging/notifications/read-all", {}); changed(); })}>
          Mark all read
        </button>
      </div>
      <ErrorBanner error={list.error ?? act.error} />
      {list.loading && !list.data ? <Loading /> : !list.data?.items.length ? (
        <Empty>You are all caught up. Approvals, leave requests, mentions and task assignments show up here.</Empty>
      ) : (
        <ul className="notes" data-testid="notifications">{list.data.items.map((n) => {
          const to = notificationLink(n);
          return (
            <li key={n.id} className={n.read_at ? "note read" : "note unread"}>
              <div className="note-text">
                {to ? <a href={`#${to}`} onClick={(e) => { e.preventDefault(); open(n, to); }}><strong>{n.title}</strong></a>
                  : <strong>{n.title}</strong>}
                {!n.read_at && <span className="badge warn" style={{ marginLeft: 6 }}>new</span>}
                <div className="muted" style={{ fontSize: 13 }}>{localDateTime(n.created_at, me.user.timezone)}</div>
                {n.body && <div className="note-body">{n.body}</div>}
              </div>
              {!n.read_at && <button className="secondary" onClick={() => void act.run(async () => { await markRead(n); changed(); })}>Mark read</button>}
            </li>
          );
        })}</ul>
      )}
    </section>
  );
}
