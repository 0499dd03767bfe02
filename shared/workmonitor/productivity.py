"""Productivity rules: validation, matching apps/domains to productive / neutral / unproductive, and daily scores.

Resolution for one (app, domain) pair, first match wins:
  1. team domain rules, 2. company domain rules, 3. team app rules, 4. company app rules; else "neutral".
A team rule is one whose manager_id is a manager the user is assigned to. Within a group, exact beats glob beats
regex, then the longer pattern wins. Matching is case-insensitive; a regex is searched (anchor it with ^ and $);
a glob uses fnmatch syntax (*, ?, [..]) against the whole name. Domains are compared without a leading "www.".
The daily score is productive / (productive + neutral + unproductive) seconds x 100, idle time excluded.
"""

from __future__ import annotations

import fnmatch
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import psycopg

CATEGORIES = ("productive", "neutral", "unproductive")
TARGETS = ("app", "domain")
MATCH_TYPES = ("exact", "glob", "regex")
_RANK = {"exact": 0, "glob": 1, "regex": 2}
RULE_COLUMNS = "id, manager_id, target, match_type, pattern, category, created_by, created_at, updated_at"


@dataclass(frozen=True)
class Rule:
    """One classification rule as matching needs it."""

    target: str
    match_type: str
    pattern: str
    category: str
    team: bool


def check_pattern(match_type: str, pattern: str) -> str | None:
    """Return an error message when `pattern` is not usable for `match_type`, else None."""
    if not pattern.strip():
        return "must not be empty"
    if match_type == "regex":
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            return f"not a valid regular expression: {exc}"
    return None


@lru_cache(maxsize=4096)
def _compiled(match_type: str, pattern: str) -> re.Pattern:
    if match_type == "glob":
        return re.compile(fnmatch.translate(pattern.lower()))
    return re.compile(pattern, re.IGNORECASE)


def normalize_domain(domain: str | None) -> str:
    """Return `domain` lower-cased without a port or a leading "www." ('' for None)."""
    if not domain:
        return ""
    domain = domain.strip().lower().rstrip(".").split(":", 1)[0]
    return domain.removeprefix("www.")


def matches(rule: Rule, name: str) -> bool:
    """Return True when `rule` matches the app or domain `name`."""
    if not name:
        return False
    if rule.match_type == "exact":
        return name.lower() == rule.pattern.lower()
    if rule.match_type == "glob":
        return _compiled("glob", rule.pattern).match(name.lower()) is not None
    return _compiled("regex", rule.pattern).search(name) is not None


class Classifier:
    """Classifies (app, domain) pairs for one user with the rules that apply to them."""

    def __init__(self, rules: Iterable[Rule]):
        ordered = sorted(rules, key=lambda r: (r.target != "domain", not r.team, _RANK[r.match_type], -len(r.pattern)))
        self.domain_rules = [r for r in ordered if r.target == "domain"]
        self.app_rules = [r for r in ordered if r.target == "app"]
        self._memo: dict[tuple[str, str], str] = {}

    def category(self, app: str, domain: str) -> str:
        """Return the category of time spent in `app` on `domain` ('' when none)."""
        key = (app, domain)
        found = self._memo.get(key)
        if found is None:
            found = self._classify(app, normalize_domain(domain))
            self._memo[key] = found
        return found

    def _classify(self, app: str, domain: str) -> str:
        for rule in self.domain_rules:
            if matches(rule, domain):
                return rule.category
        for rule in self.app_rules:
            if matches(rule, app):
                return rule.category
        return "neutral"


def rules_for_users(conn: psycopg.Connection, user_ids: Iterable) -> dict[str, Classifier]:
    """Return a Classifier per user id (as str), from company rules plus the teams each user belongs to."""
    ids = [str(u) for u in user_ids]
    rows = conn.execute(
        "SELECT target, match_type, pattern, category, manager_id::text AS manager_id, NULL AS employee_id"
        " FROM productivity_rules WHERE company_id = app.company_id() UNION ALL"
        " SELECT NULL, NULL, NULL, NULL, manager_id::text, employee_id::text FROM manager_assignments"
        " WHERE employee_id = ANY(%s::uuid[])",
        (ids,),
    ).fetchall()
    rules = [r for r in rows if r["employee_id"] is None]
    teams: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["employee_id"] is not None:
            teams[row["employee_id"]].add(row["manager_id"])
    out = {}
    for uid in ids:
        mine = teams.get(uid, set())
        out[uid] = Classifier(
            Rule(r["target"], r["match_type"], r["pattern"], r["category"], r["manager_id"] is not None)
            for r in rules
            if r["manager_id"] is None or r["manager_id"] in mine
        )
    return out


def rules_for_user(conn: psycopg.Connection, user_id) -> Classifier:
    """Return the Classifier for one user."""
    return rules_for_users(conn, [user_id])[str(user_id)]


def daily_increments(classifier: Classifier, rows: Iterable[dict]) -> dict:
    """Return {day: [productive, neutral, unproductive, idle, active]} from rollup rows (day, app, domain, ...)."""
    out: dict = {}
    for row in rows:
        acc = out.setdefault(row["day"], [0, 0, 0, 0, 0])
        idle = row["idle_seconds"] or 0
        acc[CATEGORIES.index(classifier.category(row["app"], row["domain"]))] += row["seconds"] - idle
        acc[3] += idle
        acc[4] += row["active_seconds"] or 0
    return out


def add_daily(conn: psycopg.Connection, company_id, user_id, increments: dict) -> None:
    """Add `increments` (from daily_increments) to productivity_daily, in day order to avoid deadlocks."""
    if not increments:
        return
    days = sorted(increments)
    cols = list(zip(*(increments[d] for d in days), strict=True))
    conn.execute(
        "INSERT INTO productivity_daily (company_id, user_id, day, productive_seconds, neutral_seconds,"
        " unproductive_seconds, idle_seconds, active_seconds)"
        " SELECT %s, %s, d, p, n, u, i, a FROM unnest(%s::date[], %s::numeric[], %s::numeric[], %s::numeric[],"
        " %s::numeric[], %s::numeric[]) AS t(d, p, n, u, i, a) ORDER BY d"
        " ON CONFLICT (user_id, day) DO UPDATE SET"
        " productive_seconds = productivity_daily.productive_seconds + excluded.productive_seconds,"
        " neutral_seconds = productivity_daily.neutral_seconds + excluded.neutral_seconds,"
        " unproductive_seconds = productivity_daily.unproductive_seconds + excluded.unproductive_seconds,"
        " idle_seconds = productivity_daily.idle_seconds + excluded.idle_seconds,"
        " active_seconds = productivity_daily.active_seconds + excluded.active_seconds",
        (company_id, user_id, days, *[list(c) for c in cols]),
    )
