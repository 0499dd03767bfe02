"""Exports at scale: one month of a 200-person company's time entries (4 a day each: 24 k rows) exported as XLSX and
as CSV (and the grouped PDF), the way the export job writes them: read with the admin's claims (RLS), rendered,
timed end to end. Printed, never asserted. Knobs: BENCH_EXPORT_PEOPLE (200), BENCH_EXPORT_DAYS (30)."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import psycopg

from bench import report
from bench.benchenv import database
from bench.seed_scale import TZ, _entries, _people, _projects, _signup


def run(env: dict) -> None:
    """Seed the company's entries by COPY in a database of its own, then time each export format."""
    from workmonitor.db import Claims, transaction
    from workmonitor.reports import builder, exportjob

    people = int(os.environ.get("BENCH_EXPORT_PEOPLE", "200"))
    n_days = int(os.environ.get("BENCH_EXPORT_DAYS", "30"))
    with database(env, f"x{people}") as owner:
        admin = _signup()
        cid = admin["company"]["id"]
        today = datetime.now(ZoneInfo(TZ)).date()
        days = [today - timedelta(days=n_days - i) for i in range(n_days)]
        with psycopg.connect(owner) as conn:
            _mids, eids, _teams = _people(conn, cid, people)
            pids, tasks = _projects(conn, cid, eids)
            rows = _entries(conn, cid, eids, pids, tasks, days)
            conn.commit()
        with psycopg.connect(owner, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE time_entries")
        print(f"-- {people} people x {n_days} days: {rows:,} time entries; load average {report.load()}", flush=True)
        claims = Claims(company_id=cid, user_id=admin["user"]["id"], role="admin")
        spec = builder.Spec(first=days[0], last=days[-1], group_by=("person",), timezone=TZ)
        out = []
        for fmt in ("xlsx", "csv", "pdf"):
            t = time.perf_counter()
            with transaction(claims) as conn:
                payload, count = exportjob.render(conn, spec, fmt)
            took = time.perf_counter() - t
            out.append([fmt, f"{count:,}", f"{took:.2f}", f"{len(payload) / 1e6:.2f}", f"{count / took:,.0f}"])
        report.table(["format", "rows", "seconds", "MB", "rows/s"], out)
