"""Finance at scale: one payroll run for 1,000 employees over a month of approved entries (about 100,000), and
invoice PDFs rendered per second by one worker (the RQ job's own code: read, render with reportlab, store in S3).

The company is seeded by COPY (people, projects, 4 entries a day, approved weeks) with bench.seed_scale's helpers,
without activity samples; rates by COPY. The run is created and computed through the domain functions (the same
calls the route makes) in one admin transaction. Printed, never asserted (targets: run < 10 s on 2 cores; >= 20
PDFs/s). Knobs: BENCH_FINANCE_EMPLOYEES (1000), BENCH_FINANCE_DAYS (the month's first 25 days), BENCH_FINANCE_PDFS (60).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import psycopg

from bench.benchenv import database
from bench.seed_scale import TZ, _attendance, _copy, _entries, _people, _projects, _signup


@dataclass
class _Admin:
    user_id: str
    company_id: str
    role: str = "admin"


def _seed(owner_url: str, employees: int, n_days: int) -> tuple[_Admin, date, int]:
    admin = _signup()
    cid, aid = admin["company"]["id"], admin["user"]["id"]
    today = datetime.now(ZoneInfo(TZ)).date()
    first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)  # last month: every week is approved
    days = [d for d in (first + timedelta(days=i) for i in range(31)) if d.month == first.month][:n_days]
    with psycopg.connect(owner_url) as conn:
        _mids, eids, teams = _people(conn, cid, employees)
        pids, tasks = _projects(conn, cid, eids)
        n = _entries(conn, cid, eids, pids, tasks, days)
        # Two days of this and last week make every week of the month approved (the newest week is "submitted").
        _attendance(conn, cid, eids, days + [today - timedelta(days=7), today], teams, aid)
        conn.execute(
            "INSERT INTO finance_settings (company_id, currency, pay_frequency, daily_overtime_hours,"
            " weekly_overtime_hours) VALUES (%s, 'EUR', 'monthly', 8, 40)",
            (cid,),
        )
        _copy(
            conn,
            "wage_rates",
            ("company_id", "user_id", "kind", "amount", "currency", "effective_from"),
            (f"{cid}\t{e}\thourly\t{20 + k % 7}.50\tEUR\t2020-01-01" for k, e in enumerate(eids)),
        )
        conn.commit()
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return _Admin(aid, cid), first, n


def _payroll(me: _Admin, first: date) -> None:
    from workmonitor.db import Claims, transaction
    from workmonitor.finance import payroll

    claims = Claims(company_id=me.company_id, user_id=me.user_id, role="admin")
    t = time.perf_counter()
    with transaction(claims) as conn:
        run = payroll.create_run(conn, me, first)
        run = payroll.compute(conn, me, run["id"])
        lines = conn.execute("SELECT count(*) AS n FROM payroll_lines WHERE run_id = %s", (run["id"],)).fetchone()
        sources = conn.execute("SELECT count(*) AS n FROM payroll_sources WHERE run_id = %s", (run["id"],)).fetchone()
    took = time.perf_counter() - t
    print(
        f"  payroll run {run['period_start']}..{run['period_end']}: {took:.2f} s for {sources['n'] if sources else 0}"
        f" entries -> {lines['n'] if lines else 0} lines, total {run['total_minor'] / 100:,.2f} EUR (target < 10 s)",
        flush=True,
    )


def _pdfs(me: _Admin, count: int) -> None:
    from workmonitor.db import Claims, transaction
    from workmonitor.finance import invoices, jobs

    claims = Claims(company_id=me.company_id, user_id=me.user_id, role="admin")
    with transaction(claims) as conn:
        client = conn.execute("SELECT id FROM clients ORDER BY name LIMIT 1").fetchone()
        assert client is not None
        lines = [{"description": f"Consulting, week {k}", "quantity": "7.5", "unit_price": "95"} for k in range(15)]
        ids = []
        for _ in range(count):
            inv = invoices.create_draft(conn, me, {"client_id": client["id"], "lines": lines, "tax_rate": "19"})
            ids.append(str(inv["invoice"]["id"]))
        for inv_id in ids:
            invoices.issue(conn, me, inv_id)
    t = time.perf_counter()
    for inv_id in ids:
        jobs.render_invoice(me.company_id, inv_id)
    took = time.perf_counter() - t
    print(
        f"  invoice PDFs: {count / took:.1f}/s by one worker ({count} invoices of 15 lines in {took:.2f} s;"
        " target >= 20/s)"
    )


def run(env: dict) -> None:
    """Seed, run payroll once, render invoice PDFs; print the figures."""
    employees = int(os.environ.get("BENCH_FINANCE_EMPLOYEES", "1000"))
    n_days = int(os.environ.get("BENCH_FINANCE_DAYS", "25"))
    count = int(os.environ.get("BENCH_FINANCE_PDFS", "60"))
    with database(env, "finance") as owner:
        t = time.perf_counter()
        me, first, n = _seed(owner, employees, n_days)
        print(f"  seeded {employees} employees, {n} approved entries in {time.perf_counter() - t:.1f} s", flush=True)
        _payroll(me, first)
        _pdfs(me, count)
