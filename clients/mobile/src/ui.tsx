import React, { createContext, useContext } from "react";
import { ActivityIndicator, Pressable, StyleSheet, Text, TextInput, View, type TextInputProps, type ViewStyle } from "react-native";

import type { Theme } from "./theme";

export const ThemeContext = createContext<Theme | null>(null);
export function useT(): Theme {
  const t = useContext(ThemeContext);
  if (!t) throw new Error("ThemeContext missing");
  return t;
}

export function Card({ children, style, testID }: { children: React.ReactNode; style?: ViewStyle; testID?: string }) {
  const t = useT();
  return (
    <View testID={testID} style={[styles.card, { backgroundColor: t.card, borderColor: t.border }, style]}>
      {children}
    </View>
  );
}

export function H({ children }: { children: React.ReactNode }) {
  const t = useT();
  return <Text style={[styles.h, { color: t.text }]}>{children}</Text>;
}

export function P({ children, muted, testID, style }: { children: React.ReactNode; muted?: boolean; testID?: string; style?: object }) {
  const t = useT();
  return (
    <Text testID={testID} style={[styles.p, { color: muted ? t.muted : t.text }, style]}>
      {children}
    </Text>
  );
}

export function Button({
  title,
  onPress,
  kind = "primary",
  disabled,
  busy,
  testID,
}: {
  title: string;
  onPress: () => void;
  kind?: "primary" | "secondary" | "danger";
  disabled?: boolean;
  busy?: boolean;
  testID?: string;
}) {
  const t = useT();
  const bg = kind === "primary" ? t.primary : kind === "danger" ? t.danger : "transparent";
  const fg = kind === "secondary" ? t.primary : t.primaryText;
  return (
    <Pressable
      testID={testID}
      accessibilityRole="button"
      accessibilityLabel={title}
      disabled={disabled || busy}
      onPress={onPress}
      style={({ pressed }) => [
        styles.button,
        { backgroundColor: bg, borderColor: kind === "secondary" ? t.primary : bg, opacity: disabled ? 0.5 : pressed ? 0.8 : 1 },
      ]}
    >
      {busy ? <ActivityIndicator color={fg} /> : <Text style={[styles.buttonText, { color: fg }]}>{title}</Text>}
    </Pressable>
  );
}

export function Field(props: TextInputProps & { label: string }) {
  const t = useT();
  const { label, style, ...rest } = props;
  return (
    <View style={styles.field}>
      <Text style={[styles.label, { color: t.muted }]}>{label}</Text>
      <TextInput
        accessibilityLabel={label}
        placeholderTextColor={t.muted}
        style={[styles.input, { color: t.text, borderColor: t.border, backgroundColor: t.bg }, style]}
        {...rest}
      />
    </View>
  );
}

export function Banner({ kind, children, testID }: { kind: "error" | "warn" | "ok" | "info"; children: React.ReactNode; testID?: string }) {
  const t = useT();
  const color = kind === "error" ? t.danger : kind === "warn" ? t.warn : kind === "ok" ? t.ok : t.primary;
  return (
    <View testID={testID} accessibilityRole={kind === "error" ? "alert" : undefined} style={[styles.banner, { borderColor: color }]}>
      <Text style={{ color, fontSize: 14 }}>{children}</Text>
    </View>
  );
}

export function Row({ children, style }: { children: React.ReactNode; style?: ViewStyle }) {
  return <View style={[styles.row, style]}>{children}</View>;
}

export function Chip({ label, selected, onPress, testID }: { label: string; selected: boolean; onPress: () => void; testID?: string }) {
  const t = useT();
  return (
    <Pressable
      testID={testID}
      accessibilityRole="button"
      accessibilityState={{ selected }}
      onPress={onPress}
      style={[styles.chip, { borderColor: selected ? t.primary : t.border, backgroundColor: selected ? t.primary : "transparent" }]}
    >
      <Text style={{ color: selected ? t.primaryText : t.text, fontSize: 13 }}>{label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  card: { borderWidth: 1, borderRadius: 12, padding: 16, marginBottom: 12, gap: 8 },
  h: { fontSize: 17, fontWeight: "600", marginBottom: 4 },
  p: { fontSize: 15, lineHeight: 21 },
  button: { borderWidth: 1, borderRadius: 10, paddingVertical: 12, paddingHorizontal: 16, alignItems: "center", minHeight: 46 },
  buttonText: { fontSize: 16, fontWeight: "600" },
  field: { gap: 4, marginBottom: 8 },
  label: { fontSize: 13 },
  input: { borderWidth: 1, borderRadius: 8, paddingHorizontal: 12, paddingVertical: 10, fontSize: 16 },
  banner: { borderLeftWidth: 4, paddingVertical: 8, paddingHorizontal: 12, marginBottom: 12 },
  row: { flexDirection: "row", alignItems: "center", gap: 8, flexWrap: "wrap" },
  chip: { borderWidth: 1, borderRadius: 16, paddingVertical: 6, paddingHorizontal: 12 },
});
