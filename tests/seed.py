"""Seed data for the RLS suite: one populated company, built through the real API.

Every domain adds a module tests/seed_<domain>.py with a function `seed(api, ctx) -> None` that creates at
least one row in each of its tenant tables for the company in `ctx` (ctx has "admin", "manager",
"employee" dicts from factories, and is shared between seeders, so later ones may use earlier ids).
The RLS suite fails when a table with company_id has no seeded row: a new table must be seeded to be tested.
Seeders run in module-name order.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from factories import consent, invite_and_accept, signup


def seed_company(api, name: str) -> dict:
    """Create company `name` with an admin, a manager and an employee, consent, and every domain's rows."""
    admin = signup(api, company=name)
    manager = invite_and_accept(api, admin, role="manager", name=f"{name} Manager")
    employee = invite_and_accept(api, admin, role="employee", name=f"{name} Employee")
    r = api.post(
        "/function/team/assignments",
        json={"manager_id": manager["user"]["id"], "employee_id": employee["user"]["id"]},
        token=admin["token"],
    )
    assert r.status_code == 201, r.json
    consent(api, admin, employee, screenshots=True, activity=True, gps=True)
    # An open invitation and a password-reset token, so those tables hold rows too.
    assert (
        api.post(
            "/function/team/invitations",
            json={"email": f"pending-{admin['user']['id'][:8]}@example.com"},
            token=admin["token"],
        ).status_code
        == 201
    )
    assert api.post("/function/auth/password/forgot", json={"email": employee["email"]}).status_code == 202
    ctx = {"name": name, "admin": admin, "manager": manager, "employee": employee, "company_id": admin["company"]["id"]}
    for module in sorted(p.stem for p in Path(__file__).parent.glob("seed_*.py")):
        importlib.import_module(module).seed(api, ctx)
    return ctx
