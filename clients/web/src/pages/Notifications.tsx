// In-app notifications: list, mark read, mark all read; new ones arrive live over the socket.
import { useEffect } from "react";
import { get, post } from "../api";
import { localDateTime } from "../format";
import { useMe } from "../session";
import { NOTIFICATIONS_CHANGED } from "../NotificationBell";
import type { NotificationPage } from "../models";
import { connectSocket, listen } from "../socket";
import { Empty, ErrorBanner, Loading, useAction, useAsync } from "../ui";

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
  return (
    <section className="panel">
      <button className="secondary" onClick={() => void act.run(async () => { await post("/messaging/notifications/read-all", {}); list.reload(); window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED)); })}>
        Mark all read
      </button>
      <ErrorBanner error={list.error ?? act.error} />
      {list.loading ? <Loading /> : !list.data?.items.length ? <Empty>You are all caught up.</Empty> : (
        <ul>{list.data.items.map((n) => (
          <li key={n.id} style={{ opacity: n.read_at ? 0.6 : 1, marginBottom: 8 }}>
            <strong>{n.title}</strong> <span className="muted">{localDateTime(n.created_at, me.user.timezone)}</span>
            {n.body && <div>{n.body}</div>}
            {!n.read_at && <button className="secondary" onClick={() => void act.run(async () => { await post(`/messaging/notifications/${n.id}/read`, {}); list.reload(); window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED)); })}>Mark read</button>}
          </li>
        ))}</ul>
      )}
    </section>
  );
}
