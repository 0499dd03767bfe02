"""Productivity rules: validation, matching apps/domains to productive / neutral / unproductive, and daily scores.

Resolution for one (app, domain) pair, first match wins:
  1. team domain rules, 2. company domain rules, 3. team app rules, 4. company app rules; else "neutral".
A team rule is one whose manager_id is a manager the user is assigned to. Within a group, exact beats glob beats
regex, then the longer pattern wins. Matching is case-insensitive; a regex is searched (anchor it with ^ and $);
a glob uses fnmatch syntax (*, ?, [..]) against the whole name. Domains are compared without a leading "www.".
Every glob and regex runs on RE2 (linear time in the name, no backtracking): a pattern RE2 cannot run
(backreferences, lookaround) is refused when saved, and names are cut to MAX_NAME characters before matching,
so one company's rule costs a bounded few microseconds per name and never stalls the process for others.
The daily score is productive / (productive + unproductive) seconds x 100: neutral and idle time excluded, no
score (None) on a day without categorised time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import re2

from ..db import Conn

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


MAX_NAME = 256  # longest app (200) or domain (253) name matched; longer input is cut, never matched whole
_MAX_MEM = 1 << 20  # bytes RE2 may use for one compiled pattern: bigger programs are refused when saved


def check_pattern(match_type: str, pattern: str) -> str | None:
    """Return an error message when `pattern` is not usable for `match_type`, else None."""
    if not pattern.strip():
        return "must not be empty"
    if match_type in ("glob", "regex"):
        try:
            _compile(match_type, pattern)
        except re2.error as exc:
            message = exc.args[0] if exc.args else "unsupported"
            message = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
            return f"not a regular expression RE2 can run ({message}); backreferences and lookaround are not supported"
    return None


def _glob_class(pattern: str, i: int) -> tuple[str, int] | None:
    """Return the RE2 class for the fnmatch "[...]" at `pattern[i]` and the index after it (None: no closing "]")."""
    j = i + 1
    negate = j < len(pattern) and pattern[j] == "!"
    j += negate
    end = pattern.find("]", j + 1 if j < len(pattern) and pattern[j] == "]" else j)
    if end < 0:
        return None
    body, parts, k = pattern[j:end], [], 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == "-":
            if body[k] <= body[k + 2]:  # fnmatch drops an empty range such as [z-a]
                parts.append(f"{re2.escape(body[k])}-{re2.escape(body[k + 2])}")
            k += 3
        else:
            parts.append(re2.escape(body[k]))
            k += 1
    if not parts:
        return ("[^\\x00-\\x{10FFFF}]" if not negate else "(?s:.)"), end + 1
    return f"[{'^' if negate else ''}{''.join(parts)}]", end + 1


def glob_to_re2(pattern: str) -> str:
    """Return an RE2 expression matching what fnmatch matches with `pattern`, anchored at both ends."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[" and (cls := _glob_class(pattern, i)) is not None:
            out.append(cls[0])
            i = cls[1]
            continue
        else:
            out.append(re2.escape(c))
        i += 1
    return "(?s)^" + "".join(out) + "$"


@lru_cache(maxsize=4096)
def _compile(match_type: str, pattern: str):
    """Return the compiled RE2 program of a glob or regex rule; raise re2.error when RE2 cannot run it."""
    options = re2.Options()
    options.case_sensitive = False
    options.never_capture = True
    options.log_errors = False
    options.max_mem = _MAX_MEM
    return re2.compile(glob_to_re2(pattern) if match_type == "glob" else pattern, options)


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
    name = name[:MAX_NAME]
    if rule.match_type == "exact":
        return name.lower() == rule.pattern.lower()
    try:
        program = _compile(rule.match_type, rule.pattern)
    except re2.error:  # saved before RE2 checked patterns: it matches nothing rather than failing every ingest
        return False
    return program.search(name) is not None


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


def rules_for_users(conn: Conn, user_ids: Iterable) -> dict[str, Classifier]:
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


def rules_for_user(conn: Conn, user_id) -> Classifier:
    """Return the Classifier for one user."""
    return rules_for_users(conn, [user_id])[str(user_id)]


# The rules that apply to user %(uid)s as one JSON array, for a statement that needs them alongside other work.
USER_RULES_JSON = """(SELECT coalesce(json_agg(json_build_object('target', r.target, 'match_type', r.match_type,
  'pattern', r.pattern, 'category', r.category, 'team', r.manager_id IS NOT NULL)), '[]')
  FROM productivity_rules r WHERE r.company_id = app.company_id() AND (r.manager_id IS NULL
  OR r.manager_id IN (SELECT manager_id FROM manager_assignments WHERE employee_id = %(uid)s)))"""


def classifier_from_json(rules: list[dict]) -> Classifier:
    """Return the Classifier of rules selected with USER_RULES_JSON."""
    return Classifier(Rule(**r) for r in rules)


def daily_increments(classifier: Classifier, rows: Iterable[dict]) -> dict:
    """Return {day: [productive, neutral, unproductive, idle, active]} from rollup rows (day, app, domain, ...)."""
    out: dict = {}
    for row in rows:
        # Decimal throughout: rollup rows carry numeric, fresh aggregates int; psycopg dumps one type per array.
        acc = out.setdefault(row["day"], [Decimal(0)] * 5)
        idle = row["idle_seconds"] or 0
        acc[CATEGORIES.index(classifier.category(row["app"], row["domain"]))] += row["seconds"] - idle
        acc[3] += idle
        acc[4] += row["active_seconds"] or 0
    return out


_COLUMNS = ("productive_seconds", "neutral_seconds", "unproductive_seconds", "idle_seconds", "active_seconds")


def add_daily(conn: Conn, company_id, user_id, increments: dict, replace: bool = False) -> None:
    """Add `increments` (from daily_increments) to productivity_daily (or `replace` those days' rows), in day order."""
    if not increments:
        return
    days = sorted(increments)
    cols = [[Decimal(v) for v in c] for c in zip(*(increments[d] for d in days), strict=True)]
    sets = ", ".join(
        f"{c} = excluded.{c}" if replace else f"{c} = productivity_daily.{c} + excluded.{c}" for c in _COLUMNS
    )
    conn.execute(
        "INSERT INTO productivity_daily (company_id, user_id, day, productive_seconds, neutral_seconds,"
        " unproductive_seconds, idle_seconds, active_seconds)"
        " SELECT %s, %s, d, p, n, u, i, a FROM unnest(%s::date[], %s::numeric[], %s::numeric[], %s::numeric[],"
        " %s::numeric[], %s::numeric[]) AS t(d, p, n, u, i, a) ORDER BY d"
        f" ON CONFLICT (user_id, day) DO UPDATE SET {sets}",
        (company_id, user_id, days, *cols),
    )
