"""Shared look of mdtboard's PDF documents: page sizes, colours, paragraph and table styles, and helpers
that turn stored text into safe paragraph markup.

Text typed by people goes through :func:`markup` (XML-escaped, line breaks kept) before it reaches a
``Paragraph``: a name like "O'Brien <Jr> & Co" must print as typed, never break the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus import Paragraph as _Paragraph

from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.reports.bidi import visual_lines
from mdtboard.reports.fonts import MONO, SANS, SANS_BOLD, SANS_OBLIQUE, font_runs, register_fonts
from mdtboard.reports.text import shaped

#: The page sizes a user can choose (a setting), by name.
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}
_PAGE_SIZE_NAMES = {"a4": "A4", "letter": "Letter", "us letter": "Letter", "us-letter": "Letter"}

MARGIN = 18 * mm

# Colours: dark ink, one accent, light rules; red and amber only for warnings.
INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#5F6B7A")
ACCENT = colors.HexColor("#1D4E89")
RULE = colors.HexColor("#C5CED8")
HEADER_FILL = colors.HexColor("#E7EDF4")
ZEBRA = colors.HexColor("#F7F9FB")
DANGER = colors.HexColor("#B42318")
DANGER_FILL = colors.HexColor("#FEF3F2")
WARNING = colors.HexColor("#93370D")
WARNING_FILL = colors.HexColor("#FFF6E5")
WATERMARK = colors.Color(0.55, 0.6, 0.66, alpha=0.16)


class Paragraph(_Paragraph):
    """ReportLab's ``Paragraph``, keeping the lines it last broke into for a width: a table breaks each
    cell's lines when it measures its rows and again when it draws them (and once more when it splits
    across pages), and the lines depend on nothing but the width. Every paragraph of mdtboard's documents
    is one of these; breaking lines was a fifth of the time of a care plan."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        kept: Any = self.__dict__.get("_lines_for")
        if kept is not None and kept[0] == availWidth:
            self.width, self._wrapWidths, self.blPara, self.height = kept[1]
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if "blPara" in self.__dict__:  # a width too narrow to hold anything sets nothing
            self._lines_for = (availWidth, (self.width, self._wrapWidths, self.blPara, self.height))
        return size

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 - ReportLab's name
        """Draw the lines as broken, each holding right-to-left text in visual order (see
        :mod:`mdtboard.reports.bidi`)."""
        broken: Any = self.blPara
        style: ParagraphStyle = self.__dict__["style"]
        shown, right_to_left = visual_lines(broken)
        if shown is broken:
            super().drawPara(debug)
            return
        self.blPara = shown
        if right_to_left and style.alignment == TA_LEFT:
            self.style = ParagraphStyle(f"{style.name}_rtl", parent=style, alignment=TA_RIGHT)
        try:
            super().drawPara(debug)
        finally:
            self.blPara, self.style = broken, style


def page_size(name: str) -> tuple[float, float]:
    """"A4" or "Letter" ("US Letter"), ignoring case; anything else is an input error."""
    key = _PAGE_SIZE_NAMES.get(name.strip().casefold())
    if key is None:
        raise InvalidInputError(Problem("page size", f"{name!r} is not one of A4, Letter"))
    return PAGE_SIZES[key]


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    patient: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    label: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_header: ParagraphStyle
    cell_muted: ParagraphStyle
    notice: ParagraphStyle
    mono: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=SANS, fontSize=9.5, leading=13, textColor=INK, alignment=TA_LEFT, spaceAfter=3
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=SANS_BOLD, fontSize=17, leading=21, textColor=ACCENT, spaceAfter=2
        ),
        patient=ParagraphStyle("patient", parent=body, fontName=SANS_BOLD, fontSize=13, leading=17),
        h1=ParagraphStyle(
            "h1", parent=body, fontName=SANS_BOLD, fontSize=12, leading=15, textColor=ACCENT,
            spaceBefore=10, spaceAfter=4, keepWithNext=True,
        ),
        h2=ParagraphStyle(
            "h2", parent=body, fontName=SANS_BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=2,
            keepWithNext=True,
        ),
        label=ParagraphStyle(
            "label", parent=body, fontName=SANS_BOLD, fontSize=8.5, leading=11, textColor=MUTED,
            spaceBefore=3, spaceAfter=1, keepWithNext=True,
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10.5),
        muted=ParagraphStyle("muted", parent=body, fontName=SANS_OBLIQUE, fontSize=8, leading=10.5,
                             textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=SANS_BOLD),
        cell_header=ParagraphStyle("cell_header", parent=cell, fontName=SANS_BOLD, textColor=INK),
        cell_muted=ParagraphStyle("cell_muted", parent=cell, fontName=SANS_OBLIQUE, textColor=MUTED),
        notice=ParagraphStyle("notice", parent=body, fontSize=9.5, leading=12.5, spaceAfter=0),
        mono=ParagraphStyle("mono", parent=body, fontName=MONO, fontSize=8, leading=10),
    )


# ---------------------------------------------------------------------------------------------------
# Text


#: Control characters, which no font can print, except line feed and tab.
_CONTROL_CHARACTERS = {code: None for code in range(32) if chr(code) not in "\n\t"}


def markup(text: str | None) -> str:
    """Typed text as paragraph markup: XML-escaped, line breaks kept, control characters dropped; composed
    and shaped (:func:`~mdtboard.reports.text.shaped`; the :class:`Paragraph` puts each line in visual
    order once broken), with each run of characters DejaVu Sans lacks in the fallback font that has them.
    Raises
    :class:`~mdtboard.reports.fonts.UnprintableTextError` for characters no font has."""
    if not text:
        return ""
    cleaned = text.translate(_CONTROL_CHARACTERS).replace("\r\n", "\n")
    if cleaned.isascii():
        return _escape_run(cleaned)
    return "".join(
        _escape_run(piece) if font is None else f'<font name="{font}">{_escape_run(piece)}</font>'
        for font, piece in font_runs(shaped(cleaned))
    )


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities (what ``xml.sax.saxutils.escape`` does, whose import pulls in
    urllib, http.client and email: a fifth of ReportLab's own import time, for a printout from the
    command line)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _escape_run(text: str) -> str:
    return escape(text).replace("\t", " ").replace("\n", "<br/>")


def paragraphs(text: str | None, style: ParagraphStyle) -> list[Flowable]:
    """One ``Paragraph`` per blank-line-separated block of ``text``, so long texts break across pages
    between and inside paragraphs."""
    if not text or not text.strip():
        return []
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    return [Paragraph(markup(b), style) for b in blocks if b.strip()]


def cell(text: str | None, style: ParagraphStyle | None = None) -> Paragraph:
    """A table cell that wraps."""
    return Paragraph(markup(text), style or styles().cell)


# ---------------------------------------------------------------------------------------------------
# Tables


def grid_style(*, header: bool = True, zebra: bool = True, rows: int = 0) -> TableStyle:
    """Light grid, a tinted header row, faint zebra stripes."""
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # ReportLab's default (Helvetica) would not be embedded
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED))
    if zebra:
        first = 1 if header else 0
        for row in range(first + 1, rows, 2):
            commands.append(("BACKGROUND", (0, row), (-1, row), ZEBRA))
    return TableStyle(commands)


def grid_table(
    header: Sequence[str] | None,
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    *,
    extra: Sequence[tuple[object, ...]] = (),
) -> Table:
    """A table of wrapped cells with a repeated header row, that splits across pages (between rows, and
    inside a row taller than a page)."""
    s = styles()
    data: list[list[Flowable | str]] = []
    if header is not None:
        data.append([Paragraph(markup(h), s.cell_header) for h in header])
    for row in rows:
        data.append([c if not isinstance(c, str) else cell(c) for c in row])
    table = Table(
        data, colWidths=list(widths), repeatRows=1 if header is not None else 0, splitByRow=1, splitInRow=1,
        hAlign="LEFT",
    )
    style = grid_style(header=header is not None, rows=len(data))
    for command in extra:
        style.add(*command)
    table.setStyle(style)
    return table


def boxed(content: Sequence[Flowable], width: float, *, border: Color, fill: Color) -> Table:
    """A notice: content in a coloured box with a thick left edge."""
    table = Table([[list(content)]], colWidths=[width], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("BOX", (0, 0), (-1, -1), 0.8, border),
        ("LINEBEFORE", (0, 0), (0, -1), 4, border),
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table
