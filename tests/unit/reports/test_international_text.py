"""Every name prints: Chinese, Japanese, Korean, Arabic, Hebrew, emoji and decomposed (NFD) text in every
PDF mdtboard writes, read back with pypdf and the embedded font subsets read with fontTools."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pdf_glyphs import characters_printed, needs_a_glyph, printed_glyphs
from pypdf import PdfReader

from mdtboard.domain.careplan_draft import draft_plan
from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient
from mdtboard.domain.conference import AgendaStatus, Attendee, AttendeeRole, Conference
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.meeting import ItemRecord, summarize_meeting
from mdtboard.reports.care_plan import CarePlanDocument
from mdtboard.reports.debrief import debrief_pdf
from mdtboard.reports.fonts import CJK, SYMBOLS, UnprintableTextError
from mdtboard.reports.meeting_record import meeting_record_pdf
from mdtboard.reports.styles import markup
from mdtboard.reports.text import printable
from mdtboard.services.training_data import ConferenceRecord, Presentation

NAMES = ("李小龍", "田中 太郎", "김민준", "محمد عبد الله", "דוד כהן")
EMOJI_TEXT = "Walks the dog daily 🐕, says pain is 😣 at night; thumbs up 👍 for pacing ❤️"
AT = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)


def _case(name: str, *, ref: str = "INT-1") -> Case:
    return Case(
        ref, True, Patient(name),
        title=f"Back pain, {name}",
        one_liner=EMOJI_TEXT,
        discipline_inputs=[
            DisciplineInput(
                Discipline.PSYCHOLOGY, name, f"{name} describes low mood 🙂", f"Talk with {name}"
            ),
        ],
    )


def _care_plan(case: Case) -> bytes:
    return CarePlanDocument(case, draft_plan(case), printed_at=AT).render()


def _text(data: bytes) -> str:
    """All the extracted text, composed and with Arabic joined forms read as their letters (pypdf gives
    right-to-left runs back in reading order)."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFKC", " ".join(text.split()))


def _assert_every_character_printed(data: bytes, *texts: str) -> None:
    glyphs = printed_glyphs(data)
    empty = [g for g in glyphs if g.empty]
    assert not empty, f"empty glyphs (.notdef) printed: {empty}"
    printed = characters_printed(data)
    wanted = {unicodedata.normalize("NFKC", ch) for t in texts for ch in needs_a_glyph(t)}
    missing = {ch for ch in wanted if not set(ch) <= printed}
    assert not missing, f"no glyph printed for {sorted(missing)}"


@pytest.mark.parametrize("name", NAMES)
def test_a_care_plan_prints_every_character_of_the_name_and_the_emoji(name: str) -> None:
    data = _care_plan(_case(name))
    _assert_every_character_printed(data, name, EMOJI_TEXT)
    text = _text(data)
    assert text.count(name) >= 4  # header, title block, discipline input, draft intervention
    assert f"Back pain, {name}" in text
    assert unicodedata.normalize("NFKC", EMOJI_TEXT.replace("\ufe0f", "")) in text


def test_chinese_korean_and_emoji_come_from_the_shipped_fallback_fonts_as_subsets() -> None:
    data = _care_plan(_case("李小龍 김민준"))
    by_font: dict[str, set[str]] = {}
    for glyph in printed_glyphs(data):
        by_font.setdefault(glyph.font.split("+", 1)[1], set()).update(glyph.text)
    assert set("李小龍김민준") <= by_font[CJK]
    assert {"🐕", "👍"} <= by_font[SYMBOLS]  # (DejaVu Sans has a few emoji of its own, 😣 among them)
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # embedded TrueType
            assert "+" in str(font.get_object()["/BaseFont"])  # a subset (tagged name)


def test_latin_text_embeds_dejavu_only() -> None:
    data = _care_plan(_case("Zoë Ørsted-Nguyễn").__class__(
        "LAT-1", True, Patient("Zoë Ørsted-Nguyễn"), one_liner="Crème brûlée; naïve façade",
    ))
    fonts = {g.font.split("+", 1)[1] for g in printed_glyphs(data)}
    assert fonts <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"}


def test_arabic_is_joined_and_right_to_left() -> None:
    visual = printable("محمد")
    # drawn left to right: final dal, medial meem, medial hah, initial meem (reading right to left)
    assert visual == "\ufeaa\ufee4\ufea4\ufee3"
    assert printable("Dr محمد عبد") == "Dr \ufeaa\ufe92\ufecb \ufeaa\ufee4\ufea4\ufee3"
    assert printable("דוד כהן") == "ןהכ דוד"
    # lam-alef prints as its ligature, which DejaVu Sans has
    assert printable("لا") == "\ufefb"


def test_decomposed_text_prints_as_the_composed_text() -> None:
    composed = "Zoë Ørsted, José Ñúñez, Nguyễn Thị Hoa"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert printable(decomposed) == composed
    assert markup(decomposed) == markup(composed)
    data = _care_plan(_case(decomposed))
    text = _text(data)
    assert text.count(composed) >= 3
    assert "\u0308" not in text and "\u0303" not in text  # no stray combining marks
    _assert_every_character_printed(data, composed)


def test_a_character_no_font_has_is_named_before_anything_is_written(tmp_path: Path) -> None:
    from mdtboard.reports.care_plan import CarePlanDocument as Doc

    case = _case("Linear B \U00010000, cuneiform \U00012000, a tag \U000E0001 (invisible, left out)")
    with pytest.raises(UnprintableTextError) as caught:
        Doc(case, draft_plan(case)).render()
    message = str(caught.value)
    assert "U+10000 LINEAR B SYLLABLE B008 A" in message
    assert "No file was written." in message
    assert isinstance(caught.value, InvalidInputError)  # the command line exits with status 2
    assert caught.value.characters == ["\U00010000", "\U00012000"]


def test_the_page_header_checks_the_patient_name_too() -> None:
    case = Case("INT-9", True, Patient("Name \U00010080"))
    with pytest.raises(UnprintableTextError, match="U\\+10080"):
        CarePlanDocument(case, draft_plan(case)).render()


def test_the_meeting_record_prints_international_names_and_titles() -> None:
    conference = Conference(
        title="疼痛 MDT, 12月", starts_at=datetime(2026, 12, 3, 16, 0), room="会议室 2", chair="김민준",
        attendees=[Attendee("김민준", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
                   Attendee("محمد عبد الله", Discipline.PHYSICAL_THERAPY),
                   Attendee("דוד כהן", Discipline.PSYCHOLOGY)],
    )
    items = [ItemRecord("INT-1", name, f"Back pain 😣 {name}", 10, AgendaStatus.PENDING) for name in NAMES]
    data = meeting_record_pdf(summarize_meeting(conference, items), tz=UTC, generated_at=AT)
    _assert_every_character_printed(data, *NAMES, "疼痛 MDT, 12月", "会议室 2", "😣")
    text = _text(data)
    for name in NAMES:
        assert name in text


def test_the_debrief_prints_an_international_trainee_name() -> None:
    trainee = "田中 太郎"
    record = ConferenceRecord(
        ref="t1", held_on=date(2026, 12, 3), title="Teaching conference – 김민준", trainees=(trainee,),
        presentations=(Presentation(trainee, "INT-1", seconds=200, target_seconds=180),),
    )
    data = debrief_pdf(trainee, record, history=[record], cases=[_case("محمد عبد الله")], generated_at=AT)
    _assert_every_character_printed(data, trainee, "김민준")
    text = _text(data)
    assert trainee in text and "김민준" in text


def _mdtboard(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "mdtboard"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "mdtboard.cli"]
    env = {k: v for k, v in os.environ.items() if k != "MDTBOARD_DATABASE_URL"}
    return subprocess.run([*command, *map(str, argv)], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=120, check=False)


def test_the_command_line_prints_every_name_and_refuses_what_it_cannot_print(tmp_path: Path) -> None:
    bundle = tmp_path / "names.json"
    cases = [{"id": f"INT-{i}", "fictional": True, "patient": {"display_name": name},
              "one_liner": EMOJI_TEXT} for i, name in enumerate(NAMES)]
    cases.append({"id": "BAD-1", "fictional": True, "patient": {"display_name": "Ann \U00010000 Lee"}})
    bundle.write_text(json.dumps({"format": "mdtboard.case-bundle", "version": 1, "cases": cases}), "utf-8")
    url = f"sqlite:///{tmp_path / 'names.sqlite3'}"
    done = _mdtboard("--database", url, "import", bundle)
    assert (done.returncode, done.stderr) == (0, "")
    for i, name in ((0, NAMES[0]), (3, NAMES[3])):  # Chinese and Arabic (the rest is tested in process)
        out = tmp_path / f"{i}.pdf"
        done = _mdtboard("--database", url, "care-plan", f"INT-{i}", "--pdf", out)
        assert done.returncode == 0, (name, done.stderr)
        _assert_every_character_printed(out.read_bytes(), name, EMOJI_TEXT)
        assert name in _text(out.read_bytes())
    out = tmp_path / "bad.pdf"
    done = _mdtboard("--database", url, "care-plan", "BAD-1", "--pdf", out)
    assert done.returncode == 2
    assert done.stderr.startswith("mdtboard: text to print: this character has no glyph")
    assert "U+10000 LINEAR B SYLLABLE B008 A" in done.stderr and "No file was written." in done.stderr
    assert "Ann" not in done.stderr  # the character, not the patient's name
    assert not out.exists()
