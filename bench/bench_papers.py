"""The three papers of one agreed plan (team care plan with its case summary appendix, patient plan,
letter to the GP) built in-process, against one bare ReportLab document holding the same text, built in
the same run.

mdtboard: ``reports.papers.paper_bytes(services.printout("MDT-001"), audience)`` for the three audiences
on a SQLite
database where MDT-001 has a plan agreed in a conference (every recommendation accepted, a decision for
every medicine, signed by the three leads present): reading, laying out (word-safe table columns,
notices, header, footer, page X of Y) and writing three PDFs.

Baseline: ``SimpleDocTemplate`` with one ``Paragraph`` per text of the three documents (every paragraph
and table cell, as the same markup), in DejaVu Sans, written as one PDF.

Target (issue 12): all three within 3x of the baseline.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.bench_care_plan import SAMPLES, _bare, _texts
from bench.measure import median, progress, row, seconds
from mdtboard.interchange.bundle import import_files
from mdtboard.reports.care_plan import care_plan_document
from mdtboard.reports.gp_letter import GpLetterDocument
from mdtboard.reports.papers import Audience, paper_bytes
from mdtboard.reports.patient_plan import PatientPlanDocument
from mdtboard.reports.site import SiteDetails
from mdtboard.services.context import Services, open_services
from mdtboard.storage.db import sqlite_url

ROOT = Path(__file__).resolve().parents[1]
REF = "MDT-001"
RUNS = 9
TARGET_RATIO = 3.0


def _prepare(folder: Path) -> Services:
    sys.path.insert(0, str(ROOT / "tests" / "unit" / "careplan"))
    from careplan_setup import agreed_plan  # the plan the tests agree for a sample case

    services = open_services(sqlite_url(folder / "bench.sqlite3"))
    import_files(services.cases, [SAMPLES])
    agreed_plan(services, services.cases.get_by_ref(REF))
    return services


def run() -> dict[str, Any]:
    site = SiteDetails(name="Riverside Pain Service", address="1 River Road", phone="01234 567890")
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-papers-") as tmp:
        services = _prepare(Path(tmp))
        try:
            case = services.cases.get_by_ref(REF)
            plan = services.careplans.agreed(case.id or 0)
            assert plan is not None
            texts = _texts(care_plan_document(services.printout(REF)).story())
            texts += _texts(PatientPlanDocument(case, plan, site).story())
            texts += _texts(GpLetterDocument(case, plan, site).story())
            progress(f"{len(texts)} texts, {sum(map(len, texts)):,} characters; {RUNS} runs each")

            def three() -> None:
                for audience in Audience:
                    paper_bytes(services.printout(REF), audience, site=site)

            three()
            _bare(texts)
            ours, bare = [], []
            for _ in range(RUNS):
                ours.append(seconds(three) * 1000)
                bare.append(seconds(lambda: _bare(texts)) * 1000)
        finally:
            services.close()
    ours_med, bare_med = median(ours), median(bare)
    return {
        "rows": [row(
            f"team + patient + GP papers of {REF}: median", ours_med, bare_med, "ms",
            target=f"<= {TARGET_RATIO:g}x bare ReportLab", met=ours_med <= TARGET_RATIO * bare_med,
            note=f"three PDFs read from SQLite; baseline: the same {len(texts)} texts as one plain document",
        )],
        "details": {"runs": RUNS, "papers_ms": ours, "bare_ms": bare, "texts": len(texts)},
    }
