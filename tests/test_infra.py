"""Deployment files beside stack.yml: the services image's commands exist, compose/k8s parse, backups restore."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
INFRA = ROOT / "infra"


def _workloads() -> list[dict]:
    """Return the k8s documents that run containers (Jobs and Deployments; not Services)."""
    docs = yaml.safe_load_all((INFRA / "k8s" / "services.yaml").read_text())
    return [d for d in docs if "template" in d.get("spec", {})]


def _commands() -> list[list[str]]:
    compose = yaml.safe_load((INFRA / "faasd" / "docker-compose.yml").read_text())
    k8s = _workloads()
    cmds = [
        svc["command"]
        for svc in compose["services"].values()
        if svc["image"].startswith("ghcr.io/workmonitor/") and "command" in svc
    ]
    for doc in k8s:
        for container in doc["spec"]["template"]["spec"]["containers"]:
            cmds.append(container.get("command") or ["python", "-m", "gateway.server"])
    return cmds


def test_service_commands_name_modules_that_exist_and_answer_help():
    cmds = _commands()
    modules = {cmd[2] for cmd in cmds if cmd[:2] == ["python", "-m"]}
    assert modules == {"workmonitor.migrate", "workmonitor.worker", "workmonitor.metrics", "gateway.server"}
    for module in sorted(modules - {"workmonitor.migrate"}):
        out = subprocess.run(
            [sys.executable, "-m", module, "--help"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'shared'}"},
            check=False,
        )
        assert out.returncode == 0 and "usage" in out.stdout.lower(), (module, out.stderr)


def test_k8s_manifests_run_as_non_root_and_mount_secrets_where_the_library_reads_them():
    workloads = _workloads()
    assert {d["kind"] for d in workloads} == {"Job", "Deployment"}
    for doc in workloads:
        spec = doc["spec"]["template"]["spec"]
        assert spec["securityContext"]["runAsNonRoot"] is True, doc["metadata"]["name"]
        for container in spec["containers"]:
            assert {"name": "secrets", "mountPath": "/var/openfaas/secrets", "readOnly": True} in container[
                "volumeMounts"
            ]


def test_worker_module_runs_queued_jobs(stack):
    from workmonitor.jobs import registry

    registry.SEND_EMAIL.enqueue_now("ops@example.com", "Backup done", "All good.", "m-1")
    out = subprocess.run(
        [sys.executable, "-m", "workmonitor.worker", registry.SEND_EMAIL.queue, "--burst"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    mails = [p.read_text() for p in Path(stack["outbox"]).glob("*.eml")]
    assert any("Subject: Backup done" in m for m in mails)


def test_backup_script_writes_a_restorable_dump(stack, tmp_path, api):
    from factories import signup

    signup(api, company="Backed Up Co")
    assert shutil.which("pg_dump") and shutil.which("pg_restore"), "PostgreSQL client tools are needed"
    env = {**os.environ, "OWNER_DATABASE_URL": stack["owner_url"], "BACKUP_DIR": str(tmp_path), "S3_BACKUP": "0"}
    out = subprocess.run(
        ["bash", str(INFRA / "backup" / "backup.sh")], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr
    dumps = list(tmp_path.glob("workmonitor-*.dump"))
    assert len(dumps) == 1 and oct(dumps[0].stat().st_mode & 0o777) == "0o600"
    listing = subprocess.run(["pg_restore", "--list", str(dumps[0])], capture_output=True, text=True, check=True)
    assert "TABLE DATA public companies" in listing.stdout and "POLICY public users" in listing.stdout
