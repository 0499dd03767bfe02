"""attendance: clock, breaks, shifts (DST-correct), late/early/absent flags, leave, balances (GPS/RLS: test_geo)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import psycopg
import pytest
from factories import invite_and_accept
from seed_attendance import team

from workmonitor import db as dbmod
from workmonitor.attendance import shifts
from workmonitor.attendance.leave import working_days

A = "/function/attendance"


def _at(text: str) -> datetime:
    """Return a wire timestamp as an aware datetime (compare instants, not spellings)."""
    return datetime.fromisoformat(text)


# --- clock in / out and breaks -----------------------------------------------------------------------------


def test_clock_in_out_one_open_record(api, owner_conn):
    from workmonitor.redis_client import client

    t = team(api)
    emp = t["employee"]["token"]
    sub = client().pubsub(ignore_subscribe_messages=True)
    sub.subscribe("socketio")
    r = api.post(f"{A}/clock-in", json={"source": "mobile", "note": "hi"}, token=emp)
    assert r.status_code == 201, r.json
    record = r.json["record"]
    assert record["clock_out_at"] is None and record["source"] == "mobile" and record["clock_in_at"].endswith("Z")
    r = api.post(f"{A}/clock-in", json={}, token=emp)
    assert r.status_code == 409 and r.json["error"]["code"] == "already_clocked_in"
    assert api.get(f"{A}/status", token=emp).json["clocked_in"] is True
    open_now = api.get(f"{A}/records?open=true", token=t["manager"]["token"]).json["items"]
    assert [i["id"] for i in open_now] == [record["id"]]
    r = api.post(f"{A}/clock-out", json={}, token=emp)
    assert r.status_code == 200 and r.json["record"]["clock_out_at"] > record["clock_in_at"]
    r = api.post(f"{A}/clock-out", json={}, token=emp)
    assert r.status_code == 409 and r.json["error"]["code"] == "not_clocked_in"
    assert api.get(f"{A}/status", token=emp).json["clocked_in"] is False
    assert api.get(f"{A}/records?open=true", token=t["admin"]["token"]).json["items"] == []
    seen = [json.loads(m["data"]) for m in (sub.get_message(timeout=0.05) for _ in range(10)) if m]
    seen = [m for m in seen if m.get("room") == f"user:{t['emp_id']}"]  # other test runs share the channel
    sub.close()
    assert [(m["event"], m["room"]) for m in seen] == [
        ("attendance.clocked_in", f"user:{t['emp_id']}"),
        ("attendance.clocked_out", f"user:{t['emp_id']}"),
    ]
    # The partial unique index holds even against a direct insert.
    owner_conn.execute(
        "INSERT INTO attendance_records (company_id, user_id, clock_in_at)"
        " SELECT company_id, id, now() FROM users WHERE id = %s",
        (t["emp_id"],),
    )
    with pytest.raises(psycopg.errors.UniqueViolation):
        owner_conn.execute(
            "INSERT INTO attendance_records (company_id, user_id, clock_in_at)"
            " SELECT company_id, id, now() FROM users WHERE id = %s",
            (t["emp_id"],),
        )


def test_breaks_only_inside_a_clock_in(api, owner_conn):
    t = team(api)
    emp = t["employee"]["token"]
    r = api.post(f"{A}/breaks/start", json={}, token=emp)
    assert r.status_code == 409 and r.json["error"]["code"] == "not_clocked_in"
    assert api.post(f"{A}/breaks/end", token=emp).json["error"]["code"] == "not_on_break"
    record = api.post(f"{A}/clock-in", json={}, token=emp).json["record"]
    assert api.post(f"{A}/breaks/start", json={"paid": "maybe"}, token=emp).status_code == 400
    assert api.post(f"{A}/breaks/start", json={"paid": False}, token=emp).status_code == 201
    r = api.post(f"{A}/breaks/start", json={}, token=emp)
    assert r.status_code == 409 and r.json["error"]["code"] == "already_on_break"
    assert api.post(f"{A}/breaks/end", token=emp).status_code == 200
    assert api.post(f"{A}/breaks/start", json={"paid": True}, token=emp).status_code == 201
    # Backdate: clocked in 3 h ago, an unpaid 30 min break and a paid 15 min break (still open).
    now = datetime.now(UTC)
    owner_conn.execute(
        "UPDATE attendance_records SET clock_in_at = %s WHERE id = %s", (now - timedelta(hours=3), record["id"])
    )
    rows = owner_conn.execute(
        "SELECT id FROM attendance_breaks WHERE record_id = %s ORDER BY started_at", (record["id"],)
    ).fetchall()
    owner_conn.execute(
        "UPDATE attendance_breaks SET started_at = %s, ended_at = %s WHERE id = %s",
        (now - timedelta(hours=2), now - timedelta(hours=1, minutes=30), rows[0][0]),
    )
    owner_conn.execute(
        "UPDATE attendance_breaks SET started_at = %s WHERE id = %s", (now - timedelta(minutes=15), rows[1][0])
    )
    status = api.get(f"{A}/status", token=emp).json
    assert status["on_break"] is True
    r = api.post(f"{A}/clock-out", json={}, token=emp)  # ends the open break too
    rec = r.json["record"]
    assert all(b["ended_at"] for b in rec["breaks"])
    assert rec["unpaid_break_seconds"] == pytest.approx(1800, abs=2)
    assert rec["paid_break_seconds"] == pytest.approx(900, abs=5)
    assert rec["worked_seconds"] == pytest.approx(3 * 3600 - 1800, abs=5)
    assert api.post(f"{A}/breaks/start", json={}, token=emp).status_code == 409


def test_records_visibility_and_manual_records(api):
    t = team(api)
    emp, mgr, other, admin = (t[k]["token"] for k in ("employee", "manager", "other", "admin"))
    body = {"user_id": t["emp_id"], "clock_in_at": "2026-03-02T08:00:00Z", "clock_out_at": "2026-03-02T16:00:00Z"}
    assert api.post(f"{A}/records", json=body, token=emp).status_code == 403
    assert api.post(f"{A}/records", json=body, token=other).status_code == 403
    r = api.post(f"{A}/records", json=body, token=mgr)
    assert r.status_code == 201 and r.json["record"]["source"] == "manual"
    rec_id = r.json["record"]["id"]
    overlap = {**body, "clock_in_at": "2026-03-02T15:00:00Z", "clock_out_at": "2026-03-02T18:00:00Z"}
    r = api.post(f"{A}/records", json=overlap, token=admin)
    assert r.status_code == 409 and r.json["error"]["code"] == "record_overlap"
    for bad in (
        {**body, "clock_out_at": "2026-03-02T07:00:00Z"},
        {**body, "clock_in_at": "yesterday"},
        {**body, "clock_in_at": "2026-03-02T08:00:00"},
        {**body, "user_id": "nope"},
    ):
        assert api.post(f"{A}/records", json=bad, token=admin).status_code == 400, bad
    assert api.post(f"{A}/records", json={**body, "user_id": t["other"]["user"]["id"]}, token=mgr).status_code == 403
    future = {**body, "clock_in_at": "2099-01-01T08:00:00Z", "clock_out_at": "2099-01-01T09:00:00Z"}
    assert api.post(f"{A}/records", json=future, token=admin).status_code == 400
    assert api.get(f"{A}/records/{rec_id}", token=emp).status_code == 200
    assert api.get(f"{A}/records/{rec_id}", token=mgr).status_code == 200
    assert api.get(f"{A}/records/{rec_id}", token=other).status_code == 404
    assert api.get(f"{A}/records/not-a-uuid", token=emp).status_code == 404
    assert api.get(f"{A}/records", token=other).json["items"] == []
    r = api.get(f"{A}/records?from=2026-03-02&to=2026-03-02&limit=1", token=admin)
    assert [i["id"] for i in r.json["items"]] == [rec_id] and r.json["has_more"] is False
    assert api.get(f"{A}/records?from=2026-03-03", token=admin).json["items"] == []
    assert api.get(f"{A}/records?from=2026-03-05&to=2026-03-01", token=admin).status_code == 400
    assert api.get(f"{A}/records?from=03/02/2026", token=admin).status_code == 400
    assert api.get(f"{A}/records?user_id=zzz", token=admin).status_code == 400


def test_days_split_at_local_midnight_on_dst_change(api):
    t = team(api)
    # 2026-03-29 Europe/Berlin springs forward: the local day is 23 hours long.
    # Worked 22:00 local on the 28th (21:00Z) to 10:00 local on the 29th (08:00Z) = 11 hours.
    body = {"user_id": t["emp_id"], "clock_in_at": "2026-03-28T21:00:00Z", "clock_out_at": "2026-03-29T08:00:00Z"}
    assert api.post(f"{A}/records", json=body, token=t["admin"]["token"]).status_code == 201
    r = api.get(f"{A}/days?from=2026-03-28&to=2026-03-29", token=t["employee"]["token"])
    assert r.status_code == 200, r.json
    days = {d["date"]: d["worked_seconds"] for d in r.json["days"]}
    assert days == {"2026-03-28": 2 * 3600, "2026-03-29": 9 * 3600}
    assert api.get(f"{A}/days?from=2026-03-28", token=t["employee"]["token"]).status_code == 400
    assert api.get(f"{A}/days?from=2026-01-01&to=2026-12-31", token=t["employee"]["token"]).status_code == 400
    r = api.get(f"{A}/days?from=2026-03-28&to=2026-03-29&user_id={t['emp_id']}", token=t["other"]["token"])
    assert r.status_code == 404


# --- shifts and flags --------------------------------------------------------------------------------------


def test_shifts_planned_in_local_time_dst_correct(api):
    t = team(api)
    mgr = t["manager"]["token"]

    def make(day, start, end, token=mgr, user=None):
        return api.post(
            f"{A}/shifts",
            json={"user_id": user or t["emp_id"], "date": day, "start_time": start, "end_time": end},
            token=token,
        )

    winter, summer = make("2026-03-27", "08:00", "17:00"), make("2026-03-30", "08:00", "17:00")
    assert winter.status_code == 201, winter.json
    assert _at(winter.json["shift"]["starts_at"]) == datetime(2026, 3, 27, 7, tzinfo=UTC)
    assert _at(summer.json["shift"]["starts_at"]) == datetime(2026, 3, 30, 6, tzinfo=UTC)
    night = make("2026-03-28", "22:00", "06:00")  # overnight across the DST change: 7 real hours
    assert _at(night.json["shift"]["starts_at"]) == datetime(2026, 3, 28, 21, tzinfo=UTC)
    assert _at(night.json["shift"]["ends_at"]) == datetime(2026, 3, 29, 4, tzinfo=UTC)
    assert (night.json["shift"]["start_time"], night.json["shift"]["end_time"]) == ("22:00:00", "06:00:00")
    assert night.json["shift"]["timezone"] == "Europe/Berlin"
    r = make("2026-03-29", "05:00", "09:00")  # overlaps the end of the night shift
    assert r.status_code == 409 and r.json["error"]["code"] == "shift_overlap"
    assert make("2026-03-29", "06:00", "09:00").status_code == 201  # touching is fine
    assert make("2026-04-01", "09:00", "17:00", token=t["other"]["token"]).status_code == 403
    assert make("2026-04-01", "09:00", "17:00", token=t["employee"]["token"]).status_code == 403
    assert make("2026-04-01", "09:00", "17:00", user=t["manager"]["user"]["id"]).status_code == 403
    for bad in (
        ("2026-02-30", "09:00", "17:00"),
        ("2026-04-01", "09:00", "09:00"),
        ("2026-04-01", "25:00", "17:00"),
        ("2026-04-01", "09:00+02:00", "17:00"),
    ):
        assert make(*bad).status_code == 400, bad
    assert make("2026-04-01", "09:00", "17:00", user="00000000-0000-0000-0000-000000000000").status_code == 404
    shift_id = summer.json["shift"]["id"]
    r = api.patch(f"{A}/shifts/{shift_id}", json={"start_time": "10:00"}, token=mgr)
    assert r.status_code == 200 and _at(r.json["shift"]["starts_at"]) == datetime(2026, 3, 30, 8, tzinfo=UTC)
    assert (
        api.patch(f"{A}/shifts/{shift_id}", json={"date": "2026-03-29", "start_time": "08:00"}, token=mgr).status_code
        == 409
    )
    assert api.get(f"{A}/shifts/{shift_id}", token=t["other"]["token"]).status_code == 404
    r = api.get(f"{A}/shifts?from=2026-03-28&to=2026-03-29", token=t["employee"]["token"])
    assert [s["date"] if "date" in s else s["shift_date"] for s in r.json["items"]] == ["2026-03-28", "2026-03-29"]
    assert api.delete(f"{A}/shifts/{shift_id}", token=t["employee"]["token"]).status_code == 403
    assert api.delete(f"{A}/shifts/{shift_id}", token=mgr).status_code == 204
    assert api.get(f"{A}/shifts/{shift_id}", token=mgr).status_code == 404


def test_late_early_absent_flags_against_shifts(api):
    t = team(api)
    admin, mgr = t["admin"]["token"], t["manager"]["token"]
    assert api.get(f"{A}/settings", token=admin).json["settings"] == {"grace_minutes": 5, "geofence_policy": "off"}
    for day in ("2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04"):
        assert (
            api.post(
                f"{A}/shifts",
                json={"user_id": t["emp_id"], "date": day, "start_time": "09:00", "end_time": "17:00"},
                token=mgr,
            ).status_code
            == 201
        )

    def record(day, start, end):  # local Berlin times (UTC+2 in June)
        body = {
            "user_id": t["emp_id"],
            "clock_in_at": f"{day}T{start}:00+02:00",
            "clock_out_at": f"{day}T{end}:00+02:00",
        }
        assert api.post(f"{A}/records", json=body, token=mgr).status_code == 201

    record("2026-06-01", "09:04", "17:00")  # within grace: on time
    record("2026-06-02", "09:20", "16:00")  # late 20, left 60 early
    record("2026-06-04", "08:00", "12:00")  # left early, on leave is ignored when present
    ltype = api.post(f"{A}/leave/types", json={"name": "Sick", "paid": True}, token=admin).json["leave_type"]
    leave = api.post(
        f"{A}/leave/requests",
        json={"leave_type_id": ltype["id"], "start_date": "2026-06-03", "end_date": "2026-06-03"},
        token=t["employee"]["token"],
    ).json
    assert api.post(f"{A}/leave/requests/{leave['request']['id']}/approve", json={}, token=mgr).status_code == 200
    items = api.get(f"{A}/shifts?from=2026-06-01&to=2026-06-04", token=t["employee"]["token"]).json["items"]
    att = {s["shift_date"]: s["attendance"] for s in items}
    assert att["2026-06-01"]["status"] == "present" and not att["2026-06-01"]["late"]
    assert att["2026-06-02"]["late"] and att["2026-06-02"]["late_minutes"] == 20
    assert att["2026-06-02"]["left_early"] and att["2026-06-02"]["early_minutes"] == 60
    assert att["2026-06-03"]["status"] == "on_leave" and not att["2026-06-03"]["absent"]
    assert att["2026-06-04"]["left_early"] and att["2026-06-04"]["status"] == "present"
    r = api.post(f"{A}/leave/requests/{leave['request']['id']}/cancel", token=admin)
    assert r.status_code == 200
    att = {
        s["shift_date"]: s["attendance"]
        for s in api.get(f"{A}/shifts?from=2026-06-03&to=2026-06-03", token=mgr).json["items"]
    }
    assert att["2026-06-03"]["status"] == "absent" and att["2026-06-03"]["absent"]
    # The grace setting is the company's; raising it forgives the 20 minutes.
    assert api.patch(f"{A}/settings", json={"grace_minutes": 30}, token=mgr).status_code == 403
    assert api.patch(f"{A}/settings", json={"grace_minutes": -1}, token=admin).status_code == 400
    assert api.patch(f"{A}/settings", json={"grace_minutes": 30}, token=admin).json["settings"]["grace_minutes"] == 30
    att = {
        s["shift_date"]: s["attendance"]
        for s in api.get(f"{A}/shifts?from=2026-06-02&to=2026-06-02", token=mgr).json["items"]
    }
    assert not att["2026-06-02"]["late"] and att["2026-06-02"]["left_early"]


def test_live_clock_in_late_and_clock_out_early_flags(api):
    t = team(api, tz="Asia/Kolkata")
    zone = ZoneInfo("Asia/Kolkata")
    start_local = (datetime.now(UTC) - timedelta(minutes=30)).astimezone(zone)
    end_local = start_local + timedelta(hours=8)
    r = api.post(
        f"{A}/shifts",
        json={
            "user_id": t["emp_id"],
            "date": start_local.date().isoformat(),
            "start_time": start_local.strftime("%H:%M"),
            "end_time": end_local.strftime("%H:%M"),
        },
        token=t["admin"]["token"],
    )
    assert r.status_code == 201, r.json
    r = api.post(f"{A}/clock-in", json={}, token=t["employee"]["token"])
    assert r.status_code == 201 and "late" in r.json["record"]["flags"]
    assert r.json["shift"]["attendance"]["late_minutes"] in (29, 30, 31)
    r = api.post(f"{A}/clock-out", json={}, token=t["employee"]["token"])
    assert set(r.json["record"]["flags"]) == {"late", "left_early"}
    assert r.json["shift"]["attendance"]["status"] == "present"


# --- leave -------------------------------------------------------------------------------------------------


def _leave_setup(api):
    t = team(api)
    r = api.post(f"{A}/leave/types", json={"name": "Vacation", "allowance_days": 10}, token=t["admin"]["token"])
    assert r.status_code == 201, r.json
    t["vacation"] = r.json["leave_type"]["id"]
    return t


def _request(api, t, start, end, token=None, **extra):
    body = {"leave_type_id": t["vacation"], "start_date": start, "end_date": end, **extra}
    return api.post(f"{A}/leave/requests", json=body, token=token or t["employee"]["token"])


def test_leave_types_admin_only_and_validated(api):
    t = team(api)
    admin = t["admin"]["token"]
    assert api.post(f"{A}/leave/types", json={"name": "Sick"}, token=t["manager"]["token"]).status_code == 403
    assert api.post(f"{A}/leave/types", json={"name": "Sick", "allowance_days": -1}, token=admin).status_code == 400
    assert api.post(f"{A}/leave/types", json={"name": ""}, token=admin).status_code == 400
    r = api.post(f"{A}/leave/types", json={"name": "Unpaid", "paid": False}, token=admin)
    assert r.status_code == 201 and r.json["leave_type"]["paid"] is False
    assert api.post(f"{A}/leave/types", json={"name": "unpaid"}, token=admin).status_code == 409
    tid = r.json["leave_type"]["id"]
    r = api.patch(f"{A}/leave/types/{tid}", json={"allowance_days": 5.5, "archived": True}, token=admin)
    assert r.status_code == 200 and r.json["leave_type"]["allowance_days"] == "5.5"
    assert api.get(f"{A}/leave/types", token=t["employee"]["token"]).json["items"] == []
    assert len(api.get(f"{A}/leave/types?archived=true", token=admin).json["items"]) == 1
    r = api.post(
        f"{A}/leave/requests",
        json={"leave_type_id": tid, "start_date": "2026-07-06", "end_date": "2026-07-06"},
        token=t["employee"]["token"],
    )
    assert r.status_code == 422 and r.json["error"]["code"] == "leave_type_archived"


def test_leave_request_days_overlap_and_bad_input(api, owner_conn):
    t = _leave_setup(api)
    r = _request(api, t, "2026-07-03", "2026-07-07")  # Fri..Tue: 3 working days
    assert r.status_code == 201, r.json
    assert r.json["request"]["days"] == "3.0" and r.json["request"]["status"] == "pending"
    r = _request(api, t, "2026-07-07", "2026-07-08")
    assert r.status_code == 409 and r.json["error"]["code"] == "leave_overlap"
    r = _request(api, t, "2026-07-13", "2026-07-15", start_half=True, end_half=True)
    assert r.json["request"]["days"] == "2.0"
    assert _request(api, t, "2026-07-20", "2026-07-20", end_half=True).json["request"]["days"] == "0.5"
    r = _request(api, t, "2026-07-11", "2026-07-12")  # a weekend
    assert r.status_code == 422 and r.json["error"]["code"] == "no_working_days"
    before = owner_conn.execute("SELECT count(*) FROM leave_requests").fetchone()[0]
    for bad in (("2026-07-10", "2026-07-09"), ("2026-13-01", "2026-13-02"), ("2026-07-21", "2027-12-01")):
        assert _request(api, t, *bad).status_code == 400, bad
    assert _request(api, t, "2026-07-22", "2026-07-22", start_half=True, end_half=True).status_code == 400
    r = api.post(
        f"{A}/leave/requests",
        json={
            "leave_type_id": "00000000-0000-0000-0000-000000000000",
            "start_date": "2026-07-22",
            "end_date": "2026-07-22",
        },
        token=t["employee"]["token"],
    )
    assert r.status_code == 404
    other = _leave_setup(api)  # another company's leave type is unknown here
    r = api.post(
        f"{A}/leave/requests",
        json={"leave_type_id": other["vacation"], "start_date": "2026-07-22", "end_date": "2026-07-22"},
        token=t["employee"]["token"],
    )
    assert r.status_code == 404
    r = _request(api, t, "2026-07-22", "2026-07-22", user_id=t["manager"]["user"]["id"])
    assert r.status_code == 403
    assert owner_conn.execute("SELECT count(*) FROM leave_requests").fetchone()[0] == before


def test_leave_decisions_by_assigned_manager_only(api, owner_conn):
    t = _leave_setup(api)
    req = _request(api, t, "2026-08-03", "2026-08-07").json["request"]
    emp, mgr, other, admin = (t[k]["token"] for k in ("employee", "manager", "other", "admin"))
    assert api.post(f"{A}/leave/requests/{req['id']}/approve", json={}, token=emp).status_code == 403
    r = api.post(f"{A}/leave/requests/{req['id']}/approve", json={}, token=other)
    assert r.status_code in (403, 404)
    assert api.get(f"{A}/leave/requests/{req['id']}", token=other).status_code == 404
    assert api.post(f"{A}/leave/requests/{req['id']}/approve", json={"comment": 5}, token=mgr).status_code == 400
    r = api.post(f"{A}/leave/requests/{req['id']}/approve", json={"comment": "Enjoy"}, token=mgr)
    assert r.status_code == 200, r.json
    assert r.json["request"]["status"] == "approved" and r.json["request"]["decided_by"] == t["manager"]["user"]["id"]
    assert r.json["request"]["decision_comment"] == "Enjoy"
    r = api.post(f"{A}/leave/requests/{req['id']}/reject", json={}, token=admin)
    assert r.status_code == 409 and r.json["error"]["code"] == "invalid_state"
    req2 = _request(api, t, "2026-08-10", "2026-08-10").json["request"]
    r = api.post(f"{A}/leave/requests/{req2['id']}/reject", json={"comment": "Busy week"}, token=admin)
    assert r.json["request"]["status"] == "rejected"
    audit = owner_conn.execute(
        "SELECT action, details->>'comment' FROM audit_logs WHERE target_id IN (%s, %s) ORDER BY id",
        (req["id"], req2["id"]),
    ).fetchall()
    assert audit == [("leave.approved", "Enjoy"), ("leave.rejected", "Busy week")]
    # A manager's own request is decided by an admin, never by themselves.
    own = _request(api, t, "2026-08-17", "2026-08-17", token=mgr).json["request"]
    assert api.post(f"{A}/leave/requests/{own['id']}/approve", json={}, token=mgr).status_code == 403
    assert api.get(f"{A}/leave/requests?status=pending", token=mgr).json["items"][0]["id"] == own["id"]
    assert api.get(f"{A}/leave/requests?status=weird", token=mgr).status_code == 400
    assert [i["id"] for i in api.get(f"{A}/leave/requests", token=other).json["items"]] == []
    # The database refuses a decision by someone else even if a handler forgot to check.
    with psycopg.connect(dbmod.settings().database_url, row_factory=psycopg.rows.dict_row) as conn:
        dbmod.set_claims(
            conn, dbmod.Claims(company_id=t["admin"]["company"]["id"], user_id=t["emp_id"], role="employee")
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE leave_requests SET status = 'approved' WHERE id = %s", (req2["id"],))


def test_an_admin_cannot_approve_their_own_leave(api):
    """Issue 11 #12: an admin approved their own leave; now another admin (or their manager) must decide."""
    t = _leave_setup(api)
    admin = t["admin"]
    second = invite_and_accept(api, admin, role="admin", name="Ada Second")
    own = _request(api, t, "2026-08-24", "2026-08-25", token=admin["token"]).json["request"]
    for verb in ("approve", "reject"):
        r = api.post(f"{A}/leave/requests/{own['id']}/{verb}", json={}, token=admin["token"])
        assert r.status_code == 403 and r.json["error"]["code"] == "own_request", r.json
    # The database refuses it too, should a handler forget to check.
    with psycopg.connect(dbmod.settings().database_url, row_factory=psycopg.rows.dict_row) as conn:
        dbmod.set_claims(
            conn, dbmod.Claims(company_id=admin["company"]["id"], user_id=admin["user"]["id"], role="admin")
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE leave_requests SET status = 'approved' WHERE id = %s", (own["id"],))
    r = api.post(f"{A}/leave/requests/{own['id']}/approve", json={}, token=second["token"])
    assert r.status_code == 200 and r.json["request"]["decided_by"] == second["user"]["id"], r.json


def test_leave_balances_and_allowance(api):
    t = _leave_setup(api)
    mgr, emp = t["manager"]["token"], t["employee"]["token"]
    a = _request(api, t, "2026-09-07", "2026-09-11").json["request"]  # 5 days
    b = _request(api, t, "2026-09-14", "2026-09-15", end_half=True).json["request"]  # 1.5 days
    assert api.post(f"{A}/leave/requests/{a['id']}/approve", json={}, token=mgr).status_code == 200
    bal = {x["name"]: x for x in api.get(f"{A}/leave/balances?year=2026", token=emp).json["balances"]}
    assert bal["Vacation"] == {
        **bal["Vacation"],
        "allowance_days": "10.0",
        "used_days": "5.0",
        "pending_days": "1.5",
        "remaining_days": "5.0",
    }
    r = _request(api, t, "2026-10-05", "2026-10-09")  # 5 more would exceed 10 with the pending 1.5
    assert r.status_code == 422 and r.json["error"]["code"] == "insufficient_balance"
    assert api.post(f"{A}/leave/requests/{b['id']}/cancel", token=emp).status_code == 200
    assert _request(api, t, "2026-10-05", "2026-10-09").status_code == 201
    # Leave across New Year counts in each year separately.
    r = _request(api, t, "2026-12-31", "2027-01-04")  # Thu 31 Dec | Fri 1, Mon 4 Jan: 11 > 10 in 2026
    assert r.status_code == 422
    unpaid = api.post(f"{A}/leave/types", json={"name": "Unpaid", "paid": False}, token=t["admin"]["token"]).json[
        "leave_type"
    ]["id"]
    r = _request(api, t, "2026-12-31", "2027-01-04", leave_type_id=unpaid)
    assert r.status_code == 201 and r.json["request"]["days"] == "3.0"
    bal27 = {
        x["name"]: x for x in api.get(f"{A}/leave/balances?year=2027&user_id={t['emp_id']}", token=mgr).json["balances"]
    }
    assert bal27["Unpaid"]["pending_days"] == "2.0" and bal27["Unpaid"]["remaining_days"] is None
    assert bal27["Vacation"]["used_days"] == "0.0" and bal27["Vacation"]["remaining_days"] == "10.0"
    assert api.get(f"{A}/leave/balances?year=1900", token=emp).status_code == 400
    assert api.get(f"{A}/leave/balances?user_id={t['emp_id']}", token=t["other"]["token"]).status_code == 404
    # Approved leave that has started is cancelled by the manager only; cancelling frees the balance.
    r = api.post(f"{A}/leave/requests/{a['id']}/cancel", token=emp)
    assert r.status_code == 409 and r.json["error"]["code"] == "started"
    assert api.post(f"{A}/leave/requests/{a['id']}/cancel", token=mgr).status_code == 200
    assert api.post(f"{A}/leave/requests/{a['id']}/cancel", token=mgr).json["error"]["code"] == "invalid_state"
    bal = {x["name"]: x for x in api.get(f"{A}/leave/balances?year=2026", token=emp).json["balances"]}
    assert bal["Vacation"]["used_days"] == "0.0" and bal["Vacation"]["pending_days"] == "5.0"


def test_pure_helpers_working_days_shift_window_and_status():
    days = working_days
    assert days(date(2026, 7, 6), date(2026, 7, 19)) == 10 and days(date(2026, 7, 4), date(2026, 7, 5)) == 0
    assert days(date(2026, 7, 6), date(2026, 7, 6), start_half=True) == 0.5
    assert days(date(2026, 12, 28), date(2027, 1, 8), year=2027) == 6  # Fri 1 Jan + a week; no public holidays
    zone = ZoneInfo("America/New_York")  # falls back on 2026-11-01: the overnight shift lasts 9 real hours
    starts, ends = shifts.window(date(2026, 10, 31), time(22), time(6), zone)
    assert (ends - starts) == timedelta(hours=9)
    shift = {"starts_at": starts, "ends_at": ends}
    assert shifts.status(shift, [], 5, starts + timedelta(minutes=4))["status"] == "scheduled"
    assert shifts.status(shift, [], 5, starts + timedelta(minutes=6))["absent"] is True
    worked = [
        {"clock_in_at": starts - timedelta(hours=1), "clock_out_at": starts + timedelta(minutes=30)},
        {"clock_in_at": starts + timedelta(hours=1), "clock_out_at": None},
    ]
    att = shifts.status(shift, worked, 5, starts + timedelta(hours=2))
    assert att["status"] == "working" and not att["late"] and not att["left_early"]


def test_concurrent_clock_ins_and_leave_requests_keep_one(api):
    from apiclient import Api

    t = _leave_setup(api)
    emp = t["employee"]["token"]
    body = {"leave_type_id": t["vacation"], "start_date": "2026-07-06", "end_date": "2026-07-07"}
    calls = [lambda: Api().post(f"{A}/clock-in", json={}, token=emp)] * 4
    calls += [lambda: Api().post(f"{A}/leave/requests", json=body, token=emp)] * 4
    with ThreadPoolExecutor(8) as pool:
        codes = [f.result().status_code for f in [pool.submit(c) for c in calls]]
    assert sorted(codes[:4]) == [201, 409, 409, 409] and sorted(codes[4:]) == [201, 409, 409, 409]
