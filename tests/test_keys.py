"""Redis key, channel and queue names are declared once, in workmonitor.keys: no literal with their prefix elsewhere."""

from __future__ import annotations

import ast
from pathlib import Path

from workmonitor import keys

ROOT = Path(__file__).resolve().parents[1]
TREES = ("shared", "functions", "gateway", "infra", "tests", "bench")
# Files another branch of issue 10 is rewriting (auth: sessions per device); the lead empties this on merge.
PENDING: set[str] = set()


def python_files() -> list[Path]:
    """Return every Python file of the server-side trees."""
    return sorted(p for tree in TREES for p in (ROOT / tree).rglob("*.py") if ".venv" not in p.parts)


def prefixed_literals(path: Path) -> list[int]:
    """Return the lines of string literals (f-string parts included) in `path` that contain the key prefix."""
    tree = ast.parse(path.read_text(), str(path))
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and keys.PREFIX in node.value
    )


def test_no_key_literal_outside_keys_module():
    found = {
        str(p.relative_to(ROOT)): lines
        for p in python_files()
        if p != Path(keys.__file__).resolve() and str(p.relative_to(ROOT)) not in PENDING
        if (lines := prefixed_literals(p))
    }
    assert found == {}, f"declare these names in workmonitor/keys.py and use keys.*: {found}"


def test_every_key_is_namespaced_and_distinct():
    made = [
        keys.revoked_session("s"),
        keys.revoked_user("s"),
        keys.presence("s"),
        keys.throttle("s", "s"),
        keys.outbox_claim("s"),
        keys.OUTBOX_DRAIN_LOCK,
        keys.mail_sent("s"),
        keys.push_sent("s", "s"),
        keys.fcm_token("s", "s"),
        keys.apns_token("s", "s"),
        keys.template_db_claim(1),
        keys.GATEWAY_CONTROL,
    ]
    assert all(k.startswith(keys.PREFIX) for k in made)
    assert len(set(made)) == len(made)
    assert len(set(keys.QUEUES)) == len(keys.QUEUES) == 4
