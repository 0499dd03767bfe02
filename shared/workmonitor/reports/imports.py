"""Imports of time entries from Toggl Track, Clockify, Kimai and Harvest CSV exports (no Flask).

What must stay true:
- Each format's columns are found by their documented header names (any of a few spellings); a caller may override
  the mapping. Dates and times are read in the matched person's time zone.
- People are matched by email (Harvest exports have none: by full name); an unmatched row is skipped and reported.
- Re-importing creates nothing twice: a row's key is the SHA-256 of the format and its normalised fields, recorded
  in import_keys with the entry it made; a known key is a duplicate, not a new entry.
- Each row is written in a savepoint: a refused row (an overlap, a locked week) is reported, the rest go on.
- Clients, projects and tasks are created when missing (matched by name, case-insensitively), and the person is
  made a member of the project, as the entry policy requires.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import psycopg

from ..db import Conn, Row

FIELDS = (
    "email",
    "user",
    "first_name",
    "last_name",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "hours",
    "duration",
    "client",
    "project",
    "task",
    "description",
    "billable",
)
# Documented header names per format (the tools' own CSV exports); the first match wins.
FORMATS: dict[str, dict[str, tuple[str, ...]]] = {
    "toggl": {
        "email": ("Email",),
        "user": ("User", "Member"),
        "client": ("Client",),
        "project": ("Project",),
        "task": ("Task",),
        "description": ("Description",),
        "billable": ("Billable",),
        "start_date": ("Start date", "Start Date"),
        "start_time": ("Start time", "Start Time"),
        "end_date": ("End date", "End Date"),
        "end_time": ("End time", "End Time"),
        "duration": ("Duration",),
    },
    "clockify": {
        "email": ("Email",),
        "user": ("User",),
        "client": ("Client",),
        "project": ("Project",),
        "task": ("Task",),
        "description": ("Description",),
        "billable": ("Billable",),
        "start_date": ("Start Date",),
        "start_time": ("Start Time",),
        "end_date": ("End Date",),
        "end_time": ("End Time",),
        "duration": ("Duration (h)",),
        "hours": ("Duration (decimal)",),
    },
    "kimai": {
        "email": ("E-mail", "Email"),
        "user": ("User", "Name", "Username"),
        "client": ("Customer",),
        "project": ("Project",),
        "task": ("Activity",),
        "description": ("Description",),
        "billable": ("Billable",),
        "start_date": ("Date",),
        "start_time": ("From", "Begin"),
        "end_time": ("To", "End"),
        "duration": ("Duration",),
    },
    "harvest": {
        "first_name": ("First Name", "First name"),
        "last_name": ("Last Name", "Last name"),
        "client": ("Client",),
        "project": ("Project",),
        "task": ("Task",),
        "description": ("Notes",),
        "billable": ("Billable?",),
        "start_date": ("Date", "Spent Date"),
        "hours": ("Hours",),
    },
}
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y", "%d/%m/%Y")
TIME_FORMATS = ("%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p")
MAX_ROWS = 50_000
HARVEST_DAY_START = time(9, 0)  # Harvest exports hours per day, no times: entries are laid end to end from 09:00


class ImportProblem(ValueError):
    """A row that cannot be read."""


@dataclass
class Parsed:
    """One CSV row, normalised: who (email or name), when (local date/time texts), what."""

    line: int
    email: str | None
    name: str | None
    day: date
    start: time | None
    end_day: date | None
    end: time | None
    seconds: int | None
    client: str | None
    project: str | None
    task: str | None
    description: str | None
    billable: bool

    def key(self, fmt: str) -> str:
        """Return the row's dedupe key (format and normalised fields)."""
        parts = [
            fmt,
            self.email or "",
            (self.name or "").lower(),
            self.day.isoformat(),
            str(self.start),
            str(self.end_day),
            str(self.end),
            str(self.seconds),
            self.client or "",
            self.project or "",
            self.task or "",
            self.description or "",
            str(self.billable),
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def read_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """Return (headers, rows) of CSV `text` (comma or semicolon separated, BOM tolerated)."""
    text = text.lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    headers = [h.strip() for h in (reader.fieldnames or [])]
    rows = []
    for n, row in enumerate(reader):
        if n >= MAX_ROWS:
            raise ImportProblem(f"A file holds at most {MAX_ROWS} rows.")
        rows.append({(k or "").strip(): (v or "").strip() for k, v in row.items() if not isinstance(v, list)})
    return headers, rows


def detect(fmt: str, headers: list[str], override: dict[str, str] | None = None) -> dict[str, str]:
    """Return the mapping field -> header for `fmt`, with `override` applied (an empty header unmaps a field)."""
    lower = {h.lower(): h for h in headers}
    mapping = {}
    for field, names in FORMATS[fmt].items():
        found = next((lower[n.lower()] for n in names if n.lower() in lower), None)
        if found:
            mapping[field] = found
    for field, header in (override or {}).items():
        if field not in FIELDS:
            raise ImportProblem(f"Unknown field {field!r} in the mapping.")
        if header and header not in headers:
            raise ImportProblem(f"The file has no column {header!r}.")
        if header:
            mapping[field] = header
        else:
            mapping.pop(field, None)
    return mapping


def _date(text: str) -> date:
    for f in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), f).date()
        except ValueError:
            continue
    raise ImportProblem(f"unreadable date {text!r}")


def _time(text: str) -> time:
    for f in TIME_FORMATS:
        try:
            return datetime.strptime(text.strip().upper(), f).time()
        except ValueError:
            continue
    raise ImportProblem(f"unreadable time {text!r}")


def _seconds(text: str) -> int:
    """Return seconds of "1:30:00", "1:30" or decimal hours "1.5" / "1,5"."""
    text = text.strip()
    if ":" in text:
        parts = [int(p) for p in text.split(":")]
        while len(parts) < 3:
            parts.append(0)
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    try:
        return round(float(text.replace(",", ".")) * 3600)
    except ValueError as exc:
        raise ImportProblem(f"unreadable duration {text!r}") from exc


def _yes(text: str) -> bool:
    return text.strip().lower() in ("yes", "true", "1", "y", "billable", "ja")


def parse_row(fmt: str, mapping: dict[str, str], row: dict[str, str], line: int) -> Parsed:
    """Return one row normalised; raise ImportProblem naming what is wrong."""

    def get(field: str) -> str | None:
        header = mapping.get(field)
        value = row.get(header, "") if header else ""
        return value or None

    name = get("user")
    if get("first_name") or get("last_name"):
        name = " ".join(p for p in (get("first_name"), get("last_name")) if p)
    email = (get("email") or "").lower() or None
    if not email and not name:
        raise ImportProblem("no email or name to match a person")
    if not get("start_date"):
        raise ImportProblem("no date")
    start = _time(get("start_time") or "") if get("start_time") else None
    end = _time(get("end_time") or "") if get("end_time") else None
    raw = get("hours") or get("duration")
    seconds = _seconds(raw) if raw else None
    if start is None and seconds is None:
        raise ImportProblem("neither a start time nor a duration")
    end_day = _date(get("end_date") or "") if get("end_date") else None
    return Parsed(
        line,
        email,
        name,
        _date(get("start_date") or ""),
        start,
        end_day,
        end,
        seconds,
        get("client"),
        get("project"),
        get("task"),
        get("description"),
        _yes(get("billable") or ""),
    )


def parse(fmt: str, text: str, override: dict[str, str] | None = None) -> tuple[dict, list[Parsed], list[dict]]:
    """Return (mapping, parsed rows, problems [{line, message}]) of a CSV export in `fmt`."""
    headers, rows = read_csv(text)
    mapping = detect(fmt, headers, override)
    parsed, problems = [], []
    for n, row in enumerate(rows, 2):  # line 1 is the header
        try:
            parsed.append(parse_row(fmt, mapping, row, n))
        except ImportProblem as exc:
            problems.append({"line": n, "message": str(exc)})
    return {"columns": headers, "mapping": mapping}, parsed, problems


def people(conn: Conn) -> tuple[dict[str, Row], dict[str, Row]]:
    """Return the company's active people by lower-cased email and by lower-cased name."""
    rows = conn.execute("SELECT id, email, name, timezone FROM users WHERE status = 'active'").fetchall()
    return {r["email"].lower(): r for r in rows}, {r["name"].lower(): r for r in rows}


def match(p: Parsed, by_email: dict[str, Row], by_name: dict[str, Row]) -> Row | None:
    """Return the person a row belongs to (email first, else full name), or None."""
    if p.email and p.email in by_email:
        return by_email[p.email]
    return by_name.get((p.name or "").lower()) if p.name and not p.email else None


def instants(p: Parsed, tz: str, harvest_offset: int = 0) -> tuple[datetime, datetime]:
    """Return the UTC (start, end) of a row in the person's time zone (Harvest: from 09:00 plus `harvest_offset` s)."""
    zone = ZoneInfo(tz)
    if p.start is None:
        start = datetime.combine(p.day, HARVEST_DAY_START, tzinfo=zone) + timedelta(seconds=harvest_offset)
        return start, start + timedelta(seconds=p.seconds or 0)
    start = datetime.combine(p.day, p.start, tzinfo=zone)
    if p.end is not None:
        end = datetime.combine(p.end_day or p.day, p.end, tzinfo=zone)
        if end <= start and p.end_day is None:
            end += timedelta(days=1)  # past midnight
    else:
        end = start + timedelta(seconds=p.seconds or 0)
    return start, end


def preview(conn: Conn, fmt: str, text: str, override: dict[str, str] | None = None, limit: int = 20) -> dict:
    """Return what an import would do: the mapping, the first rows with their person, the people matched or not."""
    found, parsed, problems = parse(fmt, text, override)
    by_email, by_name = people(conn)
    who: dict[str, dict] = {}
    rows: list[dict] = []
    for p in parsed:
        person = match(p, by_email, by_name)
        label = p.email or p.name or ""
        who.setdefault(
            label,
            {"source": label, "user_id": person["id"] if person else None, "name": person["name"] if person else None},
        )
        if len(rows) < limit:
            rows.append(
                {
                    "line": p.line,
                    "person": label,
                    "user_id": person["id"] if person else None,
                    "date": p.day,
                    "start": str(p.start) if p.start else None,
                    "end": str(p.end) if p.end else None,
                    "seconds": p.seconds,
                    "client": p.client,
                    "project": p.project,
                    "task": p.task,
                    "description": p.description,
                    "billable": p.billable,
                }
            )
    return {
        **found,
        "format": fmt,
        "total": len(parsed),
        "rows": rows,
        "people": list(who.values()),
        "problems": problems[:100],
    }


# --- writing ----------------------------------------------------------------------------------------------------


class Catalogue:
    """Clients, projects and tasks by lower-cased name, created on first need."""

    def __init__(self, conn: Conn, company_id: str):
        self.conn, self.company_id = conn, company_id
        self.currency = conn.execute("SELECT currency FROM companies WHERE id = %s", (company_id,)).fetchone()
        self.clients = {r["name"].lower(): r["id"] for r in conn.execute("SELECT id, name FROM clients")}
        self.projects = {r["name"].lower(): r["id"] for r in conn.execute("SELECT id, name FROM projects")}
        self.tasks = {
            (str(r["project_id"]), r["name"].lower()): r["id"]
            for r in conn.execute("SELECT id, project_id, name FROM tasks")
        }

    def client(self, name: str | None):
        if not name:
            return None
        if name.lower() not in self.clients:
            row = self.conn.execute(
                "INSERT INTO clients (company_id, name) VALUES (%s, %s) RETURNING id", (self.company_id, name[:200])
            ).fetchone()
            self.clients[name.lower()] = row["id"] if row else None
        return self.clients[name.lower()]

    def project(self, name: str | None, client: str | None):
        if not name:
            return None
        if name.lower() not in self.projects:
            currency = (self.currency or {}).get("currency") or "USD"
            row = self.conn.execute(
                "INSERT INTO projects (company_id, client_id, name, currency) VALUES (%s, %s, %s, %s) RETURNING id",
                (self.company_id, self.client(client), name[:200], currency),
            ).fetchone()
            self.projects[name.lower()] = row["id"] if row else None
        return self.projects[name.lower()]

    def task(self, project_id, name: str | None):
        if not name or project_id is None:
            return None
        key = (str(project_id), name.lower())
        if key not in self.tasks:
            row = self.conn.execute(
                "INSERT INTO tasks (company_id, project_id, name) VALUES (%s, %s, %s) RETURNING id",
                (self.company_id, project_id, name[:200]),
            ).fetchone()
            self.tasks[key] = row["id"] if row else None
        return self.tasks[key]


def write(
    conn: Conn,
    company_id: str,
    actor_id: str,
    import_id: str,
    fmt: str,
    parsed: list[Parsed],
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Write the rows as entries (in `conn`'s transaction); return {created, duplicates, skipped, problems}."""
    by_email, by_name = people(conn)
    cat = Catalogue(conn, company_id)
    out: dict = {"created": 0, "duplicates": 0, "skipped": 0, "problems": []}
    harvest_offsets: dict[tuple, int] = {}
    for n, p in enumerate(parsed, 1):
        person = match(p, by_email, by_name)
        if person is None:
            out["skipped"] += 1
            out["problems"].append({"line": p.line, "message": f"nobody matches {p.email or p.name!r}"})
            continue
        key = p.key(fmt)
        if conn.execute("SELECT 1 FROM import_keys WHERE key = %s", (key,)).fetchone():
            out["duplicates"] += 1
            continue
        slot = (person["id"], p.day)
        start, end = instants(p, person["timezone"], harvest_offsets.get(slot, 0))
        if p.start is None:
            harvest_offsets[slot] = harvest_offsets.get(slot, 0) + (p.seconds or 0)
        try:
            with conn.transaction():  # a savepoint: a refused row leaves the others
                entry = _insert(conn, cat, company_id, actor_id, person["id"], p, start, end)
                conn.execute(
                    "INSERT INTO import_keys (company_id, key, import_id, entry_id) VALUES (%s, %s, %s, %s)",
                    (company_id, key, import_id, entry),
                )
            out["created"] += 1
        except psycopg.Error as exc:
            out["skipped"] += 1
            why = getattr(getattr(exc, "diag", None), "constraint_name", None) or type(exc).__name__
            out["problems"].append({"line": p.line, "message": f"refused: {why}"})
        if progress and n % 100 == 0:
            progress(n)
    out["problems"] = out["problems"][:200]
    return out


def _insert(conn: Conn, cat: Catalogue, company_id: str, actor_id: str, user_id, p: Parsed, start, end):
    if end <= start:
        raise psycopg.errors.CheckViolation("time_entries_empty")
    project = cat.project(p.project, p.client)
    if project is not None:
        conn.execute(
            "INSERT INTO project_members (company_id, project_id, user_id) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
            (company_id, project, user_id),
        )
    row = conn.execute(
        "INSERT INTO time_entries (company_id, user_id, project_id, task_id, description, started_at, ended_at,"
        " billable, source, created_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 'api', %s) RETURNING id",
        (
            company_id,
            user_id,
            project,
            cat.task(project, p.task),
            (p.description or "")[:2000] or None,
            start,
            end,
            p.billable,
            actor_id,
        ),
    ).fetchone()
    return row["id"] if row else None


def problems_json(items: list[dict]) -> str:
    """Return problems as JSON text for the imports row."""
    return json.dumps(items[:200])
