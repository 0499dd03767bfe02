"""The `workmonitor` command: login, timer start/stop/status, entries list/add, export, import.

Exit codes: 0 done, 2 bad usage (argparse), 3 not signed in or refused (401/403), 4 another 4xx, 5 server/network.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import socket
import sys
from pathlib import Path

from .client import ApiError, Client

EXIT_AUTH, EXIT_REFUSED, EXIT_FAILED = 3, 4, 5


def config_path() -> Path:
    """Return where the URL and token are kept (WORKMONITOR_CONFIG overrides)."""
    default = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "workmonitor" / "config.json"
    return Path(os.environ.get("WORKMONITOR_CONFIG", default))


def load_config() -> dict:
    """Return the stored config with WORKMONITOR_URL / WORKMONITOR_TOKEN applied over it."""
    try:
        stored = json.loads(config_path().read_text())
    except (FileNotFoundError, ValueError):
        stored = {}
    for key, env in (("url", "WORKMONITOR_URL"), ("token", "WORKMONITOR_TOKEN")):
        if os.environ.get(env):
            stored[key] = os.environ[env]
    return stored


def save_config(data: dict) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(json.dumps(data, indent=2))


def client() -> Client:
    cfg = load_config()
    if not cfg.get("url") or not cfg.get("token"):
        raise ApiError(401, "not_signed_in", "Not signed in: run `workmonitor login` first.")
    return Client(cfg["url"], cfg["token"])


def bar(percent: int) -> None:
    """Draw a progress bar on stderr (a terminal only)."""
    if sys.stderr.isatty():
        filled = percent * 30 // 100
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {percent:3d}%")
        if percent >= 100:
            sys.stderr.write("\n")
        sys.stderr.flush()


def table(rows: list[dict], columns: list[str]) -> None:
    """Print rows as an aligned table."""
    cells = [columns] + [["" if r.get(c) is None else str(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def hours(seconds: int) -> str:
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}"


# --- commands -----------------------------------------------------------------------------------------------------


def cmd_login(args) -> int:
    url = args.url or load_config().get("url")
    if not url:
        print("Give --url (the WorkMonitor address).", file=sys.stderr)
        return 2
    token = args.token
    if not token:
        email = args.email or input("Email: ")
        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Password: ")
        access = Client(url).login(email, password, lambda: input("Code from the email: ").strip())
        token = Client(url, access).create_token(f"workmonitor CLI on {socket.gethostname()}"[:100], ["read", "write"])
    me = Client(url, token).call("GET", "/time/timer")  # checks the token works
    save_config({"url": url, "token": token})
    print(f"Signed in to {url}; token stored in {config_path()}" + ("" if me is not None else ""))
    return 0


def cmd_timer(args) -> int:
    wm = client()
    if args.action == "start":
        entry = wm.timer_start(args.description, args.project_id)
        print(f"Started at {entry['started_at']}: {entry.get('description') or '(no description)'}")
    elif args.action == "stop":
        entry = wm.timer_stop()
        print("No timer was running." if entry is None else f"Stopped after {hours(entry['duration_seconds'])}")
    else:
        entry = wm.timer_status()
        print(
            "No timer running."
            if entry is None
            else f"Running for {hours(entry['duration_seconds'])}: {entry.get('description') or '(no description)'}"
        )
    return 0


def cmd_entries(args) -> int:
    wm = client()
    if args.action == "add":
        entry = wm.add_entry(args.start, args.end, args.description, args.project_id)
        print(f"Added {entry['id']} ({hours(entry['duration_seconds'])})")
        return 0
    page = wm.entries(args.first, args.last, args.limit)
    rows = [
        {
            "started": e["started_at"][:16].replace("T", " "),
            "hours": hours(e["duration_seconds"]),
            "project": e.get("project_name"),
            "description": e.get("description"),
        }
        for e in page["items"]
    ]
    if args.json:
        print(json.dumps(page["items"], indent=2))
    else:
        table(rows, ["started", "hours", "project", "description"])
        print(f"total {hours(page['totals']['seconds'])} in {page['totals']['count']} entries")
    return 0


def cmd_export(args) -> int:
    spec = {"from": args.first, "to": args.last, "group_by": args.group_by.split(","), "background": args.background}
    data = client().export(spec, args.format, bar)
    Path(args.output).write_bytes(data)
    print(f"Wrote {args.output} ({len(data)} bytes)")
    return 0


def cmd_import(args) -> int:
    wm = client()
    text = Path(args.file).read_text(encoding="utf-8-sig")
    pre = wm.import_preview(args.format, text)
    print(f"{pre['total']} rows; columns: " + ", ".join(f"{k}={v}" for k, v in pre["mapping"].items()))
    table([{"person": p["source"], "matched": p["name"] or "NOT FOUND"} for p in pre["people"]], ["person", "matched"])
    for problem in pre["problems"]:
        print(f"line {problem['line']}: {problem['message']}", file=sys.stderr)
    if not args.yes and input("Import? [y/N] ").strip().lower() != "y":
        print("Nothing imported.")
        return 0
    done = wm.import_csv(args.format, text, Path(args.file).name, bar)
    print(f"created {done['created']}, already there {done['duplicates']}, skipped {done['skipped']}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="workmonitor", description="WorkMonitor from the command line")
    sub = p.add_subparsers(dest="command", required=True)
    login = sub.add_parser("login", help="sign in and store a personal API token")
    login.add_argument("--url")
    login.add_argument("--email")
    login.add_argument("--token", help="store this personal API token instead of signing in")
    login.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    login.set_defaults(run=cmd_login)
    timer = sub.add_parser("timer", help="start, stop or show the timer")
    timer.add_argument("action", choices=["start", "stop", "status"])
    timer.add_argument("--description")
    timer.add_argument("--project-id")
    timer.set_defaults(run=cmd_timer)
    entries = sub.add_parser("entries", help="list or add time entries")
    entries.add_argument("action", choices=["list", "add"])
    entries.add_argument("--from", dest="first")
    entries.add_argument("--to", dest="last")
    entries.add_argument("--limit", type=int, default=50)
    entries.add_argument("--json", action="store_true")
    entries.add_argument("--start")
    entries.add_argument("--end")
    entries.add_argument("--description")
    entries.add_argument("--project-id")
    entries.set_defaults(run=cmd_entries)
    export = sub.add_parser("export", help="export a report (csv, xlsx, pdf)")
    export.add_argument("--from", dest="first", required=True)
    export.add_argument("--to", dest="last", required=True)
    export.add_argument("--format", choices=["csv", "xlsx", "pdf"], default="csv")
    export.add_argument("--group-by", default="project")
    export.add_argument("--background", action="store_true", help="run as a job even when small")
    export.add_argument("-o", "--output", required=True)
    export.set_defaults(run=cmd_export)
    imp = sub.add_parser("import", help="import a Toggl, Clockify, Kimai or Harvest CSV export")
    imp.add_argument("file")
    imp.add_argument("--format", choices=["toggl", "clockify", "kimai", "harvest"], required=True)
    imp.add_argument("-y", "--yes", action="store_true", help="import without asking")
    imp.set_defaults(run=cmd_import)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "entries" and args.action == "add" and not (args.start and args.end):
        print("entries add needs --start and --end.", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except ApiError as exc:
        print(f"workmonitor: {exc.message} ({exc.code})", file=sys.stderr)
        if exc.status in (401, 403):
            return EXIT_AUTH
        return EXIT_REFUSED if 400 <= exc.status < 500 else EXIT_FAILED
    except OSError as exc:
        print(f"workmonitor: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
