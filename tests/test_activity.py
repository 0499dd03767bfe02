"""activity: batch ingest de-dup, consent, heartbeats, rollups vs raw data, productivity rules, visibility."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from factories import consent, drain, invite_and_accept, signup

from workmonitor.activity.productivity import Classifier, Rule, check_pattern, matches

A = "/function/activity"
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture()
def org(api):
    """A company with an admin, a manager, an assigned employee and an unassigned one (both consenting)."""
    admin = signup(api, company="Acme")
    manager = invite_and_accept(api, admin, role="manager", name="Max Manager")
    emp = invite_and_accept(api, admin, name="Eve Employee")
    other = invite_and_accept(api, admin, name="Olga Other")
    r = api.post(
        "/function/team/assignments",
        token=admin["token"],
        json={"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]},
    )
    assert r.status_code == 201, r.json
    consent(api, admin, emp, activity=True)
    consent(api, admin, other, activity=True)
    return {"admin": admin, "manager": manager, "emp": emp, "other": other}


def sample(seq: int, minutes: int = 0, **kw) -> dict:
    """Return one 60-second sample starting `minutes` after T0 (seq defaults the offset)."""
    base = {
        "seq": seq,
        "started_at": (T0 + timedelta(minutes=minutes or seq)).isoformat(),
        "duration": 60,
        "app": "Code",
        "title": "editing",
        "keyboard": 40,
        "mouse": 10,
    }
    base.update(kw)
    return base


def post(api, who: dict, samples: list[dict], device: str = "laptop"):
    return api.post(f"{A}/samples", json={"device_id": device, "samples": samples}, token=who["token"])


def count(owner_conn, table: str, user: dict | None = None) -> int:
    if user is None:
        return owner_conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return owner_conn.execute(f"SELECT count(*) FROM {table} WHERE user_id = %s", (user["user"]["id"],)).fetchone()[0]


# --- ingest ----------------------------------------------------------------------------------------------------


def test_retried_batch_is_deduplicated(api, org, owner_conn):
    emp = org["emp"]
    batch = [sample(i) for i in range(5)]
    r = post(api, emp, batch)
    assert r.status_code == 200 and r.json == {"received": 5, "accepted": 5, "duplicates": 0}
    r = post(api, emp, batch)
    assert r.json == {"received": 5, "accepted": 0, "duplicates": 5}
    r = post(api, emp, [sample(i) for i in range(3, 8)] + [sample(7)])
    assert r.json == {"received": 6, "accepted": 3, "duplicates": 3}
    r = post(api, emp, batch, device="desktop")  # same seqs from another device are new samples
    assert r.json["accepted"] == 5
    assert count(owner_conn, "activity_samples") == 13
    total = owner_conn.execute("SELECT sum(seconds), sum(samples) FROM activity_daily").fetchone()
    assert total == (Decimal(13 * 60), 13)


def test_no_consent_is_refused_and_nothing_stored(api, org, owner_conn):
    newbie = invite_and_accept(api, org["admin"], name="No Consent")
    r = post(api, newbie, [sample(1)])
    assert r.status_code == 403 and r.json["error"]["code"] == "consent_required"
    r = api.post(
        f"{A}/heartbeat/aw-watcher-window_x?pulsetime=60",
        token=newbie["token"],
        json={"timestamp": T0.isoformat(), "duration": 1, "data": {"app": "Code"}},
    )
    assert r.status_code == 403 and r.json["error"]["code"] == "consent_required"
    # a consent to screenshots only does not cover activity
    consent(api, org["admin"], newbie, screenshots=True)
    assert post(api, newbie, [sample(1)]).status_code == 403
    for table in ("activity_samples", "activity_daily", "productivity_daily", "activity_buckets", "activity_events"):
        assert count(owner_conn, table) == 0, table


def test_validation_names_the_bad_sample_and_stores_nothing(api, org, owner_conn):
    emp = org["emp"]
    batch = [sample(i) for i in range(20)]
    batch[17]["keyboard"] = -3
    r = post(api, emp, batch)
    assert r.status_code == 400 and "samples.17.keyboard" in r.json["error"]["fields"], r.json
    batch[17]["keyboard"] = 3
    batch[4]["active_seconds"] = 90
    del batch[9]["started_at"]
    r = post(api, emp, batch)
    assert set(r.json["error"]["fields"]) == {"samples.9.started_at"}
    batch[9]["started_at"] = T0.isoformat()
    r = post(api, emp, batch)
    assert r.status_code == 400 and set(r.json["error"]["fields"]) == {"samples.4.active_seconds"}
    r = api.post(f"{A}/samples", json={"samples": [sample(1)]}, token=emp["token"])
    assert r.status_code == 400 and "samples.0.device_id" in r.json["error"]["fields"]
    r = post(api, emp, [sample(i, title="t" * 200) for i in range(1001)])
    assert r.status_code == 413 and r.json["error"]["code"] == "too_many_samples"
    assert (
        api.post(f"{A}/samples", data=b"{nope", token=emp["token"], headers={"Content-Type": "application/json"}).json[
            "error"
        ]["code"]
        == "invalid_json"
    )
    r = post(api, emp, [sample(1, keyboard="5"), sample(2, idle=1), sample(3, started_at=1772438400)])
    assert set(r.json["error"]["fields"]) == {"samples.0.keyboard", "samples.1.idle", "samples.2.started_at"}
    r = post(api, emp, [sample(1, started_at="2026-03-02T08:00:00"), sample(2, title="nul\u0000")])
    assert r.status_code == 400 and "samples.0.started_at" in r.json["error"]["fields"]
    r = post(api, emp, [sample(2, title="nul\u0000")])
    assert r.status_code == 400 and r.json["error"]["fields"] == {"samples": "contains \\u0000"}
    assert count(owner_conn, "activity_samples") == 0
    r = post(
        api,
        emp,
        [
            sample(
                1,
                started_at="2026-03-02T09:00:00.123457+01:00",
                device_id="phone",
                url=None,
                domain="WWW.Example.COM",
                idle=True,
                keyboard=9,
                title="ünïcode ✓",
            )
        ],
    )
    assert r.json["accepted"] == 1
    row = owner_conn.execute(
        "SELECT device_id, started_at, domain, active_seconds, title FROM activity_samples"
    ).fetchone()
    assert row == ("phone", T0 + timedelta(microseconds=123457), "example.com", 0, "ünïcode ✓")
    r = post(api, emp, [sample(i, title="t" * 1000, url=f"https://x.example.com/{'p' * 1500}") for i in range(1000)])
    assert r.status_code == 200 and r.json["accepted"] == 1000


# --- heartbeats ------------------------------------------------------------------------------------------------


def beat(api, who, seconds: float, data: dict, duration: float = 0, pulsetime: float = 30, bucket: str = "aw-w_h"):
    r = api.post(
        f"{A}/heartbeat/{bucket}?pulsetime={pulsetime}",
        token=who["token"],
        json={"timestamp": (T0 + timedelta(seconds=seconds)).isoformat(), "duration": duration, "data": data},
    )
    assert r.status_code == 200, r.json
    return r.json


def test_heartbeats_merge_within_pulsetime(api, org, owner_conn):
    emp = org["emp"]
    code = {"app": "Code", "title": "main.py"}
    assert beat(api, emp, 0, code)["merged"] is False
    assert beat(api, emp, 10, code)["duration"] == 10
    hb = beat(api, emp, 25, code, duration=2)
    assert hb["merged"] is True and hb["duration"] == 27
    assert beat(api, emp, 20, code)["duration"] == 27  # an earlier heartbeat never shortens the event
    assert beat(api, emp, 70, code)["merged"] is False  # 70 > 27 + 30: a gap, new event
    assert beat(api, emp, 75, {"app": "Slack", "title": "general"})["merged"] is False
    assert beat(api, emp, 80, code)["merged"] is False  # data changed in between
    assert beat(api, emp, 81.5, code, bucket="other")["merged"] is False  # buckets are separate
    r = api.get(f"{A}/api/0/buckets/aw-w_h/events", token=emp["token"])
    assert [(e["data"]["app"], e["duration"]) for e in r.json] == [("Code", 0), ("Slack", 0), ("Code", 0), ("Code", 27)]
    r = api.post(
        f"{A}/api/0/buckets/aw-w_h/heartbeat?pulsetime=30",
        token=emp["token"],
        json={"timestamp": (T0 + timedelta(seconds=90)).isoformat(), "duration": 0, "data": code},
    )
    assert r.json["merged"] is True and r.json["duration"] == 10
    assert (
        api.post(f"{A}/heartbeat/aw-w_h", token=emp["token"], json={"timestamp": T0.isoformat()}).status_code == 400
    )  # pulsetime is required
    r = api.post(
        f"{A}/heartbeat/aw-w_h?pulsetime=30",
        token=emp["token"],
        json={"timestamp": T0.isoformat(), "data": {"title": "x" * 20_000}},
    )
    assert r.status_code == 400 and "data" in r.json["error"]["fields"]
    assert (
        api.post(
            f"{A}/api/0/buckets/aw-afk_h", json={"type": "afkstatus", "client": "aw-watcher-afk"}, token=emp["token"]
        ).status_code
        == 200
    )
    assert api.post(f"{A}/api/0/buckets/aw-afk_h", json={}, token=emp["token"]).status_code == 304
    assert set(api.get(f"{A}/api/0/buckets", token=emp["token"]).json) == {"aw-w_h", "other", "aw-afk_h"}
    beat(api, emp, 0, {"status": "afk"}, duration=300, bucket="aw-afk_h")  # stored, not counted as app time
    code_secs = owner_conn.execute("SELECT seconds FROM activity_daily WHERE app = 'Code'").fetchone()[0]
    assert code_secs == Decimal("37.000")
    assert count(owner_conn, "activity_events") == 6
    assert count(owner_conn, "activity_daily") == 2  # Code and Slack; the afk event adds no app time


# --- rollups ---------------------------------------------------------------------------------------------------

RAW_DAILY = """
SELECT user_id, day, app, domain, sum(seconds) AS seconds, sum(active) AS active, sum(idle) AS idle FROM (
  SELECT s.user_id, (s.started_at AT TIME ZONE u.timezone)::date AS day, s.app, coalesce(s.domain, '') AS domain,
         s.duration AS seconds, s.active_seconds AS active, CASE WHEN s.idle THEN s.duration ELSE 0 END AS idle
  FROM activity_samples s JOIN users u ON u.id = s.user_id
  UNION ALL
  SELECT e.user_id, (e.started_at AT TIME ZONE u.timezone)::date, e.app, e.domain, e.duration, 0, 0
  FROM activity_events e JOIN users u ON u.id = e.user_id WHERE e.app <> '' OR e.domain <> ''
) x GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
"""


def rollup_rows(owner_conn):
    return owner_conn.execute(
        "SELECT user_id, day, app, domain, seconds, active_seconds, idle_seconds"
        " FROM activity_daily ORDER BY 1, 2, 3, 4"
    ).fetchall()


def productivity_rows(owner_conn):
    return {
        (str(r[0]), r[1]): r[2:]
        for r in owner_conn.execute(
            "SELECT user_id, day, productive_seconds, neutral_seconds, unproductive_seconds, idle_seconds"
            " FROM productivity_daily"
        ).fetchall()
    }


def feed(api, org):
    """Post a few batches over two days (incl. 23:30 UTC = next day in Berlin), idle samples and heartbeats."""
    emp, other = org["emp"], org["other"]
    apps = [
        ("Code", None),
        ("Firefox", "https://www.youtube.com/watch?v=1"),
        ("Firefox", "https://github.com/x"),
        ("Slack", None),
        ("Chrome", "https://docs.google.com/d"),
    ]
    for n, who in enumerate([emp, other, emp]):
        batch = []
        for i in range(40):
            app, url = apps[(i + n) % len(apps)]
            batch.append(
                sample(
                    n * 100 + i,
                    minutes=i * 37,
                    app=app,
                    url=url,
                    idle=(i % 7 == 0),
                    keyboard=i % 50,
                    mouse=(i * 3) % 40,
                )
            )
        assert post(api, who, batch, device=f"dev{n}").status_code == 200
    beat(api, emp, 0, {"app": "Code", "title": "a"})
    beat(api, emp, 20, {"app": "Code", "title": "a"}, duration=1.5)
    beat(api, emp, 30, {"url": "https://news.ycombinator.com/", "title": "HN"}, bucket="aw-watcher-web")
    beat(api, emp, 44.25, {"url": "https://news.ycombinator.com/", "title": "HN"}, bucket="aw-watcher-web")


def test_rollups_match_raw_samples_before_and_after_recompute(api, org, owner_conn):
    feed(api, org)
    raw = owner_conn.execute(RAW_DAILY).fetchall()
    assert len({r[1] for r in raw}) == 2  # samples span two days in Europe/Berlin
    assert rollup_rows(owner_conn) == raw
    before = productivity_rows(owner_conn)
    for (user, day), (p, n, u, idle) in before.items():
        day_rows = [r for r in raw if str(r[0]) == user and r[1] == day]
        assert p + n + u + idle == sum(r[4] for r in day_rows) and idle == sum(r[6] for r in day_rows)
        assert p == u == 0  # no rules yet: all neutral
    admin = org["admin"]["token"]
    assert (
        api.post(
            f"{A}/rules", token=admin, json={"target": "domain", "pattern": "youtube.com", "category": "unproductive"}
        ).status_code
        == 201
    )
    assert (
        api.post(
            f"{A}/rules",
            token=admin,
            json={"target": "app", "match_type": "regex", "pattern": "^(code|slack)$", "category": "productive"},
        ).status_code
        == 201
    )
    drain("reports")
    assert rollup_rows(owner_conn) == raw
    after = productivity_rows(owner_conn)
    assert set(after) == set(before)
    emp_id = org["emp"]["user"]["id"]
    expect_unproductive = sum(r[4] - r[6] for r in raw if r[3] == "youtube.com" and str(r[0]) == emp_id)
    got = sum(v[2] for k, v in after.items() if k[0] == emp_id)
    assert got == expect_unproductive > 0
    for key, (p, n, u, idle) in after.items():
        assert p + n + u + idle == sum(before[key])
    # further ingest keeps adding to the recomputed rollups; a second run changes nothing
    post(api, org["emp"], [sample(900 + i, minutes=5 + i, app="Slack") for i in range(10)], device="dev9")
    raw = owner_conn.execute(RAW_DAILY).fetchall()
    assert rollup_rows(owner_conn) == raw
    snapshot = productivity_rows(owner_conn)
    api.post(f"{A}/rules/recompute", token=admin)
    drain("reports")
    assert rollup_rows(owner_conn) == raw and productivity_rows(owner_conn) == snapshot


def test_reports_usage_daily_and_timeline(api, org):
    emp = org["emp"]
    post(
        api,
        emp,
        [
            sample(1, minutes=1, app="Code", keyboard=30, mouse=0),
            sample(2, minutes=2, app="Firefox", url="https://www.github.com/a", keyboard=0, mouse=15),
            sample(3, minutes=3, app="Firefox", url="https://github.com/b", idle=True, keyboard=0, mouse=0),
            sample(4, minutes=15, app="Code", active_seconds=60, keyboard=0, mouse=0),
        ],
    )
    q = "from=2026-03-01&to=2026-03-03"
    r = api.get(f"{A}/usage?{q}", token=emp["token"])
    assert [(i["name"], i["seconds"], i["active_seconds"]) for i in r.json["items"]] == [
        ("Code", 120, 90),
        ("Firefox", 120, 15),
    ]
    r = api.get(f"{A}/usage?{q}&by=domain&group=user,day", token=emp["token"])
    (row,) = r.json["items"]
    assert (row["name"], row["seconds"], row["idle_seconds"], row["day"]) == ("github.com", 120, 60, "2026-03-02")
    r = api.get(f"{A}/daily?{q}", token=emp["token"])
    assert r.json["items"][0]["activity_pct"] == round(100 * 105 / 240, 1)
    r = api.get(
        f"{A}/timeline?from={T0.isoformat()}&to={(T0 + timedelta(hours=1)).isoformat()}&interval=600".replace(
            "+", "%2B"
        ),
        token=emp["token"],
    )
    bins = [(b["seconds"], b["active_seconds"], b["idle_seconds"]) for b in r.json["items"]]
    assert bins == [(180, 45, 60), (60, 60, 0)]
    assert api.get(f"{A}/usage?by=title", token=emp["token"]).status_code == 400


# --- productivity rules ----------------------------------------------------------------------------------------


def test_rule_matching_precedence():
    rules = [
        Rule("app", "exact", "Firefox", "neutral", False),
        Rule("app", "glob", "slack*", "unproductive", False),
        Rule("app", "glob", "slack*", "productive", True),
        Rule("domain", "regex", r"(^|\.)youtube\.com$", "unproductive", False),
        Rule("domain", "exact", "music.youtube.com", "productive", True),
        Rule("app", "regex", "term", "productive", False),
    ]
    c = Classifier(rules)
    assert c.category("firefox", "") == "neutral"
    assert c.category("Firefox", "www.youtube.com") == "unproductive"  # domain beats app
    assert c.category("Firefox", "music.youtube.com") == "productive"  # team beats company
    assert c.category("Slack Desktop", "") == "productive"  # team override of the company glob
    assert c.category("gnome-terminal", "") == "productive"  # regex is searched
    assert c.category("Unknown", "example.org") == "neutral"
    assert Classifier([r for r in rules if not r.team]).category("Slack", "") == "unproductive"
    assert check_pattern("regex", "(unclosed") and check_pattern("glob", "[a") is None


def test_rules_api_validation_team_override_and_permissions(api, org, owner_conn):
    admin, manager, emp, other = org["admin"], org["manager"], org["emp"], org["other"]
    r = api.post(
        f"{A}/rules",
        token=admin["token"],
        json={"target": "app", "match_type": "regex", "pattern": "(bad", "category": "productive"},
    )
    assert r.status_code == 400 and "pattern" in r.json["error"]["fields"]
    r = api.post(f"{A}/rules", token=admin["token"], json={"target": "window", "pattern": "x", "category": "bad"})
    assert r.status_code == 400 and {"target", "category"} <= set(r.json["error"]["fields"])
    assert (
        api.post(
            f"{A}/rules", token=emp["token"], json={"target": "app", "pattern": "x", "category": "productive"}
        ).status_code
        == 403
    )
    r = api.post(
        f"{A}/rules", token=admin["token"], json={"target": "app", "pattern": "Slack", "category": "unproductive"}
    )
    company_rule = r.json["rule"]["id"]
    assert (
        api.post(
            f"{A}/rules", token=admin["token"], json={"target": "app", "pattern": "slack", "category": "neutral"}
        ).status_code
        == 409
    )
    r = api.post(
        f"{A}/rules",
        token=manager["token"],
        json={"target": "app", "match_type": "glob", "pattern": "sl*", "category": "productive"},
    )
    assert r.status_code == 201 and r.json["rule"]["manager_id"] == manager["user"]["id"]
    team_rule = r.json["rule"]["id"]
    assert (
        api.patch(f"{A}/rules/{company_rule}", json={"category": "neutral"}, token=manager["token"]).status_code == 403
    )
    assert (
        api.patch(
            f"{A}/rules/{team_rule}", json={"match_type": "regex", "pattern": "*x"}, token=manager["token"]
        ).status_code
        == 400
    )
    for who in (emp, other):
        post(api, who, [sample(i, app="Slack") for i in range(3)])
    drain("reports")
    prod = {k[0]: v for k, v in productivity_rows(owner_conn).items()}
    assert prod[emp["user"]["id"]][0] == 180 and prod[other["user"]["id"]][2] == 180
    assert api.delete(f"{A}/rules/{team_rule}", token=manager["token"]).status_code == 204
    drain("reports")
    prod = {k[0]: v for k, v in productivity_rows(owner_conn).items()}
    assert prod[emp["user"]["id"]][2] == 180
    assert len(api.get(f"{A}/rules", token=emp["token"]).json["items"]) == 1


def test_rule_patterns_re2_cannot_run_are_refused(api, org):
    """Issue 11 #1: rules run on RE2; a pattern it cannot run is a 400 naming the field, not a rule that never runs."""
    for bad in (r"(a)\1", "(?=a)b", "(?<!x)y"):
        r = api.post(
            f"{A}/rules",
            token=org["admin"]["token"],
            json={"target": "app", "match_type": "regex", "pattern": bad, "category": "productive"},
        )
        assert r.status_code == 400 and "RE2" in r.json["error"]["fields"]["pattern"], r.json


def test_catastrophic_regex_rule_costs_nobody_anything(api, org, owner_conn):
    """Issue 11 #1: `^(a+)+$` used to stall the whole process for 13-24 s per sample; RE2 runs it in linear time."""
    admin, emp = org["admin"]["token"], org["emp"]
    rule = {"target": "app", "match_type": "regex", "pattern": "^(a+)+$", "category": "productive"}
    assert api.post(f"{A}/rules", token=admin, json=rule).status_code == 201
    drain("reports")
    done: dict = {}

    def ingest():
        started, client = time.perf_counter(), type(api)()
        done["first"] = post(client, emp, [sample(1, app="a" * 27 + "!")]).status_code
        if time.perf_counter() - started < 5:  # on a backtracking engine the 200-character names never finish
            done["rest"] = post(client, emp, [sample(2, app="a" * 199 + "!"), sample(3, app="a" * 200)]).status_code
            done["beat"] = beat(client, emp, 3600, {"app": "a" * 199 + "!", "title": "x"})["duration"]
        done["seconds"] = time.perf_counter() - started

    worker = threading.Thread(target=ingest)
    worker.start()
    health = []  # (status, seconds) of /healthz calls made while the samples are ingested
    while worker.is_alive() or not health:
        started = time.perf_counter()
        health.append((api.get(f"{A}/healthz").status_code, time.perf_counter() - started))
    worker.join()
    slowest = max(t for _, t in health)
    print(f"ingest+heartbeat {done['seconds']:.3f} s, slowest of {len(health)} /healthz meanwhile {slowest:.3f} s")
    assert done["seconds"] < 5 and slowest < 5, (slowest, done)  # generous: was 13-24 s per 28-character name
    assert {s for s, _ in health} == {200} and done["first"] == done["rest"] == 200, (health, done)
    started = time.perf_counter()
    assert api.post(f"{A}/rules/recompute", token=admin).status_code == 202
    drain("reports")
    print(f"recompute {time.perf_counter() - started:.3f} s")
    assert time.perf_counter() - started < 10
    (row,) = productivity_rows(owner_conn).values()
    assert row[0] == 60  # only "a"*200 matches the anchored rule; the others are neutral
    assert matches(Rule("app", "regex", "^(a+)+$", "productive", False), "a" * 10_000)  # cut to MAX_NAME, still fast


# --- visibility and isolation ----------------------------------------------------------------------------------


def users_in(api, who, query: str = "") -> set[str]:
    r = api.get(f"{A}/usage?from=2026-03-01&to=2026-03-03&group=user{query}", token=who["token"])
    assert r.status_code == 200, r.json
    return {i["user_id"] for i in r.json["items"]}


def test_employee_manager_admin_visibility(api, org):
    emp, other, manager, admin = org["emp"], org["other"], org["manager"], org["admin"]
    post(api, emp, [sample(1)])
    post(api, other, [sample(1)])
    e, o = emp["user"]["id"], other["user"]["id"]
    assert users_in(api, emp) == {e}
    assert users_in(api, manager) == {e}
    assert users_in(api, admin) == {e, o}
    assert users_in(api, admin, f"&team={manager['user']['id']}") == {e}
    assert api.get(f"{A}/usage?user_id={o}", token=manager["token"]).status_code == 404
    assert api.get(f"{A}/usage?user_id={e}", token=other["token"]).status_code == 404
    assert api.get(f"{A}/timeline?user_id={o}", token=emp["token"]).status_code == 404
    assert (
        api.get(
            f"{A}/timeline?user_id={e}&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z", token=manager["token"]
        ).json["items"][0]["seconds"]
        == 60
    )
    r = api.get(f"{A}/productivity?from=2026-03-01&to=2026-03-03", token=manager["token"])
    assert {i["user_id"] for i in r.json["items"]} == {e}


def test_cross_company_isolation(api, org, owner_conn):
    post(api, org["emp"], [sample(1, app="Slack")])
    rival = signup(api, company="Rival")
    rival_emp = invite_and_accept(api, rival, name="Rita Rival")
    consent(api, rival, rival_emp, activity=True)
    r = api.post(
        f"{A}/rules", token=rival["token"], json={"target": "app", "pattern": "Slack", "category": "unproductive"}
    )
    assert r.status_code == 201
    drain("reports")
    assert users_in(api, rival) == set()
    e = org["emp"]["user"]["id"]
    assert api.get(f"{A}/usage?user_id={e}", token=rival["token"]).status_code == 404
    assert api.get(f"{A}/timeline?user_id={e}", token=rival["token"]).status_code == 404
    assert api.get(f"{A}/api/0/buckets/x/events?user_id={e}", token=rival["token"]).status_code == 404
    rule = r.json["rule"]["id"]
    assert api.delete(f"{A}/rules/{rule}", token=org["admin"]["token"]).status_code == 404
    assert api.get(f"{A}/rules", token=org["admin"]["token"]).json["items"] == []
    # the same client sequence numbers in another company are separate samples
    assert post(api, rival_emp, [sample(1, app="Slack")]).json["accepted"] == 1
    prod = {k[0]: v for k, v in productivity_rows(owner_conn).items()}
    assert prod[e][1] == 60 and prod[rival_emp["user"]["id"]][2] == 60


# --- concurrency (several replicas: no per-process locks) -----------------------------------------------------


def run_threads(fn, n: int) -> list:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(fn, range(n)))


def test_concurrent_heartbeats_and_retried_batches_stay_consistent(org, owner_conn):
    from apiclient import Api

    emp = org["emp"]

    def heartbeats(k: int):
        api = Api()
        return [beat(api, emp, 1 + k * 5 + j, {"app": "Code", "title": "x"}, bucket="race")["merged"] for j in range(5)]

    assert beat(Api(), emp, 0, {"app": "Code", "title": "x"}, bucket="race")["merged"] is False
    # 30 racing heartbeats at 1..30 s, all within the pulse window of the event: serialised by the bucket row
    # lock, every one merges and the event ends at the latest (a lost update would leave it shorter).
    assert all(all(r) for r in run_threads(heartbeats, 6))
    row = owner_conn.execute("SELECT count(*), max(duration) FROM activity_events").fetchone()
    assert row == (1, Decimal("30.000"))

    def batches(k: int):
        api = Api()
        return post(api, emp, [sample(i, minutes=i) for i in range(k % 2 * 30, k % 2 * 30 + 60)], device="retry").json[
            "accepted"
        ]

    assert sum(run_threads(batches, 6)) == 90  # the same two overlapping batches posted three times each
    assert rollup_rows(owner_conn) == owner_conn.execute(RAW_DAILY).fetchall()
    total = owner_conn.execute(
        "SELECT sum(productive_seconds + neutral_seconds + unproductive_seconds + idle_seconds) FROM productivity_daily"
    ).fetchone()[0]
    assert total == 90 * 60 + 30


# --- recompute after rule edits: only the affected days, in batches, never blocking ingest ------------------------


def from_scratch(owner_conn) -> dict:
    """Productivity per (user, day) computed here from the raw samples and the current (company) rules."""
    from workmonitor.activity.productivity import daily_increments

    rules = Classifier(
        Rule(*r, team=False)
        for r in owner_conn.execute("SELECT target, match_type, pattern, category FROM productivity_rules").fetchall()
    )
    out = {}
    for row in owner_conn.execute(RAW_DAILY).fetchall():
        user, day, app, domain, seconds, active, idle = row
        inc = daily_increments(
            rules,
            [
                {
                    "day": day,
                    "app": app,
                    "domain": domain,
                    "seconds": seconds,
                    "idle_seconds": idle,
                    "active_seconds": active,
                }
            ],
        )
        acc = out.setdefault((str(user), day), [0, 0, 0, 0])
        for i in range(4):
            acc[i] += inc[day][i]
    return {k: tuple(Decimal(v) for v in acc) for k, acc in out.items()}


def many_days(api, emp, days: int, first_seq: int = 0):
    """Post 10 samples a day (Code and Slack, one on youtube.com) on `days` days from T0."""
    batch = [
        sample(
            first_seq + d * 10 + i,
            minutes=d * 1440 + 60 + i,
            app=("Code", "Slack", "Firefox")[i % 3],
            url="https://youtube.com/x" if i % 3 == 2 else None,
            idle=i == 9,
        )
        for d in range(days)
        for i in range(10)
    ]
    assert post(api, emp, batch, device="multi").status_code == 200


def test_rule_edits_recompute_only_affected_days_and_match_a_from_scratch_computation(api, org, owner_conn):
    from rq import Queue

    from workmonitor.activity import recompute
    from workmonitor.redis_client import client

    many_days(api, org["emp"], 5)
    post(api, org["other"], [sample(1, app="Notes")], device="x")  # another user's day with no matching app
    admin = org["admin"]["token"]
    r = api.post(f"{A}/rules", token=admin, json={"target": "app", "pattern": "code", "category": "productive"})
    assert r.status_code == 201
    rule = r.json["rule"]
    drain("reports")
    assert Queue("reports", connection=client()).failed_job_registry.count == 0  # the recompute no longer crashes
    assert productivity_rows(owner_conn) == from_scratch(owner_conn)
    assert sum(v[0] for v in productivity_rows(owner_conn).values()) > 0
    # an edit that moves the rule to another app and category: both the old and the new pattern's days change
    r = api.patch(f"{A}/rules/{rule['id']}", token=admin, json={"pattern": "sl*", "match_type": "glob"})
    assert r.status_code == 200
    drain("reports")
    assert productivity_rows(owner_conn) == from_scratch(owner_conn)
    r = api.post(
        f"{A}/rules", token=admin, json={"target": "domain", "pattern": "youtube.com", "category": "unproductive"}
    )
    drain("reports")
    assert productivity_rows(owner_conn) == from_scratch(owner_conn)
    assert api.delete(f"{A}/rules/{rule['id']}", token=admin).status_code == 204
    drain("reports")
    assert productivity_rows(owner_conn) == from_scratch(owner_conn)
    assert Queue("reports", connection=client()).failed_job_registry.count == 0
    # the affected days are bounded by the rule: a pattern nobody used touches nothing
    cid = org["admin"]["company"]["id"]
    assert recompute.recompute_rule_change(cid, [{"target": "app", "match_type": "exact", "pattern": "Vim"}]) == {
        "days": 0
    }
    assert recompute.recompute_rule_change(cid, [{"target": "app", "match_type": "exact", "pattern": "Notes"}]) == {
        "days": 1
    }
    # the full rebuild (POST /rules/recompute) from raw data agrees
    assert api.post(f"{A}/rules/recompute", token=admin).status_code == 202
    drain("reports")
    assert rollup_rows(owner_conn) == owner_conn.execute(RAW_DAILY).fetchall()
    assert productivity_rows(owner_conn) == from_scratch(owner_conn)


def test_ingest_is_not_blocked_by_a_recompute_and_nothing_is_double_counted(api, org, owner_conn, monkeypatch):
    import threading
    import time

    from apiclient import Api

    from workmonitor.activity import recompute

    emp, cid = org["emp"], org["admin"]["company"]["id"]
    many_days(api, emp, 30)
    owner_conn.execute(
        "INSERT INTO productivity_rules (company_id, target, match_type, pattern, category)"
        " VALUES (%s, 'app', 'exact', 'Code', 'productive')",
        (cid,),
    )
    paused, resume, calls = threading.Event(), threading.Event(), []
    real = recompute.rules_for_user

    def slow_rules(conn, user_id):  # the 5th batch (day 5) stops while it holds its (user, day) lock
        calls.append(user_id)
        if len(calls) == 5:
            paused.set()
            assert resume.wait(30)
        return real(conn, user_id)

    monkeypatch.setattr(recompute, "rules_for_user", slow_rules)
    spec = [{"target": "app", "match_type": "exact", "pattern": "Code"}]
    job = threading.Thread(target=lambda: calls.append(recompute.recompute_rule_change(cid, spec)))
    job.start()
    assert paused.wait(30)
    # a new batch for other days completes while the recompute is running (and holding a lock)
    started = time.monotonic()
    r = post(Api(), emp, [sample(5000 + i, minutes=40 * 1440 + i, app="Code") for i in range(50)], device="live")
    took = time.monotonic() - started
    assert r.status_code == 200 and r.json["accepted"] == 50
    assert job.is_alive() and took < 5, took
    # a batch for the very (user, day) being rebuilt waits for that one batch only, then counts once
    same_day = {}
    t = threading.Thread(
        target=lambda: same_day.update(
            r=post(Api(), emp, [sample(6000 + i, minutes=4 * 1440 + 300 + i, app="Code") for i in range(5)], "late")
        )
    )
    t.start()
    time.sleep(0.5)
    assert "r" not in same_day  # waiting on the batch's lock
    resume.set()
    job.join(60)
    t.join(60)
    assert same_day["r"].json["accepted"] == 5
    assert calls[-1] == {"days": 30}
    assert rollup_rows(owner_conn) == owner_conn.execute(RAW_DAILY).fetchall()
    assert productivity_rows(owner_conn) == from_scratch(owner_conn)
