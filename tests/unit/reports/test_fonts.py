"""The shipped fonts: the stored coverage of DejaVu Sans agrees with the font files, and a face's file is
read only when a document asks for that face."""

from __future__ import annotations

import json
import subprocess
import sys

from reportlab.pdfbase import pdfmetrics

from mdtboard.reports.fonts import (
    COVERAGE_FILE,
    FONT_FILES,
    SANS_BOLD_OBLIQUE,
    compute_primary_coverage,
    coverage_ranges,
    primary_coverage,
    register_fonts,
)
from mdtboard.resources import resource


def test_stored_coverage_is_what_the_four_faces_have() -> None:
    computed = compute_primary_coverage()
    assert primary_coverage() == computed
    stored = json.loads(resource("fonts", COVERAGE_FILE).read_text(encoding="utf-8"))
    assert stored["primary"] == coverage_ranges(computed)
    assert set(stored["fonts"]) == {FONT_FILES[name] for name in FONT_FILES if "Mono" not in name}
    # what the names of the examples need, and what DejaVu Sans lacks
    assert {ord(ch) for ch in "Nguyễn Thị Hoa Zoë Ørsted José Ñúñez"} <= computed
    assert ord("李") not in computed


def test_coverage_ranges_are_sorted_and_merged() -> None:
    assert coverage_ranges(frozenset({5, 1, 2, 3, 9})) == [[1, 3], [5, 5], [9, 9]]
    assert coverage_ranges(frozenset()) == []


def test_a_face_is_read_when_first_asked_for() -> None:
    code = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from mdtboard.reports.fonts import register_fonts, FONT_FILES, font_runs\n"
        "register_fonts()\n"
        "font_runs('Zoë Ørsted')\n"
        "print(sorted(set(FONT_FILES) & set(pdfmetrics.getRegisteredFontNames())))\n"
        "pdfmetrics.getFont('DejaVuSans-Bold')\n"
        "print(sorted(set(FONT_FILES) & set(pdfmetrics.getRegisteredFontNames())))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[]", "['DejaVuSans-Bold']"]


def test_every_face_is_found_by_name() -> None:
    register_fonts()
    for name in FONT_FILES:
        font = pdfmetrics.getFont(name)
        assert font.fontName == name
        assert font.stringWidth("Ørsted", 10) > 0
    assert pdfmetrics.getFont(SANS_BOLD_OBLIQUE) is pdfmetrics.getFont(SANS_BOLD_OBLIQUE)
    assert pdfmetrics.getFont("Helvetica").fontName == "Helvetica"  # ReportLab's own lookup still works


def test_font_checksums_are_reportlab_s_summed_a_chunk_at_a_time() -> None:
    """Without ReportLab's C accelerator, its checksum of a whole font file is two calls that hold the
    interpreter lock throughout (a PDF drawn in the background froze the window); mdtboard's gives the
    same numbers for every shipped font, whole or cut at any length."""
    from reportlab.lib.rl_accel import _py_calcChecksum
    from reportlab.pdfbase import ttfonts

    from mdtboard.reports import fonts

    register_fonts()
    assert ttfonts.calcChecksum is not _py_calcChecksum  # ReportLab's C accelerator, or mdtboard's
    for name in (*FONT_FILES.values(), *fonts.FALLBACK_FILES.values()):
        data = resource("fonts", name).read_bytes()
        for cut in (0, 1, 2, 3, fonts._CHECKSUM_CHUNK + 5):
            assert fonts._checksum(data[: len(data) - cut]) == _py_calcChecksum(data[: len(data) - cut]), name
