"""The packaged program (PyInstaller one-folder bundle) against the same program run from the virtual
environment: size, and start-up of three kinds.

* ``--version``: the bundle's bootloader, Python and ``mdtboard.cli`` up to the first output;
* ``cases``: a command that imports SQLAlchemy, opens a database (already at the schema head) and lists its
  ten cases;
* the desktop program from launch until its window has been shown, its database opened and its case
  library filled, and it has quit (``MDTBOARD_SMOKE_EXIT_MS=0``), on Qt's offscreen platform.

Both sides start as new processes in the same clean environment (no PYTHONPATH, fresh home, settings and
data folders) from a temporary folder, each on its own copy of one prepared SQLite database; 5 starts each,
taken in turn after one warm-up start of each; medians. The bundle is ``dist/mdtboard`` as built by
``packaging/build.py`` (built first when older than the sources); the baseline is ``.venv/bin/mdtboard``.
Size: the bundle folder on disk (as ``du`` counts) and the tarball; no baseline.

Target: none in the issue; the figures and the ratio (bundle / virtual environment) are reported.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.measure import median, progress, row

ROOT = Path(__file__).resolve().parent.parent
STAMP = ROOT / "dist" / "mdtboard-build.json"
VENV_PROGRAM = Path(sys.executable).parent / ("mdtboard.exe" if sys.platform == "win32" else "mdtboard")
REPEATS = 5


def packaging_build() -> ModuleType:
    """``packaging/build.py`` as a module (a script, not part of the mdtboard package)."""
    spec = importlib.util.spec_from_file_location("mdtboard_packaging_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_bundle() -> None:
    """Build the bundle when it is older than the sources."""
    progress("checking the bundle in dist/ (building it when older than the sources)")
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--if-stale"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"packaging/build.py failed ({done.returncode}): {done.stdout[-2000:]}")


def environment(home: Path, **extra: str) -> dict[str, str]:
    env = {
        "PATH": os.pathsep.join(["/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    if sys.platform == "win32":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
    return env | extra


def timed(program: Path, args: list[str], folder: Path, database: Path | None, **extra: str) -> float:
    """Seconds from launching ``program args`` to its exit, in a fresh home; fails on a non-zero status."""
    run_dir = Path(tempfile.mkdtemp(dir=folder))
    if database is not None:
        copy = run_dir / "mdtboard.sqlite3"
        shutil.copyfile(database, copy)
        args = ["--database", f"sqlite:///{copy}", *args]
    start = time.perf_counter()
    done = subprocess.run(
        [str(program), *args],
        cwd=run_dir,
        env=environment(run_dir / "home", **extra),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{program} {' '.join(args)} exited with {done.returncode}: {done.stderr[-2000:]}")
    shutil.rmtree(run_dir, ignore_errors=True)
    return elapsed


def prepared_database(folder: Path) -> Path:
    """A database at the schema head with mdtboard's ten demo and teaching cases."""
    path = folder / "prepared.sqlite3"
    subprocess.run(
        [str(VENV_PROGRAM), "--database", f"sqlite:///{path}", "demo"],
        cwd=folder,
        env=environment(folder / "prepare"),
        capture_output=True,
        check=True,
    )
    return path


def run() -> dict[str, Any]:
    build_bundle()
    # No other build in this tree may replace dist/ while it is measured.
    with packaging_build().bundle_lock(shared=True):
        return measure()


def measure() -> dict[str, Any]:
    info: dict[str, Any] = json.loads(STAMP.read_text("utf-8"))
    bundle = ROOT / info["executable"]
    if not VENV_PROGRAM.exists():
        raise RuntimeError(f"{VENV_PROGRAM} is missing: run from the virtual environment (make bench)")
    starts: dict[str, tuple[list[str], bool, dict[str, str]]] = {
        "--version": (["--version"], False, {}),
        "cases (open database, list)": (["cases"], True, {}),
        "desktop: window shown, database open, quit": ([], True, {"MDTBOARD_SMOKE_EXIT_MS": "0"}),
    }
    times: dict[str, dict[str, list[float]]] = {name: {"bundle": [], "venv": []} for name in starts}
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-") as tmp:
        folder = Path(tmp)
        database = prepared_database(folder)
        sides = {"bundle": bundle, "venv": VENV_PROGRAM}
        for name, (args, needs_db, extra) in starts.items():
            db = database if needs_db else None
            for program in sides.values():  # warm the file cache for both
                timed(program, args, folder, db, **extra)
            for i in range(REPEATS):
                progress(f"{name}: start {i + 1} of {REPEATS}")
                for side, program in sides.items():
                    times[name][side].append(timed(program, args, folder, db, **extra))

    size = int(info["bundle_bytes_on_disk"]) / 2**20
    archive = int(info["archive_bytes"]) / 2**20
    rows = [
        row(
            f"bundle start-up: {name}",
            median(sides["bundle"]),
            median(sides["venv"]),
            "s",
            note=f"baseline: the same program from .venv; median of {REPEATS} starts" if i == 0 else None,
        )
        for i, (name, sides) in enumerate(times.items())
    ]
    rows += [
        row("bundle size on disk", size, None, "MiB", note=f"{info['bundle']}, {info['bundle_files']} files"),
        row("bundle archive size", archive, None, "MiB", note=info["archive"]),
    ]
    return {
        "rows": rows,
        "details": {"build": info, "repeats": REPEATS, "seconds": times},
        "tables": [
            {
                "title": f"start-up, seconds from launch to exit (median of {REPEATS}; min-max)",
                "columns": ["start", "bundle", "venv", "bundle range", "venv range"],
                "rows": [
                    [
                        name,
                        f"{median(sides['bundle']):.3f}",
                        f"{median(sides['venv']):.3f}",
                        f"{min(sides['bundle']):.3f}-{max(sides['bundle']):.3f}",
                        f"{min(sides['venv']):.3f}-{max(sides['venv']):.3f}",
                    ]
                    for name, sides in times.items()
                ],
            }
        ],
    }
