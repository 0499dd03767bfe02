import React, { useState } from "react";
import { ScrollView } from "react-native";

import { useApp } from "../context";
import { gpsAllowed } from "../geo";
import type { ThemePref } from "../theme";
import { Button, Card, Chip, Field, H, P, Row } from "../ui";
import { QueueCard } from "./TimerScreen";

export default function More() {
  const app = useApp();
  const [server, setServer] = useState(app.serverUrl);
  const a = app.me?.agreement;
  return (
    <ScrollView contentContainerStyle={{ padding: 16 }}>
      <Card>
        <H>{app.me?.user.name}</H>
        <P muted>
          {app.me?.user.email} · {app.me?.company.name} · {app.me?.user.role}
        </P>
      </Card>
      <Card testID="capture">
        <H>What this app records</H>
        <P muted>
          {gpsAllowed(a)
            ? "Your location at clock-in and clock-out, and your route while clocked in if you turn it on. Nothing while you are clocked out."
            : "No location: your work agreement does not include GPS."}
        </P>
        <P muted>Your timer entries, attendance and leave requests, as you make them.</P>
      </Card>
      <QueueCard />
      <Card>
        <H>Appearance</H>
        <Row>
          {(["system", "light", "dark"] as ThemePref[]).map((p) => (
            <Chip key={p} label={p[0].toUpperCase() + p.slice(1)} selected={app.themePref === p} onPress={() => void app.setThemePref(p)} />
          ))}
        </Row>
      </Card>
      <Card>
        <H>Server</H>
        <Field label="Server address" value={server} onChangeText={setServer} autoCapitalize="none" keyboardType="url" />
        <Button title="Save" kind="secondary" onPress={() => void app.setServerUrl(server)} />
      </Card>
      <Button title="Sign out" kind="danger" onPress={() => void app.signOut()} testID="sign-out" />
    </ScrollView>
  );
}
