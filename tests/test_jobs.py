"""One job registry: every job's function imports, and nothing enqueues around the registry."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from test_keys import ROOT, python_files

from workmonitor import keys
from workmonitor.jobs import registry

ENQUEUE = {"enqueue", "enqueue_call", "enqueue_at", "enqueue_in", "enqueue_many"}
ALLOWED = {"shared/workmonitor/jobs/registry.py", "shared/workmonitor/queue.py", "tests/test_jobs.py"}
# Another branch of issue 10 owns this file and still calls queue.enqueue("email", "<path>", ...); the lead
# empties this on merge (queue.enqueue accepts registered jobs only, so it cannot bypass the registry meanwhile).
PENDING: set[str] = set()


@pytest.mark.parametrize("job", registry.JOBS, ids=lambda j: j.path)
def test_every_registered_job_imports(job):
    func = job.function()
    assert callable(func) and inspect.getmodule(func).__name__ == job.path.rpartition(".")[0]
    assert job.queue in keys.QUEUES and job.timeout > 0 and all(s > 0 for s in job.backoff)


def test_jobs_are_declared_once():
    assert len({j.path for j in registry.JOBS}) == len(registry.JOBS)
    declared = {v for v in vars(registry).values() if isinstance(v, registry.Job)}
    assert declared == set(registry.JOBS)


def via_registry(func: ast.expr) -> bool:
    """Return whether `func` is `registry.<JOB>.enqueue`."""
    target = func.value if isinstance(func, ast.Attribute) else None
    return isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "registry"


def bypasses(path: Path) -> list[str]:
    """Return what in `path` enqueues without the registry: rq calls given a function path or a queue's own
    enqueue, `enqueue` imported from workmonitor.queue, or a registered job's dotted path written out."""
    paths = {j.path for j in registry.JOBS}
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            by_path = node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            on_queue = isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call)
            deliberate = by_path and str(node.args[0].value).startswith("workmonitor.no_such_module")  # a failing job
            if name in ENQUEUE and (by_path or on_queue) and not via_registry(node.func) and not deliberate:
                found.append(f"{node.lineno}: {name}(...)")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").endswith("queue"):
            found += [f"{node.lineno}: import {a.name}" for a in node.names if a.name in ENQUEUE]
        elif isinstance(node, ast.Constant) and node.value in paths:
            found.append(f"{node.lineno}: {node.value!r}")
    return found


def test_every_enqueue_goes_through_the_registry():
    found = {
        rel: hits
        for p in python_files()
        if (rel := str(p.relative_to(ROOT))) not in ALLOWED | PENDING
        if (hits := bypasses(p))
    }
    assert found == {}, f"enqueue with workmonitor.jobs.registry.<JOB>.enqueue(...): {found}"


def test_queue_enqueue_refuses_unregistered_jobs(stack):
    from workmonitor.queue import enqueue

    with pytest.raises(ValueError):
        enqueue(keys.EMAIL_QUEUE, "os.system", "true")
    with pytest.raises(ValueError):
        enqueue(keys.MEDIA_QUEUE, registry.SEND_EMAIL.path, "a@example.com", "s", "t", "m")
