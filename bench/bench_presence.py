"""Presence at scale: 20 PCs (processes) with one record open, each doing what a running mdtboard does
(``mdtboard.ui.presence``): every second it reads the other PCs' presence on the record, and every other
second it also renews its own announcement (one unit of work each), for 30 s, on the real PostgreSQL.

Reported: the duration of each call (median, p95) and the server's load while they run (transactions a
second, database-wide, from ``pg_stat_database``). Baseline: the same statements through bare psycopg,
each in its own transaction, by 20 processes in the same way. Skipped (said so) when no PostgreSQL server
answers.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from typing import Any

from bench.bench_live import ROOT, _drop, _p95, _pg_schema, _pg_stats
from bench.measure import progress, row

PCS = int(os.environ.get("MDTBOARD_BENCH_PRESENCE_PCS", "20"))
SECONDS = float(os.environ.get("MDTBOARD_BENCH_PRESENCE_SECONDS", "30"))


def _run(url: str, role: str) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.presence_child", url, role]
    procs = [subprocess.Popen([*command, str(n), str(SECONDS)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, cwd=ROOT) for n in range(PCS)]
    try:
        for proc in procs:
            assert proc.stdout is not None
            if proc.stdout.readline().strip() != "ready":
                raise RuntimeError("a presence process did not start")
        before = _pg_stats()
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        took: list[float] = []
        for proc in procs:
            assert proc.stdout is not None
            took += [float(t) for t in proc.stdout.readline().split()]
        after = _pg_stats()
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait(30)
    return {"calls": len(took), "median_ms": statistics.median(took), "p95_ms": _p95(took),
            "max_ms": max(took), "server_transactions_per_s": (after[0] - before[0]) / (after[2] - before[2])}


def run() -> dict[str, Any]:
    details: dict[str, Any] = {"load_start": os.getloadavg()}
    rows = []
    pg = _pg_schema()
    if pg is not None:
        url, schema = pg
        try:
            from mdtboard.storage.db import open_database

            open_database(url).dispose()
            progress(f"{PCS} PCs announcing and reading presence for {SECONDS:.0f} s")
            mine = _run(url, "mdtboard")
            progress("the same with bare psycopg")
            bare = _run(url, "bare")
            details["mdtboard"], details["bare"] = mine, bare
            rows.append(row(f"presence, {PCS} PCs: call p95", mine["p95_ms"], bare["p95_ms"], "ms",
                            note=f"median {mine['median_ms']:.1f} ms (bare {bare['median_ms']:.1f}); "
                                 f"{mine['calls']} calls; server {mine['server_transactions_per_s']:.0f} "
                                 f"transactions/s (bare {bare['server_transactions_per_s']:.0f})"))
        finally:
            _drop(schema)
    details["load_end"] = os.getloadavg()
    return {"rows": rows, "details": details}
