import { useColorScheme } from "react-native";

export interface Theme {
  dark: boolean;
  bg: string;
  card: string;
  text: string;
  muted: string;
  border: string;
  primary: string;
  primaryText: string;
  danger: string;
  warn: string;
  ok: string;
}

const light: Theme = {
  dark: false,
  bg: "#f4f6f8",
  card: "#ffffff",
  text: "#16202a",
  muted: "#5c6b7a",
  border: "#d8dee4",
  primary: "#1f6feb",
  primaryText: "#ffffff",
  danger: "#c62828",
  warn: "#9a6700",
  ok: "#1a7f37",
};

const dark: Theme = {
  dark: true,
  bg: "#0d1117",
  card: "#161b22",
  text: "#e6edf3",
  muted: "#9aa7b4",
  border: "#30363d",
  primary: "#4493f8",
  primaryText: "#0d1117",
  danger: "#ff7b72",
  warn: "#d29922",
  ok: "#3fb950",
};

export type ThemePref = "system" | "light" | "dark";

export function useTheme(pref: ThemePref): Theme {
  const system = useColorScheme();
  const mode = pref === "system" ? (system === "dark" ? "dark" : "light") : pref;
  return mode === "dark" ? dark : light;
}
