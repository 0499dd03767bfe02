"""Working-time rules through the API: the rule set, violations in the timesheet for the employee and their
manager (entries and attendance merged, attendance breaks honoured), flags and unpaid-break deductions on
submission, the monthly compliance report."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from factories import invite_and_accept, signup

T = "/function/time"
BERLIN = ZoneInfo("Europe/Berlin")


def _ok(r, status=200):
    assert r.status_code == status, (r.status_code, r.json)
    return r.json


def _at(day: date, hm: str) -> str:
    h, m = map(int, hm.split(":"))
    return datetime(day.year, day.month, day.day, h, m, tzinfo=BERLIN).isoformat()


def test_violations_flags_deductions_and_report(api, owner_conn):
    admin = signup(api)
    manager = invite_and_accept(api, admin, role="manager", name="Max")
    emp = invite_and_accept(api, admin, name="Eve")
    other = invite_and_accept(api, admin, name="Olga")
    pair = {"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]}
    _ok(api.post("/function/team/assignments", json=pair, token=admin["token"]), 201)
    _ok(api.patch("/function/auth/me", json={"timezone": "Europe/Berlin"}, token=emp["token"]))
    rules = _ok(api.get(f"{T}/worktime/rules", token=emp["token"]))
    assert rules["preset"] == "de_arbzg" and rules["rules"]["max_daily"] == 600 and set(rules["presets"]) == {
        "de_arbzg", "eu_wtd"}  # fmt: skip
    assert api.put(f"{T}/worktime/rules", json={"preset": "eu_wtd"}, token=emp["token"]).status_code == 403
    body = {"preset": "de_arbzg", "overrides": {"auto_deduct_breaks": True}}
    assert _ok(api.put(f"{T}/worktime/rules", json=body, token=admin["token"]))["rules"]["auto_deduct_breaks"]

    today = datetime.now(BERLIN).date()
    monday = today - timedelta(days=today.weekday() + 14)
    tue = monday + timedelta(days=1)
    # Monday: 7 h of entries without a break. Tuesday: an entry 08:00-12:00 and attendance 08:00-17:00 with a
    # 45-minute break: merged, 8 h 15 worked with 45 min of break, lawful.
    _ok(api.post(f"{T}/entries", json={"started_at": _at(monday, "08:00"), "ended_at": _at(monday, "15:00")},
                 token=emp["token"]), 201)  # fmt: skip
    _ok(api.post(f"{T}/entries", json={"started_at": _at(tue, "08:00"), "ended_at": _at(tue, "12:00")},
                 token=emp["token"]), 201)  # fmt: skip
    cid, uid = admin["company"]["id"], emp["user"]["id"]
    rec = owner_conn.execute(
        "INSERT INTO attendance_records (company_id, user_id, clock_in_at, clock_out_at) VALUES (%s, %s, %s, %s)"
        " RETURNING id",
        (cid, uid, _at(tue, "08:00"), _at(tue, "17:00")),
    ).fetchone()[0]
    owner_conn.execute(
        "INSERT INTO attendance_breaks (company_id, record_id, user_id, started_at, ended_at)"
        " VALUES (%s, %s, %s, %s, %s)",
        (cid, rec, uid, _at(tue, "12:15"), _at(tue, "13:00")),
    )
    span = f"from={monday}&to={monday + timedelta(days=6)}"
    mine = _ok(api.get(f"{T}/worktime/violations?{span}", token=emp["token"]))
    assert [(v["date"], v["rule"], v["value_minutes"], v["limit_minutes"]) for v in mine["items"]] == [
        (monday.isoformat(), "break", 0, 30)
    ]
    theirs = _ok(api.get(f"{T}/worktime/violations?{span}&user_id={uid}", token=manager["token"]))
    assert theirs["items"] == mine["items"]
    assert api.get(f"{T}/worktime/violations?{span}&user_id={uid}", token=other["token"]).status_code == 404

    _ok(api.post(f"{T}/timesheets/submit", json={"date": monday.isoformat()}, token=emp["token"]), 201)
    after = _ok(api.get(f"{T}/worktime/violations?{span}&user_id={uid}", token=manager["token"]))
    assert [(d["day"], d["minutes"]) for d in after["deductions"]] == [(monday.isoformat(), 30)]
    assert [v["rule"] for f in after["flagged_on_submission"] for v in f["violations"]] == ["break"]

    month = monday.strftime("%Y-%m")
    rep = _ok(api.get(f"{T}/worktime/report?month={month}", token=admin["token"]))
    row = next(r for r in rep["items"] if r["user_id"] == uid)
    assert row["counts"] == {"break": 1} and row["deducted_minutes"] == 30
    assert api.get(f"{T}/worktime/report?month={month}", token=emp["token"]).status_code == 403
    assert api.get(f"{T}/worktime/report?month=13-2026", token=admin["token"]).status_code == 400
