"""Presentation mode in the main window (one offscreen screen, a fake clock): entering and leaving by F5 and
Esc, the case in ISBAR sections with its banners, keyboard navigation from the operator's window and from
the big screen (sections, pages, cases, the timer), typed input mirrored as it is typed, the countdown's
states in words and shapes, and the shortcuts listed in Help > Keyboard shortcuts without clashes."""

from __future__ import annotations

from collections import Counter

from conftest import settle
from gui_helpers import press
from presentation_support import AGENDA, SECRET, Meeting, MeetingFactory, make_meeting
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Discipline
from mdtboard.domain.timers import TimerState
from mdtboard.ui.shortcut_sheet import ShortcutSheet

__all__ = ["make_meeting"]  # the fixture, imported for pytest

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def all_pages(meeting: Meeting) -> str:
    text = meeting.screen.text
    return " ".join(text.page_text(n) for n in range(text.page_count()))


def _section_titles(meeting: Meeting) -> list[str]:
    return [s.title for s in meeting.session.sections]


def _screen_text(meeting: Meeting) -> str:
    """Every word the big screen shows of the case under discussion: each section, every page, the
    banners and the header."""
    screen = meeting.screen
    shown = []
    for index in range(len(meeting.session.sections)):
        meeting.session.show_section(index)
        shown.append(all_pages(meeting))
        shown.extend(label.text() for label in screen.findChildren(QLabel) if label.isVisibleTo(screen))
    return "\n".join(shown)


def test_restricted_text_never_reaches_the_big_screen(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    meeting.discuss("MDT-RISK")  # sharing restrictions and a restricted passage
    meeting.mode.start()
    assert meeting.session.case is not None and meeting.session.case.ref == "MDT-RISK"
    panel = meeting.workspace.discussion.panels[Discipline.PSYCHOLOGY]
    panel.ui.assessmentEdit.setPlainText(f"Low mood. {SECRET} Engaged.")  # typed live, words of the passage
    shown = _screen_text(meeting)
    assert "Sharing restrictions apply: ask Ana Ruiz before discussing details" in shown
    assert "occupational health" not in shown and "employer" not in shown
    assert "court case" not in shown
    assert shown.count("[restricted: held by psychology]") >= 2  # the history and the typed input
    assert "Lives alone." in shown and "Walks her dog daily." in shown and "Low mood." in shown


def test_f5_shows_the_case_full_screen_and_esc_leaves(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    assert not meeting.mode.presenting
    assert not meeting.mode.leave_action.isEnabled()  # Esc is free for other uses until presenting
    press(qtbot, Qt.Key.Key_F5)
    screen = meeting.screen
    qtbot.waitExposed(screen)
    assert screen.isVisible() and screen.isFullScreen()
    only = QApplication.primaryScreen()
    assert screen.screen() is only and screen.geometry() == only.geometry()
    assert screen.ui.caseLabel.text().startswith(f"Case 1 of 3 · {AGENDA[0]}")
    assert "Big screen on" in meeting.mode.bar.ui.screenLabel.text()  # type: ignore[union-attr]
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.isVisible() and not meeting.mode.presenting
    assert meeting.mode.bar.ui.screenLabel.text() == "Big screen off"  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_F5)
    assert meeting.screen.isVisible()
    press(qtbot, Qt.Key.Key_F5)  # F5 again leaves too
    assert not meeting.mode.presenting


def test_the_case_in_isbar_order_with_mme_flags_and_banners(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    meeting.mode.start()
    screen = meeting.screen
    assert _section_titles(meeting) == [
        "Situation", "Background", "Medications", "Assessment", "Team input", "Recommendation"
    ]
    assert [s.letter for s in meeting.session.sections] == ["S", "B", "B", "A", "A", "R"]
    assert not screen.ui.safetyFrame.isVisibleTo(screen) and not screen.ui.sharingFrame.isVisibleTo(screen)
    meeting.session.show_section(2)
    assert screen.ui.sectionLabel.text() == "Medications"
    medications = all_pages(meeting)
    assert "Total 165 MME/day" in medications
    assert "alprazolam" in medications and "⚠" in medications  # the benzodiazepine co-prescription flag
    meeting.session.show_section(3)
    assert "Pain (NRS): 7 of 10" in screen.text.page_text(0)

    press(qtbot, Qt.Key.Key_PageDown, ALT)  # next case, from the operator's window
    settle()  # the case read in the background
    assert meeting.session.case is not None and meeting.session.case.ref == "MDT-RISK"
    assert screen.ui.safetyFrame.isVisibleTo(screen)
    assert screen.ui.safetyLabel.text().startswith("SAFETY: PHQ-9 item 9")
    assert screen.ui.safetyIcon.pixmap() is not None and not screen.ui.safetyIcon.pixmap().isNull()
    assert screen.ui.sharingFrame.isVisibleTo(screen)
    assert screen.ui.sharingLabel.text() == (
        "Sharing restrictions apply: ask Ana Ruiz before discussing details"
    )
    assert screen.ui.safetyLabel.font().bold() and screen.ui.sharingLabel.font().bold()
    assert screen.ui.safetyLabel.font().pixelSize() > screen.text.document.defaultFont().pixelSize()


def test_sections_and_pages_by_keyboard_from_both_windows(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    meeting.discuss("MDT-RISK")  # its long history fills several pages
    meeting.mode.start()
    screen = meeting.screen
    body_size = screen.text.document.defaultFont().pixelSize()
    assert meeting.session.section == 0
    for _page in range(screen.text.page_count()):  # through the situation's pages, on to the background
        qtbot.keyClick(screen, Qt.Key.Key_Right)
    assert meeting.session.section == 1 and screen.ui.sectionLabel.text() == "Background"
    pages = screen.text.page_count()
    assert pages >= 2, "the long history should need more than one page"
    assert screen.ui.pageLabel.text() == f"page 1 of {pages}"
    qtbot.keyClick(screen, Qt.Key.Key_PageDown)
    assert screen.text.page == 1 and screen.ui.pageLabel.text() == f"page 2 of {pages}"
    assert screen.text.document.defaultFont().pixelSize() == body_size  # paged, never shrunk
    qtbot.keyClick(screen, Qt.Key.Key_Left)
    assert screen.text.page == 0
    qtbot.keyClick(screen, Qt.Key.Key_Left)  # before the first page: the last page of the previous section
    assert meeting.session.section == 0 and screen.text.page == screen.text.page_count() - 1

    # From the operator's window, with the cursor in a discipline's input.
    meeting.window.activateWindow()
    qtbot.waitUntil(meeting.window.isActiveWindow)
    meeting.workspace.focus_discipline(Discipline.PSYCHOLOGY)
    edit = meeting.workspace.discussion.panels[Discipline.PSYCHOLOGY].ui.assessmentEdit
    assert QApplication.focusWidget() is edit
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert meeting.session.section == 1
    press(qtbot, Qt.Key.Key_Down, ALT)
    assert screen.text.page == 1
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert screen.text.page == 0
    press(qtbot, Qt.Key.Key_Left, ALT)
    assert meeting.session.section == 0
    assert edit.toPlainText() == "" and QApplication.focusWidget() is edit  # nothing typed, focus kept

    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # the workspace's next case
    settle()
    assert meeting.session.case is not None and meeting.session.case.ref == "MDT-001"
    qtbot.keyClick(screen, Qt.Key.Key_PageUp, ALT)  # and back, from the big screen
    settle()
    assert meeting.session.case is not None and meeting.session.case.ref == "MDT-RISK"


def test_typed_input_appears_on_the_big_screen_as_it_is_typed(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    meeting.mode.start()
    screen = meeting.screen
    meeting.window.activateWindow()
    qtbot.waitUntil(meeting.window.isActiveWindow)
    meeting.workspace.focus_discipline(Discipline.PHARMACY)
    panel = meeting.workspace.discussion.panels[Discipline.PHARMACY]
    qtbot.keyClicks(panel.ui.assessmentEdit, "Taper oxycodone by 10% a month")
    # Shown at once, while the autosave still waits for the typing to stop: not read from the database.
    assert panel.session.pending
    item = meeting.item_id("MDT-008")
    assert meeting.services.conferences.inputs(item) == []
    assert screen.ui.sectionLabel.text() == "Team input"
    shown = screen.text.page_text()
    assert "Pharmacy · Kim Park" in shown and "Assessment: Taper oxycodone by 10% a month" in shown
    everything = all_pages(meeting)  # the others, on this page or the one before
    assert "Psychology" in everything and "Not yet heard" in everything
    qtbot.keyClicks(panel.ui.assessmentEdit, " and stop alprazolam")
    assert "Taper oxycodone by 10% a month and stop alprazolam" in all_pages(meeting)
    # The big screen shows the page where the typing goes on.
    assert screen.text.page == screen.text.page_of(Discipline.PHARMACY.value)
    assert "alprazolam" in screen.text.page_text()


def test_the_countdown_in_words_and_shapes_under_a_fake_clock(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    meeting.mode.start()
    screen, bar, clock = meeting.screen, meeting.mode.bar, meeting.clock
    assert bar is not None
    assert screen.ui.clockLabel.text() == "12:00" and screen.ui.stateLabel.text() == "○ not started"
    meeting.window.activateWindow()
    qtbot.waitUntil(meeting.window.isActiveWindow)
    press(qtbot, Qt.Key.Key_Space, CTRL)
    assert screen.ui.stateLabel.text() == "▶ running" and screen.state_icon.shape == "play"
    assert bar.ui.toggleButton.text() == "Pause (Ctrl+Space)"
    clock.advance(minutes=10)
    with qtbot.waitSignal(meeting.session.ticked, timeout=3000):
        pass
    assert (screen.ui.clockLabel.text(), screen.ui.stateLabel.text()) == ("02:00", "⚠ 2 min left")
    assert screen.state_icon.shape == "warning-triangle"
    assert bar.ui.stateLabel.text().startswith("⚠ 2 min left") and bar.state_icon.shape == "warning-triangle"
    clock.advance(minutes=2, seconds=30)
    with qtbot.waitSignal(meeting.session.ticked, timeout=3000):
        pass
    assert (screen.ui.clockLabel.text(), screen.ui.stateLabel.text()) == ("+00:30", "‼ overrun +00:30")
    assert screen.state_icon.shape == "alarm-clock"
    qtbot.keyClick(screen, Qt.Key.Key_P)  # pause from the big screen
    clock.advance(minutes=5)
    with qtbot.waitSignal(meeting.session.ticked, timeout=3000):
        pass
    assert screen.ui.stateLabel.text() == "❚❚ paused · overrun +00:30" and screen.state_icon.shape == "pause"
    assert bar.ui.toggleButton.text() == "Resume (Ctrl+Space)"
    timer = meeting.session.current_timer()
    assert timer is not None and timer.state() is TimerState.PAUSED


def test_presentation_keys_are_listed_and_do_not_clash(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    rows = ShortcutSheet.rows(meeting.window)
    listed = {what: keys for section in rows.values() for what, keys in section}
    native = QKeySequence.SequenceFormat.NativeText
    for action in meeting.mode.shared_actions:
        keys = ", ".join(s.toString(native) for s in action.shortcuts())
        assert listed.get(action.text().replace("&", "")) == keys
    mine = {id(a) for a in meeting.mode.shared_actions}
    my_keys = Counter(s.toString(native) for a in meeting.mode.shared_actions for s in a.shortcuts())
    assert all(n == 1 for n in my_keys.values()), my_keys
    others = {
        s.toString(native): action.text()
        for action in meeting.window.findChildren(QAction)
        if id(action) not in mine
        for s in action.shortcuts()
        if not s.isEmpty()
    }
    for shortcut in meeting.window.findChildren(QShortcut):
        others[shortcut.key().toString(native)] = shortcut.whatsThis() or shortcut.objectName()
    assert {k: others[k] for k in my_keys if k in others} == {}


def test_theme_zoom_and_screen_are_settings_remembered(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    mode = meeting.mode
    mode.start()
    screen = meeting.screen
    body = screen.text.document.defaultFont().pixelSize()
    qtbot.keyClick(screen, Qt.Key.Key_Equal, ALT)  # zoom in
    assert mode.zoom == 1.15 and float(mode.settings.value("presentation/zoom")) == 1.15
    assert screen.text.document.defaultFont().pixelSize() > body
    qtbot.keyClick(screen, Qt.Key.Key_Minus)  # and out, with the plain key on the big screen
    assert mode.zoom == 1.0 and screen.text.document.defaultFont().pixelSize() == body
    mode.theme_actions["contrast"].trigger()
    assert mode.settings.value("presentation/theme") == "contrast"
    assert screen.theme.key == "contrast" and "background: #000000" in screen.styleSheet()
    assert mode.theme_actions["contrast"].isChecked()
    mode.fill_screen_menu()
    choices = [a.text() for a in mode.screen_menu.actions()]
    assert choices[0].startswith("Automatic") and len(choices) == 1 + len(QApplication.screens())
    assert mode.screen_menu.actions()[0].isChecked()
