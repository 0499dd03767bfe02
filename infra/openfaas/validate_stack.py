"""Check stack.yml the way faas-cli and the OpenFaaS gateway would, plus WorkMonitor's own packaging rules.

`make validate` and tests/test_stack.py run it before faas-cli does (tests/test_faas.py runs the real faas-cli).
Secrets are derived from the code: each function's import closure (its package plus the workmonitor modules it
reaches) uses Settings fields, and config.py says which secret fills each field; a function must list exactly
those secrets (e.g. anything reaching workmonitor/storage.py needs s3-access-key and s3-secret-key). Usage:
`python infra/openfaas/validate_stack.py [stack.yml] [--root DIR]` prints one line per problem and exits 1, or
prints a summary and exits 0. The repository root defaults to the folder holding the stack file (faas-cli
resolves handler paths the same way).
"""

from __future__ import annotations

import ast
import functools
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

import yaml

MAX_FUNCTIONS = 15  # OpenFaaS Community Edition refuses to deploy more
UPSTREAM_PORT = 5000  # gunicorn.conf.py binds 127.0.0.1:5000; of-watchdog must proxy there
TEMPLATE = "workmonitor-python3-http"  # template/<TEMPLATE>/, shipped in the repository
# stack.yml configuration.copy: what assemble.py needs beside the function package in every context.
COPY_PATHS = ("shared/workmonitor", "migrations", "requirements.lock")
TOP_LEVEL_KEYS = {"version", "provider", "functions", "configuration"}
FUNCTION_KEYS = {
    "lang",
    "handler",
    "image",
    "registry_auth",
    "fprocess",
    "environment",
    "secrets",
    "skip_build",
    "constraints",
    "environment_file",
    "labels",
    "limits",
    "requests",
    "readonly_root_filesystem",
    "build_options",
    "build_args",
    "build_config",
    "annotations",
    "namespace",
    "platforms",
}
WATCHDOG_DURATIONS = ("read_timeout", "write_timeout", "exec_timeout", "healthcheck_interval")

DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
DNS1123_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
GO_DURATION = re.compile(r"^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$")
GO_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")
QUANTITY = re.compile(r"^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[mkMGTPE])?$")
IMAGE = re.compile(
    r"^(?:[a-zA-Z0-9.-]+(?::\d+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*"
    r"(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$"
)
SECRET_CALL = re.compile(r"(?<![\w])secret\(\s*[\"']([^\"']+)[\"']")
INT_ENV_CALL = re.compile(r"(?<![\w])_int\(\s*[\"']([A-Z0-9_]+)[\"']")
ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}")
CRON_FIELD = re.compile(r"^[\d*/,\-A-Za-z?]+$")
_DURATION_UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}
_QUANTITY_UNITS = {
    "Ki": 2**10,
    "Mi": 2**20,
    "Gi": 2**30,
    "Ti": 2**40,
    "Pi": 2**50,
    "Ei": 2**60,
    "m": 1e-3,
    "k": 1e3,
    "M": 1e6,
    "G": 1e9,
    "T": 1e12,
    "P": 1e15,
    "E": 1e18,
    "": 1,
}


def substitute_env(text: str, environ: Mapping[str, str] | None = None) -> str:
    """Return `text` with ${VAR}, ${VAR:-default} and ${VAR-default} expanded as faas-cli does before parsing."""
    env = os.environ if environ is None else environ

    def expand(match: re.Match) -> str:
        name, op, default = match.group(1), match.group(2), match.group(3) or ""
        value = env.get(name)
        if op == ":-" and not value:
            return default
        if op == "-" and value is None:
            return default
        return value or ""

    return ENV_REF.sub(expand, text)


def load_stack(path: Path, environ: Mapping[str, str] | None = None) -> dict:
    """Return stack.yml parsed (env substituted, anchors and merge keys resolved); raise ValueError/TypeError."""
    try:
        data = yaml.safe_load(substitute_env(Path(path).read_text(), environ))
    except yaml.YAMLError as exc:
        raise ValueError(f"not valid YAML: {exc}".replace("\n", " ")) from exc
    if not isinstance(data, dict):
        raise TypeError("the stack file must be a YAML mapping")
    return data


def go_seconds(value: str) -> float | None:
    """Return a Go duration ("30s", "1m30s") or bare integer seconds as seconds; None when it does not parse."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    if not GO_DURATION.match(value):
        return None
    return sum(float(n) * _DURATION_UNITS[unit] for n, unit in GO_DURATION_PART.findall(value))


def quantity_value(value: str) -> float | None:
    """Return a Kubernetes quantity ("128Mi", "0.5", "500m") as a number; None when it does not parse."""
    match = QUANTITY.match(value.strip())
    if not match:
        return None
    suffix = match.group(3) or ""
    if suffix[:1] in ("e", "E"):
        return float(match.group(0))
    return float(match.group(1)) * _QUANTITY_UNITS[suffix]


def secrets_read_by_code(root: Path) -> dict[str, set[str]]:
    """Return {secret name: files reading it} for each literal secret("...") call in shared/, functions/, gateway/."""
    found: dict[str, set[str]] = {}
    for folder in ("shared", "functions", "gateway"):
        for path in sorted((root / folder).rglob("*.py")):
            for name in SECRET_CALL.findall(path.read_text(errors="replace")):
                found.setdefault(name, set()).add(path.relative_to(root).as_posix())
    return found


def settings_secrets(root: Path) -> dict[str, set[str]]:
    """Return {Settings field: secret names} from config.py's settings(): `field=secret("name")`, directly or
    through a local variable assigned from secret(...)."""
    tree = ast.parse((root / "shared" / "workmonitor" / "config.py").read_text())
    body = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "settings")
    local: dict[str, set[str]] = {}

    def secrets_in(expr: ast.AST) -> set[str]:
        names: set[str] = set()
        for sub in ast.walk(expr):
            if isinstance(sub, ast.Call) and getattr(sub.func, "id", None) == "secret" and sub.args:
                if isinstance(sub.args[0], ast.Constant) and isinstance(sub.args[0].value, str):
                    names.add(sub.args[0].value)
            elif isinstance(sub, ast.Name):
                names |= local.get(sub.id, set())
        return names

    for stmt in body.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            local[stmt.targets[0].id] = secrets_in(stmt.value)
    fields: dict[str, set[str]] = {}
    for node in ast.walk(body):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Settings":
            for kw in node.keywords:
                if kw.arg and secrets_in(kw.value):
                    fields[kw.arg] = secrets_in(kw.value)
    return fields


def _module_files(base: Path, parts: list[str]) -> list[Path]:
    """Return the files importing `parts` below `base` runs: each package's __init__.py and the module itself."""
    found = []
    for i in range(1, len(parts) + 1):
        stem = base.joinpath(*parts[:i])
        found += [f for f in (stem.with_suffix(".py"), stem / "__init__.py") if f.is_file()]
    return found


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


@functools.lru_cache(maxsize=8192)
def _facts(path: Path, stamp: tuple[int, int]) -> tuple[ast.Module, str, frozenset[str]]:
    """Return (tree, text, attribute names) of `path` as of `stamp`: every function's closure shares the modules of
    workmonitor, so each file is parsed and walked once per process (the tests validate many mutated stacks)."""
    text = path.read_text()
    tree = ast.parse(text)
    return tree, text, frozenset(n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute))


def _imported_names(path: Path, package: list[str]) -> list[list[str]]:
    """Return every dotted name (as parts) that `path`, a module of `package`, imports or imports from."""
    return [list(name) for name in _imported(path, _stamp(path), tuple(package))]


@functools.lru_cache(maxsize=8192)
def _imported(path: Path, stamp: tuple[int, int], package: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    names: list[tuple[str, ...]] = []
    for node in ast.walk(_facts(path, stamp)[0]):
        if isinstance(node, ast.Import):
            names += [tuple(alias.name.split(".")) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = base + (tuple(node.module.split(".")) if node.module else ())
            names += [module] + [(*module, alias.name) for alias in node.names]
    return tuple(names)


def import_closure(root: Path, name: str) -> set[Path]:
    """Return the files the `function` package of functions/<name>/ runs at import: its own, and workmonitor's."""
    function_dir, shared = root / "functions" / name, root / "shared"
    todo, seen = sorted(function_dir.rglob("*.py")), set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        inside = path.relative_to(shared) if path.is_relative_to(shared) else None
        parts = list(inside.with_suffix("").parts) if inside else ["function", *path.relative_to(function_dir).parts]
        parts[-1] = parts[-1].removesuffix(".py")
        package = parts[:-1]
        for dotted in _imported_names(path, package):
            if dotted[:1] == ["function"]:
                todo += _module_files(function_dir, dotted[1:]) if len(dotted) > 1 else []
            elif dotted[:1] == ["workmonitor"]:
                todo += _module_files(shared, dotted)
    return seen


def secrets_needed(root: Path, name: str) -> dict[str, set[str]]:
    """Return {secret: files} for function `name`: secrets its import closure reads, directly or via Settings."""
    fields = settings_secrets(root)
    needed: dict[str, set[str]] = {}
    for path in import_closure(root, name):
        _, text, attrs = _facts(path, _stamp(path))
        if path.name != "config.py":  # config.py reads every secret for Settings; its fields are matched below
            for secret_name in SECRET_CALL.findall(text):  # read directly, e.g. metrics.py's secret("metrics-token")
                needed.setdefault(secret_name, set()).add(path.relative_to(root).as_posix())
        for field in attrs & set(fields):
            for secret_name in fields[field]:
                needed.setdefault(secret_name, set()).add(path.relative_to(root).as_posix())
    return needed


def integer_env_names(root: Path) -> set[str]:
    """Return the environment variables workmonitor/config.py parses as integers (its _int("NAME", ...) calls)."""
    config = root / "shared" / "workmonitor" / "config.py"
    return set(INT_ENV_CALL.findall(config.read_text())) if config.exists() else set()


def validate(data: dict, root: Path) -> list[str]:
    """Return every problem with the parsed stack `data` for the repository at `root` (empty when it is valid)."""
    problems: list[str] = []
    for key in data:
        if key not in TOP_LEVEL_KEYS and not str(key).startswith("x-"):
            problems.append(f"{key}: unknown top-level key (faas-cli ignores it; use an x- prefix for anchors)")
    if str(data.get("version", "")) != "1.0":
        problems.append(f"version: [1.0] is the only valid version for the stack file - found: {data.get('version')!r}")
    problems += _provider(data.get("provider"))
    functions = data.get("functions")
    if not isinstance(functions, dict) or not functions:
        return problems + ["functions: must be a non-empty mapping of function name to definition"]
    if len(functions) > MAX_FUNCTIONS:
        problems.append(f"functions: {len(functions)} functions defined; OpenFaaS CE deploys at most {MAX_FUNCTIONS}")
    if not (root / "shared" / "workmonitor" / "config.py").is_file():
        return problems + [f"{root}: not a WorkMonitor checkout (no shared/workmonitor/config.py); pass --root"]
    read = secrets_read_by_code(root)
    problems += _configuration(data.get("configuration"), root)
    context = {"root": root, "known_secrets": set(read), "int_env": integer_env_names(root)}
    for name, fn in functions.items():
        problems += _function(str(name), fn, context)
    return problems


def _provider(provider) -> list[str]:
    if not isinstance(provider, dict):
        return ["provider: missing (needs name: openfaas and a gateway URL)"]
    out = []
    if provider.get("name") != "openfaas":
        out.append(
            f"provider.name: ['openfaas'] is the only valid \"provider.name\" for the OpenFaaS CLI, "
            f"but you gave: {provider.get('name')}"
        )
    gateway = provider.get("gateway")
    parts = urlsplit(gateway) if isinstance(gateway, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        out.append(f"provider.gateway: must be an http(s) URL, got {gateway!r}")
    return out


def _function(name: str, fn, ctx: dict) -> list[str]:
    where = f"functions.{name}"
    if not DNS1123_LABEL.match(name) or len(name) > 63:
        return [
            (
                f"{where}: name must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters, "
                "starting and ending alphanumeric)"
            )
        ]
    if not isinstance(fn, dict):
        return [f"{where}: must be a mapping"]
    out = [f"{where}.{key}: unknown key (faas-cli would silently ignore it)" for key in fn if key not in FUNCTION_KEYS]
    for key in ("lang", "handler", "image"):
        if not isinstance(fn.get(key), str) or not fn[key].strip():
            out.append(f"{where}.{key}: required")
    if fn.get("lang") not in (None, TEMPLATE):
        out.append(f"{where}.lang: must be {TEMPLATE!r} (the template shipped in template/{TEMPLATE}/)")
    out += _handler(where, name, fn.get("handler"), ctx["root"])
    image = fn.get("image")
    if isinstance(image, str) and image and not IMAGE.match(image):
        out.append(f"{where}.image: {image!r} is not a valid image reference")
    out += _environment(where, fn.get("environment"), ctx["int_env"])
    out += _secrets(where, fn.get("secrets"), ctx["known_secrets"], _needed(ctx, name))
    out += _string_map(f"{where}.labels", fn.get("labels"))
    out += _scaling(where, fn.get("labels") or {})
    out += _string_map(f"{where}.annotations", fn.get("annotations"))
    out += _cron(where, fn.get("annotations") or {})
    out += _resources(where, fn.get("limits"), fn.get("requests"))
    for env_file in fn.get("environment_file") or []:
        if not (ctx["root"] / str(env_file)).is_file():
            out.append(f"{where}.environment_file: {env_file} does not exist")
    return out


def _handler(where: str, name: str, handler, root: Path) -> list[str]:
    if not isinstance(handler, str) or not handler.strip():
        return []
    if os.path.normpath(handler) != os.path.join("functions", name):
        return [f"{where}.handler: must be ./functions/{name} (the function's package), got {handler!r}"]
    if not (root / "functions" / name / "handler.py").is_file():
        return [f"{where}.handler: functions/{name}/handler.py does not exist"]
    return []


def _needed(ctx: dict, name: str) -> dict[str, set[str]]:
    if not (ctx["root"] / "functions" / name / "handler.py").is_file():
        return {}
    return secrets_needed(ctx["root"], name)


def _configuration(config, root: Path) -> list[str]:
    """Check the template is shipped and configuration.copy brings what assemble.py needs into every context."""
    out = []
    if not (root / "template" / TEMPLATE / "template.yml").is_file():
        out.append(f"template/{TEMPLATE}/template.yml: missing (faas-cli would try to pull the template)")
    copy = (config or {}).get("copy") if isinstance(config, dict) else None
    given = {os.path.normpath(str(p)) for p in copy} if isinstance(copy, list) else set()
    for path in COPY_PATHS:
        if path not in given:
            out.append(f"configuration.copy: must include ./{path} (every build context needs it)")
    for path in sorted(given):
        if path.startswith("..") or os.path.isabs(path) or not (root / path).exists():
            out.append(f"configuration.copy: {path} does not exist inside the repository")
    return out


def _environment(where: str, env, int_env: set[str]) -> list[str]:
    if env is None:
        env = {}
    if not isinstance(env, dict):
        return [f'{where}.environment: must be a mapping of NAME: "value"']
    out = []
    for key, value in env.items():
        if not ENV_NAME.match(str(key)):
            out.append(f"{where}.environment.{key}: not a valid environment variable name")
        if not isinstance(value, str):
            out.append(
                f"{where}.environment.{key}: value must be a string, got {type(value).__name__} {value!r}; quote it"
            )
        elif key in int_env and not re.fullmatch(r"-?\d+", value.strip()):
            out.append(f"{where}.environment.{key}: workmonitor reads it as an integer, got {value!r}")
    if env.get("mode") != "http":
        out.append(
            f'{where}.environment.mode: must be "http" (of-watchdog proxies to gunicorn), got {env.get("mode")!r}'
        )
    upstream = env.get("upstream_url") or env.get("http_upstream_url")
    if not isinstance(upstream, str):
        out.append(f"{where}.environment.upstream_url: required (http://127.0.0.1:{UPSTREAM_PORT})")
    else:
        parts = urlsplit(upstream)
        if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost") or parts.port != UPSTREAM_PORT:
            out.append(
                f"{where}.environment.upstream_url: must be http://127.0.0.1:{UPSTREAM_PORT} "
                f"(where gunicorn listens), got {upstream!r}"
            )
    seconds: dict[str, float | None] = {}
    for key in WATCHDOG_DURATIONS:
        if isinstance(env.get(key), str):
            seconds[key] = go_seconds(env[key])
            if seconds[key] is None:
                out.append(f"{where}.environment.{key}: {env[key]!r} is not a Go duration such as 30s or 1m30s")
    exec_s, write_s = seconds.get("exec_timeout"), seconds.get("write_timeout")
    if exec_s and write_s and exec_s > write_s:
        out.append(f"{where}.environment.exec_timeout: longer than write_timeout; the response could not be written")
    return out


def _secrets(where: str, secrets, known: set[str], needed: dict[str, set[str]]) -> list[str]:
    if not isinstance(secrets, list):
        return [f"{where}.secrets: must be a list including {', '.join(sorted(needed))}"]
    out = []
    for secret in secrets:
        if not isinstance(secret, str) or not DNS1123_SUBDOMAIN.match(secret) or len(secret) > 253:
            out.append(f"{where}.secrets: {secret!r} is not a DNS-1123 name (lowercase letters, digits, '-', '.')")
        elif secret not in known:
            out.append(f'{where}.secrets: {secret!r} is not read by any secret("...") call (typo?)')
        elif needed and secret not in needed:
            out.append(f"{where}.secrets: {secret!r} is not used by this function's code (least privilege: drop it)")
    for secret in sorted(set(needed) - set(map(str, secrets))):
        users = ", ".join(sorted(needed[secret]))
        out.append(f"{where}.secrets: missing {secret!r} (read through {users}; faas-cli secret create {secret})")
    if len(set(map(str, secrets))) != len(secrets):
        out.append(f"{where}.secrets: listed more than once")
    return out


def _string_map(where: str, mapping) -> list[str]:
    if mapping is None:
        return []
    if not isinstance(mapping, dict):
        return [f"{where}: must be a mapping of string to string"]
    return [
        f"{where}.{key}: value must be a string, got {type(value).__name__} {value!r}; quote it"
        for key, value in mapping.items()
        if not isinstance(value, str)
    ]


def _scaling(where: str, labels) -> list[str]:
    if not isinstance(labels, dict):
        return []
    out, values = [], {}
    for key in ("min", "max", "target"):
        raw = labels.get(f"com.openfaas.scale.{key}")
        if raw is None:
            continue
        if not isinstance(raw, str) or not raw.isdigit():
            out.append(f'{where}.labels.com.openfaas.scale.{key}: must be an integer string such as "1", got {raw!r}')
        else:
            values[key] = int(raw)
    if values.get("min") == 0:
        out.append(f"{where}.labels.com.openfaas.scale.min: must be at least 1")
    if values.get("max") == 0:
        out.append(f"{where}.labels.com.openfaas.scale.max: must be at least 1")
    if "min" in values and "max" in values and values["min"] > values["max"]:
        out.append(
            f"{where}.labels: com.openfaas.scale.min ({values['min']}) is greater than "
            f"com.openfaas.scale.max ({values['max']})"
        )
    return out


def _cron(where: str, annotations) -> list[str]:
    if not isinstance(annotations, dict):
        return []
    topics = [t.strip() for t in str(annotations.get("topic", "")).split(",")]
    if "cron-function" not in topics:
        return []
    out = []
    if len(topics) > 1:
        out.append(f"{where}.annotations.topic: must be exactly cron-function (CE's cron-connector matches one topic)")
    schedule = annotations.get("schedule")
    fields = str(schedule).split() if isinstance(schedule, str) else []
    if len(fields) != 5 or not all(CRON_FIELD.match(f) for f in fields):
        out.append(f"{where}.annotations.schedule: topic cron-function needs a 5-field cron schedule, got {schedule!r}")
    return out


def _resources(where: str, limits, requests) -> list[str]:
    out, parsed = [], {}
    for kind, block in (("limits", limits), ("requests", requests)):
        if block is None:
            continue
        if not isinstance(block, dict):
            out.append(f"{where}.{kind}: must be a mapping with memory and/or cpu")
            continue
        for key, value in block.items():
            if key not in ("memory", "cpu"):
                out.append(f"{where}.{kind}.{key}: unknown resource (memory or cpu)")
                continue
            if not isinstance(value, str):
                out.append(f'{where}.{kind}.{key}: must be a quoted string such as "128Mi", got {value!r}')
                continue
            amount = quantity_value(value)
            if amount is None or amount <= 0:
                out.append(f"{where}.{kind}.{key}: {value!r} is not a Kubernetes quantity such as 128Mi")
            else:
                parsed[(kind, key)] = amount
    for key in ("memory", "cpu"):
        limit, request = parsed.get(("limits", key)), parsed.get(("requests", key))
        if limit is not None and request is not None and request > limit:
            out.append(f"{where}.requests.{key}: greater than limits.{key} (Kubernetes rejects the deployment)")
    return out


def validate_file(path: Path, environ: Mapping[str, str] | None = None, root: Path | None = None) -> list[str]:
    """Return every problem with the stack file at `path` (the repository root defaults to its folder)."""
    path = Path(path)
    try:
        data = load_stack(path, environ)
    except (OSError, TypeError, ValueError) as exc:
        return [str(exc)]
    return validate(data, Path(root) if root else path.resolve().parent)


def main(argv: list[str]) -> int:
    """Validate the stack file named in argv ([stack.yml] [--root DIR]); print problems; return the exit status."""
    root = None
    if "--root" in argv:
        at = argv.index("--root")
        root, argv = Path(argv[at + 1]), argv[:at] + argv[at + 2 :]
    path = Path(argv[0] if argv else "stack.yml")
    problems = validate_file(path, root=root)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    count = len(load_stack(path).get("functions") or {})
    print(f"{path}: OK ({count} functions)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
