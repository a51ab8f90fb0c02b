"""Small helpers shared by the benchmarks: clocks, summary statistics, the result-row shape, progress."""

from __future__ import annotations

import math
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def seconds(fn: Callable[[], Any]) -> float:
    """Wall time of one call of ``fn``, in seconds."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by the nearest-rank method: a value that was actually measured."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def row(
    benchmark: str,
    mdtboard: float,
    baseline: float | None,
    unit: str,
    *,
    target: str | None = None,
    met: bool | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """One line of the summary table. ``mdtboard`` and ``baseline`` are in ``unit``; lower is better."""
    return {
        "benchmark": benchmark,
        "mdtboard": mdtboard,
        "baseline": baseline,
        "unit": unit,
        "ratio": (mdtboard / baseline) if baseline else None,
        "target": target,
        "met": met,
        "note": note,
    }


def progress(message: str) -> None:
    """A line on standard error, so that a long cache build is not mistaken for a hang."""
    print(f"  .. {message}", file=sys.stderr, flush=True)


def compile_bytecode() -> str:
    """Compile mdtboard's modules to bytecode (``__pycache__``, git-ignored), as installing a wheel does.

    A process started with ``PYTHONDONTWRITEBYTECODE`` set (some shells and containers set it) never writes
    the cached bytecode of a source checkout, so each new mdtboard process would compile its modules from
    source again (about 0.4 s for a care-plan PDF) while the baselines' libraries are read as bytecode.
    Returns a note for the report saying whether that was the case."""
    import compileall
    import os
    from pathlib import Path

    import mdtboard

    compileall.compile_dir(str(Path(mdtboard.__file__).parent), quiet=1)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return "PYTHONDONTWRITEBYTECODE set: mdtboard's bytecode compiled beforehand, as an install does"
    return "mdtboard's bytecode compiled beforehand, as an install does"
