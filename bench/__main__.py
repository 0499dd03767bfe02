"""Run every benchmark module (bench_*.py) against real local services and print its figures."""

from __future__ import annotations

import importlib
import logging
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT / "shared"), str(ROOT / "infra" / "local"), str(ROOT / "tests"), str(ROOT)]


def main(argv: list[str]) -> int:
    """Run the benchmarks named in argv (default: all) inside one prepared environment."""
    from bench.benchenv import prepared
    from bench.report import load

    # In-process RQ workers (the factories' drain) set their logger to INFO on every start; keep their chatter out.
    logging.getLogger("rq.worker").addFilter(lambda record: record.levelno >= logging.WARNING)
    names = argv or sorted(p.stem for p in HERE.glob("bench_*.py"))
    started = time.perf_counter()
    print(f"load average at start: {load()}", flush=True)
    with prepared() as env:
        for name in names:
            print(f"== {name} (load average {load()})", flush=True)
            importlib.import_module(f"bench.{name}").run(env)
    print(f"load average at end: {load()}; {time.perf_counter() - started:.0f} s in all", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
