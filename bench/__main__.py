"""Run mdtboard's benchmarks: all of them (``python -m bench``) or those named (``python -m bench import``).

Every benchmark is a module ``bench/bench_<name>.py`` with ``run() -> dict`` and runs in a fresh
interpreter, so that start-up, imports and memory of one never colour another. ``run()`` returns::

    {"rows": [bench.measure.row(...), ...],      # lines of the summary table
     "details": {...},                           # anything else worth keeping (JSON)
     "tables": [{"title", "columns", "rows"}]}   # optional breakdowns printed under the summary

The summary is printed as a table (benchmark, mdtboard, baseline, ratio, target, met) and everything,
with a description of the machine, is written to ``bench/results/bench-<time>.json`` and
``bench/results/latest.json``. The exit status is 1 if a benchmark failed to run (a missed target is a
finding, not a failure), 2 for an unknown benchmark name.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
RESULTS = PACKAGE / "results"
#: Run in this order when present; any other bench_*.py module follows, alphabetically.
ORDER = ("import", "search", "scaling", "startup", "typing", "care_plan", "papers", "cli")
TIMEOUT_S = 900


#: Benchmarks left out of a run that names none, with why: the whole run is kept to about ten minutes.
#: A module can also leave itself out with a line ``IN_DEFAULT_RUN = False``. Naming one runs it.
OPT_IN = {
    "bundle": "it may rebuild the PyInstaller bundle first, which alone takes minutes",
}


def available() -> list[str]:
    found = sorted(p.stem.removeprefix("bench_") for p in PACKAGE.glob("bench_*.py"))
    return [n for n in ORDER if n in found] + [n for n in found if n not in ORDER]


def opted_out() -> dict[str, str]:
    """The benchmarks a run without names leaves out, and why."""
    out = {}
    for name in available():
        source = (PACKAGE / f"bench_{name}.py").read_text(encoding="utf-8")
        if name in OPT_IN:
            out[name] = OPT_IN[name]
        elif any(line.strip() == "IN_DEFAULT_RUN = False" for line in source.splitlines()):
            out[name] = "its module says IN_DEFAULT_RUN = False"
    return out


# ---------------------------------------------------------------------------- the child process


def child(name: str, out: Path) -> None:
    """Run one benchmark in this (fresh) interpreter and write its result as JSON to ``out``."""
    module = importlib.import_module(f"bench.bench_{name}")
    start = time.perf_counter()
    result = module.run()
    result["wall_s"] = time.perf_counter() - start
    try:
        import resource

        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    except ImportError:  # not on Windows
        pass
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


# ---------------------------------------------------------------------------- the parent


def run_one(name: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-") as tmp:
        out = Path(tmp) / "result.json"
        command = [sys.executable, "-m", "bench", "--child", name, str(out)]
        start = time.perf_counter()
        try:
            done = subprocess.run(command, cwd=ROOT, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            return {"error": f"did not finish within {TIMEOUT_S} s", "rows": []}
        elapsed = time.perf_counter() - start
        if done.returncode != 0 or not out.exists():
            how = (
                f"was killed by signal {signal.Signals(-done.returncode).name}"
                if done.returncode < 0
                else f"exited with status {done.returncode}"
            )
            return {"error": f"{how} (its messages are above)", "rows": []}
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        result["process_s"] = elapsed
        return result


def _read(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _memory() -> str | None:
    total = _read("/proc/meminfo", "MemTotal")
    if total and total.endswith(" kB"):
        return f"{int(total.removesuffix(' kB')) / 2**20:.0f} GiB RAM"
    return total


def _load() -> list[float] | None:
    """The 1, 5 and 15 minute load averages: figures taken on a busy machine are slower."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def machine() -> dict[str, Any]:
    import sqlalchemy

    import mdtboard

    usable: int | None
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return {
        "cpu": _read("/proc/cpuinfo", "model name") or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "cores_usable": usable,
        "memory": _memory(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "mdtboard": mdtboard.__version__,
        "load_average_at_start": _load(),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--", "src")),
    }


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    text = f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def _table(columns: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    right = right or set()
    widths = [
        max(len(str(c)), *(len(str(r[i])) for r in rows)) if rows else len(c) for i, c in enumerate(columns)
    ]

    def line(cells: list[str]) -> str:
        return "  ".join(
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def report(results: dict[str, dict[str, Any]], info: dict[str, Any]) -> str:
    lines = [
        f"mdtboard benchmarks on {info['cpu']} ({info['cores_usable']} usable cores, {info['memory']}), "
        f"Python {info['python']}, SQLite {info['sqlite']}, commit {info['commit']}"
        + (" with uncommitted changes in src/" if info["uncommitted_changes"] else ""),
        f"load average (1, 5, 15 min) at start {info['load_average_at_start']}, "
        f"at end {info.get('load_average_at_end')}",
        *(
            f"not run by default: {name} ({why}); `python -m bench {name}` runs it"
            for name, why in info.get("not_run_by_default", {}).items()
        ),
        "",
    ]
    rows: list[list[str]] = []
    notes: list[str] = []
    for name, result in results.items():
        if "error" in result:
            rows.append([f"{name}: FAILED", "-", "-", "-", "-", "-"])
            notes.append(f"{name}: {result['error']}")
            continue
        for r in result["rows"]:
            met = {True: "yes", False: "NO", None: "-"}[r["met"]]
            ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else "-"
            rows.append(
                [
                    r["benchmark"],
                    _number(r["mdtboard"], r["unit"]),
                    _number(r["baseline"], r["unit"]),
                    ratio,
                    r["target"] or "-",
                    met,
                ]
            )
            if r.get("note"):
                notes.append(f"{r['benchmark']}: {r['note']}")
    lines.append(_table(["benchmark", "mdtboard", "baseline", "ratio", "target", "met"], rows, {1, 2, 3}))
    if notes:
        lines += ["", *(f"  * {n}" for n in notes)]
    took = [
        f"{name} {r['process_s']:.0f} s" + (f", {r['peak_rss_mb']:.0f} MB" if "peak_rss_mb" in r else "")
        for name, r in results.items()
        if "process_s" in r
    ]
    if took:
        lines += ["", "Benchmark processes (wall time, peak memory): " + "; ".join(took)]
    for result in results.values():
        for extra in result.get("tables", []):
            lines += [
                "",
                extra["title"],
                _table(extra["columns"], extra["rows"], set(range(1, len(extra["columns"])))),
            ]
    return "\n".join(lines)


def save(results: dict[str, dict[str, Any]], info: dict[str, Any]) -> Path:
    from mdtboard.services.files import write_atomic

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    data = (
        json.dumps({"time": stamp, "machine": info, "results": results}, ensure_ascii=False, indent=1) + "\n"
    ).encode("utf-8")
    path = write_atomic(RESULTS / f"bench-{stamp}.json", data)
    write_atomic(RESULTS / "latest.json", data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"benchmarks to run: {', '.join(available())}"
    )
    parser.add_argument("--child", nargs=2, metavar=("NAME", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], Path(args.child[1]))
        # The result is written: leave without tearing down Qt and the rest (not measured, and a
        # binding's faults at teardown must not turn a finished measurement into a failure).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    skipped = {} if args.names else opted_out()
    names = args.names or [n for n in available() if n not in skipped]
    for name, why in skipped.items():
        print(f"not run by default: {name} ({why}); `python -m bench {name}` runs it", file=sys.stderr)
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"unknown benchmark {', '.join(unknown)}; there are: {', '.join(available())}", file=sys.stderr)
        return 2
    info = machine()
    results: dict[str, dict[str, Any]] = {}
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results[name] = run_one(name)
        took = results[name].get("process_s")
        if took is not None:
            print(f"  {name} took {took:.1f} s", file=sys.stderr, flush=True)
    info["load_average_at_end"] = _load()
    info["not_run_by_default"] = skipped
    print(report(results, info))
    path = save(results, info)
    print(f"\nresults written to {path.relative_to(ROOT)}")
    return 1 if any("error" in r for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
