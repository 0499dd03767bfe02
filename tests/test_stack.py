"""OpenFaaS packaging: stack.yml validates the way faas-cli would, plus our rules (secrets derived from the code).

The real faas-cli and of-watchdog are exercised in tests/test_faas.py and tests/test_edge.py.
"""

from __future__ import annotations

import copy
import runpy
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OPENFAAS = ROOT / "infra" / "openfaas"
TEMPLATE = ROOT / "template" / "workmonitor-python3-http"
sys.path.insert(0, str(OPENFAAS))

import validate_stack  # noqa: E402 (infra/openfaas is not a package)

STACK = ROOT / "stack.yml"
FUNCTIONS = sorted(validate_stack.load_stack(STACK)["functions"])
SITE_DIRS = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})

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


def test_secrets_are_derived_from_each_functions_imports():
    fields = validate_stack.settings_secrets(ROOT)
    assert fields["database_url"] == {"database-url"} and fields["s3_access_key"] == {"s3-access-key"}
    for name in FUNCTIONS:
        needed = validate_stack.secrets_needed(ROOT, name)
        assert {"database-url", "redis-url", "jwt-secret"} <= set(needed), name
        closure = {p.relative_to(ROOT).as_posix() for p in validate_stack.import_closure(ROOT, name)}
        uses_storage = "shared/workmonitor/storage.py" in closure
        assert uses_storage == ({"s3-access-key", "s3-secret-key"} <= set(needed)), name
    assert "shared/workmonitor/storage.py" in validate_stack.secrets_needed(ROOT, "messaging")["s3-access-key"]
    assert "shared/workmonitor/metrics.py" in validate_stack.secrets_needed(ROOT, "auth")["metrics-token"]


def test_messaging_without_s3_credentials_is_rejected():
    """Issue 12 item 5: messaging stores attachments in S3, so it must get the S3 secrets."""
    data = copy.deepcopy(validate_stack.load_stack(STACK))
    fn = data["functions"]["messaging"]
    fn["secrets"] = [s for s in fn["secrets"] if not s.startswith("s3-")]
    problems = validate_stack.validate(data, ROOT)
    assert any("functions.messaging.secrets: missing 's3-access-key'" in p and "storage.py" in p for p in problems)


def _add_copies(data: dict, count: int, prefix: str = "extra") -> None:
    template = data["functions"][FUNCTIONS[0]]
    for i in range(count):
        fn = copy.deepcopy(template)
        fn["handler"] = f"./functions/{prefix}-{i}"
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
    data["functions"]["ghost"] = dict(copy.deepcopy(data["functions"][FUNCTIONS[0]]), handler="./functions/ghost")


def _drop_secret(data: dict) -> None:
    fn = data["functions"][FUNCTIONS[0]]
    fn["secrets"] = [s for s in fn["secrets"] if s != "jwt-secret"]


F = f"functions|{FUNCTIONS[0]}"
BROKEN = {
    "16 functions": (lambda d: _add_copies(d, 16 - len(d["functions"])), "OpenFaaS CE deploys at most 15"),
    "bad name": (_rename(FUNCTIONS[0], "Bad_Name"), "functions.Bad_Name: name must be a DNS-1123 label"),
    "name too long": (_rename(FUNCTIONS[0], "a" * 64), "must be a DNS-1123 label"),
    "missing handler dir": (_ghost, "functions/ghost/handler.py does not exist"),
    "handler elsewhere": (
        _set(f"{F}|handler", f"./build/{FUNCTIONS[0]}"),
        f"handler: must be ./functions/{FUNCTIONS[0]}",
    ),
    "old dockerfile lang": (_set(f"{F}|lang", "dockerfile"), "lang: must be 'workmonitor-python3-http'"),
    "no copy": (_set("configuration", KeyError), "configuration.copy: must include ./shared/workmonitor"),
    "copy outside": (
        _set("configuration", {"copy": ["./shared/workmonitor", "./migrations", "./pyproject.toml", "../x"]}),
        "configuration.copy: ../x does not exist inside the repository",
    ),
    "extra secret": (
        _set(f"{F}|secrets", ["database-url", "redis-url", "jwt-secret", "metrics-token", "smtp-password"]),
        "'smtp-password' is not used by this function's code",
    ),
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


# --- image recipe and edge config --------------------------------------------------------------------------------


def test_dockerfile_runs_watchdog_in_http_mode_as_non_root():
    text = (TEMPLATE / "Dockerfile").read_text()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    froms = [ln for ln in lines if ln.startswith("FROM ")]
    assert froms[0].startswith("FROM ghcr.io/openfaas/of-watchdog:0.") and froms[0].endswith(" AS watchdog")
    assert ":latest" not in froms[0]
    assert froms[-1].startswith("FROM python:3.11-slim")
    assert "COPY --from=watchdog /fwatchdog /usr/bin/fwatchdog" in lines
    assert 'mode="http"' in text and f'upstream_url="http://127.0.0.1:{validate_stack.UPSTREAM_PORT}"' in text
    assert 'fprocess="gunicorn --config /home/app/gunicorn.conf.py index:app"' in text
    # of-watchdog 0.11.5 panics on /_/ready with a buffered body plus ready_path; the lock file marks readiness.
    assert 'http_buffer_req_body="true"' in text and "ready_path" not in text.split("ENV fprocess")[1]
    assert 'suppress_lock="true"' in text and "<<" not in text
    users = [ln.split()[1] for ln in lines if ln.startswith("USER ")]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert any(ln.startswith("HEALTHCHECK ") for ln in lines)
    assert lines[-1] == 'CMD ["fwatchdog"]'


def test_gunicorn_config_matches_the_watchdog(monkeypatch):
    for var in ("GUNICORN_BIND", "GUNICORN_WORKERS", "GUNICORN_THREADS", "exec_timeout", "write_timeout"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("exec_timeout", "1m")
    monkeypatch.delenv("suppress_lock", raising=False)
    conf = runpy.run_path(str(TEMPLATE / "gunicorn.conf.py"))
    assert conf["bind"] == f"127.0.0.1:{validate_stack.UPSTREAM_PORT}"
    assert conf["preload_app"] is True and conf["workers"] >= 1 and conf["threads"] >= 1
    assert conf["timeout"] > 60
