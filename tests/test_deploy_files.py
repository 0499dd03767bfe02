"""The production files say what the issue-12 review found missing: faasd secret folders, full service config,
Pod Security "restricted", re-appliable migrations, pinned images, a buildable Dockerfile and a lock file.

faasd facts checked here come from its source (github.com/openfaas/faasd): the provider writes function secrets
to /var/lib/faasd-provider/secrets/<namespace>/ (cmd/provider.go, handlers/secret.go), and the supervisor
chowns a bind-mount folder only when `user:` is a bare number (pkg/supervisor.go).
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
INFRA = ROOT / "infra"
FAASD_FN_SECRETS = "/var/lib/faasd-provider/secrets/openfaas-fn"
OURS = "ghcr.io/workmonitor/"
# What a worker or the gateway needs besides secrets: S3 (not AWS's public endpoint), SMTP (not a file in the
# container), links in emails, CORS.
SERVICE_ENV = {"S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "SMTP_HOST", "SMTP_PORT", "SMTP_FROM", "PUBLIC_URL"}


def _compose() -> dict:
    return yaml.safe_load((INFRA / "faasd" / "docker-compose.yml").read_text())["services"]


def _k8s() -> list[dict]:
    return list(yaml.safe_load_all((INFRA / "k8s" / "services.yaml").read_text()))


def _pods(docs: list[dict]) -> list[tuple[str, dict]]:
    return [(d["metadata"]["name"], d["spec"]["template"]["spec"]) for d in docs if d["kind"] in ("Job", "Deployment")]


def test_faasd_services_read_faas_cli_secrets_and_never_the_admin_password():
    services = _compose()
    ours = {name: svc for name, svc in services.items() if svc["image"].startswith(OURS)}
    assert set(ours) >= {"migrate", "ws-gateway", "worker", "queue-exporter"}
    for name, svc in ours.items():
        binds = {v["source"]: v for v in svc.get("volumes", [])}
        assert binds[FAASD_FN_SECRETS]["target"] == "/var/openfaas/secrets" and binds[FAASD_FN_SECRETS]["read_only"]
        assert not any(src.startswith(("/var/lib/faasd/secrets", "./secrets")) for src in binds), name
        assert "user" not in svc, f"{name}: a numeric user: makes faasd chown the secrets folder"
    for name, svc in services.items():
        uses_admin = any("basic-auth" in v["source"] for v in svc.get("volumes", []))
        assert uses_admin == (name == "cron-connector"), name


def test_faasd_workers_and_gateway_get_their_configuration():
    services = _compose()
    for name in ("worker", "ws-gateway", "migrate"):
        env = services[name]["environment"]
        assert set(env) >= SERVICE_ENV, (name, SERVICE_ENV - set(env))
        assert env["S3_ENDPOINT"] == "http://minio:9000" and env["WM_SECRETS_DIR"] == "/var/openfaas/secrets"
    migrate = services["migrate"]["command"]
    assert migrate[:3] == ["python", "-m", "workmonitor.migrate"] and "--create-bucket" in migrate
    assert int(services["migrate"]["environment"]["MIGRATE_WAIT"]) >= 60  # faasd restarts nothing


def test_faasd_postgres_runs_as_a_bare_uid_that_faasd_chowns_and_a_cron_connector_runs_schedules():
    services = _compose()
    assert services["postgres"]["user"] == "70"
    cron = services["cron-connector"]
    assert cron["image"].startswith("ghcr.io/openfaas/cron-connector:")
    assert cron["environment"]["gateway_url"] == "http://gateway:8080" and cron["environment"]["basic_auth"] == "true"
    stack = yaml.safe_load((ROOT / "stack.yml").read_text())
    assert any(f.get("annotations", {}).get("topic") == "cron-function" for f in stack["functions"].values())


def test_images_are_pinned_by_tag_never_latest():
    images = [svc["image"] for svc in _compose().values()]
    images += [c["image"] for _, spec in _pods(_k8s()) for c in spec["containers"]]
    for image in images:
        tag = image.rsplit("/", 1)[-1].partition(":")[2]
        assert tag and tag != "latest", image
    ours = {i for i in images if i.startswith(OURS)}
    assert len(ours) == 1, f"one services image, one tag everywhere: {ours}"


def test_k8s_pods_pass_pod_security_restricted():
    for name, spec in _pods(_k8s()):
        pod = spec["securityContext"]
        assert pod["runAsNonRoot"] is True and pod["seccompProfile"]["type"] == "RuntimeDefault", name
        assert spec.get("hostNetwork") is not True and spec.get("hostPID") is not True, name
        for c in spec["containers"]:
            sc = c["securityContext"]
            assert sc["allowPrivilegeEscalation"] is False, name
            assert sc["capabilities"]["drop"] == ["ALL"] and not sc["capabilities"].get("add"), name
            assert sc["readOnlyRootFilesystem"] is True, name
            mounts = {m["mountPath"] for m in c["volumeMounts"]}
            assert {"/tmp", "/var/openfaas/secrets"} <= mounts, name
            assert c["envFrom"] == [{"configMapRef": {"name": "workmonitor-config"}}], name
        assert all("hostPath" not in v for v in spec["volumes"]), name


def test_k8s_config_migrate_job_probes_and_gateway_affinity():
    docs = _k8s()
    config = next(d for d in docs if d["kind"] == "ConfigMap")
    assert set(config["data"]) >= SERVICE_ENV
    job = next(d for d in docs if d["kind"] == "Job")
    image_tag = job["spec"]["template"]["spec"]["containers"][0]["image"].rsplit(":", 1)[1]
    # A Job's template is immutable: one Job per release, named after the image tag, so the next apply creates one.
    assert job["metadata"]["name"] == "workmonitor-migrate-" + image_tag.replace(".", "-")
    assert job["spec"]["ttlSecondsAfterFinished"] > 0
    pods = dict(_pods(docs))
    worker = pods["workmonitor-worker"]["containers"][0]
    assert worker["livenessProbe"]["exec"]["command"] == ["python", "-m", "workmonitor.worker", "--check"]
    gw_service = next(d for d in docs if d["kind"] == "Service" and d["metadata"]["name"] == "workmonitor-ws-gateway")
    assert "sessionAffinity" not in gw_service["spec"]  # behind an ingress, ClientIP pins every socket to one pod
    ingress = next(d for d in docs if d["kind"] == "Ingress")
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    paths = [p["path"] for r in ingress["spec"]["rules"] for p in r["http"]["paths"]]
    assert paths == ["/socket.io/"]  # the gateway's /metrics and /healthz stay inside the cluster
    web_socket = (ROOT / "clients" / "web" / "src" / "socket.ts").read_text()
    assert 'transports: ["websocket"]' in web_socket  # the web app needs no affinity at all


def test_worker_liveness_check_answers(stack):
    import subprocess
    import sys
    import time

    from workmonitor.worker import alive_here

    assert alive_here() is False
    proc = subprocess.Popen([sys.executable, "-m", "workmonitor.worker", "email"], cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while not alive_here() and time.monotonic() < deadline:
            time.sleep(0.2)
        check = subprocess.run([sys.executable, "-m", "workmonitor.worker", "--check"], cwd=ROOT, timeout=60)
        assert check.returncode == 0
    finally:
        proc.terminate()
        proc.wait(30)
    assert alive_here() is False  # a stopped worker unregisters: the probe fails


def test_services_dockerfile_has_no_heredoc_and_installs_the_lock_file():
    text = (INFRA / "services" / "Dockerfile").read_text()
    assert "<<" not in text, "Debian's buildah cannot build heredocs"
    assert re.search(r"pip install .*--require-hashes -r requirements\.lock", text)
    assert "COPY requirements.lock" in text
    ignore = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()}
    assert {"**/.venv", "**/node_modules", "**/.var", "build"} <= ignore


def _locked() -> dict[str, tuple[str, list[str]]]:
    """Return name -> (version, hashes) from requirements.lock."""
    text = (ROOT / "requirements.lock").read_text().replace("\\\n", " ")
    out = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        assert not line.startswith("-"), f"no index or find-links options in the lock (local paths): {line}"
        spec, *rest = line.split()
        name, _, version = spec.partition("==")
        out[canonicalize_name(name.split(";")[0])] = (version, [h for h in rest if h.startswith("--hash=sha256:")])
    return out


def test_lock_file_pins_every_dependency_of_pyproject_with_hashes():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    locked = _locked()
    assert locked and all(version and hashes for version, hashes in locked.values()), "pins with hashes"
    for dep in map(Requirement, deps):
        name = canonicalize_name(dep.name)
        assert name in locked, f"{dep} is not in requirements.lock: regenerate it (see its header)"
        assert dep.specifier.contains(locked[name][0], prereleases=True), (str(dep), locked[name][0])
        for extra in dep.extras:  # psycopg[binary] -> psycopg-binary
            assert canonicalize_name(f"{dep.name}-{extra}") in locked, f"{dep.name}[{extra}]"


def test_lock_file_is_closed_under_the_installed_requirements():
    """Every requirement of a locked package (as installed in the test venv, same version) is locked too."""
    from importlib import metadata

    locked = _locked()
    for name, (version, _) in locked.items():
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if dist.version != version:
            continue
        for raw in dist.requires or []:
            req = Requirement(raw)
            if req.marker and not req.marker.evaluate({"extra": ""}):
                continue
            assert canonicalize_name(req.name) in locked, f"{name} needs {req.name}, missing from requirements.lock"


def test_migrator_waits_for_the_server_and_creates_the_bucket(stack, monkeypatch):
    import time

    import psycopg
    import pytest
    from services import free_port

    from workmonitor import config, migrate, storage

    said: list[str] = []
    started = time.monotonic()
    with pytest.raises(psycopg.OperationalError):
        migrate.wait_for_server(f"postgresql://postgres@127.0.0.1:{free_port()}/x", timeout=2, log=said.append)
    assert len(said) >= 2 and time.monotonic() - started < 10  # retried with backoff, then gave up
    migrate.wait_for_server(stack["owner_url"], timeout=5)
    bucket = f"wm-migrate-{os.getpid()}"
    monkeypatch.setenv("S3_BUCKET", bucket)
    config.settings.cache_clear()
    try:
        migrate.ensure_bucket()
        migrate.ensure_bucket()  # idempotent
        storage.client().head_bucket(Bucket=bucket)
    finally:
        storage.client().delete_bucket(Bucket=bucket)
        monkeypatch.undo()
        config.settings.cache_clear()
