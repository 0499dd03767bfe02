"""The real faas-cli on our stack.yml: complete build contexts, and what `faas-cli deploy` sends to the gateway.

`faas-cli build --shrinkwrap` writes build/<fn>/ exactly as `faas-cli build`/`up` would before calling Docker; each
context must hold the template, the function package and the copied library/migrations, and lay out (with the
template's assemble.py, as the Dockerfile does) into an app folder that imports without any secret.
`faas-cli deploy` talks to a loopback stand-in of the gateway's /system/functions, which records the requests.
"""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import tomllib

import pytest
from production import ROOT, TEMPLATE, assemble, checkout_view, dockerfile_env, faas_cli, shrinkwrap, vs

STACK = vs.load_stack(ROOT / "stack.yml")
FUNCTIONS = sorted(STACK["functions"])

IMPORT_PROBE = r"""
import json, sys
app_dir, repo, sites = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.path[:] = [app_dir] + [p for p in sys.path if "site-packages" not in p] + sites
import index
leaked = sorted(n for n, m in list(sys.modules.items())
                if (getattr(m, "__file__", None) or "").startswith(repo) and not m.__file__.startswith(app_dir)
                and not any(m.__file__.startswith(s) for s in sites))  # a venv inside the checkout is not the checkout
print(json.dumps({"function": index.app.extensions.get("workmonitor_function"), "leaked": leaked,
                  "status": index.app.test_client().get("/healthz").status_code}))
"""


@pytest.fixture(scope="module")
def contexts(tmp_path_factory):
    return shrinkwrap(tmp_path_factory.mktemp("faas"))


def pinned(path) -> dict[str, str]:
    """Return name -> its whole entry (pin and hashes) from a pip-compile style requirements file."""
    entries = {}
    for block in path.read_text().replace("\\\n", " ").split("\n"):
        if block and block[0].isalnum():
            entries[block.split("==")[0]] = " ".join(block.split())
    return entries


def test_shrinkwrap_yields_a_complete_context_for_every_function(contexts):
    assert sorted(contexts) == FUNCTIONS
    library = sorted(p.relative_to(ROOT / "shared").as_posix() for p in (ROOT / "shared/workmonitor").rglob("*.py"))
    migrations = sorted(p.name for p in (ROOT / "migrations").glob("*.sql"))
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    locked = pinned(ROOT / "requirements.lock")
    apps = []
    for name, ctx in contexts.items():
        for file in ("Dockerfile", "template.yml", "index.py", "gunicorn.conf.py", "assemble.py", ".dockerignore"):
            assert (ctx / file).read_bytes() == (TEMPLATE / file).read_bytes(), (name, file)
        for src in (ROOT / "functions" / name).rglob("*.py"):
            assert (ctx / "function" / src.relative_to(ROOT / "functions" / name)).read_bytes() == src.read_bytes()
        app = assemble(ctx, ctx.parent / f"{name}-app")
        apps.append(app / "requirements.txt")
        # faas-cli makes build/<fn>/function 0700: the image's uid 10001 must still read every file and folder
        assert all(p.stat().st_mode & 0o444 == 0o444 for p in [app, *app.rglob("*")]), name
        assert sorted(p.relative_to(app).as_posix() for p in (app / "workmonitor").rglob("*.py")) == library
        assert sorted(p.name for p in (app / "migrations").glob("*.sql")) == migrations
        assert not (app / "function" / "shared").exists() and not (app / "function" / "migrations").exists()
        reqs = pinned(app / "requirements.txt")
        assert reqs.items() <= locked.items(), name  # lock entries only, pins and hashes verbatim
        assert {"gunicorn", "flask", "psycopg", "psycopg-binary", "pydantic"} <= reqs.keys(), name
        # The Stripe SDK brings requests, its HTTP client; finance releases milestones through Stripe Connect.
        stripe_sdk = name in {"billing", "stripe-webhook", "finance"}
        assert ("stripe" in reqs) == stripe_sdk and ("requests" in reqs) == stripe_sdk, name
        assert "aiohttp" not in reqs, name  # the gateway's only
        # images: media (thumbnails), finance (receipts checked by decoding), reports (reportlab needs Pillow)
        assert ("pillow" in reqs) == (name in {"media", "finance", "reports"}), name
        # S3: uploads, attachments, receipts, export files and imports, and the privacy center's export links
        assert ("boto3" in reqs) == (name in {"media", "messaging", "team", "finance", "reports"}), name
        # TOTP/SSO secrets, calendar tokens, companies' own Stripe keys (encrypted at rest; finance: Connect payouts)
        assert ("cryptography" in reqs) == (name in {"auth", "integrations", "billing", "stripe-webhook", "finance"}), (
            name
        )
    assert {dep.split(">")[0].split("[")[0] for dep in deps} - set().union(*(pinned(c) for c in apps)) == {
        "aiohttp",
    }, "every other runtime dependency is imported by some function"


def test_template_fprocess_matches_the_dockerfile():
    template = (TEMPLATE / "template.yml").read_text()
    fprocess = next(ln.split(":", 1)[1].strip() for ln in template.splitlines() if ln.startswith("fprocess:"))
    assert dockerfile_env()["fprocess"] == fprocess == "gunicorn --config /home/app/gunicorn.conf.py index:app"


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_context_imports_without_secrets_or_the_checkout(contexts, name, tmp_path):
    """The Dockerfile's build-time `import index`, with no secret at all and nothing from the repository."""
    import sysconfig

    app = assemble(contexts[name], tmp_path / "app")
    sites = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    run = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", IMPORT_PROBE, str(app), str(ROOT), *sites],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "WM_SECRETS_DIR": str(tmp_path / "none")},
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["function"] == name and result["leaked"] == []
    assert result["status"] == 503  # no signing key: it refuses to serve rather than failing the import


def test_an_incomplete_context_is_refused(contexts, tmp_path):
    import shutil

    broken = tmp_path / "ctx"
    shutil.copytree(contexts[FUNCTIONS[0]], broken)
    shutil.rmtree(broken / "function" / "migrations")
    run = subprocess.run(
        [sys.executable, str(broken / "assemble.py"), str(broken), str(tmp_path / "app")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1 and "function/migrations/*.sql" in run.stderr


class _Gateway(http.server.BaseHTTPRequestHandler):
    """A stand-in for the OpenFaaS gateway's /system/functions: records each deployment, answers 202."""

    seen: list[tuple[str, str, dict]] = []

    def _record(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append((self.command, self.path, json.loads(body) if body else {}))
        self.send_response(202 if self.path == "/system/functions" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = _record

    def log_message(self, *args) -> None:
        pass


def test_deploy_sends_stack_env_secrets_labels_and_annotations(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Gateway)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Gateway.seen = []
    try:
        gateway = f"http://127.0.0.1:{server.server_address[1]}"
        run = faas_cli(["deploy", "-f", "stack.yml", "--gateway", gateway], checkout_view(tmp_path), gateway)
    finally:
        server.shutdown()
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    sent = {body["service"]: body for method, path, body in _Gateway.seen if path == "/system/functions"}
    assert sorted(sent) == FUNCTIONS
    for name, fn in STACK["functions"].items():
        body = sent[name]
        assert body["image"] == fn["image"]
        assert body["envProcess"] == dockerfile_env()["fprocess"]
        assert body["envVars"] == fn["environment"]
        assert body["secrets"] == fn["secrets"]
        assert sorted(fn["secrets"]) == sorted(vs.secrets_needed(ROOT, name))
        assert body["labels"] == fn["labels"]
        assert (body.get("annotations") or {}) == (fn.get("annotations") or {})
        assert body["limits"]["memory"] == fn["limits"]["memory"]
    assert sent["messaging"]["envVars"]["TRUSTED_PROXY_HOPS"] == "1"
    assert {"s3-access-key", "s3-secret-key"} <= set(sent["messaging"]["secrets"])
    assert sent["scheduler"]["annotations"]["topic"] == "cron-function"
