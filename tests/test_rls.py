"""Row Level Security: every tenant table found in the catalog is isolated between companies and within one.

Tables are discovered from pg_catalog (every table of schema public with a company_id column, plus
`companies`), so a table added by a later migration is covered without editing this file: it must have RLS
enabled and forced, at least one policy, and a seeded row (tests/seed_<domain>.py) to be proven isolated.
"""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
from factories import PASSWORD, consent, invite_and_accept
from psycopg import sql
from psycopg.rows import dict_row
from seed import seed_company

from workmonitor import consent as consentmod
from workmonitor.db import Claims, set_claims

APP_ROLE = "workmonitor_app"

TENANT_TABLES_SQL = """
SELECT c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) AS owner,
       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  AND (c.relname = 'companies' OR EXISTS (
        SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'company_id' AND NOT a.attisdropped))
ORDER BY c.relname
"""


def tenant_tables(owner_conn) -> list[dict]:
    """Return the catalog rows of every tenant table."""
    with owner_conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(TENANT_TABLES_SQL).fetchall()


def company_col(table: str) -> str:
    return "id" if table == "companies" else "company_id"


def insertable_columns(owner_conn, table: str) -> list[str]:
    """Return the columns an INSERT may name (not generated, not GENERATED ALWAYS identity)."""
    return [
        r[0]
        for r in owner_conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped"
            " AND attgenerated = '' AND attidentity <> 'a' ORDER BY attnum",
            (f"public.{table}",),
        ).fetchall()
    ]


# --- catalog ------------------------------------------------------------------------------------------------


def test_tenant_tables_are_discovered(owner_conn):
    names = {t["relname"] for t in tenant_tables(owner_conn)}
    assert {
        "companies",
        "users",
        "invitations",
        "manager_assignments",
        "refresh_tokens",
        "auth_tokens",
        "work_agreements",
        "audit_logs",
    } <= names


def test_every_tenant_table_has_rls_enabled_forced_and_policies(owner_conn):
    problems = []
    for t in tenant_tables(owner_conn):
        if not t["relrowsecurity"]:
            problems.append(f"{t['relname']}: ROW LEVEL SECURITY is not ENABLED")
        if not t["relforcerowsecurity"]:
            problems.append(f"{t['relname']}: ROW LEVEL SECURITY is not FORCED")
        if not t["policies"]:
            problems.append(f"{t['relname']}: has no policy")
        if t["owner"] == APP_ROLE:
            problems.append(f"{t['relname']}: is owned by {APP_ROLE}")
    assert not problems, "\n".join(problems)


def test_app_role_owns_nothing_and_cannot_bypass_rls(owner_conn):
    role = owner_conn.execute(
        "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = %s", (APP_ROLE,)
    ).fetchone()
    assert role is not None, f"role {APP_ROLE} does not exist"
    assert role == (False, False, False, False), f"{APP_ROLE} has (super, bypassrls, createrole, createdb) = {role}"
    owned = owner_conn.execute(
        "SELECT n.nspname || '.' || c.relname FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = %s)",
        (APP_ROLE,),
    ).fetchall()
    assert owned == [], f"{APP_ROLE} owns {owned}"
    member_of = owner_conn.execute(
        "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
        " WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = %s)",
        (APP_ROLE,),
    ).fetchall()
    assert member_of == [], f"{APP_ROLE} is a member of {member_of}: it could act as an owner"
    can_create = owner_conn.execute(
        "SELECT has_schema_privilege(%(r)s, 'public', 'CREATE'), has_schema_privilege(%(r)s, 'app', 'CREATE'),"
        " has_database_privilege(%(r)s, current_database(), 'CREATE')",
        {"r": APP_ROLE},
    ).fetchone()
    assert can_create == (False, False, False), f"{APP_ROLE} may create objects (public, app, database): {can_create}"


def test_app_connection_is_the_app_role(stack):
    with psycopg.connect(stack["app_url"]) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == APP_ROLE


# --- cross-tenant isolation ---------------------------------------------------------------------------------


@pytest.fixture()
def two_companies(api, owner_conn):
    """Seed companies A and B through the API; every tenant table must then hold a row of A."""
    a = seed_company(api, "A")
    b = seed_company(api, "B")
    return a, b


def test_every_tenant_table_has_seeded_rows(two_companies, owner_conn):
    a, _ = two_companies
    missing = []
    for t in tenant_tables(owner_conn):
        table = t["relname"]
        count = owner_conn.execute(
            sql.SQL("SELECT count(*) FROM {} WHERE {} = %s").format(
                sql.Identifier(table), sql.Identifier(company_col(table))
            ),
            (a["company_id"],),
        ).fetchone()[0]
        if not count:
            missing.append(table)
    assert not missing, (
        f"tenant tables without a seeded row of company A: {missing}. Seed them in a "
        "tests/seed_<domain>.py module (see tests/seed.py) so the RLS suite can prove isolation."
    )


def _b_claims(b: dict, who: str) -> Claims:
    if who == "job":
        return Claims.job(b["company_id"])
    user = b[who]["user"]
    return Claims(company_id=b["company_id"], user_id=user["id"], role=user["role"])


def _attempt(conn: psycopg.Connection, query, params) -> tuple[str, int]:
    """Run `query` in a savepoint; return ("ok", rowcount) or ("denied", 0) when the database refuses it."""
    try:
        with conn.transaction():
            cur = conn.execute(query, params)
            return "ok", cur.rowcount
    except psycopg.errors.InsufficientPrivilege:
        return "denied", 0


@pytest.mark.parametrize("who", ["admin", "job", "manager", "employee"])
def test_other_company_can_neither_read_nor_write(two_companies, owner_conn, stack, who):
    a, b = two_companies
    tables = [t["relname"] for t in tenant_tables(owner_conn)]
    samples = {}
    for table in tables:
        row = owner_conn.execute(
            sql.SQL("SELECT row_to_json(t) FROM {} t WHERE {} = %s LIMIT 1").format(
                sql.Identifier(table), sql.Identifier(company_col(table))
            ),
            (a["company_id"],),
        ).fetchone()
        samples[table] = row[0] if row else None
    columns = {table: insertable_columns(owner_conn, table) for table in tables}
    failures = []
    with psycopg.connect(stack["app_url"]) as conn:
        set_claims(conn, _b_claims(b, who))
        for table in tables:
            failures += _check_table(conn, table, a["company_id"], b["company_id"], samples[table], columns[table])
        conn.rollback()
    assert not failures, f"as {who} of company B:\n" + "\n".join(failures)


def _check_table(conn, table: str, a_id: str, b_id: str, sample: dict | None, cols: list[str]) -> list[str]:
    t, col = sql.Identifier(table), sql.Identifier(company_col(table))
    out = []
    _, n = _attempt(conn, sql.SQL("SELECT 1 FROM {} WHERE {} = %s").format(t, col), (a_id,))
    if n:
        out.append(f"{table}: SELECT returned {n} rows of company A")
    _, n = _attempt(conn, sql.SQL("UPDATE {} SET {} = {} WHERE {} = %s").format(t, col, col, col), (a_id,))
    if n:
        out.append(f"{table}: UPDATE changed {n} rows of company A")
    _, n = _attempt(conn, sql.SQL("DELETE FROM {} WHERE {} = %s").format(t, col), (a_id,))
    if n:
        out.append(f"{table}: DELETE removed {n} rows of company A")
    if table != "companies":
        _, n = _attempt(conn, sql.SQL("UPDATE {} SET company_id = %s WHERE company_id = %s").format(t), (a_id, b_id))
        if n:
            out.append(f"{table}: UPDATE moved {n} rows of company B into company A")
    if sample is None:
        out.append(f"{table}: no row of company A to copy (seed it)")
        return out
    ins = sql.SQL("INSERT INTO {t} ({cols}) SELECT {cols} FROM json_populate_record(NULL::{t}, %s)").format(
        t=t, cols=sql.SQL(", ").join(map(sql.Identifier, cols))
    )
    try:
        with conn.transaction():
            conn.execute(ins, (json.dumps(sample),))
        out.append(f"{table}: INSERT of a company A row succeeded")
    except psycopg.errors.InsufficientPrivilege:
        pass
    except psycopg.Error as exc:
        out.append(f"{table}: INSERT of a company A row failed with {type(exc).__name__} ({exc}), not an RLS violation")
    return out


def test_no_claims_sees_nothing(two_companies, owner_conn, stack):
    tables = [t["relname"] for t in tenant_tables(owner_conn)]
    seen = []
    with psycopg.connect(stack["app_url"]) as conn:
        set_claims(conn, Claims())
        for table in tables:
            n = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))).fetchone()[0]
            if n:
                seen.append(f"{table}: {n} rows")
    assert not seen, "without claims the app role still sees: " + ", ".join(seen)


def test_forged_company_claim_with_unknown_user_sees_no_other_company(two_companies, stack):
    a, b = two_companies
    with psycopg.connect(stack["app_url"]) as conn:
        set_claims(conn, Claims(company_id=b["company_id"], user_id=str(uuid.uuid4()), role="employee"))
        assert conn.execute("SELECT count(*) FROM users WHERE company_id = %s", (a["company_id"],)).fetchone()[0] == 0


# --- within one company -------------------------------------------------------------------------------------

USER_SCOPED = ("work_agreements", "refresh_tokens", "auth_tokens")


@pytest.fixture()
def one_company(api):
    """Company A with a second employee who has an agreement, a session and a reset token."""
    a = seed_company(api, "A")
    other = invite_and_accept(api, a["admin"], role="employee", name="Otto Other")
    consent(api, a["admin"], other, screenshots=True)
    assert api.post("/function/auth/login", json={"email": other["email"], "password": PASSWORD}).status_code == 200
    assert api.post("/function/auth/password/forgot", json={"email": other["email"]}).status_code == 202
    a["other"] = other
    return a


def _as(conn, ctx: dict, who: str) -> None:
    user = ctx[who]["user"]
    set_claims(conn, Claims(company_id=ctx["company_id"], user_id=user["id"], role=user["role"]))


def test_employee_cannot_see_or_change_another_employees_rows(one_company, owner_conn, stack):
    a = one_company
    other_id = a["other"]["user"]["id"]
    for table in USER_SCOPED:
        n = owner_conn.execute(
            sql.SQL("SELECT count(*) FROM {} WHERE user_id = %s").format(sql.Identifier(table)), (other_id,)
        ).fetchone()[0]
        assert n, f"fixture has no {table} row for the other employee"
    problems = []
    with psycopg.connect(stack["app_url"]) as conn:
        _as(conn, a, "employee")
        for table in USER_SCOPED:
            t = sql.Identifier(table)
            _, n = _attempt(conn, sql.SQL("SELECT 1 FROM {} WHERE user_id = %s").format(t), (other_id,))
            if n:
                problems.append(f"{table}: employee sees {n} rows of another employee")
            _, n = _attempt(conn, sql.SQL("UPDATE {} SET user_id = user_id WHERE user_id = %s").format(t), (other_id,))
            if n:
                problems.append(f"{table}: employee updated {n} rows of another employee")
            _, n = _attempt(conn, sql.SQL("DELETE FROM {} WHERE user_id = %s").format(t), (other_id,))
            if n:
                problems.append(f"{table}: employee deleted {n} rows of another employee")
        _, n = _attempt(
            conn,
            "SELECT 1 FROM manager_assignments WHERE employee_id <> %s AND manager_id <> %s",
            (a["employee"]["user"]["id"], a["employee"]["user"]["id"]),
        )
        if n:
            problems.append(f"manager_assignments: employee sees {n} assignments of others")
        _, n = _attempt(conn, "SELECT 1 FROM audit_logs", None)
        if n:
            problems.append(f"audit_logs: employee sees {n} rows")
        _, n = _attempt(conn, "UPDATE users SET role = 'admin' WHERE id = %s", (a["employee"]["user"]["id"],))
        if n:
            problems.append("users: employee promoted themselves")
        # The employee still sees their own rows.
        own = conn.execute(
            "SELECT count(*) FROM work_agreements WHERE user_id = %s", (a["employee"]["user"]["id"],)
        ).fetchone()[0]
        if not own:
            problems.append("work_agreements: employee cannot see their own agreement")
    assert not problems, "\n".join(problems)


def test_manager_sees_only_assigned_employees_agreements(one_company, stack, api):
    a = one_company
    assigned, other = a["employee"]["user"]["id"], a["other"]["user"]["id"]
    with psycopg.connect(stack["app_url"], row_factory=dict_row) as conn:
        _as(conn, a, "manager")
        seen = {str(r["user_id"]) for r in conn.execute("SELECT user_id FROM work_agreements").fetchall()}
        assert assigned in seen
        assert other not in seen
        assert consentmod.has(conn, assigned, "screenshots")
        assert not consentmod.has(conn, other, "screenshots")
        # A manager may not write agreements, not even of an assigned employee.
        _, n = _attempt(conn, "UPDATE work_agreements SET status = 'revoked' WHERE user_id = %s", (other,))
        assert n == 0
    r = api.get(f"/function/team/users/{other}/agreements", token=a["manager"]["token"])
    assert r.status_code in (200, 404) and not (r.json.get("items") or []), r.json
    r = api.get(f"/function/team/users/{assigned}/agreements", token=a["manager"]["token"])
    assert r.status_code == 200 and len(r.json["items"]) == 1, r.json


# --- background jobs: role 'job', nothing like admin --------------------------------------------------------

# What each job needs (migrations/0009_roles.sql): the only policies that name the job role.
JOB_POLICIES = {
    ("screenshots", "SELECT"),
    ("screenshots", "UPDATE"),
    ("screenshots", "DELETE"),
    ("screen_recordings", "SELECT"),
    ("screen_recordings", "UPDATE"),  # row locks only: WITH CHECK (false)
    ("screen_recordings", "DELETE"),
    ("recording_chunks", "SELECT"),
    ("device_tokens", "SELECT"),
    ("device_tokens", "DELETE"),
    ("idempotency_keys", "SELECT"),
    ("idempotency_keys", "DELETE"),
    ("activity_samples", "SELECT"),
    ("activity_events", "SELECT"),
    ("manager_assignments", "SELECT"),
    ("activity_daily", "ALL"),
    ("productivity_daily", "ALL"),
}
# Tables no job touches: the job role must neither read nor change a row of its own company there.
NO_JOB_BUSINESS = (
    "time_entries",
    "timesheets",
    "timesheet_events",
    "refresh_tokens",
    "auth_tokens",
    "invitations",
    "audit_logs",
    "work_agreements",
    "chat_messages",
)


def test_no_policy_or_helper_treats_system_as_a_role(owner_conn, stack):
    rows = owner_conn.execute(
        "SELECT tablename, policyname FROM pg_policies"
        " WHERE coalesce(qual, '') || coalesce(with_check, '') ~ '''system'''"
    ).fetchall()
    assert rows == [], f"policies still naming 'system': {rows}"
    with psycopg.connect(stack["app_url"]) as conn:
        for role in ("system", "job", "manager"):
            set_claims(conn, Claims(company_id=str(uuid.uuid4()), role=role))
            assert conn.execute("SELECT app.is_admin()").fetchone()[0] is False, role
        conn.rollback()


def test_job_policies_are_exactly_what_the_jobs_need(owner_conn):
    """Policies that let the job role in (not those that keep it out with NOT app.is_job())."""
    rows = owner_conn.execute(
        "SELECT tablename, cmd, coalesce(qual, '') || ' ' || coalesce(with_check, '') FROM pg_policies"
    ).fetchall()
    granting = [(t, cmd) for t, cmd, expr in rows if expr.replace("NOT app.is_job()", "").count("app.is_job()")]
    assert set(granting) == JOB_POLICIES and len(granting) == len(JOB_POLICIES)


def test_job_role_cannot_touch_what_no_job_needs(api, owner_conn, stack):
    a = seed_company(api, "J")
    cid = a["company_id"]
    samples = {
        t: owner_conn.execute(
            sql.SQL("SELECT row_to_json(t) FROM {} t WHERE company_id = %s LIMIT 1").format(sql.Identifier(t)), (cid,)
        ).fetchone()[0]
        for t in NO_JOB_BUSINESS
    }
    problems = []
    with psycopg.connect(stack["app_url"]) as conn:
        set_claims(conn, Claims.job(cid))
        for table in NO_JOB_BUSINESS:
            assert samples[table], f"seed a {table} row"
            t = sql.Identifier(table)
            for verb, query in (
                ("read", sql.SQL("SELECT 1 FROM {} WHERE company_id = %s").format(t)),
                ("updated", sql.SQL("UPDATE {} SET company_id = company_id WHERE company_id = %s").format(t)),
                ("deleted", sql.SQL("DELETE FROM {} WHERE company_id = %s").format(t)),
            ):
                _, n = _attempt(conn, query, (cid,))
                if n:
                    problems.append(f"{table}: job {verb} {n} rows")
            cols = insertable_columns(owner_conn, table)
            ins = sql.SQL("INSERT INTO {t} ({c}) SELECT {c} FROM json_populate_record(NULL::{t}, %s)").format(
                t=t, c=sql.SQL(", ").join(map(sql.Identifier, cols))
            )
            row = {**samples[table], "id": str(uuid.uuid4()) if isinstance(samples[table].get("id"), str) else None}
            try:  # RLS refuses it (a BEFORE trigger, such as the period lock, may refuse it first)
                with conn.transaction():
                    conn.execute(ins, (json.dumps(row),))
                problems.append(f"{table}: job inserted a row")
            except (psycopg.errors.InsufficientPrivilege, psycopg.errors.RaiseException):
                pass
        for verb, query in (
            ("changed a password hash", "UPDATE users SET password_hash = 'x' WHERE company_id = %s"),
            ("changed a role", "UPDATE users SET role = 'admin' WHERE company_id = %s"),
            ("deleted users", "DELETE FROM users WHERE company_id = %s"),
            ("changed the company", "UPDATE companies SET name = 'x' WHERE id = %s"),
        ):
            _, n = _attempt(conn, query, (cid,))
            if n:
                problems.append(f"job {verb} ({n} rows)")
        _, n = _attempt(conn, "SELECT 1 FROM notifications WHERE company_id = %s", (cid,))
        if n:
            problems.append(f"notifications: job read {n} rows")  # it may notify (insert), never read them back
        # ...while what the jobs do still works.
        for table in ("screenshots", "device_tokens", "activity_samples", "idempotency_keys"):
            n = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))).fetchone()[0]
            if not n:
                problems.append(f"{table}: the job sees none of its company's rows")
        conn.rollback()
    assert not problems, "\n".join(problems)
