// The top bar's notification bell: unread count from the messaging function, refreshed live on the socket's
// "notification" event, after a reconnect, and when the notifications page marks some read.
import { useEffect, useState } from "react";
import { get } from "./api";
import type { UnreadCount } from "./models";
import { connectSocket, listen } from "./socket";

export const NOTIFICATIONS_CHANGED = "wm:notifications-changed";

export function NotificationBell() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () => void get<UnreadCount>("/messaging/notifications/unread-count")
      .then((r) => live && setCount(r.unread_count)).catch(() => undefined);
    load();
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    let off = () => {};
    void connectSocket().then((s) => {
      const offNotes = listen(s, ["notification"], load);
      s.on("connect", load); // catch up after a gap: events sent while disconnected are lost
      off = () => { offNotes(); s.off("connect", load); };
    });
    return () => { live = false; window.removeEventListener(NOTIFICATIONS_CHANGED, load); off(); };
  }, []);
  const label = count ? `Notifications, ${count} unread` : "Notifications, none unread";
  return (
    <a className="bell" href="#/notifications" aria-label={label} title={label} data-testid="notification-bell">
      <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2"
        strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && <span className="count" data-testid="unread-count">{count > 99 ? "99+" : count}</span>}
    </a>
  );
}
