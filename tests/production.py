"""The production path with the real OpenFaaS tools: faas-cli contexts, the template's layout, fwatchdog processes.

Tools come from FAAS_CLI / FWATCHDOG, else PATH, else a `shared/tools/` folder beside an ancestor of the checkout
(the handbook's ../shared/tools). A missing tool fails the test: these checks are never skipped.
Nothing here reaches the internet: faas-cli only shrinkwraps, or deploys to a loopback stand-in.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "infra" / "openfaas"))
import validate_stack as vs  # noqa: E402, F401 (infra/openfaas is not a package; test modules use `vs`)

TEMPLATE = ROOT / "template" / "workmonitor-python3-http"
STACK = ROOT / "stack.yml"
VENVS = ROOT / ".var" / "venvs"


def tool(name: str) -> Path:
    """Return the path of a real OpenFaaS tool (faas-cli, fwatchdog); fail the test when it cannot be found."""
    env = os.environ.get(name.upper().replace("-", "_"))
    candidates = [Path(env)] if env else []
    if shutil.which(name):
        candidates.append(Path(shutil.which(name)))
    candidates += [parent / "shared" / "tools" / name for parent in ROOT.parents]
    candidates.append(Path("/work/shared/tools") / name)  # where these machines keep them, for a checkout elsewhere
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    pytest.fail(f"{name} not found: set {name.upper().replace('-', '_')} or put it in ../shared/tools/")


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def faas_cli(args: list[str], cwd: Path, gateway: str = "http://127.0.0.1:9", timeout: int = 120):
    """Run the real faas-cli in `cwd` with a throwaway HOME and a loopback OPENFAAS_URL; return the completed run."""
    home = cwd / ".faas-home"
    home.mkdir(exist_ok=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "OPENFAAS_URL": gateway}
    return subprocess.run(
        [str(tool("faas-cli")), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def checkout_view(tmp: Path) -> Path:
    """Return a folder that looks like the checkout to faas-cli (symlinks), so its build/ lands outside the repo."""
    view = tmp / "repo"
    view.mkdir()
    for name in ("template", "functions", "shared", "migrations", "requirements.lock"):
        (view / name).symlink_to(ROOT / name)
    shutil.copyfile(STACK, view / "stack.yml")
    return view


def shrinkwrap(tmp: Path) -> dict[str, Path]:
    """Run `faas-cli build --shrinkwrap -f stack.yml`; return {function: its build context}."""
    view = checkout_view(tmp)
    run = faas_cli(["build", "--shrinkwrap", "-f", "stack.yml"], view)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return {p.name: p for p in sorted((view / "build").iterdir()) if p.is_dir()}


def assemble(context: Path, out: Path) -> Path:
    """Lay out `context` as the image's /home/app with the template's own assemble.py (as the Dockerfile does)."""
    run = subprocess.run(
        [sys.executable, str(context / "assemble.py"), str(context), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return out


def dockerfile_env() -> dict[str, str]:
    """Return the ENV settings of the Dockerfile's final stage (what the image gives fwatchdog and gunicorn)."""
    text = (TEMPLATE / "Dockerfile").read_text().replace("\\\n", " ")
    stages = text.split("\nFROM ")
    env: dict[str, str] = {}
    for line in stages[-1].splitlines():
        if line.strip().startswith("ENV "):
            for pair in shlex.split(line.strip()[4:]):
                key, _, value = pair.partition("=")
                env[key] = value
    return env


# --- a Python that sees only the function's requirements ---------------------------------------------------------


def runtime_bin(requirements: Path, tmp: Path) -> tuple[Path, str]:
    """Return (a bin folder holding `gunicorn`, what it is) for a function with this requirements.txt.

    Always a clean virtualenv holding only the function's requirements. With WM_CLEAN_VENV=1 (make venv-check) it is
    pip-installed from the hashed lines and cached in .var/venvs/<hash>/; otherwise (make test) it is made in a
    second from this venv's installed distributions of exactly those names, hard-linked (`linked_venv`).
    """
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()[:16]
    venv = VENVS / digest
    if (venv / ".complete").exists() or os.environ.get("WM_CLEAN_VENV") == "1":
        if not (venv / ".complete").exists():
            shutil.rmtree(venv, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
            pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-r", str(requirements)]
            subprocess.run(pip, check=True, timeout=900)
            (venv / ".complete").write_text(requirements.read_text())
        return venv / "bin", f"clean venv {venv}"
    linked = tmp / f"venv-{digest}"
    if not (linked / ".complete").exists():
        missing = linked_venv(requirements, linked)
        (linked / ".complete").write_text(" ".join(missing))
    missing_note = (linked / ".complete").read_text()
    note = f" (not installed here, so absent: {missing_note})" if missing_note else ""
    return linked / "bin", f"clean venv with only its requirements, linked from this venv{note}"


GUNICORN = """#!{python}
import sys
from gunicorn.app.wsgiapp import run
sys.exit(run())
"""


def linked_venv(requirements: Path, dest: Path) -> list[str]:
    """Make a virtualenv at `dest` holding only the distributions `requirements` names (hard links of this venv's
    installed files, so it takes a second); return the names this venv does not have (e.g. a backport)."""
    from importlib import metadata

    from packaging.requirements import Requirement

    shutil.rmtree(dest, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(dest)], check=True, timeout=120)
    here = Path(sysconfig.get_paths()["purelib"]).resolve()
    site = dest / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    missing = []
    for line in requirements.read_text().splitlines():
        line = line.strip().rstrip("\\").strip()
        if not line or line.startswith(("#", "--")):
            continue
        req = Requirement(line)
        if req.marker is not None and not req.marker.evaluate():
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            missing.append(req.name)
            continue
        for file in dist.files or []:
            src = Path(str(dist.locate_file(file))).resolve()
            if not src.is_file() or not src.is_relative_to(here):
                continue  # console scripts and data outside site-packages
            target = site / src.relative_to(here)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                try:
                    os.link(src, target)
                except OSError:  # another filesystem
                    shutil.copy2(src, target)
    script = dest / "bin" / "gunicorn"
    script.write_text(GUNICORN.format(python=dest / "bin" / "python"))
    script.chmod(0o755)
    return missing


# --- functions behind the real fwatchdog ---------------------------------------------------------------------------


@dataclass
class Running:
    """One function running from its context behind fwatchdog."""

    name: str
    app: Path
    port: int  # fwatchdog
    upstream: int  # gunicorn
    env: dict[str, str]
    proc: subprocess.Popen
    log: Path
    states: list[tuple[int, int, bool]] = field(default_factory=list)  # (/_/health, /_/ready, gunicorn answered)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def status(url: str, timeout: float = 2.0) -> int:
    """Return the HTTP status of GET url, or 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def start(
    name: str, app: Path, bindir: Path, stack_env: dict, secrets: dict[str, str], overrides: dict, tmp: Path
) -> Running:
    """Start fwatchdog for one function: the Dockerfile's ENV, then stack.yml's environment, then loopback overrides.

    Secrets are files in a secrets folder (as OpenFaaS mounts them), never environment variables.
    """
    port, upstream = free_port(), free_port()
    secrets_dir, tmpdir = tmp / f"{name}-secrets", tmp / f"{name}-tmp"
    secrets_dir.mkdir()
    tmpdir.mkdir()
    for key, value in secrets.items():
        (secrets_dir / key).write_text(value)
    env = {k: v.replace("/home/app", str(app)) for k, v in dockerfile_env().items()}
    env.update(stack_env)
    env.update(overrides)
    env.update(
        {
            "PATH": f"{bindir}:/usr/bin:/bin",
            "HOME": str(tmp),
            "LANG": "C.UTF-8",
            "TMPDIR": str(tmpdir),  # the watchdog's lock file: $TMPDIR/.lock
            "WM_SECRETS_DIR": str(secrets_dir),  # stands in for /var/openfaas/secrets
            "port": str(port),
            "upstream_url": f"http://127.0.0.1:{upstream}",
            "GUNICORN_BIND": f"127.0.0.1:{upstream}",
        }
    )
    log = tmp / f"{name}.log"
    proc = subprocess.Popen(  # its own process group: stop() ends the watchdog, gunicorn and its workers together
        [str(tool("fwatchdog"))],
        cwd=app,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    fn = Running(name, app, port, upstream, env, proc, log)
    fn.states.append((status(fn.url("/_/health")), status(fn.url("/_/ready")), False))  # at once: not yet
    return fn


def wait_ready(fns: list[Running], deadline: float) -> None:
    """Poll every function's /_/health, /_/ready and gunicorn itself, round robin, until each watchdog says ready.

    Each poll is recorded in `states`, so a test can prove 200 never came before gunicorn answered.
    """
    waiting = list(fns)
    while waiting and time.monotonic() < deadline:
        for fn in list(waiting):
            health, ready = status(fn.url("/_/health")), status(fn.url("/_/ready"))
            answered = status(f"http://127.0.0.1:{fn.upstream}/healthz") == 200
            fn.states.append((health, ready, answered))
            if (health == 200 and ready == 200) or fn.proc.poll() is not None:
                waiting.remove(fn)
        time.sleep(0.05)


def stop(*fns: Running) -> None:
    """End each watchdog's process group (watchdog, gunicorn, workers): SIGTERM, then SIGKILL after 1 s.

    (The watchdog itself waits healthcheck_interval after SIGTERM before exiting; gunicorn shuts down at once.)
    """
    for fn in fns:
        if fn.proc.poll() is None:
            os.killpg(fn.proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + 1
    for fn in fns:
        with contextlib.suppress(subprocess.TimeoutExpired):
            fn.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(fn.proc.pid, signal.SIGKILL)
        fn.proc.wait()
