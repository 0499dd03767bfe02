// The shell: sign-in gate, role-aware navigation, the always-visible timer, and the page switch.
import { useEffect, useState } from "react";
import { AcceptInvite, Forgot, Login, Reset, Signup, SsoCallback } from "./pages/AuthPages";
import { PAGES, type PageDef } from "./pages";
import { useRoute } from "./router";
import { isAdmin, isManager, useSession, type Me } from "./session";
import { connectSocket, disconnectSocket } from "./socket";
import { OAuthCallback } from "./pages/Integrations";
import { Timer } from "./pages/Timer";
import { Loading } from "./ui";
import { NotificationBell } from "./NotificationBell";
import { useUnread } from "./badges";
import { Onboarding } from "./pages/Onboarding";
import { get } from "./api";
import type { Entitlement } from "./models";
import { BillingBanner } from "./pages/Billing";
import { SharedReport } from "./pages/SharedReport";

function allowed(page: PageDef, me: Me): boolean {
  if (page.role === "manager") return isManager(me);
  if (page.role === "admin") return isAdmin(me);
  return true;
}

function useTheme(): [string, (t: string) => void] {
  const [theme, setTheme] = useState(() => localStorage.getItem("wm.theme") ?? "auto");
  useEffect(() => {
    if (theme === "auto") document.documentElement.removeAttribute("data-theme");
    else document.documentElement.setAttribute("data-theme", theme);
    localStorage.setItem("wm.theme", theme);
  }, [theme]);
  return [theme, setTheme];
}

/** The theme picker; the top bar has one, and the phone menu its own (labelled apart, sharing the state). */
function ThemeToggle({ theme, setTheme, label = "Theme" }: { theme: string; setTheme: (t: string) => void; label?: string }) {
  return (
    <select aria-label={label} value={theme} onChange={(e) => setTheme(e.target.value)}>
      <option value="auto">Auto theme</option><option value="light">Light</option><option value="dark">Dark</option>
    </select>
  );
}

/** The unread count shown next to a navigation link (chat messages, notifications). */
function navBadge(path: string, unread: ReturnType<typeof useUnread>): number {
  if (!unread) return 0;
  if (path === "/chat") return unread.chat_total;
  if (path === "/notifications") return unread.notifications;
  return 0;
}

export function App() {
  const route = useRoute();
  const { me, loading, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const unread = useUnread(me?.user.id ?? null);
  const [entitlement, setEntitlement] = useState<Entitlement | null>(null);
  const [theme, setTheme] = useTheme();

  useEffect(() => {
    if (!me) return;
    void connectSocket();
    return () => disconnectSocket();
  }, [me]);
  useEffect(() => setMenuOpen(false), [route.path]);
  // Management sees the billing state (past due, read-only); employees' work is never paused by it.
  useEffect(() => {
    if (!me || !isManager(me)) return;
    get<Entitlement>("/billing/entitlement").then(setEntitlement, () => setEntitlement(null));
  }, [me, route.path]);

  const path = window.location.pathname;
  if (path.startsWith("/accept-invite") || route.path === "/accept-invite") return <AcceptInvite route={route} />;
  if (path.startsWith("/reset-password") || route.path === "/reset-password") return <Reset route={route} />;
  if (route.path.startsWith("/shared/")) return <SharedReport route={route} />; // a client's link: no sign-in
  if (path.startsWith("/sso/callback")) return <SsoCallback />;
  if (loading) return <main className="auth"><Loading /></main>;
  if (!me) {
    if (route.path === "/signup") return <Signup />;
    if (route.path === "/forgot") return <Forgot />;
    return <Login />;
  }
  if (path.startsWith("/integrations/callback")) return <main className="auth"><OAuthCallback /></main>;

  const visible = PAGES.filter((p) => allowed(p, me));
  const page = visible.find((p) => p.path === route.path) ?? visible[0];
  const Page = page.component;
  return (
    <div className="app">
      <aside className={`side${menuOpen ? " open" : ""}`}>
        <h1>WorkMonitor</h1>
        <div className="company">{me.user.name}<br />{me.company.name} · {me.user.role}</div>
        <nav aria-label="Main">
          {visible.map((p) => (
            <a key={p.path} href={`#${p.path}`} aria-current={p === page ? "page" : undefined}>
              {p.title}
              {navBadge(p.path, unread) > 0 && (
                <span className="count-badge" data-testid={`nav-unread-${p.path.slice(1)}`}
                  aria-label={`${navBadge(p.path, unread)} unread`}>{navBadge(p.path, unread) > 99 ? "99+" : navBadge(p.path, unread)}</span>
              )}
            </a>
          ))}
        </nav>
        {/* On a phone the top bar keeps only the menu, the timer and the bell: the rest lives in this menu. */}
        <div className="side-extra">
          <ThemeToggle theme={theme} setTheme={setTheme} label="Theme (menu)" />
          <button className="secondary" onClick={() => void signOut()}>Sign out</button>
        </div>
      </aside>
      <div className="main">
        <header className="topbar">
          <button className="secondary menu-toggle" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>Menu</button>
          <Timer />
          <span className="spacer" />
          <NotificationBell />
          <span className="muted me-name" title={me.user.timezone}>{me.user.name}</span>
          <span className="desk-only"><ThemeToggle theme={theme} setTheme={setTheme} /></span>
          <button className="secondary desk-only" onClick={() => void signOut()}>Sign out</button>
        </header>
        {/* Errors of the top bar's timer render here, below the bar, never inside it. */}
        <div id="topbar-errors" />
        {me.agreement?.status === "proposed" && page.path !== "/settings" && (
          <div className="notice" role="status">
            Your company asks for your consent to monitoring. Nothing is captured until you accept: <a href="#/settings">review it in Settings</a>.
          </div>
        )}
        {entitlement && page.path !== "/billing" && (
          <BillingBanner access={entitlement.access} reason={entitlement.reason} admin={isAdmin(me)} />
        )}
        <h2>{page.title}</h2>
        {page.path === "/" && isAdmin(me) && <Onboarding />}
        <Page route={route} />
      </div>
    </div>
  );
}
