"""Expenses: receipts are decoded (image or PDF) and stored under the company, presigned only to those who may see
the expense; the employee's manager (or an admin) decides with a reason; notifications; employees see their own."""

from __future__ import annotations

import io

import pytest
import requests
from factories import invite_and_accept, signup
from reportlab.pdfgen import canvas
from seed_finance import F, ok, png

from workmonitor import storage


@pytest.fixture()
def team(api):
    admin = signup(api, company="Expco")
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    other_mgr = invite_and_accept(api, admin, role="manager", name="Olga Other")
    emp = invite_and_accept(api, admin, name="Eve Employee")
    emp2 = invite_and_accept(api, admin, name="Otto Other")
    ok(
        api.post(
            "/function/team/assignments",
            json={"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]},
            token=admin["token"],
        ),
        201,
    )
    cat = ok(api.post(f"{F}/expense-categories", json={"name": "Meals"}, token=admin["token"]), 201)["category"]
    return {"admin": admin, "manager": manager, "other_mgr": other_mgr, "emp": emp, "emp2": emp2, "cat": cat}


def pdf_bytes() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, "Receipt 12.34 EUR")
    c.save()
    return buf.getvalue()


def submit(api, t, token, receipt: tuple[bytes, str] | None, **fields):
    data = {
        "spent_on": "2026-11-02",
        "amount_minor": "1234",
        "currency": "EUR",
        "category_id": t["cat"]["id"],
        **fields,
    }
    if receipt is not None:
        data["receipt"] = (io.BytesIO(receipt[0]), receipt[1])
    return api.post(f"{F}/expenses", data=data, token=token)


def test_receipts_are_decoded_stored_under_the_company_and_presigned(api, team):
    t = team
    bad = submit(api, t, t["emp"]["token"], (b"GIF89a not really an image", "x.png"))
    assert bad.status_code == 415 and bad.json["error"]["fields"] == {"receipt": "not a decodable image or PDF"}
    fake_pdf = submit(api, t, t["emp"]["token"], (b"%PDF-1.4 garbage", "x.pdf"))
    assert fake_pdf.status_code == 415
    photo = ok(submit(api, t, t["emp"]["token"], (png(), "photo.png"), note="Lunch with client"), 201)["expense"]
    scan = ok(submit(api, t, t["emp"]["token"], (pdf_bytes(), "scan.pdf")), 201)["expense"]
    assert photo["has_receipt"] and scan["has_receipt"] and photo["status"] == "submitted"
    company = t["admin"]["company"]["id"]
    keys = storage.list_keys(f"{company}/receipts/")
    assert sorted(k.rsplit(".", 1)[1] for k in keys) == ["pdf", "png"]
    url = ok(api.get(f"{F}/expenses/{photo['id']}/receipt", token=t["manager"]["token"]))["url"]
    got = requests.get(url, timeout=10)
    assert got.status_code == 200 and got.content == png()
    # Who may not see the expense gets no URL.
    for who in ("emp2", "other_mgr"):
        assert api.get(f"{F}/expenses/{photo['id']}/receipt", token=t[who]["token"]).status_code == 404


def test_decisions_notifications_and_visibility(api, team):
    t = team
    x = ok(submit(api, t, t["emp"]["token"], None), 201)["expense"]
    inbox = ok(api.get("/function/messaging/notifications", token=t["manager"]["token"]))["items"]
    assert [n["kind"] for n in inbox] == ["expense_submitted"]
    # Not the employee, not another team's manager; a rejection needs no approval rights it lacks.
    assert (
        api.post(f"{F}/expenses/{x['id']}/decision", json={"action": "approved"}, token=t["emp"]["token"]).status_code
        == 403
    )
    r = api.post(f"{F}/expenses/{x['id']}/decision", json={"action": "approved"}, token=t["other_mgr"]["token"])
    assert r.status_code == 404
    done = ok(
        api.post(
            f"{F}/expenses/{x['id']}/decision",
            json={"action": "rejected", "reason": "No receipt"},
            token=t["manager"]["token"],
        )
    )["expense"]
    assert (done["status"], done["reason"]) == ("rejected", "No receipt")
    note = ok(api.get("/function/messaging/notifications", token=t["emp"]["token"]))["items"][0]
    assert note["kind"] == "expense_decided" and "No receipt" in note["body"]
    again = api.post(f"{F}/expenses/{x['id']}/decision", json={"action": "approved"}, token=t["manager"]["token"])
    assert again.status_code == 409
    ok(submit(api, t, t["emp2"]["token"], None), 201)
    assert {e["user_id"] for e in ok(api.get(f"{F}/expenses", token=t["emp"]["token"]))["items"]} == {
        t["emp"]["user"]["id"]
    }
    assert {e["user_id"] for e in ok(api.get(f"{F}/expenses", token=t["manager"]["token"]))["items"]} == {
        t["emp"]["user"]["id"]
    }
    assert len(ok(api.get(f"{F}/expenses", token=t["admin"]["token"]))["items"]) == 2
    # A billable expense needs a project.
    r = api.post(
        f"{F}/expenses",
        json={
            "spent_on": "2026-11-02",
            "amount_minor": 5,
            "currency": "EUR",
            "category_id": t["cat"]["id"],
            "billable": True,
        },
        token=t["emp"]["token"],
    )
    assert r.status_code == 400
