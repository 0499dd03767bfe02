import * as Notifications from "expo-notifications";
import React, { useCallback, useEffect, useState } from "react";
import { Platform, Pressable, ScrollView, View } from "react-native";

import { useApp } from "../context";
import { time } from "../format";
import type { ChannelListItem, Message, Notification, Page } from "../models";
import { Banner, Button, Card, Chip, Field, H, P, Row } from "../ui";

/** Register this device's Expo push token with the messaging function (native builds only). */
export async function registerPush(post: (path: string, body: unknown) => Promise<unknown>): Promise<string> {
  if (Platform.OS === "web") return "Push notifications come with the phone app; the web build shows them here.";
  const perm = await Notifications.requestPermissionsAsync();
  if (!perm.granted) return "Notifications are turned off for WorkMonitor in the phone's settings.";
  const token = (await Notifications.getExpoPushTokenAsync()).data;
  await post("/function/messaging/devices", { platform: Platform.OS === "ios" ? "ios" : "android", token, label: "Mobile app" });
  return "This phone receives notifications.";
}

export default function Inbox() {
  const app = useApp();
  const [tab, setTab] = useState<"notifications" | "chat">("notifications");
  const [items, setItems] = useState<Notification[]>([]);
  const [channels, setChannels] = useState<ChannelListItem[]>([]);
  const [channel, setChannel] = useState<ChannelListItem | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [reply, setReply] = useState("");
  const [pushState, setPushState] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [n, c] = await Promise.all([
      app.api.get<Page<Notification>>("/function/messaging/notifications?limit=50"),
      app.api.get<Page<ChannelListItem>>("/function/messaging/channels?limit=50"),
    ]);
    setItems(n.items);
    setChannels(c.items);
  }, [app.api]);

  useEffect(() => {
    void load().catch(() => undefined);
    void registerPush((p, b) => app.api.post(p, b)).then(setPushState).catch((e) => setPushState((e as Error).message));
  }, [load, app.api]);

  async function open(c: ChannelListItem) {
    setChannel(c);
    const page = await app.api.get<Page<Message>>(`/function/messaging/channels/${c.id}/messages?limit=50`);
    setMessages(page.items);
    await app.api.post(`/function/messaging/channels/${c.id}/read`, {}).catch(() => undefined);
  }

  async function send() {
    if (!channel || !reply.trim()) return;
    await app.api.post(`/function/messaging/channels/${channel.id}/messages`, { body: reply.trim(), attachment_ids: [] });
    setReply("");
    await open(channel);
  }

  return (
    <ScrollView contentContainerStyle={{ padding: 16 }}>
      <Row>
        <Chip label="Notifications" selected={tab === "notifications"} onPress={() => setTab("notifications")} />
        <Chip label="Chat" selected={tab === "chat"} onPress={() => setTab("chat")} />
      </Row>
      <View style={{ height: 12 }} />
      {pushState ? <Banner kind="info">{pushState}</Banner> : null}
      {tab === "notifications" ? (
        <>
          {items.length === 0 ? <P muted>Nothing new.</P> : null}
          {items.map((n) => (
            <Pressable key={n.id} onPress={() => void app.api.post(`/function/messaging/notifications/${n.id}/read`, {}).then(load)}>
              <Card>
                <P>{n.title}</P>
                {n.body ? <P muted>{n.body}</P> : null}
                <P muted>
                  {time(n.created_at)}
                  {n.read_at ? "" : " · new"}
                </P>
              </Card>
            </Pressable>
          ))}
        </>
      ) : channel ? (
        <Card>
          <Row style={{ justifyContent: "space-between" }}>
            <H>{channel.name ?? "Direct message"}</H>
            <Button title="Back" kind="secondary" onPress={() => setChannel(null)} />
          </Row>
          {messages
            .slice()
            .reverse()
            .map((m) => (
              <P key={m.id}>
                <P muted>{time(m.created_at)} </P>
                {m.body}
              </P>
            ))}
          <Field label="Reply" value={reply} onChangeText={setReply} onSubmitEditing={send} />
          <Button title="Send" onPress={send} />
        </Card>
      ) : (
        channels.map((c) => (
          <Pressable key={c.id} onPress={() => void open(c)}>
            <Card>
              <P>{c.name ?? "Direct message"}</P>
              {c.unread_count ? <P muted>{c.unread_count} unread</P> : null}
            </Card>
          </Pressable>
        ))
      )}
    </ScrollView>
  );
}
