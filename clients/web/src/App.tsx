// The shell: sign-in gate, role-aware navigation, the always-visible timer, and the page switch.
import { useEffect, useState } from "react";
import { AcceptInvite, Forgot, Login, Reset, Signup } from "./pages/AuthPages";
import { PAGES, type PageDef } from "./pages";
import { useRoute } from "./router";
import { isAdmin, isManager, useSession, type Me } from "./session";
import { connectSocket, disconnectSocket } from "./socket";
import { OAuthCallback } from "./pages/Integrations";
import { Timer } from "./pages/Timer";
import { Loading } from "./ui";
import { NotificationBell } from "./NotificationBell";

function allowed(page: PageDef, me: Me): boolean {
  if (page.role === "manager") return isManager(me);
  if (page.role === "admin") return isAdmin(me);
  return true;
}

function ThemeToggle() {
  const [theme, setTheme] = useState(() => localStorage.getItem("wm.theme") ?? "auto");
  useEffect(() => {
    if (theme === "auto") document.documentElement.removeAttribute("data-theme");
    else document.documentElement.setAttribute("data-theme", theme);
    localStorage.setItem("wm.theme", theme);
  }, [theme]);
  return (
    <select aria-label="Theme" value={theme} onChange={(e) => setTheme(e.target.value)}>
      <option value="auto">Auto theme</option><option value="light">Light</option><option value="dark">Dark</option>
    </select>
  );
}

export function App() {
  const route = useRoute();
  const { me, loading, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    if (!me) return;
    void connectSocket();
    return () => disconnectSocket();
  }, [me]);
  useEffect(() => setMenuOpen(false), [route.path]);

  const path = window.location.pathname;
  if (path.startsWith("/accept-invite") || route.path === "/accept-invite") return <AcceptInvite route={route} />;
  if (path.startsWith("/reset-password") || route.path === "/reset-password") return <Reset route={route} />;
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
            <a key={p.path} href={`#${p.path}`} aria-current={p === page ? "page" : undefined}>{p.title}</a>
          ))}
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <button className="secondary menu-toggle" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>Menu</button>
          <Timer />
          <span className="spacer" />
          <NotificationBell />
          <span className="muted me-name" title={me.user.timezone}>{me.user.name}</span>
          <ThemeToggle />
          <button className="secondary" onClick={() => void signOut()}>Sign out</button>
        </header>
        {me.agreement?.status === "proposed" && page.path !== "/settings" && (
          <div className="notice" role="status">
            Your company asks for your consent to monitoring. Nothing is captured until you accept: <a href="#/settings">review it in Settings</a>.
          </div>
        )}
        <h2>{page.title}</h2>
        <Page route={route} />
      </div>
    </div>
  );
}
