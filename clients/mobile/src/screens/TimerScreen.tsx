import React, { useCallback, useEffect, useState } from "react";
import { Pressable, RefreshControl, ScrollView, Text, View } from "react-native";

import { ApiError, OfflineError } from "../api";
import { useApp } from "../context";
import { clock, day, duration, time } from "../format";
import type { ListedEntry, Page, Project, Task, WeekOut } from "../models";
import { Banner, Button, Card, Chip, Field, H, P, Row, useT } from "../ui";

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function atToday(hhmm: string): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const d = new Date();
  d.setHours(Number(m[1]), Number(m[2]), 0, 0);
  return d.toISOString();
}

export default function TimerScreen({ wide }: { wide: boolean }) {
  const app = useApp();
  const t = useT();
  const [projects, setProjects] = useState<Project[]>([]);
  const [tasks, setTasks] = useState<Task[]>([]);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const [description, setDescription] = useState("");
  const [entries, setEntries] = useState<ListedEntry[]>([]);
  const [week, setWeek] = useState<WeekOut | null>(null);
  const [now, setNow] = useState(Date.now());
  const [msg, setMsg] = useState<{ kind: "error" | "ok" | "warn"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [manualStart, setManualStart] = useState("");
  const [manualEnd, setManualEnd] = useState("");
  const [refreshing, setRefreshing] = useState(false);
  const [, force] = useState(0);

  const load = useCallback(async () => {
    try {
      await app.timer.sync();
      const [p, e, w] = await Promise.all([
        app.api.get<Page<Project>>("/function/projects/projects?limit=100"),
        app.api.get<Page<ListedEntry>>(`/function/time/entries?from=${todayIso()}&to=${todayIso()}&limit=50`),
        app.api.get<WeekOut>("/function/time/timesheets/week"),
      ]);
      setProjects(p.items.filter((x) => !x.archived));
      setEntries(e.items);
      setWeek(w);
    } catch (err) {
      if (!(err instanceof OfflineError)) setMsg({ kind: "error", text: (err as Error).message });
    }
    force((n) => n + 1);
  }, [app.api, app.timer]);

  useEffect(() => {
    void load();
  }, [load, app.queueVersion]);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    setTaskId(null);
    if (!projectId) return setTasks([]);
    app.api
      .get<Page<Task>>(`/function/projects/projects/${projectId}/tasks?limit=100`)
      .then((p) => setTasks(p.items.filter((x) => x.status !== "done")))
      .catch(() => setTasks([]));
  }, [projectId, app.api]);

  const running = app.timer.running;

  async function start() {
    setBusy(true);
    setMsg(null);
    try {
      const r = await app.timer.start({ projectId, taskId, description });
      if (r.entryId === null) setMsg({ kind: "warn", text: "Offline: the timer runs on this phone and is sent when you stop it and the server is reachable." });
    } catch (err) {
      setMsg({ kind: "error", text: (err as Error).message });
    } finally {
      setBusy(false);
      force((n) => n + 1);
    }
  }

  async function stop() {
    setBusy(true);
    setMsg(null);
    try {
      const how = await app.timer.stop();
      setDescription("");
      setMsg(how === "queued" ? { kind: "warn", text: "Saved on this phone: it is sent when the server is reachable." } : { kind: "ok", text: "Timer stopped." });
      await load();
    } catch (err) {
      setMsg({ kind: "error", text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function addManual() {
    const s = atToday(manualStart);
    const e = atToday(manualEnd);
    if (!s || !e) return setMsg({ kind: "error", text: "Enter start and end as HH:MM." });
    if (e <= s) return setMsg({ kind: "error", text: "The end must be after the start." });
    await app.queue.enqueue("POST", "/function/time/entries", { started_at: s, ended_at: e, project_id: projectId, task_id: taskId, description: description || null, source: "mobile" }, `Time entry ${manualStart}–${manualEnd}`);
    const sent = await app.queue.flush(app.api).catch(() => 0);
    const failed = app.queue.failed.at(-1);
    if (failed && failed.label === `Time entry ${manualStart}–${manualEnd}`) {
      setMsg({ kind: "error", text: `Not saved: ${failed.message}` });
      await app.queue.dismiss(failed.key);
    } else setMsg(sent ? { kind: "ok", text: "Entry added." } : { kind: "warn", text: "Saved on this phone: it is sent when the server is reachable." });
    setManualStart("");
    setManualEnd("");
    await load();
  }

  const projectName = (id: string | null) => projects.find((p) => p.id === id)?.name ?? "No project";
  const elapsed = running ? (now - Date.parse(running.startedAt)) / 1000 : 0;
  const todaySeconds = entries.reduce((s, e) => s + (e.running ? 0 : e.duration_seconds), 0) + elapsed;

  return (
    <ScrollView
      contentContainerStyle={{ padding: 16 }}
      refreshControl={<RefreshControl refreshing={refreshing} onRefresh={async () => { setRefreshing(true); await load(); setRefreshing(false); }} />}
    >
      {msg ? <Banner kind={msg.kind} testID="timer-message">{msg.text}</Banner> : null}
      <View style={{ flexDirection: wide ? "row" : "column", gap: wide ? 12 : 0 }}>
        <View style={wide ? { flex: 1 } : undefined}>
          <Card testID="timer-card">
            <P muted>{running ? projectName(running.projectId) : "Not tracking"}</P>
            <Text testID="timer-clock" style={{ fontSize: 44, fontWeight: "700", color: t.text, fontVariant: ["tabular-nums"] }}>
              {clock(elapsed)}
            </Text>
            {running?.entryId === null ? <P muted testID="timer-offline">Running on this phone (offline)</P> : null}
            {!running ? (
              <>
                <P muted>Project</P>
                <Row>
                  <Chip label="None" selected={projectId === null} onPress={() => setProjectId(null)} />
                  {projects.map((p) => (
                    <Chip key={p.id} label={p.name} selected={projectId === p.id} onPress={() => setProjectId(p.id)} testID={`project-${p.name}`} />
                  ))}
                </Row>
                {tasks.length ? (
                  <>
                    <P muted>Task</P>
                    <Row>
                      {tasks.map((x) => (
                        <Chip key={x.id} label={x.name} selected={taskId === x.id} onPress={() => setTaskId(taskId === x.id ? null : x.id)} />
                      ))}
                    </Row>
                  </>
                ) : null}
                <Field label="What are you working on?" value={description} onChangeText={setDescription} testID="timer-description" />
                <Button title="Start" onPress={start} busy={busy} testID="timer-start" />
              </>
            ) : (
              <Button title="Stop" kind="danger" onPress={stop} busy={busy} testID="timer-stop" />
            )}
          </Card>
          <Card>
            <H>Add time</H>
            <Row>
              <View style={{ flex: 1, minWidth: 110 }}>
                <Field label="Start (HH:MM)" value={manualStart} onChangeText={setManualStart} testID="manual-start" />
              </View>
              <View style={{ flex: 1, minWidth: 110 }}>
                <Field label="End (HH:MM)" value={manualEnd} onChangeText={setManualEnd} testID="manual-end" />
              </View>
            </Row>
            <Button title="Add entry" kind="secondary" onPress={addManual} testID="manual-add" />
          </Card>
        </View>
        <View style={wide ? { flex: 1 } : undefined}>
          <Card testID="today">
            <H>Today · {duration(todaySeconds)}</H>
            {entries.length === 0 ? <P muted>No time yet today.</P> : null}
            {entries.map((e) => (
              <Row key={e.id} style={{ justifyContent: "space-between" }}>
                <P style={{ flex: 1 }}>
                  {time(e.started_at)}–{e.running ? "now" : time(e.ended_at)} · {projectName(e.project_id)}
                  {e.description ? ` · ${e.description}` : ""}
                </P>
                <P muted>{e.running ? "running" : duration(e.duration_seconds)}</P>
              </Row>
            ))}
          </Card>
          {week ? (
            <Card testID="week">
              <H>
                This week · {duration(week.totals.seconds)} · {week.timesheet.status.replace("_", " ")}
              </H>
              {week.days.map((d) => (
                <Row key={d.date} style={{ justifyContent: "space-between" }}>
                  <P muted>{day(`${d.date}T12:00:00Z`)}</P>
                  <P>{duration(d.seconds)}</P>
                </Row>
              ))}
            </Card>
          ) : null}
        </View>
      </View>
      <QueueCard />
    </ScrollView>
  );
}

export function QueueCard() {
  const app = useApp();
  void app.queueVersion;
  const pending = app.queue.pending;
  const failed = app.queue.failed;
  if (!pending.length && !failed.length) return null;
  return (
    <Card testID="queue">
      {pending.length ? (
        <>
          <H>Waiting to be sent ({pending.length})</H>
          {pending.map((p) => (
            <P key={p.key} muted>
              {p.label}
              {p.lastError ? ` — ${p.lastError}` : ""}
            </P>
          ))}
          <Button title="Send now" kind="secondary" onPress={() => void app.queue.flush(app.api).catch(() => 0)} testID="queue-send" />
        </>
      ) : null}
      {failed.map((f) => (
        <Pressable key={f.key} onPress={() => void app.queue.dismiss(f.key)} accessibilityRole="button">
          <Banner kind="error">
            {f.label}: {f.message} (tap to dismiss)
          </Banner>
        </Pressable>
      ))}
    </Card>
  );
}

export { ApiError };
