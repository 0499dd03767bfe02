// The clock-in flow on the Attendance screen, rendered with React Native Testing Library against the fake API:
// the location is attached only with GPS consent, and the server's decision (refused / flagged / inside) is shown.
import AsyncStorage from "@react-native-async-storage/async-storage";
import { fireEvent, render, screen, waitFor } from "@testing-library/react-native";
import * as Location from "expo-location";
import React from "react";

import { AppProvider, useApp } from "../src/context";
import Attendance from "../src/screens/Attendance";
import { useTheme } from "../src/theme";
import { ThemeContext } from "../src/ui";
import { FakeServer } from "../test-support/fakeserver";

jest.mock("expo-location", () => ({
  requestForegroundPermissionsAsync: jest.fn(async () => ({ status: "granted" })),
  getCurrentPositionAsync: jest.fn(),
  Accuracy: { High: 4, Balanced: 3 },
}));
jest.mock("expo-task-manager", () => ({ defineTask: jest.fn() }));
const mockSecure = new Map<string, string>();
jest.mock("expo-secure-store", () => ({
  getItemAsync: async (k: string) => mockSecure.get(k) ?? null,
  setItemAsync: async (k: string, v: string) => void mockSecure.set(k, v),
  deleteItemAsync: async (k: string) => void mockSecure.delete(k),
}));

jest.setTimeout(60000);

let server: FakeServer;
const position = (lat: number, lng: number) => ({ coords: { latitude: lat, longitude: lng, accuracy: 8 }, timestamp: Date.now() });

function Screen() {
  const app = useApp();
  const theme = useTheme("light");
  return <ThemeContext.Provider value={theme}>{app.me ? <Attendance wide={false} /> : null}</ThemeContext.Provider>;
}

beforeEach(async () => {
  server = new FakeServer();
  (globalThis as any).fetch = server.fetch;
  await AsyncStorage.clear();
  await AsyncStorage.setItem("wm.server", "http://server.test");
  mockSecure.clear();
  mockSecure.set("wm.session", JSON.stringify({ access: server.access, refresh: server.refresh }));
});

function clockInCalls() {
  return server.calls.filter((c) => c.path === "/function/attendance/clock-in");
}

test("inside the office: the location is sent and the site is named", async () => {
  (Location.getCurrentPositionAsync as jest.Mock).mockResolvedValue(position(52.5201, 13.405));
  render(<AppProvider><Screen /></AppProvider>);
  await waitFor(() => expect(screen.getByTestId("location-hint")).toHaveTextContent("You are at Office."), { timeout: 20000 });
  fireEvent.press(screen.getByTestId("clock-in"));
  await waitFor(() => expect(screen.getByTestId("attendance-message")).toHaveTextContent("Clocked in at Office."), { timeout: 15000 });
  expect(clockInCalls()[0].body).toEqual({ location: { lat: 52.5201, lng: 13.405, accuracy: 8 }, source: "mobile" });
});

test("outside under policy require: refused, with the server's reason", async () => {
  server.policy = "require";
  (Location.getCurrentPositionAsync as jest.Mock).mockResolvedValue(position(52.53, 13.405));
  render(<AppProvider><Screen /></AppProvider>);
  await waitFor(() => expect(screen.getByTestId("location-hint")).toHaveTextContent(/outside every work site \(\d+ m from Office\)/), { timeout: 15000 });
  fireEvent.press(screen.getByTestId("clock-in"));
  await waitFor(() => expect(screen.getByTestId("attendance-message")).toHaveTextContent("Clock-in refused: You are outside every work site geofence."), { timeout: 15000 });
  expect(server.clockedIn).toBe(false);
});

test("outside under policy flag: clocked in and told it is flagged", async () => {
  (Location.getCurrentPositionAsync as jest.Mock).mockResolvedValue(position(52.53, 13.405));
  render(<AppProvider><Screen /></AppProvider>);
  await waitFor(() => expect(screen.getByTestId("location-hint")).toHaveTextContent(/outside/), { timeout: 15000 });
  fireEvent.press(screen.getByTestId("clock-in"));
  await waitFor(() => expect(screen.getByTestId("attendance-message")).toHaveTextContent("Clocked in. Flagged for your manager: outside every work site."), { timeout: 15000 });
});

test("without GPS consent no location is read or sent", async () => {
  server.gps = false;
  (Location.getCurrentPositionAsync as jest.Mock).mockClear();
  render(<AppProvider><Screen /></AppProvider>);
  await waitFor(() => expect(screen.getByTestId("location-hint")).toHaveTextContent(/does not include GPS/), { timeout: 15000 });
  fireEvent.press(screen.getByTestId("clock-in"));
  await waitFor(() => expect(screen.getByTestId("attendance-message")).toBeTruthy(), { timeout: 15000 });
  expect(clockInCalls()[0].body.location).toBeNull();
  expect(Location.getCurrentPositionAsync).not.toHaveBeenCalled();
});
