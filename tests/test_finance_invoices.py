"""Client invoices through the API: rate precedence with exact amounts, tax and discount, no double billing,
immutability, gapless numbers under 20 concurrent issues, payments (idempotent), void and credit notes, the PDF
emailed to the outbox, and contractor escrow rules."""

from __future__ import annotations

import email
import email.policy
import subprocess
import tempfile
import threading
from pathlib import Path

import psycopg
import pytest
from apiclient import Api
from factories import drain, invite_and_accept, signup
from seed_finance import F, approved_week, ok

from workmonitor import keys
from workmonitor.config import settings
from workmonitor.db import Claims, transaction
from workmonitor.finance import invoices

# Rendered pages land here for a person to look at (the outbox is emptied before each test).
DOCS = Path(tempfile.gettempdir()) / "wm-finance-docs"


@pytest.fixture()
def billing(api):
    """A company with two employees on two projects of one client; rates at every level of the precedence."""
    admin = signup(api, company="Billco")
    a = admin["token"]
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    emp = invite_and_accept(api, admin, name="Eve Employee")
    emp2 = invite_and_accept(api, admin, name="Otto Other")
    for e in (emp, emp2):
        ok(
            api.post(
                "/function/team/assignments",
                json={"manager_id": manager["user"]["id"], "employee_id": e["user"]["id"]},
                token=a,
            ),
            201,
        )
    client = ok(api.post("/function/projects/clients", json={"name": "Globex"}, token=a), 201)["client"]
    ok(
        api.put(
            f"{F}/clients/{client['id']}/billing",
            json={
                "billing_email": "ap@globex.example",
                "address": "1 Main St\nSpringfield",
                "tax_id": "DE999",
                "hourly_rate": "80",
            },
            token=a,
        )
    )
    ids = [emp["user"]["id"], emp2["user"]["id"]]
    web = ok(
        api.post(
            "/function/projects/projects",
            json={"name": "Web", "client_id": client["id"], "hourly_rate": 9000, "member_ids": ids},
            token=a,
        ),
        201,
    )["project"]
    ops = ok(
        api.post(
            "/function/projects/projects", json={"name": "Ops", "client_id": client["id"], "member_ids": ids}, token=a
        ),
        201,
    )["project"]
    ok(
        api.post(
            f"/function/projects/projects/{web['id']}/members",
            json={"user_id": emp["user"]["id"], "hourly_rate": 12000},
            token=a,
        ),
        201,
    )
    task = ok(api.post(f"/function/projects/projects/{web['id']}/tasks", json={"name": "Design"}, token=a), 201)["task"]
    ok(api.put(f"{F}/tasks/{task['id']}/rate", json={"hourly_rate": "100"}, token=a))
    # task 1 h (100) + member 1 h (120) + project 2 h (90) + client 1 h (80)
    approved_week(
        api, emp, manager, [("2026-10-05T08:00:00Z", "2026-10-05T09:00:00Z")], task_id=task["id"], billable=True
    )
    approved_week(
        api, emp, manager, [("2026-10-13T08:00:00Z", "2026-10-13T09:00:00Z")], project_id=web["id"], billable=True
    )
    approved_week(
        api, emp2, manager, [("2026-10-06T08:00:00Z", "2026-10-06T10:00:00Z")], project_id=web["id"], billable=True
    )
    approved_week(
        api, emp2, manager, [("2026-10-14T08:00:00Z", "2026-10-14T09:00:00Z")], project_id=ops["id"], billable=True
    )
    approved_week(
        api, emp2, manager, [("2026-10-20T08:00:00Z", "2026-10-20T09:00:00Z")], project_id=ops["id"], billable=False
    )
    return {"admin": admin, "a": a, "client": client, "web": web, "ops": ops, "emp": emp, "manager": manager}


def draft(api, b, **fields) -> dict:
    body = {"client_id": b["client"]["id"], "period_start": "2026-10-01", "period_end": "2026-10-31", **fields}
    return ok(api.post(f"{F}/invoices", json=body, token=b["a"]), 201)


def test_rates_tax_discount_and_no_double_billing(api, billing, owner_conn):
    b = billing
    inv = draft(
        api,
        b,
        grouping="entry",
        tax_rate="19",
        discount_percent="10",
        lines=[{"description": "Setup fee", "quantity": "1", "unit_price": "50"}],
    )
    amounts = sorted(ln["amount_minor"] for ln in inv["lines"] if ln["kind"] == "time")
    assert amounts == [8000, 10000, 12000, 18000]
    # subtotal 48,000 + 5,000 fee - 10 % = 47,700; tax 19 % = 9,063; total 56,763.
    assert [ln["amount_minor"] for ln in inv["lines"] if ln["kind"] == "discount"] == [-5300]
    i = inv["invoice"]
    assert (i["subtotal_minor"], i["tax_minor"], i["total_minor"]) == (47700, 9063, 56763)
    assert i["total_minor"] == sum(ln["amount_minor"] for ln in inv["lines"])
    # The same time cannot be billed again: a second draft finds nothing; the database refuses a second claim.
    again = draft(api, b)
    assert [ln for ln in again["lines"] if ln["kind"] == "time"] == []
    entry = owner_conn.execute("SELECT ref_id, company_id FROM invoice_items WHERE kind = 'entry' LIMIT 1").fetchone()
    with pytest.raises(psycopg.errors.UniqueViolation):
        owner_conn.execute(
            "INSERT INTO invoice_items (company_id, invoice_id, kind, ref_id) VALUES (%s, %s, 'entry', %s)",
            (entry[1], again["invoice"]["id"], entry[0]),
        )
    # Grouping by project: one line per project and rate.
    ok(api.delete(f"{F}/invoices/{inv['invoice']['id']}", token=b["a"]), 204)
    by_project = draft(api, b)
    assert sorted((ln["description"], ln["amount_minor"]) for ln in by_project["lines"] if ln["kind"] == "time") == [
        ("Ops", 8000),
        ("Web", 10000),
        ("Web", 12000),
        ("Web", 18000),
    ]


def test_issue_send_pay_void_and_credit_note(api, billing, stack, monkeypatch, owner_conn):
    b = billing
    # An admin's webhook endpoint for invoice events (on loopback: the operator's switch allows it here).
    monkeypatch.setenv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "1")
    hook = api.post(
        "/function/reports/webhooks",
        json={"url": "http://127.0.0.1:9/hook", "events": ["invoice.issued", "invoice.paid"]},
        token=b["a"],
    )
    assert hook.status_code == 201, hook.json
    inv = draft(api, b, tax_rate="19")
    inv_id = inv["invoice"]["id"]
    issued = ok(api.post(f"{F}/invoices/{inv_id}/issue", token=b["a"]))["invoice"]
    assert issued["number"] == "INV-2026-0001" and issued["status"] == "issued"
    assert issued["bill_to"]["tax_id"] == "DE999" and issued["total_minor"] == 57120
    # Issued means frozen: no new lines, no delete, no change in the database either.
    r = api.post(
        f"{F}/invoices/{inv_id}/lines", json={"description": "x", "quantity": "1", "unit_price": "1"}, token=b["a"]
    )
    assert r.status_code == 409 and r.json["error"]["code"] == "invoice_immutable"
    assert api.delete(f"{F}/invoices/{inv_id}", token=b["a"]).status_code == 409
    admin = b["admin"]["user"]
    claims = Claims(company_id=admin["company_id"], user_id=admin["id"], role="admin")
    with pytest.raises(psycopg.errors.RaiseException), transaction(claims) as conn:
        conn.execute("UPDATE invoices SET total_minor = 1, subtotal_minor = 1 WHERE id = %s", (inv_id,))
    # The PDF renders in a job, is emailed (attached) through the email worker, to the outbox.
    drain(keys.REPORTS_QUEUE)
    sent = ok(api.post(f"{F}/invoices/{inv_id}/send", json={}, token=b["a"]))["invoice"]
    assert sent["status"] == "sent"
    drain(keys.EMAIL_QUEUE)
    mails = [
        email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
        for p in sorted(Path(settings().outbox_dir).glob("*.eml"))
    ]
    (mail,) = [m for m in mails if m["To"] == "ap@globex.example"]
    assert mail["Subject"] == "Invoice INV-2026-0001"
    (att,) = list(mail.iter_attachments())
    pdf = att.get_content()
    assert att.get_filename() == "INV-2026-0001.pdf" and pdf[:5] == b"%PDF-"
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    for expected in ("Invoice INV-2026-0001", "Globex", "DE999", "480.00 USD", "Tax 19 %", "91.20 USD", "571.20 USD"):
        assert expected in text, text
    DOCS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-", str(DOCS / "invoice")], input=pdf, check=True)
    # Payments: partial, idempotent by reference, then paid; no overpayment.
    pay = {"amount_minor": 20000, "currency": "USD", "method": "bank", "reference": "WIRE-1"}
    assert (
        ok(api.post(f"{F}/invoices/{inv_id}/payments", json=pay, token=b["a"]), 201)["invoice"]["status"]
        == "partially_paid"
    )
    again = api.post(f"{F}/invoices/{inv_id}/payments", json=pay, token=b["a"])
    assert again.status_code == 200 and again.json["created"] is False and again.json["invoice"]["paid_minor"] == 20000
    too_much = dict(pay, reference="WIRE-2", amount_minor=40000)
    assert api.post(f"{F}/invoices/{inv_id}/payments", json=too_much, token=b["a"]).status_code == 422
    assert api.post(f"{F}/invoices/{inv_id}/void", token=b["a"]).status_code == 409  # it has a payment
    rest = ok(api.post(f"{F}/invoices/{inv_id}/payments", json=dict(too_much, amount_minor=37120), token=b["a"]), 201)
    assert rest["invoice"]["status"] == "paid" and rest["invoice"]["paid_minor"] == 57120
    events = owner_conn.execute(
        "SELECT event, payload->'data'->'invoice'->>'number' FROM webhook_deliveries ORDER BY created_at"
    ).fetchall()
    assert [tuple(e) for e in events] == [("invoice.issued", "INV-2026-0001"), ("invoice.paid", "INV-2026-0001")]
    # The domain function the billing helper calls is idempotent too (a provider's retry).
    with transaction(Claims.job(admin["company_id"])) as conn:
        out = invoices.record_payment(conn, inv_id, 37120, "USD", "bank", "WIRE-2")
    assert out["created"] is False
    # A credit note corrects it: negative lines, its own gapless series.
    cn = ok(api.post(f"{F}/invoices/{inv_id}/credit-note", json={}, token=b["a"]), 201)
    assert cn["invoice"]["total_minor"] == -57120 and cn["invoice"]["kind"] == "credit_note"
    cn_issued = ok(api.post(f"{F}/invoices/{cn['invoice']['id']}/issue", token=b["a"]))["invoice"]
    assert cn_issued["number"] == "CN-2026-0001"
    # Voiding an unpaid invoice frees its time for a new invoice.
    second = draft(api, b, lines=[{"description": "Retainer", "quantity": "2", "unit_price": "150.005"}])
    assert second["invoice"]["total_minor"] == 30001
    ok(api.post(f"{F}/invoices/{second['invoice']['id']}/issue", token=b["a"]))
    voided = ok(api.post(f"{F}/invoices/{second['invoice']['id']}/void", token=b["a"]))["invoice"]
    assert voided["status"] == "void" and voided["number"] == "INV-2026-0002"


def test_twenty_concurrent_issues_get_gapless_unique_numbers(api, billing):
    b = billing
    drafts = [
        draft(
            api,
            b,
            period_start=None,
            period_end=None,
            lines=[{"description": f"Item {n}", "quantity": "1", "unit_price": "10"}],
        )["invoice"]["id"]
        for n in range(20)
    ]
    numbers: list[str] = []
    errors: list = []
    barrier = threading.Barrier(20)

    def issue(inv_id: str) -> None:
        client = Api()
        barrier.wait()
        r = client.post(f"{F}/invoices/{inv_id}/issue", token=b["a"])
        (numbers if r.status_code == 200 else errors).append(
            r.json["invoice"]["number"] if r.status_code == 200 else r.json
        )

    threads = [threading.Thread(target=issue, args=(d,)) for d in drafts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == [f"INV-2026-{n:04d}" for n in range(1, 21)]


def test_escrow_never_releases_beyond_funded_nor_twice(api, billing, owner_conn):
    b = billing
    emp_id = b["emp"]["user"]["id"]
    c = ok(
        api.post(
            f"{F}/contracts",
            json={"user_id": emp_id, "title": "Redesign", "kind": "milestone", "currency": "EUR"},
            token=b["a"],
        ),
        201,
    )["contract"]
    m = ok(
        api.post(f"{F}/contracts/{c['id']}/milestones", json={"title": "Phase 1", "amount_minor": 50000}, token=b["a"]),
        201,
    )["milestone"]
    assert api.post(f"{F}/milestones/{m['id']}/release", json={}, token=b["a"]).status_code == 409  # not funded
    assert api.post(f"{F}/milestones/{m['id']}/fund", json={"amount_minor": 60000}, token=b["a"]).status_code == 409
    ok(api.post(f"{F}/milestones/{m['id']}/fund", json={"amount_minor": 30000}, token=b["a"]))
    rel = ok(
        api.post(f"{F}/milestones/{m['id']}/release", json={"amount_minor": 20000, "reference": "PO-1"}, token=b["a"])
    )
    assert rel["milestone"]["status"] == "partially_released" and rel["payout"]["amount_minor"] == 20000
    assert api.post(f"{F}/milestones/{m['id']}/release", json={"amount_minor": 20000}, token=b["a"]).status_code == 409
    ok(api.post(f"{F}/milestones/{m['id']}/refund", json={}, token=b["a"]))  # the 10,000 still held
    assert api.post(f"{F}/milestones/{m['id']}/release", json={}, token=b["a"]).status_code == 409
    with pytest.raises(psycopg.errors.CheckViolation):
        owner_conn.execute("UPDATE milestones SET released_minor = 40000 WHERE id = %s", (m["id"],))
    ok(api.post(f"{F}/payouts/{rel['payout']['id']}/state", json={"state": "paid"}, token=b["a"]))
    assert api.post(f"{F}/payouts/{rel['payout']['id']}/state", json={"state": "paid"}, token=b["a"]).status_code == 409
    full = ok(api.get(f"{F}/contracts/{c['id']}", token=b["emp"]["token"]))
    assert [e["action"] for e in full["trail"]] == [
        "contract_created",
        "milestone_created",
        "funded",
        "released",
        "refunded",
        "payout_paid",
    ]
    assert ok(api.get(f"{F}/payouts", token=b["emp"]["token"]))["items"][0]["state"] == "paid"
    assert ok(api.get(f"{F}/payouts", token=b["manager"]["token"]))["items"] == []
