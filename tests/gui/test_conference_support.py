"""Helpers of the conference workspace tests: a workspace on a test database, keyboard helpers, and a
chooser that records the conflicts shown instead of opening a dialog. (No tests here.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path

import pytest
from conftest import settle
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Patient, RestrictedPassage, Scores
from mdtboard.domain.conference import Conference
from mdtboard.interchange.bundle import import_files
from mdtboard.services.context import Services
from mdtboard.storage.db import open_database
from mdtboard.ui.conference.workspace import ConferenceWorkspace
from mdtboard.ui.editing.clash_dialog import plain
from mdtboard.ui.editing.session import Clash

SAMPLE_CASES = Path(__file__).resolve().parents[1] / "data" / "sample-cases.json"

#: Autosave waits this long after the last keystroke in the tests (the program's default is 500 ms).
WAIT_MS = 5000


class Choice(Enum):
    """What a test answers for every field both sides changed."""

    KEEP_MINE = "mine"
    TAKE_THEIRS = "theirs"


@dataclass
class RecordingChooser:
    """Stands in for the clash dialog: records what was asked (the record's name, and (field, my text,
    saved text) for each field both sides changed), and answers with ``answer`` (or not at all while
    ``answer`` is None, leaving the choice to the test through :meth:`answer_last`)."""

    answer: Choice | None = None
    asked: list[tuple[str, list[tuple[str, str, str]]]] = field(default_factory=list)
    pending: list[Callable[[Choice], None]] = field(default_factory=list)

    def __call__(
        self, what: str, clash: Clash, label: Callable[[str], str], done: Callable[[set[str]], None]
    ) -> None:
        rows = [(label(n), plain(clash.mine.get(n)), plain(clash.theirs.get(n))) for n in clash.merge.clashes]
        self.asked.append((what, rows))

        def answer(choice: Choice) -> None:
            done(set(clash.merge.clashes) if choice is Choice.KEEP_MINE else set())

        if self.answer is None:
            self.pending.append(answer)
        else:
            answer(self.answer)

    def answer_last(self, choice: Choice) -> None:
        self.pending.pop()(choice)


WorkspaceFactory = Callable[..., ConferenceWorkspace]


@pytest.fixture
def make_workspace(qtbot: QtBot, tmp_path: Path) -> Iterator[WorkspaceFactory]:
    """``make_workspace(services, undo_stack=None)``: a shown, active workspace whose conflicts go to a
    :class:`RecordingChooser` (``workspace.chooser``)."""

    def make(services: Services, undo_stack: QUndoStack | None = None) -> ConferenceWorkspace:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        stack = undo_stack if undo_stack is not None else QUndoStack()
        workspace = ConferenceWorkspace(services, stack, settings)
        settings.setParent(workspace)  # Qt's to delete with the workspace, on the GUI thread
        if undo_stack is None:
            stack.setParent(workspace)
        workspace.chooser = RecordingChooser()
        qtbot.addWidget(workspace)
        workspace.resize(1400, 900)
        workspace.show()
        qtbot.waitExposed(workspace)
        workspace.activateWindow()
        qtbot.waitUntil(workspace.isActiveWindow)
        return workspace

    yield make


def load_samples(services: Services) -> dict[str, int]:
    """The five sample cases; their database ids by reference."""
    return {s.ref: s.id for s in import_files(services.cases, [SAMPLE_CASES])}


#: A restricted passage of the risky case's psychosocial history, held by psychology.
SECRET = "Told psychology about a court case against her brother."


def risky_case(services: Services) -> int:
    """A case with PHQ-9 item 9 of 2 and sharing restrictions."""
    case = services.cases.create(
        Case(
            ref="MDT-RISK",
            fictional=True,
            patient=Patient("Rhiannon Test", age=38),
            one_liner="38-year-old with widespread pain and low mood.",
            question_for_team="How do we keep her safe while we reduce the opioid?",
            sharing_restrictions="Do not share with the employer's occupational health service.",
            sharing_restrictions_by="Ana Ruiz",
            psychosocial=f"Lives alone. {SECRET} Walks her dog daily.",
            restricted_passages=[RestrictedPassage("/psychosocial", SECRET, "psychology")],
            scores=Scores(phq9_total=16, phq9_item9=2),
        )
    )
    assert case.id is not None
    return case.id


@pytest.fixture
def another_session(services: Services) -> Iterator[Services]:
    """A second session on the same database: another PC, or a second window."""
    other = Services.on(open_database(services.db.engine.url.render_as_string(hide_password=False)))
    yield other
    other.close()


def conference(services: Services, when: datetime, title: str = "Pain MDT") -> int:
    conf = services.conferences.create(Conference(title=title, starts_at=when, room="Room 4"))
    assert conf.id is not None
    return conf.id


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a person would, into the widget that has the keyboard focus."""
    assert QApplication.focusWidget() is widget, f"focus is on {QApplication.focusWidget()!r}, not {widget!r}"
    qtbot.keyClicks(widget, text)


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key in the widget that has the keyboard focus (shortcuts included), and let what it started
    in the background (reads, saves, undo steps) finish and be shown."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifiers)
    settle()


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
