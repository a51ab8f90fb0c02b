"""The conference workspace in the meeting: each present discipline's input typed by keyboard only,
"not yet heard" marks, autosave, flush on close, reopening, undo of input, conflicts with a second
session, the case's key facts and banners, and the layout at 200 % text size."""

from __future__ import annotations

from datetime import datetime

from conftest import settle, table_snapshot
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_conference_support import (
    CTRL,
    SHIFT,
    WAIT_MS,
    Choice,
    RecordingChooser,
    WorkspaceFactory,
    another_session,
    conference,
    load_samples,
    make_workspace,
    press,
    risky_case,
    type_into,
)

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import AgendaStatus, Attendee, AttendeeRole
from mdtboard.services.context import Services
from mdtboard.ui.conference.discipline_panel import DisciplinePanel
from mdtboard.ui.conference.workspace import ConferenceWorkspace

__all__ = ["another_session", "make_workspace"]  # fixtures, imported for pytest

KEYS = {d: getattr(Qt.Key, f"Key_{n}") for n, d in enumerate(Discipline, start=1)}
TEAM = [
    Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
    Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY),
    Attendee("Ana Ruiz", Discipline.PSYCHOLOGY, AttendeeRole.PRESENTER),
    Attendee("Lou Berg", Discipline.PSYCHOLOGY, AttendeeRole.TRAINEE),
    Attendee("Kim Park", Discipline.PHARMACY),
    Attendee("Jo Hale", Discipline.NURSING, AttendeeRole.OBSERVER),
]


def _meeting(services: Services, refs: list[str]) -> tuple[int, dict[str, int]]:
    ids = load_samples(services)
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    for person in TEAM:
        services.conferences.add_attendee(conf_id, person)
    for ref in refs:
        services.conferences.add_agenda_item(conf_id, ids[ref])
    return conf_id, ids


def _inputs(services: Services, conf_id: int, case_id: int) -> dict[Discipline, DisciplineInput]:
    item = next(i for i in services.conferences.get(conf_id).agenda if i.case_id == case_id)
    return {inp.discipline: inp for inp in services.conferences.inputs(item.id or 0)}


def _status(services: Services, conf_id: int, case_id: int) -> AgendaStatus:
    return next(i.status for i in services.conferences.get(conf_id).agenda if i.case_id == case_id)


def _panel(workspace: ConferenceWorkspace, discipline: Discipline) -> DisciplinePanel:
    return workspace.discussion.panels[discipline]


def _visible(workspace: ConferenceWorkspace) -> list[Discipline]:
    return [d for d, p in workspace.discussion.panels.items() if not p.isHidden()]


def _not_heard(workspace: ConferenceWorkspace) -> str:
    return workspace.discussion.ui.heardLabel.text()


def test_every_discipline_typed_by_keyboard_saved_and_found_again(
    qtbot: QtBot, services: Services, make_workspace: WorkspaceFactory
) -> None:
    conf_id, ids = _meeting(services, ["MDT-004", "MDT-001"])
    first, second = ids["MDT-004"], ids["MDT-001"]
    workspace = make_workspace(services)
    messages: list[str] = []
    workspace.status_message.connect(messages.append)
    workspace.open_conference(conf_id)
    settle()
    assert _status(services, conf_id, first) is AgendaStatus.PENDING  # opening is not discussing

    # Ctrl+PgDown from anywhere in the workspace shows the first case; Ctrl+Shift+S starts its discussion
    workspace.ui.tabs.setFocus()
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert workspace.ui.tabs.currentWidget() is workspace.ui.discussionTab
    assert workspace.discussion.current_case_id() == first
    assert _status(services, conf_id, first) is AgendaStatus.PENDING  # showing a case is not discussing it
    assert workspace.discussion.ui.startButton.isEnabled()
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    assert _status(services, conf_id, first) is AgendaStatus.IN_DISCUSSION
    assert not workspace.discussion.ui.startButton.isEnabled()
    assert "Case 1 of 2" in workspace.discussion.ui.caseLabel.text()
    assert "In discussion" in workspace.discussion.ui.statusLabel.text()
    # the core three, and pharmacy (present); not nursing (an observer only)
    present = [Discipline.PHYSICIAN, Discipline.PHYSICAL_THERAPY, Discipline.PSYCHOLOGY, Discipline.PHARMACY]
    assert _visible(workspace) == present
    assert "physician, physical therapy, psychology, pharmacy" in _not_heard(workspace)
    for discipline in present:
        assert "Not yet heard" in _panel(workspace, discipline).ui.heardLabel.text()
        assert _panel(workspace, discipline).ui.heardIcon.accessibleName() == "Not yet heard"

    # each discipline: Ctrl+n to its first empty field, type, Tab to the recommendations, type
    for discipline in present:
        panel = _panel(workspace, discipline)
        press(qtbot, KEYS[discipline], CTRL)
        if discipline is Discipline.PSYCHOLOGY:  # two psychologists: the author first, a letter picks one
            assert QApplication.focusWidget() is panel.ui.authorCombo
            assert panel.ui.authorCombo.currentIndex() == -1  # nobody chosen for them
            press(qtbot, Qt.Key.Key_L)
            assert panel.ui.authorCombo.currentText() == "Lou Berg"
            press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is panel.ui.assessmentEdit  # one person present: named already
        type_into(qtbot, panel.ui.assessmentEdit, f"{discipline.label} assessment of case one.")
        press(qtbot, Qt.Key.Key_Tab)
        type_into(qtbot, panel.ui.recommendationsEdit, f"{discipline.label} plan.")
        qtbot.waitUntil(lambda p=panel: p.heard, timeout=WAIT_MS)
        assert "Not yet heard" not in panel.ui.heardLabel.text()
        assert discipline.label.lower() not in _not_heard(workspace).lower()
    assert _not_heard(workspace) == "Every discipline present has been heard"
    stored = _inputs(services, conf_id, first)
    assert sorted(stored) == sorted(present)
    assert stored[Discipline.PHYSICIAN].author == "Dr Okafor"  # the only physician, chosen for you
    assert stored[Discipline.PSYCHOLOGY].author == "Lou Berg"  # none chosen for two; "L" picked Lou
    assert stored[Discipline.PHARMACY].assessment == "Pharmacy assessment of case one."
    assert stored[Discipline.PHARMACY].recommendations == "Pharmacy plan."
    assert any(m.startswith("Saved ") for m in messages)

    # Tab from the physician's recommendations goes on to the next discipline
    _panel(workspace, Discipline.PHYSICIAN).ui.recommendationsEdit.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is _panel(workspace, Discipline.PHYSICAL_THERAPY).ui.authorCombo

    # marked discussed by keyboard, then on to the next case
    press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
    assert _status(services, conf_id, first) is AgendaStatus.DISCUSSED
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert workspace.discussion.current_case_id() == second
    assert _status(services, conf_id, second) is AgendaStatus.PENDING
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    assert _status(services, conf_id, second) is AgendaStatus.IN_DISCUSSION
    assert "physician, physical therapy, psychology, pharmacy" in _not_heard(workspace)
    assert _panel(workspace, Discipline.PHYSICIAN).ui.assessmentEdit.toPlainText() == ""

    # typed and closed at once: closing saves it
    press(qtbot, KEYS[Discipline.PHYSICIAN], CTRL)
    type_into(qtbot, QApplication.focusWidget(), "Typed just before closing.")  # type: ignore[arg-type]
    assert _panel(workspace, Discipline.PHYSICIAN).session.pending
    workspace.close()
    assert _inputs(services, conf_id, second)[Discipline.PHYSICIAN].assessment == "Typed just before closing."

    # a new workspace on the same database finds everything
    again = make_workspace(services)
    again.open_conference(conf_id)
    settle()
    assert [a.name for a in again.controller.attendees()] == [p.name for p in TEAM]
    assert [i.case_id for i in again.controller.agenda()] == [first, second]
    again.ui.tabs.setCurrentWidget(again.ui.discussionTab)
    assert again.discussion.current_case_id() == second  # the one still in discussion
    assert _panel(again, Discipline.PHYSICIAN).ui.assessmentEdit.toPlainText() == "Typed just before closing."
    again.previous_case()
    settle()
    assert again.discussion.current_case_id() == first
    psychology = _panel(again, Discipline.PSYCHOLOGY)
    assert psychology.ui.assessmentEdit.toPlainText() == "Psychology assessment of case one."
    assert psychology.ui.authorCombo.currentText() == "Lou Berg"
    assert _not_heard(again) == "Every discipline present has been heard"
    assert "Discussed" in again.discussion.ui.statusLabel.text()


def test_undo_and_redo_of_input(qtbot: QtBot, services: Services, make_workspace: WorkspaceFactory) -> None:
    conf_id, ids = _meeting(services, ["MDT-001"])
    case_id = ids["MDT-001"]
    workspace = make_workspace(services)
    stack = workspace.controller.undo_stack
    undo = stack.createUndoAction(workspace)  # the main window's Edit > Undo
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    workspace.addAction(undo)
    workspace.open_conference(conf_id)
    settle()
    workspace.next_case()
    settle()
    panel = _panel(workspace, Discipline.PHYSICIAN)
    edit = panel.ui.assessmentEdit

    workspace.focus_discipline(Discipline.PHYSICIAN)
    type_into(qtbot, edit, "Stable.")
    qtbot.waitUntil(lambda: not panel.session.pending, timeout=WAIT_MS)
    type_into(qtbot, edit, " Taper tramadol.")
    qtbot.waitUntil(lambda: not panel.session.pending, timeout=WAIT_MS)

    def stored() -> str | None:
        inp = _inputs(services, conf_id, case_id).get(Discipline.PHYSICIAN)
        return None if inp is None else inp.assessment

    assert stored() == "Stable. Taper tramadol."
    stack.undo()
    settle()
    assert stored() == "Stable."
    assert edit.toPlainText() == "Stable."
    stack.undo()
    settle()
    assert stored() is None  # the input is gone: not yet heard again
    assert edit.toPlainText() == ""
    assert not panel.heard and "physician" in _not_heard(workspace)
    stack.redo()
    settle()
    stack.redo()
    settle()
    assert stored() == "Stable. Taper tramadol."
    assert edit.toPlainText() == "Stable. Taper tramadol."
    assert panel.heard

    # Ctrl+Z right after typing, before autosave: the typing is saved as a step and that step undone
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_into(qtbot, edit, " Review in six weeks.")
    assert panel.session.pending
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert not panel.session.pending
    assert stored() == "Stable. Taper tramadol."
    assert edit.toPlainText() == "Stable. Taper tramadol."
    stack.redo()
    settle()
    assert stored() == "Stable. Taper tramadol. Review in six weeks."


def test_conflicting_input_from_another_session_is_shown_not_overwritten(
    qtbot: QtBot, services: Services, another_session: Services, make_workspace: WorkspaceFactory
) -> None:
    conf_id, ids = _meeting(services, ["MDT-001"])
    case_id = ids["MDT-001"]
    item = services.conferences.get(conf_id).agenda[0]
    first = DisciplineInput(Discipline.PSYCHOLOGY, "Ana Ruiz", "First.", None)
    services.conferences.add_input(item.id or 0, first)
    workspace = make_workspace(services)
    chooser = workspace.chooser
    assert isinstance(chooser, RecordingChooser)
    workspace.open_conference(conf_id)
    settle()
    workspace.next_case()
    settle()
    panel = _panel(workspace, Discipline.PSYCHOLOGY)
    assert panel.ui.assessmentEdit.toPlainText() == "First."
    assert panel.heard

    # the other PC saves first
    theirs = another_session.conferences.inputs(item.id or 0)[0]
    theirs.assessment = "First. Their addition."
    another_session.conferences.update_input(theirs)
    before = table_snapshot(services.db)

    workspace.focus_discipline(Discipline.PSYCHOLOGY)
    panel.ui.assessmentEdit.moveCursor(panel.ui.assessmentEdit.textCursor().MoveOperation.End)
    type_into(qtbot, panel.ui.assessmentEdit, " My addition.")
    qtbot.waitUntil(lambda: bool(chooser.asked), timeout=WAIT_MS)
    what, rows = chooser.asked[0]
    assert "psychology input on MDT-001" in what
    assert rows == [("Assessment", "First. My addition.", "First. Their addition.")]
    assert table_snapshot(services.db) == before  # nothing overwritten while the choice is open
    assert panel.ui.assessmentEdit.toPlainText() == "First. My addition."  # and nothing lost on screen
    assert "choose a version" in panel.ui.savedLabel.text()
    type_into(qtbot, panel.ui.assessmentEdit, " More.")  # typing on meanwhile is held back, not lost
    assert not workspace.flush()
    assert table_snapshot(services.db) == before

    chooser.answer_last(Choice.KEEP_MINE)
    qtbot.waitUntil(
        lambda: _inputs(services, conf_id, case_id)[Discipline.PSYCHOLOGY].assessment
        == "First. My addition. More.",
        timeout=WAIT_MS,
    )

    # and the other way round: their version taken
    theirs = another_session.conferences.inputs(item.id or 0)[0]
    theirs.recommendations = "Their plan."
    another_session.conferences.update_input(theirs)
    panel.ui.recommendationsEdit.setFocus()
    type_into(qtbot, panel.ui.recommendationsEdit, "My plan.")
    qtbot.waitUntil(lambda: len(chooser.asked) == 2, timeout=WAIT_MS)
    chooser.answer_last(Choice.TAKE_THEIRS)
    assert panel.ui.recommendationsEdit.toPlainText() == "Their plan."
    assert _inputs(services, conf_id, case_id)[Discipline.PSYCHOLOGY].recommendations == "Their plan."
    assert workspace.flush()


def test_conference_details_changed_elsewhere_are_merged_and_only_a_clash_is_asked(
    qtbot: QtBot, services: Services, another_session: Services, make_workspace: WorkspaceFactory
) -> None:
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    workspace = make_workspace(services)
    chooser = workspace.chooser
    assert isinstance(chooser, RecordingChooser)
    workspace.open_conference(conf_id)
    settle()
    editor = workspace.editor
    stack = workspace.controller.undo_stack

    # another PC changes the room; this one the title: both kept, no question, the person told
    theirs = another_session.conferences.get(conf_id)
    theirs.room = "Room 9"
    another_session.conferences.update(theirs)
    messages: list[str] = []
    workspace.status_message.connect(messages.append)
    editor.ui.titleEdit.setFocus()
    editor.ui.titleEdit.selectAll()
    type_into(qtbot, editor.ui.titleEdit, "Spine MDT")
    qtbot.waitUntil(lambda: services.conferences.get(conf_id).title == "Spine MDT", timeout=WAIT_MS)
    assert workspace.flush()
    stored = services.conferences.get(conf_id)
    assert (stored.title, stored.room) == ("Spine MDT", "Room 9")
    assert editor.ui.roomEdit.text() == "Room 9"
    assert not chooser.asked
    assert any("change saved elsewhere to the room was kept" in m for m in messages), messages
    assert "Spine MDT" in workspace.ui.headingLabel.text()

    # both change the title: only the title is asked; typing meanwhile is held back, not lost
    theirs = another_session.conferences.get(conf_id)
    theirs.title = "Pain MDT (their title)"
    theirs.chair = "Dr Okafor"
    another_session.conferences.update(theirs)
    before = table_snapshot(services.db)
    type_into(qtbot, editor.ui.titleEdit, "!")
    qtbot.waitUntil(lambda: bool(chooser.asked), timeout=WAIT_MS)
    assert chooser.asked[0][1] == [("Title", "Spine MDT!", "Pain MDT (their title)")]
    assert table_snapshot(services.db) == before
    type_into(qtbot, editor.ui.titleEdit, "!")  # held back while the choice is open
    assert not workspace.flush()
    assert len(chooser.asked) == 1
    assert "choose which version" in editor.ui.problemLabel.text()
    chooser.answer_last(Choice.TAKE_THEIRS)
    assert editor.ui.titleEdit.text() == "Pain MDT (their title)"
    assert editor.ui.chairEdit.text() == "Dr Okafor"  # their other change kept too
    assert workspace.flush()
    stored = services.conferences.get(conf_id)
    assert (stored.title, stored.room, stored.chair) == ("Pain MDT (their title)", "Room 9", "Dr Okafor")
    assert not editor.ui.problemLabel.isVisible()

    # the title not kept comes back with undo, and is saved
    stack.undo()
    settle()
    assert editor.ui.titleEdit.text() == "Spine MDT!!"
    assert workspace.flush()
    assert services.conferences.get(conf_id).title == "Spine MDT!!"
    assert services.conferences.get(conf_id).chair == "Dr Okafor"


def test_conference_details_keep_mine_for_a_clash(
    qtbot: QtBot, services: Services, another_session: Services, make_workspace: WorkspaceFactory
) -> None:
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    workspace = make_workspace(services)
    chooser = workspace.chooser
    assert isinstance(chooser, RecordingChooser)
    workspace.open_conference(conf_id)
    settle()
    theirs = another_session.conferences.get(conf_id)
    theirs.room = "Room 9"
    theirs.default_minutes = 20
    another_session.conferences.update(theirs)
    workspace.editor.ui.roomEdit.setFocus()
    workspace.editor.ui.roomEdit.selectAll()
    type_into(qtbot, workspace.editor.ui.roomEdit, "Seminar room")
    qtbot.waitUntil(lambda: bool(chooser.asked), timeout=WAIT_MS)
    assert chooser.asked[0][1] == [("Room", "Seminar room", "Room 9")]
    chooser.answer_last(Choice.KEEP_MINE)
    assert workspace.flush()
    stored = services.conferences.get(conf_id)
    assert (stored.room, stored.default_minutes) == ("Seminar room", 20)  # their other change not reverted
    assert workspace.editor.ui.minutesSpin.value() == 20


def test_key_facts_and_banners(services: Services, make_workspace: WorkspaceFactory) -> None:
    conf_id, ids = _meeting(services, ["MDT-001"])
    risky = risky_case(services)
    services.conferences.add_agenda_item(conf_id, risky)
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    workspace.next_case()
    settle()
    ui = workspace.discussion.ui
    assert workspace.discussion.current_case_id() == ids["MDT-001"]
    assert not ui.safetyFrame.isVisible() and not ui.sharingFrame.isVisible()
    assert "José" in ui.patientLabel.text()
    assert "46-year-old" in ui.oneLinerLabel.text()
    assert "PHQ-9: Total 11 of 27" in ui.scoresLabel.text()
    assert "Opioids: 30 MME/day" in ui.scoresLabel.text()  # tramadol 150 mg a day
    workspace.next_case()
    settle()
    assert workspace.discussion.current_case_id() == risky
    assert ui.safetyFrame.isVisible()
    assert "SAFETY: PHQ-9 item 9" in ui.safetyLabel.text() and "is 2 of 3" in ui.safetyLabel.text()
    assert ui.safetyIcon.accessibleName() == "Safety symbol"
    assert ui.sharingFrame.isVisible()
    assert ui.sharingLabel.text() == (
        "<b>Sharing restrictions apply: ask Ana Ruiz before discussing details</b>"
    )
    assert ui.sharingIcon.pixmap() is not None and not ui.sharingIcon.pixmap().isNull()  # the padlock
    shown = "\n".join(label.text() for label in workspace.discussion.findChildren(QLabel))
    assert "occupational health" not in shown  # the restriction's own text stays in the case editor
    assert "court case" not in shown
    assert "How do we keep her safe" in ui.questionLabel.text()


def test_optional_discipline_appears_when_present(
    qtbot: QtBot, services: Services, make_workspace: WorkspaceFactory
) -> None:
    ids = load_samples(services)
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    services.conferences.add_agenda_item(conf_id, ids["MDT-001"])
    workspace = make_workspace(services)
    messages: list[str] = []
    workspace.status_message.connect(messages.append)
    workspace.open_conference(conf_id)
    settle()
    workspace.next_case()
    settle()
    assert _visible(workspace) == [Discipline.PHYSICIAN, Discipline.PHYSICAL_THERAPY, Discipline.PSYCHOLOGY]
    workspace.focus_discipline(Discipline.SOCIAL_WORK)
    assert "No social work attendee is present" in messages[-1]
    assert workspace.controller.add_attendee(Attendee("Ray Cole", Discipline.SOCIAL_WORK))
    settle()
    assert Discipline.SOCIAL_WORK in _visible(workspace)
    assert "social work" in _not_heard(workspace)
    panel = _panel(workspace, Discipline.SOCIAL_WORK)
    assert panel.ui.authorCombo.currentText() == "Ray Cole"
    press(qtbot, Qt.Key.Key_7, CTRL)
    assert QApplication.focusWidget() is panel.ui.assessmentEdit
    assert "Ctrl+7" in panel.ui.assessmentEdit.toolTip()


def test_layout_survives_twice_the_text_size(services: Services, make_workspace: WorkspaceFactory) -> None:
    conf_id, _ids = _meeting(services, ["MDT-001", "MDT-002"])
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    font = workspace.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    workspace.setFont(font)
    screen = QSize(1280, 800)
    for tab in (workspace.ui.detailsTab, workspace.ui.agendaTab, workspace.ui.discussionTab):
        workspace.ui.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        needed = workspace.minimumSizeHint()
        assert needed.boundedTo(screen) == needed, (tab.objectName(), needed)
    panel = _panel(workspace, Discipline.PHYSICIAN)
    line = panel.ui.assessmentEdit.fontMetrics().lineSpacing()
    assert panel.ui.assessmentEdit.minimumHeight() >= 4 * line  # fields grow with the text


def test_every_input_has_an_accessible_name(services: Services, make_workspace: WorkspaceFactory) -> None:
    conf_id, _ids = _meeting(services, ["MDT-001"])
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit)
    unnamed, checked = [], 0
    for widget in workspace.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.objectName() or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a spin box or combo box
        checked += 1
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name.replace("&", "").strip():
            unnamed.append(widget.objectName())
    assert unnamed == []
    assert checked > 50  # every panel's fields, the lists, tables and buttons
