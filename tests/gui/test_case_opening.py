"""Opening a case in the case editor shows it a part at a time: the header, the banners, the free texts and
the ISBAR part in front at once, the other parts and the panels beside the fields in the next turns of the
event loop. The case ends up shown whole, exactly as filled in one go; what is typed meanwhile stays and
is saved with the rest of the case (never with fields of the case shown before); another part brought to
the front is filled at once."""

from __future__ import annotations

import pytest
from conftest import settle
from gui_helpers import WindowFactory, load_samples, make_window, second_session, settings_path
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.cases.editor import CaseEditor, case_fields
from mdtboard.ui.cases.form import MED_MME_COLUMN, CaseForm
from mdtboard.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here

SITUATION, RECOMMENDATION = 1, 4
PANELS = ("headerLabel", "readinessSummary", "readinessDetails", "mmeSummary", "nrsResult", "pegResult",
          "phq9Result", "gad7Result", "sharingBanner", "safetyBanner")


@pytest.fixture
def window(make_window: WindowFactory, sqlite_database_url: str, second_session: Services) -> MainWindow:
    load_samples(second_session.cases)
    return make_window(sqlite_database_url)


def _opening(window: MainWindow, services: Services, ref: str, *, part: int) -> tuple[CaseEditor, int]:
    """MDT-008 shown whole with ``part`` in front, then ``ref`` opened: its reading delivered, the rest of
    it still to come."""
    editor = window.editor
    assert editor is not None
    first = services.cases.get_by_ref("MDT-008").id
    case_id = services.cases.get_by_ref(ref).id
    assert first is not None and case_id is not None
    window.open_case(first)
    settle()
    editor.ui.isbarTabs.setCurrentIndex(part)
    window.open_case(case_id)
    ops.operations().wait()  # the case read and handed to the editor; no turn of the event loop yet
    assert editor.current_case_id() == case_id and editor.filling
    return editor, case_id


def _panels(editor: CaseEditor) -> dict[str, str]:
    return {name: getattr(editor.ui, name).text() for name in PANELS}


def test_a_case_opened_a_part_at_a_time_is_shown_whole(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    editor, case_id = _opening(window, second_session, "MDT-001", part=SITUATION)
    case = second_session.cases.get(case_id)
    assert editor.ui.headerLabel.text().startswith("MDT-001")  # at once, with the part in front
    assert editor.ui.oneLinerEdit.toPlainText() == case.one_liner
    settle()
    assert not editor.filling
    texts = CaseForm.texts_of_case(case)
    assert {key: editor.form.text(key) for key in texts} == texts
    for name, rows in CaseForm.rows_of_case(case).items():
        table = editor.form.tables[name]
        shown = [editor.form.row_texts(name, row) for row in range(table.rowCount())]
        if name == "medicationsTable":  # the MME column is worked out, not stored
            shown = [[*row[:MED_MME_COLUMN], ""] for row in shown]
        assert shown == rows
    panels = _panels(editor)
    assert panels["mmeSummary"] and panels["readinessSummary"]
    editor._refresh()  # everything drawn again in one go: nothing differs
    assert _panels(editor) == panels
    assert not editor.session.pending  # showing a case is not an edit


def test_typing_while_a_case_is_shown_is_kept_and_saved_with_that_case(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    editor, case_id = _opening(window, second_session, "MDT-001", part=SITUATION)
    before = second_session.cases.get(case_id)
    one_liner = editor.ui.oneLinerEdit
    one_liner.setFocus()
    qtbot.keyClick(one_liner, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(one_liner, " Seen again today.")
    assert editor.flush()  # saved before the other parts' turns came: the form was read whole
    stored = second_session.cases.get(case_id)
    assert stored.one_liner == f"{before.one_liner} Seen again today."
    mine, theirs = case_fields(stored), case_fields(before)
    assert {k: v for k, v in mine.items() if k != "one_liner"} == {
        k: v for k, v in theirs.items() if k != "one_liner"
    }
    settle()
    assert one_liner.toPlainText() == f"{before.one_liner} Seen again today."  # not filled over
    assert editor.ui.goalsEdit.toPlainText() == "\n".join(before.function_goals or [])
    assert not editor.session.pending


def test_another_part_brought_to_the_front_while_a_case_is_shown_is_filled_at_once(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    editor, case_id = _opening(window, second_session, "MDT-001", part=SITUATION)
    case = second_session.cases.get(case_id)
    goals = "\n".join(case.function_goals or [])
    assert goals and goals != editor.ui.goalsEdit.toPlainText()  # MDT-008's still, until its turn
    editor.ui.isbarTabs.setCurrentIndex(RECOMMENDATION)
    assert editor.ui.goalsEdit.toPlainText() == goals  # before any turn of the event loop
    assert editor.ui.refEdit.text() == "MDT-001"
    settle()
    assert not editor.session.pending
