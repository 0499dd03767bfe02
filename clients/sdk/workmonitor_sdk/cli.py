"""The `workmonitor` command: login, timer, entries, export. Exit codes: 0 ok, 1 usage or validation error, 2 auth
error, 3 server or network error (see README.md)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .client import ApiError, AuthError, Client, Credentials, Entry, Export, NetworkError

OK, USAGE, AUTH, SERVER = 0, 1, 2, 3


class Usage(Exception):
    """A mistake on the command line (exit 1)."""


# --- stored credentials ---------------------------------------------------------------------------------------


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "workmonitor"


def credentials_path() -> Path:
    return config_dir() / "credentials.json"


def save(creds: Credentials) -> None:
    """Write the credentials to a file only the user can read (0600, in a 0700 directory), atomically."""
    path = credentials_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump(creds.to_dict(), out)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def load() -> Credentials:
    try:
        data = json.loads(credentials_path().read_text())
    except FileNotFoundError:
        raise AuthError(401, "not_logged_in", "Not logged in: run `workmonitor login`.") from None
    except ValueError:
        raise AuthError(
            401, "not_logged_in", "The stored credentials are unreadable: run `workmonitor login`."
        ) from None
    return Credentials.from_dict(data)


@contextlib.contextmanager
def refresh_lock() -> Iterator[None]:
    """Serialise token refreshes between `workmonitor` processes (an exclusive lock on a file next to the
    credentials; where fcntl is missing, on Windows, no lock)."""
    path = credentials_path().with_suffix(".lock")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            yield
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def client() -> Client:
    return Client(load(), on_tokens=save, shared=(refresh_lock, load))


# --- output ---------------------------------------------------------------------------------------------------


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def duration(seconds: int | None) -> str:
    seconds = int(seconds or 0)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def local(stamp: str | None) -> str:
    if not stamp:
        return ""
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")


def entry_row(e: Entry) -> list[str]:
    return [
        local(e.get("started_at")),
        local(e.get("ended_at")) or "running",
        duration(e.get("duration_seconds")),
        e.get("project_name") or "",
        (e.get("description") or "").replace("\n", " ")[:60],
    ]


ENTRY_HEADERS = ["Start", "End", "Duration", "Project", "Description"]


class ProgressBar:
    """A one-line progress bar on stderr (redrawn in place on a terminal, one line per step otherwise)."""

    def __init__(self, label: str, width: int = 30):
        self.label, self.width, self.last = label, width, -1
        self.tty = sys.stderr.isatty()

    def __call__(self, job: Export) -> None:
        pct = max(0, min(100, int(job.get("progress") or 0)))
        if pct == self.last:
            return
        self.last = pct
        done = self.width * pct // 100
        bar = f"{self.label} [{'#' * done}{'.' * (self.width - done)}] {pct:3d}% {job['status']}"
        sys.stderr.write(("\r" + bar) if self.tty else bar + "\n")
        if self.tty and pct == 100:
            sys.stderr.write("\n")
        sys.stderr.flush()


# --- parsing helpers ------------------------------------------------------------------------------------------


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def parse_time(text: str) -> dt.datetime:
    """An ISO date-time; without an offset it is the computer's local time."""
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date-time: {text!r}") from None
    return value if value.tzinfo else value.astimezone()


def project_id(api: Client, given: str | None) -> str | None:
    return api.find_project(given)["id"] if given else None


def named(api: Client, entry: Entry | None) -> Entry | None:
    """Add `project_name` to an entry that came without it (timer and create answers carry the id only)."""
    if entry and entry.get("project_id") and not entry.get("project_name"):
        with contextlib.suppress(ApiError):  # a project the caller no longer sees: the table shows no name
            entry["project_name"] = api.find_project(str(entry["project_id"]))["name"]
    return entry


# --- commands -------------------------------------------------------------------------------------------------


def cmd_login(args: argparse.Namespace) -> int:
    server = args.server.rstrip("/")
    if args.token:
        api = Client.with_api_token(server, args.token)
        try:
            api.timer()  # checks the token; a token without the time scope is still a valid token
        except AuthError as exc:
            if exc.status == 401:
                raise
        save(api.credentials)
        who = "personal API token"
    else:
        if not args.email:
            raise Usage("--email (or --token) is required")
        password = os.environ.get("WORKMONITOR_PASSWORD")
        if password is None:
            if not sys.stdin.isatty():
                password = sys.stdin.readline().rstrip("\n")
            else:
                password = getpass.getpass(f"Password for {args.email}: ")
        api = Client.login(server, args.email, password, on_tokens=save)
        who = args.email
    if args.json:
        emit_json({"server": server, "logged_in": True, "credentials": str(credentials_path())})
    else:
        print(f"Logged in to {server} as {who}; credentials in {credentials_path()}")
    return OK


def cmd_logout(args: argparse.Namespace) -> int:
    path = credentials_path()
    if path.exists():
        with contextlib.suppress(ApiError, NetworkError):  # the local credentials go anyway
            client().logout()
        path.unlink()
    if args.json:
        emit_json({"logged_in": False})
    else:
        print("Logged out")
    return OK


def cmd_timer(args: argparse.Namespace) -> int:
    api = client()
    if args.action == "start":
        entry: Entry | None = named(api, api.start_timer(project_id(api, args.project), args.description))
        message = "Timer started"
    elif args.action == "stop":
        stopped = api.stop_timer()
        entry = named(api, stopped)
        message = f"Timer stopped after {duration(stopped.get('duration_seconds'))}"
    else:
        entry = named(api, api.timer())
        message = f"Running for {duration(entry.get('duration_seconds'))}" if entry else "No timer is running"
    if args.json:
        emit_json({"running": bool(entry and not entry.get("ended_at")), "entry": entry})
        return OK
    print(message)
    if entry:
        print(table(ENTRY_HEADERS, [entry_row(entry)]))
    return OK


def cmd_entries(args: argparse.Namespace) -> int:
    api = client()
    if args.action == "add":
        if args.end <= args.start:
            raise Usage("--end must be after --start")
        entry, replayed = api.add_entry(
            args.start, args.end, project_id(api, args.project), args.description, args.idempotency_key
        )
        named(api, entry)
        if args.json:
            emit_json({"entry": entry, "replayed": replayed})
        else:
            print("Entry already recorded (same idempotency key)" if replayed else "Entry added")
            print(table(ENTRY_HEADERS, [entry_row(entry)]))
        return OK
    first = args.from_ or (dt.date.today() - dt.timedelta(days=6))
    last = args.to or dt.date.today()
    if last < first:
        raise Usage("--to is before --from")
    items = list(api.entries(first, last))
    if args.json:
        emit_json({"from": first.isoformat(), "to": last.isoformat(), "items": items})
        return OK
    total = sum(int(e.get("duration_seconds") or 0) for e in items)
    print(table(["ID", *ENTRY_HEADERS], [[e["id"][:8], *entry_row(e)] for e in items]))
    print(f"\n{len(items)} entries, {duration(total)} in total ({first} to {last})")
    return OK


def cmd_export(args: argparse.Namespace) -> int:
    if args.to < args.from_:
        raise Usage("--to is before --from")
    out = Path(args.output or f"time-report-{args.from_}-{args.to}.{args.format}")
    bar = None if args.json else ProgressBar(f"Exporting {args.format.upper()}")
    data = client().export(args.from_, args.to, args.format, background=args.background, progress=bar)
    out.write_bytes(data)
    if args.json:
        emit_json({"file": str(out), "bytes": len(data), "format": args.format})
    else:
        print(f"Wrote {out} ({len(data)} bytes)")
    return OK


def cmd_import(args: argparse.Namespace) -> int:
    api = client()
    text = Path(args.file).read_text(encoding="utf-8-sig")
    preview = api.import_preview(args.format, text)
    if not args.json:
        print(f"{preview['total']} rows; columns: " + ", ".join(f"{k}={v}" for k, v in preview["mapping"].items()))
        for person in preview["people"]:
            print(
                f"  {person.get('source') or person.get('name')}: {'matched' if person.get('user_id') else 'NOT FOUND'}"
            )
        for problem in preview["problems"]:
            print(f"  line {problem['line']}: {problem['message']}", file=sys.stderr)
    if args.dry_run:
        if args.json:
            emit_json(preview)
        return OK
    bar = None if args.json else ProgressBar("Importing")
    done = api.import_csv(args.format, text, Path(args.file).name, progress=bar)
    if done["status"] == "failed":
        raise ApiError(422, "import_failed", "; ".join(p["message"] for p in done.get("problems", [])) or "failed")
    if args.json:
        emit_json(done)
    else:
        print(f"created {done['created']}, already there {done['duplicates']}, skipped {done['skipped']}")
    return OK


# --- entry point ----------------------------------------------------------------------------------------------


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # usage errors exit 1, not argparse's 2 (2 means an auth error here)
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        sys.exit(USAGE)


def build_parser() -> Parser:
    common = Parser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON on stdout")
    parser = Parser(
        prog="workmonitor",
        description="WorkMonitor from the command line. "
        "Exit codes: 0 ok, 1 usage/validation, 2 auth, 3 server/network.",
        parents=[common],
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    p = sub.add_parser("login", parents=[common], help="sign in and store the credentials")
    p.add_argument("--server", required=True, help="e.g. https://workmonitor.example.com")
    p.add_argument("--email", help="password from WORKMONITOR_PASSWORD, stdin or a prompt")
    p.add_argument("--token", help="a personal API token instead of email and password")
    p.set_defaults(func=cmd_login)

    p = sub.add_parser("logout", parents=[common], help="end the session and forget the credentials")
    p.set_defaults(func=cmd_logout)

    p = sub.add_parser("timer", parents=[common], help="start, stop or show the timer")
    tsub = p.add_subparsers(dest="action", required=True, parser_class=Parser)
    start = tsub.add_parser("start", parents=[common])
    start.add_argument("--project", help="project name or id")
    start.add_argument("--description")
    tsub.add_parser("stop", parents=[common])
    tsub.add_parser("status", parents=[common])
    p.set_defaults(func=cmd_timer)

    p = sub.add_parser("entries", parents=[common], help="list or add time entries")
    esub = p.add_subparsers(dest="action", required=True, parser_class=Parser)
    lst = esub.add_parser("list", parents=[common], help="entries of local days FROM..TO (default: the last 7 days)")
    lst.add_argument("--from", dest="from_", type=parse_date, metavar="DATE")
    lst.add_argument("--to", type=parse_date, metavar="DATE")
    add = esub.add_parser("add", parents=[common], help="add a finished entry")
    add.add_argument(
        "--start", required=True, type=parse_time, metavar="ISO", help="ISO date-time (local time without an offset)"
    )
    add.add_argument("--end", required=True, type=parse_time, metavar="ISO")
    add.add_argument("--project", help="project name or id")
    add.add_argument("--description")
    add.add_argument("--idempotency-key", help="retrying with the same key never adds the entry twice")
    p.set_defaults(func=cmd_entries)

    p = sub.add_parser("export", parents=[common], help="export the time report as CSV, XLSX or PDF")
    p.add_argument("--from", dest="from_", required=True, type=parse_date, metavar="DATE")
    p.add_argument("--to", required=True, type=parse_date, metavar="DATE")
    p.add_argument("--format", choices=["csv", "xlsx", "pdf"], default="csv")
    p.add_argument("-o", "--output", help="file to write (default: time-report-FROM-TO.FORMAT)")
    p.add_argument("--background", action="store_true", help="run as a server job even when small")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", parents=[common], help="import a Toggl, Clockify, Kimai or Harvest CSV export")
    p.add_argument("file")
    p.add_argument("--format", required=True, choices=["toggl", "clockify", "kimai", "harvest"])
    p.add_argument("--dry-run", action="store_true", help="show the preview only")
    p.set_defaults(func=cmd_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.json = getattr(args, "json", False)
    try:
        return int(args.func(args))
    except Usage as exc:
        print(f"workmonitor: {exc}", file=sys.stderr)
        return USAGE
    except AuthError as exc:
        print(f"workmonitor: auth error: {exc}", file=sys.stderr)
        return AUTH
    except ApiError as exc:
        fields = "".join(f"\n  {k}: {v}" for k, v in exc.fields.items())
        print(f"workmonitor: {exc}{fields}", file=sys.stderr)
        return USAGE
    except NetworkError as exc:
        print(f"workmonitor: server error: {exc}", file=sys.stderr)
        return SERVER
    except OSError as exc:
        print(f"workmonitor: {exc}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        return 130
