"""The benchmark's instruments work on tiny data: the COPY seeder (rollups equal the raw rows), every read the
bench measures answers 200 under the contract check, and the load generator drives gunicorn-served apps.
Nothing here is timed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bench import bench_reads, bench_writes, loadgen, seed_scale


@pytest.fixture()
def company(stack):
    """A seeded company of 3 employees (one manager) over 2 days."""
    return seed_scale.seed(stack["owner_url"], 3, 2)


def test_seeder_fills_every_table_and_rollups_equal_raw_data(stack, company, owner_conn):
    assert company.counts["activity_samples"] == 3 * 2 * seed_scale.SAMPLES_PER_DAY
    assert company.counts["time_entries"] == 3 * 2 * len(seed_scale.ENTRIES)
    assert len(company.managers) == 1 and sorted(company.managers[0]["team"]) == sorted(company.employees)
    assert "3 employees" in seed_scale.verify(stack["owner_url"], company.id, company.employees)
    rolled = owner_conn.execute("SELECT count(*) FROM productivity_daily WHERE company_id = %s", (company.id,))
    assert rolled.fetchone()[0] == 3 * 2


def test_every_read_the_bench_measures_answers(company, api):
    for role in (company.admin, company.managers[0]):
        for _page, path in bench_reads.endpoints(company):
            m = bench_reads.measure(api.client, path, role["token"], calls=1, budget=0)
            assert m["status"] == 200, path
            assert m["bytes"] > 0 and len(m["warm"]) == 1


def test_load_generator_drives_gunicorn(company):
    tokens = bench_writes._tokens(company)
    base = datetime.now(UTC).replace(microsecond=0) - timedelta(days=20)
    with loadgen.gunicorn("bench.wsgi:bare_app()") as server:
        run = loadgen.open_loop(server, bench_writes._entry_maker(company, tokens, base), 40, 0.25, 10)
        assert run.sent == 10 and run.statuses == {201: 10} and len(run.latencies) == 10
    with loadgen.gunicorn("bench.wsgi:function_app('time')") as server:
        run = loadgen.open_loop(server, bench_writes._entry_maker(company, tokens, base), 40, 0.1, 10)
        assert run.statuses == {201: 4}, server.log.read_text()[-2000:]
