"""Turn a faas-cli build context into the function's app folder (the image's /home/app); stdlib only.

faas-cli (`faas-cli build [--shrinkwrap] -f stack.yml`) lays out build/<fn>/ as: this template's files, and
function/ = functions/<fn>/ plus stack.yml's `configuration.copy` paths (shared/workmonitor, migrations,
pyproject.toml) copied inside it. This script, run by the Dockerfile (and by the tests, on the same context),
writes <out>/ with:
    index.py, gunicorn.conf.py     the server (the template owns it)
    function/                      the function's package only (handler.py and its siblings)
    workmonitor/                   the shared library
    migrations/                    so the image can run `python -m workmonitor.migrate`
    requirements.txt               pyproject.toml [project].dependencies, then function/requirements.txt
It fails (exit 1) when any part is missing, so an incomplete context never becomes an image.
Usage: python assemble.py <context dir> <out dir>
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from pathlib import Path

SERVER_FILES = ("index.py", "gunicorn.conf.py")
EXTRAS = ("shared", "migrations", "pyproject.toml", "requirements.txt")  # arrive inside function/, leave it
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", ".pytest_cache", ".ruff_cache")


def requirements(context: Path) -> str:
    """Return requirements.txt: the library's runtime dependencies, then the function's own (if any)."""
    project = tomllib.loads((context / "function" / "pyproject.toml").read_text())["project"]
    lines = ["# the library's runtime dependencies (pyproject.toml [project].dependencies)", *project["dependencies"]]
    extra = context / "function" / "requirements.txt"
    if extra.is_file():
        lines.append("# the function's own (functions/<name>/requirements.txt)")
        lines += [ln.strip() for ln in extra.read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    return "\n".join(lines) + "\n"


def missing_parts(context: Path) -> list[str]:
    """Return the parts a complete context lacks (empty when complete)."""
    wanted = [
        *SERVER_FILES,
        "function/handler.py",
        "function/shared/workmonitor/__init__.py",
        "function/pyproject.toml",
    ]
    missing = [part for part in wanted if not (context / part).is_file()]
    if not list((context / "function" / "migrations").glob("*.sql")):
        missing.append("function/migrations/*.sql")
    return missing


def assemble(context: Path, out: Path) -> None:
    """Write the app folder for `context` into `out` (created; must not exist); raise ValueError when incomplete."""
    missing = missing_parts(context)
    if missing:
        raise ValueError(f"{context}: incomplete build context, missing {', '.join(missing)}")
    out.mkdir(parents=True)
    for name in SERVER_FILES:
        shutil.copyfile(context / name, out / name)
    shutil.copytree(context / "function" / "shared" / "workmonitor", out / "workmonitor", ignore=SKIP)
    shutil.copytree(context / "function" / "migrations", out / "migrations", ignore=SKIP)
    shutil.copytree(context / "function", out / "function", ignore=shutil.ignore_patterns(*EXTRAS, "__pycache__"))
    (out / "requirements.txt").write_text(requirements(context))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    try:
        assemble(Path(sys.argv[1]), Path(sys.argv[2]))
    except (OSError, KeyError, ValueError) as exc:
        sys.exit(f"assemble: {exc}")
