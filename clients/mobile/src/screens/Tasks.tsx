import React, { useCallback, useEffect, useState } from "react";
import { ScrollView } from "react-native";

import { useApp } from "../context";
import type { Page, Project, Task } from "../models";
import { Button, Card, H, P, Row } from "../ui";

export default function Tasks() {
  const app = useApp();
  const [tasks, setTasks] = useState<(Task & { project: string })[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const me = app.me?.user.id;
      const projects = await app.api.get<Page<Project>>("/function/projects/projects?limit=100");
      const lists = await Promise.all(
        projects.items
          .filter((p) => !p.archived)
          .map(async (p) => (await app.api.get<Page<Task>>(`/function/projects/projects/${p.id}/tasks?assignee_id=${me}&limit=100`)).items.map((x) => ({ ...x, project: p.name }))),
      );
      setTasks(lists.flat().filter((x) => x.status !== "done"));
    } catch (err) {
      setError((err as Error).message);
    }
  }, [app.api, app.me]);

  useEffect(() => {
    void load();
  }, [load]);

  async function done(id: string) {
    await app.api.post(`/function/projects/tasks/${id}/status`, { status: "done" });
    void load();
  }

  return (
    <ScrollView contentContainerStyle={{ padding: 16 }}>
      <H>Assigned to me</H>
      {error ? <P muted>{error}</P> : null}
      {tasks.length === 0 ? <P muted>Nothing assigned to you.</P> : null}
      {tasks.map((x) => (
        <Card key={x.id}>
          <P>{x.name}</P>
          <P muted>
            {x.project} · {x.status.replace("_", " ")}
            {x.due_date ? ` · due ${x.due_date}` : ""}
          </P>
          <Row>
            <Button title="Mark done" kind="secondary" onPress={() => void done(x.id)} />
          </Row>
        </Card>
      ))}
    </ScrollView>
  );
}
