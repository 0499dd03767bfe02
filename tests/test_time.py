"""time: timecalc rules, the timer, manual entries (overlap, validation, idempotency), listing, reports, RLS."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime

import psycopg
import pytest
from factories import invite_and_accept, signup
from psycopg.rows import dict_row
from roundtrips import counting
from seed_projects_time import add_entry, make_project

from workmonitor.db import Claims, set_claims
from workmonitor.errors import ValidationFailed
from workmonitor.schemas import check_range, parse_instant
from workmonitor.time import timecalc

T = "/function/time"


@pytest.fixture()
def co(api):
    """A company with an admin, a manager assigned to `emp`, `emp` and `other`, and a project of both employees."""
    admin = signup(api, company="Acme")
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    emp = invite_and_accept(api, admin, name="Eve Employee")
    other = invite_and_accept(api, admin, name="Otto Other")
    api.post(
        "/function/team/assignments",
        json={"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]},
        token=admin["token"],
    )
    proj = make_project(api, admin["token"], hourly_rate=6000, member_ids=[emp["user"]["id"], other["user"]["id"]])
    return {"admin": admin, "manager": manager, "emp": emp, "other": other, "project": proj}


def _entries(owner_conn, user_id) -> int:
    return owner_conn.execute("SELECT count(*) FROM time_entries WHERE user_id = %s", (user_id,)).fetchone()[0]


# --- timecalc ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mode,minutes,seconds,expected",
    [
        ("none", 1, 61, 61),
        ("up", 1, 61, 120),
        ("up", 15, 60, 900),
        ("up", 15, 900, 900),
        ("down", 15, 899, 0),
        ("down", 6, 725, 720),
        ("nearest", 5, 149, 0),
        ("nearest", 5, 150, 300),
        ("nearest", 10, 899, 600),
        ("nearest", 15, 450, 900),
        ("up", 10, 0, 0),
    ],
)
def test_rounding_rules(mode, minutes, seconds, expected):
    assert timecalc.round_seconds(seconds, mode, minutes) == expected


def test_rounding_rejects_unknown_rules():
    with pytest.raises(ValueError):
        timecalc.Rounding("up", 7)
    with pytest.raises(ValueError):
        timecalc.Rounding("sideways", 5)


def test_dst_days_split_at_local_midnight():
    tz = "Europe/Berlin"
    assert timecalc.day_length(date(2026, 3, 29), tz) == 23 * 3600
    assert timecalc.day_length(date(2026, 10, 25), tz) == 25 * 3600
    # 23:00 local on the 28th (CET) to 02:00 local on the 30th (CEST).
    pieces = timecalc.split_by_local_day(
        datetime(2026, 3, 28, 22, tzinfo=UTC), datetime(2026, 3, 30, 0, tzinfo=UTC), tz
    )
    assert pieces == [(date(2026, 3, 28), 3600), (date(2026, 3, 29), 23 * 3600), (date(2026, 3, 30), 2 * 3600)]
    pieces = timecalc.split_by_local_day(
        datetime(2026, 10, 24, 22, tzinfo=UTC), datetime(2026, 10, 26, 1, tzinfo=UTC), tz
    )
    assert pieces == [(date(2026, 10, 25), 25 * 3600), (date(2026, 10, 26), 2 * 3600)]
    with pytest.raises(ValueError):
        timecalc.split_by_local_day(datetime(2026, 1, 1), datetime(2026, 1, 2), tz)


def test_week_boundaries_follow_the_company_week_start():
    wed = date(2026, 11, 25)
    assert timecalc.week_of(wed, 1) == (date(2026, 11, 23), date(2026, 11, 29))
    assert timecalc.week_of(wed, 7) == (date(2026, 11, 22), date(2026, 11, 28))
    assert timecalc.week_of(wed, 3) == (wed, date(2026, 12, 1))
    assert timecalc.week_of(date(2026, 11, 24), 3) == (date(2026, 11, 18), date(2026, 11, 24))
    assert timecalc.local_range(date(2026, 3, 23), date(2026, 3, 29), "Europe/Berlin") == (
        datetime(2026, 3, 22, 23, tzinfo=UTC),
        datetime(2026, 3, 29, 22, tzinfo=UTC),
    )


# --- timer -------------------------------------------------------------------------------------------------


def test_starting_a_timer_stops_the_running_one_atomically(api, co, owner_conn):
    emp, pid = co["emp"], co["project"]["id"]
    r = api.post(
        f"{T}/timer/start", json={"project_id": pid, "description": "first", "source": "desktop"}, token=emp["token"]
    )
    assert r.status_code == 201 and r.json["entry"]["running"] and r.json["stopped"] is None
    first = r.json["entry"]
    assert first["billable"] is True and first["source"] == "desktop"  # billable from the project
    r = api.post(f"{T}/timer/start", json={"description": "second"}, token=emp["token"])
    assert r.status_code == 201, r.json
    assert r.json["stopped"]["id"] == first["id"] and r.json["stopped"]["ended_at"] == r.json["entry"]["started_at"]
    assert owner_conn.execute("SELECT count(*) FROM time_entries WHERE ended_at IS NULL").fetchone()[0] == 1
    assert api.get(f"{T}/timer", token=emp["token"]).json["entry"]["id"] == r.json["entry"]["id"]
    api.post(f"{T}/timer/start", json={}, token=co["other"]["token"])
    team = api.get(f"{T}/timers/running", token=co["manager"]["token"]).json["items"]
    assert [(t["id"], t["user_name"]) for t in team] == [(r.json["entry"]["id"], "Eve Employee")]
    assert len(api.get(f"{T}/timers/running", token=co["admin"]["token"]).json["items"]) == 2
    assert api.post(f"{T}/timer/stop", token=emp["token"]).status_code == 200
    r = api.post(f"{T}/timer/stop", token=emp["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "no_running_timer"
    assert api.get(f"{T}/timer", token=emp["token"]).json["entry"] is None


def test_resume_copies_the_last_entry(api, co):
    emp, pid = co["emp"], co["project"]["id"]
    assert api.post(f"{T}/timer/resume", json={}, token=emp["token"]).status_code == 404
    first = api.post(f"{T}/timer/start", json={"project_id": pid, "description": "Bugfix"}, token=emp["token"]).json[
        "entry"
    ]
    api.post(f"{T}/timer/stop", token=emp["token"])
    r = api.post(f"{T}/timer/resume", json={"source": "mobile"}, token=emp["token"])
    assert r.status_code == 201, r.json
    assert r.json["resumed_from"] == first["id"] and r.json["entry"]["id"] != first["id"]
    e = r.json["entry"]
    assert (e["project_id"], e["description"], e["running"], e["source"]) == (pid, "Bugfix", True, "mobile")
    r = api.post(f"{T}/timer/resume", json={"entry_id": first["id"]}, token=co["other"]["token"])
    assert r.status_code == 404


def test_one_running_timer_is_enforced_by_the_database(api, co, stack):
    emp = co["emp"]["user"]
    api.post(f"{T}/timer/start", json={}, token=co["emp"]["token"])
    with psycopg.connect(stack["app_url"]) as conn:
        set_claims(conn, Claims(company_id=emp["company_id"], user_id=emp["id"], role="employee"))
        with pytest.raises((psycopg.errors.UniqueViolation, psycopg.errors.ExclusionViolation)):
            conn.execute(
                "INSERT INTO time_entries (company_id, user_id, started_at) VALUES (%s, %s, now() + '1h')",
                (emp["company_id"], emp["id"]),
            )


def test_timer_on_foreign_or_archived_project_is_refused(api, co, owner_conn):
    emp, admin = co["emp"], co["admin"]["token"]
    outside = make_project(api, admin, "Outside")
    r = api.post(f"{T}/timer/start", json={"project_id": outside["id"]}, token=emp["token"])
    assert r.status_code == 404  # not a member: the project is invisible to the employee
    other_co = signup(api, company="Other")
    foreign = make_project(api, other_co["token"], "Foreign")
    assert api.post(f"{T}/timer/start", json={"project_id": foreign["id"]}, token=emp["token"]).status_code == 404
    assert api.post(f"{T}/timer/start", json={"project_id": foreign["id"]}, token=admin).status_code == 404
    api.patch(f"/function/projects/projects/{co['project']['id']}", json={"archived": True}, token=admin)
    r = api.post(f"{T}/timer/start", json={"project_id": co["project"]["id"]}, token=emp["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "project_archived"
    assert _entries(owner_conn, emp["user"]["id"]) == 0


# --- manual entries ----------------------------------------------------------------------------------------


def test_overlap_is_409_with_the_conflicting_entry(api, co, owner_conn):
    tok = co["emp"]["token"]
    first = add_entry(api, tok, "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z").json["entry"]
    r = add_entry(api, tok, "2026-11-02T09:30:00+00:00", "2026-11-02T11:00:00Z", expect=409)
    assert r.json["error"]["code"] == "overlap" and r.json["error"]["conflicting_entry"]["id"] == first["id"]
    add_entry(api, tok, "2026-11-02T08:00:00Z", "2026-11-02T12:00:00Z", expect=409)
    add_entry(api, tok, "2026-11-02T11:00:00+01:00", "2026-11-02T11:30:00+01:00")  # 10:00Z: touching the end is fine
    add_entry(api, co["other"]["token"], "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z")  # another user
    second = add_entry(api, tok, "2026-11-02T12:00:00Z", "2026-11-02T13:00:00Z").json["entry"]
    r = api.patch(f"{T}/entries/{second['id']}", json={"started_at": "2026-11-02T09:59:00Z"}, token=tok)
    assert r.status_code == 409 and r.json["error"]["conflicting_entry"]["id"] == first["id"]
    assert _entries(owner_conn, co["emp"]["user"]["id"]) == 3


def test_overlap_is_enforced_by_the_database(api, co, stack):
    add_entry(api, co["emp"]["token"], "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z")
    emp = co["emp"]["user"]
    with psycopg.connect(stack["app_url"]) as conn:
        set_claims(conn, Claims(company_id=emp["company_id"], user_id=emp["id"], role="employee"))
        with pytest.raises(psycopg.errors.ExclusionViolation):
            conn.execute(
                "INSERT INTO time_entries (company_id, user_id, started_at, ended_at)"
                " VALUES (%s, %s, '2026-11-02T09:59:00Z', '2026-11-02T10:30:00Z')",
                (emp["company_id"], emp["id"]),
            )


def test_bad_input_is_4xx_and_writes_nothing(api, co, owner_conn):
    tok, pid = co["emp"]["token"], co["project"]["id"]
    other_co = signup(api, company="Other")
    foreign = make_project(api, other_co["token"], "Foreign")
    task = api.post(
        f"/function/projects/projects/{foreign['id']}/tasks", json={"name": "X"}, token=other_co["token"]
    ).json["task"]
    s = "2026-11-02T09:00:00Z"
    cases = [
        ({"started_at": s, "ended_at": "2026-11-02T08:00:00Z"}, 400),
        ({"started_at": s, "ended_at": s}, 400),
        ({"started_at": s, "duration_seconds": -60}, 400),
        ({"started_at": s}, 400),
        ({"started_at": "2026-11-02T09:00:00", "ended_at": s}, 400),
        ({"started_at": "yesterday", "ended_at": s}, 400),
        ({"started_at": "2026-13-40T00:00:00Z"}, 400),
        ({"started_at": s, "ended_at": "2026-11-20T09:00:00Z"}, 400),
        ({"started_at": "2099-01-01T00:00:00Z", "duration_seconds": 60}, 400),
        ({"started_at": s, "duration_seconds": 60, "source": "fax"}, 400),
        ({"started_at": s, "duration_seconds": 60, "project_id": "nope"}, 400),
        ({"started_at": s, "duration_seconds": 60, "project_id": str(uuid.uuid4())}, 404),
        ({"started_at": s, "duration_seconds": 60, "project_id": foreign["id"]}, 404),
        ({"started_at": s, "duration_seconds": 60, "task_id": task["id"]}, 404),
        ({"started_at": s, "duration_seconds": 60, "user_id": co["other"]["user"]["id"]}, 404),
        ({"started_at": s, "duration_seconds": 60, "user_id": other_co["user"]["id"]}, 404),
    ]
    for payload, status in cases:
        r = api.post(f"{T}/entries", json=payload, token=tok)
        assert r.status_code == status, (payload, r.json)
        assert "error" in r.json
    r = api.post(f"{T}/entries", data="{not json", headers={"Content-Type": "application/json"}, token=tok)
    assert r.status_code == 400
    assert _entries(owner_conn, co["emp"]["user"]["id"]) == 0
    e = add_entry(api, tok, s, "2026-11-02T10:00:00Z", project_id=pid).json["entry"]
    assert api.patch(f"{T}/entries/{e['id']}", json={"ended_at": "2026-11-02T08:00:00Z"}, token=tok).status_code == 400
    assert api.patch(f"{T}/entries/{e['id']}", json={"ended_at": None}, token=tok).status_code == 400
    assert api.get(f"{T}/entries/{uuid.uuid4()}", token=tok).status_code == 404
    assert api.delete(f"{T}/entries/nope", token=tok).status_code == 404
    assert api.get(f"{T}/entries?from=2026-02-30", token=tok).status_code == 400
    assert api.get(f"{T}/entries?from=2026-11-05&to=2026-11-01", token=tok).status_code == 400


def test_task_must_belong_to_the_project(api, co):
    admin, tok = co["admin"]["token"], co["emp"]["token"]
    other = make_project(api, admin, "Other", member_ids=[co["emp"]["user"]["id"]])
    task = api.post(f"/function/projects/projects/{other['id']}/tasks", json={"name": "T"}, token=admin).json["task"]
    r = api.post(
        f"{T}/entries",
        json={
            "started_at": "2026-11-02T09:00:00Z",
            "duration_seconds": 600,
            "project_id": co["project"]["id"],
            "task_id": task["id"],
        },
        token=tok,
    )
    assert r.status_code == 422 and r.json["error"]["code"] == "task_not_in_project"
    r = add_entry(api, tok, "2026-11-02T09:00:00Z", "2026-11-02T09:10:00Z", task_id=task["id"])
    assert r.json["entry"]["project_id"] == other["id"]  # the task's project is implied
    r = api.patch(f"{T}/entries/{r.json['entry']['id']}", json={"project_id": co["project"]["id"]}, token=tok)
    assert r.status_code == 200 and r.json["entry"]["task_id"] is None


def test_idempotent_creates(api, co, owner_conn):
    tok = co["emp"]["token"]
    body = {"started_at": "2026-11-02T09:00:00Z", "ended_at": "2026-11-02T10:00:00Z", "source": "mobile"}
    first = api.post(f"{T}/entries", json=body, token=tok, headers={"Idempotency-Key": "abc-1"})
    again = api.post(f"{T}/entries", json=body, token=tok, headers={"Idempotency-Key": "abc-1"})
    assert first.status_code == again.status_code == 201
    assert again.json["entry"]["id"] == first.json["entry"]["id"] and again.headers["Idempotency-Replayed"] == "true"
    assert _entries(owner_conn, co["emp"]["user"]["id"]) == 1
    r = api.post(f"{T}/entries", json={**body, "description": "other"}, token=tok, headers={"Idempotency-Key": "abc-1"})
    assert r.status_code == 422 and r.json["error"]["code"] == "idempotency_key_reused"
    # The same key of another user is another key.
    r = api.post(f"{T}/entries", json=body, token=co["other"]["token"], headers={"Idempotency-Key": "abc-1"})
    assert r.status_code == 201 and r.json["entry"]["id"] != first.json["entry"]["id"]
    t1 = api.post(f"{T}/timer/start", json={}, token=tok, headers={"Idempotency-Key": "timer-1"})
    t2 = api.post(f"{T}/timer/start", json={}, token=tok, headers={"Idempotency-Key": "timer-1"})
    assert t1.json["entry"]["id"] == t2.json["entry"]["id"]
    assert _entries(owner_conn, co["emp"]["user"]["id"]) == 2
    assert api.post(f"{T}/timer/start", json={}, token=tok, headers={"Idempotency-Key": " "}).status_code == 400


def test_employees_editing_past_entries_follows_the_company_setting(api, co):
    admin, tok = co["admin"]["token"], co["emp"]["token"]
    assert api.get(f"{T}/settings", token=tok).json["settings"]["employees_edit_past"] is True
    past = add_entry(api, tok, "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z").json["entry"]
    assert api.patch(f"{T}/settings", json={"employees_edit_past": False}, token=tok).status_code == 403
    r = api.patch(f"{T}/settings", json={"employees_edit_past": False}, token=admin)
    assert r.status_code == 200 and r.json["settings"]["employees_edit_past"] is False
    r = api.patch(f"{T}/entries/{past['id']}", json={"description": "late fix"}, token=tok)
    assert r.status_code == 403 and r.json["error"]["code"] == "past_edit_forbidden"
    assert api.delete(f"{T}/entries/{past['id']}", token=tok).status_code == 403
    add_entry(api, tok, "2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z", expect=403)
    r = api.patch(f"{T}/entries/{past['id']}", json={"description": "fixed by manager"}, token=co["manager"]["token"])
    assert r.status_code == 200 and r.json["entry"]["description"] == "fixed by manager"
    assert api.post(f"{T}/timer/start", json={}, token=tok).status_code == 201  # today's time is unaffected
    assert api.patch(f"{T}/settings", json={"rounding_minutes": 7}, token=admin).status_code == 400


# --- listing, totals, rounding, reports ---------------------------------------------------------------------


def test_listing_filters_totals_pagination_and_rounding(api, co):
    admin, tok, pid = co["admin"]["token"], co["emp"]["token"], co["project"]["id"]
    client = api.post("/function/projects/clients", json={"name": "Globex"}, token=admin).json["client"]
    api.patch(f"/function/projects/projects/{pid}", json={"client_id": client["id"]}, token=admin)
    task = api.post(f"/function/projects/projects/{pid}/tasks", json={"name": "T"}, token=admin).json["task"]
    add_entry(api, tok, "2026-11-02T09:00:00Z", "2026-11-02T09:01:00Z", task_id=task["id"])  # 1 min billable
    add_entry(api, tok, "2026-11-03T09:00:00Z", "2026-11-03T09:20:00Z", project_id=pid, billable=False)
    add_entry(api, tok, "2026-11-04T09:00:00Z", "2026-11-04T10:00:00Z")  # no project
    add_entry(api, co["other"]["token"], "2026-11-02T09:00:00Z", "2026-11-02T11:00:00Z", project_id=pid)
    api.patch(f"{T}/settings", json={"rounding_mode": "up", "rounding_minutes": 15}, token=admin)
    r = api.get(f"{T}/entries?user_id={co['emp']['user']['id']}", token=admin)
    tot = r.json["totals"]
    assert (tot["count"], tot["seconds"], tot["rounded_seconds"]) == (3, 60 + 1200 + 3600, 900 + 1800 + 3600)
    assert tot["billable_seconds"] == 60 and tot["amounts"] == {"USD": 1500}  # 15 rounded minutes at 60.00/h
    assert r.json["items"][0]["duration_seconds"] == 3600 and r.json["items"][-1]["rounded_seconds"] == 900

    def ids(q):
        return {e["id"] for e in api.get(f"{T}/entries?{q}", token=admin).json["items"]}

    assert len(ids(f"project_id={pid}")) == 3 and len(ids(f"task_id={task['id']}")) == 1
    assert len(ids(f"client_id={client['id']}")) == 3 and len(ids("billable=false")) == 2
    assert len(ids("from=2026-11-03&to=2026-11-03")) == 1 and len(ids("from=2026-11-03")) == 2
    assert api.get(f"{T}/entries?billable=maybe", token=admin).status_code == 400
    page1 = api.get(f"{T}/entries?limit=2", token=admin).json
    page2 = api.get(f"{T}/entries?limit=2&offset=2", token=admin).json
    assert page1["has_more"] and page1["next_offset"] == 2 and not page2["has_more"]
    assert len({e["id"] for e in page1["items"] + page2["items"]}) == 4
    assert page1["totals"]["count"] == page2["totals"]["count"] == 2  # no `from`: totals of the page only
    assert api.get(f"{T}/entries?limit=2&from=2026-11-01", token=admin).json["totals"]["count"] == 4


def test_employees_see_no_amounts_computed_from_hidden_rates(api, co):
    """Issue 11 #5: projects answer hourly_rate null to an employee; no amount computed from it reaches them."""
    pid, emp, manager = co["project"]["id"], co["emp"], co["manager"]
    add_entry(api, emp["token"], "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z", project_id=pid)
    assert api.get(f"/function/projects/projects/{pid}", token=emp["token"]).json["project"]["hourly_rate"] is None
    urls = [f"{T}/entries", f"{T}/entries?from=2026-11-01"]
    urls += [f"{T}/reports/summary?group_by={g}&from=2026-11-01" for g in ("project", "user", "client", "task")]
    for url in urls:
        seen = {}
        for who in (emp, manager, co["admin"]):
            body = api.get(url, token=who["token"]).json
            amounts = [body["totals"]["amounts"], *(g["amounts"] for g in body.get("groups", []))]
            seen[who["user"]["role"]] = amounts
            assert body["totals"]["billable_seconds"] == 3600, (url, body)
        assert all(a == {} for a in seen["employee"]), (url, seen)
        assert seen["manager"][0] == seen["admin"][0] == {"USD": 6000}, (url, seen)


def test_listing_without_a_range_totals_the_page_in_sql(api, co, owner_conn):
    """Issue 11 #10: 50 of a user's 5,000 entries listed without a range used to total all 5,000 in Python."""
    uid, cid, pid = co["emp"]["user"]["id"], co["emp"]["user"]["company_id"], co["project"]["id"]
    owner_conn.execute(
        "INSERT INTO time_entries (company_id, user_id, project_id, started_at, ended_at, billable)"
        " SELECT %s, %s, %s, t, t + (600 + (i * 37) %% 3000) * interval '1 second', i %% 3 = 0"
        " FROM generate_series(1, 5000) i, LATERAL (SELECT '2020-01-01T00:00:00Z'::timestamptz"
        " + i * interval '1 hour' AS t) s",
        (cid, uid, pid),
    )
    owner_conn.execute("ANALYZE time_entries")  # as autovacuum would after such an insert
    api.patch(f"{T}/settings", json={"rounding_mode": "up", "rounding_minutes": 15}, token=co["admin"]["token"])
    sums = """SELECT count(*), sum(secs), sum(ceil(secs / 900.0) * 900), sum(secs) FILTER (WHERE billable),
      sum(round(ceil(secs / 900.0) * 900 * 6000 / 3600.0)) FILTER (WHERE billable) FROM (
      SELECT extract(epoch FROM ended_at - started_at)::bigint AS secs, billable FROM time_entries
      WHERE user_id = %s {where} ORDER BY started_at DESC {limit}) x"""

    def expected(where: str = "", limit: str = "", *args) -> tuple:
        row = owner_conn.execute(sums.format(where=where, limit=limit), (uid, *args)).fetchone()
        return tuple(int(v) for v in row)

    def got(body: dict) -> tuple:
        t = body["totals"]
        return t["count"], t["seconds"], t["rounded_seconds"], t["billable_seconds"], t["amounts"]["USD"]

    api.get(f"{T}/entries?limit=1", token=co["manager"]["token"])  # warm up: the figures below are the queries'
    started = time.perf_counter()
    r = api.get(f"{T}/entries?limit=50&offset=100", token=co["manager"]["token"])
    page_seconds = time.perf_counter() - started
    assert r.status_code == 200 and len(r.json["items"]) == 50, r.json
    assert got(r.json) == expected("", "LIMIT 50 OFFSET 100")
    assert r.json["totals"]["seconds"] == sum(e["duration_seconds"] for e in r.json["items"])
    started = time.perf_counter()
    r = api.get(f"{T}/entries?limit=50&from=2020-03-01&to=2020-03-31", token=co["manager"]["token"])
    range_seconds = time.perf_counter() - started
    march = "AND started_at >= '2020-03-01T00:00:00Z' AND started_at < '2020-04-01T00:00:00Z'"
    assert got(r.json) == expected(march) and r.json["totals"]["count"] == 31 * 24 and r.json["has_more"]
    print(f"5,000 entries: a page without a range {page_seconds:.3f} s, with a month's range {range_seconds:.3f} s")


def test_daily_report_splits_dst_days_in_the_users_time_zone(api, co):
    tok = co["emp"]["token"]
    assert api.patch("/function/auth/me", json={"timezone": "Europe/Berlin"}, token=tok).status_code == 200
    add_entry(api, tok, "2026-03-28T23:00:00+01:00", "2026-03-30T02:00:00+02:00")  # spans the 23h day
    add_entry(api, tok, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00")  # exactly the 25h day
    r = api.get(f"{T}/reports/daily?from=2026-03-28&to=2026-03-30", token=tok)
    assert r.status_code == 200 and r.json["timezone"] == "Europe/Berlin"
    assert [(d["date"], d["seconds"]) for d in r.json["days"]] == [
        ("2026-03-28", 3600),
        ("2026-03-29", 23 * 3600),
        ("2026-03-30", 2 * 3600),
    ]
    r = api.get(f"{T}/reports/daily?from=2026-10-24&to=2026-10-26", token=tok)
    assert [d["seconds"] for d in r.json["days"]] == [0, 25 * 3600, 0]
    # The manager reads the employee's days in the employee's zone; another employee may not.
    r = api.get(
        f"{T}/reports/daily?user_id={co['emp']['user']['id']}&from=2026-10-25&to=2026-10-25",
        token=co["manager"]["token"],
    )
    assert r.json["totals"]["seconds"] == 25 * 3600
    r = api.get(f"{T}/reports/daily?user_id={co['emp']['user']['id']}", token=co["other"]["token"])
    assert r.status_code == 404
    assert api.get(f"{T}/reports/daily?from=2025-01-01&to=2026-06-01", token=tok).status_code == 400


def test_entries_are_private_to_the_user_and_their_managers(api, co, stack):
    emp_entry = add_entry(api, co["emp"]["token"], "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z").json["entry"]
    other_entry = add_entry(api, co["other"]["token"], "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z").json["entry"]
    assert api.get(f"{T}/entries/{emp_entry['id']}", token=co["other"]["token"]).status_code == 404
    r = api.patch(f"{T}/entries/{emp_entry['id']}", json={"description": "x"}, token=co["other"]["token"])
    assert r.status_code == 404
    assert {e["id"] for e in api.get(f"{T}/entries", token=co["other"]["token"]).json["items"]} == {other_entry["id"]}
    mgr = {e["id"] for e in api.get(f"{T}/entries", token=co["manager"]["token"]).json["items"]}
    assert mgr == {emp_entry["id"]}  # only the assigned employee
    outsider = signup(api, company="Other")
    assert api.get(f"{T}/entries/{emp_entry['id']}", token=outsider["token"]).status_code == 404
    assert api.get(f"{T}/entries", token=outsider["token"]).json["items"] == []
    other = co["other"]["user"]
    with psycopg.connect(stack["app_url"], row_factory=dict_row) as conn:
        set_claims(conn, Claims(company_id=other["company_id"], user_id=other["id"], role="employee"))
        assert conn.execute("SELECT count(*) AS n FROM time_entries").fetchone()["n"] == 1
        assert conn.execute("DELETE FROM time_entries WHERE id = %s", (emp_entry["id"],)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO time_entries (company_id, user_id, started_at, ended_at)"
                " VALUES (%s, %s, now() - interval '2h', now() - interval '1h')",
                (other["company_id"], co["emp"]["user"]["id"]),
            )


def test_concurrent_starts_and_retries_stay_consistent(api, co, owner_conn):
    from concurrent.futures import ThreadPoolExecutor

    from apiclient import Api

    tok, uid = co["emp"]["token"], co["emp"]["user"]["id"]

    def start(i: int):
        return Api().post(f"{T}/timer/start", json={"description": f"t{i}"}, token=tok)

    def retry(_):
        return Api().post(
            f"{T}/timer/start", json={"description": "once"}, token=tok, headers={"Idempotency-Key": "same"}
        )

    with ThreadPoolExecutor(max_workers=5) as pool:
        assert {r.status_code for r in pool.map(start, range(5))} == {201}
    assert (
        owner_conn.execute(
            "SELECT count(*) FROM time_entries WHERE user_id = %s AND ended_at IS NULL", (uid,)
        ).fetchone()[0]
        == 1
    )
    assert _entries(owner_conn, uid) == 5
    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = {r.json["entry"]["id"] for r in pool.map(retry, range(4))}
    assert len(ids) == 1 and _entries(owner_conn, uid) == 6


def test_patching_a_task_moves_the_entry_to_its_project(api, co):
    admin, tok = co["admin"]["token"], co["emp"]["token"]
    other = make_project(api, admin, "Other", billable=False, member_ids=[co["emp"]["user"]["id"]])
    task = api.post(f"/function/projects/projects/{other['id']}/tasks", json={"name": "T"}, token=admin).json["task"]
    e = add_entry(api, tok, "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z", project_id=co["project"]["id"]).json
    assert e["entry"]["billable"] is True
    r = api.patch(f"{T}/entries/{e['entry']['id']}", json={"task_id": task["id"]}, token=tok)
    assert r.status_code == 200, r.json
    assert (r.json["entry"]["project_id"], r.json["entry"]["billable"]) == (other["id"], False)
    running = api.post(f"{T}/timer/start", json={}, token=tok).json["entry"]
    r = api.patch(f"{T}/entries/{running['id']}", json={"started_at": "2099-01-01T00:00:00Z"}, token=tok)
    assert r.status_code == 400


def test_summary_report_groups_with_rounding(api, co):
    admin, pid = co["admin"]["token"], co["project"]["id"]
    add_entry(api, co["emp"]["token"], "2026-11-02T09:00:00Z", "2026-11-02T09:07:00Z", project_id=pid)
    add_entry(api, co["other"]["token"], "2026-11-02T09:00:00Z", "2026-11-02T11:00:00Z", project_id=pid)
    add_entry(api, co["other"]["token"], "2026-11-03T09:00:00Z", "2026-11-03T09:30:00Z")
    api.patch(f"{T}/settings", json={"rounding_mode": "nearest", "rounding_minutes": 10}, token=admin)
    r = api.get(f"{T}/reports/summary?group_by=user&from=2026-11-01&to=2026-11-30", token=admin)
    assert r.status_code == 200, r.json
    by_user = {g["key"]: g for g in r.json["groups"]}
    assert by_user[co["emp"]["user"]["id"]]["rounded_seconds"] == 600  # 7 min to the nearest 10
    assert by_user[co["other"]["user"]["id"]]["seconds"] == 9000 and r.json["totals"]["count"] == 3
    r = api.get(f"{T}/reports/summary?group_by=project", token=admin)
    assert [(g["name"], g["count"]) for g in r.json["groups"]] == [("Website", 2), (None, 1)]
    assert r.json["groups"][0]["amounts"] == {"USD": 13000}  # (10 + 120) rounded minutes at 60.00/h
    assert api.get(f"{T}/reports/summary?group_by=planet", token=admin).status_code == 400
    r = api.get(f"{T}/reports/summary?group_by=user", token=co["emp"]["token"])
    assert [g["key"] for g in r.json["groups"]] == [co["emp"]["user"]["id"]]


# --- the one instant parser and the one date-range rule (workmonitor.schemas) -----------------------------------


def test_parse_instant_refuses_a_time_without_a_zone_naming_the_field():
    assert parse_instant("2026-11-02T10:00:00+01:00", "since") == datetime(2026, 11, 2, 9, tzinfo=UTC)
    assert parse_instant("2026-11-02T09:00:00Z", "since") == parse_instant("2026-11-02 09:00:00 00:00", "since")
    for raw, reason in (("2026-11-02T09:00:00", "needs a time zone"), ("yesterday", "not ISO 8601")):
        with pytest.raises(ValidationFailed) as err:
            parse_instant(raw, "since")
        assert err.value.status == 400 and err.value.fields == {"since": reason}


def test_check_range_counts_both_days_against_one_limit():
    check_range(date(2026, 1, 1), date(2026, 1, 10), max_days=10)  # ten days, both counted
    check_range(date(2026, 1, 1), None, max_days=1)  # an open end is not checked
    check_range(date(2026, 1, 1), date(2030, 1, 1), max_days=None)  # no limit
    with pytest.raises(ValidationFailed) as err:
        check_range(date(2026, 1, 1), date(2026, 1, 11), max_days=10)
    assert err.value.fields == {"to": "range too long"}
    with pytest.raises(ValidationFailed) as err:
        check_range(date(2026, 1, 2), date(2026, 1, 1))
    assert err.value.fields == {"to": "before from"}


# --- SQL round trips --------------------------------------------------------------------------------------------


def test_one_manual_entry_costs_three_round_trips(api, co, monkeypatch, capsys):
    tok, pid = co["emp"]["token"], co["project"]["id"]
    add_entry(api, tok, "2026-11-02T07:00:00Z", "2026-11-02T08:00:00Z", project_id=pid)  # warm
    with counting(monkeypatch) as sent:
        add_entry(api, tok, "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z", project_id=pid)
    with counting(monkeypatch) as keyed:
        r = api.post(
            f"{T}/entries",
            json={"started_at": "2026-11-02T11:00:00Z", "ended_at": "2026-11-02T12:00:00Z", "project_id": pid},
            token=tok,
            headers={"Idempotency-Key": "rt-1"},
        )
    assert r.status_code == 201, r.json
    with capsys.disabled():
        print(f"\nPOST /time/entries (one manual entry, a project): {len(sent)} round trips: {sent}")
        print(f"POST /time/entries with an Idempotency-Key: {len(keyed)} round trips: {keyed}")
    # before issue 13: 6 (BEGIN, claims, user + settings + lock, project, insert, COMMIT)
    assert len(sent) == 3 and len(keyed) == 3, (sent, keyed)
