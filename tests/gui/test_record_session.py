"""The record session and background operations, on a real database: autosave timing, save state,
automatic retry, field-level merge, and the GUI thread never waiting for a locked database (SQLite's file
locked by another connection, a PostgreSQL row locked by another session)."""

from __future__ import annotations

import contextlib
import copy
import time
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import prepare_at_head
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Patient, Scores
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.merge import merge_fields, record_fields, with_fields
from mdtboard.services.context import Services
from mdtboard.storage import db as storage_db
from mdtboard.storage.db import Database, open_database
from mdtboard.ui import ops
from mdtboard.ui.editing import session as session_module
from mdtboard.ui.editing.session import Clash, RecordSession, SaveState

SKIP = ("id", "version", "created_at", "updated_at", "discipline_inputs")
NESTED = {"patient": Patient, "scores": Scores}


def fields(case: Case) -> dict[str, Any]:
    return record_fields(case, nested=tuple(NESTED), skip=SKIP)


def build(like: Case, values: dict[str, Any]) -> Case:
    return with_fields(like, values, nested=NESTED)  # type: ignore[no-any-return]


class Screen:
    """What an editor would show: the record as typed."""

    def __init__(self, case: Case) -> None:
        self.case = copy.deepcopy(case)

    def read(self) -> Case:
        return copy.deepcopy(self.case)


_sessions: list[RecordSession] = []


def make_session(services: Services, screen: Screen, **kwargs: Any) -> RecordSession:
    session = RecordSession(
        save=services.cases.update,
        read=screen.read,
        fields=fields,
        build=build,
        what="case",
        **kwargs,
    )
    session.load(services.cases.get(screen.case.id or 0))
    session.merged.connect(lambda record, _message: setattr(screen, "case", copy.deepcopy(record)))
    _sessions.append(session)
    return session


@pytest.fixture(autouse=True)
def _operations_done() -> Iterator[None]:
    """Every operation a test started has ended before its database is closed."""
    yield
    ops.operations().wait()
    while _sessions:
        _sessions.pop().close()


@pytest.fixture
def services(db: Database) -> Iterator[Services]:
    yield Services.on(db)
    ops.operations().wait()
    while _sessions:
        _sessions.pop().close()


@pytest.fixture
def stored(services: Services) -> Case:
    return services.cases.create(
        Case(ref="RS-1", fictional=True, patient=Patient("Ana Example"), title="Low back pain",
             one_liner="58-year-old with back pain")
    )


def test_merge_fields_keeps_both_sides_and_names_the_clashes() -> None:
    base = {"a": 1, "b": 1, "c": 1, "d": 1}
    mine = {"a": 2, "b": 1, "c": 3, "d": 5}
    theirs = {"a": 1, "b": 4, "c": 3, "d": 6}
    merge = merge_fields(base, mine, theirs)
    assert merge.merged == {"a": 2, "b": 4, "c": 3, "d": 6}
    assert merge.kept_mine == ["a"] and merge.kept_theirs == ["b"] and merge.clashes == ["d"]
    merge.choose("d", 5)
    assert merge.merged["d"] == 5 and merge.merged["b"] == 4


def test_a_pause_saves_and_the_state_says_saved_only_after_the_commit(
    qtbot: QtBot, services: Services, stored: Case
) -> None:
    screen = Screen(stored)
    session = make_session(services, screen)
    states: list[str] = []
    session.state_changed.connect(states.append)
    screen.case.title = "Low back pain, worse at night"
    session.touch()
    assert session.pending and session.state is SaveState.PENDING
    with qtbot.waitSignal(session.saved, timeout=10_000) as blocker:
        pass
    assert blocker.args[0].title == "Low back pain, worse at night"
    assert services.cases.get(stored.id or 0).title == "Low back pain, worse at night"
    assert states[0] == "Saving…" and states[-1].startswith("Saved ")
    assert not session.pending


def test_steady_typing_is_saved_while_it_goes_on(qtbot: QtBot, services: Services, stored: Case) -> None:
    """A key every 100 ms, never pausing 0.5 s: the record is still saved at least every 2 s."""
    screen = Screen(stored)
    session = make_session(services, screen)
    commits: list[str] = []
    session.saved.connect(lambda case: commits.append(case.one_liner))
    typed = iter(range(1, 1000))
    typing = QTimer()
    typing.setInterval(100)

    def key() -> None:
        screen.case.one_liner = f"{stored.one_liner} {'x' * next(typed)}"
        session.touch()

    typing.timeout.connect(key)
    typing.start()
    try:
        qtbot.waitUntil(lambda: len(commits) >= 2, timeout=15_000)
    finally:
        typing.stop()
    # saved while typing went on: each commit holds text typed before the last key
    assert all(text and text.startswith(stored.one_liner or "") for text in commits)
    assert services.cases.get(stored.id or 0).one_liner == commits[-1]


@pytest.fixture
def impatient(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A database that gives up on another session's lock soon: SQLite's busy timeout, PostgreSQL's
    ``lock_timeout`` (set on every connection), both at a fraction of a second."""
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(storage_db, "PG_LOCK_TIMEOUT_MS", 300)
    monkeypatch.setattr(session_module, "RETRY_S", (0.5, 1))
    prepare_at_head(database_url)
    db = open_database(database_url)
    yield db
    db.dispose()


@contextlib.contextmanager
def locked(db: Database, case: Case) -> Iterator[None]:
    """Another session holds a lock the save needs until the block ends: on SQLite the write lock of the
    file (``BEGIN IMMEDIATE``), on PostgreSQL the case's row (``SELECT ... FOR UPDATE`` in an open
    transaction)."""
    holder = sa.create_engine(db.engine.url).connect()
    try:
        if db.is_sqlite:
            holder.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            holder.execute(sa.text("SELECT id FROM cases WHERE id = :id FOR UPDATE"), {"id": case.id})
        yield
    finally:
        if db.is_sqlite:
            holder.exec_driver_sql("ROLLBACK")
        else:
            holder.rollback()
        holder.close()
        holder.engine.dispose()


def test_a_save_behind_a_lock_is_retried_by_itself_once_the_lock_is_gone(
    qtbot: QtBot, impatient: Database
) -> None:
    services = Services.on(impatient)
    stored = services.cases.create(Case(ref="LK-1", fictional=True, patient=Patient("Ana Example")))
    screen = Screen(stored)
    session = make_session(services, screen)
    with locked(impatient, stored):
        screen.case.title = "Typed while another program held the database"
        session.touch()
        qtbot.waitUntil(lambda: session.state is SaveState.RETRYING, timeout=10_000)
        assert session.state_text.startswith("Not saved: The database is busy")
        assert session.state_text.endswith("Retrying in 0.5 s")
        assert session.pending
        assert services.cases.get(stored.id or 0).title != screen.case.title  # nothing saved yet
    # nothing typed since: the retry alone saves it
    with qtbot.waitSignal(session.saved, timeout=10_000):
        pass
    assert services.cases.get(stored.id or 0).title == "Typed while another program held the database"


def test_the_gui_thread_does_not_wait_for_a_locked_database(qtbot: QtBot, impatient: Database) -> None:
    services = Services.on(impatient)
    stored = services.cases.create(Case(ref="LK-2", fictional=True, patient=Patient("Ana Example")))
    outcome: list[object] = []
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    try:
        with locked(impatient, stored):
            stored.title = "x"
            ops.write(lambda: services.cases.update(stored), success=outcome.append, failure=outcome.append)
            assert outcome == []  # returned at once; the outcome comes later, through the event loop
            qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    finally:
        timer.stop()
    assert isinstance(outcome[0], MdtboardError) and outcome[0].passing  # type: ignore[attr-defined]
    assert len(ticks) >= 3  # the event loop went on while the save waited for the lock


def test_writes_run_in_order_and_outcomes_come_back_on_the_gui_thread(qtbot: QtBot) -> None:
    import threading

    seen: list[tuple[int, bool]] = []
    gui = threading.get_ident()
    worker_threads: set[int] = set()

    def work(n: int) -> int:
        worker_threads.add(threading.get_ident())
        time.sleep(0.01 * (5 - n))
        return n

    for n in range(5):
        ops.write(lambda n=n: work(n), success=lambda r: seen.append((r, threading.get_ident() == gui)))
    qtbot.waitUntil(lambda: len(seen) == 5, timeout=10_000)
    assert seen == [(n, True) for n in range(5)]
    assert len(worker_threads) == 1 and gui not in worker_threads


def test_a_failure_nobody_handles_is_shown_in_one_place_and_a_gone_parent_gets_nothing(qtbot: QtBot) -> None:
    messages: list[str] = []
    ops.operations().failed.connect(messages.append)
    got: list[object] = []
    parent = QObject()

    def fail() -> None:
        raise MdtboardError("The disk is full. Nothing was changed.")

    ops.write(fail)
    op = ops.write(lambda: 1, parent=parent, success=got.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: op.delivered, timeout=10_000)
    assert messages == ["The disk is full. Nothing was changed."]
    assert got == []
    ops.operations().failed.disconnect(messages.append)


def test_changes_on_other_fields_are_merged_and_the_person_is_told(
    qtbot: QtBot, services: Services, stored: Case
) -> None:
    screen = Screen(stored)
    session = make_session(services, screen)
    other = services.cases.get(stored.id or 0)
    other.title = "Chronic low back pain (changed on another PC)"
    services.cases.update(other)
    messages: list[str] = []
    session.merged.connect(lambda _record, message: messages.append(message))
    screen.case.one_liner = "58-year-old teacher with back pain since 2019"
    session.touch()
    with qtbot.waitSignal(session.saved, timeout=10_000):
        pass
    now = services.cases.get(stored.id or 0)
    assert now.title == "Chronic low back pain (changed on another PC)"
    assert now.one_liner == "58-year-old teacher with back pain since 2019"
    assert messages == ["A change saved elsewhere to the title was kept; yours to the other fields too."]
    assert screen.case.title == now.title  # the screen shows their change


def test_a_field_changed_on_both_sides_is_offered_for_a_choice_and_nothing_else_reverts(
    qtbot: QtBot, services: Services, stored: Case
) -> None:
    screen = Screen(stored)
    session = make_session(services, screen)
    other = services.cases.get(stored.id or 0)
    other.title = "Title from the other PC"
    other.one_liner = "One-liner from the other PC"
    services.cases.update(other)
    clashes: list[Clash] = []
    session.clashed.connect(clashes.append)
    screen.case.one_liner = "My one-liner"
    session.touch()
    qtbot.waitUntil(lambda: bool(clashes), timeout=10_000)
    clash = clashes[0]
    assert clash.merge.clashes == ["one_liner"]
    assert clash.mine["one_liner"] == "My one-liner"
    assert clash.theirs["one_liner"] == "One-liner from the other PC"
    assert session.state is SaveState.CONFLICT and session.pending
    # nothing was overwritten
    assert services.cases.get(stored.id or 0).one_liner == "One-liner from the other PC"
    with qtbot.waitSignal(session.saved, timeout=10_000):
        session.settle(clash, {"one_liner"})
    now = services.cases.get(stored.id or 0)
    assert now.one_liner == "My one-liner"
    assert now.title == "Title from the other PC"  # choosing mine did not revert their other change
