"""Each function is a package of its own: same-named sibling modules never leak between functions."""

from __future__ import annotations

import subprocess
from pathlib import Path

from workmonitor.devserver import load_function

ROOT = Path(__file__).resolve().parents[1]

HANDLER = """from flask import jsonify
from workmonitor.web import create_function, public, responds

from . import store

app = create_function({name!r})


@app.get("/which")
@public
@responds(None, media_type="application/json")
def which():
    return jsonify(store.WHO)
"""


def _function(root: Path, name: str) -> None:
    folder = root / "functions" / name
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("")
    (folder / "store.py").write_text(f"WHO = {name!r}\n")
    (folder / "handler.py").write_text(HANDLER.format(name=name))


def test_two_functions_with_a_same_named_module_each_get_their_own(tmp_path, stack):
    _function(tmp_path, "alpha")
    _function(tmp_path, "beta")
    alpha, beta = load_function("alpha", tmp_path), load_function("beta", tmp_path)
    assert alpha.test_client().get("/which").get_json() == "alpha"
    assert beta.test_client().get("/which").get_json() == "beta"


def test_nothing_edits_sys_path():
    found = subprocess.run(
        ["grep", "-rn", "--include=*.py", "sys.path", "functions", "shared", "gateway"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert found.stdout == "", found.stdout


def test_every_function_folder_is_a_package():
    for folder in (ROOT / "functions").iterdir():
        if folder.is_dir() and (folder / "handler.py").exists():
            assert (folder / "__init__.py").is_file(), folder
