"""Insights numbers on seeded entries equal the values worked out by hand (UTC person, two weeks of November 2026);
employees see their own, managers their employees', nobody else's."""

from __future__ import annotations

from datetime import date

import pytest
from factories import invite_and_accept, signup

INS = "/function/integrations/insights"

# (start, end) in UTC; the person's time zone is UTC, so these are also their local times.
ENTRIES = [
    ("2026-11-02T09:00:00Z", "2026-11-02T12:00:00Z"),  # Mon: 3 h, then a 10-minute gap (no break) ...
    ("2026-11-02T12:10:00Z", "2026-11-02T13:00:00Z"),  # ... 50 min: one stretch, 3 h 50 min of focus
    ("2026-11-03T08:00:00Z", "2026-11-03T15:00:00Z"),  # Tue: 7 h without a break (missed break), focus
    ("2026-11-04T20:00:00Z", "2026-11-04T22:30:00Z"),  # Wed: 2.5 h late work, focus
    ("2026-11-09T07:00:00Z", "2026-11-09T18:00:00Z"),  # Mon: 11 h: long day, missed break, focus
    ("2026-11-10T14:00:00Z", "2026-11-10T15:00:00Z"),  # Tue: 1 h meeting (from a calendar event): no focus
    ("2026-11-14T10:00:00Z", "2026-11-14T11:00:00Z"),  # Sat: 1 h weekend, too short for focus
    ("2026-11-15T21:00:00Z", "2026-11-15T23:00:00Z"),  # Sun: 2 h weekend, 2 h late, focus
]


@pytest.fixture()
def team(api, owner_conn):
    admin = signup(api, company="Insight Co")
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    emp = invite_and_accept(api, admin, role="employee", name="Ed Employee")
    other = invite_and_accept(api, admin, role="employee", name="Oli Other")
    pair = {"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]}
    r = api.post("/function/team/assignments", json=pair, token=admin["token"])
    assert r.status_code == 201, r.json
    assert (
        api.patch(f"/function/team/users/{emp['user']['id']}", json={"timezone": "UTC"}, token=emp["token"]).status_code
        == 200
    )
    ids = []
    for start, end in ENTRIES:
        r = api.post("/function/time/entries", json={"started_at": start, "ended_at": end}, token=emp["token"])
        assert r.status_code == 201, r.json
        ids.append(r.json["entry"]["id"])
    r = api.post("/function/integrations/calendars/caldav",
                 json={"url": "http://127.0.0.1:9/c/", "username": "ed", "password": "pw", "push_entries": False},
                 token=emp["token"])  # fmt: skip
    assert r.status_code == 201, r.json
    owner_conn.execute(  # the meeting: an accepted calendar suggestion made that entry
        "INSERT INTO calendar_suggestions (company_id, connection_id, user_id, href, remote_uid, title, started_at,"
        " ended_at, state, entry_id) SELECT company_id, %s, user_id, '/c/m.ics', 'm', 'Sync', started_at, ended_at,"
        " 'accepted', id FROM time_entries WHERE id = %s",
        (r.json["connection"]["id"], ids[5]),
    )
    return {"admin": admin, "manager": manager, "emp": emp, "other": other}


def test_insights_equal_hand_computed_values_and_follow_visibility(api, team):
    emp = team["emp"]
    r = api.get(f"{INS}?from=2026-11-02&to=2026-11-15", token=emp["token"])
    assert r.status_code == 200, r.json
    got = r.json["insights"]
    assert got["tracked_seconds"] == 3 * 3600 + 50 * 60 + 7 * 3600 + 9000 + 11 * 3600 + 3600 + 3600 + 7200 == 102000
    assert got["weeks"] == [{"week": "2026-11-02", "seconds": 48000}, {"week": "2026-11-09", "seconds": 54000}]
    assert got["rising_hours"] is True  # 54000 > 1.1 * 48000
    assert got["days_worked"] == 7
    assert got["long_days"] == 1
    assert got["weekend_days"] == 2
    assert got["late_seconds"] == 9000 + 7200
    assert got["missed_breaks"] == 2
    assert got["focus_blocks"] == 5
    assert got["focus_seconds"] == 13800 + 25200 + 9000 + 39600 + 7200
    assert got["meeting_seconds"] == 3600
    assert "focus_block" in got["definitions"]

    # Visibility: the manager sees the assigned employee, the other employee does not; team view per role.
    uid = emp["user"]["id"]
    r = api.get(f"{INS}?user_id={uid}&from=2026-11-02&to=2026-11-15", token=team["manager"]["token"])
    assert r.status_code == 200 and r.json["insights"]["tracked_seconds"] == 102000
    assert r.json["insights"]["meeting_seconds"] == 3600  # the employee's calendar entries count for the manager too
    assert api.get(f"{INS}?user_id={uid}", token=team["other"]["token"]).status_code == 404
    r = api.get(f"{INS}/team?from=2026-11-02&to=2026-11-15", token=team["manager"]["token"])
    assert r.status_code == 200 and {i["user_id"] for i in r.json["items"]} == {uid, team["manager"]["user"]["id"]}
    assert api.get(f"{INS}/team", token=emp["token"]).status_code == 403
    # A narrower range clips: only the first week.
    r = api.get(f"{INS}?from=2026-11-02&to=2026-11-08", token=emp["token"])
    assert r.json["insights"]["tracked_seconds"] == 48000 and r.json["insights"]["rising_hours"] is False


def test_weekly_digest_mails_each_manager_their_people_once(api, team):
    from factories import last_mail

    from workmonitor.integrations import digest

    assert digest.last_week(date(2026, 11, 18)) == (date(2026, 11, 9), date(2026, 11, 15))
    first = digest.send_digests("2026-11-18")
    assert digest.send_digests("2026-11-18") == first  # a second run sends nothing new (same message ids)
    mail = last_mail(team["manager"]["email"])
    assert "Your team's week of 2026-11-09" in mail
    # week 2 by hand: 11 + 1 + 1 + 2 h tracked; focus 11 h (Mon) + 2 h (Sun); Sunday 21-23 h is late work
    assert (
        "Ed Employee: 15:00 tracked, 13:00 focus, 1:00 meetings; 1 long day(s), 2 weekend day(s), 2:00 late, "
        "1 missed break(s)" in mail
    )
    assert "Oli Other" not in mail  # not the manager's employee
    assert "Oli Other" in last_mail(team["admin"]["email"])  # the admin sees everyone
