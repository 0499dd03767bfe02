"""Dashboard read model (issue 13): rollups equal the raw samples after ingest, recompute and retention; a manager
sees the numbers an admin sees for the manager's people; the report statements keep one plan on a warm
connection; month partitions of raw samples (retries stored once, DEFAULT rows moved, whole months dropped)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import psycopg
import test_activity
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workmonitor.activity import partitions, recompute
from workmonitor.db import Claims, set_claims
from workmonitor.time import reports as time_reports
from workmonitor.time import timecalc

A = "/function/activity"
org = test_activity.org  # the same company: admin, a manager with one assigned employee, an unassigned employee
T0 = datetime(2026, 1, 26, tzinfo=UTC)  # the samples straddle the January/February month partitions
SPAN = {"from": "2026-01-20", "to": "2026-02-20"}


def post(api, who: dict, samples: list[dict], device: str = "laptop"):
    r = api.post(f"{A}/samples", json={"device_id": device, "samples": samples}, token=who["token"])
    assert r.status_code == 200, r.json
    return r.json


# --- rollups equal raw data -------------------------------------------------------------------------------------

# Each rollup, and what it must equal when computed from the raw samples (users' days in their time zone).
RAW = """
SELECT s.user_id, (s.started_at AT TIME ZONE u.timezone)::date AS day, s.app, coalesce(s.domain, '') AS domain,
       s.duration, s.active_seconds, CASE WHEN s.idle THEN s.duration ELSE 0 END AS idle
FROM activity_samples s JOIN users u ON u.id = s.user_id
"""
CHECKS = {
    "activity_daily": (
        "SELECT user_id, day, app, domain, seconds, active_seconds, idle_seconds, samples FROM activity_daily",
        f"SELECT user_id, day, app, domain, sum(duration), sum(active_seconds), sum(idle), count(*) FROM ({RAW}) r"
        " GROUP BY 1, 2, 3, 4",
    ),
    "activity_app_daily": (
        "SELECT user_id, day, app, seconds, active_seconds, idle_seconds, samples FROM activity_app_daily",
        f"SELECT user_id, day, app, sum(duration), sum(active_seconds), sum(idle), count(*) FROM ({RAW}) r"
        " GROUP BY 1, 2, 3",
    ),
    "activity_domain_daily": (
        "SELECT user_id, day, domain, seconds, active_seconds, idle_seconds, samples FROM activity_domain_daily",
        f"SELECT user_id, day, domain, sum(duration), sum(active_seconds), sum(idle), count(*) FROM ({RAW}) r"
        " WHERE domain <> '' GROUP BY 1, 2, 3",
    ),
    "productivity_daily": (
        "SELECT user_id, day, productive_seconds + neutral_seconds + unproductive_seconds + idle_seconds,"
        " idle_seconds, active_seconds FROM productivity_daily",
        f"SELECT user_id, day, sum(duration), sum(idle), sum(active_seconds) FROM ({RAW}) r GROUP BY 1, 2",
    ),
}


def mismatches(owner_conn, since: date | None = None) -> dict:
    """Return {rollup: (rows only in the rollup, rows only in the raw data)} for the rollups that differ."""
    out = {}
    for name, (rollup, raw) in CHECKS.items():
        keep = (lambda rows: {r for r in rows if r[1] >= since}) if since else set
        a = keep(
            tuple(float(v) if hasattr(v, "as_integer_ratio") else v for v in r) for r in owner_conn.execute(rollup)
        )
        b = keep(tuple(float(v) if hasattr(v, "as_integer_ratio") else v for v in r) for r in owner_conn.execute(raw))
        if a != b:
            out[name] = (sorted(a - b)[:3], sorted(b - a)[:3])
    return out


samples_st = st.lists(
    st.fixed_dictionaries(
        {
            "seq": st.integers(0, 40),  # small: retries and overlapping batches repeat keys
            "minute": st.integers(0, 14 * 24 * 60),
            "duration": st.integers(1, 600),
            "app": st.sampled_from(["Code", "Firefox", "Slack", ""]),
            "url": st.sampled_from([None, "https://github.com/x", "https://www.youtube.com/w", "mail.google.com"]),
            "keyboard": st.integers(0, 300),
            "idle": st.booleans(),
        }
    ),
    min_size=1,
    max_size=30,
)


def _wire(s: dict) -> dict:
    # started_at derives from seq for half the keys, so a repeated seq is usually an exact retry
    minute = s["seq"] * 7 if s["minute"] % 2 else s["minute"]
    out = {k: s[k] for k in ("seq", "duration", "app", "keyboard", "idle")}
    return out | {"started_at": (T0 + timedelta(minutes=minute)).isoformat(), "url": s["url"]}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(samples_st, min_size=1, max_size=3), who=st.sampled_from(["emp", "other"]))
def test_rollups_equal_raw_after_ingest_and_recompute(api, org, owner_conn, batches, who):
    for i, batch in enumerate(batches):
        wire = [_wire(s) for s in batch]
        post(api, org[who], wire, device=f"d{i % 2}")
        post(api, org[who], wire, device=f"d{i % 2}")  # the retry adds nothing
    assert mismatches(owner_conn) == {}
    recompute.recompute_company(org["admin"]["user"]["company_id"])
    assert mismatches(owner_conn) == {}


def test_rollups_equal_raw_after_retention_drops_a_month(api, org, owner_conn):
    post(
        api,
        org["emp"],
        [
            _wire(
                {
                    "seq": k,
                    "minute": 1 + k * 997,
                    "duration": 60,
                    "app": "Code",
                    "url": None,
                    "keyboard": 5,
                    "idle": False,
                }
            )
            for k in range(30)
        ],
    )
    before = {
        r[0]: r[1] for r in owner_conn.execute("SELECT day, seconds FROM activity_daily WHERE day < '2026-02-01'")
    }
    assert before, "the samples should reach January"
    assert partitions.drop_before(owner_conn, date(2026, 2, 1)) >= 1
    assert (
        owner_conn.execute("SELECT count(*) FROM activity_samples WHERE started_at < '2026-02-01'").fetchone()[0] == 0
    )
    # raw samples of the kept months still equal their rollups; January's rollups stay as history
    assert mismatches(owner_conn, since=date(2026, 2, 1)) == {}
    after = {r[0]: r[1] for r in owner_conn.execute("SELECT day, seconds FROM activity_daily WHERE day < '2026-02-01'")}
    assert after == before
    recompute.recompute_company(org["admin"]["user"]["company_id"])  # a full recompute keeps them too
    assert mismatches(owner_conn, since=date(2026, 2, 1)) == {}
    after = {r[0]: r[1] for r in owner_conn.execute("SELECT day, seconds FROM activity_daily WHERE day < '2026-02-01'")}
    assert after == before
    partitions.ensure_months(owner_conn, date(2025, 1, 1), date(2026, 1, 31))  # months back for the next tests


# --- partitions ------------------------------------------------------------------------------------------------


def test_retried_batch_is_stored_once_across_partitions(api, org, owner_conn):
    batch = [
        {"seq": 1, "started_at": "2026-01-31T23:59:30+00:00", "duration": 60, "app": "Code"},
        {"seq": 2, "started_at": "2026-02-01T00:00:30+00:00", "duration": 60, "app": "Code"},
        {"seq": 3, "started_at": "2019-05-01T10:00:00+00:00", "duration": 60, "app": "Code"},  # DEFAULT partition
    ]
    assert post(api, org["emp"], batch)["accepted"] == 3
    assert post(api, org["emp"], batch) == {"received": 3, "accepted": 0, "duplicates": 3}
    where = owner_conn.execute("SELECT tableoid::regclass::text, seq FROM activity_samples ORDER BY seq").fetchall()
    assert where == [("activity_samples_2026_01", 1), ("activity_samples_2026_02", 2), ("activity_samples_default", 3)]
    # making the month moves its rows out of DEFAULT; the retry still finds them
    assert partitions.ensure_months(owner_conn, date(2019, 5, 1), date(2019, 5, 31)) == 1
    assert owner_conn.execute("SELECT tableoid::regclass::text FROM activity_samples WHERE seq = 3").fetchone() == (
        "activity_samples_2019_05",
    )
    assert post(api, org["emp"], batch)["accepted"] == 0
    assert mismatches(owner_conn) == {}


def test_a_range_scan_touches_only_its_months(stack, org):
    with psycopg.connect(stack["app_url"]) as conn:
        user = org["emp"]["user"]
        set_claims(conn, Claims(company_id=user["company_id"], user_id=user["id"], role="employee"))
        plan = "\n".join(
            r[0]
            for r in conn.execute(
                "EXPLAIN SELECT count(*) FROM activity_samples"
                " WHERE started_at >= '2026-02-03' AND started_at < '2026-02-04'"
            )
        )
    assert "activity_samples_2026_02" in plan and "activity_samples_2026_01" not in plan
    assert "activity_samples_default" not in plan


# --- a manager sees what an admin sees of the manager's people ---------------------------------------------------


def _activity(api, org):
    minute = 0
    for who in ("emp", "other"):
        batch = []
        for k in range(40):
            minute += 173
            app, url = [("Code", None), ("Firefox", "https://github.com/a"), ("Chrome", "https://youtube.com/b")][k % 3]
            batch.append(
                {
                    "seq": k,
                    "started_at": (T0 + timedelta(minutes=minute)).isoformat(),
                    "duration": 120,
                    "app": app,
                    "url": url,
                    "keyboard": k,
                    "idle": k % 5 == 0,
                }
            )
        post(api, org[who], batch)
    for who in ("emp", "other"):
        for d in range(3):
            start = T0 + timedelta(days=d, hours=9)
            r = api.post(
                "/function/time/entries",
                token=org[who]["token"],
                json={"started_at": start.isoformat(), "ended_at": (start + timedelta(hours=2)).isoformat()},
            )
            assert r.status_code == 201, r.json


def _get(api, who: dict, path: str, **params) -> dict:
    r = api.get(path, token=who["token"], query_string={**SPAN, **params})
    assert r.status_code == 200, (path, r.json)
    return r.json


def test_manager_sees_the_admins_numbers_for_the_team(api, org):
    _activity(api, org)
    mgr, admin = org["manager"], org["admin"]
    team = {"team": mgr["user"]["id"]}
    mine = {org["emp"]["user"]["id"], mgr["user"]["id"]}
    # aggregates over people: the manager unfiltered equals the admin narrowed to the manager's team
    for by in ("app", "domain"):
        assert _get(api, mgr, f"{A}/usage", by=by)["items"] == _get(api, admin, f"{A}/usage", by=by, **team)["items"]
        m = _get(api, mgr, f"{A}/usage", by=by, group="user,day")["items"]
        a = _get(api, admin, f"{A}/usage", by=by, group="user,day")["items"]
        assert m and m == [r for r in a if r["user_id"] in mine]
    assert (
        _get(api, mgr, f"{A}/daily", per="day")["items"] == _get(api, admin, f"{A}/daily", per="day", **team)["items"]
    )
    for path in (f"{A}/daily", f"{A}/productivity"):
        m, a = _get(api, mgr, path)["items"], _get(api, admin, path)["items"]
        assert m and m == [r for r in a if r["user_id"] in mine]
    # time reports and the entries list
    m = _get(api, mgr, "/function/time/reports/summary", group_by="user")
    a = _get(api, admin, "/function/time/reports/summary", group_by="user")
    strip = lambda g: {k: v for k, v in g.items() if k != "amounts"}  # noqa: E731
    assert [strip(g) for g in m["groups"]] == [strip(g) for g in a["groups"] if g["key"] in mine]
    m = _get(api, mgr, "/function/time/entries", limit=100)["items"]
    a = _get(api, admin, "/function/time/entries", limit=100)["items"]
    assert m and [e["id"] for e in m] == [e["id"] for e in a if e["user_id"] in mine]
    emp = org["emp"]["user"]["id"]
    for path in ("/function/time/reports/daily", f"{A}/daily", f"{A}/productivity"):
        assert _get(api, mgr, path, user_id=emp) == _get(api, admin, path, user_id=emp)


# --- one plan on a warm connection --------------------------------------------------------------------------------


def test_report_statements_keep_their_plan_on_a_warm_connection(stack, org, api):
    _activity(api, org)
    admin = org["admin"]["user"]
    rule = timecalc.Rounding("none", 1)
    start, end = time_reports.day_bounds(date(2026, 1, 20), date(2026, 2, 20), "UTC")
    flt = time_reports.Filters(start=start, end=end)
    cond, params = flt.where()
    sql = f"SELECT e.id FROM {time_reports.LIST_FROM} WHERE {cond} ORDER BY e.started_at DESC, e.id LIMIT 51"
    with psycopg.connect(stack["app_url"], row_factory=psycopg.rows.dict_row) as conn:
        set_claims(conn, Claims(company_id=admin["company_id"], user_id=admin["id"], role="admin"))
        plans = []
        for _ in range(20):
            time_reports.summary(conn, flt, rule, "user")
            time_reports.list_entries(conn, flt, rule, 50, 0)
            time_reports.totals(conn, flt, rule, 50, 0)
            plans.append([r["QUERY PLAN"] for r in conn.execute("EXPLAIN " + sql, params, prepare=False)])
        assert plans[19] == plans[0]
        generic = conn.execute(
            "SELECT count(*) AS n FROM pg_prepared_statements WHERE generic_plans > 0 AND statement ILIKE %s",
            ("%time_entries%",),
        ).fetchone()["n"]
        assert generic == 0
    assert "%(u)s" not in cond and "IS NULL" not in cond  # no catch-all condition left to make a generic plan
