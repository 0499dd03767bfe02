"""End to end through `make run`'s URLs: real HTTP to infra/local/run.py (the session's `shared_platform`), whose own
RQ worker process renders the PDFs and writes the mail to its outbox; the test only polls the API and the outbox.
Time tracked -> approved -> payroll finalized -> payslip PDF downloaded by the employee through its presigned URL;
billable time -> invoice issued -> PDF emailed to the outbox -> payment recorded -> paid."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import requests
from factories import invite_and_accept, signup
from localplatform import Http, wait_for, wait_mail
from seed_finance import F, ok, pdf_text


def test_time_to_payslip_and_invoice_to_paid(shared_platform):
    api = Http(shared_platform["base"])
    outbox = shared_platform["outbox"]
    admin = signup(api, company="Endco")
    a = admin["token"]

    def mail(to: str) -> str:
        return wait_mail(outbox, to).get_content()

    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager", mail=mail)
    emp = invite_and_accept(api, admin, name="Eve Employee", mail=mail)
    emp_id = emp["user"]["id"]
    ok(api.post("/function/team/assignments", json={"manager_id": manager["user"]["id"], "employee_id": emp_id},
                token=a), 201)  # fmt: skip
    ok(
        api.put(
            f"{F}/settings",
            json={
                "pay_frequency": "weekly",
                "default_tax_rate": "19",
                "legal_name": "Endco GmbH",
                "address": "Hauptstr. 1, Berlin",
                "payment_details": "IBAN DE00 1234",
            },
            token=a,
        )
    )
    ok(
        api.post(
            f"{F}/rates",
            json={"user_id": emp_id, "kind": "hourly", "amount": "25", "effective_from": "2020-01-01"},
            token=a,
        ),
        201,
    )
    billing = f"billing-{uuid.uuid4().hex[:8]}@initech.example"
    client = ok(api.post("/function/projects/clients", json={"name": "Initech"}, token=a), 201)["client"]
    ok(api.put(f"{F}/clients/{client['id']}/billing", json={"billing_email": billing}, token=a))
    project = ok(
        api.post(
            "/function/projects/projects",
            json={"name": "Portal", "client_id": client["id"], "hourly_rate": 11000, "member_ids": [emp_id]},
            token=a,
        ),
        201,
    )
    # Time tracked last week (3 h 30 min, billable), then submitted and approved.
    day = (datetime.now(UTC) - timedelta(days=7)).replace(hour=8, minute=0, second=0, microsecond=0)
    ok(
        api.post(
            "/function/time/entries",
            json={
                "project_id": project["project"]["id"],
                "billable": True,
                "started_at": day.isoformat(),
                "ended_at": (day + timedelta(hours=3, minutes=30)).isoformat(),
            },
            token=emp["token"],
        ),
        201,
    )
    sheet = ok(
        api.post("/function/time/timesheets/submit", json={"date": day.date().isoformat()}, token=emp["token"]), 201
    )
    ok(api.post(f"/function/time/timesheets/{sheet['timesheet']['id']}/approve", json={}, token=manager["token"]))

    # Payroll: draft -> computed -> reviewed -> finalized; the runner's worker renders the payslip.
    run = ok(api.post(f"{F}/payroll/runs", json={"date": day.date().isoformat()}, token=a), 201)["run"]
    for step in ("compute", "review", "finalize"):
        run = ok(api.post(f"{F}/payroll/runs/{run['id']}/{step}", token=a))["run"]
    assert run["status"] == "finalized" and run["total_minor"] == 8750

    def rendered_slip():
        items = ok(api.get(f"{F}/payslips", token=emp["token"]))["items"]
        return items if items and items[0]["pdf_ready"] else None

    (slip,) = wait_for(rendered_slip, "the payslip PDF")
    assert slip["total_minor"] == 8750
    url = ok(api.get(f"{F}/payslips/{slip['id']}/pdf", token=emp["token"]))["url"]
    pdf = requests.get(url, timeout=10)  # presigned: no Authorization header
    assert pdf.status_code == 200, pdf.text
    text = pdf_text(pdf.content)
    period = f"Payslip {run['period_start']} to {run['period_end']}"
    for expected in (period, "Eve Employee", "Regular: 3.50 h @ 25.00", "87.50 USD"):
        assert expected in text, text

    # Invoice: billable time at the project rate, 19 % tax, issued, emailed with its PDF, paid in two parts.
    first = day.date() - timedelta(days=day.weekday())
    inv = ok(
        api.post(
            f"{F}/invoices",
            json={
                "client_id": client["id"],
                "period_start": first.isoformat(),
                "period_end": (first + timedelta(days=6)).isoformat(),
            },
            token=a,
        ),
        201,
    )
    inv_id = inv["invoice"]["id"]
    totals = (inv["invoice"]["subtotal_minor"], inv["invoice"]["tax_minor"], inv["invoice"]["total_minor"])
    assert totals == (38500, 7315, 45815)
    issued = ok(api.post(f"{F}/invoices/{inv_id}/issue", token=a))["invoice"]
    assert issued["status"] == "issued" and issued["number"]
    ok(api.post(f"{F}/invoices/{inv_id}/send", json={}, token=a))
    sent = wait_mail(outbox, billing)
    assert issued["number"] in sent["Subject"]
    (attachment,) = list(sent.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    text = pdf_text(attachment.get_content())
    for expected in (issued["number"], "Endco GmbH", "Initech", "385.00 USD", "73.15 USD", "458.15 USD"):
        assert expected in text, text
    # The stored PDF (the render job's) is served through a presigned URL too.
    stored = wait_for(lambda: api.get(f"{F}/invoices/{inv_id}/pdf", token=a).json.get("url"), "the invoice PDF")
    assert requests.get(stored, timeout=10).content[:5] == b"%PDF-"
    for amount, ref in ((20000, "SEPA-1"), (25815, "SEPA-2")):
        paid = ok(
            api.post(
                f"{F}/invoices/{inv_id}/payments",
                json={"amount_minor": amount, "currency": "USD", "method": "bank", "reference": ref},
                token=a,
            ),
            201,
        )
    assert paid["invoice"]["status"] == "paid" and paid["invoice"]["paid_minor"] == 45815
    listed = ok(api.get(f"{F}/invoices?status=paid", token=a))["items"]
    assert [i["id"] for i in listed] == [inv_id] and listed[0]["overdue"] is False
    assert api.get(f"{F}/invoices", token=emp["token"]).status_code == 403
