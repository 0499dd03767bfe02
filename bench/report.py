"""Printing helpers shared by the benchmarks: percentiles, the load average, plain-text tables."""

from __future__ import annotations

import os


def pct(values: list[float], q: float) -> float:
    """Return the nearest-rank `q` quantile of `values` (nan when empty)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def load() -> str:
    """Return the 1/5/15-minute load averages and the CPU count, for the record next to every figure."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cpus"


def cold_warm(m: dict) -> list:
    """Return [cold, p50, p95, n, bytes] cells of one measured endpoint."""
    w = m["warm"]
    return [f"{m['cold']:.0f}", f"{pct(w, 0.5):.0f}", f"{pct(w, 0.95):.0f}", len(w), f"{m['bytes']:,}"]


def table(header: list[str], rows: list[list]) -> None:
    """Print rows under header, columns padded (numbers right-aligned)."""
    cells = [[str(c) for c in r] for r in [header, *rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for r in cells:
        line = "  ".join(
            c.rjust(w) if c[:1].isdigit() or c[:1] == "-" else c.ljust(w) for c, w in zip(r, widths, strict=True)
        )
        print("   " + line.rstrip(), flush=True)
