"""Reading generated PDFs back with pypdf: page texts, the body text without header and footer, fonts."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from mdtboard.reports.page import FOOTER_HEIGHT, HEADER_HEIGHT, TRAINING_BAND
from mdtboard.reports.styles import MARGIN


@dataclass
class ReadPdf:
    reader: PdfReader
    pages: list[str]
    body: str

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """All the text with runs of whitespace as one space (lines wrapped anywhere still match)."""
        return squash(self.text)

    @property
    def compact(self) -> str:
        """All the text without any whitespace: for words a narrow table cell may break anywhere."""
        return "".join(self.text.split())

    @property
    def flat_body(self) -> str:
        return squash(self.body)


def squash(text: str) -> str:
    return " ".join(text.split())


def read_pdf(data: bytes, *, training: bool) -> ReadPdf:
    """Every page's text, and the body text of all pages (without header, footer and watermark), so that a
    paragraph broken across a page boundary reads as one."""
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    top_space = MARGIN / 2 + HEADER_HEIGHT + (TRAINING_BAND + 2 * 2.834645669 if training else 0)
    bottom = MARGIN / 2 + FOOTER_HEIGHT
    body: list[str] = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        parts: list[str] = []

        def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any, parts: list[str] = parts,
                  height: float = height) -> None:
            if cm[1] or cm[2]:  # rotated: the watermark
                return
            y = tm[5] * cm[3] + cm[5]
            if bottom - 1 <= y <= height - top_space + 1:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        body.append("".join(parts))
    return ReadPdf(reader, pages, "\n".join(body))


def font_problems(reader: PdfReader) -> list[str]:
    """Fonts of the document that are not embedded TrueType (FontFile2) or are not shipped with mdtboard."""
    problems: list[str] = []
    seen: set[str] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        fonts = resources.get_object().get("/Font")
        if fonts is None:
            continue
        for font in fonts.get_object().values():
            font = font.get_object()
            name = str(font.get("/BaseFont"))
            if name in seen:
                continue
            seen.add(name)
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if descriptor is None:
                problems.append(f"{name}: no font descriptor (a standard font, not embedded)")
                continue
            descriptor = descriptor.get_object()
            assert isinstance(descriptor, DictionaryObject)
            if "/FontFile2" not in descriptor:
                problems.append(f"{name}: not embedded as TrueType (FontFile2)")
            if not re.search(r"DejaVu|Symbola|WenQuanYi", name):  # the shipped fonts (lock sign: Symbola)
                problems.append(f"{name}: not a shipped font")
    if not seen:
        problems.append("no fonts found")
    return problems
