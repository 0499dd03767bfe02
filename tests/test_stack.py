"""OpenFaaS packaging: stack.yml validates the way faas-cli would, and every build context is self-contained.

Self-contained is proven, not assumed: each assembled build/<name>/ is imported in a separate interpreter whose
sys.path holds only that folder, the standard library and the venv's site-packages (read without .pth files, so
the editable install of shared/ is invisible), and its app must answer GET /healthz.
"""

from __future__ import annotations

import copy
import json
import os
import runpy
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OPENFAAS = ROOT / "infra" / "openfaas"
sys.path.insert(0, str(OPENFAAS))

import build_contexts
import validate_stack

STACK = ROOT / "stack.yml"
FUNCTIONS = sorted(validate_stack.load_stack(STACK)["functions"])
SITE_DIRS = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})

# Runs in a bare interpreter (-I -S -B): argv = context dir, repository root, site-packages dirs...
IMPORT_PROBE = r"""
import json, sys
ctx, repo, sites = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.path[:] = [ctx] + [p for p in sys.path if "site-packages" not in p] + sites
import flask
from function import handler
app = handler.app
resp = app.test_client().get("/healthz")
leaked = sorted(name for name, mod in list(sys.modules.items())
                if (getattr(mod, "__file__", None) or "").startswith(repo)
                and not any(mod.__file__.startswith(s) for s in sites))
print(json.dumps({"is_flask": isinstance(app, flask.Flask), "status": resp.status_code, "body": resp.get_json(),
                  "workmonitor": sys.modules["workmonitor"].__file__, "leaked": leaked,
                  "function": app.extensions.get("workmonitor_function")}))
"""

GUNICORN_PROBE = r"""
import sys
ctx, sites = sys.argv[1], sys.argv[2:]
sys.path[:] = [ctx] + [p for p in sys.path if "site-packages" not in p] + sites
from gunicorn.app.wsgiapp import run
sys.argv = ["gunicorn", "--config", ctx + "/gunicorn.conf.py", "function.handler:app"]
run()
"""


def _clean_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp),
        "LANG": "C.UTF-8",
        "WM_SECRETS_DIR": str(tmp / "no-secrets"),
        "DATABASE_URL": "postgresql://nobody@127.0.0.1:9/unreachable",
        "REDIS_URL": "redis://127.0.0.1:9/0",
        "JWT_SECRET": "stack-test-secret-" + "s" * 32,
    }
    env.update(extra)
    return env


# --- stack.yml ------------------------------------------------------------------------------------------------


def test_real_stack_validates_clean():
    assert validate_stack.validate_file(STACK) == []


def test_cli_reports_one_line_per_problem(tmp_path):
    ok = subprocess.run(
        [sys.executable, str(OPENFAAS / "validate_stack.py"), str(STACK)],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert ok.returncode == 0, ok.stderr
    assert "OK" in ok.stdout
    broken = tmp_path / "stack.yml"
    broken.write_text(STACK.read_text().replace("name: openfaas", "name: faas").replace("version: 1.0", "version: 2"))
    bad = subprocess.run(
        [sys.executable, str(OPENFAAS / "validate_stack.py"), str(broken), "--root", str(ROOT)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    lines = bad.stderr.strip().splitlines()
    assert all(ln.startswith(f"{broken}: ") for ln in lines)
    assert [ln.split(": ", 2)[1].split(":")[0] for ln in lines] == ["version", "provider.name", "2 problem(s)"]
    lost = subprocess.run(
        [sys.executable, str(OPENFAAS / "validate_stack.py"), str(broken)], check=False, capture_output=True, text=True
    )
    assert lost.returncode == 1 and "not a WorkMonitor checkout" in lost.stderr


def test_anchors_merge_keys_and_env_substitution_are_resolved():
    data = validate_stack.load_stack(STACK, environ={"REGISTRY": "registry.local:5000/wm", "TAG": "abc123"})
    for fn in data["functions"].values():
        assert fn["environment"]["mode"] == "http" and "${" not in fn["image"]
    assert data["functions"]["auth"]["image"] == "registry.local:5000/wm/auth:abc123"
    defaults = validate_stack.load_stack(STACK, environ={})
    assert defaults["functions"]["auth"]["image"] == "ghcr.io/workmonitor/auth:latest"


@pytest.mark.parametrize(
    "text, env, expected",
    [
        ("${A:-x}", {}, "x"),
        ("${A:-x}", {"A": ""}, "x"),
        ("${A-x}", {"A": ""}, ""),
        ("${A}", {}, ""),
        ("${A:-x}/${B:-y}", {"A": "a"}, "a/y"),
        ("plain $A", {"A": "a"}, "plain $A"),
    ],
)
def test_substitute_env(text, env, expected):
    assert validate_stack.substitute_env(text, env) == expected


def test_units():
    assert validate_stack.go_seconds("1m30s") == 90 and validate_stack.go_seconds("30") == 30
    assert validate_stack.go_seconds("30 s") is None
    assert validate_stack.quantity_value("128Mi") == 128 * 2**20 and validate_stack.quantity_value("500m") == 0.5
    assert validate_stack.quantity_value("128MB") is None


def test_required_secrets_are_read_by_config():
    read = validate_stack.secrets_read_by_code(ROOT)
    for name in validate_stack.REQUIRED_SECRETS:
        assert "shared/workmonitor/config.py" in read[name]


def _add_copies(data: dict, count: int, prefix: str = "extra") -> None:
    template = data["functions"][FUNCTIONS[0]]
    for i in range(count):
        fn = copy.deepcopy(template)
        fn["handler"] = f"./build/{prefix}-{i}"
        data["functions"][f"{prefix}-{i}"] = fn


def _set(path: str, value):
    def mutate(data: dict) -> None:
        *parents, last = path.split("|")
        node = data
        for key in parents:
            node = node[key]
        if value is KeyError:
            del node[last]
        else:
            node[last] = value

    return mutate


def _rename(old: str, new: str):
    def mutate(data: dict) -> None:
        data["functions"][new] = data["functions"].pop(old)

    return mutate


def _ghost(data: dict) -> None:
    data["functions"]["ghost"] = dict(copy.deepcopy(data["functions"][FUNCTIONS[0]]), handler="./build/ghost")


def _drop_secret(data: dict) -> None:
    fn = data["functions"][FUNCTIONS[0]]
    fn["secrets"] = [s for s in fn["secrets"] if s != "jwt-secret"]


F = f"functions|{FUNCTIONS[0]}"
BROKEN = {
    "16 functions": (lambda d: _add_copies(d, 16 - len(d["functions"])), "OpenFaaS CE deploys at most 15"),
    "bad name": (_rename(FUNCTIONS[0], "Bad_Name"), "functions.Bad_Name: name must be a DNS-1123 label"),
    "name too long": (_rename(FUNCTIONS[0], "a" * 64), "must be a DNS-1123 label"),
    "missing handler dir": (_ghost, "functions/ghost/handler.py does not exist"),
    "handler elsewhere": (_set(f"{F}|handler", "./functions/x"), f"handler: must be ./build/{FUNCTIONS[0]}"),
    "non-string env": (_set(f"{F}|environment|DB_POOL_MAX", 8), "DB_POOL_MAX: value must be a string, got int"),
    "non-integer int env": (_set(f"{F}|environment|DB_POOL_MAX", "eight"), "reads it as an integer"),
    "missing secret": (_drop_secret, f"functions.{FUNCTIONS[0]}.secrets: missing 'jwt-secret'"),
    "bad secret name": (
        _set(f"{F}|secrets", ["database-url", "redis-url", "jwt-secret", "Bad_Secret"]),
        "'Bad_Secret' is not a DNS-1123 name",
    ),
    "unread secret": (
        _set(f"{F}|secrets", ["database-url", "redis-url", "jwt-secret", "jwt-secrets"]),
        "'jwt-secrets' is not read by any",
    ),
    "min > max": (
        lambda d: d["functions"][FUNCTIONS[0]]["labels"].update(
            {"com.openfaas.scale.min": "5", "com.openfaas.scale.max": "2"}
        ),
        "scale.min (5) is greater than",
    ),
    "non-integer scale": (_set(f"{F}|labels|com.openfaas.scale.max", "lots"), "must be an integer string"),
    "unquoted label": (_set(f"{F}|labels|com.openfaas.scale.max", 3), "must be an integer string"),
    "bad memory": (_set(f"{F}|limits|memory", "256MB"), "'256MB' is not a Kubernetes quantity"),
    "requests > limits": (_set(f"{F}|requests|memory", "1Gi"), "requests.memory: greater than limits.memory"),
    "not http mode": (_set(f"{F}|environment|mode", "streaming"), 'environment.mode: must be "http"'),
    "no upstream": (_set(f"{F}|environment|upstream_url", KeyError), "upstream_url: required"),
    "wrong upstream": (_set(f"{F}|environment|upstream_url", "http://127.0.0.1:8000"), "where gunicorn listens"),
    "bad duration": (_set(f"{F}|environment|exec_timeout", "30 seconds"), "is not a Go duration"),
    "exec > write": (_set(f"{F}|environment|exec_timeout", "5m"), "exec_timeout: longer than write_timeout"),
    "missing image": (_set(f"{F}|image", KeyError), f"functions.{FUNCTIONS[0]}.image: required"),
    "bad image": (_set(f"{F}|image", "Upper/Case:tag"), "is not a valid image reference"),
    "typo key": (_set(f"{F}|enviroment", {}), "enviroment: unknown key"),
    "wrong version": (_set("version", 2.0), "[1.0] is the only valid version"),
    "wrong provider": (_set("provider|name", "faas"), "['openfaas'] is the only valid \"provider.name\""),
    "no gateway": (_set("provider|gateway", KeyError), "provider.gateway: must be an http(s) URL"),
    "no functions": (_set("functions", {}), "functions: must be a non-empty mapping"),
    "cron without schedule": (_set(f"{F}|annotations", {"topic": "cron-function"}), "needs a 5-field cron"),
    "cron shared topic": (
        _set(f"{F}|annotations", {"topic": "cron-function,kafka", "schedule": "0 3 * * *"}),
        "must be exactly cron-function",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_stack_is_rejected(case):
    mutate, expected = BROKEN[case]
    data = copy.deepcopy(validate_stack.load_stack(STACK))
    mutate(data)
    problems = validate_stack.validate(data, ROOT)
    assert any(expected in p for p in problems), problems


def test_valid_cron_schedule_is_accepted():
    data = copy.deepcopy(validate_stack.load_stack(STACK))
    data["functions"][FUNCTIONS[0]]["annotations"] = {"topic": "cron-function", "schedule": "*/5 * * * *"}
    assert validate_stack.validate(data, ROOT) == []


# --- build contexts --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def contexts(tmp_path_factory) -> dict[str, Path]:
    """Every function's build context, assembled once into a temporary folder."""
    return build_contexts.build_all(STACK, tmp_path_factory.mktemp("build"))


def test_every_function_gets_a_complete_context(contexts):
    assert set(FUNCTIONS) <= set(contexts)  # (stack.yml may gain functions while tests run)
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    migrations = sorted(p.name for p in (ROOT / "migrations").glob("*.sql"))
    library = sorted(p.relative_to(ROOT / "shared").as_posix() for p in (ROOT / "shared" / "workmonitor").rglob("*.py"))
    for name, ctx in contexts.items():
        assert (ctx / "Dockerfile").read_text() == (OPENFAAS / "Dockerfile").read_text()
        assert (ctx / "gunicorn.conf.py").is_file() and (ctx / ".dockerignore").is_file()
        assert (ctx / "function" / "handler.py").read_bytes() == (ROOT / "functions" / name / "handler.py").read_bytes()
        reqs = [ln for ln in (ctx / "requirements.txt").read_text().splitlines() if ln and not ln.startswith("#")]
        assert reqs[: len(deps)] == deps
        assert sorted(p.name for p in (ctx / "migrations").glob("*.sql")) == migrations
        assert sorted(p.relative_to(ctx).as_posix() for p in (ctx / "workmonitor").rglob("*.py")) == library
        assert not list(ctx.rglob("__pycache__")) and not list(ctx.rglob("*.pyc"))


def test_contexts_are_deterministic(tmp_path):
    first = build_contexts.build_all(STACK, tmp_path / "a")
    second = build_contexts.build_all(STACK, tmp_path / "b")
    (tmp_path / "a" / FUNCTIONS[0] / "stale.txt").write_text("left over from an old build")
    again = build_contexts.build_all(STACK, tmp_path / "a")
    for name in FUNCTIONS:
        digest = build_contexts.tree_digest(first[name])
        assert digest == build_contexts.tree_digest(second[name]) == build_contexts.tree_digest(again[name])


@pytest.mark.parametrize("name", FUNCTIONS)
def test_context_is_self_contained(contexts, name, tmp_path):
    ctx = contexts[name]
    proc = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", IMPORT_PROBE, str(ctx), str(ROOT), *SITE_DIRS],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_clean_env(tmp_path),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["is_flask"] and result["function"] == name
    assert result["status"] == 200 and result["body"]["status"] == "ok"
    assert Path(result["workmonitor"]).is_relative_to(ctx)
    assert result["leaked"] == [], f"imported from the repository instead of the context: {result['leaked']}"


def test_gunicorn_serves_context_with_a_pool_per_worker(contexts, tmp_path):
    """Run the image's fprocess (gunicorn + gunicorn.conf.py, preload) from a context; /readyz reaches the DB."""
    name = "auth" if "auth" in contexts else FUNCTIONS[0]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = _clean_env(
        tmp_path,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        GUNICORN_THREADS="2",
        exec_timeout="10s",
        DATABASE_URL=os.environ["DATABASE_URL"],
        REDIS_URL=os.environ["REDIS_URL"],
        DB_POOL_MIN="1",
        DB_POOL_MAX="2",
    )
    proc = subprocess.Popen(
        [sys.executable, "-I", "-S", "-B", "-c", GUNICORN_PROBE, str(contexts[name]), *SITE_DIRS],
        cwd=contexts[name],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        answers = {}
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None and len(answers) < 2:
            for path in ("/healthz", "/readyz"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as resp:
                        answers[path] = (resp.status, json.loads(resp.read()))
                except OSError:
                    time.sleep(0.2)
        assert proc.poll() is None, "gunicorn exited early"
        assert answers.get("/healthz") == (200, {"status": "ok", "function": name})
        assert answers.get("/readyz") == (200, {"status": "ready", "function": name})
    finally:
        proc.terminate()
        output = proc.communicate(timeout=30)[0]
    assert "connections opened before fork" not in output, output[-2000:]


def test_function_package_and_requirements(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "shared" / "workmonitor", root / "shared" / "workmonitor")
    shutil.copytree(ROOT / "migrations", root / "migrations")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    fn = root / "functions" / "demo"
    (fn / "templates").mkdir(parents=True)
    (fn / "handler.py").write_text("from workmonitor.web import create_function\napp = create_function('demo')\n")
    (fn / "templates" / "mail.txt").write_text("hello")
    (fn / "requirements.txt").write_text("# extra\nqrcode>=7\n")
    ctx = build_contexts.assemble("demo", root, tmp_path / "out")
    assert (ctx / "function" / "templates" / "mail.txt").read_text() == "hello"
    assert (ctx / "requirements.txt").read_text().splitlines()[-1] == "qrcode>=7"
    assert not (ctx / "function" / "requirements.txt").exists()
    # The function's own files live in its package: a Dockerfile there cannot replace the context's.
    (fn / "Dockerfile").write_text("FROM scratch\n")
    ctx = build_contexts.assemble("demo", root, tmp_path / "out")
    assert (ctx / "Dockerfile").read_text() != "FROM scratch\n"


# --- image recipe and edge config --------------------------------------------------------------------------------


def test_dockerfile_runs_watchdog_in_http_mode_as_non_root():
    text = (OPENFAAS / "Dockerfile").read_text()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    froms = [ln for ln in lines if ln.startswith("FROM ")]
    assert froms[0].startswith("FROM ghcr.io/openfaas/of-watchdog:0.") and froms[0].endswith(" AS watchdog")
    assert ":latest" not in froms[0]
    assert froms[-1].startswith("FROM python:3.11-slim")
    assert "COPY --from=watchdog /fwatchdog /usr/bin/fwatchdog" in lines
    assert 'mode="http"' in text and f'upstream_url="http://127.0.0.1:{validate_stack.UPSTREAM_PORT}"' in text
    assert 'fprocess="gunicorn --config /home/app/gunicorn.conf.py function.handler:app"' in text
    users = [ln.split()[1] for ln in lines if ln.startswith("USER ")]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert any(ln.startswith("HEALTHCHECK ") for ln in lines)
    assert lines[-1] == 'CMD ["fwatchdog"]'


def test_gunicorn_config_matches_the_watchdog(monkeypatch):
    for var in ("GUNICORN_BIND", "GUNICORN_WORKERS", "GUNICORN_THREADS", "exec_timeout", "write_timeout"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("exec_timeout", "1m")
    conf = runpy.run_path(str(OPENFAAS / "gunicorn.conf.py"))
    assert conf["bind"] == f"127.0.0.1:{validate_stack.UPSTREAM_PORT}"
    assert conf["preload_app"] is True and conf["workers"] >= 1 and conf["threads"] >= 1
    assert conf["timeout"] > 60


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_nginx_config_parses(tmp_path):
    certs = tmp_path / "certs"
    certs.mkdir()
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=t",
            "-keyout",
            str(certs / "key.pem"),
            "-out",
            str(certs / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )
    site = (ROOT / "infra" / "nginx" / "workmonitor.conf").read_text()
    site = site.replace("/etc/letsencrypt/live/workmonitor.example.com/fullchain.pem", str(certs / "cert.pem"))
    site = site.replace("/etc/letsencrypt/live/workmonitor.example.com/privkey.pem", str(certs / "key.pem"))
    (tmp_path / "site.conf").write_text(site)
    temp = " ".join(f"{kind}_temp_path {tmp_path};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
        f"http {{ access_log off; {temp} include {tmp_path}/site.conf; }}\n"
    )
    proc = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf")], check=False, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    for needle in (
        "limit_req zone=wm_auth",
        "location /function/auth/",
        "proxy_pass http://wm_openfaas",
        "location /socket.io/",
        "proxy_set_header Upgrade $http_upgrade",
        "Strict-Transport-Security",
    ):
        assert needle in site
