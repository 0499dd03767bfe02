"""The web app's API types are generated from the functions' OpenAPI documents, and the committed copies are fresh.

Regenerate with `cd clients/web && npm run types` after changing a model.
"""

from __future__ import annotations

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


def test_pages_use_the_generated_types():
    models = (WEB / "src" / "models.ts").read_text()
    assert 'from "./generated/' in models
    declared = [
        str(p.relative_to(WEB)) for p in (WEB / "src").rglob("*.tsx") if "export interface Project " in p.read_text()
    ]
    assert not declared, f"response shapes declared by hand in {declared}"
