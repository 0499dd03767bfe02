"""Reports: totals equal the raw data for every grouping (property test), typed XLSX, a rendered PDF, a background
export with progress and a working S3 link, saved reports, and client share links (scoped, revocable)."""

from __future__ import annotations

import csv
import io
import subprocess
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import requests
from factories import drain, invite_and_accept, last_mail, signup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workmonitor import keys
from workmonitor.reports import builder, exportjob, exports, weekly

R = "/function/reports"
TZ = ZoneInfo("Europe/Berlin")  # factories.signup's time zone; the range below spans the end of DST (2026-10-25)
FIRST, LAST = date(2026, 10, 19), date(2026, 11, 8)


@pytest.fixture()
def org(api, owner_conn):
    """A company: an admin, a manager with one employee, another employee, two clients, three projects, a task."""
    admin = signup(api, company="Reports Co")
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    emp = invite_and_accept(api, admin, role="employee", name="Eve Employee")
    # Olaf needs no sign-in of his own: a row is enough (and saves an invitation round per test).
    other_id, person_id = str(uuid.uuid4()), str(uuid.uuid4())
    owner_conn.execute(
        "INSERT INTO people (id, email) VALUES (%s, %s)", (person_id, f"olaf-{other_id[:8]}@example.com")
    )
    owner_conn.execute(
        "INSERT INTO users (id, company_id, email, name, role, person_id)"
        " VALUES (%s, %s, %s, 'Olaf Other', 'employee', %s)",
        (other_id, admin["company"]["id"], f"olaf-{other_id[:8]}@example.com", person_id),
    )
    r = api.post(
        "/function/team/assignments",
        json={"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]},
        token=admin["token"],
    )
    assert r.status_code == 201, r.json
    clients = [
        api.post("/function/projects/clients", json={"name": n}, token=admin["token"]).json["client"]["id"]
        for n in ("Alpha Ltd", "Beta GmbH")
    ]
    projects = []
    for name, client in (("Apollo", clients[0]), ("Borealis", clients[1]), ("Internal", None)):
        r = api.post("/function/projects/projects", json={"name": name, "client_id": client}, token=admin["token"])
        assert r.status_code == 201, r.json
        projects.append(r.json["project"]["id"])
    r = api.post(f"/function/projects/projects/{projects[0]}/tasks", json={"name": "Design"}, token=admin["token"])
    task = r.json["task"]["id"]
    return {
        "admin": admin,
        "manager": manager,
        "emp": emp,
        "users": [admin["user"]["id"], manager["user"]["id"], emp["user"]["id"], other_id],
        "clients": clients,
        "projects": projects,
        "task": task,
        "company_id": admin["company"]["id"],
        "owner": owner_conn,
    }


def insert_entries(org, entries: list[dict]) -> None:
    """Insert finished entries directly (as the owner): each {user, start, minutes, project, task, billable}."""
    conn = org["owner"]
    conn.execute("DELETE FROM time_entries WHERE company_id = %s", (org["company_id"],))
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO time_entries (company_id, user_id, project_id, task_id, started_at, ended_at, billable,"
            " description) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            [
                (
                    org["company_id"],
                    e["user"],
                    e["project"],
                    e["task"],
                    e["start"],
                    e["start"] + timedelta(seconds=e["seconds"]),
                    e["billable"],
                    e.get("description", "work"),
                )
                for e in entries
            ],
        )


def random_entries(draw, org) -> list[dict]:
    """Non-overlapping entries per user, some just outside the range, across the DST change."""
    out = []
    base = datetime(2026, 10, 18, 20, 0, tzinfo=UTC)
    for user in org["users"]:
        at = base + timedelta(minutes=draw(st.integers(0, 600)))
        for _ in range(draw(st.integers(0, 12))):
            seconds = draw(st.integers(1, 20 * 3600))
            choice = draw(st.integers(0, 3))
            project = org["projects"][choice] if choice < 3 else None
            task = org["task"] if choice == 0 and draw(st.booleans()) else None
            out.append(
                {
                    "user": user,
                    "start": at,
                    "seconds": seconds,
                    "project": project,
                    "task": task,
                    "billable": draw(st.booleans()),
                }
            )
            at += timedelta(seconds=seconds + draw(st.integers(60, 3 * 86400)))
    return out


def in_range(e: dict) -> bool:
    return FIRST <= e["start"].astimezone(TZ).date() <= LAST


PAIRS = [["person", "project"], ["client", "day"], ["week", "task"], ["month", "person"]]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_totals_equal_the_raw_data_for_every_grouping(api, org, data):
    entries = random_entries(data.draw, org)
    insert_entries(org, entries)
    want = [e for e in entries if in_range(e)]
    raw = {
        "count": len(want),
        "seconds": sum(e["seconds"] for e in want),
        "billable_seconds": sum(e["seconds"] for e in want if e["billable"]),
    }
    for group_by in [[g] for g in builder.GROUPINGS["time"]] + PAIRS:
        r = api.post(
            f"{R}/run",
            json={"from": FIRST.isoformat(), "to": LAST.isoformat(), "group_by": group_by},
            token=org["admin"]["token"],
        )
        assert r.status_code == 200, r.json
        rep = r.json
        assert rep["totals"] == raw, group_by
        for measure in raw:
            assert sum(g["totals"][measure] for g in rep["groups"]) == raw[measure], (group_by, measure)
            for g in rep["groups"]:
                if len(group_by) == 2:
                    assert sum(s["totals"][measure] for s in g["subgroups"]) == g["totals"][measure]
        assert len({g["key"] for g in rep["groups"]}) == len(rep["groups"])
        assert rep["chart"]["labels"] == [g["label"] for g in rep["groups"]]
    # Calendar groups are local days: each day group holds exactly the entries starting on that Berlin date.
    r = api.post(
        f"{R}/run",
        json={"from": FIRST.isoformat(), "to": LAST.isoformat(), "group_by": ["day"]},
        token=org["admin"]["token"],
    )
    by_day: dict[str, int] = {}
    for e in want:
        key = e["start"].astimezone(TZ).date().isoformat()
        by_day[key] = by_day.get(key, 0) + e["seconds"]
    assert {g["key"]: g["totals"]["seconds"] for g in r.json["groups"]} == by_day


def test_filters_and_the_managers_team(api, org):
    start = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)
    entries = [
        {
            "user": org["users"][2],
            "start": start,
            "seconds": 3600,
            "project": org["projects"][0],
            "task": None,
            "billable": True,
        },
        {
            "user": org["users"][3],
            "start": start,
            "seconds": 7200,
            "project": org["projects"][1],
            "task": None,
            "billable": False,
        },
        {"user": org["users"][1], "start": start, "seconds": 600, "project": None, "task": None, "billable": False},
    ]
    insert_entries(org, entries)
    span = {"from": FIRST.isoformat(), "to": LAST.isoformat()}

    def total(token, **extra):
        r = api.post(f"{R}/run", json={**span, **extra}, token=token)
        assert r.status_code == 200, r.json
        return r.json["totals"]["seconds"]

    admin, manager = org["admin"]["token"], org["manager"]["token"]
    assert total(admin) == 11400
    assert total(admin, billable=True) == 3600
    assert total(admin, client_ids=[org["clients"][1]]) == 7200
    assert total(admin, project_ids=[org["projects"][0], org["projects"][1]]) == 10800
    assert total(admin, team_of=org["users"][1]) == 3600
    assert total(admin, user_ids=[org["users"][3]]) == 7200
    # RLS decides what a report holds: the manager sees themself and their employee, never the other one.
    assert total(manager) == 4200
    assert total(org["emp"]["token"]) == 3600
    r = api.post(f"{R}/run", json={**span, "source": "attendance", "group_by": ["project"]}, token=admin)
    assert r.status_code == 400 and "group_by" in r.json["error"]["fields"]
    r = api.post(f"{R}/run", json={"from": "2026-01-01", "to": "2027-06-01"}, token=admin)
    assert r.status_code == 400


def test_saved_reports_belong_to_their_user(api, org):
    spec = {"from": FIRST.isoformat(), "to": LAST.isoformat(), "group_by": ["client", "week"], "billable": True}
    r = api.post(f"{R}/saved", json={"name": "Billable by client", "spec": spec}, token=org["manager"]["token"])
    assert r.status_code == 201, r.json
    saved = r.json["report"]
    assert saved["spec"]["group_by"] == ["client", "week"] and saved["spec"]["from"] == FIRST.isoformat()
    assert api.get(f"{R}/saved", token=org["manager"]["token"]).json["items"][0]["id"] == saved["id"]
    assert api.get(f"{R}/saved", token=org["admin"]["token"]).json["items"] == []
    assert api.get(f"{R}/saved/{saved['id']}", token=org["admin"]["token"]).status_code == 404
    r = api.put(f"{R}/saved/{saved['id']}", json={"name": "Renamed", "spec": spec}, token=org["manager"]["token"])
    assert r.status_code == 200 and r.json["report"]["name"] == "Renamed"
    assert api.delete(f"{R}/saved/{saved['id']}", token=org["manager"]["token"]).status_code == 204


def _some_entries(org, n: int) -> list[dict]:
    start = datetime(2026, 10, 19, 6, 0, tzinfo=UTC)
    out = []
    for i in range(n):
        user = org["users"][i % 4]
        out.append(
            {
                "user": user,
                "start": start + timedelta(hours=i // 4),
                "seconds": 1800 + 60 * (i % 7),
                "project": org["projects"][i % 3],
                "task": None,
                "billable": i % 2 == 0,
                "description": f"=cmd|{i}" if i == 1 else f"entry {i}",
            }
        )
    return out


def test_xlsx_has_typed_numbers_dates_totals_and_widths(api, org):
    entries = _some_entries(org, 40)
    insert_entries(org, entries)
    r = api.post(
        f"{R}/exports",
        json={"from": FIRST.isoformat(), "to": LAST.isoformat(), "format": "xlsx", "group_by": ["project"]},
        token=org["admin"]["token"],
    )
    assert r.status_code == 200, r.json
    assert r.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(r.data))
    assert book.sheetnames == ["Summary", "Entries"]
    sheet = book["Entries"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Date", "Start", "End", "Person")
    body, total = rows[1:-1], rows[-1]
    assert len(body) == 40
    for row in body:
        assert isinstance(row[0], datetime) and isinstance(row[1], datetime) and isinstance(row[2], datetime)
        assert isinstance(row[9], float | int) and isinstance(row[8], bool)
    assert body[0][1] == entries[0]["start"].astimezone(TZ).replace(tzinfo=None)  # local wall time
    assert total[0] == "Total" and total[9] == pytest.approx(sum(e["seconds"] for e in entries) / 3600, abs=1e-3)
    assert sheet.cell(row=2, column=1).number_format == "yyyy-mm-dd"
    assert sheet.column_dimensions["B"].width >= 18 and sheet.column_dimensions["H"].width >= 10
    summary = list(book["Summary"].iter_rows(values_only=True))
    assert summary[-1][0] == "Total" and summary[-1][1] == 40
    assert sum(row[2] for row in summary[1:-1]) == pytest.approx(summary[-1][2], abs=1e-3)


def test_csv_escapes_formulas_and_ends_with_a_total(api, org):
    insert_entries(org, _some_entries(org, 8))
    r = api.post(
        f"{R}/exports",
        json={"from": FIRST.isoformat(), "to": LAST.isoformat(), "format": "csv"},
        token=org["admin"]["token"],
    )
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.data.decode("utf-8-sig"))))
    assert rows[0][0] == "Date" and len(rows) == 10 and rows[-1][0] == "Total"
    assert any(row[7] == "'=cmd|1" for row in rows)


def test_pdf_renders_with_the_chart(api, org, tmp_path):
    insert_entries(org, _some_entries(org, 60))
    r = api.post(
        f"{R}/exports",
        json={"from": FIRST.isoformat(), "to": LAST.isoformat(), "format": "pdf", "group_by": ["person"]},
        token=org["admin"]["token"],
    )
    assert r.status_code == 200 and r.data.startswith(b"%PDF")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(r.data)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 5000
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "Eve Employee" in text and "Total" in text and "Hours" in text


def test_background_export_progress_and_its_s3_link(api, org, monkeypatch):
    entries = _some_entries(org, 1200)
    insert_entries(org, entries)
    seen: list[int] = []
    real = exportjob.job_progress.advance
    monkeypatch.setattr(exports, "PROGRESS_EVERY", 100)
    monkeypatch.setattr(exportjob.job_progress, "advance", lambda c, t, i, p: (seen.append(p), real(c, t, i, p)))
    r = api.post(
        f"{R}/exports",
        json={"from": FIRST.isoformat(), "to": LAST.isoformat(), "format": "csv", "background": True},
        token=org["admin"]["token"],
    )
    assert r.status_code == 202, r.json
    job = r.json["export"]
    assert job["status"] == "queued" and job["progress"] == 0 and job["url"] is None
    drain(keys.REPORTS_QUEUE)
    assert seen == sorted(seen) and len(seen) >= 10 and seen[0] < 10 and max(seen) >= 90
    r = api.get(f"{R}/exports/{job['id']}", token=org["admin"]["token"])
    done = r.json["export"]
    assert done["status"] == "done" and done["progress"] == 100 and done["row_count"] == 1200
    got = requests.get(done["url"], timeout=10)
    assert got.status_code == 200
    rows = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert len(rows) == 1202
    assert api.get(f"{R}/exports/{job['id']}", token=org["emp"]["token"]).status_code == 404
    notes = api.get("/function/messaging/notifications", token=org["admin"]["token"]).json["items"]
    assert any(n["kind"] == "export_ready" and n["data"]["export_id"] == job["id"] for n in notes)


def test_share_link_sees_only_its_client_and_stops_when_revoked(api, org):
    entries = _some_entries(org, 30)  # projects cycle Apollo (Alpha), Borealis (Beta), Internal (no client)
    insert_entries(org, entries)
    other = signup(api, company="Elsewhere")
    r = api.post("/function/projects/clients", json={"name": "Alpha Ltd"}, token=other["token"])
    assert r.status_code == 201
    admin = org["admin"]["token"]
    r = api.post(f"{R}/shares", json={"client_id": org["clients"][0], "name": "Alpha monthly"}, token=admin)
    assert r.status_code == 201, r.json
    token, share = r.json["token"], r.json["share"]
    assert r.json["url"].endswith(f"/#/shared/{token}")
    assert (
        api.post(
            f"{R}/shares", json={"client_id": org["clients"][0], "name": "x"}, token=org["emp"]["token"]
        ).status_code
        == 403
    )
    r = api.post(f"{R}/shares", json={"client_id": str(uuid.uuid4()), "name": "x"}, token=admin)
    assert r.status_code == 404
    view = api.get(f"{R}/shared/{token}?from={FIRST}&to={LAST}")
    assert view.status_code == 200, view.json
    rep = view.json["report"]
    alpha = [e for e in entries if e["project"] == org["projects"][0]]
    assert view.json["client"] == "Alpha Ltd" and view.json["company"] == "Reports Co"
    assert [g["label"] for g in rep["groups"]] == ["Apollo"]
    assert rep["totals"]["seconds"] == sum(e["seconds"] for e in alpha) and rep["totals"]["count"] == len(alpha)
    assert "Eve Employee" not in view.get_data(as_text=True)
    assert api.get(f"{R}/shared/{token}x").status_code == 404
    assert api.get(f"{R}/shared/not-a-share").status_code == 404
    listed = api.get(f"{R}/shares", token=admin).json["items"]
    assert listed[0]["id"] == share["id"] and listed[0]["last_viewed_at"] is not None
    r = api.post(f"{R}/shares/{share['id']}/revoke", token=admin)
    assert r.status_code == 200 and r.json["share"]["revoked_at"]
    assert api.get(f"{R}/shared/{token}").status_code == 404
    # An expired link stops too.
    r = api.post(f"{R}/shares", json={"client_id": org["clients"][1], "name": "Beta"}, token=admin)
    beta = r.json["token"]
    assert api.get(f"{R}/shared/{beta}").status_code == 200
    org["owner"].execute(
        "UPDATE report_shares SET expires_at = now() - interval '1 second' WHERE id = %s", (r.json["share"]["id"],)
    )
    assert api.get(f"{R}/shared/{beta}").status_code == 404


def test_weekly_summary_reaches_managers_about_their_people_and_admins_about_everyone(api, org):
    today = datetime.now(TZ).date()
    first, _ = weekly.previous_week(today, 1)
    start = datetime(first.year, first.month, first.day, 9, 0, tzinfo=TZ).astimezone(UTC)
    insert_entries(
        org,
        [
            {"user": org["users"][2], "start": start, "seconds": 5400, "project": None, "task": None, "billable": True},
            {
                "user": org["users"][3],
                "start": start,
                "seconds": 3600,
                "project": None,
                "task": None,
                "billable": False,
            },
            # This week's time is not in last week's summary.
            {
                "user": org["users"][2],
                "start": start + timedelta(days=7),
                "seconds": 600,
                "project": None,
                "task": None,
                "billable": False,
            },
        ],
    )
    enqueued = api.post("/function/scheduler/", data=b"").json["enqueued"]
    assert enqueued["weekly-summary"]
    assert api.post("/function/scheduler/", data=b"").json["enqueued"]["weekly-summary"] is None  # once per week
    drain(keys.REPORTS_QUEUE)
    to_manager = last_mail(org["manager"]["email"])
    assert "Eve Employee" in to_manager and "1.50 h" in to_manager and "Olaf Other" not in to_manager
    to_admin = last_mail(org["admin"]["email"])
    assert "Eve Employee" in to_admin and "Olaf Other" in to_admin and "2.50 h" in to_admin
    assert f"the week of {first.isoformat()}" in to_admin
