// Background location while clocked in (iOS/Android): expo-location hands batches of positions to a task defined
// with expo-task-manager at module load (index.ts imports this file first, as the task must exist before the OS
// wakes the app). Points go to POST /function/attendance/locations; tracking stops at clock-out.
// Only started when the person's work agreement includes GPS (the Attendance screen checks gpsAllowed first).
import * as Location from "expo-location";
import * as TaskManager from "expo-task-manager";
import { Platform } from "react-native";

import { Api } from "./api";
import { plainStore, secureStore } from "./storage";

export const LOCATION_TASK = "workmonitor-location";

interface TaskBody {
  data?: { locations?: Location.LocationObject[] };
  error?: { message: string } | null;
}

if (Platform.OS !== "web") {
  TaskManager.defineTask(LOCATION_TASK, async ({ data, error }: TaskBody) => {
    if (error || !data?.locations?.length) return;
    const server = (await plainStore.getItem("wm.server")) ?? "";
    const device = (await plainStore.getItem("wm.device")) ?? "mobile";
    const api = new Api(server, secureStore);
    const points = data.locations.map((l) => ({
      lat: l.coords.latitude,
      lng: l.coords.longitude,
      accuracy: l.coords.accuracy ?? null,
      recorded_at: new Date(l.timestamp).toISOString(),
    }));
    try {
      await api.post("/function/attendance/locations", { device_id: device, points });
    } catch {
      /* the OS delivers the next batch; a lost batch of a route is acceptable, a crash of the task is not */
    }
  });
}

export async function startBackgroundTracking(server: string): Promise<boolean> {
  if (Platform.OS === "web") return false;
  await plainStore.setItem("wm.server", server);
  const fg = await Location.requestForegroundPermissionsAsync();
  if (fg.status !== "granted") return false;
  const bg = await Location.requestBackgroundPermissionsAsync();
  if (bg.status !== "granted") return false;
  await Location.startLocationUpdatesAsync(LOCATION_TASK, {
    accuracy: Location.Accuracy.Balanced,
    distanceInterval: 50,
    deferredUpdatesInterval: 5 * 60 * 1000,
    showsBackgroundLocationIndicator: true,
    foregroundService: { notificationTitle: "WorkMonitor", notificationBody: "Recording your route while you are clocked in." },
  });
  return true;
}

export async function stopBackgroundTracking(): Promise<void> {
  if (Platform.OS === "web") return;
  if (await Location.hasStartedLocationUpdatesAsync(LOCATION_TASK)) await Location.stopLocationUpdatesAsync(LOCATION_TASK);
}
