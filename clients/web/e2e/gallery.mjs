// e2e: a screenshot uploaded through the API (with consent) shows in the manager's gallery.
export const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAUAAAADICAIAAAAWZq/8AAAHEklEQVR4nO3cTUhU/x7H8a/T1ChNOkUSEQbZxoui0qNMaAWiMhWuLP1f6QFBCLIna+UibFPLahMkGUKS1ICboJQg7Am1IJHkFqEEMjEkktU0MVYzd3Hulcgy/1P250Pv1+rMj/P7nYPw9hxnPJOS81evAdDk+qdPAEDyCBgQRsCAMAIGhBEwIIyAAWEEDAgjYEAYAQPCCBgQRsCAMAIGhBEwIIyAAWEEDAgjYEAYAQPCCBgQRsCAMPfPTP5P+8ZfdR7An+xf/+5LbiJXYEAYAQPCCBgQRsCAMAIGhBEwIIyAAWEEDAgjYEAYAQPCCBgQNocB792799q1a852QUHBkSNHnO3Dhw8Hg8GZ5/p8vq9G0tLSdu7cOfWytrY2LS1tlmcyNDR0/vx5Z/v06dOznDVda2trcXFxYWFhd3d30osAv9AcBuz3+x8+fGhm7969c7vdfX3/+3ftvr6+4uLiv7uax+N59uzZ58+fzSyRSAwPD3s8nlnOzc3N3b9/v7OddMBjY2NtbW09PT0dHR2HDh1KbhHg15rbgB89emRmvb29gUAgGo3GYrGPHz9Go9Fly5aFw+FAIFBSUhIIBMLhsJn5fL59+/adO3duaoVXr17l5+cPDQ05L9esWeP8RhgYGMjPz3cGv7lOU1PT5s2bCwoKOjs7nd2cS/qJEycikUhZWdkPj/769eva2trS0tKSkpL+/n4zGx8fP3DggMvlysrKGh8f/+Y+wG82hwHn5uaOjIwkEokHDx4UFxevXbv28ePHAwMD69evN7PGxsaampo7d+7U1NQcO3bMzGKxWHV19cGDB53pk5OT1dXVZ86cyc3NdUbKy8u7urrMrKurq7y83Bmcvs7k5OTSpUt7eno6Ozu/ulQ2Nzd7vd7u7u4fHv348eMNDQ23bt26fPlyfX29meXk5FRVVZlZMBjcsWPHN/cBfrOUnL96k578w+eBKyoqzp49e/To0Y6OjqtXrzr30unp6bt3716xYsXIyIjH44nFYtnZ2aFQyOv1vn371uVymZnP56uqqioqKqqrq3OW8vl8IyMjlZWVd+/eLSsrCwaDK1eunJiYmL5OampqOBx2LrkZGRlv3rxxpk9MTExtzHx0M8vKylq9erWzHQqFnj59Om/ePDMbHh6urKy8fft2Zmbm9/YB/q6knwf+qQf6f8jv9/f393/48GHRokV+v7+5uXn+/PknT540s0Qi8fWpuN1T/cRisSdPnpjZVMBmtmTJEpfLNTo6ambp6enO4PR1FixYMPUeWEpKyjdPbOajm9mnT59u3ryZmpoaj8fv3bvnlBmJRHbt2nXx4sXMzMzv7QP8TnP7MZLf729ra8vLyzOznJyc58+fh0KhVatWmdnWrVud96KDweCWLVu+mujxeO7fv//ixYuWlpYvxysqKpqamkpLS6dGpq/zZYfTxePxeDw+89HNbNOmTc7fzzdu3Dh16pSZJRKJPXv2NDY2bty48Xv7AL/Z3N5CRyKRxYsXt7e3O58Abd++PSMjo7293cxevnxZV1f3/v37hQsXtra2Ll++fOou1/5/ozs2NlZUVHTlypUNGzY4I4ODg4WFhYODg3l5ec7IbNb5cmPbtm0pKSkXLlyYYZaZjY6O1tfXR6NRt9vd0tKSnZ196dKlhoaGdevWmZnX671+/fr0fZL+SeIPl/Qt9NwGDGA2+E4s4E9EwIAwAgaEETAgjIABYQQMCCNgQBgBA8IIGBBGwIAwAgaEETAgjIABYQQMCCNgQBgBA8IIGBBGwIAwAgaEETAg7Ke+1A7AP4srMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFhBAwII2BAGAEDwggYEEbAgDACBoQRMCCMgAFh/wW8jzWB9zGSlwAAAABJRU5ErkJggg==";

async function call(base, page, method, path, body) {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem("wm.session")).access);
  const headers = { Authorization: `Bearer ${token}` };
  let payload = body;
  if (body && !(body instanceof FormData)) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const r = await fetch(`${base}/function${path}`, { method, headers, body: payload });
  const out = r.status === 204 ? null : await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(out)}`);
  return out;
}

export async function run({ base, admin, employee, nav, step, shoot, waitFor }) {
  const me = await call(base, employee, "GET", "/auth/me");
  const proposed = await call(base, admin, "POST", `/team/users/${me.user.id}/agreements`,
    { screenshots: true, activity: true, gps: false });
  await call(base, employee, "POST", `/team/agreements/${proposed.agreement.id}/accept`, {});
  const form = new FormData();
  form.append("file", new Blob([Buffer.from(PNG_BASE64, "base64")], { type: "image/png" }), "screen.png");
  form.append("taken_at", new Date().toISOString());
  form.append("device_id", "e2e-laptop");
  form.append("monitor", "0");
  form.append("activity_percent", "72");
  const shot = await call(base, employee, "POST", "/media/screenshots", form);
  step("employee consented and uploaded a screenshot through the API");
  await nav(admin, "/screenshots");
  await admin.reload();
  await admin.selectOption('select[name="employee"]', { label: "Eve Employee" });
  await waitFor(async () => {
    const img = await admin.$('[data-testid="gallery"] img');
    if (!img) { await admin.click("button:has-text('Refresh')"); return false; }
    return admin.evaluate((el) => el.complete && el.naturalWidth > 0, img);
  }, "the screenshot thumbnail to load in the gallery", 20000);
  step(`screenshot ${shot.screenshot.id} shows in the gallery`);
  await shoot(admin, "screenshots");
}
