"""The command line, each run a new process as a person (or a script) runs it, against a bare Python
process doing the same work, started the same way in the same run, in turn.

* ``mdtboard --version`` (the installed console script) against ``python -c pass`` (the same interpreter):
  target within 2x.
* ``mdtboard --database URL cases --search smith`` on a copy of the cached 10,000-case database, against a
  bare script that opens the same file with ``sqlite3`` and prints the same lines (one indexed query on
  the search words, sorted by reference). The two outputs must be equal. Targets: at most 0.25 s and
  within 4x.
* ``mdtboard --database URL care-plan MDT-001 --pdf OUT`` (the signed sample plan of ``bench_care_plan``)
  against a bare script that imports ReportLab, registers the same DejaVu Sans faces and writes every text
  of that document as plain paragraphs (the baseline of ``bench_care_plan``, as a script of its own).
  Target: within 2x.

Medians of :data:`RUNS` runs each, the mdtboard command and its baseline alternating.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.datasets import case_database
from bench.measure import compile_bytecode, median, progress, row

ROOT = Path(__file__).resolve().parents[1]
RUNS = 11
FONTS = ROOT / "resources" / "fonts"

BARE_CASES = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
word = sys.argv[2]
rows = conn.execute(
    "SELECT ref, display_name, title FROM cases WHERE id IN "
    "(SELECT case_id FROM case_search_tokens WHERE token >= ? AND token < ?) ORDER BY ref, id",
    (word, word + "\\U0010ffff"),
)
for ref, name, title in rows:
    print(f"{ref}\\t{name}\\t{title or ''}")
"""

BARE_PDF = """
import json, sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
fonts, texts_file, out = sys.argv[1:4]
faces = {"DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf"}
for name, file in faces.items():
    pdfmetrics.registerFont(TTFont(name, f"{fonts}/{file}"))
pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")
texts = json.load(open(texts_file, encoding="utf-8"))
style = ParagraphStyle("bare", fontName="DejaVuSans", fontSize=9.5, leading=13)
SimpleDocTemplate(out, pagesize=A4, initialFontName="DejaVuSans", initialFontSize=9).build(
    [Paragraph(t, style) for t in texts]
)
"""


def _timed(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{command[:3]}... exited with {done.returncode}: {done.stderr.strip()[:500]}")
    return elapsed, done.stdout


def _pair(mine: list[str], bare: list[str]) -> tuple[list[float], list[float], str, str]:
    _timed(mine)  # warm the file cache once each
    _timed(bare)
    mine_s: list[float] = []
    bare_s: list[float] = []
    out_mine = out_bare = ""
    for _ in range(RUNS):
        t, out_mine = _timed(mine)
        mine_s.append(t)
        t, out_bare = _timed(bare)
        bare_s.append(t)
    return mine_s, bare_s, out_mine, out_bare


def _mdtboard() -> str:
    script = Path(sys.executable).with_name("mdtboard")
    if not script.exists():
        raise RuntimeError(f"{script} is missing: install mdtboard here (make .venv/.installed)")
    return str(script)


def _care_plan_texts(folder: Path) -> tuple[str, Path]:
    """A database holding the signed sample plan, and the texts of its PDF as JSON."""
    from bench.bench_care_plan import REF, _prepare, _texts
    from mdtboard.reports.care_plan import care_plan_document

    services = _prepare(folder)
    try:
        texts = _texts(care_plan_document(services.printout(REF)).story())
        url = services.db.url
    finally:
        services.close()
    path = folder / "texts.json"
    path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return url, path


def run() -> dict[str, Any]:
    mdtboard = _mdtboard()
    python = sys.executable
    rows = []
    details: dict[str, Any] = {"runs": RUNS, "bytecode": compile_bytecode()}

    progress(f"--version against python -c pass, {RUNS} runs each")
    mine, bare, out, _ = _pair([mdtboard, "--version"], [python, "-c", "pass"])
    version_med, pass_med = median(mine) * 1000, median(bare) * 1000
    details["version"] = {"mdtboard_ms": [t * 1000 for t in mine], "bare_ms": [t * 1000 for t in bare]}
    rows.append(
        row(
            "mdtboard --version: median",
            version_med,
            pass_med,
            "ms",
            target="<= 2x python -c pass",
            met=version_med <= 2 * pass_med,
            note=f"prints {out.strip()!r}",
        )
    )

    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-cli-") as tmp:
        folder = Path(tmp)
        db = folder / "cases.sqlite3"
        shutil.copyfile(case_database(10_000), db)
        script = folder / "bare_cases.py"
        script.write_text(BARE_CASES, encoding="utf-8")
        progress(f"cases --search smith on 10,000 cases against a bare sqlite3 script, {RUNS} runs each")
        mine, bare, out_mine, out_bare = _pair(
            [mdtboard, "--database", f"sqlite:///{db}", "cases", "--search", "smith"],
            [python, str(script), str(db), "smith"],
        )
        if out_mine != out_bare:
            raise RuntimeError(
                f"cases --search smith printed {len(out_mine.splitlines())} lines, the bare script "
                f"{len(out_bare.splitlines())}, or different ones"
            )
        cases_med, bare_med = median(mine), median(bare)
        details["cases"] = {"mdtboard_ms": [t * 1000 for t in mine], "bare_ms": [t * 1000 for t in bare]}
        rows.append(
            row(
                "mdtboard cases --search smith, 10k cases: median",
                cases_med * 1000,
                bare_med * 1000,
                "ms",
                target="<= 250 ms, <= 4x bare sqlite3 script",
                met=cases_med <= 0.25 and cases_med <= 4 * bare_med,
                note=f"{len(out_mine.splitlines())} lines, the same as the bare script's",
            )
        )

        progress(f"care-plan --pdf against a bare ReportLab script, {RUNS} runs each")
        url, texts = _care_plan_texts(folder)
        pdf_script = folder / "bare_pdf.py"
        pdf_script.write_text(BARE_PDF, encoding="utf-8")
        mine, bare, _, _ = _pair(
            [mdtboard, "--database", url, "care-plan", "MDT-001", "--pdf", str(folder / "plan.pdf")],
            [python, str(pdf_script), str(FONTS), str(texts), str(folder / "bare.pdf")],
        )
        pdf_med, bare_pdf_med = median(mine) * 1000, median(bare) * 1000
        details["care_plan"] = {"mdtboard_ms": [t * 1000 for t in mine], "bare_ms": [t * 1000 for t in bare]}
        rows.append(
            row(
                "mdtboard care-plan --pdf: median",
                pdf_med,
                bare_pdf_med,
                "ms",
                target="<= 2x bare ReportLab script",
                met=pdf_med <= 2 * bare_pdf_med,
                note="a new process each: start, read, lay out, write the PDF",
            )
        )
    return {"rows": rows, "details": details}
