"""The fonts of mdtboard's PDF documents: DejaVu Sans and Sans Mono, shipped in ``resources/fonts``.

They are registered with ReportLab once and embedded (as subsets) in every document, so names such as
"Nguyễn Thị Hoa", "Zoë Ørsted" or "José Ñúñez" print the same on any PC, whatever fonts it has.
The family is registered too, so ``<b>`` and ``<i>`` in paragraph markup pick the bold and oblique faces.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mdtboard.resources import resource

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_OBLIQUE = "DejaVuSans-Oblique"
SANS_BOLD_OBLIQUE = "DejaVuSans-BoldOblique"
MONO = "DejaVuSansMono"

#: Registered name -> file in ``resources/fonts``.
FONT_FILES: dict[str, str] = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_OBLIQUE: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_OBLIQUE: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}

_lock = threading.Lock()
_done = False


def register_fonts() -> None:
    """Register the shipped fonts with ReportLab (once; later calls do nothing)."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, file in FONT_FILES.items():
            if name not in known:
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_OBLIQUE, boldItalic=SANS_BOLD_OBLIQUE
        )
        _done = True


def missing_glyphs(text: str, font: str = SANS) -> set[str]:
    """The characters of ``text`` that ``font`` has no glyph for (they would print as boxes)."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    widths: dict[int, int] = face.charWidths
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in widths}
