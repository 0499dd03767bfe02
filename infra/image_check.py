"""`make image-check`: one function image built with buildah from the template's Dockerfile, run with podman.

No container registry is reachable here, so two local images stand in for the Dockerfile's defaults:
    localhost/wm-base:bookworm      Debian bookworm with Python 3.11 (mmdebstrap, then `podman import`): as
                                    python:3.11-slim-bookworm, `python` and pip install system-wide
    localhost/wm-watchdog:0.11.5    the real fwatchdog (../shared/tools) at /fwatchdog, as of-watchdog's image
The build context is the real faas-cli's (`build --shrinkwrap --filter <fn>`, into build/<fn>/). pip in the build
installs from a wheelhouse (.var/image-check/wheels, filled by `pip download` with this machine's pip settings and
mounted at /wheels) with --require-hashes. The image then migrates a fresh database itself (`python -m
workmonitor.migrate --create-db`) and serves behind fwatchdog with the secrets mounted at /var/openfaas/secrets and
stack.yml's environment, on the host network (PostgreSQL and Redis are on loopback) on free ports; the check calls
/_/health, /_/ready, and real routes (auth: signup then GET /me with the token). Everything is reused when present
(base images, wheels, buildah's layer cache); the container, database and Redis database are removed at the end.
Run as root. Usage: python infra/image_check.py [function]   (default auth; WM_IMAGE_FUNCTION too)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "shared"), str(ROOT / "infra" / "local"), str(ROOT / "infra" / "openfaas")]

import psycopg  # noqa: E402
import redis  # noqa: E402
import services  # noqa: E402
import validate_stack  # noqa: E402
from psycopg import sql  # noqa: E402

from workmonitor import keys  # noqa: E402

VAR = ROOT / ".var" / "image-check"
BASE = "localhost/wm-base:bookworm"
WATCHDOG = "localhost/wm-watchdog:0.11.5"
BASE_PACKAGES = "python3,python3-venv,python3-pip,python-is-python3,ca-certificates"
MIRROR = "http://deb.debian.org/debian"
SECRETS = ("database-url", "redis-url", "jwt-secret", "metrics-token", "s3-access-key", "s3-secret-key")


def log(message: str) -> None:
    """Print one progress line with the seconds since the start."""
    print(f"[{time.monotonic() - START:6.1f}s] {message}", flush=True)


def run(*cmd: str | Path, capture: bool = False, timeout: float = 1800) -> str:
    """Run a command (fail loudly on a non-zero exit); return its stdout when captured."""
    done = subprocess.run([str(c) for c in cmd], capture_output=capture, text=True, timeout=timeout, check=False)
    if done.returncode:
        detail = (done.stdout or "")[-3000:] + (done.stderr or "")[-3000:] if capture else ""
        sys.exit(f"image-check: {' '.join(map(str, cmd))[:300]} exited {done.returncode}\n{detail}")
    return done.stdout if capture else ""


def tool(name: str) -> Path:
    """Return a real OpenFaaS tool (env FAAS_CLI / FWATCHDOG / OCI_RUNTIME, else ../shared/tools/<name>)."""
    env = os.environ.get({"oci-runtime-norlimits": "OCI_RUNTIME"}.get(name, name.upper().replace("-", "_")))
    found = [parent / "shared" / "tools" / name for parent in ROOT.parents] + [Path("/work/shared/tools") / name]
    for path in [Path(env)] if env else found:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    sys.exit(f"image-check: {name} not found (set its variable or put it in ../shared/tools/)")


def podman(*args: str | Path, capture: bool = False) -> str:
    """Run podman with the sandbox's runtime (no rlimits) and cgroupfs."""
    rt = tool("oci-runtime-norlimits")
    return run("podman", "--runtime", rt, "--cgroup-manager", "cgroupfs", *args, capture=capture)


def exists(image: str) -> bool:
    """Return True when the local image store holds `image`."""
    return subprocess.run(["podman", "image", "exists", image], check=False).returncode == 0


# --- the tools and the stand-in images ------------------------------------------------------------------------


def ensure_packages() -> None:
    """Install buildah, podman, mmdebstrap and runc from Debian when missing (root only); write containers.conf."""
    # runc: ../shared/tools/oci-runtime-norlimits wraps /usr/sbin/runc (podman alone brings crun)
    wanted = {"buildah": "buildah", "podman": "podman", "mmdebstrap": "mmdebstrap", "runc": "/usr/sbin/runc"}
    missing = [pkg for pkg, cmd in wanted.items() if not shutil.which(cmd)]
    if missing:
        if os.geteuid() != 0:
            sys.exit(f"image-check: {', '.join(missing)} missing; run as root (apt-get install {' '.join(missing)})")
        run("apt-get", "update", "-qq")
        run("apt-get", "install", "-y", "-qq", *missing, capture=True)
    VAR.mkdir(parents=True, exist_ok=True)
    conf = VAR / "containers.conf"  # the sandbox cannot set rlimits: containers get none
    conf.write_text('[containers]\ndefault_ulimits = []\n\n[engine]\ncgroup_manager = "cgroupfs"\n')
    os.environ["CONTAINERS_CONF"] = str(conf)


def ensure_base() -> None:
    """Make localhost/wm-base:bookworm (Debian bookworm, Python 3.11, pip) with mmdebstrap unless it exists."""
    if exists(BASE):
        log(f"{BASE}: present, reused")
        return
    tar = VAR / "base.tar"
    hooks = [
        'rm -f "$1"/usr/lib/python3*/EXTERNALLY-MANAGED',  # like the python image: pip installs system-wide
        'rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*',
    ]
    excludes = [f"--dpkgopt=path-exclude=/usr/share/{d}/*" for d in ("man", "doc", "locale", "info")]
    hook_args = [f"--customize-hook={h}" for h in hooks]
    run("mmdebstrap", "--variant=minbase", f"--include={BASE_PACKAGES}", *excludes, *hook_args, "bookworm", tar, MIRROR)
    podman("import", "--change", 'CMD ["python3"]', tar, BASE, capture=True)
    tar.unlink()
    log(f"{BASE}: made with mmdebstrap and imported")


def ensure_watchdog() -> None:
    """Make localhost/wm-watchdog:0.11.5 (scratch + the real fwatchdog at /fwatchdog) unless it exists."""
    if exists(WATCHDOG):
        log(f"{WATCHDOG}: present, reused")
        return
    ctr = run("buildah", "from", "scratch", capture=True).strip()
    run("buildah", "copy", "--chmod", "0755", ctr, tool("fwatchdog"), "/fwatchdog", capture=True)
    run("buildah", "commit", "--quiet", ctr, WATCHDOG, capture=True)
    run("buildah", "rm", ctr, capture=True)
    log(f"{WATCHDOG}: made from {tool('fwatchdog')}")


# --- context, wheels, image -----------------------------------------------------------------------------------


def shrinkwrap(fn: str) -> Path:
    """Write build/<fn>/ with the real faas-cli (loopback gateway: nothing leaves the machine)."""
    home = Path(tempfile.mkdtemp(prefix="wm-faas-home-"))
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "OPENFAAS_URL": "http://127.0.0.1:9"}
    cmd = [str(tool("faas-cli")), "build", "--shrinkwrap", "-f", "stack.yml", "--filter", fn]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    shutil.rmtree(home, ignore_errors=True)
    context = ROOT / "build" / fn
    if done.returncode or not (context / "Dockerfile").is_file():
        sys.exit(f"image-check: faas-cli build --shrinkwrap failed\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return context


def wheelhouse(context: Path) -> Path:
    """Download the function's requirements (as assemble.py derives them) into the wheelhouse; return it."""
    with tempfile.TemporaryDirectory() as tmp:
        run(sys.executable, context / "assemble.py", context, Path(tmp) / "app")
        reqs = (Path(tmp) / "app" / "requirements.txt").read_text()
    wheels = VAR / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    (VAR / "requirements.txt").write_text(reqs)
    pip = [sys.executable, "-m", "pip", "download", "-q", "--require-hashes", "--only-binary=:all:"]
    run(*pip, "--dest", wheels, "-r", VAR / "requirements.txt", capture=True)
    names = [ln.split("==")[0] for ln in reqs.splitlines() if ln[:1].isalnum()]
    log(f"wheelhouse: {len(names)} distributions for this function ({', '.join(names)})")
    return wheels


def build(fn: str, context: Path, wheels: Path) -> str:
    """Build the function's image with buildah from the context's own Dockerfile; return its name."""
    image = f"localhost/workmonitor/{fn}:check"
    run(
        "buildah", "bud", "--quiet", "--layers", "--format", "docker", "--network", "none",
        "--runtime", tool("oci-runtime-norlimits"), "--volume", f"{wheels}:/wheels:ro",
        "--build-arg", f"BASE_IMAGE={BASE}", "--build-arg", f"WATCHDOG_IMAGE={WATCHDOG}",
        "--build-arg", "PIP_ARGS=--no-index --find-links /wheels",
        "-f", context / "Dockerfile", "-t", image, context,
    )  # fmt: skip
    size = podman("image", "inspect", "--format", "{{.Size}}", image, capture=True).strip()
    log(f"{image}: built ({int(size) / 1e6:.0f} MB)")
    return image


# --- running it -----------------------------------------------------------------------------------------------


class Resources:
    """A fresh database and a claimed Redis database for one run; `close` gives both back."""

    def __init__(self) -> None:
        svc = services.Services()
        services.ensure_postgres(svc)
        services.ensure_redis(svc)
        self.dbname = f"wm_image_{os.getpid()}"
        self.owner_url = services.with_db(svc.pg_owner_url, self.dbname)
        self.app_url = services.with_db(svc.pg_owner_url, self.dbname, user="workmonitor_app")
        self.admin_url = services.with_db(svc.pg_owner_url, "postgres")
        self.redis_base = svc.redis_url.rsplit("/", 1)[0]
        claims = redis.Redis.from_url(f"{self.redis_base}/0")
        free = (n for n in range(1, 16) if claims.set(keys.template_db_claim(n), os.getpid(), nx=True, ex=3600))
        claimed = next(free, None)
        if claimed is None:
            sys.exit("image-check: all 15 Redis databases are claimed by running test sessions")
        self.redis_db: int = claimed
        redis.Redis.from_url(f"{self.redis_base}/{self.redis_db}").flushdb()

    def close(self) -> None:
        """Drop the database and release the Redis database."""
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.dbname)))
        redis.Redis.from_url(f"{self.redis_base}/{self.redis_db}").flushdb()
        redis.Redis.from_url(f"{self.redis_base}/0").delete(keys.template_db_claim(self.redis_db))


def write_secrets(res: Resources, folder: Path) -> None:
    """Write the function's secrets as OpenFaaS mounts them (one file each, readable by the image's uid)."""
    values = {
        "database-url": res.app_url,
        "redis-url": f"{res.redis_base}/{res.redis_db}",
        "jwt-secret": uuid.uuid4().hex + uuid.uuid4().hex,
        "metrics-token": uuid.uuid4().hex,
        "s3-access-key": os.environ.get("S3_ACCESS_KEY", "image-check"),
        "s3-secret-key": os.environ.get("S3_SECRET_KEY", "image-check"),
    }
    folder.mkdir(mode=0o755)
    for name in SECRETS:
        (folder / name).write_text(values[name])
        (folder / name).chmod(0o444)


def environment(fn: str, port: int, upstream: int) -> list[str]:
    """Return `-e` options: stack.yml's environment for `fn`, on free ports (the host network is shared)."""
    env = {
        str(k): str(v)
        for k, v in (validate_stack.load_stack(ROOT / "stack.yml")["functions"][fn].get("environment") or {}).items()
    }
    env.update(port=str(port), upstream_url=f"http://127.0.0.1:{upstream}", GUNICORN_BIND=f"127.0.0.1:{upstream}")
    env["WM_FUNCTION"] = fn
    return [arg for key, value in sorted(env.items()) for arg in ("-e", f"{key}={value}")]


def call(port: int, method: str, path: str, body: dict | None = None, token: str = "") -> tuple[int, dict]:
    """Send one request to the container's fwatchdog; return (status, JSON body or {})."""
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            raw, status = resp.read(), resp.status
    except urllib.error.HTTPError as exc:
        raw, status = exc.read(), exc.code
    except OSError:
        return 0, {}
    try:
        return status, json.loads(raw or b"{}")
    except ValueError:
        return status, {"raw": raw[:200].decode(errors="replace")}


def wait_healthy(port: int, name: str, timeout: float = 60) -> float:
    """Wait until /_/health answers 200 (the container still running); return the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if call(port, "GET", "/_/health")[0] == 200:
            return time.monotonic() - start
        state = podman("inspect", "--format", "{{.State.Status}}", name, capture=True).strip()
        if state != "running":
            sys.exit(f"image-check: the container stopped ({state})\n{podman('logs', name, capture=True)[-3000:]}")
        time.sleep(0.25)
    sys.exit(f"image-check: /_/health not 200 after {timeout}s\n{podman('logs', name, capture=True)[-3000:]}")


def probe(fn: str, port: int) -> list[str]:
    """Exercise the running function; return what failed (empty when all answered as expected)."""
    checks = [
        ("GET /_/health", *call(port, "GET", "/_/health"), 200),
        ("GET /_/ready", *call(port, "GET", "/_/ready"), 200),
    ]
    if fn == "auth":
        email = f"image-check-{uuid.uuid4().hex[:8]}@example.com"
        payload = {
            "company_name": "Image Check",
            "name": "Ida Image",
            "email": email,
            "password": "correct horse battery 9",
            "timezone": "Europe/Berlin",
        }
        status, body = call(port, "POST", "/signup", payload)
        checks.append(("POST /signup", status, body, 201))
        checks.append(("GET /me (bearer)", *call(port, "GET", "/me", token=body.get("access_token", "")), 200))
    else:
        checks += [
            ("GET /healthz", *call(port, "GET", "/healthz"), 200),
            ("GET /readyz", *call(port, "GET", "/readyz"), 200),
        ]
    failed = []
    for what, status, body, want in checks:
        shown = {k: body[k] for k in list(body)[:4]} if isinstance(body, dict) else body
        log(f"{what}: {status} {json.dumps(shown, default=str)[:160]}")
        if status != want:
            failed.append(f"{what}: {status}, want {want}")
    return failed


def serve(fn: str, image: str, res: Resources, secrets: Path) -> list[str]:
    """Migrate with the image, run it behind its fwatchdog on the host network, probe it; return the failures."""
    net = ["--network", "host", "-e", f"OWNER_DATABASE_URL={res.owner_url}"]
    out = podman(
        "run", "--rm", *net, image, "python", "-m", "workmonitor.migrate", "--create-db", "--wait", "30", capture=True
    )
    log(f"migrate (in the image): {out.strip().splitlines()[-1]}")
    port, upstream = services.free_port(), services.free_port()
    name = f"wm-image-check-{fn}-{os.getpid()}"
    mount = f"{secrets}:/var/openfaas/secrets:ro"
    podman(
        "run",
        "-d",
        "--name",
        name,
        "--network",
        "host",
        "-v",
        mount,
        *environment(fn, port, upstream),
        image,
        capture=True,
    )
    try:
        log(f"container {name}: /_/health 200 after {wait_healthy(port, name):.1f}s (fwatchdog on 127.0.0.1:{port})")
        failed = probe(fn, port)
        user = podman("exec", name, "id", "-u", capture=True).strip()
        logs = subprocess.run(["podman", "logs", name], capture_output=True, text=True, check=False)
        lines = (logs.stdout + logs.stderr).strip().splitlines()
        log(f"runs as uid {user}; {len(lines)} log lines, the last: {lines[-1][:200] if lines else '(none)'}")
        return failed + ([] if user == "10001" else [f"runs as uid {user}"])
    finally:
        removed = time.monotonic()
        stop = ["podman", "--runtime", str(tool("oci-runtime-norlimits")), "--cgroup-manager", "cgroupfs", "rm", "-f"]
        subprocess.run([*stop, "-t", "2", name], capture_output=True, check=False)
        log(f"container removed ({time.monotonic() - removed:.1f}s)")


def main(argv: list[str]) -> int:
    """Build one function image and run it; exit non-zero on any failure."""
    fn = argv[0] if argv else os.environ.get("WM_IMAGE_FUNCTION", "auth")
    ensure_packages()
    ensure_base()
    ensure_watchdog()
    context = shrinkwrap(fn)
    files = sum(1 for _ in context.rglob("*"))
    log(f"faas-cli build --shrinkwrap --filter {fn}: {context.relative_to(ROOT)}/ ({files} entries)")
    image = build(fn, context, wheelhouse(context))
    res = Resources()
    secrets = Path(tempfile.mkdtemp(prefix="wm-image-secrets-")) / "secrets"
    try:
        write_secrets(res, secrets)
        failed = serve(fn, image, res, secrets)
    finally:
        res.close()
        shutil.rmtree(secrets.parent, ignore_errors=True)
        log("database dropped, Redis database released")
    if failed:
        print("image-check: FAILED\n  " + "\n  ".join(failed))
        return 1
    print(f"image-check: OK: {image} built with buildah and answered through podman in {time.monotonic() - START:.0f}s")
    return 0


START = time.monotonic()

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
