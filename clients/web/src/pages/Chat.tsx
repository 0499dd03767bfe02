// Team chat: channels and direct messages, live messages and typing over the socket, catch-up from the API.
import { useEffect, useRef, useState } from "react";
import { get, post, qs } from "../api";
import { localDateTime } from "../format";
import type { Route } from "../router";
import { isManager, useMe } from "../session";
import type { ChannelCreated, ChannelListItem, ChannelOut, ChannelPage, Message, MessageOut, MessagePage, PersonPage } from "../models";
import { connectSocket, listen } from "../socket";
import { Empty, ErrorBanner, Field, Loading, useAction, useAsync } from "../ui";
import { UNREAD_CHANGED } from "../badges";

export function Chat({ route }: { route?: Route }) {
  const me = useMe();
  const channels = useAsync(() => get<ChannelPage>("/messaging/channels?limit=200"), []);
  const users = useAsync(() => get<PersonPage>("/team/users?limit=200"), []);
  const [active, setActive] = useState<string | null>(route?.query.get("channel") ?? null);
  const [name, setName] = useState("");
  const act = useAction();
  const userName = (id: string | null) => users.data?.items.find((u) => u.id === id)?.name ?? "Someone";
  // A DM is named after the other person (the list gives their id), never a generic "Direct message".
  const label = (c: Pick<ChannelListItem, "name" | "kind" | "dm_user_id">) =>
    c.kind === "dm" ? (c.dm_user_id ? userName(c.dm_user_id) : c.name ?? "Direct message") : c.name ?? "Channel";
  const wanted = route?.query.get("channel");
  useEffect(() => { if (wanted) setActive(wanted); }, [wanted]);
  useEffect(() => {
    // Unread counts follow new messages live; opening a channel marks it read (ChannelView), then this reloads.
    let off = () => {};
    void connectSocket().then((s) => { off = listen(s, ["chat.message", "chat.read"], () => channels.reload()); });
    return () => off();
  }, [channels.reload]);

  useEffect(() => {
    if (!active && channels.data?.items.length) setActive(channels.data.items[0].id);
  }, [channels.data, active]);

  const create = (e: React.FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      const ids = (users.data?.items ?? []).map((u) => u.id).filter((id) => id !== me.user.id);
      const r = await post<ChannelCreated>("/messaging/channels", { name, kind: "public", member_ids: ids });
      setName("");
      channels.reload();
      setActive(r.channel.id);
    });
  };
  const openDm = (userId: string) => act.run(async () => {
    const r = await post<ChannelOut>("/messaging/dms", { user_id: userId });
    channels.reload();
    setActive(r.channel.id);
  });

  return (
    <div className="chat">
      <aside className="panel" aria-label="Channels">
        <ErrorBanner error={channels.error ?? act.error} />
        {channels.loading ? <Loading /> : !channels.data?.items.length ? <Empty>{isManager(me) ? "No channels yet. Create one below, or message someone." : "No conversations yet. Choose a person below to message them."}</Empty> : (
          <nav>{channels.data.items.map((c) => (
            <a key={c.id} href="#/chat" aria-current={c.id === active ? "page" : undefined}
              onClick={(e) => { e.preventDefault(); setActive(c.id); }} className="channel-link">
              <span className="channel-name">{c.kind === "dm" ? "@ " : "# "}{label(c)}</span>
              {c.unread_count > 0 && c.id !== active && (
                <span className="count-badge" aria-label={`${c.unread_count} unread`}>{c.unread_count > 99 ? "99+" : c.unread_count}</span>
              )}
            </a>
          ))}</nav>
        )}
        {isManager(me) && (
          <form onSubmit={create}>
            <Field label="New channel"><input name="channel-name" value={name} onChange={(e) => setName(e.target.value)} required /></Field>
            <button type="submit" disabled={act.busy}>Create</button>
          </form>
        )}
        <Field label="Message someone">
          <select aria-label="Message someone" value="" onChange={(e) => e.target.value && void openDm(e.target.value)}>
            <option value="">Choose a person…</option>
            {users.data?.items.filter((u) => u.id !== me.user.id).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>
      </aside>
      {active ? <ChannelView key={active} channelId={active} userName={userName} /> : <Empty>Pick a channel, or choose a person to message.</Empty>}
    </div>
  );
}

function ChannelView({ channelId, userName }: { channelId: string; userName: (id: string | null) => string }) {
  const me = useMe();
  const [messages, setMessages] = useState<Message[]>([]);
  const [text, setText] = useState("");
  const [typing, setTyping] = useState<string | null>(null);
  const load = useAction();
  const send = useAction();
  const bottom = useRef<HTMLDivElement>(null);
  const lastTyping = useRef(0);

  useEffect(() => {
    const merge = (incoming: Message[]) => setMessages((cur) => {
      const byId = new Map(cur.map((m) => [m.id, m]));
      incoming.forEach((m) => byId.set(m.id, m));
      return [...byId.values()].sort((a, b) => a.id - b.id);
    });
    const fetchAll = () => load.run(async () => {
      const r = await get<MessagePage>(`/messaging/channels/${channelId}/messages${qs({ limit: 100 })}`);
      merge(r.items);
    });
    void fetchAll();
    let off = () => {};
    void connectSocket().then((s) => {
      const offMessages = listen(s, ["chat.message", "chat.message_updated"], (p) => {
        if (p.channel_id === channelId) merge([p.message]);
      });
      const offTyping = listen(s, ["chat.typing"], (p) => {
        if (p.channel_id !== channelId || p.user_id === me.user.id) return;
        setTyping(p.user_id);
        setTimeout(() => setTyping(null), 3000);
      });
      const onConnect = () => void fetchAll(); // reconnect: catch up from the database
      s.on("connect", onConnect);
      off = () => { offMessages(); offTyping(); s.off("connect", onConnect); };
    });
    return () => off();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channelId]);

  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: "end" });
    const last = messages[messages.length - 1];
    if (last) void post(`/messaging/channels/${channelId}/read`, { message_id: last.id })
      .then(() => window.dispatchEvent(new Event(UNREAD_CHANGED))).catch(() => undefined);
  }, [messages, channelId]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    void send.run(async () => {
      const r = await post<MessageOut>(`/messaging/channels/${channelId}/messages`,
        { body, client_id: crypto.randomUUID() });
      setMessages((cur) => (cur.some((m) => m.id === r.message.id) ? cur : [...cur, r.message]));
      setText("");
    });
  };
  const onType = (v: string) => {
    setText(v);
    if (Date.now() - lastTyping.current > 2000) {
      lastTyping.current = Date.now();
      void post(`/messaging/channels/${channelId}/typing`, {}).catch(() => undefined);
    }
  };

  return (
    <section className="panel" aria-label="Messages">
      <ErrorBanner error={load.error ?? send.error} />
      <div className="messages" data-testid="messages">
        {messages.length === 0 && <Empty>No messages yet. Say hello!</Empty>}
        {messages.map((m) => (
          <div key={m.id} className="message">
            <div className="who">{userName(m.author_id)} · {localDateTime(m.created_at, me.user.timezone)}</div>
            <div>{m.deleted_at ? <em className="muted">deleted</em> : m.body}</div>
          </div>
        ))}
        <div ref={bottom} />
      </div>
      <p className="muted" aria-live="polite" style={{ minHeight: 20 }}>{typing ? `${userName(typing)} is typing…` : ""}</p>
      <form className="row" onSubmit={submit}>
        <input aria-label="Message" name="message" value={text} onChange={(e) => onType(e.target.value)} style={{ flex: 1 }}
          placeholder="Write a message" />
        <button type="submit" disabled={send.busy}>Send</button>
      </form>
    </section>
  );
}
