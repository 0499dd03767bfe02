import { StatusBar } from "expo-status-bar";
import React, { useState } from "react";
import { ActivityIndicator, Pressable, SafeAreaView, StyleSheet, Text, useWindowDimensions, View } from "react-native";

import { AppProvider, useApp } from "./context";
import Attendance from "./screens/Attendance";
import Expenses from "./screens/Expenses";
import Inbox from "./screens/Inbox";
import More from "./screens/More";
import SignIn from "./screens/SignIn";
import Tasks from "./screens/Tasks";
import TimerScreen from "./screens/TimerScreen";
import { useTheme } from "./theme";
import { ThemeContext, useT } from "./ui";

const TABS = [
  ["timer", "Timer"],
  ["attendance", "Attendance"],
  ["tasks", "Tasks"],
  ["expenses", "Expenses"],
  ["inbox", "Inbox"],
  ["more", "More"],
] as const;
type Tab = (typeof TABS)[number][0];

function Shell() {
  const app = useApp();
  const t = useT();
  const { width } = useWindowDimensions();
  const wide = width >= 768; // tablets and landscape: two columns and a side rail
  const [tab, setTab] = useState<Tab>("timer");
  void app.queueVersion;

  if (!app.ready) {
    return (
      <View style={[styles.center, { backgroundColor: t.bg }]}>
        <ActivityIndicator color={t.primary} />
      </View>
    );
  }
  if (!app.me) return <SignIn />;
  const waiting = app.queue.pending.length;
  const body =
    tab === "timer" ? <TimerScreen wide={wide} /> : tab === "attendance" ? <Attendance wide={wide} /> : tab === "tasks" ? <Tasks /> : tab === "expenses" ? <Expenses /> : tab === "inbox" ? <Inbox /> : <More />;
  const nav = (
    <View
      accessibilityRole="tablist"
      style={[wide ? styles.rail : styles.tabbar, { backgroundColor: t.card, borderColor: t.border }]}
    >
      {TABS.map(([key, label]) => (
        <Pressable
          key={key}
          testID={`tab-${key}`}
          accessibilityRole="tab"
          accessibilityState={{ selected: tab === key }}
          onPress={() => setTab(key)}
          style={[styles.tab, wide && styles.railTab]}
        >
          <Text style={{ color: tab === key ? t.primary : t.muted, fontWeight: tab === key ? "700" : "500", fontSize: 13 }}>{label}</Text>
        </Pressable>
      ))}
    </View>
  );
  return (
    <View style={{ flex: 1, flexDirection: wide ? "row" : "column", backgroundColor: t.bg }}>
      {wide ? nav : null}
      <View style={{ flex: 1 }}>
        <View style={[styles.header, { borderColor: t.border, backgroundColor: t.card }]}>
          <Text style={{ color: t.text, fontSize: 18, fontWeight: "700" }}>{TABS.find(([k]) => k === tab)?.[1]}</Text>
          {!app.online || waiting ? (
            <Text testID="sync-state" style={{ color: t.warn, fontSize: 13 }}>
              {!app.online ? "Offline" : ""}
              {!app.online && waiting ? " · " : ""}
              {waiting ? `${waiting} waiting to be sent` : ""}
            </Text>
          ) : null}
        </View>
        <View style={{ flex: 1 }}>{body}</View>
        {wide ? null : nav}
      </View>
    </View>
  );
}

function Themed() {
  const app = useApp();
  const theme = useTheme(app.themePref);
  return (
    <ThemeContext.Provider value={theme}>
      <SafeAreaView style={{ flex: 1, backgroundColor: theme.bg }}>
        <StatusBar style={theme.dark ? "light" : "dark"} />
        <Shell />
      </SafeAreaView>
    </ThemeContext.Provider>
  );
}

export default function App() {
  return (
    <AppProvider>
      <Themed />
    </AppProvider>
  );
}

const styles = StyleSheet.create({
  center: { flex: 1, alignItems: "center", justifyContent: "center" },
  tabbar: { flexDirection: "row", borderTopWidth: 1, justifyContent: "space-around" },
  rail: { width: 132, borderRightWidth: 1, paddingTop: 24 },
  tab: { paddingVertical: 12, paddingHorizontal: 6, alignItems: "center", flex: 1 },
  railTab: { flex: 0, alignItems: "flex-start", paddingHorizontal: 20 },
  header: { paddingHorizontal: 16, paddingVertical: 12, borderBottomWidth: 1, flexDirection: "row", justifyContent: "space-between", alignItems: "center" },
});
