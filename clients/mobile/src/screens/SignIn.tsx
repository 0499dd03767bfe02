import React, { useState } from "react";
import { KeyboardAvoidingView, Platform, ScrollView } from "react-native";

import { ApiError, OfflineError } from "../api";
import { useApp } from "../context";
import type { LoginOut, SignedIn } from "../models";
import { Banner, Button, Card, Field, H, P } from "../ui";

export default function SignIn() {
  const app = useApp();
  const [server, setServer] = useState(app.serverUrl);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function finish(out: SignedIn) {
    await app.api.saveSession(out);
    await app.reloadMe();
  }

  async function submit() {
    setError(null);
    setBusy(true);
    try {
      if (server.trim().replace(/\/+$/, "") !== app.serverUrl) await app.setServerUrl(server);
      const api = app.api;
      if (challenge) {
        await finish(await api.request<SignedIn>("POST", "/function/auth/otp/verify", { body: { challenge, code: code.trim(), device_name: "Mobile app" }, auth: false }));
        return;
      }
      const out = await api.request<LoginOut>("POST", "/function/auth/login", {
        body: { email: email.trim(), password, device_name: "Mobile app" },
        auth: false,
      });
      if ("otp_required" in out) setChallenge(out.challenge);
      else await finish(out);
    } catch (err) {
      setError(err instanceof OfflineError ? `Cannot reach ${server || "the server"}. Check the address and your connection.` : (err as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <KeyboardAvoidingView behavior={Platform.OS === "ios" ? "padding" : undefined} style={{ flex: 1 }}>
      <ScrollView contentContainerStyle={{ padding: 20, paddingTop: 48, maxWidth: 480, width: "100%", alignSelf: "center" }}>
        <H>Sign in to WorkMonitor</H>
        <P muted>Your company runs its own WorkMonitor server: enter its address once.</P>
        <Card>
          {error ? <Banner kind="error" testID="signin-error">{error}</Banner> : null}
          {challenge ? (
            <>
              <P>We emailed you a sign-in code.</P>
              <Field label="Code from the email" value={code} onChangeText={setCode} keyboardType="number-pad" autoComplete="one-time-code" testID="otp-code" />
            </>
          ) : (
            <>
              <Field label="Server address" value={server} onChangeText={setServer} autoCapitalize="none" keyboardType="url" placeholder="https://workmonitor.example.com" testID="server-url" />
              <Field label="Email" value={email} onChangeText={setEmail} autoCapitalize="none" keyboardType="email-address" autoComplete="email" testID="email" />
              <Field label="Password" value={password} onChangeText={setPassword} secureTextEntry autoComplete="password" testID="password" onSubmitEditing={submit} />
            </>
          )}
          <Button title={challenge ? "Verify" : "Sign in"} onPress={submit} busy={busy} testID="signin-submit" />
        </Card>
      </ScrollView>
    </KeyboardAvoidingView>
  );
}
