"""Right-to-left paragraphs that wrap: the lines of an Arabic or Hebrew text read top to bottom in the order
it was typed, each line drawn right to left (with its brackets mirrored), in a plain paragraph, beside
other text and markup, and in a care plan. Read back from the PDF twice: the text pypdf extracts (which
reads each right-to-left run back in reading order), and the strings the page really draws, left to right,
decoded with the fonts' ToUnicode maps."""

from __future__ import annotations

import io
import unicodedata
from datetime import UTC, datetime

from pdf_glyphs import _to_unicode
from pypdf import PdfReader
from pypdf.generic import ContentStream, FloatObject, NumberObject, TextStringObject
from reportlab.platypus import SimpleDocTemplate

from mdtboard.domain.careplan_draft import draft_plan
from mdtboard.domain.case import Case, Patient
from mdtboard.reports.bidi import has_rtl, visual_lines, visual_text
from mdtboard.reports.care_plan import CarePlanDocument
from mdtboard.reports.fonts import register_fonts
from mdtboard.reports.styles import Paragraph, markup, styles
from mdtboard.reports.text import printable, shaped

HEBREW = ("אחת", "שתיים", "שלוש", "ארבע", "חמש", "שש", "שבע", "שמונה", "תשע", "עשר")
#: Forty Hebrew words (one to ten, four times): three lines or so at the body's width.
HEBREW_TEXT = " ".join(HEBREW * 4)
#: The same with a bracketed word: brackets are mirrored in right-to-left text.
BRACKETED = HEBREW_TEXT.replace("שבע", "(שבע)", 1)
ARABIC = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر")
ARABIC_TEXT = " ".join(ARABIC * 3)


def _pdf(*flowables: object) -> bytes:
    register_fonts()
    out = io.BytesIO()
    SimpleDocTemplate(out).build(list(flowables))
    return out.getvalue()


def extracted_lines(data: bytes) -> list[str]:
    """pypdf's text, line by line, compatibility-decomposed (Arabic joined forms read as letters)."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return [unicodedata.normalize("NFKC", line).strip() for line in text.splitlines() if line.strip()]


def drawn_lines(data: bytes) -> list[str]:
    """What each line of text of the pages draws, left to right, as the characters its glyphs stand for."""
    reader = PdfReader(io.BytesIO(data))
    lines: list[str] = []
    current: list[str] = []
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"].get_object()
        cmap: dict[int, str] = {}
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                font = fonts[operands[0]].get_object()
                cmap = _to_unicode(font["/ToUnicode"].get_object().get_data()) if "/ToUnicode" in font else {}
            elif operator in (b"Tj", b"TJ"):
                parts = operands[0] if operator == b"TJ" else [operands[0]]
                for part in parts:
                    if not isinstance(part, (int, float, NumberObject, FloatObject)):
                        raw = part.original_bytes if isinstance(part, TextStringObject) else bytes(part)
                        current.append("".join(cmap.get(code, chr(code)) for code in raw))
            elif operator in (b"T*", b"Td", b"TD", b"Tm", b"ET", b"'"):
                if "".join(current).strip():
                    lines.append("".join(current).strip())
                current = []
    return lines


def _words(lines: list[str]) -> list[str]:
    return " ".join(lines).split()


def test_a_wrapped_hebrew_paragraph_reads_top_to_bottom_in_its_order() -> None:
    data = _pdf(Paragraph(markup(HEBREW_TEXT), styles().body))
    lines = extracted_lines(data)
    assert len(lines) >= 2, lines
    assert _words(lines) == HEBREW_TEXT.split()  # every line in the typed order, the first line first
    assert lines[0].startswith("אחת שתיים שלוש ארבע")
    # each line is drawn right to left: the visual order of its own words
    drawn = drawn_lines(data)
    assert len(drawn) == len(lines)
    for shown, line in zip(drawn, lines, strict=True):
        assert shown == visual_text(line, rtl=True) == " ".join(word[::-1] for word in reversed(line.split()))
    assert drawn[0].endswith("עברא שולש םייתש תחא")


def test_brackets_in_right_to_left_lines_are_mirrored() -> None:
    drawn = drawn_lines(_pdf(Paragraph(markup(BRACKETED), styles().body)))
    assert "(עבש)" in " ".join(drawn)  # "(שבע)" drawn right to left shows its brackets the right way
    assert drawn[0].endswith("עברא שולש םייתש תחא")


def test_a_wrapped_arabic_paragraph_keeps_its_joined_letters_and_its_order() -> None:
    data = _pdf(Paragraph(markup(ARABIC_TEXT), styles().body))
    lines = extracted_lines(data)
    assert len(lines) >= 2, lines
    assert _words(lines) == unicodedata.normalize("NFKC", ARABIC_TEXT).split()
    drawn = drawn_lines(data)
    words = shaped(ARABIC_TEXT).split()  # joined forms, in the typed order
    first = len(drawn[0].split())
    assert drawn[0] == visual_text(" ".join(words[:first]), rtl=True)
    assert (
        drawn[1].split()[-1] == words[first][::-1]
    )  # the second line starts (at its right) where the first ended


def test_an_english_label_before_a_hebrew_text_keeps_the_label_first_on_each_line() -> None:
    """A paragraph beginning with Latin letters is left to right: the Hebrew run reads right to left
    within each line, its words in order from the first line to the last."""
    data = _pdf(Paragraph(f"<b>Note:</b> {markup(HEBREW_TEXT)}", styles().body))
    lines = extracted_lines(data)
    assert lines[0].startswith("Note: אחת שתיים")
    assert _words(lines) == ["Note:", *HEBREW_TEXT.split()]
    drawn = drawn_lines(data)
    assert drawn[0].startswith("Note:")  # the label stays at the left of the first line
    assert drawn[0].endswith("םייתש תחא")


def test_typed_lines_each_keep_their_own_direction() -> None:
    text = f"Plan agreed with the patient.\n{HEBREW_TEXT}\nReview in 6 weeks."
    data = _pdf(Paragraph(markup(text), styles().body))
    lines = extracted_lines(data)
    assert lines[0] == "Plan agreed with the patient."
    assert lines[-1] == "Review in 6 weeks."
    assert _words(lines[1:-1]) == HEBREW_TEXT.split()
    assert drawn_lines(data)[0] == "Plan agreed with the patient."


def test_a_care_plan_prints_a_long_hebrew_history_in_order() -> None:
    case = Case(
        "RTL-1",
        True,
        Patient("David Cohen"),
        title="Back pain",
        pain_history=f"{HEBREW_TEXT} {HEBREW_TEXT}",
    )
    data = CarePlanDocument(case, draft_plan(case), printed_at=datetime(2026, 12, 3, tzinfo=UTC)).render()
    lines = extracted_lines(data)
    start = next(i for i, line in enumerate(lines) if line.startswith("אחת שתיים"))
    words = _words(lines[start:])[: 2 * len(HEBREW_TEXT.split())]
    assert words == f"{HEBREW_TEXT} {HEBREW_TEXT}".split()


def test_latin_paragraphs_are_left_as_broken() -> None:
    register_fonts()
    paragraph = Paragraph(markup("Zoë Ørsted " * 40), styles().body)
    paragraph.wrap(300, 1000)
    assert visual_lines(paragraph.blPara) == (paragraph.blPara, False)
    assert not has_rtl("Zoë Ørsted") and has_rtl("דוד") and has_rtl("\ufeaa")


def test_a_single_line_for_the_canvas_is_still_reordered_at_once() -> None:
    assert printable("דוד כהן") == "ןהכ דוד"
    assert shaped("דוד כהן") == "דוד כהן"


def _line_starts(data: bytes) -> list[float]:
    """The x of each line of text drawn (the text matrix at its first string)."""
    reader = PdfReader(io.BytesIO(data))
    starts: list[tuple[float, float]] = []

    def visit(text: str, _cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip() and (not starts or abs(starts[-1][1] - tm[5]) > 1):
            starts.append((tm[4], tm[5]))

    reader.pages[0].extract_text(visitor_text=visit)
    return [x for x, _y in starts]


def test_a_right_to_left_paragraph_is_aligned_on_the_right_margin() -> None:
    rtl = _line_starts(_pdf(Paragraph(markup(HEBREW_TEXT), styles().body)))
    assert len(rtl) >= 2 and rtl[-1] > rtl[0] + 20  # its short last line ends at the right margin
    labelled = _line_starts(_pdf(Paragraph(f"<b>Note:</b> {markup(HEBREW_TEXT)}", styles().body)))
    assert len(labelled) >= 2 and abs(labelled[-1] - labelled[0]) < 1  # left to right: on the left margin
