"""The conference workspace's item models: Qt's model rules (qtmodeltester), smallest changes, moving
rows by moveRows and by drop, and handing edits on instead of writing them."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from mdtboard.domain.case import CaseSummary, Discipline
from mdtboard.domain.conference import AgendaItem, AgendaStatus, Attendee, AttendeeRole, Conference
from mdtboard.ui.conference.models import (
    AGENDA_MIME,
    AgendaModel,
    AttendeeModel,
    ObjectRole,
    TextListModel,
    single_move,
)
from mdtboard.ui.conference.workspace import conference_line

ROOT = QModelIndex()


def _items(n: int) -> list[AgendaItem]:
    return [
        AgendaItem(case_id=100 + i, position=i, id=i + 1, case_ref=f"C-{i}", patient_name=f"P{i}")
        for i in range(n)
    ]


def _ids(model: AgendaModel) -> list[int | None]:
    return [i.id for i in model.rows()]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ([1, 2, 3, 4], [2, 1, 3, 4], (1, 0)),  # second row up one
        ([1, 2, 3, 4], [2, 3, 4, 1], (0, 4)),  # first row to the end
        ([1, 2, 3, 4], [4, 1, 2, 3], (3, 0)),
        ([1, 2, 3, 4], [1, 3, 2, 4], (1, 3)),  # second row down one (or third up one)
        ([1, 2, 3, 4], [1, 2, 3, 4], None),
        ([1, 2, 3, 4], [4, 3, 2, 1], None),  # not one move
        ([1, 2, 3], [1, 2, 3, 4], None),
    ],
)
def test_single_move_finds_the_one_row_moved(old: list[int], new: list[int], expected: object) -> None:
    found = single_move(old, new)
    assert found == expected or (found is not None and _apply(old, found) == new)
    if found is not None:
        assert _apply(old, found) == new


def _apply(rows: list[int], move: tuple[int, int]) -> list[int]:
    src, dest = move
    out = list(rows)
    item = out.pop(src)
    out.insert(dest - 1 if dest > src else dest, item)
    return out


def test_agenda_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AgendaModel()
    model.set_rows(_items(4))
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_agenda_model_passes_while_rows_change(qtmodeltester: ModelTester) -> None:
    model = AgendaModel()
    qtmodeltester.check(model)  # keeps checking every change below
    items = _items(5)
    model.set_rows(items[:3])
    model.set_rows(items[:4])  # one inserted
    model.set_rows([items[3], *items[:3]])  # one moved
    model.set_rows([items[3], items[0], items[2]])  # one removed
    model.set_rows(list(reversed(items)))  # reset
    assert model.moveRows(ROOT, 0, 1, ROOT, 3)
    assert model.moveRows(ROOT, 4, 1, ROOT, 0)
    model.set_rows([])


def test_agenda_model_moves_rows_in_memory_without_a_handler() -> None:
    model = AgendaModel()
    model.set_rows(_items(4))
    assert model.moveRows(ROOT, 0, 1, ROOT, 3)  # first row to before the last
    assert _ids(model) == [2, 3, 1, 4]
    assert model.moveRows(ROOT, 3, 1, ROOT, 0)
    assert _ids(model) == [4, 2, 3, 1]
    assert not model.moveRows(ROOT, 1, 1, ROOT, 1)  # onto itself
    assert not model.moveRows(ROOT, 1, 1, ROOT, 2)
    assert not model.moveRows(ROOT, 3, 2, ROOT, 0)  # past the end
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"
    assert model.data(model.index(0, AgendaModel.REF)) == "C-3"


def test_agenda_model_hands_moves_and_minutes_to_its_handlers() -> None:
    model = AgendaModel()
    model.set_rows(_items(3))
    orders: list[list[int]] = []
    budgets: list[tuple[int | None, int]] = []

    def reorder(order: list[int]) -> bool:
        orders.append(order)
        return False

    model.reorder_handler = reorder
    model.minutes_handler = lambda item, minutes: budgets.append((item.id, minutes)) is None
    assert not model.moveRows(ROOT, 2, 1, ROOT, 0)
    assert orders == [[3, 1, 2]]
    assert _ids(model) == [1, 2, 3]  # nothing moved here: the handler said no
    assert model.setData(model.index(1, AgendaModel.MINUTES), 20)
    assert budgets == [(2, 20)]
    assert model.rows()[1].minutes == 12  # shown when the stored value comes back
    assert not model.setData(model.index(1, AgendaModel.MINUTES), "twenty")
    assert not model.setData(model.index(1, AgendaModel.REF), "X")


def test_dropping_a_row_moves_it() -> None:
    model = AgendaModel()
    model.set_rows(_items(4))
    first = model.mimeData([model.index(0, 0), model.index(0, 3)])
    assert first.hasFormat(AGENDA_MIME)
    assert model.canDropMimeData(first, Qt.DropAction.MoveAction, 3, 0, ROOT)
    assert not model.canDropMimeData(first, Qt.DropAction.CopyAction, 3, 0, ROOT)
    # between rows: before the fourth row
    assert not model.dropMimeData(first, Qt.DropAction.MoveAction, 3, 0, ROOT)  # False: view keeps source
    assert _ids(model) == [2, 3, 1, 4]
    # onto a row: takes that row's place
    last = model.mimeData([model.index(3, 0)])
    model.dropMimeData(last, Qt.DropAction.MoveAction, -1, -1, model.index(0, 0))
    assert _ids(model) == [4, 2, 3, 1]
    # below the last row
    model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, -1, -1, ROOT)
    assert _ids(model) == [2, 3, 1, 4]


def test_agenda_model_shows_status_in_words_and_symbol(qapp: object) -> None:
    model = AgendaModel()
    model.set_rows([AgendaItem(case_id=1, position=0, id=1, status=AgendaStatus.IN_DISCUSSION)])
    index = model.index(0, AgendaModel.STATUS)
    assert model.data(index) == "In discussion"
    assert not model.data(index, Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(index, Qt.ItemDataRole.AccessibleTextRole) == "In discussion"
    assert model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, AgendaModel.MINUTES)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(ROOT) & Qt.ItemFlag.ItemIsDropEnabled


def test_attendee_model(qtmodeltester: ModelTester) -> None:
    model = AttendeeModel()
    people = [
        Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR, id=1),
        Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY, id=2),
    ]
    model.set_rows(people)
    qtmodeltester.check(model)
    assert model.data(model.index(1, AttendeeModel.DISCIPLINE)) == "Physical therapy"
    assert model.data(model.index(0, AttendeeModel.ROLE)) == "Chair"
    assert model.data(model.index(0, AttendeeModel.ROLE), Qt.ItemDataRole.EditRole) == "chair"
    edits: list[tuple[Attendee, Attendee]] = []
    model.edit_handler = lambda before, after: edits.append((before, after)) is None
    assert model.setData(model.index(1, AttendeeModel.ROLE), "trainee")
    assert edits[-1][1].role is AttendeeRole.TRAINEE and edits[-1][0].role is AttendeeRole.MEMBER
    assert model.setData(model.index(1, AttendeeModel.DISCIPLINE), "psychology")
    assert edits[-1][1].discipline is Discipline.PSYCHOLOGY
    assert not model.setData(model.index(1, AttendeeModel.ROLE), "emperor")
    assert not model.setData(model.index(1, AttendeeModel.NAME), "   ")
    assert len(edits) == 2
    model.set_rows([*people, Attendee("Ana Ruiz", Discipline.PSYCHOLOGY, id=3)])
    model.set_rows(people[1:])


def test_text_list_models(qtmodeltester: ModelTester) -> None:
    conferences = TextListModel(conference_line, lambda c: c.id)
    conferences.set_rows(
        [
            Conference("Pain MDT", datetime(2026, 12, 3, 13), room="Room 4", id=1),
            Conference("Teaching", datetime(2026, 12, 10, 13), id=2),
        ]
    )
    qtmodeltester.check(conferences)
    assert conferences.data(conferences.index(0, 0)) == "Thu 03 Dec 2026, 13:00\nPain MDT · Room 4"
    assert conferences.data(conferences.index(1, 0), ObjectRole).title == "Teaching"
    taken = {7}
    cases = TextListModel(lambda c: c.ref, lambda c: c.id, enabled=lambda c: c.id not in taken)
    cases.set_rows([CaseSummary(7, "C-7", "A", None, True), CaseSummary(8, "C-8", "B", None, True)])
    qtmodeltester.check(cases)
    assert not cases.flags(cases.index(0, 0)) & Qt.ItemFlag.ItemIsEnabled
    assert cases.flags(cases.index(1, 0)) & Qt.ItemFlag.ItemIsEnabled
    assert cases.row_of(8) == 1 and cases.row_of(9) is None
