"""Typed text made ready for a PDF page: composed, in the order it is drawn, Arabic letters joined.

ReportLab draws the characters of a string left to right, each in its isolated form. So, before a text
reaches a paragraph or the canvas:

- it is composed (Unicode NFC): "Zoë" typed as "Zoe" + combining diaeresis prints like "Zoë";
- Arabic letters take their joined forms (initial, medial, final, lam-alef), with ``arabic-reshaper``
  given the ligatures DejaVu Sans has, so "محمد" prints joined, not as four separate letters;
- right-to-left runs (Arabic, Hebrew) are put in visual order by the Unicode bidirectional algorithm
  (``python-bidi``), line by line of the typed text, so "محمد عبد الله" reads right to left, inside an
  English sentence too;
- variation selectors and the invisible format characters (joiners, direction marks) are dropped: they
  have done their work (or ask for colour emoji, which a PDF font here cannot draw) and would print as
  empty boxes.

The direction of a line follows its first letter. :func:`printable` is for a single line drawn on the
canvas (headers, footers): it is reordered here. A paragraph, whose lines ReportLab breaks, takes
:func:`shaped` text, in the order it was typed, and each of its lines is reordered once broken (see
:mod:`mdtboard.reports.bidi`), so that a wrapped right-to-left text reads top to bottom in its order.

Text that is plain ASCII is returned as it is, at no cost.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

#: Variation selectors (text or emoji presentation): no glyph of their own.
_VARIATION_SELECTORS = {code: None for code in range(0xFE00, 0xFE10)}

#: Bidirectional classes of right-to-left letters.
_RTL = {"R", "AL"}


def printable(text: str) -> str:
    """``text`` composed, shaped and in visual order, ready for ReportLab's canvas, one line at a time (see
    the module's doc)."""
    return _prepared(text, visual=True)


def shaped(text: str) -> str:
    """``text`` composed and shaped, in the order it was typed: for a paragraph, whose lines are put in
    visual order once broken (see :mod:`mdtboard.reports.bidi`)."""
    return _prepared(text, visual=False)


def _prepared(text: str, *, visual: bool) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    if set(text) <= _plain_characters():  # Latin, Greek, Cyrillic...: nothing to do
        return text
    text = text.translate(_VARIATION_SELECTORS)
    if max(text) >= "\u0590" and any(unicodedata.bidirectional(ch) in _RTL for ch in text):
        text = "\n".join(_line(line, visual) for line in text.split("\n"))
    if any(unicodedata.category(ch) == "Cf" for ch in text):  # direction marks (used above), joiners
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return text


@cache
def _plain_characters() -> frozenset[str]:
    """The characters DejaVu Sans prints in every face as they are: not right-to-left, not format
    characters, not variation selectors."""
    from mdtboard.reports.fonts import primary_characters

    return frozenset(
        ch for ch in primary_characters()
        if unicodedata.bidirectional(ch) not in _RTL and unicodedata.category(ch) not in ("Cf", "Mn")
        or ch.isspace()
    )


def _line(line: str, visual: bool) -> str:
    if not any(unicodedata.bidirectional(ch) in _RTL for ch in line):
        return line
    if any(unicodedata.bidirectional(ch) == "AL" for ch in line):
        line = _reshaper().reshape(line)
    if not visual:
        return line
    from bidi.algorithm import get_display  # the reference algorithm, with mirroring (rule L4)

    shown: str = get_display(line)
    return shown


@cache
def _reshaper() -> Any:
    """An Arabic reshaper that uses only the ligatures DejaVu Sans has a glyph for (it lacks the word
    ligatures such as U+FDF2 for "الله", which then prints letter by letter, joined)."""
    from arabic_reshaper import ArabicReshaper
    from arabic_reshaper.ligatures import LETTERS_LIGATURES, SENTENCES_LIGATURES, WORDS_LIGATURES

    from mdtboard.reports.fonts import SANS, coverage

    has = coverage(SANS)
    configuration: dict[str, Any] = {"delete_harakat": False, "shift_harakat_position": True}
    for name, (_match, forms) in (*SENTENCES_LIGATURES, *WORDS_LIGATURES, *LETTERS_LIGATURES):
        configuration[name] = all(ord(form) in has for form in forms if form)
    return ArabicReshaper(configuration=configuration)
