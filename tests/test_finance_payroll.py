"""Payroll through the API with exact amounts: overtime across a DST week, a rate change mid-period, paid leave,
reimbursable expenses, salaried employees, adjustments after finalize, locks, visibility, CSV and the payslip PDF."""

from __future__ import annotations

import csv
import io
import subprocess
import tempfile
from pathlib import Path

import pytest
from factories import drain, invite_and_accept, signup
from seed_finance import F, approved_week, ok, pdf_text, run_payroll

from workmonitor import keys, storage

# Rendered pages land here for a person to look at (the outbox is emptied before each test).
DOCS = Path(tempfile.gettempdir()) / "wm-finance-docs"


@pytest.fixture()
def co(api):
    """A Berlin company (weeks from Monday) with an admin, a manager assigned to `emp` and `emp2`, both in Berlin."""
    admin = signup(api, company="Payco")
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    emp = invite_and_accept(api, admin, name="Eve Employee")
    emp2 = invite_and_accept(api, admin, name="Otto Other")
    for e in (emp, emp2):
        ok(
            api.post(
                "/function/team/assignments",
                json={"manager_id": manager["user"]["id"], "employee_id": e["user"]["id"]},
                token=admin["token"],
            ),
            201,
        )
        ok(
            api.patch(
                f"/function/team/users/{e['user']['id']}", json={"timezone": "Europe/Berlin"}, token=admin["token"]
            )
        )
    return {"admin": admin, "manager": manager, "emp": emp, "emp2": emp2}


def setup(api, co, rates: list[tuple[str, str, str]], **cfg):
    """Save settings and hourly/salaried rates of `emp` [(kind, amount, effective_from)]."""
    a = co["admin"]["token"]
    ok(api.put(f"{F}/settings", json=cfg, token=a))
    for kind, amount, since in rates:
        ok(
            api.post(
                f"{F}/rates",
                json={"user_id": co["emp"]["user"]["id"], "kind": kind, "amount": amount, "effective_from": since},
                token=a,
            ),
            201,
        )


def lines_of(summary: dict, api, co, kinds=None) -> list[tuple[str, int, int]]:
    rows = ok(api.get(f"{F}/payroll/runs/{summary['run']['id']}/lines", token=co["admin"]["token"]))["items"]
    return sorted((r["kind"], r["seconds"], r["amount_minor"]) for r in rows if not kinds or r["kind"] in kinds)


def test_overtime_across_a_dst_week_pays_the_hours_actually_worked(api, co):
    setup(
        api,
        co,
        [("hourly", "20", "2020-01-01")],
        pay_frequency="weekly",
        daily_overtime_hours="8",
        weekly_overtime_hours="40",
        overtime_multiplier="1.5",
    )
    # Mon..Fri 09:00-17:00 CEST, then Saturday 22:00 to Sunday 06:00 across the end of DST: 9 hours, not 8.
    spans = [(f"2026-10-{d}T07:00:00Z", f"2026-10-{d}T15:00:00Z") for d in range(19, 24)]
    spans.append(("2026-10-24T20:00:00Z", "2026-10-25T05:00:00Z"))
    approved_week(api, co["emp"], co["manager"], spans)
    summary = run_payroll(api, co["admin"], "2026-10-21")
    assert summary["run"]["period_start"] == "2026-10-19" and summary["run"]["period_end"] == "2026-10-25"
    assert lines_of(summary, api, co) == [("overtime", 9 * 3600, 27000), ("regular", 40 * 3600, 80000)]
    assert summary["run"]["total_minor"] == 107000 == summary["employees"][0]["total_minor"]


def test_rate_change_mid_period_splits_the_lines(api, co):
    setup(api, co, [("hourly", "20", "2020-01-01"), ("hourly", "30.50", "2026-09-16")], pay_frequency="monthly")
    approved_week(
        api,
        co["emp"],
        co["manager"],
        [("2026-09-14T07:00:00Z", "2026-09-14T15:00:00Z"), ("2026-09-16T07:00:00Z", "2026-09-16T15:15:00Z")],
    )
    summary = run_payroll(api, co["admin"], "2026-09-01")
    # 8 h at 20.00 and 8.25 h at 30.50 (= 251.625, half-up to 251.63).
    assert lines_of(summary, api, co) == [("regular", 8 * 3600, 16000), ("regular", 8 * 3600 + 900, 25163)]
    assert summary["run"]["total_minor"] == 41163


def test_paid_leave_and_reimbursable_expenses(api, co):
    setup(api, co, [("hourly", "20", "2020-01-01")], pay_frequency="monthly")
    a, emp, mgr = co["admin"]["token"], co["emp"], co["manager"]
    paid = ok(api.post("/function/attendance/leave/types", json={"name": "Vacation", "paid": True}, token=a), 201)
    unpaid = ok(api.post("/function/attendance/leave/types", json={"name": "Unpaid", "paid": False}, token=a), 201)
    for ltype, start, end, half in (
        (paid, "2026-09-07", "2026-09-09", True),
        (unpaid, "2026-09-21", "2026-09-21", False),
    ):
        req = ok(
            api.post(
                "/function/attendance/leave/requests",
                json={
                    "leave_type_id": ltype["leave_type"]["id"],
                    "start_date": start,
                    "end_date": end,
                    "end_half": half,
                },
                token=emp["token"],
            ),
            201,
        )["request"]
        ok(api.post(f"/function/attendance/leave/requests/{req['id']}/approve", json={}, token=mgr["token"]))
    cat = ok(api.post(f"{F}/expense-categories", json={"name": "Travel"}, token=a), 201)["category"]

    def expense(amount, approve=True, **extra):
        x = ok(
            api.post(
                f"{F}/expenses",
                json={
                    "spent_on": "2026-09-10",
                    "amount_minor": amount,
                    "currency": "USD",
                    "category_id": cat["id"],
                    **extra,
                },
                token=emp["token"],
            ),
            201,
        )["expense"]
        if approve:
            ok(api.post(f"{F}/expenses/{x['id']}/decision", json={"action": "approved"}, token=mgr["token"]))
        return x

    expense(4599, note="Train")
    expense(1000, approve=False)
    expense(777, reimbursable=False)
    summary = run_payroll(api, co["admin"], "2026-09-15")
    # 2.5 days x 8 h at 20.00 = 400.00; the unpaid day pays nothing; one approved reimbursable expense.
    assert lines_of(summary, api, co) == [("leave", 20 * 3600, 40000), ("reimbursement", 0, 4599)]
    emp_total = summary["employees"][0]
    assert (emp_total["gross_minor"], emp_total["reimbursed_minor"], emp_total["total_minor"]) == (40000, 4599, 44599)
    # The leave and the expense are paid now: changing them is refused.
    x = ok(api.get(f"{F}/expenses?status=approved", token=emp["token"]))["items"][-1]
    r = api.delete(f"{F}/expenses/{x['id']}", token=emp["token"])
    assert r.status_code in (409, 423), r.json


def test_salaried_prorated_at_a_raise(api, co):
    setup(api, co, [("salaried", "60000", "2020-01-01"), ("salaried", "72000", "2026-09-16")], pay_frequency="monthly")
    approved_week(api, co["emp"], co["manager"], [("2026-09-14T07:00:00Z", "2026-09-14T19:00:00Z")])
    summary = run_payroll(api, co["admin"], "2026-09-30")
    # 60,000/12 x 15/30 = 2,500.00 and 72,000/12 x 15/30 = 3,000.00; salaried hours earn no overtime.
    assert lines_of(summary, api, co) == [("salary", 0, 250000), ("salary", 0, 300000)]
    assert summary["run"]["total_minor"] == 550000


def test_finalize_locks_and_later_corrections_become_adjustments(api, co, owner_conn):
    setup(api, co, [("hourly", "20", "2020-01-01")], pay_frequency="weekly")
    a, emp, mgr = co["admin"], co["emp"], co["manager"]
    # Week 1 has approved time; week 0's time is approved only after its run was finalized.
    w0 = [("2026-09-01T07:00:00Z", "2026-09-01T11:00:00Z")]
    (entry0,) = [
        ok(api.post("/function/time/entries", json={"started_at": s, "ended_at": e}, token=emp["token"]), 201)["entry"]
        for s, e in w0
    ]
    first = run_payroll(api, a, "2026-09-01")
    assert first["run"]["total_minor"] == 0
    (entry1,) = approved_week(api, emp, mgr, [("2026-09-08T07:00:00Z", "2026-09-08T15:00:00Z")])
    second = run_payroll(api, a, "2026-09-08")
    assert second["run"]["total_minor"] == 16000
    # The paid entry and its week are locked now, for the employee and the admin alike.
    r = api.patch(f"/function/time/entries/{entry1['id']}", json={"description": "x"}, token=a["token"])
    assert r.status_code == 423 and r.json["error"]["code"] in ("period_approved", "period_paid"), r.json
    sheet = ok(api.get("/function/time/timesheets?status=approved", token=a["token"]))["items"][0]
    r = api.post(f"/function/time/timesheets/{sheet['id']}/reopen", json={}, token=a["token"])
    assert r.status_code == 423 and r.json["error"]["code"] == "period_paid", r.json
    # Late approval of week 0 and a manual correction land in the next run as adjustments.
    r = ok(api.post("/function/time/timesheets/submit", json={"date": "2026-09-01"}, token=emp["token"]), 201)
    ok(api.post(f"/function/time/timesheets/{r['timesheet']['id']}/approve", json={}, token=mgr["token"]))
    run3 = ok(api.post(f"{F}/payroll/runs", json={"date": "2026-09-15"}, token=a["token"]), 201)["run"]
    ok(api.post(f"{F}/payroll/runs/{run3['id']}/compute", token=a["token"]))
    ok(
        api.post(
            f"{F}/payroll/runs/{run3['id']}/adjustments",
            json={"user_id": emp["user"]["id"], "amount_minor": -500, "description": "Correction: overpaid travel"},
            token=a["token"],
        ),
        201,
    )
    for step in ("review", "finalize"):
        ok(api.post(f"{F}/payroll/runs/{run3['id']}/{step}", token=a["token"]))
    summary = ok(api.get(f"{F}/payroll/runs/{run3['id']}", token=a["token"]))
    assert lines_of(summary, api, co) == [("adjustment", 0, -500), ("adjustment", 4 * 3600, 8000)]
    assert summary["run"]["total_minor"] == 7500
    # Earlier runs never change; the late entry is now paid and locked too.
    assert ok(api.get(f"{F}/payroll/runs/{first['run']['id']}", token=a["token"]))["run"]["total_minor"] == 0
    r = api.delete(f"/function/time/entries/{entry0['id']}", token=a["token"])
    assert r.status_code == 423, r.json
    n = owner_conn.execute("SELECT count(*) FROM payroll_sources WHERE ref_id = %s AND finalized", (entry0["id"],))
    assert n.fetchone()[0] == 1
    # A finalized run cannot be recomputed or adjusted.
    assert api.post(f"{F}/payroll/runs/{run3['id']}/compute", token=a["token"]).status_code == 409


def test_visibility_payslip_pdf_and_csv(api, co, stack):
    setup(api, co, [("hourly", "20", "2020-01-01")], pay_frequency="weekly", weekly_overtime_hours="40")
    ok(
        api.post(
            f"{F}/rates",
            json={
                "user_id": co["emp2"]["user"]["id"],
                "kind": "hourly",
                "amount": "25",
                "effective_from": "2020-01-01",
            },
            token=co["admin"]["token"],
        ),
        201,
    )
    spans = [(f"2026-10-{d}T07:00:00Z", f"2026-10-{d}T15:00:00Z") for d in range(19, 24)]
    spans.append(("2026-10-24T20:00:00Z", "2026-10-25T05:00:00Z"))
    approved_week(api, co["emp"], co["manager"], spans)
    approved_week(api, co["emp2"], co["manager"], [("2026-10-20T07:00:00Z", "2026-10-20T09:00:00Z")])
    summary = run_payroll(api, co["admin"], "2026-10-21")
    run_id = summary["run"]["id"]
    emp, emp2, mgr = co["emp"], co["emp2"], co["manager"]
    # Employees and managers see only their own payslips; only admins see runs.
    mine = ok(api.get(f"{F}/payslips", token=emp["token"]))["items"]
    assert [(p["user_id"], p["total_minor"]) for p in mine] == [(emp["user"]["id"], 107000)]
    assert ok(api.get(f"{F}/payslips", token=mgr["token"]))["items"] == []
    assert len(ok(api.get(f"{F}/payslips", token=co["admin"]["token"]))["items"]) == 2
    assert api.get(f"{F}/payroll/runs", token=mgr["token"]).status_code == 403
    assert api.get(f"{F}/payroll/runs/{run_id}/export.csv", token=emp["token"]).status_code == 403
    own_lines = ok(api.get(f"{F}/payroll/runs/{run_id}/lines", token=emp2["token"]))["items"]
    assert {ln["user_id"] for ln in own_lines} == {emp2["user"]["id"]}
    assert api.get(f"{F}/payslips/{mine[0]['id']}/pdf", token=emp2["token"]).status_code == 404
    # The PDF job renders every payslip; its text carries the totals.
    drain(keys.REPORTS_QUEUE)
    url = ok(api.get(f"{F}/payslips/{mine[0]['id']}/pdf", token=emp["token"]))["url"]
    assert "payslips" in url
    key = storage.key(co["admin"]["company"]["id"], "payslips", run_id, f"{emp['user']['id']}.pdf")
    data = storage.get(key)
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout
    text = text.decode()
    for expected in ("Payslip 2026-10-19 to 2026-10-25", "Eve Employee", "800.00 USD", "270.00 USD", "1,070.00 USD"):
        assert expected in text, text
    out = str(DOCS / "payslip")
    DOCS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-", out], input=data, check=True)
    # CSV in the documented layout.
    r = api.get(f"{F}/payroll/runs/{run_id}/export.csv", token=co["admin"]["token"])
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert sum(int(round(float(x["amount"]) * 100)) for x in rows) == summary["run"]["total_minor"] == 107000 + 5000
    assert {x["line_kind"] for x in rows} == {"regular", "overtime"}
    assert rows[0].keys() >= {"employee_email", "hours", "rate", "multiplier", "amount", "currency"}


def _pdf_text(company_id: str, run_id: str, user_id: str) -> str:
    return pdf_text(storage.get(storage.key(company_id, "payslips", run_id, f"{user_id}.pdf")))


def test_night_premium_pays_the_hours_inside_the_local_night_window(api, co):
    setup(api, co, [("hourly", "20", "2020-01-01")], pay_frequency="monthly")
    a = co["admin"]["token"]
    # Tuesday 20:00 to Wednesday 02:00 Berlin (CEST): 6 hours, 4 of them inside 22:00-06:00.
    approved_week(api, co["emp"], co["manager"], [("2026-09-15T18:00:00Z", "2026-09-16T00:00:00Z")])
    draft = run_payroll(api, co["admin"], "2026-09-15", finalize=False)
    assert lines_of(draft, api, co) == [("regular", 6 * 3600, 12000)]  # night premium off (0): no line
    cfg = ok(api.put(f"{F}/settings", json={"night_premium": "0.25", "night_start": "22:00", "night_end": "06:00"},
                     token=a))["settings"]  # fmt: skip
    assert (cfg["night_premium"], cfg["night_start"], cfg["night_end"]) == ("0.250", "22:00:00", "06:00:00")
    run_id = draft["run"]["id"]
    for step in ("compute", "review", "finalize"):
        ok(api.post(f"{F}/payroll/runs/{run_id}/{step}", token=a))
    summary = ok(api.get(f"{F}/payroll/runs/{run_id}", token=a))
    # 4 h x 20.00 x 0.25 = 20.00 on top of 6 h x 20.00 = 120.00.
    assert lines_of(summary, api, co) == [("night_premium", 4 * 3600, 2000), ("regular", 6 * 3600, 12000)]
    assert summary["run"]["total_minor"] == 14000
    rows = ok(api.get(f"{F}/payroll/runs/{run_id}/lines", token=a))["items"]
    (night,) = [r for r in rows if r["kind"] == "night_premium"]
    assert night["description"] == "Night premium: 4.00 h @ 20.00 x 0.25"
    drain(keys.REPORTS_QUEUE)
    text = _pdf_text(co["admin"]["company"]["id"], run_id, co["emp"]["user"]["id"])
    for expected in ("Night premium: 4.00 h @ 20.00 x 0.25", "20.00 USD", "140.00 USD"):
        assert expected in text, text


def test_night_premium_across_the_dst_night_pays_the_seconds_worked_and_stacks_with_weekend(api, co):
    hourly = [("hourly", "20", "2020-01-01")]
    setup(api, co, hourly, pay_frequency="weekly", weekend_premium="0.5", night_premium="0.25")
    # Saturday 23:00 CEST to Sunday 07:00 CET across the end of DST (2026-10-25): 9 hours worked; of them 1 hour
    # before midnight and 7 (wall clock says 6) from 00:00 to 06:00 are night: 8 night hours.
    approved_week(api, co["emp"], co["manager"], [("2026-10-24T21:00:00Z", "2026-10-25T06:00:00Z")])
    summary = run_payroll(api, co["admin"], "2026-10-24")
    assert lines_of(summary, api, co) == [
        ("night_premium", 8 * 3600, 4000),  # 8 h x 20.00 x 0.25, on top of the weekend premium
        ("regular", 9 * 3600, 18000),
        ("weekend_premium", 9 * 3600, 9000),
    ]
    assert summary["run"]["total_minor"] == 31000


def test_night_window_settings_are_validated(api, co):
    a = co["admin"]["token"]
    defaults = ok(api.get(f"{F}/settings", token=a))["settings"]
    assert (defaults["night_premium"], defaults["night_start"], defaults["night_end"]) == ("0", "22:00:00", "06:00:00")
    for bad in (
        {"night_start": "25:00"},
        {"night_start": "late"},
        {"night_start": "22:00", "night_end": "22:00"},
        {"night_end": "22:00"},  # onto the stored start: an empty window
        {"night_premium": "-0.1"},
        {"night_premium": "11"},
    ):
        r = api.put(f"{F}/settings", json=bad, token=a)
        assert r.status_code == 400 and r.json["error"]["code"] == "validation_failed", (bad, r.json)
    # A window that does not cross midnight is fine too; employees may not change it.
    cfg = ok(api.put(f"{F}/settings", json={"night_start": "00:00", "night_end": "05:30"}, token=a))["settings"]
    assert (cfg["night_start"], cfg["night_end"]) == ("00:00:00", "05:30:00")
    assert api.put(f"{F}/settings", json={"night_premium": "1"}, token=co["emp"]["token"]).status_code == 403
