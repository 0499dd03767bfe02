"""Imports: each tool's CSV export (samples written from the tools' documented columns) previews with its mapping and
people matched, imports as a job with progress, and creates nothing twice when imported again."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from factories import drain, invite_and_accept, signup

from workmonitor import keys

R = "/function/reports"
SAMPLES = Path(__file__).parent / "data" / "imports"


@pytest.fixture()
def team(api):
    admin = signup(api, company="Import Co")
    emp = invite_and_accept(api, admin, role="employee", name="Eve Employee")
    return {"admin": admin, "emp": emp}


def sample(fmt: str, team) -> str:
    text = (SAMPLES / f"{fmt}.csv").read_text()
    return text.replace("{EMP}", team["emp"]["email"]).replace("{ADMIN}", team["admin"]["email"])


@pytest.mark.parametrize("fmt", ["toggl", "clockify", "kimai", "harvest"])
def test_each_format_round_trips_without_duplicates(api, team, owner_conn, fmt):
    token, body = team["admin"]["token"], {"format": fmt, "csv": sample(fmt, team), "filename": f"{fmt}.csv"}
    r = api.post(f"{R}/imports/preview", json=body, token=token)
    assert r.status_code == 200, r.json
    pre = r.json
    assert {"project", "start_date"} <= set(pre["mapping"]) and pre["total"] == 4 and pre["problems"] == []
    matched = {p["source"]: p["user_id"] for p in pre["people"]}
    assert sorted(v for v in matched.values() if v) == sorted([team["emp"]["user"]["id"], team["admin"]["user"]["id"]])
    assert [k for k, v in matched.items() if v is None] == [
        "Zed Unknown" if fmt == "harvest" else "zed@elsewhere.example"
    ]
    assert pre["rows"][0]["project"] == "Website" and pre["rows"][0]["billable"] is True
    assert api.post(f"{R}/imports/preview", json=body, token=team["emp"]["token"]).status_code == 403

    r = api.post(f"{R}/imports", json=body, token=token)
    assert r.status_code == 202, r.json
    job = r.json["import"]
    assert job["status"] == "queued" and job["progress"] == 0
    drain(keys.REPORTS_QUEUE)
    done = api.get(f"{R}/imports/{job['id']}", token=token).json["import"]
    assert done["status"] == "done" and done["progress"] == 100
    assert (done["created"], done["duplicates"], done["skipped"]) == (3, 0, 1), done
    assert "zed" in done["problems"][0]["message"].lower()
    rows = owner_conn.execute(
        "SELECT u.name, p.name, c.name, t.name, e.billable, extract(epoch FROM e.ended_at - e.started_at)::int"
        " FROM time_entries e JOIN users u ON u.id = e.user_id LEFT JOIN projects p ON p.id = e.project_id"
        " LEFT JOIN clients c ON c.id = p.client_id LEFT JOIN tasks t ON t.id = e.task_id ORDER BY e.started_at"
    ).fetchall()
    assert [r[5] for r in rows] == [5400, 2700, 3600]
    assert rows[0][:5] == ("Eve Employee", "Website", "Globex", "Design", True)
    # Times are the person's local times: 09:00 in Eve's zone.
    first, tz = owner_conn.execute(
        "SELECT e.started_at, u.timezone FROM time_entries e JOIN users u ON u.id = e.user_id ORDER BY 1 LIMIT 1"
    ).fetchone()
    assert first.astimezone(ZoneInfo(tz)).replace(tzinfo=None) == datetime(2026, 10, 5, 9, 0)

    r = api.post(f"{R}/imports", json=body, token=token)  # the same file again
    drain(keys.REPORTS_QUEUE)
    again = api.get(f"{R}/imports/{r.json['import']['id']}", token=token).json["import"]
    assert (again["created"], again["duplicates"]) == (0, 3)
    assert owner_conn.execute("SELECT count(*) FROM time_entries").fetchone()[0] == 3
    assert owner_conn.execute("SELECT count(*) FROM projects").fetchone()[0] == 2


def test_mapping_override_and_unreadable_files(api, team):
    token = team["admin"]["token"]
    text = sample("toggl", team).replace("Description", "Notes")
    r = api.post(
        f"{R}/imports/preview", json={"format": "toggl", "csv": text, "mapping": {"description": "Notes"}}, token=token
    )
    assert r.status_code == 200 and r.json["rows"][0]["description"] == "Homepage layout"
    r = api.post(
        f"{R}/imports/preview", json={"format": "toggl", "csv": text, "mapping": {"description": "Nope"}}, token=token
    )
    assert r.status_code == 400 and r.json["error"]["code"] == "import_unreadable"
    bad = "Email,Start date\nx@y.z,not-a-date\n"
    r = api.post(f"{R}/imports/preview", json={"format": "toggl", "csv": bad}, token=token)
    assert r.status_code == 200 and r.json["problems"][0]["line"] == 2
    assert api.post(f"{R}/imports", json={"format": "toggl", "csv": bad}, token=token).status_code == 400
