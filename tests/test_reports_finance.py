"""Reports over expenses and payroll: totals equal the raw data for every grouping and currency (property test),
exact amounts of a payroll run and expenses made through the finance API, visibility (own, team, admin, another
company), exports with exact typed money, and share links that never reach payroll."""

from __future__ import annotations

import csv
import io
import subprocess
import uuid
from datetime import date, timedelta

import openpyxl
import psycopg
import pytest
from factories import assign, drain, invite_and_accept, signup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seed_finance import F, approved_week, ok, run_payroll

from workmonitor import keys
from workmonitor.reports import builder

R = "/function/reports"
FIRST, LAST = date(2026, 10, 19), date(2026, 11, 8)
CURRENCIES = ("EUR", "USD", "JPY")
KINDS = ("regular", "overtime", "weekend_premium", "holiday_premium", "salary", "leave", "reimbursement", "adjustment")
COMPONENT = {
    "regular": "regular_minor",
    "overtime": "overtime_minor",
    "weekend_premium": "premium_minor",
    "holiday_premium": "premium_minor",
    "salary": "salary_minor",
    "leave": "leave_minor",
    "adjustment": "adjustment_minor",
    "reimbursement": "reimbursement_minor",
}


# --- random data straight into the tables (the grouping arithmetic) -------------------------------------------------


@pytest.fixture()
def books(api, owner_conn):
    """A company with four people, two clients, three projects (one without a client) and two expense categories."""
    admin = signup(api, company="Books Co")
    company = admin["company"]["id"]
    users = [admin["user"]["id"]]
    for name in ("Mia Manager", "Eve Employee", "Olaf Other"):
        uid, pid = str(uuid.uuid4()), str(uuid.uuid4())
        owner_conn.execute("INSERT INTO people (id, email) VALUES (%s, %s)", (pid, f"{uid[:8]}@example.com"))
        owner_conn.execute(
            "INSERT INTO users (id, company_id, email, name, role, person_id) VALUES (%s, %s, %s, %s, 'employee', %s)",
            (uid, company, f"{uid[:8]}@example.com", name, pid),
        )
        users.append(uid)
    clients = [
        ok(api.post("/function/projects/clients", json={"name": n}, token=admin["token"]), 201)["client"]["id"]
        for n in ("Alpha Ltd", "Beta GmbH")
    ]
    projects = [
        ok(api.post("/function/projects/projects", json={"name": n, "client_id": c}, token=admin["token"]), 201)[
            "project"
        ]["id"]
        for n, c in (("Apollo", clients[0]), ("Borealis", clients[1]), ("Internal", None))
    ]
    cats = [
        ok(api.post(f"{F}/expense-categories", json={"name": n}, token=admin["token"]), 201)["category"]["id"]
        for n in ("Travel", "Meals")
    ]
    return {
        "admin": admin,
        "company": company,
        "users": users,
        "projects": projects,
        "client_of": dict(zip(projects, [*clients, None], strict=True)),
        "owner": owner_conn,
        "cats": cats,
    }


def random_expenses(draw, org: dict, cats: list[str]) -> list[dict]:
    """Expenses of every person on days around the range, in three currencies, in every state."""
    out = []
    for user in org["users"]:
        for _ in range(draw(st.integers(0, 8))):
            project = draw(st.sampled_from([*org["projects"], None]))
            out.append(
                {
                    "user": user,
                    "day": FIRST + timedelta(days=draw(st.integers(-3, 24))),
                    "amount": draw(st.integers(1, 10**9)),
                    "currency": draw(st.sampled_from(CURRENCIES)),
                    "category": draw(st.sampled_from(cats)),
                    "project": project,
                    "billable": project is not None and draw(st.booleans()),
                    "reimbursable": draw(st.booleans()),
                    "status": draw(st.sampled_from(("submitted", "approved", "rejected"))),
                }
            )
    return out


def insert_expenses(org: dict, conn, rows: list[dict]) -> None:
    conn.execute("DELETE FROM expenses WHERE company_id = %s", (org["company"],))
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO expenses (company_id, user_id, spent_on, amount_minor, currency, category_id, project_id,"
            " billable, reimbursable, status) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [
                (
                    org["company"],
                    x["user"],
                    x["day"],
                    x["amount"],
                    x["currency"],
                    x["category"],
                    x["project"],
                    x["billable"],
                    x["reimbursable"],
                    x["status"],
                )
                for x in rows
            ],
        )


def random_payroll(draw, org: dict) -> list[dict]:
    """Weekly runs (finalized or not) in EUR or USD around the range, each with random lines per person."""
    runs = []
    for week in range(-1, 4):
        start = FIRST + timedelta(days=7 * week)
        lines = []
        for user in org["users"]:
            for _ in range(draw(st.integers(0, 4))):
                lines.append(
                    {
                        "user": user,
                        "kind": draw(st.sampled_from(KINDS)),
                        "seconds": draw(st.integers(0, 50 * 3600)),
                        "amount": draw(st.integers(-(10**6), 10**8)),
                    }
                )
        runs.append(
            {
                "start": start,
                "end": start + timedelta(days=6),
                "currency": draw(st.sampled_from(("EUR", "USD"))),
                "finalized": draw(st.integers(0, 3)) > 0,
                "lines": lines,
            }
        )
    return runs


def insert_payroll(org: dict, conn, runs: list[dict]) -> None:
    conn.execute("DELETE FROM payroll_runs WHERE company_id = %s", (org["company"],))
    for r in runs:
        run_id = conn.execute(
            "INSERT INTO payroll_runs (company_id, period_start, period_end, frequency, timezone, currency, status)"
            " VALUES (%s, %s, %s, 'weekly', 'Europe/Berlin', %s, %s) RETURNING id",
            (org["company"], r["start"], r["end"], r["currency"], "finalized" if r["finalized"] else "reviewed"),
        ).fetchone()[0]
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO payroll_lines (company_id, run_id, user_id, position, kind, description, seconds,"
                " amount_minor, currency) VALUES (%s, %s, %s, %s, %s, 'x', %s, %s, %s)",
                [
                    (org["company"], run_id, ln["user"], i, ln["kind"], ln["seconds"], ln["amount"], r["currency"])
                    for i, ln in enumerate(r["lines"])
                ],
            )


def expected_expenses(rows: list[dict]) -> dict:
    """Return the report totals the approved expenses in the range must add up to."""
    money: dict[str, dict] = {}
    for x in rows:
        if x["status"] != "approved" or not FIRST <= x["day"] <= LAST:
            continue
        m = money.setdefault(
            x["currency"],
            {"currency": x["currency"], "count": 0, "amount_minor": 0, "billable_minor": 0, "reimbursable_minor": 0},
        )
        m["count"] += 1
        m["amount_minor"] += x["amount"]
        m["billable_minor"] += x["amount"] if x["billable"] else 0
        m["reimbursable_minor"] += x["amount"] if x["reimbursable"] else 0
    return {"count": sum(m["count"] for m in money.values()), "money": [money[c] for c in sorted(money)]}


def expected_payroll(runs: list[dict]) -> dict:
    """Return the report totals of the finalized runs ending in the range: a payslip per person and run."""
    money: dict[str, dict] = {}
    seconds = 0
    for r in runs:
        if not r["finalized"] or not FIRST <= r["end"] <= LAST or not r["lines"]:
            continue  # a run with no lines has no payslip: no record, no currency in the totals
        people = {ln["user"] for ln in r["lines"]}
        cur = r["currency"]
        m = money.setdefault(cur, {"currency": cur, "count": 0} | dict.fromkeys(builder.MONEY["payroll"], 0))
        m["count"] += len(people)
        for ln in r["lines"]:
            m[COMPONENT[ln["kind"]]] += ln["amount"]
            m["total_minor"] += ln["amount"]
            if ln["kind"] != "reimbursement":
                m["gross_minor"] += ln["amount"]
            if ln["kind"] not in ("weekend_premium", "holiday_premium"):
                seconds += ln["seconds"]
    count = sum(m["count"] for m in money.values())
    return {"count": count, "seconds": seconds, "money": [money[c] for c in sorted(money)]}


def per_currency(totals: dict) -> dict[tuple[str, str], int]:
    """Return {(currency, measure): value} of a totals object (count included)."""
    return {(m["currency"], k): v for m in totals.get("money", []) for k, v in m.items() if k != "currency"}


def assert_adds_up(rep: dict, want: dict, group_by: list[str]) -> None:
    """The report's totals equal `want`; its groups (and subgroups) add up to their parents, per currency."""
    assert rep["totals"] == want, group_by
    plain = [k for k in want if k != "money"]
    for parent, children in [(rep, rep["groups"])] + [(g, g["subgroups"]) for g in rep["groups"] if g["subgroups"]]:
        for k in plain:
            assert sum(c["totals"][k] for c in children) == parent["totals"][k], (group_by, k)
        summed: dict[tuple[str, str], int] = {}
        for c in children:
            for key, value in per_currency(c["totals"]).items():
                summed[key] = summed.get(key, 0) + value
        assert summed == per_currency(parent["totals"]), group_by
    assert len({g["key"] for g in rep["groups"]}) == len(rep["groups"])
    assert rep["chart"]["labels"] == [g["label"] for g in rep["groups"]]


def groupings(source: str) -> list[list[str]]:
    singles = [[g] for g in builder.GROUPINGS[source]]
    pairs = {"expenses": [["person", "category"], ["client", "week"], ["month", "project"]],
             "payroll": [["person", "period"], ["period", "person"], ["month", "person"]]}  # fmt: skip
    return singles + pairs[source]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_expense_and_payroll_totals_equal_the_raw_data_for_every_grouping(api, books, data):
    org = books
    expenses = random_expenses(data.draw, org, org["cats"])
    runs = random_payroll(data.draw, org)
    insert_expenses(org, org["owner"], expenses)
    insert_payroll(org, org["owner"], runs)
    span = {"from": FIRST.isoformat(), "to": LAST.isoformat()}
    for source, want in (("expenses", expected_expenses(expenses)), ("payroll", expected_payroll(runs))):
        for group_by in groupings(source):
            r = api.post(f"{R}/run", json={**span, "source": source, "group_by": group_by}, token=org["admin"]["token"])
            assert r.status_code == 200, r.json
            assert_adds_up(r.json, want, group_by)
    # Project and client groups hold exactly their expenses; a state filter widens what counts.
    r = api.post(f"{R}/run", json={**span, "source": "expenses", "group_by": ["client"]}, token=org["admin"]["token"])
    by_client: dict[str | None, int] = {}
    for x in expenses:
        if x["status"] == "approved" and FIRST <= x["day"] <= LAST and x["currency"] == "USD":
            key = org["client_of"].get(x["project"]) if x["project"] else None
            by_client[key] = by_client.get(key, 0) + x["amount"]
    got = {
        g["key"]: m["amount_minor"] for g in r.json["groups"] for m in g["totals"]["money"] if m["currency"] == "USD"
    }
    assert got == by_client
    r = api.post(
        f"{R}/run",
        json={**span, "source": "expenses", "group_by": ["person"], "statuses": ["submitted", "rejected"]},
        token=org["admin"]["token"],
    )
    assert r.json["totals"]["count"] == sum(
        1 for x in expenses if x["status"] != "approved" and FIRST <= x["day"] <= LAST
    )


# --- real data through the finance API: exact amounts, visibility, exports, shares ----------------------------------


@pytest.fixture()
def co(api):
    """Payroll week 2026-10-19..25 (USD), finalized: Eve (the manager's) 40 h + 9 h overtime at 20.00 and a 45.99
    reimbursement; Otto (nobody's) 2 h at 25.00 and a 25.00 reimbursement. Eve also has a 10.00 EUR billable expense
    on Borealis (client Beta), one submitted and one rejected USD expense."""
    admin = signup(api, company="Ledger Co")
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    emp = invite_and_accept(api, admin, name="Eve Employee")
    emp2 = invite_and_accept(api, admin, name="Otto Other")
    a = admin["token"]
    assign(api, admin, manager, emp)
    ok(api.put(f"{F}/settings", json={"pay_frequency": "weekly", "weekly_overtime_hours": "40"}, token=a))
    for person, rate in ((emp, "20"), (emp2, "25")):
        body = {"user_id": person["user"]["id"], "kind": "hourly", "amount": rate, "effective_from": "2020-01-01"}
        ok(api.post(f"{F}/rates", json=body, token=a), 201)
    clients = [
        ok(api.post("/function/projects/clients", json={"name": n}, token=a), 201)["client"]["id"]
        for n in ("Alpha Ltd", "Beta GmbH")
    ]
    members = [emp["user"]["id"], emp2["user"]["id"]]
    projects = [
        ok(
            api.post("/function/projects/projects", json={"name": n, "client_id": c, "member_ids": members}, token=a),
            201,
        )["project"]["id"]
        for n, c in (("Apollo", clients[0]), ("Borealis", clients[1]))
    ]
    cat = ok(api.post(f"{F}/expense-categories", json={"name": "Travel"}, token=a), 201)["category"]["id"]

    def expense(who, amount, currency="USD", decide="approved", approver=manager, **extra):
        body = {"spent_on": "2026-10-20", "amount_minor": amount, "currency": currency, "category_id": cat, **extra}
        x = ok(api.post(f"{F}/expenses", json=body, token=who["token"]), 201)["expense"]
        if decide:
            ok(api.post(f"{F}/expenses/{x['id']}/decision", json={"action": decide}, token=approver["token"]))

    expense(emp, 4599, project_id=projects[0], billable=True, note="Train to Alpha")
    expense(emp, 1000, "EUR", project_id=projects[1], billable=True, reimbursable=False)
    expense(emp, 700, decide=None)
    expense(emp, 300, decide="rejected")
    expense(emp2, 2500, approver=admin)
    spans = [(f"2026-10-{d}T07:00:00Z", f"2026-10-{d}T15:00:00Z") for d in range(19, 24)]
    spans.append(("2026-10-24T20:00:00Z", "2026-10-25T05:00:00Z"))
    approved_week(api, emp, manager, spans)
    approved_week(api, emp2, admin, [("2026-10-20T07:00:00Z", "2026-10-20T09:00:00Z")])
    run_payroll(api, admin, "2026-10-21")
    return {"admin": admin, "manager": manager, "emp": emp, "emp2": emp2, "clients": clients, "projects": projects}


WEEK = {"from": "2026-10-19", "to": "2026-10-25"}


def report(api, who, **spec):
    r = api.post(f"{R}/run", json={**WEEK, **spec}, token=who["token"])
    assert r.status_code == 200, r.json
    return r.json


def test_exact_payroll_and_expense_amounts(api, co):
    rep = report(api, co["admin"], source="payroll", group_by=["person"])
    assert rep["totals"] == {
        "count": 2,
        "seconds": 51 * 3600,
        "money": [
            {
                "currency": "USD",
                "count": 2,
                "regular_minor": 85000,
                "overtime_minor": 27000,
                "premium_minor": 0,
                "salary_minor": 0,
                "leave_minor": 0,
                "adjustment_minor": 0,
                "gross_minor": 112000,
                "reimbursement_minor": 7099,
                "total_minor": 119099,
            }
        ],
    }
    eve = rep["groups"][0]
    assert eve["label"] == "Eve Employee" and eve["totals"]["money"][0]["total_minor"] == 111599
    assert rep["chart"]["series"][0] == {"name": "gross_minor", "unit": "USD", "values": [1070.0, 50.0]}
    period = report(api, co["admin"], source="payroll", group_by=["period"])["groups"]
    assert [(g["key"], g["label"]) for g in period] == [("2026-10-19", "2026-10-19 – 2026-10-25")]
    # Expenses: approved only by default, one line per currency, never added across them.
    rep = report(api, co["admin"], source="expenses", group_by=["client"])
    assert rep["totals"] == {
        "count": 3,
        "money": [
            {"currency": "EUR", "count": 1, "amount_minor": 1000, "billable_minor": 1000, "reimbursable_minor": 0},
            {"currency": "USD", "count": 2, "amount_minor": 7099, "billable_minor": 4599, "reimbursable_minor": 7099},
        ],
    }
    assert [g["label"] for g in rep["groups"]] == ["Alpha Ltd", "No client", "Beta GmbH"]  # biggest in USD first
    every = report(api, co["admin"], source="expenses", group_by=["person"], statuses=["approved", "submitted"])
    assert {m["currency"]: m["amount_minor"] for m in every["totals"]["money"]} == {"EUR": 1000, "USD": 7799}
    assert report(api, co["admin"], source="expenses", billable=True)["totals"]["count"] == 2
    alpha = report(api, co["admin"], source="expenses", client_ids=[co["clients"][0]])
    assert alpha["totals"]["money"] == [
        {"currency": "USD", "count": 1, "amount_minor": 4599, "billable_minor": 4599, "reimbursable_minor": 4599}
    ]
    # Filters and groupings a source does not have are refused, clearly.
    for spec in (
        {"source": "payroll", "project_ids": [co["projects"][0]]},
        {"source": "payroll", "group_by": ["project"]},
        {"source": "expenses", "group_by": ["task"]},
        {"source": "expenses", "task_ids": [str(uuid.uuid4())]},
        {"source": "time", "statuses": ["approved"]},
        {"source": "payroll", "billable": True},
    ):
        r = api.post(f"{R}/run", json={**WEEK, **spec}, token=co["admin"]["token"])
        assert r.status_code == 400 and r.json["error"]["fields"], (spec, r.json)


def test_visibility_mirrors_finance(api, co):
    def payroll(who, **spec):
        rep = report(api, who, source="payroll", group_by=["person"], **spec)
        return {g["label"]: g["totals"]["money"][0]["total_minor"] for g in rep["groups"]}

    def expenses(who):
        rep = report(api, who, source="expenses", group_by=["person"])
        return {(g["label"], m["currency"]): m["amount_minor"] for g in rep["groups"] for m in g["totals"]["money"]}

    assert payroll(co["admin"]) == {"Eve Employee": 111599, "Otto Other": 7500}
    assert payroll(co["emp"]) == {"Eve Employee": 111599}
    assert payroll(co["emp2"]) == {"Otto Other": 7500}
    # A manager has no payslip here: payroll shows them nothing of their team, whatever they ask for.
    assert payroll(co["manager"]) == {}
    assert payroll(co["manager"], user_ids=[co["emp"]["user"]["id"]]) == {}
    assert payroll(co["manager"], team_of=co["manager"]["user"]["id"]) == {}
    # Expenses follow the expenses policy: own, the manager's team, everything for the admin.
    assert expenses(co["admin"]) == {
        ("Eve Employee", "EUR"): 1000,
        ("Eve Employee", "USD"): 4599,
        ("Otto Other", "USD"): 2500,
    }
    assert expenses(co["manager"]) == {("Eve Employee", "EUR"): 1000, ("Eve Employee", "USD"): 4599}
    assert expenses(co["emp2"]) == {("Otto Other", "USD"): 2500}
    other = signup(api, company="Elsewhere")
    for source in ("payroll", "expenses"):
        assert report(api, other, source=source, group_by=["person"])["totals"]["count"] == 0
        body = {**WEEK, "source": source, "format": "csv", "group_by": ["person"]}
        r = api.post(f"{R}/exports", json=body, token=other["token"])
        rows = list(csv.reader(io.StringIO(r.data.decode("utf-8-sig"))))
        assert len(rows) == 2 and rows[-1][0] == "Total", rows  # a header and an empty total


def test_xlsx_money_is_typed_and_exact(api, co):
    r = api.post(
        f"{R}/exports",
        json={**WEEK, "source": "expenses", "format": "xlsx", "group_by": ["person"]},
        token=co["admin"]["token"],
    )
    assert r.status_code == 200, r.json
    book = openpyxl.load_workbook(io.BytesIO(r.data))
    assert book.sheetnames == ["Summary", "Entries"]
    rows = list(book["Entries"].iter_rows(values_only=True))
    head = rows[0]
    assert head[-2:] == ("Currency", "Amount")
    body = {(row[1], row[-2]): row[-1] for row in rows[1:4]}
    assert body == {("Eve Employee", "USD"): 45.99, ("Eve Employee", "EUR"): 10.0, ("Otto Other", "USD"): 25.0}
    assert all(type(row[-1]) in (int, float) and isinstance(row[0], date) for row in rows[1:4])
    assert [(row[0], row[-2], row[-1]) for row in rows[4:]] == [("Total EUR", "EUR", 10.0), ("Total USD", "USD", 70.99)]
    amount = book["Entries"].cell(row=2, column=len(head))
    assert "USD" in amount.number_format or "EUR" in amount.number_format
    assert amount.number_format.startswith("#,##0.00")
    summary = list(book["Summary"].iter_rows(values_only=True))
    assert summary[0][:4] == ("Person", "Currency", "Count", "Amount")
    assert summary[-2:] == [("Total EUR", "EUR", 1, 10.0, 10.0, 0.0), ("Total USD", "USD", 2, 70.99, 45.99, 70.99)]
    # Payroll: every component a number in its currency, a totals row per currency.
    r = api.post(
        f"{R}/exports",
        json={**WEEK, "source": "payroll", "format": "xlsx", "group_by": ["person"]},
        token=co["admin"]["token"],
    )
    rows = list(openpyxl.load_workbook(io.BytesIO(r.data))["Entries"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Period start", "Period end", "Person", "Currency", "Hours")
    eve = next(row for row in rows if row[2] == "Eve Employee")
    assert eve[3:] == ("USD", 49.0, 800.0, 270.0, 0, 0, 0, 0, 1070.0, 45.99, 1115.99)
    assert all(type(v) in (int, float) for v in eve[4:])
    assert rows[-1][0] == "Total USD" and rows[-1][-1] == 1190.99 and rows[-1][4] == 51.0


def test_csv_and_pdf_of_payroll(api, co, tmp_path, owner_conn):
    r = api.post(f"{R}/exports", json={**WEEK, "source": "payroll", "format": "csv"}, token=co["emp"]["token"])
    assert r.status_code == 200, r.json  # grouped by person unless told
    logged = owner_conn.execute(
        "SELECT actor_id::text, details FROM audit_logs WHERE action = 'reports.payroll_exported'"
    ).fetchall()
    assert logged == [(co["emp"]["user"]["id"], {"format": "csv", "from": "2026-10-19", "to": "2026-10-25", "rows": 1})]
    rows = list(csv.reader(io.StringIO(r.data.decode("utf-8-sig"))))
    assert rows[0][-3:] == ["Gross", "Reimbursements", "Total"]
    assert rows[1][2:5] == ["Eve Employee", "USD", "49"] and rows[1][-3:] == ["1070.00", "45.99", "1115.99"]
    assert len(rows) == 3 and rows[-1][0] == "Total USD" and rows[-1][-1] == "1115.99"
    r = api.post(
        f"{R}/exports",
        json={**WEEK, "source": "payroll", "format": "pdf", "group_by": ["person"]},
        token=co["admin"]["token"],
    )
    assert r.status_code == 200 and r.data.startswith(b"%PDF")
    pdf = tmp_path / "payroll.pdf"
    pdf.write_bytes(r.data)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for expected in ("Eve Employee", "1,070.00", "1,115.99", "Total USD", "1,190.99", "Total (USD)"):
        assert expected in text, text


def test_background_payroll_export_holds_only_what_its_user_sees(api, co):
    r = api.post(
        f"{R}/exports",
        json={**WEEK, "source": "payroll", "format": "csv", "group_by": ["person"], "background": True},
        token=co["manager"]["token"],
    )
    assert r.status_code == 202, r.json
    job = r.json["export"]
    r = api.post(
        f"{R}/saved",
        json={"name": "Payroll by period", "spec": {**WEEK, "source": "payroll", "group_by": ["period", "person"]}},
        token=co["emp"]["token"],
    )
    assert r.status_code == 201 and r.json["report"]["spec"]["source"] == "payroll"
    drain(keys.REPORTS_QUEUE)
    done = api.get(f"{R}/exports/{job['id']}", token=co["manager"]["token"]).json["export"]
    assert done["status"] == "done" and done["row_count"] == 0


def test_share_links_never_reach_payroll(api, co, owner_conn):
    a = co["admin"]["token"]
    alpha = co["clients"][0]
    r = api.post(f"{R}/shares", json={"client_id": alpha, "name": "Pay", "source": "payroll"}, token=a)
    assert r.status_code == 400 and "source" in r.json["error"]["fields"], r.json
    r = api.post(
        f"{R}/shares", json={"client_id": alpha, "name": "x", "source": "expenses", "group_by": "task"}, token=a
    )
    assert r.status_code == 400
    with pytest.raises(psycopg.errors.CheckViolation):  # nor can a row say so
        owner_conn.execute(
            "INSERT INTO report_shares (company_id, client_id, name, token_hash, source, expires_at)"
            " VALUES (%s, %s, 'x', 'h', 'payroll', now() + interval '1 day')",
            (co["admin"]["company"]["id"], alpha),
        )
    # An expense share shows the client's approved billable expenses, no person, no note, nothing of Beta.
    r = api.post(
        f"{R}/shares",
        json={"client_id": alpha, "name": "Alpha costs", "source": "expenses", "group_by": "category"},
        token=a,
    )
    assert r.status_code == 201 and r.json["share"]["source"] == "expenses", r.json
    view = api.get(f"{R}/shared/{r.json['token']}?from=2026-10-01&to=2026-10-31")
    assert view.status_code == 200, view.json
    rep = view.json["report"]
    assert rep["source"] == "expenses" and [g["label"] for g in rep["groups"]] == ["Travel"]
    assert rep["totals"] == {
        "count": 1,
        "money": [{"currency": "USD", "count": 1, "amount_minor": 4599, "billable_minor": 4599}],
    }
    text = view.get_data(as_text=True)
    assert "Eve Employee" not in text and "Train to Alpha" not in text and "reimbursable" not in text
    # A time share of the same client shows time only (its function refuses expense links and vice versa).
    r = api.post(f"{R}/shares", json={"client_id": alpha, "name": "Alpha time"}, token=a)
    rep = api.get(f"{R}/shared/{r.json['token']}?from=2026-10-01&to=2026-10-31").json["report"]
    assert rep["source"] == "time" and "money" not in rep["totals"]
