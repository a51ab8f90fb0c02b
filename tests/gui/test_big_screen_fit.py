"""The big screen at every zoom step on 1280x720 and 1920x1080: no text drawn outside the screen (banners,
header and the timer bar included), the header the same height whatever the timer says, and it opens on
the first section."""

from __future__ import annotations

import pytest
from conftest import settle
from presentation_support import Meeting, MeetingFactory, make_meeting
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mdtboard.ui.presentation.big_screen import BigScreen
from mdtboard.ui.presentation.sizing import ZOOM_STEPS

__all__ = ["make_meeting"]  # the fixture, imported for pytest

SCREENS = ((1280, 720), (1920, 1080))


def _text_width(label: QLabel) -> float:
    """The width the label's text needs on one line (rich text measured as the label lays it out)."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    if label.textFormat() == Qt.TextFormat.PlainText:
        doc.setPlainText(label.text())
    else:
        doc.setHtml(label.text())
    return doc.idealWidth()


def overflowing(screen: BigScreen, width: int, height: int) -> list[str]:
    """Every visible label whose box or text reaches outside the screen or outside its own box."""
    problems = []
    if screen.width() > width or screen.height() > height:
        problems.append(f"the window is {screen.width()}x{screen.height()}, larger than the screen")
    bounds = QRect(0, 0, width, height)
    text_box = QRect(screen.text.mapTo(screen, QPoint(0, 0)), screen.text.size())
    if not bounds.contains(text_box):
        problems.append(f"the case's text at {text_box.getRect()} is outside the screen")
    for label in screen.findChildren(QLabel):
        if not label.isVisibleTo(screen) or not label.text():
            continue
        name = label.objectName()
        box = QRect(label.mapTo(screen, QPoint(0, 0)), label.size())
        if not bounds.contains(box):
            problems.append(f"{name} at {box.getRect()} is outside the screen")
            continue
        inner = label.contentsRect()
        if label.wordWrap():
            needed = label.heightForWidth(inner.width())
            if needed > inner.height() + 1:
                problems.append(f"{name} needs {needed} px of height, has {inner.height()}")
        elif _text_width(label) > inner.width() + 1:
            problems.append(f"{name} needs {_text_width(label):.0f} px of width, has {inner.width()}")
    return problems


def _show(
    qtbot: QtBot, meeting: Meeting, monkeypatch: pytest.MonkeyPatch, width: int, height: int
) -> BigScreen:
    meeting.mode.start()
    screen = meeting.screen
    monkeypatch.setattr(screen, "screen_height", lambda: height)
    screen.showNormal()
    screen.setGeometry(0, 0, width, height)
    screen.setFixedSize(width, height)  # as a full-screen window is: the screen's size, not more
    screen.apply_style()
    qtbot.waitExposed(screen)
    return screen


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_no_text_outside_the_screen_at_any_zoom(
    qtbot: QtBot, make_meeting: MeetingFactory, monkeypatch: pytest.MonkeyPatch, width: int, height: int
) -> None:
    meeting = make_meeting()
    meeting.discuss("MDT-RISK")  # both banners, a long history
    screen = _show(qtbot, meeting, monkeypatch, width, height)
    meeting.session.toggle_timer()
    meeting.clock.advance(minutes=14.2)  # overrun: the longest timer text
    meeting.session.ticked.emit()
    found = {}
    for zoom in ZOOM_STEPS:
        screen.set_zoom(zoom)
        for section in range(len(meeting.session.sections)):
            meeting.session.show_section(section)
            qtbot.wait(1)
            problems = overflowing(screen, width, height)
            if problems:
                found[(zoom, meeting.session.sections[section].key)] = problems
    assert found == {}


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_the_header_keeps_its_height_whatever_the_timer_says(
    qtbot: QtBot, make_meeting: MeetingFactory, monkeypatch: pytest.MonkeyPatch, width: int, height: int
) -> None:
    meeting = make_meeting()
    meeting.discuss("MDT-RISK")
    screen = _show(qtbot, meeting, monkeypatch, width, height)
    screen.set_zoom(1.3)
    session = meeting.session

    def header() -> tuple[int, str]:
        session.ticked.emit()
        qtbot.wait(1)
        return screen.ui.topBar.height(), screen.ui.stateLabel.text()

    seen = [header()]  # not started
    session.toggle_timer()
    seen.append(header())  # running
    meeting.clock.advance(minutes=10.5)
    seen.append(header())  # 2 min left
    session.toggle_timer()
    seen.append(header())  # paused
    session.toggle_timer()
    meeting.clock.advance(minutes=15)
    seen.append(header())  # overrun
    assert len({text for _h, text in seen}) >= 4, seen  # the timer did say different things
    assert len({h for h, _t in seen}) == 1, seen


def test_the_big_screen_opens_on_the_situation(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    meeting.mode.start()
    meeting.session.show_section(3)
    meeting.mode.leave()
    assert meeting.session.section == 3  # the operator moved on while it was off
    meeting.mode.start()
    assert meeting.session.section == 0
    assert meeting.screen.ui.sectionLabel.text() == "Situation"


def test_projected_finish_only_on_the_meetings_day(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    meeting.mode.start()
    session = meeting.session
    session.toggle_timer()
    settle()  # the meeting's start is written, and read back, in the background
    meeting.clock.advance(minutes=3)
    session.ticked.emit()
    on_the_day = meeting.screen.ui.meetingLabel.text()
    assert "Meeting 0:03:00" in on_the_day and "ends ≈" in on_the_day
    meeting.clock.advance(minutes=24 * 60)  # the same meeting still open the next day
    session.ticked.emit()
    next_day = meeting.screen.ui.meetingLabel.text()
    assert next_day.startswith("Meeting ") and "ends" not in next_day and "early" not in next_day
    assert "late" not in next_day
