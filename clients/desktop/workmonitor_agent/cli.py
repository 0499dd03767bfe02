"""`workmonitor-agent` commands: login, logout, start, stop, pause, resume, status, run (foreground), tray."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import subprocess
import sys
import time

from . import capture as capmod
from .api import ApiError, Client, LoggedOut, Offline, explain
from .config import TokenStore, Tuning, data_dir, load_config, save_config

log = logging.getLogger("workmonitor_agent")


class Fail(Exception):
    """A message for the user; exit code 1."""


def _store():
    from .store import Store

    return Store(data_dir() / "queue.sqlite3")


def _session(cfg: dict | None = None):
    cfg = cfg or load_config()
    if not cfg.get("server") or not cfg.get("email"):
        raise Fail("Not logged in: run `workmonitor-agent login` first.")
    store = _store()
    return cfg, store, Client(cfg["server"], TokenStore(f"{cfg['email']}@{cfg['server']}"), store)


def cmd_login(args) -> None:
    """Sign in and keep the refresh token (keyring, else a 0600 file)."""
    cfg = load_config()
    server = args.server or cfg.get("server") or input("Server URL (e.g. https://tracker.example.com): ").strip()
    email = (args.email or cfg.get("email") or input("Email: ")).strip().lower()
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Password: ")
    cfg = {**cfg, "server": server.rstrip("/"), "email": email}
    if args.socket_url:
        cfg["socket_url"] = args.socket_url
    _, store, client = _session(cfg)
    try:
        answer = client.login(email, password)
        if answer.get("otp_required"):
            code = args.otp or input("We emailed you a sign-in code. Code: ").strip()
            answer = client.verify_otp(answer["challenge"], code)
    except ApiError as exc:
        raise Fail(f"Login failed: {exc.message}") from exc
    except Offline as exc:
        raise Fail(f"Cannot reach {server}: {exc}") from exc
    _check_owner(store, answer["user"], args.discard_queue)
    client.remember(answer)
    save_config(cfg)
    print(f"Logged in as {answer['user'].get('name') or email}. Refresh token stored in {client.tokens.backend}.")


def _check_owner(store, user: dict, discard: bool) -> None:
    """Refuse to send one account's queued data as another's; --discard-queue deletes it instead."""
    owner, counts = store.get("owner"), store.counts()
    waiting = counts["pending_samples"] + counts["pending_screenshots"] + len(store.get("held_samples") or [])
    if owner and owner["id"] != str(user["id"]) and waiting:
        if not discard:
            raise Fail(
                f"{waiting} samples/screenshots of {owner['email']} are still waiting to be sent. Log in as"
                " that account to send them, or pass --discard-queue to delete them."
            )
        with store.tx():
            store.ack_samples([s["seq"] for s in store.pending_samples(10**9)])
            for shot in store.pending_shots(10**9):
                store.drop_shot(shot["id"])
            store.put("held_samples", [])
        log.warning("login as another account: deleted %d unsent items of %s", waiting, owner["email"])
    store.put("owner", {"id": str(user["id"]), "email": user.get("email")})
    store.put("policy", None)  # the previous account's consent never applies to this one


def cmd_logout(args) -> None:
    """Revoke the session and forget the tokens (queued data stays until the next login)."""
    _, store, client = _session()
    _request_stop(store, wait=10)
    client.logout()
    print("Logged out.")


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.windll.kernel32
        kernel32.OpenProcess.restype = wintypes.HANDLE
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = wintypes.DWORD()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed daemon nobody reaped yet (containers without an init) is a zombie, not a daemon
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return True


def daemon_pid(store) -> int | None:
    """Return the running capture daemon's pid, or None."""
    info = store.get("daemon") or {}
    return info.get("pid") if _alive(info.get("pid")) else None


def _spawn_daemon(store) -> int:
    cmd = (
        [sys.executable, "run"] if getattr(sys, "frozen", False) else [sys.executable, "-m", "workmonitor_agent", "run"]
    )
    logfile = open(data_dir() / "agent.out", "ab")  # noqa: SIM115  (the child keeps it)
    kw = {"creationflags": 0x00000008 | 0x00000200} if sys.platform == "win32" else {"start_new_session": True}
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=logfile, stderr=subprocess.STDOUT, **kw)
    for _ in range(50):
        if daemon_pid(store) == proc.pid:
            break
        time.sleep(0.1)
    return proc.pid


def _request_stop(store, wait: float) -> bool:
    pid = daemon_pid(store)
    if pid is None:
        return False
    store.put("stop_requested", True)
    deadline = time.time() + wait
    while time.time() < deadline and _alive(pid):
        time.sleep(0.2)
    return True


def cmd_start(args) -> None:
    """Start the timer on the server and the capture daemon."""
    _, store, client = _session()
    try:
        project = client.resolve_project(args.project) if args.project else None
        entry = client.start_timer(project, args.description)
    except ValueError as exc:
        raise Fail(str(exc)) from exc
    except (Offline, LoggedOut, ApiError) as exc:
        raise Fail(f"Could not start the timer: {explain(exc)}") from exc
    store.put("paused", False)
    store.put("pending_stop", False)
    print(f"Timer started at {entry['started_at']}.")
    if args.foreground:
        return _run(store)
    pid = daemon_pid(store) or _spawn_daemon(store)
    print(f"Capture daemon running (pid {pid}); `workmonitor-agent status` shows what is captured.")


def cmd_stop(args) -> None:
    """Stop the timer on the server and the capture daemon."""
    _, store, client = _session()
    try:
        entry = client.stop_timer()
        print("Timer stopped." if entry else "No timer was running.")
    except (Offline, LoggedOut, ApiError) as exc:
        store.put("pending_stop", True)
        print(f"Could not stop the timer now ({explain(exc)}); it will be stopped when the server is back.")
    print("Capture daemon stopped." if _request_stop(store, wait=20) else "Capture daemon was not running.")


def cmd_pause(args) -> None:
    """Pause capture at once (and stop the server timer); one command, or one click in the tray."""
    _, store, client = _session()
    store.put("paused", True)
    try:
        client.stop_timer()
    except (Offline, LoggedOut, ApiError):
        store.put("pending_stop", True)
    print("Paused: nothing is captured until `workmonitor-agent resume`.")


def cmd_resume(args) -> None:
    """Resume capture and restart the timer."""
    _, store, client = _session()
    try:
        client.start_timer()
    except (Offline, LoggedOut, ApiError) as exc:
        raise Fail(f"Could not restart the timer: {explain(exc)}") from exc
    store.put("paused", False)
    store.put("pending_stop", False)
    if not daemon_pid(store):
        _spawn_daemon(store)
    print("Resumed.")


def cmd_idle(args) -> None:
    """Answer the welcome-back question: keep the last idle stretch (default) or cut it out of the timesheet."""
    _, store, client = _session()
    question = store.get("idle_return")
    if not question:
        print("No idle time is waiting for an answer.")
        return
    if not args.discard:
        store.put("idle_return", None)
        print(f"Kept: {question['minutes']:g} idle minutes stay on your timesheet (marked idle).")
        return
    try:  # end the running entry where the idle stretch began, then resume it from now
        timer = client.timer()
        if not timer or str(timer["id"]) != str(question["entry_id"]):
            raise Fail("The timer changed since then; edit the entry in the web app instead.")
        client.call("PATCH", f"/time/entries/{timer['id']}", json={"ended_at": question["from"]})
        client.call("POST", "/time/timer/resume", json={"source": "desktop"})
    except (Offline, LoggedOut, ApiError) as exc:
        raise Fail(f"Could not change the timesheet: {explain(exc)}") from exc
    store.put("idle_return", None)
    print(f"Discarded: the entry now ends at {question['from']} and the timer runs again from now.")


def status_report(cfg: dict, store, client: Client | None) -> dict:
    """Return everything `status` shows: daemon, server timer, consent, capture limits, queue."""
    caps = (store.get("daemon") or {}).get("limits") if daemon_pid(store) else None
    if caps is None:
        cap = capmod.detect(count_input=False)
        caps, cap_name = cap.limits, cap.name
        cap.close()
    else:
        cap_name = store.get("daemon")["capture"]
    out = {
        "server": cfg.get("server"),
        "email": cfg.get("email"),
        "daemon_pid": daemon_pid(store),
        "paused": bool(store.get("paused")),
        "capture": cap_name,
        "limits": caps,
        "queue": store.counts(),
        "idle_return": store.get("idle_return"),
        "state": (store.get("state_lines") or []) if daemon_pid(store) else [],
        "last_error": store.get("last_error"),
        "device_id": store.device_id,
        "push": store.get("push") if daemon_pid(store) else None,
        "token_store": client.tokens.backend if client else None,
    }
    try:
        me = client.me()
        out.update(timer=client.timer(), agreement=me.get("agreement"), online=True)
    except (Offline, ApiError, LoggedOut) as exc:
        out.update(online=False, server_error=explain(exc), agreement=(store.get("policy") or {}).get("agreement"))
    return out


def _print_status(rep: dict) -> None:
    print(f"server:   {rep['server']} as {rep['email']} ({'online' if rep['online'] else 'OFFLINE'})")
    daemon = f"running, pid {rep['daemon_pid']}" if rep["daemon_pid"] else "not running"
    print(f"daemon:   {daemon}{' — PAUSED' if rep['paused'] else ''}; capture backend: {rep['capture']}")
    if rep["online"]:
        t = rep["timer"]
        print(f"timer:    {'running since ' + t['started_at'] if t else 'stopped'} (server)")
        a = rep["agreement"] or {}
        print(
            f"consent:  agreement {a.get('status', 'none')}; activity {'yes' if a.get('activity') else 'no'},"
            f" screenshots {'yes' if a.get('screenshots') else 'no'}"
        )
    else:
        print(f"timer:    unknown — {rep['server_error']}")
    push = rep["push"]
    sync = f"push from {push['url']} ({'connected' if push['connected'] else 'connecting'})" if push else "polling"
    print(f"timer sync: {sync}")
    for line in rep["state"]:
        print(f"now:      {line}")
    limits = rep["limits"] or {}
    print(f"window titles: {limits.get('window titles', 'ok') if 'everything' not in limits else limits['everything']}")
    for what, why in limits.items():
        if what != "window titles":
            print(f"{what}: {why}")
    if rep["idle_return"]:
        print(
            f"idle:     {rep['idle_return']['minutes']:g} min idle since {rep['idle_return']['from']} —"
            " keep (workmonitor-agent idle) or discard (workmonitor-agent idle --discard)?"
        )
    q = rep["queue"]
    print(
        f"queue:    {q['pending_samples']} samples, {q['pending_screenshots']} screenshots waiting"
        f" ({q['screenshot_bytes'] / 1e6:.1f} MB); sent {q['samples_sent']} samples, {q['shots_sent']} screenshots;"
        f" dropped {q['samples_dropped']} samples, {q['shots_dropped']} screenshots"
    )
    err = rep["last_error"]
    if err:
        when = time.strftime("%H:%M:%S", time.localtime(err["at"]))
        retry = f"; retrying every {err['retry_in']:g} s or sooner" if err.get("retry_in") else ""
        print(f"last error: {err['error']} (at {when}{retry})")


def cmd_status(args) -> None:
    """Print the agent's state (or JSON with --json)."""
    cfg, store, client = _session()
    rep = status_report(cfg, store, client)
    print(json.dumps(rep, indent=2, default=str)) if args.json else _print_status(rep)


def _run(store) -> None:
    from .daemon import Agent

    cfg = load_config()
    if daemon_pid(store) not in (None, os.getpid()):
        raise Fail(f"The capture daemon already runs (pid {daemon_pid(store)}).")
    Agent(
        store,
        cfg["server"],
        TokenStore(f"{cfg['email']}@{cfg['server']}"),
        Tuning.from_env(),
        push_url=cfg.get("socket_url"),
    ).run()


def cmd_run(args) -> None:
    """Run the capture loop in the foreground (what `start` launches in the background)."""
    _, store, _ = _session()
    _run(store)


def cmd_tray(args) -> None:
    """Run with a tray icon (needs pystray)."""
    from .tray import run_tray

    run_tray()


def setup_logging(verbose: bool) -> None:
    """Log to agent.log in the data directory (and stderr with -v)."""
    handlers: list[logging.Handler] = [logging.FileHandler(data_dir() / "agent.log", encoding="utf-8")]
    if verbose:
        handlers.append(logging.StreamHandler())
    logging.basicConfig(
        level=logging.INFO, handlers=handlers, format="%(asctime)s %(levelname)s %(threadName)s %(message)s"
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; return the exit code."""
    ap = argparse.ArgumentParser(prog="workmonitor-agent", description=__doc__)
    ap.add_argument("-v", "--verbose", action="store_true")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("login", help="sign in (server URL, email, password, OTP if enabled)")
    p.add_argument("--server")
    p.add_argument("--email")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.add_argument("--otp", help="the emailed sign-in code (asked for when needed)")
    p.add_argument("--socket-url", help="the WebSocket gateway, when not at the server's origin")
    p.add_argument("--discard-queue", action="store_true", help="delete another account's unsent data")
    p = sub.add_parser("start", help="start the timer and capture")
    p.add_argument("--project")
    p.add_argument("--description")
    p.add_argument("--foreground", action="store_true")
    sub.add_parser("status", help="what is captured, the server's timer, the queue").add_argument(
        "--json", action="store_true"
    )
    sub.add_parser("idle", help=cmd_idle.__doc__).add_argument("--discard", action="store_true")
    for name in ("stop", "pause", "resume", "logout", "run", "tray"):
        sub.add_parser(name, help=globals()[f"cmd_{name}"].__doc__)
    args = ap.parse_args(argv)
    setup_logging(args.verbose)
    try:
        globals()[f"cmd_{args.cmd}"](args)
    except Fail as exc:
        print(f"workmonitor-agent: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0
