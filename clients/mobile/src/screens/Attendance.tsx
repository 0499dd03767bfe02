import * as Location from "expo-location";
import React, { useCallback, useEffect, useState } from "react";
import { Platform, ScrollView, View } from "react-native";

import { ApiError, OfflineError } from "../api";
import { startBackgroundTracking, stopBackgroundTracking } from "../background";
import { useApp } from "../context";
import { day, duration, time } from "../format";
import { clockInHint, describeClockIn, describeHint, gpsAllowed, type Point } from "../geo";
import type { Balance, ClockInOut, Geofence, LeaveType, Page, Shift, Status } from "../models";
import { Banner, Button, Card, Chip, Field, H, P, Row } from "../ui";

function weekBounds(): [string, string] {
  const d = new Date();
  const monday = new Date(d);
  monday.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  const sunday = new Date(monday);
  sunday.setDate(monday.getDate() + 6);
  const f = (x: Date) => `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, "0")}-${String(x.getDate()).padStart(2, "0")}`;
  return [f(monday), f(sunday)];
}

/** The current position, when GPS consent is recorded and the person allows it on this device; else null. */
async function currentPoint(allowed: boolean): Promise<Point | null> {
  if (!allowed) return null;
  try {
    if (Platform.OS === "web") {
      // expo-location's web getCurrentPositionAsync accepts any cached fix (maximumAge: Infinity): a clock-in needs
      // where the person is now, so ask the browser for a fresh one.
      return await new Promise<Point | null>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          (pos) => resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: pos.coords.accuracy ?? null }),
          () => resolve(null),
          { maximumAge: 0, enableHighAccuracy: true, timeout: 15000 },
        ),
      );
    }
    const perm = await Location.requestForegroundPermissionsAsync();
    if (perm.status !== "granted") return null;
    const pos = await Location.getCurrentPositionAsync({ accuracy: Location.Accuracy.High });
    return { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: pos.coords.accuracy ?? null };
  } catch {
    return null;
  }
}

export default function Attendance({ wide }: { wide: boolean }) {
  const app = useApp();
  const [status, setStatus] = useState<Status | null>(null);
  const [fences, setFences] = useState<Geofence[]>([]);
  const [shifts, setShifts] = useState<Shift[]>([]);
  const [balances, setBalances] = useState<Balance[]>([]);
  const [types, setTypes] = useState<LeaveType[]>([]);
  const [point, setPoint] = useState<Point | null>(null);
  const [msg, setMsg] = useState<{ kind: "error" | "ok" | "warn"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [leaveType, setLeaveType] = useState<string | null>(null);
  const [leaveFrom, setLeaveFrom] = useState("");
  const [leaveTo, setLeaveTo] = useState("");
  const [background, setBackground] = useState(false);
  const agreement = app.me?.agreement ?? null;
  const allowed = gpsAllowed(agreement);

  const load = useCallback(async () => {
    const [from, to] = weekBounds();
    try {
      const [s, f, sh, b, lt] = await Promise.all([
        app.api.get<Status>("/function/attendance/status"),
        app.api.get<Page<Geofence>>("/function/attendance/geofences?limit=100"),
        app.api.get<Page<Shift>>(`/function/attendance/shifts?from=${from}&to=${to}&user_id=${app.me?.user.id}&limit=50`),
        app.api.get<{ balances: Balance[] }>("/function/attendance/leave/balances"),
        app.api.get<Page<LeaveType>>("/function/attendance/leave/types?limit=50"),
      ]);
      setStatus(s);
      setFences(f.items);
      setShifts(sh.items);
      setBalances(b.balances);
      setTypes(lt.items.filter((x) => !x.archived));
    } catch (err) {
      if (!(err instanceof OfflineError)) setMsg({ kind: "error", text: (err as Error).message });
    }
    setPoint(await currentPoint(allowed));
  }, [app.api, app.me, allowed]);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(kind: "in" | "out" | "break" | "resume") {
    setBusy(true);
    setMsg(null);
    try {
      const p = await currentPoint(allowed);
      setPoint(p);
      const location = p ? { lat: p.lat, lng: p.lng, accuracy: p.accuracy ?? null } : null;
      if (kind === "in") {
        const out = await app.api.post<ClockInOut>("/function/attendance/clock-in", { location, source: "mobile" });
        const flagged = out.record.flags.length > 0;
        setMsg({ kind: flagged ? "warn" : "ok", text: describeClockIn(out, fences) });
        if (allowed && background) await startBackgroundTracking(app.serverUrl);
      } else if (kind === "out") {
        await app.api.post("/function/attendance/clock-out", { location });
        await stopBackgroundTracking();
        setMsg({ kind: "ok", text: "Clocked out." });
      } else if (kind === "break") {
        await app.api.post("/function/attendance/breaks/start", { paid: false });
        setMsg({ kind: "ok", text: "Break started." });
      } else {
        await app.api.post("/function/attendance/breaks/end");
        setMsg({ kind: "ok", text: "Break ended." });
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === "outside_geofence") setMsg({ kind: "error", text: `Clock-in refused: ${err.message}` });
      else if (err instanceof OfflineError) setMsg({ kind: "error", text: "No connection: clocking needs the server, so nothing was recorded. Try again when online." });
      else setMsg({ kind: "error", text: (err as Error).message });
    } finally {
      setBusy(false);
      void load();
    }
  }

  async function requestLeave() {
    if (!leaveType || !/^\d{4}-\d{2}-\d{2}$/.test(leaveFrom) || !/^\d{4}-\d{2}-\d{2}$/.test(leaveTo || leaveFrom)) {
      return setMsg({ kind: "error", text: "Choose a leave type and dates as YYYY-MM-DD." });
    }
    try {
      await app.api.post("/function/attendance/leave/requests", {
        leave_type_id: leaveType,
        start_date: leaveFrom,
        end_date: leaveTo || leaveFrom,
        start_half: false,
        end_half: false,
      });
      setMsg({ kind: "ok", text: "Leave requested: your manager decides." });
      setLeaveFrom("");
      setLeaveTo("");
      void load();
    } catch (err) {
      setMsg({ kind: "error", text: (err as Error).message });
    }
  }

  const hint = clockInHint(agreement, fences, point);
  const rec = status?.record;
  return (
    <ScrollView contentContainerStyle={{ padding: 16 }}>
      {msg ? <Banner kind={msg.kind} testID="attendance-message">{msg.text}</Banner> : null}
      <View style={{ flexDirection: wide ? "row" : "column", gap: wide ? 12 : 0 }}>
        <View style={wide ? { flex: 1 } : undefined}>
          <Card testID="clock-card">
            <H>{status?.clocked_in ? (status.on_break ? "On a break" : "Clocked in") : "Clocked out"}</H>
            {rec ? <P muted>Since {time(rec.clock_in_at)}</P> : null}
            <P muted testID="location-hint">{describeHint(hint)}</P>
            {!status?.clocked_in ? (
              <Button title="Clock in" onPress={() => act("in")} busy={busy} testID="clock-in" />
            ) : (
              <Row>
                <View style={{ flex: 1 }}>
                  {status.on_break ? (
                    <Button title="End break" kind="secondary" onPress={() => act("resume")} busy={busy} testID="break-end" />
                  ) : (
                    <Button title="Take a break" kind="secondary" onPress={() => act("break")} busy={busy} testID="break-start" />
                  )}
                </View>
                <View style={{ flex: 1 }}>
                  <Button title="Clock out" kind="danger" onPress={() => act("out")} busy={busy} testID="clock-out" />
                </View>
              </Row>
            )}
            {allowed && Platform.OS !== "web" ? (
              <Row>
                <Chip label={background ? "Route recording on while clocked in" : "Record my route while clocked in"} selected={background} onPress={() => setBackground(!background)} />
              </Row>
            ) : null}
          </Card>
          <Card>
            <H>Shifts this week</H>
            {shifts.length === 0 ? <P muted>No shifts planned.</P> : null}
            {shifts.map((s) => (
              <Row key={s.id} style={{ justifyContent: "space-between" }}>
                <P>{day(s.starts_at, s.timezone)}</P>
                <P muted>
                  {time(s.starts_at, s.timezone)}–{time(s.ends_at, s.timezone)}
                </P>
              </Row>
            ))}
          </Card>
        </View>
        <View style={wide ? { flex: 1 } : undefined}>
          <Card>
            <H>Leave</H>
            {types.length === 0 ? <P muted>Your company has not set up leave types yet.</P> : null}
            {balances.map((b) => (
              <Row key={b.leave_type_id} style={{ justifyContent: "space-between" }}>
                <P>{b.name}</P>
                <P muted>{b.remaining_days == null ? `${b.used_days} used` : `${b.remaining_days} days left`}</P>
              </Row>
            ))}
            <Row>
              {types.map((x) => (
                <Chip key={x.id} label={x.name} selected={leaveType === x.id} onPress={() => setLeaveType(x.id)} />
              ))}
            </Row>
            <Row>
              <View style={{ flex: 1, minWidth: 130 }}>
                <Field label="From (YYYY-MM-DD)" value={leaveFrom} onChangeText={setLeaveFrom} />
              </View>
              <View style={{ flex: 1, minWidth: 130 }}>
                <Field label="To (YYYY-MM-DD)" value={leaveTo} onChangeText={setLeaveTo} />
              </View>
            </Row>
            <Button title="Request leave" kind="secondary" onPress={requestLeave} />
          </Card>
          {rec?.breaks?.length ? (
            <Card>
              <H>Breaks today</H>
              {rec.breaks.map((b) => (
                <P key={b.id} muted>
                  {time(b.started_at)}–{b.ended_at ? time(b.ended_at) : "now"}
                  {b.ended_at ? ` · ${duration((Date.parse(b.ended_at) - Date.parse(b.started_at)) / 1000)}` : ""}
                </P>
              ))}
            </Card>
          ) : null}
        </View>
      </View>
    </ScrollView>
  );
}
