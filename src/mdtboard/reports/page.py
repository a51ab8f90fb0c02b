"""The page every clinical document shares: a header naming the patient, a footer with the document's
version, date, content fingerprint and "page X of Y", and the marks that must be on every page
("TRAINING CASE: FICTIONAL" for a fictional case, a DRAFT watermark for an unsigned document).

"Page X of Y" needs the page count before the last page is drawn: :func:`numbered_canvas` keeps each
page's drawing until the document is finished, then writes the page numbers and the pages (the usual
two-pass canvas of ReportLab documents).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from mdtboard.reports.fonts import SANS, SANS_BOLD, font_runs, register_fonts
from mdtboard.reports.styles import (
    ACCENT,
    DANGER,
    INK,
    MARGIN,
    MUTED,
    RULE,
    WATERMARK,
    page_size,
)
from mdtboard.reports.text import printable

TRAINING_MARK = "TRAINING CASE: FICTIONAL"
DRAFT_MARK = "DRAFT"

HEADER_HEIGHT = 17 * mm
FOOTER_HEIGHT = 11 * mm
TRAINING_BAND = 6 * mm


@dataclass(frozen=True)
class PageDecor:
    """What every page shows. ``header_right`` lines are right-aligned under each other."""

    document_title: str
    patient_name: str
    header_right: Sequence[str] = ()
    footer_left: str = ""
    training: bool = False
    draft: bool = False
    draft_note: str = "DRAFT \u2013 not signed"
    author: str = "mdtboard"
    subject: str = ""
    keywords: Sequence[str] = field(default_factory=tuple)


def _width(text: str, font: str, size: float) -> float:
    """The width of prepared text (see :func:`printable`) drawn in ``font`` with its fallbacks."""
    return sum(stringWidth(piece, run_font or font, size) for run_font, piece in font_runs(text))


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` composed, shaped and in visual order (:func:`printable`), shortened with an ellipsis to fit
    ``width`` (header lines must not run into each other)."""
    text = printable(text)
    if _width(text, font, size) <= width:
        return text
    while text and _width(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text + "\u2026"


def _draw(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, *, align: str = "left"
) -> None:
    """Draw prepared text at ``x`` (its left, right or centre edge by ``align``), each run in the font that
    has its characters."""
    runs = font_runs(text)
    if align != "left":
        width = sum(stringWidth(piece, run_font or font, size) for run_font, piece in runs)
        x -= width if align == "right" else width / 2
    for run_font, piece in runs:
        canvas.setFont(run_font or font, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, run_font or font, size)


def draw_page(canvas: Canvas, doc: BaseDocTemplate, decor: PageDecor) -> None:
    """Header, footer (without the page number), training band and draft watermark of one page."""
    width, height = doc.pagesize
    left, right = MARGIN, width - MARGIN
    canvas.saveState()
    if decor.draft:
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.setFont(SANS_BOLD, 120)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(40)
        canvas.drawCentredString(0, -40, DRAFT_MARK)
        canvas.restoreState()
    top = height - MARGIN / 2
    if decor.training:
        canvas.setFillColor(DANGER)
        canvas.rect(left, top - TRAINING_BAND, right - left, TRAINING_BAND, stroke=0, fill=1)
        canvas.setFillColor("white")
        canvas.setFont(SANS_BOLD, 9)
        canvas.drawCentredString(width / 2, top - TRAINING_BAND + 1.8 * mm, TRAINING_MARK)
        top -= TRAINING_BAND + 2 * mm
    # header: document title and patient on the left, references on the right
    canvas.setFillColor(ACCENT)
    canvas.setFont(SANS_BOLD, 8)
    _draw(canvas, left, top - 3.5 * mm, printable(decor.document_title.upper()), SANS_BOLD, 8)
    canvas.setFillColor(INK)
    half = (right - left) / 2
    _draw(canvas, left, top - 8.5 * mm, _fit(decor.patient_name, SANS_BOLD, 11, half), SANS_BOLD, 11)
    y = top - 3.5 * mm
    for line in decor.header_right:
        canvas.setFillColor(MUTED)
        _draw(canvas, right, y, _fit(line, SANS, 8, half - 4 * mm), SANS, 8, align="right")
        y -= 3.6 * mm
    if decor.draft:
        canvas.setFillColor(DANGER)
        canvas.setFont(SANS_BOLD, 8)
        canvas.drawString(left, top - 12.5 * mm, decor.draft_note)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - HEADER_HEIGHT + 2 * mm, right, top - HEADER_HEIGHT + 2 * mm)
    # footer
    base = MARGIN / 2 + 2 * mm
    canvas.line(left, base + 4 * mm, right, base + 4 * mm)
    canvas.setFillColor(MUTED)
    _draw(canvas, left, base, _fit(decor.footer_left, SANS, 7.5, right - left - 30 * mm), SANS, 7.5)
    if decor.training:
        canvas.setFillColor(DANGER)
        canvas.setFont(SANS_BOLD, 7.5)
        canvas.drawCentredString(width / 2, base - 3.5 * mm, TRAINING_MARK)
    canvas.restoreState()


def numbered_canvas(draw_number: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class that calls ``draw_number(canvas, page, total)`` on every page once the total is
    known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                draw_number(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_number(doc_width: float) -> Callable[[Canvas, int, int], None]:
    def draw(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setFont(SANS_BOLD, 7.5)
        canvas.drawRightString(doc_width - MARGIN, MARGIN / 2 + 2 * mm, f"Page {page} of {total}")
        canvas.restoreState()

    return draw


def render(story: Sequence[Flowable], decor: PageDecor, *, size: str = "A4") -> bytes:
    """Lay ``story`` out on pages of ``size`` ("A4" or "Letter") with ``decor``; the PDF as bytes."""
    register_fonts()
    # what the page decoration prints is checked before the layout: a character no font has is an error
    for text in (decor.document_title, decor.patient_name, *decor.header_right, decor.footer_left):
        font_runs(printable(text))
    pagesize = page_size(size)
    buffer = io.BytesIO()
    top_space = HEADER_HEIGHT + (TRAINING_BAND + 2 * mm if decor.training else 0)
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN / 2 + top_space,
        bottomMargin=MARGIN / 2 + FOOTER_HEIGHT,
        title=unicodedata.normalize("NFC", f"{decor.document_title}: {decor.patient_name}"),
        author=decor.author,
        subject=decor.subject,
        keywords=list(decor.keywords),
        creator="mdtboard",
        initialFontName=SANS,  # else every page names Helvetica, a font that is not embedded
        initialFontSize=9,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="page", frames=[frame], onPage=lambda c, d: draw_page(c, d, decor))
    ])
    doc.build(list(story), canvasmaker=numbered_canvas(_draw_number(pagesize[0])))
    return buffer.getvalue()


def frame_width(size: str = "A4") -> float:
    """The width of the text column on a page of ``size``."""
    return page_size(size)[0] - 2 * MARGIN
