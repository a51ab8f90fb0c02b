"""The patient introduced the same way on every screen: the case editor's header (as it is typed), the
discussion's key facts and the big screen's Situation (both through the one domain function)."""

from __future__ import annotations

import pytest
from conftest import settle
from gui_helpers import WindowFactory, make_window, second_session, settings_path
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, OtherScore, Patient, Scores
from mdtboard.domain.introduction import introduce_case
from mdtboard.services.context import Services
from mdtboard.ui.conference.discussion import patient_line
from mdtboard.ui.presentation.content import assessment, situation

pytestmark = pytest.mark.gui
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here


def test_the_editor_header_introduces_the_patient_as_typed(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    case = second_session.cases.create(
        Case("MDT-40", fictional=False, patient=Patient("Sam Rivera", age=34, sex="female"))
    )
    window = make_window(sqlite_database_url)
    window.open_case(case.id or 0)
    settle()
    editor = window.editor
    assert editor is not None
    assert editor.ui.headerLabel.text() == "MDT-40 · Sam Rivera · 34 years · female"
    editor.ui.genderEdit.setFocus()
    qtbot.keyClicks(editor.ui.genderEdit, "non-binary")
    qtbot.keyClick(editor.ui.genderEdit, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.ui.pronounsEdit, "they/them")
    assert editor.ui.headerLabel.text() == "MDT-40 · Sam Rivera · 34 years · non-binary · pronouns they/them"


def test_discussion_and_big_screen_use_the_same_introduction() -> None:
    case = Case(
        "MDT-41", fictional=True,
        patient=Patient(
            "Kai Moon", age=61, gender_identity="man", pronouns="he/him", preferred_language="Welsh"
        ),
    )
    expected = "Kai Moon · 61 years · man · pronouns he/him · speaks Welsh · fictional case"
    assert introduce_case(case).line() == expected
    assert patient_line(case) == expected
    assert situation(case).blocks[0].text == expected


def test_typed_totals_show_their_instruments_names_in_the_discussion_and_on_the_big_screen() -> None:
    case = Case(
        "MDT-42", fictional=True, patient=Patient("Lu Wen"),
        scores=Scores(nrs=6, other=[OtherScore("tsk17", 44), OtherScore("lefs_total", 52, "left knee")]),
    )
    blocks = assessment(case).blocks
    fields = {b.label: b.text for b in blocks if b.label}
    assert fields["TSK-17 total"] == "44 (typed total)"
    assert fields["LEFS total"] == "52 (typed total; left knee)"
    assert not any("tsk17" in (b.label or "") + b.text for b in blocks)
