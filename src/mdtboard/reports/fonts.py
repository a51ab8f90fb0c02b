"""The fonts of mdtboard's PDF documents: DejaVu Sans and Sans Mono, shipped in ``resources/fonts``,
and two fallback fonts for what DejaVu Sans does not have.

They are registered with ReportLab once and embedded (as subsets) in every document, so names such as
"Nguyễn Thị Hoa", "Zoë Ørsted" or "José Ñúñez" print the same on any PC, whatever fonts it has.
The family is registered too, so ``<b>`` and ``<i>`` in paragraph markup pick the bold and oblique faces.

DejaVu Sans covers Latin, Greek, Cyrillic, Hebrew and Arabic. For the rest, :func:`font_runs` splits a
text into runs of one font each: WenQuanYi Micro Hei for Chinese, Japanese kana and Korean Hangul (李小龍,
田中 太郎, 김민준), Symbola for emoji, and DejaVu Sans' regular face for the few characters its bold and
oblique faces lack. The fallback fonts are read only when a text needs them (a document in Latin script
costs what it did). A character no font has is an :class:`UnprintableTextError`, raised before anything
is written.
"""

from __future__ import annotations

import json
import re
import struct
import threading
import unicodedata
from functools import cache
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from mdtboard.domain.errors import InvalidInputError, Problem
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

#: The fallback fonts, in the order they are tried: registered name -> file in ``resources/fonts``.
#: ``DejaVuSans-AnyFace`` is DejaVu Sans' regular face under a name whose bold and italic are itself:
#: it prints what the bold and oblique faces lack (the oblique faces have no Arabic, for one).
ANY_FACE = "DejaVuSans-AnyFace"
CJK = "WenQuanYiMicroHei"
SYMBOLS = "Symbola"
FALLBACK_FILES: dict[str, str] = {
    ANY_FACE: "DejaVuSans.ttf",
    CJK: "WenQuanYiMicroHei.ttf",
    SYMBOLS: "Symbola-symbols.ttf",
}

_lock = threading.Lock()
_done = False
_fallbacks: list[tuple[str, frozenset[int]]] = []


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap of a font subset, with characters beyond U+FFFF written as UTF-16
    (surrogate pairs), as the PDF reference asks: ReportLab writes them as five hex digits, which readers
    reject, so an emoji would not copy or search. The rest is ReportLab's text, unchanged."""
    text: str = _reportlab_to_unicode_cmap(fontname, subset)
    if all(code <= 0xFFFF for code in subset):
        return text
    return "\n".join(_ASTRAL_ENTRY.sub(_as_utf16, line) for line in text.split("\n"))


_ASTRAL_ENTRY = re.compile(r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$")


def _as_utf16(entry: re.Match[str]) -> str:
    return f"{entry[1]}<{chr(int(entry[2], 16)).encode('utf-16-be').hex().upper()}>"


_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap

#: Bytes summed at a time by :func:`_checksum` (a multiple of 4).
_CHECKSUM_CHUNK = 16384


def _checksum(data: bytes | str) -> int:
    """The TrueType checksum of ``data`` (the sum of its big-endian 32-bit words, modulo 2**32), as
    ReportLab's own: without its C accelerator ReportLab sums a whole font file (DejaVu Sans: 190,000
    words) in one ``unpack`` and one ``sum``, two calls that hold the interpreter lock for tens of
    milliseconds (hundreds on a busy PC), so a PDF drawn in the background froze the window that long.
    Summed a chunk at a time, the window's thread gets its turns in between."""
    raw = data.encode("latin-1") if isinstance(data, str) else bytes(data)
    if len(raw) & 3:
        raw += b"\0" * (4 - (len(raw) & 3))
    total = 0
    for start in range(0, len(raw), _CHECKSUM_CHUNK):
        words = min(_CHECKSUM_CHUNK, len(raw) - start) >> 2
        total += sum(struct.unpack_from(f">{words}l", raw, start))
    return total & 0xFFFFFFFF


def register_fonts() -> None:
    """Make the shipped fonts known to ReportLab (once; later calls do nothing).

    A face's file is read the first time a document asks for it (:func:`pdfmetrics.getFont`), not here:
    reading a TrueType file costs tens of milliseconds, and most documents use two or three of the five
    faces. The family is registered at once, so ``<b>`` and ``<i>`` find their faces' names."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        if getattr(ttfonts.calcChecksum, "__name__", "") == "_py_calcChecksum":  # no C accelerator
            ttfonts.calcChecksum = _checksum
        if pdfmetrics.findFontAndRegister is not _find_font_and_register:
            _reportlab_find_font[:] = [pdfmetrics.findFontAndRegister]
            pdfmetrics.findFontAndRegister = _find_font_and_register
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_OBLIQUE, boldItalic=SANS_BOLD_OBLIQUE
        )
        _done = True


_reportlab_find_font: list[Any] = []
_face_lock = threading.RLock()


def _find_font_and_register(name: str) -> Any:
    """ReportLab's lookup of a font it does not know yet: one of mdtboard's faces is read from its file and
    registered (once, whichever thread asks first); any other name goes to ReportLab's own lookup."""
    file = FONT_FILES.get(name)
    if file is None:
        return _reportlab_find_font[0](name)
    with _face_lock:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
        return pdfmetrics.getFont(name)


def coverage(font: str) -> frozenset[int]:
    """The characters a registered font has a glyph for (reads the font's file if not read yet)."""
    register_fonts()
    widths: dict[int, int] = pdfmetrics.getFont(font).face.charWidths
    return frozenset(widths)


#: The file holding :func:`primary_coverage` as ranges of code points, computed from the shipped faces
#: by :func:`compute_primary_coverage` (a test checks that they agree).
COVERAGE_FILE = "coverage.json"


@cache
def primary_coverage() -> frozenset[int]:
    """The characters every face of DejaVu Sans has (regular, bold, oblique, bold oblique), read from
    ``resources/fonts/coverage.json`` rather than from the four font files."""
    data = json.loads(resource("fonts", COVERAGE_FILE).read_text(encoding="utf-8"))
    return frozenset(code for first, last in data["primary"] for code in range(first, last + 1))


def compute_primary_coverage() -> frozenset[int]:
    """:func:`primary_coverage` computed from the four faces' files (what ``coverage.json`` must hold)."""
    faces = (SANS, SANS_BOLD, SANS_OBLIQUE, SANS_BOLD_OBLIQUE)
    return frozenset.intersection(*(
        frozenset(TTFont(face, str(resource("fonts", FONT_FILES[face]))).face.charWidths) for face in faces
    ))


def coverage_ranges(codes: frozenset[int]) -> list[list[int]]:
    """``codes`` as sorted ``[first, last]`` ranges (how ``coverage.json`` stores them)."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ranges


@cache
def primary_characters() -> frozenset[str]:
    """:func:`primary_coverage` as characters (to compare with ``set(text)``)."""
    return frozenset(map(chr, primary_coverage()))


def fallback_fonts() -> list[tuple[str, frozenset[int]]]:
    """The fallback fonts with the characters each has, registered on first use."""
    if _fallbacks:
        return _fallbacks
    register_fonts()
    with _lock:
        if not _fallbacks:
            known = set(pdfmetrics.getRegisteredFontNames())
            found = []
            for name, file in FALLBACK_FILES.items():
                if name not in known:
                    pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
                # <b> and <i> inside a fallback run keep the fallback font (it has one face)
                pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
                found.append((name, coverage(name)))
            _fallbacks[:] = found
    return _fallbacks


class UnprintableTextError(InvalidInputError):
    """Text holds characters that none of mdtboard's fonts can print; nothing is written."""

    def __init__(self, characters: set[str]) -> None:
        self.characters = sorted(characters)
        listed = ", ".join(f"{describe_character(c)}" for c in self.characters)
        super().__init__(Problem(
            "text to print",
            f"{'this character has' if len(self.characters) == 1 else 'these characters have'} no glyph "
            f"in any font mdtboard prints with: {listed}; change or remove "
            f"{'it' if len(self.characters) == 1 else 'them'} in the record and print again",
        ))

    def describe(self) -> str:
        return f"{self.problems[0]}. No file was written."


def describe_character(ch: str) -> str:
    """``'\ue000' U+E000`` with its Unicode name when it has one (the character itself is quoted so a
    terminal or dialog shows what it is, or at least where)."""
    name = unicodedata.name(ch, "")
    return f"{ch!r} (U+{ord(ch):04X}{' ' + name if name else ''})"


def font_runs(text: str) -> list[tuple[str | None, str]]:
    """``text`` as runs ``(font, piece)``: ``None`` for the document's own face (DejaVu Sans), else the
    fallback font that has every character of the piece. Spaces and format characters stay in the run
    they are in. Raises :class:`UnprintableTextError` naming every character no font has."""
    primary = primary_coverage()
    if all(ord(ch) in primary for ch in text):
        return [(None, text)] if text else []
    fallbacks = fallback_fonts()
    coverage = dict(fallbacks)
    runs: list[tuple[str | None, str]] = []
    missing: set[str] = set()
    current: str | None = None
    piece: list[str] = []
    for ch in text:
        code = ord(ch)
        font: str | None
        if ch.isspace() and piece and (current is None or code in coverage[current]):
            font = current  # a space stays in the run it is in
        elif code in primary:
            font = None
        else:
            font = next((name for name, has in fallbacks if code in has), None)
            if font is None:
                if not ch.isspace():
                    missing.add(ch)
                continue
        if font != current and piece:
            runs.append((current, "".join(piece)))
            piece = []
        current = font
        piece.append(ch)
    if missing:
        raise UnprintableTextError(missing)
    if piece:
        runs.append((current, "".join(piece)))
    return runs


def missing_glyphs(text: str, font: str = SANS) -> set[str]:
    """The characters of ``text`` that ``font`` has no glyph for (they would print as boxes)."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    widths: dict[int, int] = face.charWidths
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in widths}
