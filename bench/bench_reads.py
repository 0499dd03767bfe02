"""Reads at scale: every endpoint the Dashboard, Reports, Entries, Timesheets and Screenshots pages call, as a
manager (40 assigned employees) and as the admin, at 1/10 size and at full size (200 employees x 30 days,
3 M activity samples, 24 k entries), each size seeded by COPY into a database of its own.

Calls go through the local gateway app in-process (werkzeug's test client: routing, auth, RLS claims, JSON), so
the figures are server time without sockets. "cold" is the first call of an endpoint on a fresh connection pool
(a new PostgreSQL backend: no plan or catalog cache; the data pages are in cache after seeding); "warm" are the
calls after it on the same pool. Printed, never asserted (target: p95 < 150 ms, cold < 500 ms).
Knobs: BENCH_READ_SIZES ("20x30,200x30"), BENCH_READ_CALLS (20 warm calls at most), BENCH_READ_BUDGET_S (15 s of
warm calls per endpoint at most), BENCH_READ_ROLES ("manager,admin").
"""

from __future__ import annotations

import os
import time
from urllib.parse import urlencode

from bench import report
from bench.benchenv import database
from bench.seed_scale import Company, seed, verify


def endpoints(c: Company) -> list[tuple[str, str]]:
    """Return (page, path) for every read the web pages make, over the seeded 30 days (the "30 days" button)."""
    span = {"from": c.days[0].isoformat(), "to": c.days[-1].isoformat()}
    day = c.days[-2].isoformat()

    def q(path: str, **params) -> str:
        return f"/function/{path}?{urlencode(params)}" if params else f"/function/{path}"

    return [
        ("Dashboard", q("time/timesheets/week")),
        ("Dashboard", q("time/timers/running")),
        ("Dashboard", q("activity/usage", by="app", limit=5)),
        ("Reports", q("team/users", limit=200)),
        *[("Reports", q("time/reports/summary", group_by=g, **span)) for g in ("project", "user", "client", "task")],
        ("Reports", q("activity/usage", by="app", limit=12, **span)),
        ("Reports", q("activity/usage", by="domain", limit=12, **span)),
        ("Reports", q("activity/daily", **span)),
        ("Reports", q("activity/productivity", **span)),
        ("Reports", q("activity/daily", user_id=c.employees[0], **span)),
        ("Reports", q("time/reports/daily", **span)),
        ("Entries", q("time/entries", limit=50, offset=0, **span)),
        ("Entries", q("time/entries", limit=50, offset=0)),
        ("Timesheets", q("time/timesheets/week", date=day)),
        ("Timesheets", q("time/timesheets", status="submitted", limit=100)),
        ("Screenshots", q("media/screenshots", user_id=c.employees[0], date=day, limit=200)),
        ("Screenshots", q("media/screenshots", date=day, limit=200)),
    ]


def measure(client, path: str, token: str, calls: int, budget: float) -> dict:
    """Call `path` once on a fresh pool (cold), then up to `calls` times within `budget` s; return the figures."""
    from workmonitor import db

    headers = {"Authorization": f"Bearer {token}"}
    db.close_pool()
    t = time.perf_counter()
    r = client.get(path, headers=headers)
    cold = (time.perf_counter() - t) * 1000
    size, status = len(r.data), r.status_code
    warm: list[float] = []
    deadline = time.perf_counter() + budget
    while len(warm) < calls and (len(warm) < 2 or time.perf_counter() < deadline):
        t = time.perf_counter()
        r = client.get(path, headers=headers)
        warm.append((time.perf_counter() - t) * 1000)
        status = status if r.status_code == 200 else r.status_code
    return {"status": status, "cold": cold, "warm": warm, "bytes": size}


def _short(path: str, c: Company) -> str:
    """Return `path` as printed: no /function/ prefix, the 30-day span as "30d", the employee id as "emp"."""
    span = f"from={c.days[0].isoformat()}&to={c.days[-1].isoformat()}"
    return path.removeprefix("/function/").replace(span, f"{len(c.days)}d").replace(c.employees[0], "emp")


def _sizes() -> list[tuple[int, int]]:
    raw = os.environ.get("BENCH_READ_SIZES", "20x30,200x30")
    return [(int(a), int(b)) for a, b in (s.split("x") for s in raw.split(",") if s)]


def run_size(env: dict, employees: int, days: int) -> None:
    """Seed one size in its own database and print the read table for each role."""
    from werkzeug.test import Client

    from workmonitor.devserver import gateway_app

    calls = int(os.environ.get("BENCH_READ_CALLS", "20"))
    budget = float(os.environ.get("BENCH_READ_BUDGET_S", "15"))
    roles = os.environ.get("BENCH_READ_ROLES", "manager,admin").split(",")
    with database(env, f"r{employees}x{days}") as owner:
        t = time.perf_counter()
        company = seed(owner, employees, days)
        took = time.perf_counter() - t
        counts = ", ".join(f"{k} {v:,}" for k, v in company.counts.items())
        steps = ", ".join(f"{k} {v:.1f} s" for k, v in company.timings.items())
        print(f"-- {employees} employees x {days} days: seeded in {took:.1f} s ({steps}); {counts}", flush=True)
        print(f"   {verify(owner, company.id, company.employees)}", flush=True)
        client = Client(gateway_app())
        for role in roles:
            who = company.admin if role == "admin" else company.managers[0]
            team = f" ({len(who['team'])} assigned)" if role == "manager" else f" ({employees} employees)"
            print(f"   as {role}{team}; load average {report.load()}", flush=True)
            rows = []
            for page, path in endpoints(company):
                m = measure(client, path, who["token"], calls, budget)
                rows.append([page, _short(path, company), m["status"], *report.cold_warm(m)])
            report.table(["page", "endpoint", "status", "cold ms", "p50 ms", "p95 ms", "n", "bytes"], rows)


def run(env: dict) -> None:
    """Print the read tables for each size (small first, so growth with size shows)."""
    for employees, days in _sizes():
        run_size(env, employees, days)
    print("target: every dashboard/report endpoint p95 < 150 ms, cold < 500 ms (printed, not asserted)")
