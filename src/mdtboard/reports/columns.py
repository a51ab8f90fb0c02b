"""Column widths chosen from a table's content so that no word is ever broken in the middle.

ReportLab breaks a word that is wider than its column into pieces. :func:`word_safe_widths` starts from
the proportions a document prefers and widens any column whose longest word would not fit, taking the
room from columns with room to spare; when the words cannot all fit at the table's width,
:func:`fit_table_cells` prints that table's text smaller (never below 6.5 pt) until they do. Cells are
also told never to split a word (``splitLongWords = 0``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from mdtboard.reports.styles import Paragraph, cell, markup, styles

_BREAKS = re.compile(r"[ \t\n\r\u2009\u200b]+")
#: Left and right padding of a grid cell (see ``styles.grid_style``), and a little air.
CELL_PADDING = 8 + 1.5
SMALLEST = 6.5


def longest_word(text: str, font: str, size: float) -> float:
    """The width of the widest word of ``text`` in ``font`` at ``size`` points (words joined by no-break
    spaces count as one)."""
    words = _BREAKS.split(text)
    return max((stringWidth(w, font, size) for w in words), default=0.0)


def word_safe_widths(
    columns: Sequence[Sequence[tuple[str, str, float]]], fractions: Sequence[float], width: float
) -> list[float] | None:
    """Widths adding up to ``width``, near ``fractions`` of it, each at least as wide as the longest word
    of its column. ``columns[i]`` holds the (text, font, size) of every cell of column i. ``None`` when
    the longest words do not fit side by side at all."""
    need = [
        max((longest_word(text, font, size) for text, font, size in column), default=0.0) + CELL_PADDING
        for column in columns
    ]
    if sum(need) > width:
        return None
    total = sum(fractions)
    widths = [width * f / total for f in fractions]
    for _round in range(len(widths) + 1):
        short = [i for i, w in enumerate(widths) if w < need[i]]
        if not short:
            break
        wanted = sum(need[i] - widths[i] for i in short)
        for i in short:
            widths[i] = need[i]
        spare = {i: widths[i] - need[i] for i in range(len(widths)) if i not in short and widths[i] > need[i]}
        room = sum(spare.values())
        for i, extra in spare.items():
            widths[i] -= wanted * extra / room
    return widths


def _smaller(style: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.3,
                          splitLongWords=0)


def fit_table_cells(
    header: Sequence[str],
    rows: Sequence[Sequence[tuple[str, ParagraphStyle | None]]],
    fractions: Sequence[float],
    width: float,
    *,
    size: float | None = None,
) -> tuple[list[Paragraph], list[list[Paragraph]], list[float]]:
    """The header cells, body cells and column widths of a table whose words all stay whole: the widths
    from :func:`word_safe_widths`, the text (``size`` points, default the shared cell size) made smaller
    when the words do not fit."""
    s = styles()
    size = s.cell.fontSize if size is None else size
    while True:
        head_style = _smaller(s.cell_header, size)
        body = [[(text, _smaller(style or s.cell, size)) for text, style in row] for row in rows]
        columns = [
            [(h, head_style.fontName, size)] + [(row[i][0], row[i][1].fontName, size) for row in body]
            for i, h in enumerate(header)
        ]
        widths = word_safe_widths(columns, fractions, width)
        if widths is not None or size <= SMALLEST:
            break
        size -= 0.5
    if widths is None:  # words wider than a page even at the smallest size: proportions, words overflow
        widths = [width * f / sum(fractions) for f in fractions]
    return (
        [Paragraph(markup(h), head_style) for h in header],
        [[cell(text, style) for text, style in row] for row in body],
        widths,
    )
