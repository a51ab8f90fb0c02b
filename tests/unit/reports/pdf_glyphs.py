"""The glyphs a PDF really prints: each embedded font subset read with fontTools, each code of its
ToUnicode map looked up in the subset's own cmap and glyph table."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import (
    ContentStream,
    DictionaryObject,
    FloatObject,
    NumberObject,
    TextStringObject,
)

_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


@dataclass(frozen=True)
class PrintedGlyph:
    font: str  # the subset's BaseFont, e.g. "AAAAAB+WenQuanYiMicroHei"
    text: str  # what the glyph stands for (ToUnicode)
    glyph: str  # the glyph's name in the embedded subset
    empty: bool  # no outline (".notdef" or a glyph without contours)


def _codes_shown(reader: PdfReader) -> dict[str, set[int]]:
    """BaseFont -> the one-byte codes the pages' text operators show in it."""
    shown: dict[str, set[int]] = {}
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"].get_object()
        current: set[int] = set()
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = shown.setdefault(str(fonts[operands[0]].get_object()["/BaseFont"]), set())
            elif operator in (b"Tj", b"'", b'"'):
                current.update(_bytes(operands[-1]))
            elif operator == b"TJ":
                for part in operands[0]:
                    if not isinstance(part, (int, float, NumberObject, FloatObject)):
                        current.update(_bytes(part))
    return shown


def _bytes(string: object) -> bytes:
    if isinstance(string, TextStringObject):
        return string.original_bytes
    assert isinstance(string, bytes), type(string)
    return bytes(string)


def printed_glyphs(data: bytes) -> list[PrintedGlyph]:
    """Every glyph the document's text shows, from the embedded TrueType subsets."""
    reader = PdfReader(io.BytesIO(data))
    seen: dict[str, DictionaryObject] = {}
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font")
        for font in (fonts.get_object().values() if fonts else ()):
            font = font.get_object()
            seen.setdefault(str(font["/BaseFont"]), font)
    shown = _codes_shown(reader)
    out: list[PrintedGlyph] = []
    for name, font in seen.items():
        if "/FontDescriptor" not in font:  # a standard font, not embedded: nothing may be shown in it
            out += [PrintedGlyph(name, chr(code), "(not embedded)", True) for code in shown.get(name, ())]
            continue
        descriptor = font["/FontDescriptor"].get_object()
        face = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        cmap = face.getBestCmap() or {}
        if not cmap:  # a symbolic subset maps its codes in the (3, 0) table at 0xF000 + code
            for table in face["cmap"].tables:
                cmap.update({code & 0xFF: glyph for code, glyph in table.cmap.items()})
        glyf = face["glyf"]
        to_unicode = _to_unicode(font["/ToUnicode"].get_object().get_data())
        for code in sorted(shown.get(name, ())):
            text = to_unicode.get(code, "")
            glyph = cmap.get(code, ".notdef")
            shape = glyf[glyph]
            empty = glyph == ".notdef" or shape.numberOfContours == 0
            out.append(PrintedGlyph(name, text, glyph, empty and not text.isspace()))
    return out


def _to_unicode(cmap: bytes) -> dict[int, str]:
    """code -> text of a ToUnicode CMap's bfchar entries (UTF-16BE, surrogate pairs included)."""
    body = cmap.split(b"beginbfchar", 1)[1].split(b"endbfchar", 1)[0]
    return {
        int(code, 16): bytes.fromhex(text.decode()).decode("utf-16-be")
        for code, text in _ENTRY.findall(body)
    }


def characters_printed(data: bytes) -> set[str]:
    """The characters the document draws with a real glyph, in their compatibility-decomposed (NFKC)
    form, so that an Arabic letter in its joined form (U+FEE3) counts as the letter (U+0645)."""
    out: set[str] = set()
    for glyph in printed_glyphs(data):
        if not glyph.empty:
            out.update(unicodedata.normalize("NFKC", glyph.text))
    return out


def needs_a_glyph(text: str) -> set[str]:
    """The characters of ``text`` that must be drawn: not spaces, format characters or variation
    selectors."""
    return {
        ch for ch in unicodedata.normalize("NFC", text)
        if not ch.isspace() and unicodedata.category(ch) != "Cf" and not 0xFE00 <= ord(ch) <= 0xFE0F
    }
