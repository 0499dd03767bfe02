"""Seed one company at scale by COPY (as the owner), then fill the rollups with the product's own recompute.

`seed(owner_url, employees, days)` signs a company up through the API (its admin gets a real session), then COPYs
people, users (managers with 40 assigned employees each), consent, clients, projects, members, tasks, rules, time
entries (4 a day), activity samples (500 one-minute samples a day from 08:50 local), screenshots rows (every 10
minutes, no objects), attendance records and timesheets. Rollups are rebuilt from the raw rows by
`workmonitor.activity.recompute.run_batches(raw=True)`, the product's recompute, one (user, day) per transaction,
so the bench sees exactly what ingest would have left; `verify` checks them against the raw totals on a sample.
"""

from __future__ import annotations

import io
import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import psycopg

TZ = "Europe/Berlin"
TEAM = 40  # employees per manager
SAMPLES_PER_DAY = 500
ENTRIES = ((9, 0, 11, 0), (11, 15, 13, 0), (14, 0, 16, 0), (16, 15, 17, 30))  # local h:m -> h:m
APPS = [
    ("Code", None, "handler.py - workmonitor"),
    ("Firefox", "https://github.com/workmonitor/pulls", "Pull requests"),
    ("Firefox", "https://www.youtube.com/watch?v=abc", "Music - YouTube"),
    ("Slack", None, "#general | Acme"),
    ("Chrome", "https://docs.google.com/document/d/1", "Spec - Google Docs"),
    ("Terminal", None, "bash"),
    ("Chrome", "https://mail.google.com/mail/u/0", "Inbox - Gmail"),
    ("Figma", None, "Design system"),
    ("Chrome", "https://stackoverflow.com/questions/1", "python - Stack Overflow"),
    ("Zoom", None, "Standup"),
    ("Chrome", "https://news.ycombinator.com/", "Hacker News"),
    ("Excel", None, "Budget.xlsx"),
]
RULES = [
    ("domain", "exact", "github.com", "productive"),
    ("domain", "glob", "*.google.com", "productive"),
    ("app", "exact", "Code", "productive"),
    ("domain", "exact", "youtube.com", "unproductive"),
    ("domain", "exact", "news.ycombinator.com", "unproductive"),
    ("app", "exact", "Slack", "neutral"),
]


@dataclass
class Company:
    """What the read and write benchmarks need to know about a seeded company."""

    id: str
    admin: dict  # {"id", "token"}
    managers: list[dict]  # {"id", "token", "team": [employee ids]}
    employees: list[str]
    projects: list[str]
    days: list[date]
    counts: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)


def _copy(conn: psycopg.Connection, table: str, columns: tuple[str, ...], lines) -> int:
    """COPY text `lines` (already tab-separated, one row each) into `table`; return the row count."""
    n = 0
    buf = io.StringIO()
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for line in lines:
            buf.write(line)
            buf.write("\n")
            n += 1
            if n % 20000 == 0:
                copy.write(buf.getvalue())
                buf = io.StringIO()
        copy.write(buf.getvalue())
    return n


def _local(day: date, h: int, m: int) -> datetime:
    return datetime(day.year, day.month, day.day, h, m, tzinfo=ZoneInfo(TZ)).astimezone(UTC)


def _people(conn, cid: str, employees: int) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """COPY managers and employees (people + users + consent + assignments); return (managers, employees, teams)."""
    n_managers = max(1, employees // TEAM)
    mids = [str(uuid.uuid4()) for _ in range(n_managers)]
    eids = [str(uuid.uuid4()) for _ in range(employees)]
    everyone = [(m, "manager") for m in mids] + [(e, "employee") for e in eids]
    pids = {u: str(uuid.uuid4()) for u, _ in everyone}
    tag = cid[:8]
    _copy(
        conn,
        "people",
        ("id", "email"),
        (f"{pids[u]}\t{role}-{i}-{tag}@bench.test" for i, (u, role) in enumerate(everyone)),
    )
    _copy(
        conn,
        "users",
        ("id", "company_id", "email", "name", "role", "timezone", "person_id"),
        (
            f"{u}\t{cid}\t{role}-{i}-{tag}@bench.test\t{role.title()} {i}\t{role}\t{TZ}\t{pids[u]}"
            for i, (u, role) in enumerate(everyone)
        ),
    )
    _copy(
        conn,
        "work_agreements",
        ("company_id", "user_id", "screenshots", "activity", "status", "accepted_at"),
        (f"{cid}\t{u}\tt\tt\taccepted\t{datetime.now(UTC).isoformat()}" for u, _ in everyone),
    )
    teams = {m: eids[k::n_managers] for k, m in enumerate(mids)}
    _copy(
        conn,
        "manager_assignments",
        ("company_id", "manager_id", "employee_id"),
        (f"{cid}\t{m}\t{e}" for m, team in teams.items() for e in team),
    )
    return mids, eids, teams


def _projects(conn, cid: str, eids: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """COPY clients, projects (3 members each employee), tasks and rules; return (project ids, tasks by project)."""
    n = max(4, len(eids) // 10)
    clients = [str(uuid.uuid4()) for _ in range(max(2, n // 4))]
    pids = [str(uuid.uuid4()) for _ in range(n)]
    _copy(conn, "clients", ("id", "company_id", "name"), (f"{c}\t{cid}\tClient {i}" for i, c in enumerate(clients)))
    _copy(
        conn,
        "projects",
        ("id", "company_id", "client_id", "name", "hourly_rate", "currency"),
        (f"{p}\t{cid}\t{clients[i % len(clients)]}\tProject {i}\t{5000 + 500 * i}\tUSD" for i, p in enumerate(pids)),
    )
    members = {(pids[(k + j) % n], e) for k, e in enumerate(eids) for j in range(3)}
    _copy(conn, "project_members", ("company_id", "project_id", "user_id"), (f"{cid}\t{p}\t{e}" for p, e in members))
    tasks = {p: [str(uuid.uuid4()) for _ in range(5)] for p in pids}
    _copy(
        conn,
        "tasks",
        ("id", "company_id", "project_id", "name"),
        (f"{t}\t{cid}\t{p}\tTask {i}" for p, ts in tasks.items() for i, t in enumerate(ts)),
    )
    _copy(
        conn,
        "productivity_rules",
        ("company_id", "target", "match_type", "pattern", "category"),
        ("\t".join((cid, *r)) for r in RULES),
    )
    return pids, tasks


def _entries(conn, cid: str, eids: list[str], pids: list[str], tasks: dict, days: list[date]) -> int:
    """COPY 4 finished entries per employee and day, on one of the employee's projects."""
    n = len(pids)

    def lines():
        for k, e in enumerate(eids):
            for d in days:
                for j, (h1, m1, h2, m2) in enumerate(ENTRIES):
                    p = pids[(k + j % 3) % n]
                    t = tasks[p][(d.toordinal() + j) % 5]
                    yield (
                        f"{cid}\t{e}\t{p}\t{t}\tWork item {j}\t{_local(d, h1, m1).isoformat()}\t"
                        f"{_local(d, h2, m2).isoformat()}\t{'t' if j % 2 == 0 else 'f'}\tdesktop"
                    )

    cols = (
        "company_id",
        "user_id",
        "project_id",
        "task_id",
        "description",
        "started_at",
        "ended_at",
        "billable",
        "source",
    )
    return _copy(conn, "time_entries", cols, lines())


def _samples(conn, cid: str, eids: list[str], days: list[date]) -> int:
    """COPY SAMPLES_PER_DAY one-minute samples per employee and day (one device), as the agent would send them."""
    from workmonitor.activity.capture import domain_of

    apps = [(a, "\\N" if u is None else u, domain_of(u, None) or "\\N", t) for a, u, t in APPS]
    rnd = random.Random(7)
    noise = [(rnd.randrange(90), rnd.randrange(70), rnd.random() < 0.06) for _ in range(997)]

    def lines():
        for k, e in enumerate(eids):
            prefix = f"{cid}\t{e}\tlaptop-{k}\t"
            for di, d in enumerate(days):
                t0 = _local(d, 8, 50)
                for i in range(SAMPLES_PER_DAY):
                    app, url, dom, title = apps[(i // 7 + k + di) % len(apps)]
                    kb, ms, idle = noise[(i + 31 * k + 7 * di) % 997]
                    active = 0 if idle else min(60, kb + ms)
                    yield (
                        f"{prefix}{di * 10000 + i}\t{(t0 + timedelta(minutes=i)).isoformat()}\t60\t{app}\t"
                        f"{title}\t{url}\t{dom}\t{kb}\t{ms}\t{'t' if idle else 'f'}\t{active}"
                    )

    cols = (
        "company_id",
        "user_id",
        "device_id",
        "seq",
        "started_at",
        "duration",
        "app",
        "title",
        "url",
        "domain",
        "keyboard",
        "mouse",
        "idle",
        "active_seconds",
    )
    return _copy(conn, "activity_samples", cols, lines())


def _screenshots(conn, cid: str, eids: list[str], days: list[date]) -> int:
    """COPY one 'ready' screenshot row per employee every 10 minutes of an 8-hour day (the objects are not stored)."""

    def lines():
        for k, e in enumerate(eids):
            for d in days:
                t0 = _local(d, 9, 0)
                for i in range(48):
                    sid = uuid.uuid4()
                    key = f"{cid}/screenshots/{e}/{sid}"
                    yield (
                        f"{sid}\t{cid}\t{e}\tlaptop-{k}\t{(t0 + timedelta(minutes=10 * i)).isoformat()}\t"
                        f"{40 + i}\timage/jpeg\t250000\t1920\t1080\t{'0' * 64}\t{key}.jpg\tready\t{key}.thumb.jpg\t320"
                    )

    cols = (
        "id",
        "company_id",
        "user_id",
        "device_id",
        "taken_at",
        "activity_percent",
        "content_type",
        "size_bytes",
        "width",
        "height",
        "sha256",
        "object_key",
        "state",
        "thumb_key",
        "thumb_width",
    )
    return _copy(conn, "screenshots", cols, lines())


def _attendance(conn, cid: str, eids: list[str], days: list[date], teams: dict, admin: str) -> int:
    """COPY one clock record per employee and day, then the finished weeks' timesheets (older approved, the last
    one submitted), inserted with admin claims as the timesheet guard requires for decided weeks."""
    n = _copy(
        conn,
        "attendance_records",
        ("company_id", "user_id", "clock_in_at", "clock_out_at", "source"),
        (
            f"{cid}\t{e}\t{_local(d, 8, 45).isoformat()}\t{_local(d, 17, 45).isoformat()}\tdesktop"
            for e in eids
            for d in days
        ),
    )
    mondays = sorted({d - timedelta(days=d.weekday()) for d in days})
    weeks = [m for m in mondays if m + timedelta(days=6) < days[-1]]
    conn.execute(
        "SELECT set_config('app.company_id', %s, true), set_config('app.user_id', %s, true),"
        " set_config('app.role', 'admin', true)",
        (cid, admin),
    )

    def lines():
        for e in eids:
            for w in weeks:
                status = "submitted" if w == weeks[-1] else "approved"
                starts, ends = _local(w, 0, 0), _local(w + timedelta(days=7), 0, 0)
                yield (
                    f"{cid}\t{e}\t{w}\t{w + timedelta(days=6)}\t{TZ}\t{starts.isoformat()}\t{ends.isoformat()}\t"
                    f"{status}\t{5 * 27900}\t{ends.isoformat()}"
                )

    cols = (
        "company_id",
        "user_id",
        "period_start",
        "period_end",
        "timezone",
        "starts_at",
        "ends_at",
        "status",
        "total_seconds",
        "submitted_at",
    )
    return n + _copy(conn, "timesheets", cols, lines())


def _signup() -> dict:
    """Sign a company up through the API; return the factory's {"token", "user", "company"}."""
    from apiclient import Api
    from factories import signup

    return signup(Api(), company=f"Bench Scale {uuid.uuid4().hex[:6]}")


def fill_rollups(cid: str, eids: list[str], days: list[date], threads: int = 2) -> int:
    """Rebuild every (employee, day) rollup from the raw rows with the product's recompute; return the pair count."""
    from workmonitor.activity import recompute

    pairs = [(e, d) for d in days for e in eids]
    chunks = [pairs[k::threads] for k in range(threads)]
    errors: list[BaseException] = []

    def work(chunk):
        try:
            recompute.run_batches(cid, chunk, raw=True)
        except BaseException as exc:  # reported below; a thread's exception would otherwise vanish
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(c,)) for c in chunks]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if errors:
        raise errors[0]
    return len(pairs)


def verify(owner_url: str, cid: str, eids: list[str], sample: int = 5) -> str:
    """Compare rollups with the raw samples for `sample` employees; return a one-line verdict (raises on mismatch)."""
    picked = eids[:: max(1, len(eids) // sample)][:sample]
    with psycopg.connect(owner_url) as conn:
        raw = conn.execute(
            "SELECT user_id::text, (started_at AT TIME ZONE %s)::date, sum(duration), sum(active_seconds), count(*)"
            " FROM activity_samples WHERE company_id = %s AND user_id = ANY(%s) GROUP BY 1, 2 ORDER BY 1, 2",
            (TZ, cid, picked),
        ).fetchall()
        rolled = conn.execute(
            "SELECT user_id::text, day, sum(seconds)::bigint, sum(active_seconds)::bigint, sum(samples)"
            " FROM activity_daily WHERE company_id = %s AND user_id = ANY(%s) GROUP BY 1, 2 ORDER BY 1, 2",
            (cid, picked),
        ).fetchall()
        prod = conn.execute(
            "SELECT user_id::text, day, (productive_seconds + neutral_seconds + unproductive_seconds"
            " + idle_seconds)::bigint, active_seconds::bigint, 0 FROM productivity_daily"
            " WHERE company_id = %s AND user_id = ANY(%s) ORDER BY 1, 2",
            (cid, picked),
        ).fetchall()
    as_prod = [(u, d, s, a, 0) for u, d, s, a, _ in raw]
    if raw != rolled or as_prod != prod:
        raise AssertionError(f"rollups differ from raw data: {len(raw)} raw days, {len(rolled)} rolled, {len(prod)}")
    return f"rollups = raw totals for {len(picked)} employees x {len(raw) // max(1, len(picked))} days"


def seed(owner_url: str, employees: int, n_days: int) -> Company:
    """Seed one company of `employees` over the `n_days` days before today; return what the benchmarks need."""
    from workmonitor import security

    timings: dict[str, float] = {}
    t = time.perf_counter()
    admin = _signup()
    cid, aid = admin["company"]["id"], admin["user"]["id"]
    today = datetime.now(ZoneInfo(TZ)).date()
    days = [today - timedelta(days=n_days - i) for i in range(n_days)]
    counts: dict[str, int] = {}
    with psycopg.connect(owner_url) as conn:
        mids, eids, teams = _people(conn, cid, employees)
        pids, tasks = _projects(conn, cid, eids)
        counts["time_entries"] = _entries(conn, cid, eids, pids, tasks, days)
        counts["attendance+timesheets"] = _attendance(conn, cid, eids, days, teams, aid)
        counts["screenshots"] = _screenshots(conn, cid, eids, days)
        conn.commit()
        timings["copy other"] = time.perf_counter() - t
        t = time.perf_counter()
        counts["activity_samples"] = _samples(conn, cid, eids, days)
        conn.commit()
        timings["copy samples"] = time.perf_counter() - t
    t = time.perf_counter()
    counts["rollup user-days"] = fill_rollups(cid, eids, days)
    timings["rollups (product recompute)"] = time.perf_counter() - t
    t = time.perf_counter()
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    timings["vacuum analyze"] = time.perf_counter() - t
    managers = [
        {
            "id": m,
            "token": security.issue_access_token(m, cid, "manager", str(uuid.uuid4()), ttl=86400),
            "team": teams[m],
        }
        for m in mids
    ]
    admin_out = {"id": aid, "token": security.issue_access_token(aid, cid, "admin", str(uuid.uuid4()), ttl=86400)}
    return Company(cid, admin_out, managers, eids, pids, days, counts, timings)
