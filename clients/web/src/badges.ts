// Unread badges for the navigation: chat messages and notifications, from /messaging/unread, refreshed live on
// the socket's chat and notification events, after a reconnect, and when a page marks something read.
import { useEffect, useState } from "react";
import { get } from "./api";
import type { Badges } from "./models";
import { connectSocket, listen } from "./socket";

export const UNREAD_CHANGED = "wm:unread-changed";

/** The signed-in user's unread counts (null while signed out or not yet loaded). */
export function useUnread(userId: string | null): Badges | null {
  const [badges, setBadges] = useState<Badges | null>(null);
  useEffect(() => {
    setBadges(null);
    if (!userId) return;
    let live = true;
    const load = () => void get<Badges>("/messaging/unread").then((b) => live && setBadges(b)).catch(() => undefined);
    load();
    // The notification bell's own event ("wm:notifications-changed") also means the counts moved.
    const events = [UNREAD_CHANGED, "wm:notifications-changed"];
    events.forEach((e) => window.addEventListener(e, load));
    let off = () => {};
    void connectSocket().then((s) => {
      const offEvents = listen(s, ["chat.message", "chat.read", "notification"], load);
      s.on("connect", load);
      off = () => { offEvents(); s.off("connect", load); };
    });
    return () => { live = false; events.forEach((e) => window.removeEventListener(e, load)); off(); };
  }, [userId]);
  return badges;
}
