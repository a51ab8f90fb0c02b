"""The printed meeting record, read back with pypdf."""

from __future__ import annotations

import io
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import AgendaStatus, Attendee, AttendeeRole, Conference
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.meeting import ItemRecord, MeetingRecord, summarize_meeting
from mdtboard.domain.timers import PLAN, PRESENTATION, FloorSegment
from mdtboard.reports.meeting_record import (
    MeetingRecordDocument,
    meeting_record_pdf,
    write_meeting_record_pdf,
)
from mdtboard.services.files import FileWriteError

T0 = datetime(2026, 3, 4, 16, 0, tzinfo=UTC)
PRINTED = datetime(2026, 3, 4, 18, 0, tzinfo=UTC)
DOC = Discipline.PHYSICIAN
PT = Discipline.PHYSICAL_THERAPY
PHARM = Discipline.PHARMACY
NURSE = Discipline.NURSING


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def floor(*parts: tuple[Discipline | None, float, float]) -> tuple[FloorSegment, ...]:
    return tuple(FloorSegment(d, at(a), at(b)) for d, a, b in parts)


def conference() -> Conference:
    return Conference(
        title="Pain MDT, March",
        starts_at=datetime(2026, 3, 4, 16, 0),
        room="Seminar room 2",
        chair="Dr Ada Byrne",
        attendees=[
            Attendee("Dr Ada Byrne", DOC, AttendeeRole.CHAIR),
            Attendee("Sam Okafor", PT),
            Attendee("Lee Park", PHARM),
            Attendee("Jo Rees", NURSE),
        ],
    )


def record(n_extra: int = 0) -> MeetingRecord:
    items = [
        ItemRecord(
            "CASE-A", "Alex Example", "Low back pain <L5/S1> & sciatica", 12, AgendaStatus.DISCUSSED,
            at(0), at(16), active_seconds=15 * 60 + 12,
            phase_durations=((PRESENTATION, 400.0), (PLAN, 120.0)),
            floor_segments=floor((DOC, 0, 5), (PT, 5, 9), (PHARM, 9, 11), (None, 11, 15.2)),
        ),
        ItemRecord(
            "CASE-B", "Bo Sample", None, 10, AgendaStatus.DEFERRED, at(16), at(20),
            floor_segments=floor((DOC, 16, 20)),
        ),
        ItemRecord(
            "CASE-C", "Cy Trial", "Neck pain", 8, AgendaStatus.DISCUSSED, at(20), at(29.5),
            floor_segments=floor((DOC, 20, 26), (PT, 26, 29.5)),
        ),
        ItemRecord("CASE-D", "Di Test", "Widespread pain", 15, AgendaStatus.PENDING),
    ]
    items += [
        ItemRecord(f"EXTRA-{n:03d}", f"Patient {n}", "A long list", 10, AgendaStatus.PENDING)
        for n in range(n_extra)
    ]
    return summarize_meeting(conference(), items, started_at=at(-2), ended_at=at(31))


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_record_prints_every_part() -> None:
    data = meeting_record_pdf(record(), tz=UTC, generated_at=PRINTED)
    assert data.startswith(b"%PDF")
    pages, text = pdf_text(data)
    text = flat(text)
    assert pages == 2
    assert "Meeting record: Pain MDT, March" in text
    assert "Wednesday 04 March 2026, 16:00" in text
    assert "Seminar room 2" in text and "Dr Ada Byrne" in text
    assert "15:58 to 16:31" in text
    assert "0:33:00 against planned 0:45:00: 0:12:00 under plan" in text
    for ref in ("CASE-A", "CASE-B", "CASE-C", "CASE-D"):
        assert ref in text
    assert "Low back pain <L5/S1> & sciatica" in text  # markup characters printed as they are
    assert "2 discussed, 1 deferred, 1 not reached" in text
    # Case table: budget, actual, over/under, status.
    assert "12:00 15:12 +03:12 over discussed" in text
    assert "10:00 04:00 -06:00 deferred" in text
    assert "08:00 09:30 +01:30 over discussed" in text
    assert "15:00 not timed – pending" in text
    assert "Total 45:00 28:42" in text
    # Overruns, which and by how much.
    assert "2 case(s) ran over, by 04:42 in all" in text
    assert "CASE-A: 15:12 against a budget of 12:00, over by +03:12" in text
    assert "CASE-C: 09:30 against a budget of 08:00, over by +01:30" in text
    # Time share: the disciplines with their figures, in the drawing and in the table.
    for name in ("Physician", "Physical therapy", "Pharmacy", "Nursing", "No discipline marked"):
        assert name in text
    assert "Physician 15:00 52%" in text
    assert "Nursing 00:00 0%" in text
    assert "52% · 15:00" in text  # beside the bar
    assert "CASE-A: Physician 05:00 (33%)" in text
    # Attendance and quorum, missing and silent disciplines.
    assert "Not quorate: missing psychology" in text
    assert "Missing from attendance: Psychology." in text
    assert "Present but never heard: Nursing." in text
    assert "page 1 of 2" in text.lower() and "page 2 of 2" in text.lower()
    assert "printed 2026-03-04 18:00" in text


def test_page_x_of_y_on_every_page() -> None:
    data = meeting_record_pdf(record(n_extra=70), tz=UTC, generated_at=PRINTED)
    reader = PdfReader(io.BytesIO(data))
    total = len(reader.pages)
    assert total >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"page {number} of {total}" in page.extract_text().lower()
    assert "EXTRA-069" in flat("\n".join(p.extract_text() for p in reader.pages))


def test_times_are_printed_in_the_time_zone_asked_for() -> None:
    from datetime import timezone

    _, text = pdf_text(meeting_record_pdf(record(), tz=timezone(timedelta(hours=1)), generated_at=PRINTED))
    assert "16:58 to 17:31" in flat(text)


def test_patient_names_can_be_left_out() -> None:
    _, with_names = pdf_text(meeting_record_pdf(record(), tz=UTC, generated_at=PRINTED))
    _, without = pdf_text(meeting_record_pdf(record(), tz=UTC, generated_at=PRINTED, patient_names=False))
    assert "Alex Example" in with_names
    assert "Alex Example" not in without and "Bo Sample" not in without
    assert "CASE-A" in without


def test_a_quiet_meeting_says_what_was_not_recorded() -> None:
    conf = Conference(title="Empty", starts_at=datetime(2026, 3, 5, 8, 0))
    quiet = summarize_meeting(conf, [ItemRecord("CASE-Q", "Q", None, 12, AgendaStatus.PENDING)])
    _, text = pdf_text(meeting_record_pdf(quiet, tz=UTC, generated_at=PRINTED))
    text = flat(text)
    assert "No attendance was recorded." in text
    assert "not timed (planned 0:12:00)" in text
    assert "No case ran over its budget." in text
    assert "Who held the floor was not recorded at this meeting." in text
    assert "Missing from attendance: Physician, Physical therapy, Psychology." in text
    assert "Present but never heard: not known (the floor was not tracked)." in text


def test_the_class_and_the_function_print_the_same() -> None:
    by_function = pdf_text(meeting_record_pdf(record(), tz=UTC, generated_at=PRINTED))
    assert pdf_text(MeetingRecordDocument(record(), tz=UTC, generated_at=PRINTED).render()) == by_function


def test_letter_paper_and_an_unknown_size() -> None:
    reader = PdfReader(io.BytesIO(meeting_record_pdf(record(), tz=UTC, generated_at=PRINTED, size="Letter")))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    with pytest.raises(InvalidInputError, match="page size"):
        meeting_record_pdf(record(), size="A5")


def test_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "record.pdf"
    target.write_bytes(b"old")
    written = write_meeting_record_pdf(record(), target, tz=UTC, generated_at=PRINTED)
    assert written == target
    expected = meeting_record_pdf(record(), tz=UTC, generated_at=PRINTED)
    assert pdf_text(target.read_bytes()) == pdf_text(expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.pdf"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_failed_write_leaves_the_earlier_file(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "record.pdf"
    target.write_bytes(b"earlier record")
    folder.chmod(0o500)
    try:
        with pytest.raises(FileWriteError, match="permission denied"):
            write_meeting_record_pdf(record(), target, tz=UTC, generated_at=PRINTED)
    finally:
        folder.chmod(0o700)
    assert target.read_bytes() == b"earlier record"
    assert sorted(p.name for p in folder.iterdir()) == ["record.pdf"]


def test_a_missing_folder_is_a_file_write_error(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="folder does not exist"):
        write_meeting_record_pdf(record(), tmp_path / "nowhere" / "record.pdf", tz=UTC, generated_at=PRINTED)


def test_a_folder_in_the_way_is_a_file_write_error(tmp_path: Path) -> None:
    (tmp_path / "record.pdf").mkdir()
    with pytest.raises(FileWriteError, match="folder of that name is in the way"):
        write_meeting_record_pdf(record(), tmp_path / "record.pdf", tz=UTC, generated_at=PRINTED)
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]
