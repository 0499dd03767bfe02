"""Turn a faas-cli build context into the function's app folder (the image's /home/app); stdlib only.

faas-cli (`faas-cli build [--shrinkwrap] -f stack.yml`) lays out build/<fn>/ as: this template's files, and
function/ = functions/<fn>/ plus stack.yml's `configuration.copy` paths (shared/workmonitor, migrations,
requirements.lock) copied inside it. This script, run by the Dockerfile (and by the tests, on the same context),
writes <out>/ with:
    index.py, gunicorn.conf.py     the server (the template owns it)
    function/                      the function's package only (handler.py and its siblings)
    workmonitor/                   the shared library
    migrations/                    so the image can run `python -m workmonitor.migrate`
    requirements.txt               the entries of requirements.lock (pins and hashes) this function needs: the
                                   distributions its import closure reaches, with their own dependencies
The import closure is read statically (ast) from index.py and gunicorn.conf.py through function/ and workmonitor/:
every `import` anywhere in a reached module counts (lazy ones inside functions too), except under TYPE_CHECKING.
Third-party top-level modules map to distributions through MODULES; one missing there fails the assembly, so a new
dependency cannot slip into an image unlisted. Dependencies of a distribution come from the lock's `# via` notes.
It fails (exit 1) when any part is missing, so an incomplete context never becomes an image.
Usage: python assemble.py <context dir> <out dir>
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
from pathlib import Path

SERVER_FILES = ("index.py", "gunicorn.conf.py")
EXTRAS = ("shared", "migrations", "pyproject.toml", "requirements.lock")  # arrive inside function/, leave it
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", ".pytest_cache", ".ruff_cache")
LOCAL = ("function", "workmonitor")  # top-level packages of the app folder

# Third-party (or data-backed stdlib) top-level module -> the distribution in requirements.lock that provides it.
MODULES = {
    "PIL": "pillow",
    "aiohttp": "aiohttp",
    "authlib": "authlib",
    "bcrypt": "bcrypt",
    "boto3": "boto3",
    "botocore": "botocore",
    "cryptography": "cryptography",
    "flask": "flask",
    "gunicorn": "gunicorn",
    "joserfc": "joserfc",
    "jwt": "pyjwt",
    "psycopg": "psycopg",
    "psycopg_pool": "psycopg-pool",
    "pydantic": "pydantic",
    "pydantic_core": "pydantic-core",
    "pypdf": "pypdf",
    "pyotp": "pyotp",
    "qrcode": "qrcode",
    "re2": "google-re2",
    "reportlab": "reportlab",
    "redis": "redis",
    "requests": "requests",
    "rq": "rq",
    "socketio": "python-socketio",
    "stripe": "stripe",
    "werkzeug": "werkzeug",
    "xlsxwriter": "xlsxwriter",
    "yaml": "pyyaml",
    "zoneinfo": "tzdata",  # stdlib, but slim images carry no system time zone database
}
TEST_ONLY = {"jsonschema"}  # imported only by the contract check (WM_CHECK_CONTRACT=1), which the tests turn on
ALWAYS = ("gunicorn",)
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # the server (gunicorn.conf.py runs inside it, nothing imports it)


def module_file(app: Path, name: str) -> Path | None:
    """Return the source file of the local module `name` inside the app folder, or None."""
    base = app.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _skipped(node: ast.AST) -> bool:
    """Return True for an `if TYPE_CHECKING:` block (its imports never run)."""
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imported_names(path: Path, module: str) -> set[str]:
    """Return the absolute module names `path` (module `module`) imports, submodule candidates of `from` included."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    stack: list[ast.AST] = [ast.parse(path.read_text(), str(path))]
    while stack:
        node = stack.pop()
        if _skipped(node):
            continue
        stack.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


def third_party_modules(app: Path) -> set[str]:
    """Return the top-level non-stdlib modules that the server's and the function's import closure reaches."""
    seen: set[str] = set()
    todo = ["index", "gunicorn_conf"]
    found: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = app / "gunicorn.conf.py" if name == "gunicorn_conf" else module_file(app, name)
        if path is None:
            continue
        for imported in imported_names(path, name):
            top = imported.partition(".")[0]
            if top in LOCAL:
                parts = imported.split(".")
                todo += [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
            elif top not in TEST_ONLY and (top in MODULES or top not in sys.stdlib_module_names):
                found.add(top)
    return found


def lock_entries(lock: str) -> dict[str, tuple[str, set[str]]]:
    """Return name -> (its entry text, the names it is required by) from a pip-compile lock with `# via` notes."""
    entries: dict[str, tuple[str, set[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", "\n" + lock.split("\n\n", 1)[-1]):
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==", block.strip())
        if match:
            notes = block.split("# via", 1)[1] if "# via" in block else ""
            via = {normalize(word) for word in notes.replace("#", " ").split() if NAME.fullmatch(word)}
            entries[normalize(match.group(1))] = (block.strip(), via)
    return entries


def normalize(name: str) -> str:
    """Return a distribution name in its canonical form (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(app: Path, lock: str) -> str:
    """Return requirements.txt: the lock's entries for what the app imports, closed under their dependencies."""
    modules = third_party_modules(app)
    unknown = sorted(modules - MODULES.keys())
    if unknown:
        raise ValueError(f"imports {', '.join(unknown)}: add it to MODULES in assemble.py (and to the lock)")
    entries = lock_entries(lock)
    wanted = {normalize(MODULES[m]) for m in modules} | set(ALWAYS)
    missing = sorted(wanted - entries.keys())
    if missing:
        raise ValueError(f"{', '.join(missing)} not in requirements.lock: add to pyproject.toml and regenerate it")
    while True:
        more = {name for name, (_, via) in entries.items() if via & wanted} - wanted
        if not more:
            break
        wanted |= more
    head = f"# From requirements.lock: what this function imports ({', '.join(sorted(modules))}) and their needs.\n"
    return head + "\n".join(entries[name][0] for name in sorted(wanted)) + "\n"


def missing_parts(context: Path) -> list[str]:
    """Return the parts a complete context lacks (empty when complete)."""
    wanted = [
        *SERVER_FILES,
        "function/handler.py",
        "function/shared/workmonitor/__init__.py",
        "function/requirements.lock",
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
    if (context / "function" / "requirements.txt").exists():
        raise ValueError(
            "function/requirements.txt: add the dependency to pyproject.toml and requirements.lock instead"
        )
    out.mkdir(parents=True)
    for name in SERVER_FILES:
        shutil.copyfile(context / name, out / name)
    shutil.copytree(context / "function" / "shared" / "workmonitor", out / "workmonitor", ignore=SKIP)
    shutil.copytree(context / "function" / "migrations", out / "migrations", ignore=SKIP)
    shutil.copytree(context / "function", out / "function", ignore=shutil.ignore_patterns(*EXTRAS, "__pycache__"))
    (out / "requirements.txt").write_text(requirements(out, (context / "function" / "requirements.lock").read_text()))
    readable(out)


def readable(out: Path) -> None:
    """Make the app folder readable by the image's non-root user: faas-cli creates build/<fn>/ and its function/
    folder with mode 0700, copytree keeps modes, and the app user (uid 10001) could not import its own code."""
    out.chmod(0o755)
    for path in out.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    try:
        assemble(Path(sys.argv[1]), Path(sys.argv[2]))
    except (OSError, KeyError, ValueError) as exc:
        sys.exit(f"assemble: {exc}")
