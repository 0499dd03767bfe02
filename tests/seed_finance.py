"""Seed for finance (one row in every finance table, through the API) and helpers for the finance tests."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, date, datetime, timedelta

from PIL import Image

F = "/function/finance"


def ok(r, status=(200, 201)):
    """Return the JSON of `r` after checking its status."""
    assert r.status_code in ((status,) if isinstance(status, int) else status), (r.status_code, r.json)
    return r.json


def pdf_text(data: bytes) -> str:
    """Return the text of PDF `data` (pdftotext, layout kept)."""
    assert data[:5] == b"%PDF-", data[:40]
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return out.stdout.decode()


def png() -> bytes:
    """Return a small real PNG (a receipt photo)."""
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 180, 20)).save(buf, "PNG")
    return buf.getvalue()


def approved_week(api, emp: dict, approver: dict, spans: list[tuple[str, str]], **fields) -> list[dict]:
    """Create entries (ISO start, end) as `emp`, submit their weeks and approve them as `approver`; return them."""
    made = []
    for start, end in spans:
        r = api.post(
            "/function/time/entries", json={"started_at": start, "ended_at": end, **fields}, token=emp["token"]
        )
        made.append(ok(r, 201)["entry"])
    days = sorted({s[:10] for s, _ in spans})
    seen = set()
    for day in days:
        r = api.post("/function/time/timesheets/submit", json={"date": day}, token=emp["token"])
        if r.status_code == 409:  # this week was submitted for an earlier day
            continue
        sheet = ok(r, 201)["timesheet"]
        if sheet["id"] not in seen:
            seen.add(sheet["id"])
            ok(api.post(f"/function/time/timesheets/{sheet['id']}/approve", json={}, token=approver["token"]))
    return made


def run_payroll(api, admin: dict, day: str, finalize: bool = True) -> dict:
    """Create, compute, review and (optionally) finalize the run of `day`; return its summary."""
    run = ok(api.post(f"{F}/payroll/runs", json={"date": day}, token=admin["token"]), 201)["run"]
    ok(api.post(f"{F}/payroll/runs/{run['id']}/compute", token=admin["token"]))
    if finalize:
        ok(api.post(f"{F}/payroll/runs/{run['id']}/review", token=admin["token"]))
        ok(api.post(f"{F}/payroll/runs/{run['id']}/finalize", token=admin["token"]))
    return ok(api.get(f"{F}/payroll/runs/{run['id']}", token=admin["token"]))


def seed(api, ctx) -> None:
    """Settings, a holiday, a wage rate, a finalized payroll run (lines, sources, payslip), an expense with its
    category, client billing, a task rate, an issued and paid invoice, a contract with a released milestone."""
    admin, manager, employee = ctx["admin"], ctx["manager"], ctx["employee"]
    emp_id = employee["user"]["id"]
    a = admin["token"]
    ok(api.put(f"{F}/settings", json={"pay_frequency": "weekly", "weekly_overtime_hours": "40"}, token=a))
    ok(api.post(f"{F}/holidays", json={"day": "2026-12-25", "name": "Christmas"}, token=a), 201)
    day = (datetime.now(UTC) - timedelta(days=14)).date()
    monday = day - timedelta(days=day.weekday())
    ok(
        api.post(
            f"{F}/rates",
            json={"user_id": emp_id, "kind": "hourly", "amount": "20", "effective_from": "2020-01-01"},
            token=a,
        ),
        201,
    )
    client = ok(api.post("/function/projects/clients", json={"name": f"{ctx['name']} Finance Client"}, token=a), 201)
    client_id = client["client"]["id"]
    project = ok(
        api.post(
            "/function/projects/projects",
            json={"name": f"{ctx['name']} Billing", "client_id": client_id, "member_ids": [emp_id]},
            token=a,
        ),
        201,
    )["project"]
    task = ok(api.post(f"/function/projects/projects/{project['id']}/tasks", json={"name": "Build"}, token=a), 201)
    ok(api.put(f"{F}/tasks/{task['task']['id']}/rate", json={"hourly_rate": "100"}, token=a))
    ok(
        api.put(
            f"{F}/clients/{client_id}/billing", json={"billing_email": "ap@client.example", "tax_id": "DE123"}, token=a
        )
    )
    start = datetime.combine(monday, datetime.min.time(), UTC) + timedelta(hours=9)
    approved_week(
        api,
        employee,
        manager,
        [(start.isoformat(), (start + timedelta(hours=3)).isoformat())],
        task_id=task["task"]["id"],
        billable=True,
    )
    cat = ok(api.post(f"{F}/expense-categories", json={"name": "Travel"}, token=a), 201)["category"]
    exp = ok(
        api.post(
            f"{F}/expenses",
            data={
                "spent_on": str(monday),
                "amount_minor": "1234",
                "currency": "USD",
                "category_id": cat["id"],
                "receipt": (io.BytesIO(png()), "r.png"),
            },
            token=employee["token"],
        ),
        201,
    )["expense"]
    ok(api.post(f"{F}/expenses/{exp['id']}/decision", json={"action": "approved"}, token=manager["token"]))
    run_payroll(api, admin, str(monday))
    inv = ok(
        api.post(
            f"{F}/invoices",
            json={"client_id": client_id, "period_start": str(monday), "period_end": str(monday + timedelta(days=6))},
            token=a,
        ),
        201,
    )
    inv = ok(api.post(f"{F}/invoices/{inv['invoice']['id']}/issue", token=a))
    ok(
        api.post(
            f"{F}/invoices/{inv['invoice']['id']}/payments",
            json={"amount_minor": 100, "currency": inv["invoice"]["currency"], "method": "bank", "reference": "t1"},
            token=a,
        ),
        201,
    )
    contract = ok(
        api.post(
            f"{F}/contracts", json={"user_id": emp_id, "title": "Logo", "kind": "milestone", "currency": "USD"}, token=a
        ),
        201,
    )["contract"]
    ms = ok(
        api.post(f"{F}/contracts/{contract['id']}/milestones", json={"title": "Draft", "amount_minor": 50000}, token=a),
        201,
    )["milestone"]
    ok(api.post(f"{F}/milestones/{ms['id']}/fund", json={}, token=a))
    ok(api.post(f"{F}/milestones/{ms['id']}/release", json={"method": "bank"}, token=a))
    ctx["finance"] = {"client_id": client_id, "invoice_id": inv["invoice"]["id"], "contract_id": contract["id"]}


def monday_of(day: date) -> date:
    """Return the Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())
