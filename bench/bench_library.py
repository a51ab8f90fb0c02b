"""Scrolling the whole 100,000-case library from top to bottom by page steps, and the memory it takes.

Each run is a new process (``bench.library_child``): the case library's model over a copy of the cached
100,000-case database in a 1280x800 ``QTableView`` set up as the library's table (offscreen; its cells drawn
by the library's delegate), against the same view over a bare model of as many rows that stores nothing
(drawn by Qt's own delegate). The window's first paint is made before
the steps are timed (it was every run's slowest "step", the bare model's too). The view is paged one step
a frame at 60 Hz (faster than a held Page Down repeats; before, back to back, which left mdtboard's reader
thread almost no turn at the interpreter lock), the event loop running for the rest of each frame as the
program's does while it waits for the next key (before, the process slept there). Every page step is timed
(scroll, read what is shown, repaint); so is the GUI thread's processor time in the event loop between
steps (work left to it, such as the library's text prepared ahead) and how late each step began after its
frame (the event loop's work running past it); peak resident memory at the end. 3 runs each, in turn.

The library's model reads in the background (placeholders for rows not yet read); the same model reading on
the GUI thread (``sync``, as the library did before) runs too, as the baseline of the first page shown and of
a search typed (from each keystroke to its rows shown, and the GUI thread's time in the call).

Targets (issue 16): no page step over 16 ms (one frame at 60 Hz); peak memory at most 150 MB. Each step's
processor time on the GUI thread is reported too: on a shared, loaded machine the wall time of a step
also holds the time other processes had the processor.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.datasets import case_database
from bench.measure import median, percentile, progress, row

N = 100_000
RUNS = 3
STEP_TARGET_MS = 16.0
RSS_TARGET_MB = 150.0
ROOT = Path(__file__).resolve().parent.parent


def _run(kind: str, arg: str) -> dict[str, Any]:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.library_child", kind, arg],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{kind} failed (status {done.returncode}): {done.stderr[-2000:]}")
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def run() -> dict[str, Any]:
    source = case_database(N)
    mine: list[dict[str, Any]] = []
    bare: list[dict[str, Any]] = []
    sync: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-library-") as tmp:
        db = Path(tmp) / "library.sqlite3"
        shutil.copyfile(source, db)
        for i in range(RUNS):
            progress(f"scroll {i + 1} of {RUNS}")
            mine.append(_run("mdtboard", f"sqlite:///{db}"))
            bare.append(_run("bare", str(N)))
            sync.append(_run("sync", f"sqlite:///{db}"))
    steps = [s * 1000 for r in mine for s in r["steps"]]
    bare_steps = [s * 1000 for r in bare for s in r["steps"]]
    worst, bare_worst = max(steps), max(bare_steps)
    cpu = [s * 1000 for r in mine for s in r["cpu"]]
    bare_cpu = [s * 1000 for r in bare for s in r["cpu"]]
    between = [s * 1000 for r in mine for s in r["between_cpu"]]
    bare_between = [s * 1000 for r in bare for s in r["between_cpu"]]
    late = [s * 1000 for r in mine for s in r["late"]]
    bare_late = [s * 1000 for r in bare for s in r["late"]]
    frame = [(a + b) * 1000 for r in mine for a, b in zip(r["cpu"], r["between_cpu"], strict=True)]
    bare_frame = [(a + b) * 1000 for r in bare for a, b in zip(r["cpu"], r["between_cpu"], strict=True)]
    sync_steps = [s * 1000 for r in sync for s in r["steps"]]
    typed = [s * 1000 for r in mine for s in r["search_s"]]
    sync_typed = [s * 1000 for r in sync for s in r["search_s"]]
    held = [s * 1000 for r in mine for s in r["search_gui_cpu_s"]]
    sync_held = [s * 1000 for r in sync for s in r["search_gui_cpu_s"]]
    rss, bare_rss = median([r["peak_rss_mb"] for r in mine]), median([r["peak_rss_mb"] for r in bare])
    return {
        "rows": [
            row(
                f"library {N // 1000}k: slowest page step",
                worst,
                bare_worst,
                "ms",
                target=f"<= {STEP_TARGET_MS:g} ms",
                met=worst <= STEP_TARGET_MS,
                note=f"{len(mine[0]['steps'])} steps a run, {RUNS} runs; median step {median(steps):.2f} ms, "
                f"p95 {percentile(steps, 95):.2f}, p99 {percentile(steps, 99):.2f} ms (bare "
                f"{median(bare_steps):.2f} / {percentile(bare_steps, 95):.2f} / "
                f"{percentile(bare_steps, 99):.2f}); steps over {STEP_TARGET_MS:g} ms: "
                f"{sum(1 for s in steps if s > STEP_TARGET_MS)} (bare "
                f"{sum(1 for s in bare_steps if s > STEP_TARGET_MS)}); last row {mine[0]['last']}; "
                f"steps still showing placeholders after their paint: {sum(r['blank_steps'] for r in mine)}; "
                f"reading on the GUI thread (before): slowest {max(sync_steps):.2f} ms, "
                f"median {median(sync_steps):.2f} ms",
            ),
            row(
                f"library {N // 1000}k: first page and count shown",
                median([r["first_s"] * 1000 for r in mine]),
                median([r["first_s"] * 1000 for r in sync]),
                "ms",
                note="from making the model to its first rows; baseline: the same model reading on the GUI "
                "thread",
            ),
            row(
                f"library {N // 1000}k: search typed, keystroke to rows shown (median)",
                median(typed),
                median(sync_typed),
                "ms",
                note=f"{len(typed)} keystrokes; p95 {percentile(typed, 95):.1f} ms, "
                f"slowest {max(typed):.1f} ms "
                f"(GUI-thread reads: {percentile(sync_typed, 95):.1f} / {max(sync_typed):.1f} ms)",
            ),
            row(
                f"library {N // 1000}k: search typed, GUI thread busy a keystroke (slowest)",
                max(held),
                max(sync_held),
                "ms",
                note=f"processor time of the call on the GUI thread; median {median(held):.2f} ms "
                f"(GUI-thread reads {median(sync_held):.2f} ms)",
            ),
            row(
                f"library {N // 1000}k: slowest page step, GUI thread's processor time",
                max(cpu),
                max(bare_cpu),
                "ms",
                note=f"what other work on the machine does not stretch; median {median(cpu):.2f} ms, p95 "
                f"{percentile(cpu, 95):.2f}, p99 {percentile(cpu, 99):.2f} ms, steps over "
                f"{STEP_TARGET_MS:g} ms: {sum(1 for s in cpu if s > STEP_TARGET_MS)} (bare "
                f"{median(bare_cpu):.2f} / {percentile(bare_cpu, 95):.2f} / {percentile(bare_cpu, 99):.2f}, "
                f"{sum(1 for s in bare_cpu if s > STEP_TARGET_MS)} over)",
            ),
            row(
                f"library {N // 1000}k: GUI thread's processor time between steps (slowest frame)",
                max(between),
                max(bare_between),
                "ms",
                note=f"the event loop's work for the rest of a frame (the library's text prepared ahead); "
                f"median {median(between):.2f} ms (bare {median(bare_between):.2f}); a step and the rest of "
                f"its frame together: median {median(frame):.2f}, p99 {percentile(frame, 99):.2f}, slowest "
                f"{max(frame):.2f} ms (bare {median(bare_frame):.2f} / {percentile(bare_frame, 99):.2f} / "
                f"{max(bare_frame):.2f}); steps begun late after their frame: median {median(late):.2f}, "
                f"p99 {percentile(late, 99):.2f}, most {max(late):.2f} ms (bare {median(bare_late):.2f} / "
                f"{percentile(bare_late, 99):.2f} / {max(bare_late):.2f})",
            ),
            row(
                f"library {N // 1000}k: top to bottom, whole scroll",
                median([r["total_s"] for r in mine]),
                median([r["total_s"] for r in bare]),
                "s",
            ),
            row(
                f"library {N // 1000}k: peak memory, scrolled end to end",
                rss,
                bare_rss,
                "MB",
                target=f"<= {RSS_TARGET_MB:g} MB",
                met=rss <= RSS_TARGET_MB,
                note="resident set, the whole process (Python, Qt, SQLAlchemy, the model); baseline: the "
                "same view over a bare model that stores nothing",
            ),
        ],
        "details": {"mdtboard": mine, "bare": bare, "sync": sync},
    }
