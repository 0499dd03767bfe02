// Settings: my profile (name, time zone), password, email 2FA and my monitoring consent; admins and managers
// also get the company sections (CompanySettings.tsx).
import { useMemo, useState } from "react";
import { api, get, patch, post } from "../api";
import { localDateTime } from "../format";
import type { Agreement, Agreements, MediaSettingsOut } from "../models";
import type { Route } from "../router";
import { isAdmin, isManager, useMe, useSession } from "../session";
import { ErrorBanner, Field, Loading, Tabs, useAction, useAsync } from "../ui";
import { NotificationSettings } from "./NotificationSettings";
import { CompanySettings } from "./CompanySettings";
import { PairExtension } from "../PairExtension";

/** The settings sections as tabs (?tab=): everyone has their own; managers the rules; admins the company's. */
function tabsFor(me: ReturnType<typeof useMe>): [string, string][] {
  const tabs: [string, string][] = [["profile", "My profile"], ["notifications", "Notifications"]];
  if (isAdmin(me)) tabs.push(["company", "Company"], ["capture", "Capture policy"], ["attendance", "Attendance"]);
  if (isManager(me)) tabs.push(["rules", "Productivity rules"]);
  return tabs;
}

export function Settings({ route }: { route: Route }) {
  const me = useMe();
  const tabs = tabsFor(me);
  const wanted = route.query.get("tab") ?? "profile";
  const tab = tabs.some(([k]) => k === wanted) ? wanted : "profile";
  return (
    <>
      <Tabs tabs={tabs} current={tab} base="/settings" label="Settings sections" />
      {tab === "profile" && (
        <>
          <Consent />
          <div className="grid2" style={{ marginBottom: 16 }}>
            <Profile />
            <Security />
          </div>
          <PairExtension />
        </>
      )}
      {tab === "notifications" && <NotificationSettings />}
      {tab !== "profile" && tab !== "notifications" && <CompanySettings tab={tab} />}
    </>
  );
}

export function zones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf: (k: string) => string[] }).supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
}

function Profile() {
  const me = useMe();
  const { reload } = useSession();
  const [name, setName] = useState(me.user.name);
  const [tz, setTz] = useState(me.user.timezone);
  const [saved, setSaved] = useState(false);
  const act = useAction();
  const all = useMemo(zones, []);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void act.run(async () => { await patch("/auth/me", { name, timezone: tz }); await reload(); setSaved(true); });
  };
  return (
    <form className="panel" onSubmit={submit} aria-label="Profile">
      <h3>Profile</h3>
      <Field label="Name"><input name="profile-name" value={name} onChange={(e) => setName(e.target.value)} required /></Field>
      <Field label="Email"><input value={me.user.email} readOnly disabled /></Field>
      <Field label="Time zone (dates and days are shown in it)">
        <input name="timezone" list="tz-list" value={tz} onChange={(e) => setTz(e.target.value)} required />
      </Field>
      <datalist id="tz-list">{all.map((z) => <option key={z} value={z} />)}</datalist>
      <div className="row" style={{ alignItems: "center" }}>
        <button type="submit" disabled={act.busy}>Save profile</button>
        <button type="button" className="secondary" onClick={() => setTz(Intl.DateTimeFormat().resolvedOptions().timeZone)}>Use this device's zone</button>
        {saved && !act.error && <span className="ok-text" role="status">Saved.</span>}
      </div>
      <ErrorBanner error={act.error} />
    </form>
  );
}

function Security() {
  const me = useMe();
  const { reload } = useSession();
  const [pw, setPw] = useState({ current: "", next: "", again: "" });
  const [otpPassword, setOtpPassword] = useState("");
  const [note, setNote] = useState("");
  const pwAct = useAction();
  const otpAct = useAction();
  const changePassword = (e: React.FormEvent) => {
    e.preventDefault();
    setNote("");
    void pwAct.run(async () => {
      if (pw.next !== pw.again) throw new Error("The new passwords do not match.");
      // retry: false: a wrong current password is a 401 that must not look like an expired session.
      await api("POST", "/auth/me/password", { body: { current_password: pw.current, new_password: pw.next }, retry: false });
      setPw({ current: "", next: "", again: "" });
      setNote("Password changed.");
    });
  };
  const toggleOtp = (e: React.FormEvent) => {
    e.preventDefault();
    setNote("");
    void otpAct.run(async () => {
      await api("POST", "/auth/me/otp", { body: { enabled: !me.user.otp_enabled, password: otpPassword }, retry: false });
      setOtpPassword("");
      await reload();
      setNote(me.user.otp_enabled ? "Two-step sign-in is off." : "Two-step sign-in is on: you will get a code by email when you sign in.");
    });
  };
  return (
    <section className="panel" aria-label="Security">
      <h3>Password</h3>
      <form onSubmit={changePassword}>
        <Field label="Current password"><input type="password" autoComplete="current-password" value={pw.current} onChange={(e) => setPw({ ...pw, current: e.target.value })} required /></Field>
        <div className="row">
          <Field label="New password (10+ characters)"><input type="password" autoComplete="new-password" minLength={10} value={pw.next} onChange={(e) => setPw({ ...pw, next: e.target.value })} required /></Field>
          <Field label="New password again"><input type="password" autoComplete="new-password" value={pw.again} onChange={(e) => setPw({ ...pw, again: e.target.value })} required /></Field>
        </div>
        <button type="submit" disabled={pwAct.busy}>Change password</button>
        <ErrorBanner error={pwAct.error} />
      </form>
      <h3 style={{ marginTop: 20 }}>Two-step sign-in</h3>
      <p>Email codes are <strong data-testid="otp-state">{me.user.otp_enabled ? "on" : "off"}</strong>. {me.user.otp_enabled ? "Each sign-in asks for a code sent to " : "Turn on to require a code sent to "}{me.user.email}.</p>
      <form className="row" onSubmit={toggleOtp}>
        <Field label="Your password, to confirm"><input type="password" autoComplete="current-password" value={otpPassword} onChange={(e) => setOtpPassword(e.target.value)} required /></Field>
        <button type="submit" className={me.user.otp_enabled ? "secondary" : ""} disabled={otpAct.busy} style={{ marginBottom: 12 }}>
          {me.user.otp_enabled ? "Turn off email codes" : "Turn on email codes"}
        </button>
      </form>
      <ErrorBanner error={otpAct.error} />
      {note && <p className="ok-text" role="status">{note}</p>}
    </section>
  );
}

const CAPTURES: { key: keyof Pick<Agreement, "screenshots" | "activity" | "gps">; title: string; what: string }[] = [
  { key: "screenshots", title: "Screenshots",
    what: "While your timer runs, the desktop agent takes pictures of your screen(s) at intervals. Your manager and admins can view them; they are deleted after the company's retention period." },
  { key: "activity", title: "App and website activity",
    what: "While your timer runs: which app and website (window title, address) is in front, and how active you are — counts of keyboard and mouse events, never what you type." },
  { key: "gps", title: "Location (GPS)",
    what: "Your location when you clock in or out and from the mobile app while at work, checked against work-site geofences." },
];

function Consent() {
  const me = useMe();
  const { reload } = useSession();
  const list = useAsync(() => get<Agreements>(`/team/users/${me.user.id}/agreements`), [me.user.id]);
  const media = useAsync(() => get<MediaSettingsOut>("/media/settings").catch(() => null), []);
  const act = useAction();
  const current = list.data?.items.find((a) => a.status === "proposed" || a.status === "accepted") ?? null;
  const tz = me.user.timezone;
  const decide = (action: "accept" | "decline" | "revoke") => {
    if (action === "revoke" && !window.confirm("Withdraw your consent? Capturing stops; your manager sees that you withdrew it.")) return;
    void act.run(async () => { await post(`/team/agreements/${current!.id}/${action}`, {}); list.reload(); await reload(); });
  };
  return (
    <section className="panel" aria-label="My monitoring consent" data-testid="consent">
      <h3>My monitoring consent</h3>
      <ErrorBanner error={list.error ?? act.error} />
      {list.loading && !list.data ? <Loading /> : !current ? (
        <p data-testid="consent-status">You have no monitoring agreement: <strong>nothing is captured</strong> — no screenshots, app or website activity, or location — beyond the time you track yourself.
          {list.data?.items[0] && <span className="muted"> (Last agreement: {list.data.items[0].status}.)</span>}</p>
      ) : (
        <>
          <p data-testid="consent-status">
            {current.status === "proposed"
              ? <><span className="badge warn">waiting for you</span> Your company asks for your consent to capture the following. Nothing is captured until you accept.</>
              : <><span className="badge ok">accepted</span> You consented on {localDateTime(current.accepted_at, tz)}. You can withdraw at any time.</>}
          </p>
          <ul className="consent-list">{CAPTURES.map((c) => (
            <li key={c.key}>
              <span className={`badge ${current[c.key] ? (current.status === "accepted" ? "ok" : "warn") : ""}`} style={{ minWidth: 104, textAlign: "center", whiteSpace: "nowrap", flexShrink: 0 }}>
                {current[c.key] ? (current.status === "accepted" ? "captured" : "requested") : "not captured"}
              </span>
              <span><strong>{c.title}.</strong> <span className={current[c.key] ? "" : "muted"}>{c.what}</span>
                {c.key === "screenshots" && current.screenshots && media.data && (
                  <span className="muted"> Kept {media.data.settings.retention_days.screenshots} days{media.data.settings.blur_screenshots ? ", shown blurred" : ""}.</span>
                )}</span>
            </li>
          ))}</ul>
          {current.terms && <div className="notice"><strong>Terms from your company</strong><p style={{ whiteSpace: "pre-wrap", margin: "6px 0 0" }}>{current.terms}</p></div>}
          <div className="row">
            {current.status === "proposed" && <>
              <button disabled={act.busy} onClick={() => decide("accept")}>Accept</button>
              <button className="secondary" disabled={act.busy} onClick={() => decide("decline")}>Decline</button>
            </>}
            {current.status === "accepted" && <button className="danger" disabled={act.busy} onClick={() => decide("revoke")}>Withdraw consent</button>}
          </div>
        </>
      )}
    </section>
  );
}
