"""Factories for the account domain: companies, users of each role, consent."""

from __future__ import annotations

import email
import email.policy
import re
import uuid
from pathlib import Path

from workmonitor import keys
from workmonitor.config import settings

PASSWORD = "correct horse battery"


def signup(api, company: str = "Acme", email: str | None = None, name: str = "Ada Admin") -> dict:
    """Sign up a company; return {"token", "refresh", "user", "company"}."""
    email = email or f"admin-{uuid.uuid4().hex[:8]}@example.com"
    r = api.post(
        "/function/auth/signup",
        json={"company_name": company, "name": name, "email": email, "password": PASSWORD, "timezone": "Europe/Berlin"},
    )
    assert r.status_code == 201, r.json
    return {
        "token": r.json["access_token"],
        "refresh": r.json["refresh_token"],
        "user": r.json["user"],
        "company": r.json["company"],
        "email": email,
    }


def last_mail(to: str) -> str:
    """Return the newest outbox mail addressed to `to` (runs the email queue first)."""
    drain(keys.EMAIL_QUEUE)
    mails = sorted(Path(settings().outbox_dir).glob("*.eml"))
    for path in reversed(mails):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if msg["To"] == to:
            return f"Subject: {msg['Subject']}\n\n" + msg.get_content()
    raise AssertionError(f"no mail to {to}")


def drain(*queues: str) -> None:
    """Run RQ workers in burst mode on `queues` in this process."""
    from rq import SimpleWorker

    from workmonitor.queue import queue
    from workmonitor.redis_client import client

    SimpleWorker([queue(q) for q in queues], connection=client()).work(burst=True)


def invite_and_accept(api, admin: dict, role: str = "employee", name: str = "Eve Employee", mail=None) -> dict:
    """Invite a user as `admin`, accept through the emailed link (read by `mail(to)`, default `last_mail`); return
    {"token", "user", "email", ...}."""
    email = f"{role}-{uuid.uuid4().hex[:8]}@example.com"
    r = api.post("/function/team/invitations", json={"email": email, "role": role}, token=admin["token"])
    assert r.status_code == 201, r.json
    token = re.search(r"token=([\w-]+)", (mail or last_mail)(email)).group(1)
    r = api.post("/function/auth/invitations/accept", json={"token": token, "name": name, "password": PASSWORD})
    assert r.status_code == 201, r.json
    return {"token": r.json["access_token"], "refresh": r.json["refresh_token"], "user": r.json["user"], "email": email}


def assign(api, admin: dict, manager: dict, *employees: dict) -> None:
    """Assign `employees` to `manager` as `admin`."""
    for emp in employees:
        r = api.post(
            "/function/team/assignments",
            json={"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]},
            token=admin["token"],
        )
        assert r.status_code == 201, r.json


def consent(api, admin: dict, user: dict, **kinds: bool) -> dict:
    """Propose an agreement for `user` as admin and accept it as the user; return the agreement."""
    r = api.post(f"/function/team/users/{user['user']['id']}/agreements", json=kinds, token=admin["token"])
    assert r.status_code == 201, r.json
    agreement = r.json["agreement"]
    r = api.post(f"/function/team/agreements/{agreement['id']}/accept", token=user["token"])
    assert r.status_code == 200, r.json
    return r.json["agreement"]
