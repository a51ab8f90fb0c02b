"""The case library's item model: valid for Qt (qtmodeltester), lazy, sorted and filtered by the service."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from mdtboard.domain.case import Case, Patient
from mdtboard.services.cases import CaseService
from mdtboard.services.context import Services, open_services
from mdtboard.ui.cases.table_cells import CASE_ID_ROLE, FICTIONAL_BADGE, KIND, NAME, REF
from mdtboard.ui.cases.table_model import AHEAD, KEPT_WINDOWS, CaseTableModel

pytestmark = pytest.mark.gui

MANY = 450


def _many_cases(count: int) -> list[Case]:
    return [
        Case(
            ref=f"GEN-{i:05d}",
            fictional=i % 3 == 0,
            patient=Patient(display_name=f"Patient N{count - i:05d}"),
            title=f"Generated case {i}",
        )
        for i in range(count)
    ]


@pytest.fixture
def many(sqlite_database_url: str) -> Services:
    services = open_services(sqlite_database_url)
    services.cases.store_many(_many_cases(MANY))
    yield services  # type: ignore[misc]
    services.close()


def test_model_passes_qtmodeltester_with_many_cases(qtmodeltester: ModelTester, many: Services) -> None:
    model = CaseTableModel(many.cases, page_size=100)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == MANY
    model.set_query("gen-001")  # a search: fewer rows, windows read again
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 100


class _Spy:
    """The case service, counting the pages asked for and how."""

    def __init__(self, service: CaseService) -> None:
        self._service = service
        self.calls: list[dict[str, Any]] = []

    def search(self, query: str = "", **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        return self._service.search(query, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._service, name)


def test_rows_are_read_a_window_at_a_time_and_far_windows_dropped(many: Services) -> None:
    spy = _Spy(many.cases)
    model = CaseTableModel(spy, page_size=20)  # type: ignore[arg-type]
    assert model.total == model.rowCount() == MANY  # the whole library: counted exactly, all rows at once
    assert not model.canFetchMore(QModelIndex())
    refs = [model.index(row, REF).data() for row in range(MANY)]  # scrolling from top to bottom
    assert refs == [f"GEN-{i:05d}" for i in range(MANY)]
    windows = -(-MANY // 20)
    assert len(spy.calls) == windows - 1  # the first window came with the count
    # each window went on from the last reference of the one before (no OFFSET over the rows before)
    assert all(call.get("after") == f"GEN-{20 * n - 1:05d}" for n, call in enumerate(spy.calls, start=1))
    assert len(model._windows) <= KEPT_WINDOWS  # noqa: SLF001 - what is kept in memory
    spy.calls.clear()
    assert model.index(5, REF).data() == "GEN-00005"  # a dropped window is read again, by its offset
    assert spy.calls == [
        {"fictional": None, "limit": 20, "offset": 0, "sort": "ref", "descending": False, "archived": False}
    ]
    assert model.row_of(model.index(321, REF).data(CASE_ID_ROLE)) == 321


def test_sorting_is_done_by_the_service(many: Services) -> None:
    model = CaseTableModel(many.cases, page_size=50)
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    # Names run backwards from the references, so the first name is the last reference's.
    assert model.index(0, NAME).data() == "Patient N00001"
    assert model.index(0, REF).data() == f"GEN-{MANY - 1:05d}"
    model.sort(REF, Qt.SortOrder.DescendingOrder)
    assert model.index(0, REF).data() == f"GEN-{MANY - 1:05d}"
    assert model.rowCount() == MANY
    refs = [model.index(row, REF).data() for row in range(MANY)]
    assert refs == [f"GEN-{i:05d}" for i in reversed(range(MANY))]  # windows going on down the references


def test_filter_and_search_and_badge(many: Services) -> None:
    model = CaseTableModel(many.cases, page_size=500)
    model.set_fictional(True)
    assert model.total == len([i for i in range(MANY) if i % 3 == 0])
    assert {model.index(r, KIND).data() for r in range(model.rowCount())} == {FICTIONAL_BADGE}
    model.set_fictional(False)
    assert {model.index(r, KIND).data() for r in range(model.rowCount())} == {"Real"}
    model.set_fictional(None)
    model.set_query("gen-00012")
    assert [model.index(r, REF).data() for r in range(model.rowCount())] == ["GEN-00012"]
    case_id = model.index(0, REF).data(CASE_ID_ROLE)
    assert many.cases.get(case_id).ref == "GEN-00012"


def test_empty_library(sqlite_database_url: str, qtmodeltester: ModelTester) -> None:
    services = open_services(sqlite_database_url)
    try:
        model = CaseTableModel(services.cases)
        assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
        qtmodeltester.check(model, force_py=True)
    finally:
        services.close()


def test_past_the_count_limit_the_total_is_a_lower_bound_until_the_last_page(
    qtmodeltester: ModelTester, sqlite_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mdtboard.ui.cases.table_model as table_model

    monkeypatch.setattr(table_model, "COUNT_LIMIT", 300)
    services = open_services(sqlite_database_url)
    try:
        services.cases.store_many(_many_cases(MANY))
        model = CaseTableModel(services.cases, page_size=200)
        model.set_query("patient")  # every case: more than the count limit, so the table grows as it scrolls
        assert not model.total_is_exact and model.total >= 300
        assert model.rowCount() == 200
        qtmodeltester.check(model, force_py=True)
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        assert model.rowCount() == MANY
        assert model.total_is_exact and model.total == MANY
        refs = [model.index(row, REF).data() for row in range(MANY)]
        assert refs == [f"GEN-{i:05d}" for i in range(MANY)]
        model.set_query("patient n0000")  # nine matches: counted exactly at once
        assert model.total_is_exact and model.total == model.rowCount() == 9
        model.set_query("")  # the whole library: exact, however far past the limit
        assert model.total_is_exact and model.total == model.rowCount() == MANY
    finally:
        services.close()


class _ThreadSpy(_Spy):
    """The case service, noting on which thread each page was read."""

    def search(self, query: str = "", **kwargs: Any) -> Any:
        import threading

        self.calls.append({"gui": threading.current_thread() is threading.main_thread(), **kwargs})
        return self._service.search(query, **kwargs)


def test_the_library_reads_the_next_windows_ahead_off_the_gui_thread(qtbot: Any, many: Services) -> None:
    spy = _ThreadSpy(many.cases)
    model = CaseTableModel(spy, page_size=50, prefetch=True)  # type: ignore[arg-type]
    assert model.index(10, REF).data() == "GEN-00010"  # window 0, read with the count
    # the windows around it are asked for once the event being handled (a paint) is done, not during it
    assert not model._pending  # noqa: SLF001
    qtbot.waitUntil(lambda: {1, 2} <= set(model._windows))  # noqa: SLF001 - the windows after, read ahead
    assert [c["gui"] for c in spy.calls] == [False] * AHEAD
    spy.calls.clear()
    for row in range(50, MANY):  # scrolling down: each window is there before it is shown
        assert model.index(row, REF).data() == f"GEN-{row:05d}"
        qtbot.waitUntil(lambda r=row: (r // 50 + 1) * 50 >= MANY or r // 50 + 1 in model._windows)  # noqa: SLF001
    assert spy.calls and not any(c["gui"] for c in spy.calls)
    assert all(c.get("after") for c in spy.calls)  # each read ahead went on from the window before

    # A read ahead that arrives after the search changed is dropped, not shown under the new search.
    stale = model._generation  # noqa: SLF001
    old_rows = model._windows[1]  # noqa: SLF001
    model.set_query("gen-0001")
    model._arrived(stale, 1, old_rows)  # noqa: SLF001 - as the reader thread's answer would come in
    assert 1 not in model._windows  # noqa: SLF001
    assert [model.index(r, REF).data() for r in range(model.rowCount())] == [
        f"GEN-{i:05d}" for i in range(10, 20)
    ]


def test_scrolling_up_the_windows_above_are_read_ahead(qtbot: Any, many: Services) -> None:
    spy = _ThreadSpy(many.cases)
    model = CaseTableModel(spy, page_size=50, prefetch=True)  # type: ignore[arg-type]
    assert model.index(8 * 50, REF).data() == "GEN-00400"  # the last window, read at once (a jump)
    qtbot.waitUntil(lambda: 7 in model._windows)  # noqa: SLF001 - the one above it, read ahead
    assert model.index(7 * 50 + 49, REF).data() == "GEN-00399"  # one row up: window 7, scrolling up
    # the two windows above it are read ahead (in the way the view moves), and the one below is there
    qtbot.waitUntil(lambda: {5, 6, 8} <= set(model._windows), timeout=5000)  # noqa: SLF001
    assert [r[1] for r in model._windows[5]] == [f"GEN-{i:05d}" for i in range(250, 300)]  # noqa: SLF001
    spy.calls.clear()
    for row in range(7 * 50 - 1, 5 * 50 - 1, -1):  # on up: every row there, none read on this thread
        assert model.index(row, REF).data() == f"GEN-{row:05d}"
    qtbot.waitUntil(lambda: {3, 4} <= set(model._windows), timeout=5000)  # noqa: SLF001
    assert spy.calls and not any(c["gui"] for c in spy.calls)


class _LoadSpy(_ThreadSpy):
    """The case service, noting also each first page and count asked for, and on which thread."""

    def __init__(self, service: CaseService) -> None:
        super().__init__(service)
        self.loads: list[tuple[str, bool]] = []

    def search_with_count(self, query: str = "", **kwargs: Any) -> Any:
        import threading

        self.loads.append((query, threading.current_thread() is threading.main_thread()))
        return self._service.search_with_count(query, **kwargs)


def test_in_the_background_mode_nothing_is_read_on_the_gui_thread(qtbot: Any, many: Services) -> None:
    from conftest import settle

    from mdtboard.ui import ops

    spy = _LoadSpy(many.cases)
    model = CaseTableModel(spy, page_size=50, background=True)  # type: ignore[arg-type]
    assert model.loading and model.rowCount() == 0  # the first page is on its way
    with qtbot.waitSignal(model.loaded):
        pass
    assert model.rowCount() == MANY and not model.loading
    # a search, typed over twice before the reader thread got to it: the rows of before stay until the
    # last one arrives, the model is reset once, and the searches typed over are not read at all
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    spy.loads.clear()
    hold = ops.read(lambda: time.sleep(0.3))  # the reader thread is busy meanwhile
    for query in ("gen-0", "gen-00", "gen-001"):
        model.set_query(query)
        assert model.loading and model.rowCount() == MANY
    ops.operations().wait_for(hold)
    settle()
    assert resets == [100] and model.rowCount() == 100
    assert spy.loads == [("gen-001", False)]
    # a row of a window not in memory: a placeholder, read in the background, then dataChanged
    spy.calls.clear()
    assert model.index(75, REF).data() == "…"
    with qtbot.waitSignal(model.dataChanged) as changed:
        pass
    assert changed.args[0].row() == 50 and changed.args[1].row() == 99
    assert model.index(75, REF).data() == "GEN-00175"
    assert spy.calls and not any(c["gui"] for c in spy.calls)
    # a case looked for in the background
    case_id = many.cases.get_by_ref("GEN-00420").id
    model.set_query("")
    settle()
    with qtbot.waitCallback() as found:
        model.find_row(case_id, found)
        settle()
    found.assert_called_with(420)
    assert model.index(420, REF).data() == "GEN-00420"  # its window kept
    assert not any(gui for _query, gui in spy.loads) and not any(c["gui"] for c in spy.calls)


def test_a_case_found_past_the_rows_of_a_broad_search_grows_the_table(
    qtbot: Any, many: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import settle

    import mdtboard.ui.cases.table_model as table_model

    monkeypatch.setattr(table_model, "COUNT_LIMIT", 300)
    model = CaseTableModel(many.cases, page_size=100, background=True)
    model.set_query("patient")  # every case: more than the count limit, the table grows as it scrolls
    settle()
    assert model.rowCount() == 100 and not model.total_is_exact
    with qtbot.waitCallback() as found:
        model.find_row(many.cases.get_by_ref("GEN-00420").id, found)
        settle()
    found.assert_called_with(420)
    assert model.rowCount() == MANY and model.total_is_exact  # its window was the last: all counted
    assert model.index(420, REF).data() == "GEN-00420"
    with qtbot.waitCallback() as found:
        model.find_row(many.cases.get_by_ref("GEN-00150").id, found, near=150)
        settle()
    found.assert_called_with(150)
    assert model.index(150, REF).data() == "GEN-00150"


def test_a_cell_s_text_if_read_reads_nothing(qtbot: Any, many: Services) -> None:
    spy = _ThreadSpy(many.cases)
    model = CaseTableModel(spy, page_size=50)  # type: ignore[arg-type]
    spy.calls.clear()
    assert model.cell_text_if_read(10, REF) == "GEN-00010"  # window 0, read with the count
    assert model.cell_text_if_read(10, NAME) == model.cell_text(10, NAME) == f"Patient N{MANY - 10:05d}"
    assert model.cell_text_if_read(120, REF) is None  # window 2: not read, and not asked for
    assert model.cell_text_if_read(MANY, REF) is None and model.cell_text_if_read(-1, REF) is None
    qtbot.wait(50)
    assert not spy.calls and set(model._windows) == {0}  # noqa: SLF001
    assert model.cell_text(120, REF) == "GEN-00120"  # shown: read (synchronous mode), then known
    assert model.cell_text_if_read(120, REF) == "GEN-00120"
