// Downloads served by this platform: the desktop agent (a source archive pipx installs) with the commands to
// sign it in and start it, and the browser extension (coming: until then, what it will do and why).
import { Loading, useAsync } from "../ui";

interface AgentFile { file: string; version: string; size: number; sha256: string }

/** The agent archive's description, written next to it by the web build (scripts/pack-agent.mjs). */
async function agentFile(): Promise<AgentFile | null> {
  const r = await fetch("/downloads/agent.json", { headers: { Accept: "application/json" } });
  return r.ok ? ((await r.json()) as AgentFile) : null;
}

export function Downloads() {
  const agent = useAsync(agentFile, []);
  const server = window.location.origin;
  const url = agent.data ? `${server}/downloads/${agent.data.file}` : "";
  return (
    <>
      <section className="panel" aria-label="Desktop agent" id="agent">
        <h3>Desktop agent (Windows, macOS, Linux)</h3>
        <p>Tracks time from your computer, and — only when you have accepted your company's monitoring agreement — app
          activity and screenshots. It keeps working offline and sends everything once it is back online.</p>
        {agent.loading ? <Loading /> : agent.data ? (
          <>
            <p>
              <a className="button" href={`/downloads/${agent.data.file}`} download data-testid="agent-download"
                onClick={() => localStorage.setItem("wm.agent-downloaded", "1")}>
                Download workmonitor-agent {agent.data.version}</a>{" "}
              <span className="muted">({Math.round(agent.data.size / 1024)} KB, Python 3.10+)</span>
            </p>
            <p className="muted" style={{ overflowWrap: "anywhere", fontSize: 13 }}>SHA-256 {agent.data.sha256}</p>
            <h4>Install and sign in</h4>
            <ol className="steps">
              <li>Install <a href="https://pipx.pypa.io/" rel="noreferrer" target="_blank">pipx</a> (or use pip in a virtual environment), then:
                <pre className="code">{`pipx install ${url}`}</pre></li>
              <li>Sign in with your WorkMonitor account:
                <pre className="code">{`workmonitor-agent login --server ${server}`}</pre></li>
              <li>Start tracking (the timer starts here too), and stop when you are done:
                <pre className="code">{"workmonitor-agent start\nworkmonitor-agent status\nworkmonitor-agent stop"}</pre></li>
            </ol>
            <p className="muted">Optional extras — the tray icon, the system keyring and Wayland support:</p>
            <pre className="code">{`pipx install "workmonitor-agent[all] @ ${url}"`}</pre>
          </>
        ) : (
          <p className="empty" data-testid="agent-missing">The agent download is not built on this server. An administrator builds it with
            <code> make run </code> (or <code>npm run build</code> in clients/web); meanwhile install it from the source: <code>pipx install ./clients/desktop</code>.</p>
        )}
      </section>
      <section className="panel" aria-label="Browser extension" id="extension">
        <h3>Browser extension (Chrome, Edge, Firefox)</h3>
        <p>Website usage in Reports comes from the browser extension: the desktop agent sees which browser is in
          front, the extension tells which site.</p>
        <p className="empty" data-testid="extension-coming">Coming with the extension: its download will appear here. Until then
          the Websites panel stays empty for people who track with the desktop agent only.</p>
      </section>
    </>
  );
}
