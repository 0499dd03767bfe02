// Expenses with a receipt from the camera (or the photo library; a file picker on the web build): the amount is
// entered in the company's currency and sent in minor units; the receipt goes up as multipart with the fields, and
// the finance function checks it by decoding it. Submitting needs the server (no offline queue for uploads).
import * as ImagePicker from "expo-image-picker";
import React, { useCallback, useEffect, useState } from "react";
import { Image, Platform, ScrollView, View } from "react-native";

import { OfflineError } from "../api";
import { useApp } from "../context";
import type { Expense, ExpenseCategory, Page } from "../models";
import { Banner, Button, Card, Chip, Field, H, P, Row } from "../ui";

/** "12.5" / "12,50" → 1250 minor units (two decimals); null when it is not an amount. */
export function toMinor(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

function money(minor: number, currency: string): string {
  return `${(minor / 100).toFixed(2)} ${currency}`;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

interface Photo {
  uri: string;
  name: string;
  type: string;
  file?: File; // the web build's picked file
}

export default function Expenses() {
  const app = useApp();
  const currency = app.me?.company.currency ?? "EUR";
  const [categories, setCategories] = useState<ExpenseCategory[]>([]);
  const [items, setItems] = useState<Expense[]>([]);
  const [category, setCategory] = useState<string | null>(null);
  const [amount, setAmount] = useState("");
  const [date, setDate] = useState(today());
  const [note, setNote] = useState("");
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [msg, setMsg] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [c, e] = await Promise.all([
        app.api.get<{ items: ExpenseCategory[] }>("/function/finance/expense-categories"),
        app.api.get<Page<Expense>>(`/function/finance/expenses?user_id=${app.me?.user.id}&limit=20`),
      ]);
      setCategories(c.items.filter((x) => !x.archived));
      setItems(e.items);
    } catch (err) {
      if (!(err instanceof OfflineError)) setMsg({ kind: "error", text: (err as Error).message });
    }
  }, [app.api, app.me]);

  useEffect(() => {
    void load();
  }, [load]);

  async function pick(camera: boolean) {
    const opts: ImagePicker.ImagePickerOptions = { mediaTypes: ["images"], quality: 0.7 };
    if (camera && Platform.OS !== "web") {
      const perm = await ImagePicker.requestCameraPermissionsAsync();
      if (!perm.granted) return setMsg({ kind: "error", text: "Camera access is off for WorkMonitor in the phone's settings." });
    }
    const res = camera && Platform.OS !== "web" ? await ImagePicker.launchCameraAsync(opts) : await ImagePicker.launchImageLibraryAsync(opts);
    if (res.canceled || !res.assets.length) return;
    const a = res.assets[0];
    setPhoto({ uri: a.uri, name: a.fileName ?? "receipt.jpg", type: a.mimeType ?? "image/jpeg", file: a.file });
  }

  async function submit() {
    const minor = toMinor(amount);
    if (!category) return setMsg({ kind: "error", text: "Choose a category." });
    if (minor === null || minor <= 0) return setMsg({ kind: "error", text: "Enter the amount, e.g. 12.50." });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setMsg({ kind: "error", text: "Enter the date as YYYY-MM-DD." });
    const form = new FormData();
    form.append("spent_on", date);
    form.append("amount_minor", String(minor));
    form.append("currency", currency);
    form.append("category_id", category);
    if (note.trim()) form.append("note", note.trim());
    if (photo) {
      if (photo.file) form.append("receipt", photo.file, photo.name);
      // React Native's FormData takes {uri, name, type} for a local file
      else form.append("receipt", { uri: photo.uri, name: photo.name, type: photo.type } as unknown as Blob);
    }
    setBusy(true);
    setMsg(null);
    try {
      await app.api.request("POST", "/function/finance/expenses", { form });
      setMsg({ kind: "ok", text: `Submitted ${money(minor, currency)}: your manager decides.` });
      setAmount("");
      setNote("");
      setPhoto(null);
      await load();
    } catch (err) {
      setMsg({ kind: "error", text: err instanceof OfflineError ? "No connection: submit the expense when you are online." : (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <ScrollView contentContainerStyle={{ padding: 16 }}>
      {msg ? <Banner kind={msg.kind} testID="expense-message">{msg.text}</Banner> : null}
      <Card testID="expense-form">
        <H>New expense</H>
        {categories.length === 0 ? <P muted>Your company has not set up expense categories yet.</P> : null}
        <Row>
          {categories.map((c) => (
            <Chip key={c.id} label={c.name} selected={category === c.id} onPress={() => setCategory(c.id)} testID={`category-${c.name}`} />
          ))}
        </Row>
        <Row>
          <View style={{ flex: 1, minWidth: 120 }}>
            <Field label={`Amount (${currency})`} value={amount} onChangeText={setAmount} keyboardType="decimal-pad" testID="expense-amount" />
          </View>
          <View style={{ flex: 1, minWidth: 120 }}>
            <Field label="Date (YYYY-MM-DD)" value={date} onChangeText={setDate} testID="expense-date" />
          </View>
        </Row>
        <Field label="Note" value={note} onChangeText={setNote} testID="expense-note" />
        {photo ? <Image source={{ uri: photo.uri }} style={{ width: "100%", height: 180, borderRadius: 8 }} resizeMode="contain" testID="receipt-preview" /> : null}
        <Row>
          <View style={{ flex: 1 }}>
            <Button title={photo ? "Retake receipt" : "Photo of receipt"} kind="secondary" onPress={() => void pick(true)} testID="receipt-photo" />
          </View>
        </Row>
        <Button title="Submit expense" onPress={submit} busy={busy} testID="expense-submit" />
      </Card>
      <Card testID="expense-list">
        <H>My expenses</H>
        {items.length === 0 ? <P muted>None yet.</P> : null}
        {items.map((e) => (
          <Row key={e.id} style={{ justifyContent: "space-between" }}>
            <P style={{ flex: 1 }}>
              {e.spent_on} · {e.category}
              {e.has_receipt ? " · receipt" : ""}
            </P>
            <P muted>
              {money(e.amount_minor, e.currency)} · {e.status}
            </P>
          </Row>
        ))}
      </Card>
    </ScrollView>
  );
}
