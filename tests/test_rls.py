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
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
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


def test_partitions_are_reached_only_through_their_parent(owner_conn):
    # A partition is not in tenant_tables: the parent's policies govern it. Read directly it must show nothing.
    rows = owner_conn.execute(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, has_table_privilege(%s, c.oid, 'SELECT')"
        " OR has_table_privilege(%s, c.oid, 'INSERT') OR has_table_privilege(%s, c.oid, 'DELETE')"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relispartition AND c.relkind = 'r'",
        (APP_ROLE,) * 3,
    ).fetchall()
    assert rows, "activity_samples should be partitioned"
    problems = [
        f"{name}: rls={rls} forced={forced} app_rights={rights}"
        for name, rls, forced, rights in rows
        if not (rls and forced) or rights
    ]
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
    if who == "system":
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


@pytest.mark.parametrize("who", ["admin", "system", "manager", "employee"])
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


# --- identities and unauthenticated lookups ------------------------------------------------------------------

DEFINER_SQL = """
SELECT p.oid::regprocedure::text AS name, p.proconfig, pg_get_userbyid(p.proowner) AS owner,
       p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a
                                   WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_execute,
       has_function_privilege(%s, p.oid, 'EXECUTE') AS app_execute
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
"""


# The entry points without a signed-in user (migrations/0008_accounts.sql), and the session checks every
# request and the gateway run before any claims exist (migrations/0011_session_truth.sql).
AUTH_DEFINERS = {
    "app.stripe_event_claim(text,text,timestamp with time zone)",
    "app.billing_company_of_customer(text)",
    "app.login_lookup(text)",
    "app.refresh_token_lookup(text)",
    "app.auth_token_lookup(text)",
    "app.invitation_lookup(text)",
    "app.accept_invitation(text,text,text,text)",
    "app.my_memberships()",
    "app.revoke_my_sessions(uuid)",
    "app.session_state(uuid,uuid,uuid)",
    "app.dead_sessions(uuid[],uuid[],uuid[])",
}


def test_security_definer_functions_are_narrow(owner_conn):
    with owner_conn.cursor(row_factory=dict_row) as cur:
        rows = [r for r in cur.execute(DEFINER_SQL, (APP_ROLE,)).fetchall() if r["name"] in AUTH_DEFINERS]
    assert {r["name"] for r in rows} == AUTH_DEFINERS
    problems = []
    for r in rows:
        if not any(c.startswith("search_path=") for c in r["proconfig"] or ()):
            problems.append(f"{r['name']}: no fixed search_path")
        if r["owner"] == APP_ROLE:
            problems.append(f"{r['name']}: owned by {APP_ROLE}")
        if r["public_execute"]:
            problems.append(f"{r['name']}: PUBLIC may execute it")
        if not r["app_execute"]:
            problems.append(f"{r['name']}: {APP_ROLE} may not execute it")
    assert not problems, "\n".join(problems)


def test_no_policy_reads_lookup_claims(owner_conn):
    widened = owner_conn.execute(
        "SELECT polrelid::regclass::text, polname FROM pg_policy"
        " WHERE coalesce(pg_get_expr(polqual, polrelid), '') || coalesce(pg_get_expr(polwithcheck, polrelid), '')"
        " LIKE '%%lookup%%'"
    ).fetchall()
    assert widened == []
    assert owner_conn.execute("SELECT count(*) FROM pg_proc WHERE proname LIKE 'lookup\\_%%'").fetchone()[0] == 0


def test_people_are_seen_only_by_their_companies_and_changed_only_by_themselves(two_companies, stack):
    a, b = two_companies
    a_email = a["admin"]["email"]
    with psycopg.connect(stack["app_url"]) as conn:
        for claims in (Claims(), _b_claims(b, "admin")):
            set_claims(conn, claims)
            assert conn.execute("SELECT count(*) FROM people WHERE email = %s", (a_email,)).fetchone()[0] == 0
            assert conn.execute("UPDATE people SET otp_enabled = true WHERE email = %s", (a_email,)).rowcount == 0
        _as(conn, a, "employee")
        assert conn.execute("SELECT count(*) FROM people WHERE email = %s", (a_email,)).fetchone()[0] == 1
        assert conn.execute("UPDATE people SET otp_enabled = true WHERE email = %s", (a_email,)).rowcount == 0
        # The unauthenticated lookup still finds the identity, with only what sign-in needs.
        set_claims(conn, Claims())
        found = conn.execute("SELECT company_id::text FROM app.login_lookup(%s)", (a_email,)).fetchall()
        assert found == [(a["company_id"],)]
        conn.rollback()
