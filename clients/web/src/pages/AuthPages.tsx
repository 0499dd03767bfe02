// Sign up, sign in (with the email code step), forgotten password, reset, and accepting an invitation.
import { useEffect, useState, type FormEvent } from "react";
import { get, post } from "../api";
import type { InvitationPreview, LoginOut, SignedIn, SignupOut } from "../models";
import type { SsoStart } from "../trust";
import { navigate, tokenFromUrl, type Route } from "../router";
import { useSession } from "../session";
import { ErrorBanner, Field, useAction } from "../ui";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

function AuthShell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="auth">
      <h1>WorkMonitor</h1>
      <p className="muted">{title}</p>
      <div className="panel">{children}</div>
    </main>
  );
}

export function Login() {
  const { signIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [challenge, setChallenge] = useState<string | null>(null);
  const [method, setMethod] = useState("email");
  const [sso, setSso] = useState(false);
  const [code, setCode] = useState("");
  const { busy, error, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (sso) {
        window.location.assign((await post<SsoStart>("/auth/sso/start", { email })).authorization_url);
        return;
      }
      if (challenge) {
        await signIn(await post<SignedIn>("/auth/otp/verify", { challenge, code }));
        navigate("/");
        return;
      }
      const out = await post<LoginOut>("/auth/login", { email, password });
      if ("challenge" in out) { setChallenge(out.challenge); setMethod(out.method ?? "email"); }
      else {
        await signIn(out);
        navigate("/");
      }
    });
  };

  return (
    <AuthShell title={!challenge ? (sso ? "Sign in with your company's single sign-on" : "Sign in")
      : method === "totp" ? "Enter the code from your authenticator app, or a recovery code" : "Enter the code we emailed you"}>
      <form onSubmit={submit}>
        {challenge ? (
          <Field label={method === "totp" ? "Authenticator or recovery code" : "Sign-in code"}><input name="code"
            inputMode={method === "totp" ? "text" : "numeric"} autoComplete="one-time-code" value={code}
            onChange={(e) => setCode(e.target.value)} required /></Field>
        ) : (
          <>
            <Field label="Email"><input name="email" type="email" autoComplete="username" value={email}
              onChange={(e) => setEmail(e.target.value)} required /></Field>
            {!sso && <Field label="Password"><input name="password" type="password" autoComplete="current-password" value={password}
              onChange={(e) => setPassword(e.target.value)} required /></Field>}
          </>
        )}
        <ErrorBanner error={error} />
        <button type="submit" disabled={busy}>{busy ? "Signing in…" : challenge ? "Verify" : sso ? "Continue" : "Sign in"}</button>
      </form>
      <p><a href="#/signup">Create a company</a> · <a href="#/forgot">Forgot password?</a> ·{" "}
        <a href="#/login" onClick={(e) => { e.preventDefault(); setSso(!sso); }}>{sso ? "Use a password" : "Single sign-on"}</a></p>
    </AuthShell>
  );
}

export function Signup() {
  const { signIn } = useSession();
  const [form, setForm] = useState({ company_name: "", name: "", email: "", password: "", timezone: browserZone() });
  const { busy, error, run } = useAction();
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await signIn(await post<SignupOut>("/auth/signup", form));
      navigate("/");
    });
  };
  return (
    <AuthShell title="Create your company">
      <form onSubmit={submit}>
        <Field label="Company name"><input name="company_name" value={form.company_name} onChange={set("company_name")} required /></Field>
        <Field label="Your name"><input name="name" value={form.name} onChange={set("name")} required /></Field>
        <Field label="Email"><input name="email" type="email" value={form.email} onChange={set("email")} required /></Field>
        <Field label="Password (10+ characters, not a common one)"><input name="password" type="password" minLength={10} value={form.password}
          onChange={set("password")} required /></Field>
        <Field label="Time zone"><input name="timezone" value={form.timezone} onChange={set("timezone")} required /></Field>
        <ErrorBanner error={error} />
        <button type="submit" disabled={busy}>Create company</button>
      </form>
      <p><a href="#/login">I already have an account</a></p>
    </AuthShell>
  );
}

export function Forgot() {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <AuthShell title="Reset your password">
      {sent ? <p>If an account exists for {email}, a reset link is on its way.</p> : (
        <form onSubmit={(e) => { e.preventDefault(); void run(async () => { await post("/auth/password/forgot", { email }); setSent(true); }); }}>
          <Field label="Email"><input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required /></Field>
          <ErrorBanner error={error} />
          <button type="submit" disabled={busy}>Send link</button>
        </form>
      )}
      <p><a href="#/login">Back to sign in</a></p>
    </AuthShell>
  );
}

export function Reset({ route }: { route: Route }) {
  const token = tokenFromUrl(route);
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <AuthShell title="Choose a new password">
      {done ? <p>Your password is changed. <a href="#/login">Sign in</a></p> : (
        <form onSubmit={(e) => { e.preventDefault(); void run(async () => { await post("/auth/password/reset", { token, password }); setDone(true); }); }}>
          <Field label="New password (10+ characters)"><input type="password" minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} required /></Field>
          <ErrorBanner error={error} />
          <button type="submit" disabled={busy || !token}>Save password</button>
        </form>
      )}
    </AuthShell>
  );
}

export function AcceptInvite({ route }: { route: Route }) {
  const { signIn } = useSession();
  const token = tokenFromUrl(route);
  const [invite, setInvite] = useState<InvitationPreview | null>(null);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const load = useAction();
  const { busy, error, run } = useAction();
  useEffect(() => {
    void load.run(async () => {
      const inv = await get<InvitationPreview>(`/auth/invitations/${encodeURIComponent(token)}`);
      setInvite(inv);
      setName(inv.name ?? "");
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await signIn(await post<SignedIn>("/auth/invitations/accept", { token, name, password, timezone: browserZone() }));
      window.location.replace("/#/");  // a fresh start on the app, signed in
      navigate("/");
    });
  };
  return (
    <AuthShell title={invite ? `Join as ${invite.role} (${invite.email})` : "Accept your invitation"}>
      <ErrorBanner error={load.error} />
      {invite && (
        <form onSubmit={submit}>
          <Field label="Your name"><input name="name" value={name} onChange={(e) => setName(e.target.value)} required /></Field>
          <Field label="Password (a new one: 10+ characters)"><input name="password" type="password" minLength={8} value={password}
            onChange={(e) => setPassword(e.target.value)} required /></Field>
          <ErrorBanner error={error} />
          <button type="submit" disabled={busy}>Join</button>
        </form>
      )}
    </AuthShell>
  );
}

/** The provider sends the browser back to /sso/callback?code=…&state=…: finish signing in there. */
export function SsoCallback() {
  const { signIn } = useSession();
  const { error, run } = useAction();
  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    void run(async () => {
      const problem = q.get("error_description") ?? q.get("error");
      if (problem) throw new Error(`The sign-in provider refused: ${problem}`);
      await signIn(await post<SignedIn>("/auth/sso/callback", { code: q.get("code") ?? "", state: q.get("state") ?? "" }));
      window.location.replace("/#/");  // a fresh start on the app, signed in
    });
  }, [run, signIn]);
  return (
    <AuthShell title="Signing you in…">
      <ErrorBanner error={error} />
      {Boolean(error) && <p><a href="/#/login">Back to sign in</a></p>}
    </AuthShell>
  );
}
