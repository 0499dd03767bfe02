"""The web app's API types are generated from the functions' OpenAPI documents and the event catalogue, the committed
copies are fresh, and pages use them (src/models.ts) instead of declaring API shapes by hand.

Regenerate with `cd clients/web && npm run types` after changing a model or an event.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from workmonitor import openapi

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "clients" / "web"


def _same_files(fresh: Path, committed: Path, suffix: str) -> list[str]:
    names = {p.name for p in fresh.glob(f"*{suffix}")} | {p.name for p in committed.glob(f"*{suffix}")}
    return sorted(
        n for n in names if not (committed / n).exists() or (fresh / n).read_bytes() != (committed / n).read_bytes()
    )


def test_openapi_documents_are_committed_fresh(tmp_path, stack):
    openapi.dump_all(str(tmp_path))
    stale = _same_files(tmp_path, WEB / "openapi", ".json")
    assert not stale, f"clients/web/openapi is stale for {stale}: run `cd clients/web && npm run types`"


def test_typescript_types_are_generated_from_them(tmp_path):
    if shutil.which("node") is None or not (WEB / "node_modules" / "openapi-typescript").exists():
        pytest.fail("node and clients/web/node_modules are needed (make test installs them)")
    subprocess.run(["node", "scripts/gen-types.mjs", str(tmp_path)], cwd=WEB, check=True, timeout=120)
    stale = _same_files(tmp_path, WEB / "src" / "generated", ".ts")
    assert not stale, f"clients/web/src/generated is stale for {stale}: run `cd clients/web && npm run types`"


# A hand-written shape: `interface X {`, `interface X extends ... {` or `type X = {`; and a response typed inline,
# `get<{ items: ... }>(...)`, instead of by a generated name.
_DECLARED = re.compile(r"\b(?:interface\s+([A-Za-z_]\w*)\b[^{;=]*\{|type\s+([A-Za-z_]\w*)\s*(?:<[^>]*>)?\s*=\s*\{)")
_INLINE = re.compile(r"\b(?:api|get|post|patch|del)<\s*\{")


def _schema_names() -> set[str]:
    names: set[str] = set()
    for path in (WEB / "openapi").glob("*.json"):
        doc = json.loads(path.read_text())
        names |= set(doc.get("components", {}).get("schemas", {})) | set(doc.get("$defs", {}))
    return names


def _sources() -> list[Path]:
    src = WEB / "src"
    return sorted(
        p
        for p in src.rglob("*.ts*")
        if p.suffix in (".ts", ".tsx") and "generated" not in p.relative_to(src).parts and p.name != "models.ts"
    )


def test_pages_use_the_generated_types():
    models = (WEB / "src" / "models.ts").read_text()
    assert 'from "./generated/' in models
    schemas = _schema_names()
    assert {"Entry", "Project", "Shift", "LeaveType", "Message"} <= schemas
    by_hand, inline = [], []
    for path in _sources():
        text = path.read_text()
        rel = str(path.relative_to(WEB))
        for match in _DECLARED.finditer(text):
            name = match.group(1) or match.group(2)
            if name in schemas:
                by_hand.append(f"{rel}: {name}")
        inline += [f"{rel}:{text.count(chr(10), 0, m.start()) + 1}" for m in _INLINE.finditer(text)]
    assert not by_hand, f"API shapes declared by hand (import them from src/models.ts): {by_hand}"
    assert not inline, f"responses typed inline instead of by a name from src/models.ts: {inline}"


def test_the_check_finds_hand_written_shapes():
    """The scan above recognises the declarations it is meant to forbid (and leaves UI types alone)."""
    found = [
        m.group(1) or m.group(2)
        for m in _DECLARED.finditer(
            "interface Entry { id: string }\nexport interface Project extends Base {\n}\ntype Shift = { id: string };\n"
            "interface FormState { name: string }\ntype TaskStatus = Task['status'];\n"
        )
    ]
    assert found == ["Entry", "Project", "Shift", "FormState"]
    assert _INLINE.search("get<{ items: Entry[] }>(`/time/entries`)")
    assert not _INLINE.search("get<EntryPage>(`/time/entries`)")
