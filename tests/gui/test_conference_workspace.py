"""The conference workspace before the meeting: creating and editing a conference, attendance and quorum,
and the agenda (adding from the library by keyboard, reordering by keyboard and by drag, undo, removal,
deferred cases offered at the next conference)."""

from __future__ import annotations

from datetime import datetime

from conftest import settle, table_snapshot
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot
from test_conference_support import (
    ALT,
    CTRL,
    SHIFT,
    WAIT_MS,
    conference,
    load_samples,
    make_workspace,
    press,
    type_into,
)
from test_conference_support import WorkspaceFactory as _Factory  # noqa: I001

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import AgendaStatus, Attendee, AttendeeRole
from mdtboard.services.context import Services
from mdtboard.ui.conference.workspace import ConferenceWorkspace

__all__ = ["make_workspace"]  # the fixture, imported for pytest
NO_KEYS = Qt.KeyboardModifier.NoModifier


def _status(services: Services, conf_id: int, case_id: int) -> AgendaStatus:
    return next(i.status for i in services.conferences.get(conf_id).agenda if i.case_id == case_id)


def _agenda_refs(services: Services, conf_id: int) -> list[str]:
    return [i.case_ref for i in services.conferences.get(conf_id).agenda]


def _add_by_keyboard(qtbot: QtBot, workspace: ConferenceWorkspace, query: str, downs: int = 0) -> None:
    """Alt+A to the agenda, type in the search, Down to pick, Enter to add."""
    workspace.ui.tabs.setCurrentWidget(workspace.ui.agendaTab)
    search = workspace.agenda.ui.searchEdit
    search.setFocus()
    search.selectAll()
    type_into(qtbot, search, query)
    qtbot.waitUntil(lambda: not workspace.agenda.searching)  # the results are in
    for _ in range(downs):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)


def drop_row(view: QTableView, row: int, *, onto_top_of: int) -> None:
    """Drag a row of the agenda and drop it on the top edge of another row, as the mouse would: drag
    enter, move and drop events on the view (the move action set, as a running drag would)."""
    model = view.model()
    data = model.mimeData([model.index(row, 0)])
    target = view.visualRect(model.index(onto_top_of, 1))
    where = QPoint(target.center().x(), target.top() + 1)
    for kind in (QDragEnterEvent, QDragMoveEvent, QDropEvent):
        at = where.toPointF() if kind is QDropEvent else where  # Qt takes a QPointF only for the drop
        event = kind(at, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, NO_KEYS)
        event.setDropAction(Qt.DropAction.MoveAction)
        QApplication.sendEvent(view.viewport(), event)
        # the view takes the drag; the drop itself is not accepted, so the view removes no source rows
        assert event.isAccepted() is (kind is not QDropEvent), kind.__name__


def test_create_a_conference_and_edit_it_by_keyboard(
    qtbot: QtBot, services: Services, make_workspace: _Factory
) -> None:
    workspace = make_workspace(services)
    opened: list[int] = []
    workspace.conference_opened.connect(opened.append)
    assert workspace.current_conference_id() is None
    assert workspace.ui.stack.currentWidget() is workspace.ui.emptyPage

    workspace.new_conference()
    settle()
    conf_id = workspace.current_conference_id()
    assert conf_id is not None and opened == [conf_id]
    created = services.conferences.get(conf_id)
    assert created.default_minutes == 12 and created.title == "Pain MDT"
    assert created.starts_at > datetime.now()
    settle()  # the lists of conferences are read in the background
    assert workspace.upcoming.row_of(conf_id) == 0

    editor = workspace.editor.ui
    assert QApplication.focusWidget() is editor.titleEdit  # ready to type over
    type_into(qtbot, editor.titleEdit, "Spine and pain MDT")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_into(qtbot, editor.roomEdit, "Seminar room 2")
    press(qtbot, Qt.Key.Key_Tab)
    type_into(qtbot, editor.chairEdit, "Dr Okafor")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # mode: training
    press(qtbot, Qt.Key.Key_Tab)
    editor.minutesSpin.selectAll()
    type_into(qtbot, editor.minutesSpin, "15")

    def saved() -> bool:
        conf = services.conferences.get(conf_id)
        return (conf.title, conf.room, conf.chair, conf.mode.value, conf.default_minutes) == (
            "Spine and pain MDT",
            "Seminar room 2",
            "Dr Okafor",
            "training",
            15,
        )

    qtbot.waitUntil(lambda: saved() and not workspace.editor.session.pending, timeout=WAIT_MS)
    assert "Spine and pain MDT" in workspace.ui.headingLabel.text()
    settle()
    assert "Spine and pain MDT" in workspace.upcoming.data(workspace.upcoming.index(0, 0))

    # a title the services refuse is marked at the field and nothing is stored
    before = table_snapshot(services.db)
    editor.titleEdit.setFocus()
    editor.titleEdit.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    assert not workspace.flush()
    assert editor.problemLabel.isVisible()
    assert "Title must not be empty" in editor.problemLabel.text()
    assert table_snapshot(services.db) == before
    type_into(qtbot, editor.titleEdit, "Pain MDT")
    assert workspace.flush()
    assert not editor.problemLabel.isVisible()
    assert services.conferences.get(conf_id).title == "Pain MDT"

    # the next new conference is a week later, with the same room and chair
    workspace.new_conference()
    settle()
    second = services.conferences.get(workspace.current_conference_id() or 0)
    assert (second.starts_at - services.conferences.get(conf_id).starts_at).days == 7
    assert (second.room, second.chair) == ("Seminar room 2", "Dr Okafor")
    settle()
    assert workspace.upcoming.rowCount() == 2


def test_attendance_by_keyboard_with_quorum_and_undo(
    qtbot: QtBot, services: Services, make_workspace: _Factory
) -> None:
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    workspace = make_workspace(services)
    stack = workspace.controller.undo_stack
    workspace.open_conference(conf_id)
    settle()
    panel = workspace.attendance.ui
    assert panel.quorumLabel.text() == "Not quorate: missing physician, physical therapy, psychology"
    assert panel.quorumIcon.accessibleName() == "Not quorate"

    def add(name: str, discipline: Discipline, role: AttendeeRole = AttendeeRole.MEMBER) -> None:
        panel.nameEdit.setFocus()
        type_into(qtbot, panel.nameEdit, name)
        press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is panel.disciplineCombo
        for _ in range(list(Discipline).index(discipline)):
            press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Tab)
        target = list(AttendeeRole).index(role) - list(AttendeeRole).index(AttendeeRole.MEMBER)
        for _ in range(abs(target)):
            press(qtbot, Qt.Key.Key_Down if target > 0 else Qt.Key.Key_Up)
        panel.nameEdit.setFocus()
        press(qtbot, Qt.Key.Key_Return)

    add("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR)
    add("Sam Lee", Discipline.PHYSICAL_THERAPY)
    assert panel.quorumLabel.text() == "Not quorate: missing psychology"
    add("Ana Ruiz", Discipline.PSYCHOLOGY, AttendeeRole.OBSERVER)
    assert panel.quorumLabel.text() == "Not quorate: missing psychology"  # observers do not count
    add("Lou Berg", Discipline.PSYCHOLOGY)
    assert panel.quorumLabel.text().startswith("Quorate")
    assert panel.quorumIcon.accessibleName() == "Quorate"
    stored = services.conferences.get(conf_id).attendees
    assert [(a.name, a.discipline, a.role) for a in stored] == [
        ("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
        ("Sam Lee", Discipline.PHYSICAL_THERAPY, AttendeeRole.MEMBER),
        ("Ana Ruiz", Discipline.PSYCHOLOGY, AttendeeRole.OBSERVER),
        ("Lou Berg", Discipline.PSYCHOLOGY, AttendeeRole.MEMBER),
    ]

    # Delete removes the selected person; quorum follows; undo puts them back, redo removes again
    view = panel.attendeeView
    view.setFocus()
    view.setCurrentIndex(workspace.attendance.model.index(3, 0))
    press(qtbot, Qt.Key.Key_Delete)
    names = [a.name for a in services.conferences.get(conf_id).attendees]
    assert names == ["Dr Okafor", "Sam Lee", "Ana Ruiz"]
    assert panel.quorumLabel.text() == "Not quorate: missing psychology"
    stack.undo()
    settle()
    assert [a.name for a in services.conferences.get(conf_id).attendees][-1] == "Lou Berg"
    assert panel.quorumLabel.text().startswith("Quorate")
    stack.redo()
    settle()
    assert "Lou Berg" not in [a.name for a in services.conferences.get(conf_id).attendees]
    stack.undo()
    settle()

    # a role changed in the table is stored and undoable (the re-added person has a new id)
    model = workspace.attendance.model
    lou = model.row_of(services.conferences.get(conf_id).attendees[-1].id)
    assert lou is not None
    assert model.setData(model.index(lou, model.ROLE), AttendeeRole.PRESENTER.value)
    settle()
    assert services.conferences.get(conf_id).attendees[-1].role is AttendeeRole.PRESENTER
    stack.undo()
    settle()
    assert services.conferences.get(conf_id).attendees[-1].role is AttendeeRole.MEMBER
    stack.undo()  # back to before Lou was added
    settle()
    stack.undo()
    settle()
    assert [a.name for a in services.conferences.get(conf_id).attendees] == ["Dr Okafor", "Sam Lee"]


def test_agenda_add_reorder_undo_redo_and_remove(
    qtbot: QtBot, services: Services, make_workspace: _Factory
) -> None:
    refs = load_samples(services)
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    workspace = make_workspace(services)
    stack = workspace.controller.undo_stack
    workspace.open_conference(conf_id)
    settle()

    _add_by_keyboard(qtbot, workspace, "zoe")  # accents and case do not matter: Zoë Ørsted
    _add_by_keyboard(qtbot, workspace, "MDT-00", downs=2)  # 001, then 004 (002 is taken), then 006
    _add_by_keyboard(qtbot, workspace, "jose")
    assert _agenda_refs(services, conf_id) == ["MDT-002", "MDT-006", "MDT-001"]
    agenda = services.conferences.get(conf_id).agenda
    assert [i.minutes for i in agenda] == [12, 12, 12]
    assert "3 cases · 36 min planned, ends about 13:36" in workspace.agenda.ui.summaryLabel.text()
    results = workspace.agenda.results
    assert results.data(results.index(0, 0)).startswith("On the agenda: MDT-001")  # in words, and greyed
    assert not results.flags(results.index(0, 0)) & Qt.ItemFlag.ItemIsEnabled

    # reorder by keyboard: the last case up twice
    view = workspace.agenda.ui.agendaView
    model = workspace.agenda.model
    view.setFocus()
    view.setCurrentIndex(model.index(2, 0))
    press(qtbot, Qt.Key.Key_Up, CTRL | SHIFT)
    press(qtbot, Qt.Key.Key_Up, CTRL | SHIFT)
    assert _agenda_refs(services, conf_id) == ["MDT-001", "MDT-002", "MDT-006"]
    assert view.currentIndex().row() == 0  # the moved case stays selected
    press(qtbot, Qt.Key.Key_Down, CTRL | SHIFT)
    assert _agenda_refs(services, conf_id) == ["MDT-002", "MDT-001", "MDT-006"]
    assert stack.undoText() == "Move MDT-001 on the agenda"

    # reorder by dragging: the model's move, as a drop on the view
    model.moveRows(model.index(0, 0).parent(), 0, 1, model.index(0, 0).parent(), 3)
    settle()
    assert _agenda_refs(services, conf_id) == ["MDT-001", "MDT-006", "MDT-002"]
    drop_row(view, 2, onto_top_of=0)
    settle()
    assert _agenda_refs(services, conf_id) == ["MDT-002", "MDT-001", "MDT-006"]
    assert [r.case_ref for r in model.rows()] == ["MDT-002", "MDT-001", "MDT-006"]

    # undo and redo walk the reorders back and forth, in the database and on screen
    stack.undo()
    settle()
    assert _agenda_refs(services, conf_id) == ["MDT-001", "MDT-006", "MDT-002"]
    stack.undo()
    settle()
    assert _agenda_refs(services, conf_id) == ["MDT-002", "MDT-001", "MDT-006"]
    stack.redo()
    settle()
    stack.redo()
    settle()
    assert _agenda_refs(services, conf_id) == ["MDT-002", "MDT-001", "MDT-006"]
    assert [r.case_ref for r in model.rows()] == ["MDT-002", "MDT-001", "MDT-006"]

    # the budget of one case, edited in place, is undoable
    assert model.setData(model.index(1, model.MINUTES), 20)
    settle()
    assert services.conferences.get(conf_id).agenda[1].minutes == 20
    stack.undo()
    settle()
    assert services.conferences.get(conf_id).agenda[1].minutes == 12

    # Delete takes a case off (with the input given on it); undo puts it back in its place with its input
    item = services.conferences.get(conf_id).agenda[1]
    services.conferences.add_input(item.id or 0, DisciplineInput(Discipline.PHYSICIAN, "Dr O", "seen", None))
    view.setFocus()
    view.setCurrentIndex(model.index(1, 0))
    press(qtbot, Qt.Key.Key_Delete)
    assert _agenda_refs(services, conf_id) == ["MDT-002", "MDT-006"]
    stack.undo()
    settle()
    assert _agenda_refs(services, conf_id) == ["MDT-002", "MDT-001", "MDT-006"]
    back = services.conferences.get(conf_id).agenda[1]
    assert [i.assessment for i in services.conferences.inputs(back.id or 0)] == ["seen"]
    stack.redo()
    settle()
    assert _agenda_refs(services, conf_id) == ["MDT-002", "MDT-006"]
    assert refs["MDT-001"] not in {i.case_id for i in services.conferences.get(conf_id).agenda}


def test_an_undo_that_would_overwrite_another_session_changes_nothing(
    services: Services, make_workspace: _Factory
) -> None:
    refs = load_samples(services)
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    for ref in ("MDT-001", "MDT-002", "MDT-004"):
        services.conferences.add_agenda_item(conf_id, refs[ref])
    workspace = make_workspace(services)
    messages: list[str] = []
    workspace.status_message.connect(messages.append)
    workspace.open_conference(conf_id)
    settle()
    model = workspace.agenda.model
    model.moveRows(model.index(0, 0).parent(), 2, 1, model.index(0, 0).parent(), 0)
    settle()
    assert _agenda_refs(services, conf_id) == ["MDT-004", "MDT-001", "MDT-002"]
    # someone on another PC moves a case meanwhile
    agenda = services.conferences.get(conf_id).agenda
    services.conferences.move(agenda[2].id or 0, -2)
    before = table_snapshot(services.db)
    workspace.controller.undo_stack.undo()
    settle()
    assert table_snapshot(services.db) == before
    assert any("changed since" in m and "Nothing was changed" in m for m in messages)
    assert [r.case_ref for r in model.rows()] == ["MDT-002", "MDT-004", "MDT-001"]  # shows what is stored


def test_deferred_case_is_offered_at_the_next_conference(
    qtbot: QtBot, services: Services, make_workspace: _Factory
) -> None:
    refs = load_samples(services)
    week1 = conference(services, datetime(2026, 12, 3, 13))
    week2 = conference(services, datetime(2026, 12, 10, 13))
    for ref in ("MDT-001", "MDT-002", "MDT-004"):
        services.conferences.add_agenda_item(week1, refs[ref])
    workspace = make_workspace(services)
    workspace.open_conference(week1)
    settle()
    workspace.ui.tabs.setCurrentWidget(workspace.ui.discussionTab)
    workspace.discussion.show_case(refs["MDT-002"])
    settle()
    workspace.discussion.ui.deferButton.setFocus()
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)  # asks why, the common reasons offered
    dialog = workspace.discussion.defer_dialog
    assert dialog is not None and dialog.isVisible()
    assert [dialog.reason.itemText(i) for i in range(dialog.reason.count())] == [
        "Awaiting results", "Patient not present", "Out of time", "Needs another discipline"
    ]
    assert _status(services, week1, refs["MDT-002"]) is AgendaStatus.PENDING  # not until it is answered
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
    settle()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
    settle()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle()
    assert not dialog.isVisible()
    workspace.discussion.show_case(refs["MDT-004"])
    settle()
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    workspace.discussion.ui.deferButton.setFocus()
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    dialog = workspace.discussion.defer_dialog
    assert dialog is not None
    dialog.reason.setCurrentText("  MRI booked   for 12 January ")  # any reason may be typed
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle()
    statuses = {i.case_ref: i.status for i in services.conferences.get(week1).agenda}
    assert statuses["MDT-002"] is AgendaStatus.DEFERRED and statuses["MDT-004"] is AgendaStatus.DEFERRED
    reasons = {i.case_ref: i.deferral_reason for i in services.conferences.get(week1).agenda}
    assert reasons == {"MDT-001": None, "MDT-002": "Out of time", "MDT-004": "MRI booked for 12 January"}

    workspace.open_conference(week2)
    settle()
    workspace.ui.tabs.setCurrentWidget(workspace.ui.agendaTab)
    agenda = workspace.agenda
    settle()  # the offers are read in the background
    assert agenda.ui.deferredFrame.isVisible()
    assert "2 cases" in agenda.ui.deferredLabel.text()
    assert [o.case_ref for o in agenda.offers.rows()] == ["MDT-002", "MDT-004"]
    shown = [agenda.offers.data(agenda.offers.index(row, 0)) for row in range(agenda.offers.rowCount())]
    assert shown[0].endswith("deferred: Out of time")
    assert shown[1].endswith("deferred: MRI booked for 12 January")
    agenda.ui.addDeferredButton.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert _agenda_refs(services, week2) == ["MDT-002", "MDT-004"]
    settle()
    assert not agenda.ui.deferredFrame.isVisible()
    workspace.controller.undo_stack.undo()  # one action, one undo
    settle()
    assert _agenda_refs(services, week2) == []
    settle()
    assert agenda.ui.deferredFrame.isVisible()


def test_attendee_edit_from_another_session_is_not_undone_over(
    services: Services, make_workspace: _Factory
) -> None:
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    assert workspace.controller.add_attendee(Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY))
    settle()
    stored = services.conferences.get(conf_id).attendees[0]
    services.conferences.update_attendee(Attendee("Samantha Lee", stored.discipline, id=stored.id, version=0))
    workspace.controller.undo_stack.undo()
    settle()
    assert [a.name for a in services.conferences.get(conf_id).attendees] == ["Samantha Lee"]


def test_tabs_and_new_conference_by_alt_keys(
    qtbot: QtBot, services: Services, make_workspace: _Factory
) -> None:
    workspace = make_workspace(services)
    workspace.ui.upcomingView.setFocus()
    press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: workspace.current_conference_id() is not None)  # a mnemonic clicks animated
    tabs = workspace.ui.tabs
    for key, page in (
        (Qt.Key.Key_A, workspace.ui.agendaTab),
        (Qt.Key.Key_U, workspace.ui.discussionTab),
        (Qt.Key.Key_D, workspace.ui.detailsTab),
    ):
        press(qtbot, key, ALT)
        assert tabs.currentWidget() is page
    names = {a.text(): a.shortcut().toString() for a in workspace.actions()}
    assert names["Go to the psychology input"] == "Ctrl+3"
    assert names["Next case on the agenda"] == "Ctrl+PgDown"
