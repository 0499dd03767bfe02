"""Productivity rules: list, create, edit and delete (admins company-wide or per team, managers their own team).

Every change names the versions of the rule whose matches must be reclassified; callers enqueue
`recompute.recompute_rule_change` with them once the change has committed.
"""

from __future__ import annotations

import uuid

from ..db import Conn
from ..errors import Forbidden, NotFound, ValidationFailed
from . import productivity
from .models import RuleIn

COLUMNS = productivity.RULE_COLUMNS


def spec(rule: dict) -> dict:
    """Return what a recompute needs to know of a rule version: target, match_type and pattern."""
    return {"target": rule["target"], "match_type": rule["match_type"], "pattern": rule["pattern"]}


def check(match_type: str, pattern: str) -> None:
    """Raise ValidationFailed (invalid_pattern) when `pattern` is not usable for `match_type`."""
    problem = productivity.check_pattern(match_type, pattern)
    if problem:
        raise ValidationFailed("The pattern is not valid.", code="invalid_pattern", fields={"pattern": problem})


def list_rules(conn: Conn, company_id, limit: int, offset: int) -> list[dict]:
    """Return up to limit + 1 of the company's rules."""
    return conn.execute(
        f"SELECT {COLUMNS} FROM productivity_rules WHERE company_id = %s"
        " ORDER BY target, manager_id NULLS FIRST, created_at, id LIMIT %s OFFSET %s",
        (company_id, limit + 1, offset),
    ).fetchall()


def create(conn: Conn, company_id, user_id, role: str, data: RuleIn) -> dict:
    """Create a rule (a manager's is always for their own team); return it."""
    manager_id = data.manager_id
    if role == "manager":
        if manager_id is not None and str(manager_id) != str(user_id):
            raise Forbidden("Managers set rules for their own team only.", code="role_required")
        manager_id = uuid.UUID(str(user_id))
    check(data.match_type, data.pattern)
    row = conn.execute(
        "INSERT INTO productivity_rules (company_id, manager_id, target, match_type, pattern, category, created_by)"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING {COLUMNS}",
        (company_id, manager_id, data.target, data.match_type, data.pattern, data.category, user_id),
    ).fetchone()
    assert row is not None  # INSERT ... RETURNING yields the row
    return row


def editable(conn: Conn, rule_id: str, user_id, role: str) -> dict:
    """Return a rule the caller may change; raise NotFound or Forbidden."""
    row = conn.execute(f"SELECT {COLUMNS} FROM productivity_rules WHERE id = %s", (rule_id,)).fetchone()
    if row is None:
        raise NotFound("No such rule.")
    if role != "admin" and not (role == "manager" and str(row["manager_id"]) == str(user_id)):
        raise Forbidden("You may not change this rule.", code="role_required")
    return row


def update(conn: Conn, rule: dict, changes: dict) -> dict:
    """Apply `changes` (match_type, pattern, category) to `rule`; return the new row."""
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give match_type, pattern or category"})
    check(changes.get("match_type", rule["match_type"]), changes.get("pattern", rule["pattern"]))
    sets = ", ".join(f"{col} = %({col})s" for col in changes)
    row = conn.execute(
        f"UPDATE productivity_rules SET {sets}, updated_at = now() WHERE id = %(id)s RETURNING {COLUMNS}",
        {**changes, "id": rule["id"]},
    ).fetchone()
    if row is None:  # deleted since `editable` read it
        raise NotFound("No such rule.")
    return row


def delete(conn: Conn, rule: dict) -> None:
    """Delete `rule`."""
    conn.execute("DELETE FROM productivity_rules WHERE id = %s", (rule["id"],))
