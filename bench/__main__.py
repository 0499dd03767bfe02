"""Run every benchmark module (bench_*.py) against real local services and print its figures."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT / "shared"), str(ROOT / "infra" / "local"), str(ROOT / "tests"), str(ROOT)]


def main(argv: list[str]) -> int:
    """Run the benchmarks named in argv (default: all) inside one prepared environment."""
    from bench.benchenv import prepared

    names = argv or sorted(p.stem for p in HERE.glob("bench_*.py"))
    with prepared() as env:
        for name in names:
            print(f"== {name}", flush=True)
            importlib.import_module(f"bench.{name}").run(env)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
