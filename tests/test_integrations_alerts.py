"""Security alerts: each wired trigger fires once and reaches the admins of that company only (in-app page and
email); 2FA changes and API tokens go through raise_alert, which other functions call."""

from __future__ import annotations

import email
import email.policy
import time
from pathlib import Path

import pytest
from factories import PASSWORD, consent, drain, invite_and_accept, signup
from seed_media import upload

from workmonitor import keys
from workmonitor.config import settings
from workmonitor.db import Claims, transaction
from workmonitor.integrations import alerts, watchdog
from workmonitor.jobs import outbox
from workmonitor.redis_client import client

TEAM, AUTH, ALERTS = "/function/team", "/function/auth", "/function/integrations/alerts"


@pytest.fixture()
def companies(api):
    a_admin = signup(api, company="Alpha")
    a = {
        "admin": a_admin,
        "admin2": invite_and_accept(api, a_admin, role="admin", name="Second Admin"),
        "manager": invite_and_accept(api, a_admin, role="manager", name="Alpha Manager"),
        "employee": invite_and_accept(api, a_admin, role="employee", name="Alpha Employee"),
        "company_id": a_admin["company"]["id"],
    }
    b_admin = signup(api, company="Beta")
    return a, {"admin": b_admin, "company_id": b_admin["company"]["id"]}


def alert_mails() -> list[tuple[str, str, str]]:
    """Return (to, subject, body) of every alert mail sent so far (pushes the job outbox, runs the email queue)."""
    with transaction(Claims()) as conn:  # alerts raised outside a request reach RQ through the outbox drainer
        outbox.drain(conn)
    drain(keys.EMAIL_QUEUE)
    out = []
    for path in sorted(Path(settings().outbox_dir).glob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if msg["Subject"].startswith("[WorkMonitor]"):
            out.append((msg["To"], msg["Subject"], msg.get_content()))
    return out


def kinds(api, who: dict) -> list[str]:
    r = api.get(ALERTS, token=who["token"])
    assert r.status_code == 200, r.json
    return [a["kind"] for a in r.json["items"]]


def test_raise_alert_reaches_only_that_companys_admins_and_is_acknowledged(api, companies):
    a, b = companies
    with transaction(Claims()) as conn:  # callers without claims (sign-in) raise alerts too
        first = alerts.raise_alert(
            conn, a["company_id"], "two_factor_changed", subject_user_id=a["employee"]["user"]["id"],
            details={"change": "disabled"}, dedup="2fa-1",
        )  # fmt: skip
        assert alerts.raise_alert(conn, a["company_id"], "two_factor_changed", dedup="2fa-1") is None
        alerts.raise_alert(conn, a["company_id"], "api_token_created", actor_id=a["admin"]["user"]["id"])
    mails = alert_mails()
    assert sorted(to for to, *_ in mails) == sorted([a["admin"]["email"], a["admin2"]["email"]] * 2)
    body = next(text for _, subject, text in mails if "Two-factor" in subject)
    assert "Alpha Employee" in body and "Change: disabled" in body
    drain(keys.EMAIL_QUEUE)  # a retried mail job sends nothing twice
    assert len(alert_mails()) == 4

    assert kinds(api, a["admin"]) == ["api_token_created", "two_factor_changed"]
    assert kinds(api, b["admin"]) == []
    assert api.get(ALERTS, token=a["manager"]["token"]).status_code == 403
    assert api.get(ALERTS, token=a["employee"]["token"]).status_code == 403
    r = api.post(f"{ALERTS}/{first}/acknowledge", token=b["admin"]["token"])
    assert r.status_code == 404
    r = api.post(f"{ALERTS}/{first}/acknowledge", token=a["admin2"]["token"])
    assert r.status_code == 200 and r.json["alert"]["state"] == "acknowledged"
    assert r.json["alert"]["acknowledged_by"] == a["admin2"]["user"]["id"]
    assert api.post(f"{ALERTS}/{first}/acknowledge", token=a["admin"]["token"]).status_code == 409
    r = api.get(f"{ALERTS}?state=new", token=a["admin"]["token"])
    assert [x["kind"] for x in r.json["items"]] == ["api_token_created"]
    assert r.json["counts"] == {"new": 1, "acknowledged": 1}


def test_sign_in_triggers(api, companies):
    a, b = companies
    emp = a["employee"]
    for _ in range(settings().login_max_failures):
        r = api.post(f"{AUTH}/login", json={"email": emp["email"], "password": "wrong password!"})
        assert r.status_code == 401
    assert kinds(api, a["admin"]) == ["failed_sign_ins"]
    alert_mails()  # sent before the sign-in lockout is lifted (with the whole Redis database, queues included)
    client().flushdb()
    for ip in ("203.0.113.7", "203.0.113.7", "198.51.100.9"):
        r = api.post(
            f"{AUTH}/login", json={"email": emp["email"], "password": PASSWORD}, headers={"X-Forwarded-For": ip}
        )
        assert r.status_code == 200, r.json
    page = api.get(ALERTS, token=a["admin"]["token"]).json["items"]
    new_device = [x for x in page if x["kind"] == "new_device_sign_in"]
    assert sorted(x["ip"] for x in new_device) == ["198.51.100.9", "203.0.113.7"]
    assert all(x["subject_user_id"] == emp["user"]["id"] for x in new_device)
    assert kinds(api, b["admin"]) == []
    assert sorted(to for to, *_ in alert_mails()) == sorted([a["admin"]["email"], a["admin2"]["email"]] * 3)


def test_role_consent_deletion_and_silent_agent_triggers(api, companies, owner_conn):
    a, b = companies
    emp, admin = a["employee"], a["admin"]
    r = api.patch(f"{TEAM}/users/{a['manager']['user']['id']}", json={"role": "employee"}, token=admin["token"])
    assert r.status_code == 200, r.json
    agreement = consent(api, admin, emp, screenshots=True, activity=True)
    shot = upload(api, emp, device_id="laptop").json["screenshot"]["id"]
    r = api.post(f"{TEAM}/agreements/{agreement['id']}/revoke", token=emp["token"])
    assert r.status_code == 200, r.json
    assert kinds(api, admin) == ["consent_changed", "role_changed"]

    # The 50th captured record one person deletes within an hour raises mass_deletion (49 counted before).
    client().incrby(keys.removed_records("mass_deletion", admin["user"]["id"], int(time.time() // 3600)), 49)
    assert api.delete(f"/function/media/screenshots/{shot}", token=admin["token"]).status_code == 204
    assert kinds(api, admin)[0] == "mass_deletion"

    # A desktop timer running for 20 minutes with no report from its agent: one alert, not one per check.
    r = api.post("/function/time/timer/start", json={"source": "desktop"}, token=emp["token"])
    assert r.status_code == 201, r.json
    owner_conn.execute(
        "UPDATE time_entries SET started_at = now() - interval '20 minutes' WHERE id = %s", (r.json["entry"]["id"],)
    )
    assert watchdog.check_agents() == {"companies": 1, "alerts": 1}
    assert watchdog.check_agents() == {"companies": 1, "alerts": 0}
    assert kinds(api, admin)[0] == "agent_silent"
    assert kinds(api, b["admin"]) == []
    assert {to for to, *_ in alert_mails()} == {admin["email"], a["admin2"]["email"]}


def test_two_factor_changes_and_api_tokens_alert_the_admins(api, companies):
    """The routes of other functions call raise_alert: turning email codes on (auth) and creating an API token
    (reports) each raise one alert for the admins of that company only."""
    a, b = companies
    emp = a["employee"]
    r = api.post(f"{AUTH}/me/otp", json={"enabled": True, "password": PASSWORD}, token=emp["token"])
    assert r.status_code == 200, r.json
    r = api.post("/function/reports/api-tokens", json={"name": "ci", "scopes": ["read"]}, token=emp["token"])
    assert r.status_code == 201, r.json
    page = api.get(ALERTS, token=a["admin"]["token"]).json["items"]
    got = {x["kind"]: x for x in page}
    assert set(got) == {"two_factor_changed", "api_token_created"}, page
    assert all(x["subject_user_id"] == emp["user"]["id"] for x in page)
    assert got["two_factor_changed"]["details"] == {"change": "email_codes_on"}
    assert kinds(api, b["admin"]) == []
